"""The board's view: zoom around the pointer, pan every usual way, rubber-band selection.

Zoom: Ctrl+wheel and pinch around the pointer; `zoom_to_fit` (Ctrl+0); `zoom_100` (Ctrl+1) and
`zoom_step` (Ctrl++ / Ctrl+-) around the selection when there is one, else around the middle.
Going somewhere (a cluster from the list, a search hit) goes through `show_rect`: the place fills
the view, but at a size its notes can be read.
Pan: the scroll bars or wheel, the middle mouse button, or Space held while dragging.
Keys: Tab and the arrow keys walk the notes and frames (keyboard.py, which lists them all);
Alt+arrows nudge the selection (Alt+Shift: further); Escape cancels a drag or clears the
selection.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QContextMenuEvent,
    QFocusEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPixmapCache,
    QScreen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QMenu, QPinchGesture, QWidget

from . import palette as pal
from .keyboard import KeyboardFocus
from .scene import BoardScene

MIN_ZOOM = 0.001  # far enough out to fit 40,000 notes in group columns (Ctrl+0)
MAX_ZOOM = 4.0
NUDGE = 10.0
NUDGE_FAR = 50.0
GRID = 40.0


# The first view's least zoom: notes' text is drawn from 30 % but read comfortably from about 60 %.
FIRST_VIEW_READABLE_ZOOM = 0.6
FAR_HEADER_ROOM = 30.0  # pixels: a zoomed-out group header's height (board/headers.py)
# Going to a place never leaves the view farther out than this: notes' text is read without
# leaning in. A place too big to fit at it is shown from its top left (a cluster's title).
READABLE_ZOOM = 0.75
# ... nor closer than this: a cluster of two notes is not blown up to fill a big screen.
FOCUS_MOST_ZOOM = 1.5
FOCUS_MARGIN = 30.0  # pixels around a place gone to


def pictures_kb(screen: QScreen | None) -> int:
    """Room (KB) for the cached pictures of notes and frames: notes over frames over the board
    fill a screen about twice over; kept for two and a half screens' worth of them."""
    if screen is None:
        return 0
    size, ratio = screen.size(), screen.devicePixelRatio()
    return int(size.width() * size.height() * ratio * ratio * 4 * 2.5 / 1024)


class BoardView(QGraphicsView):
    zoomChanged = Signal(float)
    # The keyboard's focus moved to another note or frame (or left them).
    focusedItemChanged = Signal()

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._board = scene
        # The room to scroll is the scene's extent, not its rect (kept larger for Qt's index).
        if not scene.extent().isNull():
            self.setSceneRect(scene.extent())
        scene.extentChanged.connect(self.setSceneRect)
        self._pan_from: QPoint | None = None
        self._space = False
        self._space_dragged = False  # Space was held to pan, not tapped to select
        self._context_actions: Sequence[QAction | None] = ()
        self.last_mouse_pos: QPoint | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        # A rubber band started inside a frame must not pick up the frame itself.
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # One rect, not the exact region: under a clip of several rects Qt blends every picture
        # taller than ~96 pixel rows in its thread pool, 100 µs each to wake on two cores (a note
        # at 100 %); one rect blits it in 8 µs, so repainting a little more costs less. (Measured
        # with the pool on; the program now turns it off, ui/app.py, and keeps one rect.)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        # Notes and frames keep a picture each (DeviceCoordinateCache): Qt's default room for
        # pictures, 10 MB, is less than a big or high-DPI screen of them, so they would be
        # drawn again on every paint. This is Qt's one cache for the whole program.
        room = pictures_kb(QGuiApplication.primaryScreen())
        if QPixmapCache.cacheLimit() < room:
            QPixmapCache.setCacheLimit(room)
        # The dot grid is tiled once into a cached picture; a repaint copies it (the tiled
        # fill under a zoomed transform took 2-5 ms of every gesture at 50 %).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        # The board paints every pixel of its view, its background first: Qt need not paint
        # the window behind the view, nor fill the view, before each paint (0.2 ms each).
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.viewport().setAutoFillBackground(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setMouseTracking(True)
        self.keys = KeyboardFocus(self)

    def board(self) -> BoardScene:
        return self._board

    # ----------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to `zoom`, keeping the scene point under `anchor` (viewport pixels) in place."""
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        fixed = self.mapToScene(anchor.toPoint())
        factor = zoom / self.zoom()
        self.scale(factor, factor)
        moved = self.mapFromScene(fixed)
        shift = moved - anchor.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + shift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + shift.y())
        self._board.set_zoom(zoom)
        self.zoomChanged.emit(zoom)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_zoom(self.zoom() * factor, anchor)

    def zoom_100(self) -> None:
        self.zoom_on_selection(1.0)

    def zoom_step(self, factor: float) -> None:
        """A zoom key: one step in or out, around the selection when there is one."""
        self.zoom_on_selection(self.zoom() * factor)

    def zoom_on_selection(self, zoom: float) -> None:
        """Zoom to `zoom` with the selection in the middle of the view, or, with nothing
        selected, keeping the middle where it is: the keys have no pointer to zoom around, and
        what the user picked is what they mean to look at."""
        selected = self.selection_rect()
        if selected.isNull():
            self.set_zoom(zoom)
            return
        self.set_zoom(zoom)
        self.centerOn(selected.center())

    def selection_rect(self) -> QRectF:
        """The scene rect around every selected item that is shown (null: nothing selected)."""
        rect = QRectF()
        for item in self._board.selectedItems():
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def zoom_to_fit(self) -> None:
        # Far out the group headers are drawn at screen size above the columns: leave them room.
        self.fit_rect(self._board.content_rect(), top_pixels=FAR_HEADER_ROOM)

    def fit_rect(self, rect: QRectF, most: float = 1.0, top_pixels: float = 0.0) -> None:
        """Show all of `rect`, but never closer than `most`, with `top_pixels` free above it."""
        if rect.isNull():
            self.set_zoom(1.0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        area = self.viewport().rect()
        height = max(area.height() - top_pixels, 1.0)
        zoom = min(area.width() / rect.width(), height / rect.height(), most)
        self.set_zoom(zoom)
        self.centerOn(rect.center() - QPointF(0, top_pixels / 2 / self.zoom()))

    def first_view(self) -> None:
        """The board's top left, as wide as fits but close enough to read the notes: an imported
        workshop is a row of tall group columns, and fitting all of it shrinks notes to dots."""
        rect = self._board.content_rect()
        if rect.isNull():
            self.set_zoom(1.0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        fit_width = self.viewport().width() / rect.width()
        self.set_zoom(min(max(fit_width, FIRST_VIEW_READABLE_ZOOM), 1.0))
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(rect.left() + visible.width() / 2, rect.top() + visible.height() / 2)

    def center_on_cluster(self, cluster_id: int) -> None:
        """Go to a cluster (from the list, the theme map, an accepted suggestion)."""
        item = self._board.cluster_item(cluster_id)
        if item is not None:
            self.show_rect(item.scene_rect())

    def show_rect(self, rect: QRectF, most: float = FOCUS_MOST_ZOOM) -> None:
        """Bring `rect` into view so that it fills the view, with a margin, at no closer than
        `most` and no farther than READABLE_ZOOM. Along a side that does not fit at that, the
        view starts at the rect's left or top edge, where a cluster's title is."""
        if rect.isNull():
            return
        area = self.viewport().rect()
        width = max(area.width() - 2 * FOCUS_MARGIN, 1.0)
        height = max(area.height() - 2 * FOCUS_MARGIN, 1.0)
        fit = min(width / max(rect.width(), 1.0), height / max(rect.height(), 1.0))
        self.set_zoom(max(READABLE_ZOOM, min(fit, most)))
        zoom = self.zoom()
        seen_width, seen_height = area.width() / zoom, area.height() / zoom
        margin = FOCUS_MARGIN / zoom
        x = rect.center().x()
        if rect.width() + 2 * margin > seen_width:
            x = rect.left() - margin + seen_width / 2
        y = rect.center().y()
        if rect.height() + 2 * margin > seen_height:
            y = rect.top() - margin + seen_height / 2
        self.centerOn(QPointF(x, y))

    def view_state(self) -> dict[str, float]:
        centre = self.mapToScene(self.viewport().rect().center())
        return {"zoom": self.zoom(), "x": centre.x(), "y": centre.y()}

    def restore_view_state(self, state: Mapping[str, Any]) -> None:
        """Zoom and centre from `view_state` (or a file's JSON); anything unusable is ignored."""
        try:
            zoom = float(state["zoom"])
            x, y = float(state["x"]), float(state["y"])
        except (KeyError, TypeError, ValueError):
            return
        if not all(math.isfinite(v) for v in (zoom, x, y)) or zoom <= 0:
            return
        self.set_zoom(zoom)
        self.centerOn(QPointF(x, y))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120 or event.pixelDelta().y() / 50
            if steps:
                self.zoom_by(1.2**steps, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            assert isinstance(event, QGestureEvent)
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), QPointF(centre))
                event.accept()
                return True
        if event.type() == QEvent.Type.NativeGesture:
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position())
                return True
        return super().viewportEvent(event)

    # ----------------------------------------------------------------- panning
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._space_dragged = self._space_dragged or self._space
        self.keys.pointer_used()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.last_mouse_pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _editing(self) -> bool:
        return self._board.active_editor() is not None

    def event(self, event: QEvent) -> bool:
        # Tab walks the board's notes until the last one, then leaves as usual; Ctrl+Tab leaves.
        if event.type() == QEvent.Type.KeyPress and not self._editing():
            assert isinstance(event, QKeyEvent)
            mods = event.modifiers()
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                forward = event.key() == Qt.Key.Key_Tab and not (
                    mods & Qt.KeyboardModifier.ShiftModifier
                )
                if self.keys.go(forward):
                    event.accept()
                    return True
                self.keys.leave()
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Tabbed into from the widget before (after): the note or frame the keyboard was on,
        # ringed again, else the first (last) one.
        reason = event.reason()
        tabbed = reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if tabbed and self.keys.key is not None:
            self.keys.set_focus(self.keys.key)
        elif tabbed:
            self.keys.go_end(last=reason == Qt.FocusReason.BacktabFocusReason)
        else:
            self.keys.announce()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._editing():
            super().keyPressEvent(event)
            return
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_Space and ctrl:
            self.keys.toggle()
            event.accept()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self._space_dragged = False
            self.setInteractive(False)  # so the hand pans even over notes
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and alt:
            if self._board.selected_note_ids() or self._board.selected_cluster_ids():
                step = NUDGE_FAR if shift else NUDGE
                dx, dy = arrows[Qt.Key(key)]  # key() is typed int
                self._board.move_selection(dx * step, dy * step)
            event.accept()
            return
        if key in arrows:
            forward = key in (Qt.Key.Key_Right, Qt.Key.Key_Down)
            self.keys.go(forward, "none" if ctrl else "add" if shift else "only")
            event.accept()
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and not mods:
            self.keys.go_end(last=key == Qt.Key.Key_End)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            if not self._board.cancel_gesture():
                if self._board.selectedItems():
                    self._board.clearSelection()
                else:
                    self.keys.leave()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.setInteractive(True)
            if not self._space_dragged:  # tapped, not held to pan: select the focused item
                self.keys.toggle()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: object) -> None:
        self._space_dragged = True  # a release that comes back later is no tap
        if self._space:  # the Space release went elsewhere; do not stay stuck in pan mode
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.setInteractive(True)
        super().focusOutEvent(event)  # type: ignore[arg-type]

    # ----------------------------------------------------------------- context menu
    def set_context_actions(self, actions: Sequence[QAction | None]) -> None:
        """Actions for the right-click menu (None: a separator)."""
        self._context_actions = tuple(actions)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self._context_actions or self._editing():
            super().contextMenuEvent(event)
            return
        menu = QMenu(self)
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            elif action.isEnabled():
                menu.addAction(action)
        menu.exec(event.globalPos())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._board.building():  # (a big board's notes get their items as they come into view)
            self._board.make_items_in(self.mapToScene(event.rect()).boundingRect())
        super().paintEvent(event)
        self._board.painted()  # what waits for the board to show a change first

    # ----------------------------------------------------------------- background
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self.zoom() < 0.5:
            painter.fillRect(rect, pal.BOARD_BACKGROUND)
            return
        # A faint dot grid: it shows that the board moves when panning, without competing.
        # Its tile holds the background colour too, so one fill paints both.
        device = painter.deviceTransform()
        # (A device with more pixels than points scales beneath the world transform: no tile.)
        tile = _scaled_grid_brush(device) if device == painter.transform() else None
        if tile is not None:
            # The grid at this zoom, tiled in pixels: the same pixels for ~1/5 of the time.
            painter.save()
            painter.resetTransform()
            painter.setBrushOrigin(device.map(QPointF(0, 0)))
            painter.fillRect(device.mapRect(QRectF(rect)), tile)
            painter.restore()
            return
        painter.setBrushOrigin(0, 0)
        painter.fillRect(rect, _grid_brush())


# The zooms at which the grid's tile drawn at that zoom, then repeated pixel for pixel, gives
# exactly the pixels of the tile repeated under the zoomed transform (Qt samples the tile at
# each pixel; at 75 %, 150 % or 300 % its sampling drifts across the tile's edges, and a
# pre-drawn tile differs by a dot's pixel here and there). test_view checks each of them
# against the plain fill. The plain fill under a zoomed transform takes ~1.3 ms for a
# 1200x800 view, the tiled pixels ~0.3: the background the scroll of a Ctrl+G or a drop
# brings into view. At 100 % the plain fill needs no help.
PIXEL_GRID_ZOOMS = (0.5, 0.6, 1.25, 2.0, 4.0)
_SCALED_GRID: dict[float, QBrush] = {}


def _scaled_grid_brush(device: QTransform) -> QBrush | None:
    """The grid's tile drawn at the zoom of `device` (the painter's transform to pixels),
    when repeating it gives the very pixels of the plain fill; otherwise None."""
    zoom = device.m11()
    if (
        zoom not in PIXEL_GRID_ZOOMS
        or device.m22() != zoom
        or device.type().value > QTransform.TransformationType.TxScale.value
        or device.dx() != round(device.dx())  # the tile's pixels must fall on the view's
        or device.dy() != round(device.dy())
    ):
        return None
    brush = _SCALED_GRID.get(zoom)
    if brush is None:
        size = round(GRID * zoom)
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        p = QPainter(image)
        p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        p.setTransform(QTransform.fromScale(zoom, zoom))
        p.setBrushOrigin(0, 0)
        p.fillRect(QRectF(0, 0, GRID, GRID), _grid_brush())
        p.end()
        brush = _SCALED_GRID[zoom] = QBrush(QPixmap.fromImage(image))
    return brush


def _grid_brush() -> QBrush:
    global _GRID_BRUSH
    if _GRID_BRUSH is None:
        tile = QPixmap(int(GRID), int(GRID))
        tile.fill(pal.BOARD_BACKGROUND)
        p = QPainter(tile)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.GRID_DOT)
        p.drawEllipse(QPointF(GRID / 2, GRID / 2), 1.5, 1.5)
        p.end()
        _GRID_BRUSH = QBrush(tile)
    return _GRID_BRUSH


_GRID_BRUSH: QBrush | None = None
