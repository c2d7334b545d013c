""" "Flytta till kluster…" (Ctrl+Shift+M): the selection, or the focused note, into a cluster
chosen from a list by typing, or into a new one. Where they go is core.board's rule for things
sent to a frame chosen from a list (`gestures.send_to`, shared with the outline): as a drop into
the frame puts what was not dropped over it, at the frame's first free places in reading order,
the frame growing to hold them. One undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.accessible_text import cluster_path
from ...core.board import gestures
from ...core.board.gestures import Selection
from ...core.textfold import fold
from .. import commands as cmd
from ..dialogs.move_to_cluster import MoveToClusterDialog
from .accessible import PATH_SEPARATOR

if TYPE_CHECKING:
    from ..document import DocumentModel
    from .view import BoardView


def what_moves(view: BoardView, focused: tuple[str, int] | None) -> tuple[list[int], list[int]]:
    """(notes, clusters): the selection, else the note or frame the keyboard is on."""
    scene = view.board()
    doc = scene.doc
    notes = [i for i in scene.selected_note_ids() if i in doc.notes]
    clusters = [i for i in scene.selected_cluster_ids() if i in doc.clusters]
    if not notes and not clusters and focused is not None:
        (notes if focused[0] == "note" else clusters).append(focused[1])
    return notes, clusters


def destinations(doc: DocumentModel, clusters: list[int]) -> list[tuple[int, str]]:
    """Every cluster the selection may go into, with its path ("Trygghet › Belysning"), in
    alphabetical order of the path: not a moving cluster, nor one inside it."""
    excluded = set(clusters)
    for c in clusters:
        excluded.update(doc.descendants(c))
    entries = []
    for cid in doc.clusters:
        if cid in excluded:
            continue
        names = cluster_path(doc.clusters, cid)
        entries.append((cid, PATH_SEPARATOR.join(n or "…" for n in names)))
    entries.sort(key=lambda e: (fold(e[1]), e[0]))
    return entries


def move_to_cluster(view: BoardView, focused: tuple[str, int] | None) -> bool:
    """Ask where to, then move; True when something moved."""
    scene = view.board()
    doc = scene.doc
    if doc.refuse_if_read_only():
        return False
    notes, clusters = what_moves(view, focused)
    if not notes and not clusters:
        return False
    dialog = MoveToClusterDialog(destinations(doc, clusters), len(notes), len(clusters), view)
    try:
        if not dialog.exec():
            return False
        chosen, name = dialog.chosen(), dialog.new_name()
    finally:
        dialog.deleteLater()
    view.setFocus()
    if chosen is not None:
        return move_into(doc, notes, clusters, chosen)
    if name:
        draft, new = gestures.group(doc.board, notes, clusters)
        command = cmd.GroupAsClusterCommand(doc, draft, new, name)
        if doc.push(command) and command.cluster_id is not None:
            scene.clusterCreated.emit(command.cluster_id)
            view.keys.announce()
            return True
    return False


def move_into(doc: DocumentModel, notes: list[int], clusters: list[int], target: int) -> bool:
    """The notes and clusters into `target`, placed by `gestures.send_to`."""
    if target not in doc.clusters:
        return False
    try:
        draft = gestures.send_to(doc.board, notes, clusters, target)
    except ValueError:  # a cluster into itself: `destinations` never offers that
        return False
    if not draft.changes():
        return False  # already there
    return doc.push(cmd.MoveCommand.of(doc, draft, Selection.of(doc.board, notes, clusters)))
