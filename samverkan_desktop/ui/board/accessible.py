"""What a screen reader hears about the board: the sentences for notes and frames, and the
announcement when the keyboard's focus moves on the board.

Graphics items have no accessibility interface of their own in Qt, so the board's view speaks
for them: its accessible name is the focused note's or frame's sentence and its description the
details, and when the focus moves the view tells the accessibility bridge (a Focus event, after
the name changed), which makes a screen reader read the new name. The facts come from
core.accessible_text; only the words are here, translated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAccessible, QAccessibleEvent

from ...core import note_colours
from ...core.accessible_text import ClusterFacts, NoteFacts, cluster_facts, note_facts
from ...core.board import Key
from ..i18n import TrContext, current_language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..document import DocumentModel

PATH_SEPARATOR = " › "


class BoardAccessible(TrContext):
    """What the board says to a screen reader. (Translation context; see TrContext.)"""


def _path(path: tuple[str, ...]) -> str:
    return PATH_SEPARATOR.join(name or BoardAccessible.tr("namnlöst kluster") for name in path)


def board_name() -> str:
    """The view's name while no note or frame has the keyboard's focus."""
    return BoardAccessible.tr("Tavla")


def board_description() -> str:
    return BoardAccessible.tr(
        "Tabb och piltangenterna går mellan lapparna och klustren; Mellanslag markerar, "
        "Enter redigerar, Ctrl+Skift+M flyttar till ett kluster."
    )


def note_sentence(facts: NoteFacts, selected: bool = False) -> str:
    """ "Lapp: ‹text›, grupp AI1, i kluster Trygghet, 2 röster" """
    text = facts.text or BoardAccessible.tr("tom")
    parts = [BoardAccessible.tr("Lapp: {text}").format(text=text)]
    if facts.group:
        parts.append(BoardAccessible.tr("grupp {label}").format(label=facts.group))
    if facts.cluster:
        parts.append(BoardAccessible.tr("i kluster {path}").format(path=_path(facts.cluster)))
    if facts.votes:
        parts.append(BoardAccessible.tr("%n röster", "", facts.votes))
    if selected:
        parts.append(BoardAccessible.tr("markerad"))
    return ", ".join(parts)


def note_details(facts: NoteFacts) -> str:
    """The rest a sighted user sees on the note: its colour, marks and comment."""
    parts = []
    if facts.colour:
        name = note_colours.colour_name(facts.colour, current_language())
        parts.append(BoardAccessible.tr("Färg: {name}").format(name=name))
    if facts.uncertain:
        parts.append(BoardAccessible.tr("Osäker läsning av originalet"))
    if facts.personal_data:
        parts.append(BoardAccessible.tr("Innehåller personuppgifter"))
    if facts.comment:
        parts.append(BoardAccessible.tr("Kommentar: {text}").format(text=facts.comment))
    return ". ".join(parts)


def cluster_sentence(facts: ClusterFacts, selected: bool = False) -> str:
    """ "Kluster: Trygghet, 12 lappar, 2 underkluster" """
    parts = [BoardAccessible.tr("Kluster: {path}").format(path=_path(facts.path))]
    parts.append(BoardAccessible.tr("%n lappar", "", facts.notes))
    if facts.subclusters:
        parts.append(BoardAccessible.tr("%n underkluster", "", facts.subclusters))
    if facts.group:
        parts.append(BoardAccessible.tr("grupp {label}").format(label=facts.group))
    if selected:
        parts.append(BoardAccessible.tr("markerat"))
    return ", ".join(parts)


def cluster_details(facts: ClusterFacts) -> str:
    return facts.description


def describe(
    doc: DocumentModel, labels: dict[int, str], key: Key, selected: bool
) -> tuple[str, str]:
    """(name, description) of a note or frame on the board."""
    kind, i = key
    if kind == "note":
        facts = note_facts(doc.note(i), labels, doc.clusters)
        return note_sentence(facts, selected), note_details(facts)
    cluster = doc.cluster(i)
    cfacts = cluster_facts(
        cluster, doc.clusters, len(doc.subtree_notes(i)), len(doc.child_clusters(i)), labels
    )
    return cluster_sentence(cfacts, selected), cluster_details(cfacts)


def announce(widget: QWidget, name: str, description: str) -> None:
    """Make `widget` speak for what has the focus inside it: its name and description become
    these, and, when it has the keyboard focus, a screen reader is told that the focus moved."""
    widget.setAccessibleName(name)  # sends NameChanged itself when it changes
    widget.setAccessibleDescription(description)
    if widget.hasFocus() and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Focus))
