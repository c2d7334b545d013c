"""Far out, the board as one picture: every note a patch of its colour, drawn from a cache.

Below OVERVIEW_ZOOM a note is a few pixels wide, and painting ten thousand note items (and
hundreds of frames) one by one takes longer than a frame. The scene then has its notes and
frames paint nothing (they stay selectable and draggable) and this item draws them all from
one image, made again only after something changed: a note or frame moved, was added,
recoloured or dimmed by a search. The selection is outlined over it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from . import palette as pal
from .cluster_item import CLUSTER_Z, ClusterItem
from .note_item import NoteItem
from .rects import united

OVERVIEW_ZOOM = 0.05  # below this zoom the notes are drawn from the picture
MAX_SIDE = 8192  # pixels: the picture's longest side


class Overview(QGraphicsItem):
    def __init__(
        self,
        notes: Callable[[], Iterable[NoteItem]],
        frames: Callable[[], Iterable[ClusterItem]],
    ) -> None:
        super().__init__()
        self._notes = notes
        self._frames = frames
        self._image: QImage | None = None
        self._rect = QRectF()  # what the notes cover
        self._drawn = QRectF()  # where the picture goes (its pixels rounded up)
        self.setZValue(CLUSTER_Z - 1)  # under everything that still draws itself
        self.setVisible(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_shown(self, shown: bool) -> None:
        self.setVisible(shown)
        self.invalidate()

    def invalidate(self) -> None:
        """Something on the board changed: the picture is made again when next drawn. Its
        place is known at once (while shown): the view must know what it covers."""
        self._image = None
        rect = QRectF()
        if self.isVisible():  # near, the notes draw themselves and this costs nothing
            rect = united(i.scene_rect() for i in self._items() if i.isVisible())
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._image is None:
            self._image, self._drawn = self._picture()
        if self._image is not None:
            painter.drawImage(self._drawn, self._image)
        lod = option.levelOfDetailFromTransform(painter.worldTransform()) or 1.0
        painter.setPen(QPen(pal.ACCENT, 3 / lod))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        scene = self.scene()
        # The scene keeps its selection: asking each of 40,000 items took 25 ms a paint.
        for item in scene.selectedItems() if scene is not None else ():
            if isinstance(item, (NoteItem, ClusterItem)):
                painter.drawRect(item.scene_rect())

    def _items(self) -> list[NoteItem | ClusterItem]:
        return [*self._frames(), *self._notes()]

    def _picture(self) -> tuple[QImage | None, QRectF]:
        frames = sorted((i for i in self._frames() if i.isVisible()), key=lambda i: i.depth)
        items = [i for i in self._notes() if i.isVisible()]
        shown: list[NoteItem | ClusterItem] = [*frames, *items]
        rect = united(i.scene_rect() for i in shown)
        if rect.isNull():
            return None, QRectF()
        scale = min(OVERVIEW_ZOOM, MAX_SIDE / max(rect.width(), rect.height()))
        image = QImage(
            math.ceil(rect.width() * scale) + 1,
            math.ceil(rect.height() * scale) + 1,
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.scale(scale, scale)
        p.translate(-rect.x(), -rect.y())
        p.setPen(QPen(pal.FRAME_BORDER, 1 / scale))
        for frame in frames:
            fill = frame.fill()
            fill.setAlphaF(fill.alphaF() * frame.opacity())
            p.setBrush(fill)
            p.drawRect(frame.scene_rect())
        # High contrast: white notes with a black edge (a white patch alone hardly shows).
        hc = pal.look_of(self).high_contrast
        p.setPen(QPen(pal.HC_INK, 1.5 / scale) if hc else Qt.PenStyle.NoPen)
        for item in items:
            colour = QColor(item.fill())
            colour.setAlphaF(colour.alphaF() * item.opacity())
            if hc:
                p.setBrush(colour)
                p.drawRect(item.scene_rect())
            else:
                p.fillRect(item.scene_rect(), colour)
        p.end()
        size = QRectF(rect.x(), rect.y(), image.width() / scale, image.height() / scale)
        return image, size
