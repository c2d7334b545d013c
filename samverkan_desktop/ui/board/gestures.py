"""Mouse gestures on the board: dragging items and resizing a frame.

While the mouse moves only the graphics items move (and the frame under the pointer lights up);
on release the gesture becomes ONE command with the new places and the memberships the drop
implies. The model is never touched before that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from ...core.board import Key, frame_key, gestures, note_key
from ...core.board.gestures import Selection
from .. import commands as cmd
from ..commands import conflicts
from .cluster_item import ClusterItem
from .drafts import draft_lifetime
from .note_item import NoteItem
from .rects import plain

if TYPE_CHECKING:
    from .scene import BoardScene

DRAG_Z = 100_000.0


def selection(scene: BoardScene) -> Selection:
    """What moves when the selection moves: selected notes, selected frames and their content."""
    return Selection.of(scene.doc.board, scene.selected_note_ids(), scene.selected_cluster_ids())


def move_command(
    scene: BoardScene,
    moves: Selection,
    dx: float,
    dy: float,
    nudge: bool = False,
    pressed: NoteItem | ClusterItem | None = None,
    point: QPointF | None = None,
) -> cmd.MoveCommand | None:
    """The command for moving `moves` by (dx, dy): new places, new homes, what made room.

    Where everything goes is decided by core.board.gestures: a drop (`pressed`: the item the
    selection is dragged by; `point`: where the pointer let go) applies to the whole selection,
    a nudge decides each note by itself. None for a drop that changes nothing (a note dragged
    a short way settles back where it was): no empty undo step."""
    if not moves or (dx == 0 and dy == 0):
        return None
    board = scene.doc.board
    if nudge:
        draft = gestures.nudge(board, moves, dx, dy)
    else:
        at = (point.x(), point.y()) if point is not None else None
        draft, _ = gestures.drop(board, moves, dx, dy, _lead(pressed), at)
    changes = draft.changes()
    if not nudge and not changes:
        return None
    return cmd.MoveCommand.of(scene.doc, draft, moves, nudge=nudge, changes=changes)


def _lead(pressed: NoteItem | ClusterItem | None) -> Key | None:
    if isinstance(pressed, NoteItem):
        return note_key(pressed.note_id)
    if isinstance(pressed, ClusterItem):
        return frame_key(pressed.cluster_id)
    return None


def drop_target(
    scene: BoardScene,
    moves: Selection,
    delta: QPointF,
    pressed: NoteItem | ClusterItem,
    point: QPointF,
) -> int | None:
    """The frame the selection would go into if let go now (for the highlight while dragging)."""
    offset = (delta.x(), delta.y())
    return gestures.drop_target(
        scene.doc.board, moves, _lead(pressed), (point.x(), point.y()), offset
    )


class DragGesture:
    """Dragging the selection; started on a press on a note or a frame's title."""

    def __init__(
        self,
        scene: BoardScene,
        start: QPointF,
        pressed: NoteItem | ClusterItem,
        click_selects_only: bool,
    ) -> None:
        self.scene = scene
        self.start = start
        self.pressed = pressed
        self.click_selects_only = click_selects_only
        self.moves = selection(scene)
        # What the drag is based on: the notes and frames as they were when picked up.
        self.shown = conflicts.shown(scene.doc, self.moves.notes, self.moves.clusters)
        self.moved = False
        self.delta = QPointF()
        self.point = start
        self._target: int | None = None
        self._items: list[tuple[NoteItem | ClusterItem, QPointF, float]] = []
        for nid in self.moves.notes:
            note = scene.note_item(nid)
            if note is not None:
                self._items.append((note, note.pos(), note.zValue()))
        for cid in self.moves.clusters:
            frame = scene.cluster_item(cid)
            if frame is not None:
                self._items.append((frame, frame.pos(), frame.zValue()))

    def move(self, pos: QPointF) -> None:
        self.delta = pos - self.start
        self.point = pos
        if not self.moved:
            self.moved = True
            for item, _, z in self._items:
                if isinstance(item, NoteItem):
                    self.scene.lift_out(item)
                item.setZValue(z + DRAG_Z)
                item.set_lifted(True)
        for item, origin, _ in self._items:
            item.setPos(origin + self.delta)
        self._show_target()

    def _show_target(self) -> None:
        target = drop_target(self.scene, self.moves, self.delta, self.pressed, self.point)
        if target != self._target:
            self.scene.show_drop_target(target)
            self._target = target

    def finish(self) -> None:
        self._restore()
        if not self.moved:
            if self.click_selects_only:
                self.scene.clearSelection()
                self.pressed.setSelected(True)
            return
        with draft_lifetime():  # the draft is made and let go inside move_command
            command = move_command(
                self.scene,
                self.moves,
                self.delta.x(),
                self.delta.y(),
                pressed=self.pressed,
                point=self.point,
            )
        if command is not None:
            command.basis.since(self.shown)
            self.scene.doc.push(command)
        else:  # nothing changed; in a read-only window the drag still says why it cannot stick
            self.scene.doc.refuse_if_read_only()
        self.scene.sync_items(self.moves.notes, self.moves.clusters)
        self.scene.bring_to_front(self.moves.notes)

    def cancel(self) -> None:
        for item, origin, _ in self._items:
            item.setPos(origin)
        self._restore()

    def _restore(self) -> None:
        self.scene.show_drop_target(None)
        for item, _, z in self._items:
            item.setZValue(z)
            item.set_lifted(False)
            if isinstance(item, NoteItem):
                self.scene.hold(item)


class ResizeGesture:
    """Dragging a frame's corner handle."""

    def __init__(self, scene: BoardScene, item: ClusterItem, start: QPointF) -> None:
        self.scene = scene
        self.item = item
        self.start = start
        self.origin = item.scene_rect()
        self.shown = conflicts.shown(scene.doc, clusters=[item.cluster_id])
        self.moved = False
        self.min_w, self.min_h = gestures.smallest_frame(scene.doc.board, item.cluster_id)

    def move(self, pos: QPointF) -> None:
        self.moved = True
        delta = pos - self.start
        self.item.set_size(
            max(self.min_w, self.origin.width() + delta.x()),
            max(self.min_h, self.origin.height() + delta.y()),
        )

    def finish(self) -> None:
        if not self.moved:
            return
        rect = self.item.scene_rect()
        if rect != self.origin:
            doc = self.scene.doc
            draft = gestures.resize_frame(doc.board, self.item.cluster_id, plain(rect))
            command = cmd.ResizeClusterCommand(doc, self.item.cluster_id, draft)
            command.basis.since(self.shown)
            doc.push(command)
        self.scene.sync_items((), [self.item.cluster_id])

    def cancel(self) -> None:
        self.item.set_size(self.origin.width(), self.origin.height())
