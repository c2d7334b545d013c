"""Ctrl+G: a cluster made of the selection.

Where the frame goes is core.board.gestures.group: around the selected notes where they are when
that covers nothing else, else gathered where they are, with what it covers making room.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.board import gestures
from .. import commands as cmd
from .drafts import draft_lifetime
from .rects import qrect
from .scrolling import reveal

if TYPE_CHECKING:
    from .scene import BoardScene


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
        reveal(view, qrect(command.frame), 40, whole=True)
    # The name's editor is made and put on the board once the new frame has been painted (the
    # scroll above has brought its place into view); whatever is typed before that still goes
    # into it (editing.py).
    scene.editing.rename_cluster(command.cluster_id, soon=True)
    return command.cluster_id
