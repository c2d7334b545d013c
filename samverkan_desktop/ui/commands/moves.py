"""Moving notes and clusters, with the memberships the drop implies (one undo step a gesture).

Where things go is decided before: by the caller, through core.board.gestures; `MoveCommand.of`
only reads what the gesture's draft changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from PySide6.QtGui import QUndoCommand

from ...core.board import Board, Changes
from ...core.board.gestures import Selection
from ..document import DocumentModel
from .base import EditCommand, Undo, clusters_n, notes_n, quoted
from .base import merge_changes as _merge_changes

Geometry = tuple[float, float, float, float]  # x, y, width, height

MOVE_ID = 1001


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
        changes: Changes | None = None,
    ) -> Self:
        """The command for a gesture tried on `draft` (core.board.gestures) that moved `moves`:
        what else changed made room (it is not named as moved). `changes`: `draft.changes()`,
        when the caller has it already."""
        changes = changes if changes is not None else draft.changes()
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
