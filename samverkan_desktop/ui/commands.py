"""Every user action on a workshop as a QUndoCommand.

A command changes the document through the store only; the board follows the store's change
signals. `redo()` and `undo()` each run in one store transaction, so an action is all or
nothing, and a command the store refuses is dropped from the stack with a message.
Deleted things come back with the same ids (the store's removal records), so the commands
further up the stack still point at the right notes and clusters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from PySide6.QtCore import QPointF
from PySide6.QtGui import QUndoCommand

from ..core import model as m
from ..core.board import Board, Changes, gestures
from ..core.board.gestures import Selection
from ..core.board.place import reading_order
from ..core.store import ClusterRemoval, NoteRemoval, StoreError
from .document import DocumentModel
from .i18n import TrContext

Geometry = tuple[float, float, float, float]  # x, y, width, height

MOVE_ID = 1001
VOTES_ID = 1002


class Undo(TrContext):
    """The undo texts and messages of the commands below. (Translation context; see TrContext.)"""


def notes_n(n: int) -> str:
    """"1 lapp" / "3 lappar": Qt's plural forms (samverkan_sv.ts, samverkan_en.ts), for texts
    that name notes and clusters together; a text with one number says it whole."""
    return Undo.tr("%n lappar", "", n)


def clusters_n(n: int) -> str:
    return Undo.tr("%n kluster", "", n)


def quoted(name: str) -> str:
    # Swedish quotes a name »so«; English “so”.
    return Undo.tr("»{name}«").format(name=name.strip() or Undo.tr("namnlöst"))


class StoreCommand(QUndoCommand):
    """Runs `_redo`/`_undo` in one store transaction; a refused command leaves the stack."""

    def __init__(self, doc: DocumentModel, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.failed = False

    def redo(self) -> None:
        try:
            with self.doc.store.transaction():
                self._redo()
        except StoreError as exc:
            self.failed = True
            self.setObsolete(True)
            self.doc.report_error(exc)

    def undo(self) -> None:
        try:
            with self.doc.store.transaction():
                self._undo()
        except StoreError as exc:
            self.doc.report_error(exc)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


FieldChanges = Mapping[int, Mapping[str, Any]]


class EditCommand(StoreCommand):
    """Changes fields of notes and clusters; undo puts the old values back."""

    def __init__(
        self,
        doc: DocumentModel,
        text: str,
        notes: FieldChanges | None = None,
        clusters: FieldChanges | None = None,
    ) -> None:
        super().__init__(doc, text)
        self.after_notes = {i: dict(c) for i, c in (notes or {}).items()}
        self.after_clusters = {i: dict(c) for i, c in (clusters or {}).items()}
        self.before_notes = {
            i: {f: getattr(doc.note(i), f) for f in c} for i, c in self.after_notes.items()
        }
        self.before_clusters = {
            i: {f: getattr(doc.cluster(i), f) for f in c} for i, c in self.after_clusters.items()
        }

    def _redo(self) -> None:
        self._apply(self.after_notes, self.after_clusters)

    def _undo(self) -> None:
        self._apply(self.before_notes, self.before_clusters)

    def _apply(self, notes: FieldChanges, clusters: FieldChanges) -> None:
        store = self.doc.store
        reparented = [i for i, c in clusters.items() if "parent_id" in c]
        if reparented:
            # Detach first, so that swapping who holds whom is not mistaken for a cycle.
            store.update_clusters({i: {"parent_id": None} for i in reparented})
        store.update_clusters(clusters)
        store.update_notes(notes)


def _merge_changes(target: dict[int, dict[str, Any]], changes: FieldChanges) -> None:
    for i, c in changes.items():
        target.setdefault(i, {}).update(c)


class MoveCommand(EditCommand):
    """Notes and clusters moved together, with the memberships the drop implies.

    A drag of many items is one MoveCommand, pushed on mouse release. Nudges with the arrow
    keys (`nudge=True`) of the same items merge into one undo step.
    """

    def __init__(
        self,
        doc: DocumentModel,
        notes: Mapping[int, tuple[float, float]] | None = None,
        clusters: Mapping[int, Geometry | tuple[float, float]] | None = None,
        membership: Mapping[int, int | None] | None = None,
        parents: Mapping[int, int | None] | None = None,
        nudge: bool = False,
        text: str | None = None,
        grown: Mapping[int, Geometry] | None = None,
        pushed: Mapping[int, tuple[float, float]] | None = None,
    ) -> None:
        """`grown`: frames that grew to hold what was dropped into them, or were pushed out of a
        grown frame's way; `pushed`: notes pushed out of its way (neither counts as "moved")."""
        note_changes: dict[int, dict[str, Any]] = {}
        cluster_changes: dict[int, dict[str, Any]] = {}
        for i, (x, y) in [*(pushed or {}).items(), *(notes or {}).items()]:
            note_changes[i] = {"x": x, "y": y}
        for i, geom in [*(clusters or {}).items(), *(grown or {}).items()]:
            change: dict[str, Any] = {"x": geom[0], "y": geom[1]}
            if len(geom) == 4:
                change.update(width=geom[2], height=geom[3])
            cluster_changes[i] = change
        membership = {i: c for i, c in (membership or {}).items() if doc.note(i).cluster_id != c}
        parents = {i: p for i, p in (parents or {}).items() if doc.cluster(i).parent_id != p}
        _merge_changes(note_changes, {i: {"cluster_id": c} for i, c in membership.items()})
        _merge_changes(cluster_changes, {i: {"parent_id": p} for i, p in parents.items()})
        moved_notes = set(notes or {}) | set(membership)
        moved_clusters = set(parents) | {
            i for i in (clusters or {}) if i not in _inner(doc, clusters)
        }
        super().__init__(
            doc,
            text or _move_text(doc, moved_notes, moved_clusters, membership, parents),
            note_changes,
            cluster_changes,
        )
        self.nudge = nudge

    @classmethod
    def of(
        cls,
        doc: DocumentModel,
        draft: Board,
        moves: Selection,
        nudge: bool = False,
        text: str | None = None,
    ) -> Self:
        """The command for a gesture tried on `draft` (core.board.gestures) that moved `moves`:
        what else changed made room (it is not named as moved)."""
        changes = draft.changes()
        moved_notes, moved_frames = set(moves.notes), set(moves.clusters)
        notes: dict[int, tuple[float, float]] = {}
        pushed: dict[int, tuple[float, float]] = {}
        membership: dict[int, int | None] = {}
        for i, fields in changes.notes.items():
            if "x" in fields:
                (notes if i in moved_notes else pushed)[i] = (fields["x"], fields["y"])
            if "cluster_id" in fields:
                membership[i] = fields["cluster_id"]
        clusters: dict[int, Geometry | tuple[float, float]] = {}
        grown: dict[int, Geometry] = {}
        parents = {}
        for i, fields in changes.clusters.items():
            if "x" in fields:
                geom = (fields["x"], fields["y"], fields["width"], fields["height"])
                if i in moved_frames:
                    clusters[i] = geom
                else:
                    grown[i] = geom
            if "parent_id" in fields:
                parents[i] = fields["parent_id"]
        return cls(doc, notes, clusters, membership, parents, nudge, text, grown, pushed)

    def id(self) -> int:
        return MOVE_ID if self.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveCommand) or not other.nudge:
            return False
        if set(other.after_notes) != set(self.after_notes):
            return False
        if set(other.after_clusters) != set(self.after_clusters):
            return False
        _merge_changes(self.after_notes, other.after_notes)
        _merge_changes(self.after_clusters, other.after_clusters)
        # A field only the later nudge changed (a note nudged out of its frame) is undone to
        # what it was before both.
        for before, later in (
            (self.before_notes, other.before_notes),
            (self.before_clusters, other.before_clusters),
        ):
            for i, fields in later.items():
                for name, value in fields.items():
                    before[i].setdefault(name, value)
        return True


def _inner(doc: DocumentModel, clusters: Mapping[int, Any] | None) -> set[int]:
    """Clusters that only move because a cluster around them moves."""
    ids = set(clusters or {})
    return {i for i in ids if any(a in ids for a in doc.ancestors(i))}


def _move_text(
    doc: DocumentModel,
    notes: set[int],
    clusters: set[int],
    membership: Mapping[int, int | None],
    parents: Mapping[int, int | None],
) -> str:
    # Notes that travel inside a moved cluster are not what the user thinks of as moved.
    carried = set()
    for cid in clusters:
        carried |= doc.subtree_notes(cid)
    loose = notes - carried
    if parents and not loose and len(clusters) == 1:
        (cid,) = clusters
        parent = parents.get(cid)
        if parent is None:
            return Undo.tr("Ta ut {name} ur {other}").format(
                name=quoted(doc.cluster(cid).name),
                other=quoted(doc.cluster(was).name)
                if (was := doc.cluster(cid).parent_id) is not None and was in doc.clusters
                else Undo.tr("klustret"),
            )
        return Undo.tr("Lägg {name} i {other}").format(
            name=quoted(doc.cluster(cid).name), other=quoted(doc.cluster(parent).name)
        )
    if loose and not clusters and membership and set(membership) == loose:
        targets = set(membership.values())
        if len(targets) == 1:
            (target,) = targets
            if target is None:
                return Undo.tr("Ta ut %n lappar ur klustret", "", len(loose))
            return Undo.tr("Lägg %n lappar i {name}", "", len(loose)).format(
                name=quoted(doc.cluster(target).name)
            )
    if clusters and not loose:
        if len(clusters) == 1:
            name = quoted(doc.cluster(next(iter(clusters))).name)
            return Undo.tr("Flytta {name}").format(name=name)
        return Undo.tr("Flytta %n kluster", "", len(clusters))
    if loose and clusters:
        return Undo.tr("Flytta {notes} och {clusters}").format(
            notes=notes_n(len(loose)), clusters=clusters_n(len(clusters))
        )
    return Undo.tr("Flytta %n lappar", "", len(loose))


class SetMembershipCommand(MoveCommand):
    """Put notes into a cluster, or (None) out of any; their places stay."""

    def __init__(self, doc: DocumentModel, membership: Mapping[int, int | None]) -> None:
        super().__init__(doc, membership=membership)


class SetParentCommand(MoveCommand):
    """Nest a cluster inside another (KJ super-groups), or take it out (None)."""

    def __init__(self, doc: DocumentModel, cluster_id: int, parent_id: int | None) -> None:
        super().__init__(doc, parents={cluster_id: parent_id})


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
            *_places(draft.changes()),
        )


def _places(changes: Changes) -> tuple[FieldChanges, FieldChanges]:
    """The new places and sizes of what was on the board before (nothing made or removed, no
    memberships: the command that uses them changes those itself)."""
    notes = {
        i: {f: v for f, v in c.items() if f in ("x", "y")}
        for i, c in changes.notes.items()
        if i >= 0 and "x" in c
    }
    clusters = {
        i: {f: v for f, v in c.items() if f in ("x", "y", "width", "height")}
        for i, c in changes.clusters.items()
        if i >= 0 and "x" in c
    }
    return notes, clusters


class TidyClusterCommand(EditCommand):
    """The cluster's notes in a neat grid inside the frame, which grows to fit."""

    def __init__(self, doc: DocumentModel, cluster_id: int) -> None:
        notes, clusters = _places(gestures.tidy(doc.board, cluster_id).changes())
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
            notes=_with_room(doc, {i: {"votes": max(0, v)} for i, v in votes.items()}),
        )

    def id(self) -> int:
        return VOTES_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetVotesCommand):
            return False
        voted = {i for i, c in self.after_notes.items() if "votes" in c}
        if {i for i, c in other.after_notes.items() if "votes" in c} != voted:
            return False
        _merge_changes(self.after_notes, other.after_notes)
        for i, fields in other.before_notes.items():  # a note only the later press pushed
            for name, value in fields.items():
                self.before_notes.setdefault(i, {}).setdefault(name, value)
        return True


class EditNoteTextCommand(EditCommand):
    def __init__(self, doc: DocumentModel, note_id: int, text: str) -> None:
        super().__init__(
            doc,
            Undo.tr("Ändra lappens text"),
            notes=_with_room(doc, {note_id: {"text": text.strip()}}),
        )


def _with_room(
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
    notes, _ = _places(gestures.resize_notes(doc.board, heights, removed).changes())
    out = {i: dict(c) for i, c in notes.items()}
    _merge_changes(out, fields)
    return out


class GroupAsClusterCommand(StoreCommand):
    """A new cluster holding the selected notes (and, nested, the selected clusters).

    Where the frame goes and what makes room for it is core.board.gestures.group: around the
    items where they are, or gathered where they are, or at `origin` when given.
    """

    def __init__(
        self,
        doc: DocumentModel,
        note_ids: Iterable[int],
        cluster_ids: Iterable[int] = (),
        name: str | None = None,
        origin: QPointF | tuple[float, float] | None = None,
    ) -> None:
        at = (origin.x(), origin.y()) if isinstance(origin, QPointF) else origin
        draft, new = gestures.group(doc.board, note_ids, cluster_ids, at)
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
        self.parent_id: int | None = draft.parent(new)
        self.frame = draft.frame(new)
        self.moves = EditCommand(doc, "", *_places(changes))
        self.old_membership = {i: doc.note(i).cluster_id for i in self.note_ids}
        self.old_parents = {c: doc.cluster(c).parent_id for c in self.cluster_ids}
        self.cluster_id: int | None = None
        self._removal: ClusterRemoval | None = None

    def _redo(self) -> None:
        store = self.doc.store
        if self._removal is None:
            x, y, w, h = self.frame.as_tuple()
            created = store.add_cluster(
                self.name, x=x, y=y, width=w, height=h, parent_id=self.parent_id
            )
            self.cluster_id = created.id
        else:
            store.restore_cluster(self._removal)
        self.moves._redo()
        store.set_membership({i: self.cluster_id for i in self.note_ids})
        if self.cluster_ids:
            store.update_clusters({c: {"parent_id": self.cluster_id} for c in self.cluster_ids})

    def _undo(self) -> None:
        store = self.doc.store
        assert self.cluster_id is not None
        store.set_membership(self.old_membership)
        if self.cluster_ids:
            store.update_clusters({c: {"parent_id": p} for c, p in self.old_parents.items()})
        self._removal = store.delete_cluster(self.cluster_id)
        self.moves._undo()


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
        self._notes: NoteRemoval | None = None
        self._clusters: list[ClusterRemoval] = []

    def _redo(self) -> None:
        store = self.doc.store
        if self.note_ids:
            self._notes = store.delete_notes(self.note_ids)
        self._clusters = [store.delete_cluster(c) for c in self.cluster_ids]

    def _undo(self) -> None:
        store = self.doc.store
        for removal in reversed(self._clusters):
            store.restore_cluster(removal)
        if self._notes is not None:
            store.restore_notes(self._notes)


class DeleteNotesCommand(DeleteCommand):
    def __init__(self, doc: DocumentModel, note_ids: Iterable[int]) -> None:
        super().__init__(doc, note_ids=note_ids)


class DeleteClusterCommand(DeleteCommand):
    def __init__(self, doc: DocumentModel, cluster_ids: int | Iterable[int]) -> None:
        ids = [cluster_ids] if isinstance(cluster_ids, int) else cluster_ids
        super().__init__(doc, cluster_ids=ids)


class MergeClustersCommand(StoreCommand):
    """The clusters become one (the one with most notes keeps its name), laid out tidily."""

    def __init__(self, doc: DocumentModel, cluster_ids: Iterable[int]) -> None:
        ids = sorted(set(cluster_ids))
        if len(ids) < 2:
            raise ValueError("merging needs at least two clusters")
        self.target = gestures.merge_target(doc.board, ids)
        # A selected cluster nested in another selected one is merged like the rest.
        self.others = [c for c in ids if c != self.target]
        super().__init__(
            doc,
            Undo.tr("Slå ihop %n kluster till {name}", "", len(ids)).format(
                name=quoted(doc.cluster(self.target).name)
            ),
        )
        # Laid out as if the merge were done; applied after the membership changes.
        draft, _ = gestures.merge_clusters(doc.board, ids)
        changes = draft.changes()
        self.notes = sorted(i for i, c in changes.notes.items() if "cluster_id" in c)
        # Nothing ends up inside itself: clusters around the target stay where they are.
        self.children = sorted(
            i for i, c in changes.clusters.items() if c.get("parent_id") == self.target
        )
        self.layout = EditCommand(doc, "", *_places(changes))
        self._removals: list[ClusterRemoval] = []

    def _redo(self) -> None:
        store = self.doc.store
        self._removals = [store.delete_cluster(c) for c in self.others]
        store.set_membership({i: self.target for i in self.notes})
        if self.children:
            store.update_clusters({c: {"parent_id": self.target} for c in self.children})
        self.layout._redo()

    def _undo(self) -> None:
        store = self.doc.store
        self.layout._undo()
        for removal in reversed(self._removals):
            store.restore_cluster(removal)


class AddNoteCommand(StoreCommand):
    def __init__(
        self,
        doc: DocumentModel,
        text: str,
        group_id: int | None,
        x: float,
        y: float,
        cluster_id: int | None = None,
    ) -> None:
        super().__init__(doc, Undo.tr("Ny lapp"))
        self.values = dict(group_id=group_id, x=x, y=y, cluster_id=cluster_id)
        self.note_text = text.strip()
        self.note_id: int | None = None
        self._removal: NoteRemoval | None = None
        height = doc.note_height(m.Note(0, self.note_text))
        draft, new = gestures.add_note(doc.board, x, y, height, cluster_id)
        self.values.update(x=draft.note(new).x, y=draft.note(new).y)
        self.grow = EditCommand(doc, "", *_places(draft.changes()))

    def _redo(self) -> None:
        if self._removal is None:
            self.note_id = self.doc.store.add_note(self.note_text, **self.values).id
        else:
            self.doc.store.restore_notes(self._removal)
        self.grow._redo()

    def _undo(self) -> None:
        assert self.note_id is not None
        self.grow._undo()
        self._removal = self.doc.store.delete_notes([self.note_id])


def split_point(text: str, at: int | None = None) -> int:
    """Where to cut a note in two: at `at` if given, else the sentence end nearest the middle.

    Falls back on the word break nearest the middle; returns 0 when there is no sensible cut.
    """
    if at is not None:
        return max(0, min(len(text), at))
    middle = len(text) / 2
    for marks in (("\n",), (". ", "? ", "! "), ("; ", " – ", " - ", ": "), (", ",), (" ",)):
        cuts = [
            i + len(mark)
            for mark in marks
            for i in range(len(text))
            if text.startswith(mark, i) and text[: i + 1].strip() and text[i + len(mark) :].strip()
        ]
        if cuts:
            return int(min(cuts, key=lambda c: abs(c - middle)))
    return 0


class SplitNoteCommand(StoreCommand):
    """One note becomes two: the first part stays, the rest is a new note beside it."""

    def __init__(
        self, doc: DocumentModel, note_id: int, at: int | None = None, text: str | None = None
    ) -> None:
        super().__init__(doc, Undo.tr("Dela lappen i två"))
        note = doc.note(note_id)
        full = note.text if text is None else text
        cut = split_point(full, at)
        self.first, self.second = full[:cut].strip(), full[cut:].strip()
        if not self.first or not self.second:
            raise ValueError("nothing to split")
        self.note_id = note_id
        self.edit = EditCommand(doc, "", notes={note_id: {"text": self.first}})
        copy = {
            f: getattr(note, f)
            for f in (
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
        }
        draft, new = gestures.split_note(
            doc.board,
            note_id,
            doc.note_height(m.Note(0, self.first, votes=note.votes)),
            doc.note_height(m.Note(0, self.second)),
        )
        copy.update(x=draft.note(new).x, y=draft.note(new).y)
        self.new_values = copy
        self.new_id: int | None = None
        self._removal: NoteRemoval | None = None
        self.grow = EditCommand(doc, "", *_places(draft.changes()))

    def _redo(self) -> None:
        store = self.doc.store
        self.edit._redo()
        if self._removal is None:
            self.new_id = store.add_note(self.second, **self.new_values).id
        else:
            store.restore_notes(self._removal)
        self.grow._redo()

    def _undo(self) -> None:
        assert self.new_id is not None
        self.grow._undo()
        self._removal = self.doc.store.delete_notes([self.new_id])
        self.edit._undo()


class MergeNotesCommand(StoreCommand):
    """Notes become one: the first (in reading order) keeps the joined text and their marks."""

    def __init__(self, doc: DocumentModel, note_ids: Iterable[int]) -> None:
        board = doc.board
        notes = [
            doc.note(i) for i in reading_order(board, {i for i in note_ids if board.has_note(i)})
        ]
        if len(notes) < 2:
            raise ValueError("merging needs at least two notes")
        super().__init__(
            doc,
            Undo.tr("Slå ihop %n lappar", "", len(notes)),
        )
        keep, rest = notes[0], notes[1:]
        self.keep_id = keep.id
        self.rest_ids = [n.id for n in rest]

        def joined(attr: str, sep: str) -> str:
            parts = [getattr(n, attr).strip() for n in notes]
            unique = list(dict.fromkeys(p for p in parts if p))
            return sep.join(unique)

        fields = {
            "text": "\n".join(n.text.strip() for n in notes),
            "comment": joined("comment", "\n"),
            "source": joined("source", "; "),
            "votes": sum(n.votes for n in notes),
            "uncertain": any(n.uncertain for n in notes),
            "personal_data": any(n.personal_data for n in notes),
        }
        self.edit = EditCommand(
            doc, "", notes=_with_room(doc, {keep.id: fields}, removed=self.rest_ids)
        )
        self._removal: NoteRemoval | None = None

    def _redo(self) -> None:
        self._removal = self.doc.store.delete_notes(self.rest_ids)
        self.edit._redo()

    def _undo(self) -> None:
        self.edit._undo()
        assert self._removal is not None
        self.doc.store.restore_notes(self._removal)
