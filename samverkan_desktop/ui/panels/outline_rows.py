"""What a row of the outline is and says: on screen, in its tooltip, to a screen reader.

A row is a node key, an int: the id shifted left by two, the kind in the low bits (so a
`QModelIndex.internalId()` holds it). Note text is data: shown as plain text on one line,
shortened (the view elides further), whole in the tooltip and in what a screen reader says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from .. import icons

if TYPE_CHECKING:
    from ..document import DocumentModel
    from .outline_model import OutlineModel

NOTE, CLUSTER, GROUP, UNSORTED = 0, 1, 2, 3
UNSORTED_KEY = UNSORTED  # the one "Ej sorterade" row (id 0)
NO_GROUP = 0  # the group row of notes without a group
TEXT_CHARS = 120  # the view elides further; this only keeps a very long note's row cheap


def key(kind: int, ident: int) -> int:
    return (ident << 2) | kind


def kind_of(node: int) -> int:
    return node & 3


def id_of(node: int) -> int:
    return node >> 2


class OutlineText:
    """The outline's translation context: `OutlineText.tr("Ej sorterade")`; "%n" takes Qt's
    plural forms (samverkan_sv.ts gives "1 lapp"). pyside6-lupdate files `Name.tr(...)` under
    "Name", the class's own name at run time (a bare module-level tr() would be filed under no
    context at all)."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)


class RowTexts:
    """The texts and swatch of the model's rows, read from its document as they are now."""

    def __init__(self, model: OutlineModel) -> None:
        self.model = model

    @property
    def doc(self) -> DocumentModel:
        doc = self.model.doc
        assert doc is not None
        return doc

    def title(self, node: int) -> str:
        doc = self.doc
        kind, ident = kind_of(node), id_of(node)
        if kind == NOTE:
            text = " ".join(doc.notes[ident].text.split())
            return text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1] + "…"
        if kind == CLUSTER:
            return doc.clusters[ident].name.strip() or OutlineText.tr("(namnlöst)")
        if kind == GROUP:
            return self.group_name(ident)
        return OutlineText.tr("Ej sorterade")

    def group_name(self, group_id: int | None) -> str:
        doc = self.doc
        if group_id is None or group_id not in doc.groups:
            return OutlineText.tr("Utan grupp")
        return doc.groups[group_id].name

    def group_label(self, group_id: int | None) -> str:
        return self.model.labels.get(group_id, "") if group_id is not None else ""

    def tooltip(self, node: int) -> str:
        doc = self.doc
        kind, ident = kind_of(node), id_of(node)
        if kind == NOTE:
            note = doc.notes[ident]
            return (
                note.text
                + "\n\n"
                + OutlineText.tr("Grupp: {group}").format(group=self.group_name(note.group_id))
            )
        if kind == CLUSTER:
            return self.title(node) + "\n" + self.notes_count(node)
        if kind == GROUP:
            return OutlineText.tr("{group}: {count} utan kluster").format(
                group=self.group_name(ident), count=self.notes_count(node)
            )
        return OutlineText.tr("Lappar som inte ligger i något kluster, per grupp")

    def notes_count(self, node: int) -> str:
        return OutlineText.tr("%n lappar", "", self.model.count(node))

    def spoken(self, node: int) -> str:
        """What a screen reader says for the row (the note's whole text, not the elided)."""
        doc = self.doc
        kind, ident = kind_of(node), id_of(node)
        if kind == NOTE:
            note = doc.notes[ident]
            return OutlineText.tr("Lapp: {text}, grupp {group}").format(
                text=" ".join(note.text.split()), group=self.group_name(note.group_id)
            )
        count = self.notes_count(node)
        if kind == CLUSTER:
            return OutlineText.tr("Kluster: {name}, {count}").format(
                name=self.title(node), count=count
            )
        if kind == GROUP:
            return OutlineText.tr("Grupp: {name}, {count} utan kluster").format(
                name=self.group_name(ident), count=count
            )
        return OutlineText.tr("Ej sorterade: {count}").format(count=count)

    def icon(self, node: int) -> QIcon | None:
        doc = self.doc
        kind, ident = kind_of(node), id_of(node)
        if kind == NOTE:
            index = doc.group_index(doc.notes[ident].group_id)
            return icons.group_swatch(index) if index is not None else None
        if kind == GROUP:
            index = doc.group_index(ident)
            return icons.group_swatch(index) if index is not None else None
        if kind == CLUSTER:
            index = doc.group_index(doc.clusters[ident].group_id)
            if index is not None:
                return icons.group_swatch(index)
            return icons.cluster_swatch(())
        return None
