"""Ctrl+G: a cluster made of the selection.

The frame goes around the selected notes where they are, unless it would seem to hold notes or
frames that are not part of it, or its title bar would go under the notes above; then the
selection is gathered into a tidy frame in the nearest free spot (inside the cluster they share,
below what it holds), so the board never shows a frame around things that are not in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt

from .. import commands as cmd
from . import arrange
from . import metrics as mt
from .cluster_item import ClusterItem
from .note_item import NoteItem

if TYPE_CHECKING:
    from .scene import BoardScene

CLEARANCE = mt.GAP / 2  # how close another note may come to a new frame made in place


def group_selection(scene: BoardScene, name: str | None = None) -> int | None:
    """Make the cluster, select it and open its name for typing; returns its id."""
    doc = scene.doc
    notes, clusters = scene.selected_note_ids(), scene.selected_cluster_ids()
    if not notes and not clusters:
        return None
    command = cmd.GroupAsClusterCommand(doc, notes, clusters, name)
    frame = arrange.rect_of(command.frame)
    if covers_others(scene, frame, set(notes), set(clusters), command.parent_id):
        near = arrange.union(
            [arrange.note_rect(doc.note(i)) for i in notes]
            + [arrange.cluster_rect(doc, doc.cluster(c)) for c in clusters]
        )
        width = 0.0
        if command.parent_id is None:
            spot = free_spot(scene, gathered_size(scene, notes, clusters), near)
        else:
            spot = spot_below(scene, command.parent_id, set(notes), set(clusters))
            # As wide as the cluster holds, so that it grows down only, not into its neighbours.
            parent = arrange.cluster_rect(doc, doc.cluster(command.parent_id))
            width = parent.width() - 2 * mt.FRAME_PAD
        command = cmd.GroupAsClusterCommand(doc, notes, clusters, name, origin=spot, width=width)
    if not doc.push(command) or command.cluster_id is None:
        return None
    scene.select_clusters([command.cluster_id])
    scene.clusterCreated.emit(command.cluster_id)
    for view in scene.views():
        view.ensureVisible(arrange.rect_of(command.frame), 40, 40)
    scene.rename_cluster(command.cluster_id)
    return command.cluster_id


def covers_others(
    scene: BoardScene, frame: QRectF, notes: set[int], clusters: set[int], parent: int | None
) -> bool:
    """Would a frame here seem to hold notes or clusters that are not going into it?"""
    doc = scene.doc
    inside: set[int] = set()
    for cid in clusters:
        inside |= doc.subtree_notes(cid)
        inside.update(doc.descendants(cid))
    around = {parent, *doc.ancestors(parent)} if parent is not None else set()
    # A note against the frame's edge looks as if it were in it; one over the title hides it.
    near = frame.adjusted(-CLEARANCE, -CLEARANCE, CLEARANCE, CLEARANCE)
    for item in scene.items(near, Qt.ItemSelectionMode.IntersectsItemShape):
        if isinstance(item, NoteItem) and item.isVisible():
            if (
                item.note_id not in notes
                and item.note_id not in inside
                and near.intersects(item.scene_rect())
            ):
                return True
        elif isinstance(item, ClusterItem):
            cid = item.cluster_id
            if cid not in clusters and cid not in inside and cid not in around:
                return True
    return False


def spot_below(scene: BoardScene, parent: int, notes: set[int], clusters: set[int]) -> QPointF:
    """Inside `parent`, left-aligned below everything that stays in it: the parent grows down to
    hold the new frame, and nothing it holds is moved or covered."""
    doc = scene.doc
    frame = arrange.cluster_rect(doc, doc.cluster(parent))
    staying = [arrange.note_rect(doc.note(i)) for i in doc.members(parent) if i not in notes]
    staying += [
        arrange.cluster_rect(doc, doc.cluster(c)) for c in doc.children(parent) if c not in clusters
    ]
    top = arrange.union(staying).bottom() + mt.GAP if staying else frame.top() + mt.TITLE_H
    return QPointF(frame.left() + mt.FRAME_PAD, top)


def gathered_size(scene: BoardScene, notes: list[int], clusters: list[int]) -> tuple[float, float]:
    doc = scene.doc
    children = [doc.cluster(c) for c in clusters]
    _, frame = arrange.pack(doc, QPointF(0, 0), [doc.note(i) for i in notes], children)
    return frame.width(), frame.height()


def free_spot(scene: BoardScene, size: tuple[float, float], near: QRectF) -> QPointF:
    """Top-left of an empty area of `size` close to `near` (right of it, preferably)."""
    width, height = size
    margin = mt.GAP * 2
    step_x, step_y = mt.NOTE_W + mt.GAP, mt.NOTE_H + mt.GAP
    start = QPointF(near.right() + margin, near.top()) if not near.isNull() else QPointF()
    candidates = [
        QPointF(start.x() + i * step_x, start.y() + j * step_y)
        for i in range(0, 20)
        for j in (0, 1, -1, 2, -2, 3)
    ]
    candidates.sort(key=lambda p: (p - start).manhattanLength())
    for spot in candidates:
        area = QRectF(spot.x() - margin, spot.y() - margin, width + 2 * margin, height + 2 * margin)
        if not any(isinstance(i, NoteItem | ClusterItem) for i in scene.items(area)):
            return spot
    bounds = scene.content_rect()
    return QPointF(bounds.right() + margin * 2, bounds.top())
