"""Board actions that make, remove or join things: group as cluster, merge clusters, delete,
add a note, split a note, merge notes.

Each is a parent of the thin commands in `base` (redo runs them in order, undo in reverse).
Where things go is the caller's: it asks core.board.gestures for a draft of the board as the
action leaves it, and the command only writes what that draft changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...core import model as m
from ...core.board import Board
from ...core.board.place import reading_order
from ..document import DocumentModel
from .base import (
    CreateClusterCommand,
    CreateNoteCommand,
    EditCommand,
    RemoveClustersCommand,
    RemoveNotesCommand,
    StoreCommand,
    Undo,
    clusters_n,
    merge_changes,
    notes_n,
    places,
    quoted,
)
from .edits import with_room


class GroupAsClusterCommand(StoreCommand):
    """A new cluster holding the selected notes (and, nested, the selected clusters).

    `draft`, `new`: core.board.gestures.group (where the frame goes and what makes room)."""

    def __init__(self, doc: DocumentModel, draft: Board, new: int, name: str | None = None) -> None:
        changes = draft.changes()
        self.note_ids = sorted(i for i, c in changes.notes.items() if c.get("cluster_id") == new)
        self.cluster_ids = sorted(
            i for i, c in changes.clusters.items() if i != new and c.get("parent_id") == new
        )
        if self.note_ids:
            text = Undo.tr("Gruppera %n lappar som kluster", "", len(self.note_ids))
        else:
            text = Undo.tr("Gruppera %n kluster i ett kluster", "", len(self.cluster_ids))
        super().__init__(doc, text)
        self.name = name if name is not None else Undo.tr("Nytt kluster")
        self.frame = draft.frame(new)
        self.create = CreateClusterCommand(
            doc,
            self.name,
            self.frame.as_tuple(),
            draft.parent(new),
            self.note_ids,
            self.cluster_ids,
            self,
        )
        self.moves = EditCommand(doc, "", *places(changes), parent=self)
        self.cluster_id: int | None = None

    def _redo(self) -> None:
        super()._redo()
        self.cluster_id = self.create.cluster_id


class DeleteCommand(StoreCommand):
    """Delete notes and clusters; a deleted cluster's other notes stay, unclustered."""

    def __init__(
        self, doc: DocumentModel, note_ids: Iterable[int] = (), cluster_ids: Iterable[int] = ()
    ) -> None:
        self.note_ids = sorted(set(note_ids))
        self.cluster_ids = sorted(set(cluster_ids))
        parts = []
        if self.note_ids:
            parts.append(notes_n(len(self.note_ids)))
        if len(self.cluster_ids) == 1 and not self.note_ids:
            name = quoted(doc.cluster(self.cluster_ids[0]).name)
            parts.append(Undo.tr("klustret {name}").format(name=name))
        elif self.cluster_ids:
            parts.append(clusters_n(len(self.cluster_ids)))
        super().__init__(doc, Undo.tr("Ta bort {what}").format(what=Undo.tr(" och ").join(parts)))
        if self.note_ids:
            RemoveNotesCommand(doc, self.note_ids, self)
        if self.cluster_ids:
            RemoveClustersCommand(doc, self.cluster_ids, self)


class DeleteNotesCommand(DeleteCommand):
    def __init__(self, doc: DocumentModel, note_ids: Iterable[int]) -> None:
        super().__init__(doc, note_ids=note_ids)


class DeleteClusterCommand(DeleteCommand):
    def __init__(self, doc: DocumentModel, cluster_ids: int | Iterable[int]) -> None:
        ids = [cluster_ids] if isinstance(cluster_ids, int) else cluster_ids
        super().__init__(doc, cluster_ids=ids)


class MergeClustersCommand(StoreCommand):
    """The clusters become one (`draft`, `target`: core.board.gestures.merge_clusters): the
    others' notes and sub-clusters move into the target, laid out tidily, and they go."""

    def __init__(self, doc: DocumentModel, draft: Board, target: int) -> None:
        changes = draft.changes()
        # A selected cluster nested in another selected one is merged like the rest.
        self.target, self.others = target, sorted(changes.removed_clusters)
        if not self.others:
            raise ValueError("merging needs at least two clusters")
        super().__init__(
            doc,
            Undo.tr("Slå ihop %n kluster till {name}", "", len(self.others) + 1).format(
                name=quoted(doc.cluster(target).name)
            ),
        )
        notes, clusters = places(changes)
        note_fields = {i: dict(c) for i, c in notes.items()}
        merge_changes(
            note_fields,
            {i: {"cluster_id": target} for i, c in changes.notes.items() if "cluster_id" in c},
        )
        # Nothing ends up inside itself: clusters around the target stay where they are.
        cluster_fields = {i: dict(c) for i, c in clusters.items()}
        merge_changes(
            cluster_fields,
            {
                i: {"parent_id": target}
                for i, c in changes.clusters.items()
                if c.get("parent_id") == target
            },
        )
        self.layout = EditCommand(doc, "", note_fields, cluster_fields, parent=self)
        self.removal = RemoveClustersCommand(doc, self.others, self)  # emptied by the layout


class AddNoteCommand(StoreCommand):
    """A new note (`draft`, `new`: core.board.gestures.add_note, which makes room for it)."""

    def __init__(
        self, doc: DocumentModel, text: str, group_id: int | None, draft: Board, new: int
    ) -> None:
        super().__init__(doc, Undo.tr("Ny lapp"))
        box = draft.note(new)
        values = dict(group_id=group_id, x=box.x, y=box.y, cluster_id=draft.home(new))
        self.create = CreateNoteCommand(doc, text.strip(), values, self)
        self.grow = EditCommand(doc, "", *places(draft.changes()), parent=self)
        self.note_id: int | None = None

    def _redo(self) -> None:
        super()._redo()
        self.note_id = self.create.note_id


# What the second half of a split note keeps of the first.
SPLIT_COPIES = (
    "group_id",
    "section",
    "source",
    "uncertain",
    "comment",
    "personal_data",
    "colour",
    "cluster_id",
    "y",
)


class SplitNoteCommand(StoreCommand):
    """One note becomes two: the first part stays, the rest is a new note beside it.

    The caller cuts the text (core.text_split.split_point) and places the new note
    (`draft`, `new`: core.board.gestures.split_note)."""

    def __init__(
        self, doc: DocumentModel, note_id: int, first: str, second: str, draft: Board, new: int
    ) -> None:
        super().__init__(doc, Undo.tr("Dela lappen i två"))
        self.first, self.second = first.strip(), second.strip()
        if not self.first or not self.second:
            raise ValueError("nothing to split")
        note = doc.note(note_id)
        copy = {f: getattr(note, f) for f in SPLIT_COPIES}
        self.basis.add_whole("note", [note_id])  # copied into the new note as it is shown
        copy.update(x=draft.note(new).x, y=draft.note(new).y)
        self.note_id = note_id
        self.edit = EditCommand(doc, "", notes={note_id: {"text": self.first}}, parent=self)
        self.create = CreateNoteCommand(doc, self.second, copy, self)
        self.grow = EditCommand(doc, "", *places(draft.changes()), parent=self)
        self.new_id: int | None = None

    def _redo(self) -> None:
        super()._redo()
        self.new_id = self.create.note_id


class MergeNotesCommand(StoreCommand):
    """Notes become one: the first (in reading order) keeps the joined text and their marks."""

    def __init__(self, doc: DocumentModel, note_ids: Iterable[int]) -> None:
        board = doc.board
        notes = [
            doc.note(i) for i in reading_order(board, {i for i in note_ids if board.has_note(i)})
        ]
        if len(notes) < 2:
            raise ValueError("merging needs at least two notes")
        super().__init__(doc, Undo.tr("Slå ihop %n lappar", "", len(notes)))
        keep, rest = notes[0], notes[1:]
        self.keep_id = keep.id
        self.rest_ids = [n.id for n in rest]
        fields = {
            "text": "\n".join(n.text.strip() for n in notes),
            "comment": _joined_text(notes, "comment", "\n"),
            "source": _joined_text(notes, "source", "; "),
            "votes": sum(n.votes for n in notes),
            "uncertain": any(n.uncertain for n in notes),
            "personal_data": any(n.personal_data for n in notes),
        }
        self.removal = RemoveNotesCommand(doc, self.rest_ids, self)
        room = with_room(doc, {keep.id: fields}, removed=self.rest_ids)
        self.edit = EditCommand(doc, "", notes=room, parent=self)


def _joined_text(notes: list[m.Note], attr: str, sep: str) -> str:
    parts = [getattr(n, attr).strip() for n in notes]
    return sep.join(dict.fromkeys(p for p in parts if p))
