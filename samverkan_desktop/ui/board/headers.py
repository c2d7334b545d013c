"""Group headers: the group's name and facilitators above the place where its notes are.

A header sits above the group's "home": its notes that are not yet in a theme cluster, and the
clusters the group made itself. Once every note of a group is sorted into themes, its header
goes away.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...core.board import Board, Rect
from ...core.board.geometry import GAP, NOTE_W
from ..document import DocumentModel
from . import metrics as mt
from . import palette as pal
from .cluster_item import LABEL_LOD
from .rects import united

if TYPE_CHECKING:
    from .scene import BoardScene

HEADER_ROOM = 60.0  # core.layout leaves this much above each column
# Notes whose centres are farther apart than this (sideways) are not in one column: the columns
# of one group are NOTE_W + GAP apart, those of two groups NOTE_W + 2 PAD + COLUMN_GAP.
SAME_COLUMN = NOTE_W + GAP + 40
HEADER_Z = 3000.0


class GroupHeader(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.setZValue(HEADER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._name = ""
        self._people = ""
        self._label = ""
        self._index: int | None = None
        self._width = 400.0
        self._far_scale = 0.0  # zoomed out: drawn at screen size, this many pixels per unit

    def limit_width(self, width: float) -> None:
        if width < self._width:
            self.prepareGeometryChange()
            self._width = max(width, 60.0)

    def set_far(self, scale: float) -> None:
        self.prepareGeometryChange()
        self._far_scale = scale
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, bool(scale))
        self.update()

    def _room(self) -> float:
        return max(self._width * self._far_scale, 90.0) if self._far_scale else self._width

    def set_group(
        self, name: str, people: str, label: str, index: int | None, width: float
    ) -> None:
        self.prepareGeometryChange()
        self._name, self._people, self._label, self._index = name, people, label, index
        self._width = max(width + 60.0, 260.0)  # the gap to the next column is free
        self.update()

    def _height(self) -> float:
        return 26.0 if self._far_scale else HEADER_ROOM - 8

    def boundingRect(self) -> QRectF:
        # Drawn above its position, so that at any zoom it ends just above the group's notes.
        return QRectF(0, -self._height(), self._room(), self._height())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chip_font = mt.label_font()
        top = -self._height()
        chip = QRectF(0, top + 2, QFontMetricsF(chip_font).horizontalAdvance(self._label) + 14, 22)
        hc = pal.look_of(self).high_contrast
        if hc:  # black on white
            painter.setPen(QPen(pal.HC_INK, 1.5))
            painter.setBrush(pal.HC_PAPER)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.note_fill(self._index))
        painter.drawRoundedRect(chip, 11, 11)
        painter.setFont(chip_font)
        painter.setPen(pal.HC_INK if hc else pal.label_colour(self._index))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, self._label)
        title = mt.header_font()
        painter.setFont(title)
        painter.setPen(pal.HC_INK if hc else pal.TEXT)
        room = self._room() - chip.right() - 10
        name = QFontMetricsF(title).elidedText(self._name, Qt.TextElideMode.ElideRight, room)
        # "Ar…" says nothing the chip does not; far out a narrow column shows the chip alone.
        if name == self._name or len(name) > 6:
            painter.drawText(QPointF(chip.right() + 10, top + 20), name)
        if self._people and not self._far_scale:
            small = mt.small_font()
            painter.setFont(small)
            painter.setPen(pal.HC_INK if hc else pal.MUTED_TEXT)
            people = QFontMetricsF(small).elidedText(
                self._people, Qt.TextElideMode.ElideRight, self._width
            )
            painter.drawText(QPointF(0, top + 42), people)


class GroupHeaders:
    """Keeps one header per group in the scene, placed above the group's home."""

    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene
        self._items: dict[int, GroupHeader] = {}
        self._zoom = 1.0
        # What each group has at home (left, top, right), by ("note"|"frame", id), kept up to
        # date from the changes' ids; and each group's column worked out from it.
        self._spots: dict[int, dict[tuple[str, int], tuple[float, float, float]]] = {}
        self._group_of: dict[tuple[str, int], int] = {}
        self._homes: dict[int, tuple[float, float, float]] = {}

    def refresh(
        self,
        doc: DocumentModel,
        note_ids: Iterable[int] | None = None,
        cluster_ids: Iterable[int] | None = None,
    ) -> None:
        """Place the headers again; `note_ids`/`cluster_ids`: only these changed (None: look
        at everything, e.g. after the groups changed)."""
        if note_ids is None or cluster_ids is None:
            self._spots, self._group_of, self._homes = {}, {}, {}
            note_ids, cluster_ids = list(doc.notes), list(doc.clusters)
        touched: set[int] = set()
        notes = set(note_ids)
        for cid in cluster_ids:  # whether its notes count as home follows the cluster
            touched |= self._take(("frame", cid), _frame_spot(doc, cid))
            notes |= doc.members(cid) if cid in doc.clusters else set()
        for nid in notes:
            touched |= self._take(("note", nid), _note_spot(doc, nid))
        for gid in touched:
            found = self._spots.get(gid)
            if found:
                self._homes[gid] = _column(list(found.values()))
            else:
                self._spots.pop(gid, None)
                self._homes.pop(gid, None)
        homes = self._homes
        labels = pal.group_labels(sorted(doc.groups.values(), key=lambda g: g.position))
        for gid in list(self._items):
            if gid not in homes or gid not in doc.groups:
                self._scene.removeItem(self._items.pop(gid))
        for gid, (left, top, right) in homes.items():
            group = doc.groups.get(gid)
            if group is None:
                continue
            item = self._items.get(gid)
            if item is None:
                item = GroupHeader()
                self._items[gid] = item
                self._scene.addItem(item)
            item.set_group(
                group.name,
                ", ".join(group.facilitators),
                labels[gid],
                doc.group_index(gid),
                right - left,
            )
            item.setPos(left, _clear_of(doc.board, left, right, top) - 6)
        self._keep_apart()
        self.set_zoom(self._zoom)

    def _take(
        self, key: tuple[str, int], spot: Spot | None
    ) -> set[int]:
        """Record where a note or frame is at its group's home (None: it is not); returns the
        groups whose home changed."""
        changed = set()
        old = self._group_of.pop(key, None)
        if old is not None:
            self._spots[old].pop(key, None)
            changed.add(old)
        if spot is not None:
            gid, where = spot
            self._spots.setdefault(gid, {})[key] = where
            self._group_of[key] = gid
            changed.add(gid)
        return changed

    def _keep_apart(self) -> None:
        """A header may not run into the next one to its right."""
        items = sorted(self._items.values(), key=lambda i: i.pos().x())
        for i, item in enumerate(items):
            for other in items[i + 1 :]:
                if abs(other.pos().y() - item.pos().y()) < HEADER_ROOM * 2:
                    item.limit_width(other.pos().x() - item.pos().x() - 16)
                    break

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


Spot = tuple[int, tuple[float, float, float]]  # a group, and left, top, right at its home


def _note_spot(doc: DocumentModel, note_id: int) -> Spot | None:
    """A note is at its group's home while loose, or in a cluster its group made itself that
    is not yet sorted into a theme."""
    note = doc.notes.get(note_id)
    if note is None or note.group_id is None:
        return None
    if note.cluster_id is not None:
        own = doc.clusters.get(note.cluster_id)
        if own is None or own.group_id != note.group_id or own.parent_id is not None:
            return None
    return note.group_id, (note.x, note.y, note.x + mt.NOTE_W)


def _frame_spot(doc: DocumentModel, cluster_id: int) -> Spot | None:
    cluster = doc.clusters.get(cluster_id)
    if cluster is None or cluster.group_id is None or cluster.parent_id is not None:
        return None
    rect = doc.board.frame(cluster_id)
    return cluster.group_id, (rect.x, rect.y, rect.right)


def _column(spots: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Left, top and right of a group's column (or block): the largest run of its notes and
    frames side by side, so that a few notes dragged elsewhere do not stretch its header."""
    ordered = sorted(spots, key=lambda s: s[0] + s[2])
    runs: list[list[tuple[float, float, float]]] = [[ordered[0]]]
    for prev, spot in zip(ordered, ordered[1:], strict=False):
        if (spot[0] + spot[2]) / 2 - (prev[0] + prev[2]) / 2 > SAME_COLUMN:
            runs.append([])
        runs[-1].append(spot)
    run = max(runs, key=len)
    return (min(s[0] for s in run), min(s[1] for s in run), max(s[2] for s in run))


def _clear_of(board: Board, left: float, right: float, top: float) -> float:
    """The bottom edge for a header over a column whose first thing is at `top`, moved up past
    whatever lies in its way on the board (a theme made from the column's top notes, a note
    dropped there): a header never covers a note or a frame."""
    for _ in range(50):
        room = Rect(left, top - HEADER_ROOM, right - left, HEADER_ROOM)
        hit = [
            board.rect(k)
            for k in board.near(room)
            if board.container(k) is None and board.rect(k).overlaps(room)
        ]
        if not hit:
            break
        top = min(r.y for r in hit) - 2
    return top
