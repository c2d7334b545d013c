"""Changing what notes and clusters say and look like: names, text, colours, votes, sizes.

Each is an EditCommand (old and new field values). A note whose text or votes make it taller
pushes what is below it out of its way (`with_room`, core.board.gestures.resize_notes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from ...core import model as m
from ...core.board import Board, gestures
from ..document import DocumentModel
from .base import EditCommand, Undo, clusters_n, merge_changes, notes_n, places, quoted

VOTES_ID = 1002


class RenameClusterCommand(EditCommand):
    def __init__(self, doc: DocumentModel, cluster_id: int, name: str) -> None:
        super().__init__(
            doc,
            Undo.tr("Byt namn till {name}").format(name=quoted(name)),
            clusters={cluster_id: {"name": name.strip()}},
        )


class ResizeClusterCommand(EditCommand):
    """A frame resized by its handle (`draft`: core.board.gestures.resize_frame)."""

    def __init__(self, doc: DocumentModel, cluster_id: int, draft: Board) -> None:
        super().__init__(
            doc,
            Undo.tr("Ändra storlek på {name}").format(name=quoted(doc.cluster(cluster_id).name)),
            *places(draft.changes()),
        )


class TidyClusterCommand(EditCommand):
    """The cluster's notes in a neat grid inside the frame, which grows to fit."""

    def __init__(self, doc: DocumentModel, cluster_id: int, draft: Board) -> None:
        """`draft`: core.board.gestures.tidy."""
        notes, clusters = places(draft.changes())
        super().__init__(
            doc,
            Undo.tr("Ordna {name}").format(name=quoted(doc.cluster(cluster_id).name)),
            notes,
            clusters,
        )


class SetColourCommand(EditCommand):
    """The facilitator's own colour (core.note_colours) on notes and frames, in one undo step;
    an empty colour gives them back their group's colour."""

    def __init__(
        self, doc: DocumentModel, note_ids: Iterable[int], cluster_ids: Iterable[int], colour: str
    ) -> None:
        notes, clusters = sorted(set(note_ids)), sorted(set(cluster_ids))
        parts = []
        if notes:
            parts.append(notes_n(len(notes)))
        if clusters:
            parts.append(clusters_n(len(clusters)))
        what = Undo.tr(" och ").join(parts)
        text = Undo.tr("Färglägg {what}") if colour else Undo.tr("Ta bort färgen på {what}")
        text = text.format(what=what)
        super().__init__(
            doc,
            text,
            notes={i: {"colour": colour} for i in notes},
            clusters={i: {"colour": colour} for i in clusters},
        )


class SetVotesCommand(EditCommand):
    """Dot votes; repeated presses of +/- on the same notes are one undo step."""

    def __init__(self, doc: DocumentModel, votes: Mapping[int, int]) -> None:
        super().__init__(
            doc,
            Undo.tr("Ändra prickröster på %n lappar", "", len(votes)),
            notes=with_room(doc, {i: {"votes": max(0, v)} for i, v in votes.items()}),
        )

    def id(self) -> int:
        return VOTES_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetVotesCommand):
            return False
        voted = {i for i, c in self.after_notes.items() if "votes" in c}
        if {i for i, c in other.after_notes.items() if "votes" in c} != voted:
            return False
        merge_changes(self.after_notes, other.after_notes)
        for i, fields in other.before_notes.items():  # a note only the later press pushed
            for name, value in fields.items():
                self.before_notes.setdefault(i, {}).setdefault(name, value)
        return True


class EditNoteTextCommand(EditCommand):
    def __init__(self, doc: DocumentModel, note_id: int, text: str) -> None:
        super().__init__(
            doc,
            Undo.tr("Ändra lappens text"),
            notes=with_room(doc, {note_id: {"text": text.strip()}}),
        )


def with_room(
    doc: DocumentModel, fields: Mapping[int, Mapping[str, Any]], removed: Iterable[int] = ()
) -> dict[int, dict[str, Any]]:
    """`fields` (a note's text, votes) and the places of what a note that grew taller pushes
    out of its way (core.board.gestures.resize_notes)."""
    heights = {}
    for i, f in fields.items():
        note = doc.note(i)
        heights[i] = doc.note_height(
            m.Note(0, f.get("text", note.text), votes=f.get("votes", note.votes))
        )
    notes, _ = places(gestures.resize_notes(doc.board, heights, removed).changes())
    out = {i: dict(c) for i, c in notes.items()}
    merge_changes(out, fields)
    return out
