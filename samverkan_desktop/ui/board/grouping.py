"""Ctrl+G: a cluster made of the selection.

Where the frame goes is core.board.gestures.group: around the selected notes where they are when
that covers nothing else, else gathered where they are, with what it covers making room.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsView

from ...core.board import gestures
from .. import commands as cmd
from .drafts import draft_lifetime
from .rects import qrect

if TYPE_CHECKING:
    from .scene import BoardScene


def reveal(view: QGraphicsView, rect: QRectF, margin: int) -> None:
    """Scroll the least that brings `rect` into view with `margin` pixels round it; of a rect
    bigger than the view, its top left part (where a frame's name is)."""
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    room = 2 * margin / view.transform().m11()
    width = min(rect.width(), max(seen.width() - room, 1.0))
    height = min(rect.height(), max(seen.height() - room, 1.0))
    # The whole view is drawn again after this anyway: no copying of what was on it to its
    # new place first, and no replay of the last mouse move over what scrolled under the
    # pointer (Qt's two extras of a scroll, 0.5 ms at 10,000 notes).
    mode, interactive = view.viewportUpdateMode(), view.isInteractive()
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
    view.setInteractive(False)
    try:
        view.ensureVisible(QRectF(rect.left(), rect.top(), width, height), margin, margin)
    finally:
        view.setViewportUpdateMode(mode)
        view.setInteractive(interactive)


def group_selection(scene: BoardScene, name: str | None = None) -> int | None:
    """Make the cluster, select it and open its name for typing; returns its id."""
    doc = scene.doc
    notes, clusters = scene.selected_note_ids(), scene.selected_cluster_ids()
    if not notes and not clusters:
        return None
    with draft_lifetime():
        draft, new = gestures.group(doc.board, notes, clusters)
        command = cmd.GroupAsClusterCommand(doc, draft, new, name)
        del draft  # freed here, before the collector runs again
    if not doc.push(command) or command.cluster_id is None:
        return None
    scene.select_clusters([command.cluster_id])
    scene.clusterCreated.emit(command.cluster_id)
    for view in scene.views():
        # One scroll: the frame, or as much of it from its name down as the view holds.
        reveal(view, qrect(command.frame), 40)
    # The name is made and scrolled to now, and put on the board once the new frame has been
    # painted; whatever is typed before that still goes into it (editing.py).
    scene.editing.rename_cluster(command.cluster_id, soon=True)
    return command.cluster_id
