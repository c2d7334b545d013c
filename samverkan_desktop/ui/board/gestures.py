"""Mouse gestures on the board: dragging items and resizing a frame.

While the mouse moves only the graphics items move (and the frame under the pointer lights up);
on release the gesture becomes ONE command with the new places and the memberships the drop
implies. The model is never touched before that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF

from .. import commands as cmd
from . import arrange
from . import metrics as mt
from .cluster_item import ClusterItem
from .note_item import NoteItem

if TYPE_CHECKING:
    from ..document import DocumentModel
    from .scene import BoardScene

DRAG_Z = 100_000.0


class MoveSet:
    """What moves when the selection moves: selected notes, selected clusters and their content."""

    def __init__(self, scene: BoardScene) -> None:
        doc = scene.doc
        clusters: set[int] = set()
        for cid in scene.selected_cluster_ids():
            clusters.add(cid)
            clusters.update(doc.descendants(cid))
        notes = set(scene.selected_note_ids())
        for cid in clusters:
            notes |= doc.members(cid)
        self.notes = sorted(notes)
        self.clusters = sorted(clusters)
        # Only these can change their home: the others travel inside a moving cluster.
        self.free_notes = [n for n in self.notes if doc.note(n).cluster_id not in clusters]
        self.root_clusters = [c for c in self.clusters if doc.cluster(c).parent_id not in clusters]

    def __bool__(self) -> bool:
        return bool(self.notes or self.clusters)


def drop_target_for_note(scene: BoardScene, centre: QPointF, moving: set[int]) -> int | None:
    return arrange.innermost_cluster(scene.doc, centre, exclude=moving)


def drop_target_for_cluster(scene: BoardScene, rect: QRectF, moving: set[int]) -> int | None:
    return arrange.innermost_cluster(
        scene.doc, rect.center(), exclude=moving, larger_than=rect.width() * rect.height()
    )


def move_command(
    scene: BoardScene,
    moves: MoveSet,
    dx: float,
    dy: float,
    nudge: bool = False,
    pressed: NoteItem | ClusterItem | None = None,
) -> cmd.MoveCommand | None:
    """The command for moving `moves` by (dx, dy): new places, new homes, grown frames.

    A drop (`pressed`: the item the selection is dragged by) applies to the whole selection:
    the home decided for the pressed item is every selected note's home, and the notes that did
    not land inside it are placed there (see `_place_dropped`), so a note is drawn inside a
    frame if and only if it belongs to that cluster. Selected frames keep the rule a dragged
    frame has: each one nests in the frame it is dropped on (never in a smaller one), whatever
    the notes do; when a frame is the pressed item, the notes go where that frame goes.

    A nudge (no `pressed`) decides each note by its own centre and grows no frame: a note nudged
    step by step towards a frame's edge must be able to leave it (its centre crossing the
    edge), not push the edge ahead of it.
    """
    if not moves or (dx == 0 and dy == 0):
        return None
    doc = scene.doc
    moving = set(moves.clusters)
    notes = {i: (doc.note(i).x + dx, doc.note(i).y + dy) for i in moves.notes}
    clusters: dict[int, arrange.Geometry | tuple[float, float]] = {}
    for cid in moves.clusters:
        rect = arrange.cluster_rect(doc, doc.cluster(cid)).translated(dx, dy)
        clusters[cid] = arrange.geometry(rect)
    membership: dict[int, int | None] = {}
    parents: dict[int, int | None] = {}
    grown: dict[int, arrange.Geometry] = {}
    for cid in moves.root_clusters:
        rect = arrange.rect_of(clusters[cid])  # type: ignore[arg-type]
        parents[cid] = drop_target_for_cluster(scene, rect, moving)
    if pressed is None:
        for nid in moves.free_notes:
            rect = arrange.note_rect(doc.note(nid), notes[nid])
            membership[nid] = drop_target_for_note(scene, rect.center(), moving)
        if not nudge:
            _take_inside(doc, notes, membership)
    else:
        lead = _pressed_note(moves, pressed)
        target = _drop_target(scene, moves, notes, parents, pressed)
        membership = {nid: target for nid in moves.free_notes}
        frames = {cid: arrange.rect_of(clusters[cid]) for cid in moves.root_clusters}  # type: ignore[arg-type]
        _place_dropped(doc, notes, moves, lead, target, frames, parents)
    if not nudge:
        for nid in moves.free_notes:
            rect = arrange.note_rect(doc.note(nid), notes[nid])
            arrange.grow_to_fit(doc, membership[nid], rect, grown)
        for cid in moves.root_clusters:
            rect = arrange.rect_of(clusters[cid])  # type: ignore[arg-type]
            arrange.grow_to_fit(doc, parents[cid], rect, grown)
    for cid in moving:
        grown.pop(cid, None)
    room = arrange.make_room(doc, grown, notes, moving)
    return cmd.MoveCommand(
        doc,
        notes,
        clusters,
        membership,
        parents,
        nudge=nudge,
        grown={**grown, **room.clusters},
        pushed=room.notes,
    )


def _pressed_note(moves: MoveSet, pressed: NoteItem | ClusterItem) -> int | None:
    """The note the selection is dragged by, when it is one whose home the drop decides."""
    if isinstance(pressed, NoteItem) and pressed.note.id in moves.free_notes:
        return pressed.note.id
    return None


def _drop_target(
    scene: BoardScene,
    moves: MoveSet,
    notes: dict[int, tuple[float, float]],
    parents: dict[int, int | None],
    pressed: NoteItem | ClusterItem,
) -> int | None:
    """The home the drop decides for the pressed item: the frame under a pressed note's centre,
    or the frame the pressed frame (or the moving frame a pressed note or frame is inside of)
    is nested in."""
    doc = scene.doc
    lead = _pressed_note(moves, pressed)
    if lead is not None:
        rect = arrange.note_rect(doc.note(lead), notes[lead])
        return drop_target_for_note(scene, rect.center(), set(moves.clusters))
    cid = pressed.note.cluster_id if isinstance(pressed, NoteItem) else pressed.cluster_id
    seen: set[int] = set()
    while cid is not None and cid not in parents and cid not in seen:
        seen.add(cid)
        cid = doc.cluster(cid).parent_id if cid in doc.clusters else None
    return parents.get(cid) if cid is not None else None


def _place_dropped(
    doc: DocumentModel,
    notes: dict[int, tuple[float, float]],
    moves: MoveSet,
    lead: int | None,
    target: int | None,
    frames: dict[int, QRectF],
    parents: dict[int, int | None],
) -> None:
    """Places for the selected notes so that each is drawn where it now belongs.

    Dropped into `target`: the pressed note (and the notes dropped over the frame with it) are
    taken off the frame's edges and below its title together, as for one note; a note that
    still is not inside the frame, or that would lie on a note or frame already there, goes
    to the first free place in the frame (in reading order; below what it holds when it is
    full, and the frame grows). Dropped outside every frame: a note that lands on a frame is
    moved to the nearest free place outside every frame. `frames` are the moving top-level
    frames at their new places, `parents` their new homes.
    """
    free = moves.free_notes
    moving_notes = set(moves.notes)
    moving = set(moves.clusters)
    rect = {nid: arrange.note_rect(doc.note(nid), notes[nid]) for nid in free}
    order = sorted(free, key=lambda n: (n != lead, round(notes[n][1]), notes[n][0], n))
    if target is not None:
        frame = arrange.cluster_rect(doc, doc.cluster(target))
        over = [n for n in order if n == lead or frame.contains(rect[n].center())]
        if over:
            dx, dy = arrange.inside_frame(frame, [rect[n] for n in over])
            for n in over:
                notes[n] = (notes[n][0] + dx, notes[n][1] + dy)
                rect[n] = rect[n].translated(dx, dy)
        inner = frame.adjusted(arrange.FRAME_PAD, arrange.TITLE_H, -arrange.FRAME_PAD, 0)
        inner.setBottom(frame.bottom() - arrange.FRAME_PAD)
        taken = [
            arrange.note_rect(n)
            for n in doc.notes.values()
            if n.id not in moving_notes and arrange.note_rect(n).intersects(frame)
        ]
        inside = set(doc.descendants(target)) - moving
        taken += [arrange.cluster_rect(doc, doc.cluster(c)) for c in inside]
        taken += [r for c, r in frames.items() if parents.get(c) == target]
        for n in order:
            fits = inner.contains(rect[n]) and not any(rect[n].intersects(t) for t in taken)
            if n != lead and not fits:
                notes[n] = arrange.free_spot_inside(frame, rect[n].height(), taken)
                rect[n] = arrange.note_rect(doc.note(n), notes[n])
            taken.append(rect[n])
        return
    walls = [
        arrange.cluster_rect(doc, c) for c in doc.clusters.values() if c.id not in moving
    ] + list(frames.values())
    taken = [arrange.note_rect(n) for n in doc.notes.values() if n.id not in moving_notes]
    stay = [n for n in order if n == lead or not any(rect[n].intersects(w) for w in walls)]
    taken += [rect[n] for n in stay]
    anchor = notes[lead] if lead is not None else None
    for n in order:
        if n in stay:
            continue
        notes[n] = arrange.free_spot_outside(notes[n], rect[n].height(), walls, taken, anchor)
        taken.append(arrange.note_rect(doc.note(n), notes[n]))


def _take_inside(
    doc: DocumentModel,
    notes: dict[int, tuple[float, float]],
    membership: dict[int, int | None],
) -> None:
    """Notes dropped across a frame's side or title are moved inside it, together."""
    into: dict[int, list[int]] = {}
    for nid, target in membership.items():
        if target is not None:
            into.setdefault(target, []).append(nid)
    for target, ids in into.items():
        frame = arrange.cluster_rect(doc, doc.cluster(target))
        rects = [arrange.note_rect(doc.note(i), notes[i]) for i in ids]
        dx, dy = arrange.inside_frame(frame, rects)
        for i in ids:
            notes[i] = (notes[i][0] + dx, notes[i][1] + dy)


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
        self.moves = MoveSet(scene)
        self.moved = False
        self.delta = QPointF()
        self._target: int | None = None
        self._items: list[tuple[NoteItem | ClusterItem, QPointF, float]] = []
        for nid in self.moves.notes:
            item = scene.note_item(nid)
            if item is not None:
                self._items.append((item, item.pos(), item.zValue()))
        for cid in self.moves.clusters:
            item = scene.cluster_item(cid)
            if item is not None:
                self._items.append((item, item.pos(), item.zValue()))

    def move(self, pos: QPointF) -> None:
        self.delta = pos - self.start
        if not self.moved:
            self.moved = True
            for item, _, z in self._items:
                item.setZValue(z + DRAG_Z)
                if isinstance(item, NoteItem):
                    item.set_lifted(True)
        for item, origin, _ in self._items:
            item.setPos(origin + self.delta)
        self._show_target()

    def _show_target(self) -> None:
        moving = set(self.moves.clusters)
        item = self.pressed
        if isinstance(item, NoteItem):
            if item.note.cluster_id in moving:
                target = None
            else:
                target = drop_target_for_note(self.scene, item.scene_rect().center(), moving)
        elif item.cluster_id in self.moves.root_clusters:
            target = drop_target_for_cluster(self.scene, item.scene_rect(), moving)
        else:
            target = None
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
        command = move_command(
            self.scene, self.moves, self.delta.x(), self.delta.y(), pressed=self.pressed
        )
        if command is not None:
            self.scene.doc.push(command)
        self.scene.sync_items(self.moves.notes, self.moves.clusters)
        self.scene.bring_to_front(self.moves.notes)

    def cancel(self) -> None:
        self._restore()
        for item, origin, _ in self._items:
            item.setPos(origin)

    def _restore(self) -> None:
        self.scene.show_drop_target(None)
        for item, _, z in self._items:
            item.setZValue(z)
            if isinstance(item, NoteItem):
                item.set_lifted(False)


class ResizeGesture:
    """Dragging a frame's corner handle."""

    def __init__(self, scene: BoardScene, item: ClusterItem, start: QPointF) -> None:
        self.scene = scene
        self.item = item
        self.start = start
        self.origin = item.scene_rect()
        self.moved = False
        doc = scene.doc
        cid = item.cluster_id
        inside = [arrange.note_rect(doc.note(n)) for n in doc.members(cid)]
        inside += [arrange.cluster_rect(doc, doc.cluster(c)) for c in doc.children(cid)]
        content = arrange.union(inside)
        # The frame may not shrink past what it holds, nor below a usable size.
        self.min_w = max(
            mt.MIN_FRAME_W, content.right() + mt.FRAME_PAD - self.origin.left() if inside else 0.0
        )
        self.min_h = max(
            mt.MIN_FRAME_H, content.bottom() + mt.FRAME_PAD - self.origin.top() if inside else 0.0
        )

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
            self.scene.doc.push(
                cmd.ResizeClusterCommand(self.scene.doc, self.item.cluster_id, rect)
            )
        self.scene.sync_items((), [self.item.cluster_id])

    def cancel(self) -> None:
        self.item.set_size(self.origin.width(), self.origin.height())
