"""A cluster on the board: a named frame with its note count and a handle to resize it.

Frames lie under the notes; a nested frame lies above the frame around it, and its translucent
fill stacks on its parent's, so nesting depth shows without any extra ink.
"""

from __future__ import annotations

import html
from functools import cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...core import model as m
from ...core import note_colours
from ...core.board.geometry import TITLE_H
from ...render import board_paint as bp
from ...render.board_paint import LABEL_LOD, count_text  # noqa: F401 (the scene's too)
from ..i18n import TrContext, current_language
from . import metrics as mt
from . import palette as pal

CLUSTER_Z = 10.0  # plus the nesting depth; notes are far above at NOTE_Z
LABEL_Z = 4000.0
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_SELECTED_CHANGE = QGraphicsItem.GraphicsItemChange.ItemSelectedChange


class Frame(TrContext):
    """A frame's tooltip and label. (Translation context; see TrContext.)"""


class ResizeHandle(QGraphicsRectItem):
    """The bottom-right corner grip; the scene resizes the frame when it is dragged."""

    def __init__(self, parent: ClusterItem) -> None:
        super().__init__(0, 0, mt.HANDLE, mt.HANDLE, parent)
        self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setAcceptHoverEvents(True)
        # Its three antialiased strokes, drawn from Python, cost more than a note's picture
        # (0.15 ms a paint, a grip for every frame in view): it keeps a picture too, drawn
        # again when the look changes (BoardScene.set_look).
        self.setCacheMode(_CACHED)

    @property
    def cluster_item(self) -> ClusterItem:
        parent = self.parentItem()
        assert isinstance(parent, ClusterItem)
        return parent

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hc = pal.look_of(self).high_contrast
        painter.setPen(QPen(pal.HC_INK if hc else pal.FRAME_BORDER, 2.0 if hc else 1.3))
        s = mt.HANDLE
        for d in (4.0, 8.0, 12.0):
            painter.drawLine(QPointF(s - 3, s - 3 - d + 3), QPointF(s - 3 - d + 3, s - 3))


class ClusterItem(QGraphicsItem):
    _drawn = False  # painted yet: until then Qt holds no picture of it to draw again
    lit = True  # not dimmed by a search (BoardScene._light)

    def __init__(self, cluster: m.Cluster, rect: QRectF) -> None:
        super().__init__()
        self.cluster = cluster
        self._size = rect.size()
        self.depth = 0
        self.notes = 0
        self.subclusters = 0
        self.group_label = ""
        self.group_colour: QColor | None = None
        self.drop_target = False
        self._far = False  # drawn by the board's overview (overview.py)
        self._lifted = False  # being dragged
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        # A frame repaints only when it changes or the zoom does, not whenever a note on it
        # moves (its translucent fill over the whole frame is the costly part: 0.5-1 ms).
        self.setCacheMode(_CACHED)
        self.handle = ResizeHandle(self)
        self.set_cluster(cluster, rect)

    @property
    def cluster_id(self) -> int:
        return self.cluster.id

    def rect(self) -> QRectF:
        return QRectF(QPointF(0, 0), self._size)

    def scene_rect(self) -> QRectF:
        return self.rect().translated(self.pos())

    def title_rect(self) -> QRectF:
        return QRectF(0, 0, self._size.width(), TITLE_H)

    def set_cluster(self, cluster: m.Cluster, rect: QRectF) -> None:
        old, self.cluster = self.cluster, cluster
        self.setPos(rect.topLeft())
        self.set_size(rect.width(), rect.height())
        # Qt draws a frame again where it moved or grew; what it shows of the cluster itself is
        # its name (in the title bar) and its colour. A rename redraws the title bar only, not
        # the frame's whole area with every note in it.
        if old is cluster or old.colour != cluster.colour:
            self.draw_again()
        elif old.name != cluster.name:
            self.draw_again(self.title_rect())
        tip = f"<b>{html.escape(cluster.name)}</b>"
        if cluster.description:
            tip += f"<p style='white-space:pre-wrap'>{html.escape(cluster.description)}</p>"
        if cluster.colour:
            name = note_colours.colour_name(cluster.colour, current_language())
            label = Frame.tr("Färg:")
            tip += f"<p>{label} {html.escape(name)}</p>"
        self.setToolTip(tip)

    def set_size(self, width: float, height: float) -> None:
        if (width, height) != (self._size.width(), self._size.height()):
            self.prepareGeometryChange()
            self._drop_picture()
            self._size.setWidth(width)
            self._size.setHeight(height)
        self.handle.setPos(width - mt.HANDLE, height - mt.HANDLE)

    def set_depth(self, depth: int) -> None:
        if depth != self.depth:  # its fill deepens with the nesting
            self.depth = depth
            self.draw_again()
        self.setZValue(CLUSTER_Z + depth)

    def set_counts(self, notes: int, clusters: int) -> None:
        if (notes, clusters) != (self.notes, self.subclusters):
            self.notes, self.subclusters = notes, clusters
            self.draw_again()

    def set_group(self, label: str, colour: QColor | None) -> None:
        if (label, colour) != (self.group_label, self.group_colour):
            self.group_label, self.group_colour = label, colour
            self.draw_again()

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self._show_contents()
            self.draw_again()

    def set_far(self, far: bool) -> None:
        """Far out the board's overview draws this frame (see overview.py); it paints nothing
        itself, except while it lights up as the place a drag would drop into."""
        self._far = far
        self._show_contents()

    def set_lifted(self, lifted: bool) -> None:
        """While it is dragged a frame draws itself, also far out."""
        self._lifted = lifted
        self._show_contents()

    def _show_contents(self) -> None:
        hidden = self._far and not self.drop_target and not self._lifted
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, hidden)
        # A handle too small to grab far out is not painted either (552 paints a frame at 10k).
        self.handle.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self._far)

    def fill(self) -> QColor:
        """The frame's colour as drawn: the facilitator's own (translucent), else by depth;
        high contrast: by depth, in greys under the white notes."""
        return bp.frame_paper(self.cluster, self.depth, pal.look_of(self))

    # ----------------------------------------------------------------- painting
    def draw_again(self, rect: QRectF | None = None) -> None:
        """Draw the frame again (only `rect` of it, when its picture is whole)."""
        if not self._drawn:
            return  # (its first paint draws it as it is then; a board opened makes 552 at 10k)
        if self._drop_picture():
            rect = None
        if rect is None:
            self.update()
        else:
            self.update(rect)

    def _drop_picture(self) -> bool:
        """Forget the frame's cached picture when Qt holds only part of it (a frame bigger than
        the view): Qt, asked to draw such a frame again in the same paint as the view scrolls,
        draws only the part scrolled into view and keeps the rest as it was (a deselected frame
        kept its blue edge). Says whether it did."""
        if not self._drawn:
            return False  # (no picture yet)
        scene, bounds = self.scene(), self.sceneBoundingRect()
        partial = False
        for view in scene.views() if scene is not None else ():
            on_screen, room = view.mapFromScene(bounds).boundingRect(), view.viewport().rect()
            partial |= on_screen.width() > room.width() or on_screen.height() > room.height()
        if partial:
            self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            self.setCacheMode(_CACHED)
        return partial

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        # Qt calls this for every change (a dozen as a frame is made: flags, place, tooltip),
        # so it does no more than it must; Qt's own itemChange returns the value as it is.
        if change == _SELECTED_CHANGE:
            self._drop_picture()  # (Qt draws it again itself)
        return value

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.rect())
        return path

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        # The scene handles the title and the handle; a press on the body passes through,
        # so that a rubber band can start inside a frame.
        event.ignore()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self._drawn = True
        # Below LABEL_LOD the title is not painted: the scene shows a screen-sized ClusterLabel.
        bp.paint_frame(
            painter,
            self.cluster,
            self._size.width(),
            self._size.height(),
            depth=self.depth,
            count=count_text(self.notes, self.subclusters),
            group_label=self.group_label,
            group_colour=self.group_colour,
            look=pal.look_of(self),
            lod=option.levelOfDetailFromTransform(painter.worldTransform()),
            selected=self.isSelected(),
            drop_target=self.drop_target,
            # Qt draws a cached item into a clear picture of it alone, and then with no widget.
            clear=widget is None and self.cacheMode() == _CACHED,
        )


@cache
def _label_metrics() -> QFontMetricsF:
    return QFontMetricsF(mt.label_font())


class ClusterLabel(QGraphicsItem):
    """A cluster's name at screen size, above the notes, for when the board is zoomed out.

    Far out the notes are patches of colour and the cluster names are what one navigates by.
    The label is as wide as its frame is on screen, so neighbouring labels do not collide.
    """

    def __init__(self, cluster_id: int) -> None:
        super().__init__()
        self.cluster_id = cluster_id  # a click on the label is a click on the frame's title
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(LABEL_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._name = ""
        self._count = ""
        self._frame_width = 0.0
        self._zoom = 0.1
        self._text = ""
        self._rect = QRectF()
        # Its text and size are worked out when first asked for (drawn, or looked at by Qt's
        # index): most labels wait hidden until the board is zoomed out, and shaping 552 names
        # was a tenth of a second of opening a big board.
        self._due = False

    def set_text(self, name: str, count: str, frame_width: float) -> None:
        name = name.strip() or Frame.tr("Namnlöst kluster")
        if (name, count, frame_width) == (self._name, self._count, self._frame_width):
            return  # the scene passes every frame it looks at again; most did not change
        self._name, self._count, self._frame_width = name, count, frame_width
        self._relayout()

    def set_zoom(self, zoom: float) -> None:
        if zoom != self._zoom:
            self._zoom = zoom
            if self._name:  # (a new label is laid out when it gets its text)
                self._relayout()

    def _relayout(self) -> None:
        self.prepareGeometryChange()  # (its size is asked for afresh from here on)
        self._due = True
        self.update()

    def _lay_out(self) -> None:
        if not self._due:
            return
        self._due = False
        metrics = _label_metrics()
        room = max(self._frame_width * self._zoom - 10, 60.0)
        full = f"{self._name} · {self._count}"
        if metrics.horizontalAdvance(full) <= room - 10:
            text = full
        else:
            text = metrics.elidedText(self._name, Qt.TextElideMode.ElideRight, room - 10)
        self._text = text
        self._rect = QRectF(0, 0, metrics.horizontalAdvance(text) + 10, metrics.height() + 6)

    def text(self) -> str:
        """What it shows: the name and count, or as much of the name as fits."""
        self._lay_out()
        return self._text

    def boundingRect(self) -> QRectF:
        self._lay_out()
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hc = pal.look_of(self).high_contrast
        painter.setPen(QPen(pal.HC_INK, 2) if hc else QPen(pal.FRAME_BORDER, 1))
        painter.setBrush(pal.HC_PAPER if hc else QColor(255, 255, 255, 230))
        self._lay_out()
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setFont(mt.label_font())
        painter.setPen(pal.HC_INK if hc else pal.TEXT)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self._text)
