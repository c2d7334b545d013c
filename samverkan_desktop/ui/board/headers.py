"""Group headers: the group's name and facilitators above the place where its notes are.

A header sits above the group's "home": its notes that are not yet in a theme cluster, and the
clusters the group made itself (the rule is core/board/headers.py's, as for the exports). Once
every note of a group is sorted into themes, its header goes away.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...core import model as m
from ...core.board import Board, Key, Rect, frame_key, note_key
from ...core.board import headers as hd
from ...render import board_paint as bp
from ..document import DocumentModel
from . import palette as pal
from .cluster_item import LABEL_LOD
from .rects import united

if TYPE_CHECKING:
    from .scene import BoardScene

HEADER_Z = 3000.0


class GroupHeader(QGraphicsItem):
    """Painted by render/board_paint.py, as the exports paint it."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(HEADER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._group = m.Group(0, "")
        self._label = ""
        self._index: int | None = None
        self._full = 400.0  # the room over its column (core.board.headers.header_width)
        self._width = 400.0  # that, or less where the next header to its right begins
        self._far_scale = 0.0  # zoomed out: drawn at screen size, this many pixels per unit

    def full_width(self) -> float:
        return self._full

    def set_width(self, width: float) -> None:
        """Its full width or less (GroupHeaders._keep_apart); drawn again only if it differs."""
        if width != self._width:
            self.prepareGeometryChange()
            self._width = width

    def set_far(self, scale: float) -> None:
        if scale == self._far_scale:
            return  # placed again after every change: only what differs is drawn again
        self.prepareGeometryChange()
        self._far_scale = scale
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, bool(scale))
        self.update()

    def _room(self) -> float:
        return max(self._width * self._far_scale, 90.0) if self._far_scale else self._width

    def set_group(self, group: m.Group, label: str, index: int | None, width: float) -> None:
        width = hd.header_width(width)
        # Compared with the full width: one that _keep_apart narrowed is not drawn again
        # every time the headers are placed.
        if (group, label, index, width) == (self._group, self._label, self._index, self._full):
            return
        self.prepareGeometryChange()
        self._group, self._label, self._index = group, label, index
        self._full = self._width = width
        self.update()

    def boundingRect(self) -> QRectF:
        # Drawn above its position, so that at any zoom it ends just above the group's notes.
        height = bp.header_height(bool(self._far_scale))
        return QRectF(0, -height, self._room(), height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        bp.paint_header(
            painter,
            self._group,
            self._label,
            self._index,
            self._width,
            room=self._room(),
            far=bool(self._far_scale),
            look=pal.look_of(self),
        )


class GroupHeaders:
    """Keeps one header per group in the scene, placed above the group's home.

    Change by change, only the headers that may have moved are placed again: a group's whose
    column changed, or one whose room above the column a thing that changed lies in, or lay
    in (`core.board.headers.header_room`). A renamed frame moves none."""

    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene
        self._items: dict[int, GroupHeader] = {}
        self._zoom = 1.0
        self._columns = hd.Columns()  # each group's column, kept up to date from the changes
        self._labels: dict[int, str] = {}
        # Each header's room: the strip above its column it looked in, and what it found there.
        self._rooms: dict[int, tuple[Rect, set[Key]]] = {}

    def refresh(
        self,
        doc: DocumentModel,
        note_ids: Iterable[int] | None = None,
        cluster_ids: Iterable[int] | None = None,
    ) -> None:
        """Place the headers again; `note_ids`/`cluster_ids`: only these changed (None: look
        at everything, e.g. after the groups changed)."""
        board = doc.board
        moved: set[Key] = set()
        now: list[Rect] = []
        if note_ids is None or cluster_ids is None:
            # Every header is placed afresh (every column is new): what moved is not asked.
            self._columns, self._rooms, self._labels = hd.Columns(), {}, {}
            take = self._columns.take
            for cid, cluster in doc.clusters.items():
                take(("frame", cid), hd.frame_spot(cluster, board.frame(cid)))
            for nid, note in doc.notes.items():
                take(("note", nid), hd.note_spot(note, doc.clusters))
        else:
            notes, clusters = set(note_ids), set(cluster_ids)
            for cid in clusters:  # whether its notes count as home follows the cluster
                self._columns.take(("frame", cid), _frame_spot(doc, cid))
                notes |= doc.members(cid) if cid in doc.clusters else set()
            for nid in notes:
                self._columns.take(("note", nid), _note_spot(doc, nid))
            moved = _moved(board, notes, clusters)
            # Where the things that changed are now, of those on the board itself (a header
            # looks for room among these only).
            now = [board.rect(k) for k in moved if k in board and board.container(k) is None]
        changed = self._columns.update()
        homes = self._columns.columns()
        placed = False
        for gid in list(self._items):
            if gid not in homes or gid not in doc.groups:
                self._scene.removeItem(self._items.pop(gid))
                self._rooms.pop(gid, None)
                placed = True
        for gid, (left, top, right) in homes.items():
            group = doc.groups.get(gid)
            if group is None:
                continue
            item = self._items.get(gid)
            if item is not None and gid not in changed and not self._in_way(gid, moved, now):
                continue
            if item is None:
                item = GroupHeader()
                self._items[gid] = item
                self._scene.addItem(item)
            if gid not in self._labels:  # (the groups changed: everything is looked at)
                groups = sorted(doc.groups.values(), key=lambda g: g.position)
                self._labels = pal.group_labels(groups)
            item.set_group(group, self._labels[gid], doc.group_index(gid), right - left)
            bottom, strip, found = hd.header_room(doc.board, left, right, top)
            self._rooms[gid] = (strip, found)
            item.setPos(left, bottom - 6)
            placed = True
        if placed:
            self._keep_apart()
            self.set_zoom(self._zoom)

    def _in_way(self, gid: int, moved: set[Key], now: list[Rect]) -> bool:
        """Whether a thing that changed lies (`now`), or lay (`moved`: what was found there),
        where the group's header looked for room."""
        room = self._rooms.get(gid)
        if room is None:
            return True
        strip, found = room
        return not found.isdisjoint(moved) or any(r.overlaps(strip) for r in now)

    def _keep_apart(self) -> None:
        """A header may not run into the next one to its right."""
        items = list(self._items.values())
        widths = hd.kept_apart([(i.pos().x(), i.pos().y(), i.full_width()) for i in items])
        for item, width in zip(items, widths, strict=True):
            item.set_width(width)

    def set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        scale = zoom if zoom < LABEL_LOD else 0.0
        for item in self._items.values():
            item.set_far(scale)

    def rect(self) -> QRectF:
        return united(
            i.sceneBoundingRect()
            for i in self._items.values()
            if not i.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        )

    def items(self) -> list[GroupHeader]:
        return list(self._items.values())


def _moved(board: Board, notes: set[int], clusters: set[int]) -> set[Key]:
    """What may have moved with these changes: the notes and frames, and the frames around the
    notes (one without a size of its own is drawn around its notes and moves with them)."""
    moved = {*map(note_key, notes), *map(frame_key, clusters)}
    for home in {board.home(n) for n in notes if board.has_note(n)}:
        if home is None:
            continue
        moved.add(frame_key(home))
        moved.update(map(frame_key, board.ancestors(home)))
    return moved


def _note_spot(doc: DocumentModel, note_id: int) -> hd.Spot | None:
    note = doc.notes.get(note_id)
    return None if note is None else hd.note_spot(note, doc.clusters)


def _frame_spot(doc: DocumentModel, cluster_id: int) -> hd.Spot | None:
    cluster = doc.clusters.get(cluster_id)
    return None if cluster is None else hd.frame_spot(cluster, doc.board.frame(cluster_id))
