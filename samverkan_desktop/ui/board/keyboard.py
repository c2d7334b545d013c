"""The board by keyboard: a focus that walks the notes and frames in reading order.

Keys (the view passes them here while no inline editor is open):
  Tab / Shift+Tab        next / previous note or frame; past the last (first) the keyboard
                         leaves the board for the next widget (Ctrl+Tab always leaves)
  arrows                 Right/Down next, Left/Up previous; the focused item alone is selected
  Shift+arrows           the same, adding to the selection (Shift+Tab does not: it only goes back)
  Ctrl+arrows            move the focus only; Space (tapped) or Ctrl+Space toggles its selection
  Home / End             the first / last
  Alt+arrows             nudge the selection (Alt+Shift: further), what the arrows alone did before
The order is core.board.focus_order (frame by frame, rows top to bottom, left to right). The view
scrolls to keep the focused item in sight; a ring is drawn round it while the keyboard is in use
(a click moves the focus along and takes the ring away); the view announces it to screen readers
(accessible.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...core.board import Key, frame_key, note_key
from ...core.board.focus_order import focus_order, step
from ...core.board.geometry import TITLE_H
from ...core.labels import group_labels
from . import accessible
from .cluster_item import ClusterItem
from .note_item import NoteItem

if TYPE_CHECKING:
    from .view import BoardView

RING_Z = 4500.0  # above notes and labels, under an inline editor (editor.EDITOR_Z)
RING_GAP = 5.0  # screen pixels between the item's edge and the ring
RING_OUTER = 4.0  # screen pixels: the dark ring
RING_INNER = 2.0  # screen pixels: the light ring inside it, so it shows on dark and light
RING_DARK = QColor("#000000")
RING_LIGHT = QColor("#FFFFFF")
SCROLL_MARGIN = 40  # pixels kept around the focused item when the view scrolls to it


class FocusRing(QGraphicsItem):
    """A thick black ring with a white ring inside it, a few screen pixels outside the focused
    note or frame: seen by its shape and thickness on any paper, not by its colour."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(RING_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self._target = QRectF()
        self._zoom = 1.0
        self._radius = 4.0

    def around(self, rect: QRectF, radius: float) -> None:
        self.prepareGeometryChange()
        self._target = QRectF(rect)
        self._radius = radius

    def set_zoom(self, zoom: float) -> None:
        if zoom > 0 and zoom != self._zoom:
            self.prepareGeometryChange()
            self._zoom = zoom

    def target(self) -> QRectF:
        return QRectF(self._target)

    def _ring_rects(self) -> tuple[QRectF, QRectF, float]:
        unit = 1.0 / self._zoom  # one screen pixel in scene units
        outer_mid = (RING_GAP + RING_INNER + RING_OUTER / 2) * unit
        inner_mid = (RING_GAP + RING_INNER / 2) * unit
        grow = lambda d: self._target.adjusted(-d, -d, d, d)  # noqa: E731
        return grow(outer_mid), grow(inner_mid), unit

    def boundingRect(self) -> QRectF:
        extra = (RING_GAP + RING_INNER + RING_OUTER + 2) / self._zoom
        return self._target.adjusted(-extra, -extra, extra, extra)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit by a click

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        outer, inner, unit = self._ring_rects()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = self._radius + 6 * unit
        painter.setPen(QPen(RING_DARK, RING_OUTER * unit))
        painter.drawRoundedRect(outer, radius, radius)
        painter.setPen(QPen(RING_LIGHT, RING_INNER * unit))
        painter.drawRoundedRect(inner, radius, radius)


class KeyboardFocus(QObject):
    """Which note or frame the keyboard is on, and the keys that move it."""

    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.board()
        self.doc = self.scene.doc
        self.key: Key | None = None
        self.ring = FocusRing()
        self.ring.setVisible(False)
        self.scene.addItem(self.ring)
        self._ring_wanted = False
        self._selecting = False  # our own selection change: the focus is already there
        # The focused note's sentence after a change to it waits for the board's next paint
        # (`_describe_soon`), with this as the longest wait when nothing paints.
        self._describe_timer = QTimer(self)
        self._describe_timer.setSingleShot(True)
        self._describe_timer.setInterval(50)
        self._describe_timer.timeout.connect(self._describe)
        self._describe_waits = False
        self._focus_moved = False  # ... and it is news that the focus moved (`announce`)
        self.scene.shown.connect(self._shown)
        accessible.announce(view, accessible.board_name(), accessible.board_description())
        self.scene.selectionChanged.connect(self._follow_selection)
        # Bound methods, not lambdas: Qt drops these connections when this object goes.
        self.doc.notesChanged.connect(self._notes_changed)
        self.doc.clustersChanged.connect(self._clusters_changed)
        self.doc.notesRemoved.connect(self._notes_removed)
        self.doc.clustersRemoved.connect(self._clusters_removed)
        view.zoomChanged.connect(self._zoomed)

    # ----------------------------------------------------------------- order
    def order(self) -> list[Key]:
        """Every note and frame a user can see, in reading order (a group filter hides notes)."""
        hidden = {
            note_key(item.note_id) for item in self.scene.note_items() if not item.isVisible()
        }
        return focus_order(self.doc.board, hidden)

    def _start(self) -> Key | None:
        """Where a step starts: the focus, else the first selected item in reading order."""
        if self.key is not None and self._item(self.key) is not None:
            return self.key
        selected = {note_key(i) for i in self.scene.selected_note_ids()}
        selected |= {frame_key(i) for i in self.scene.selected_cluster_ids()}
        if selected:
            return next((k for k in self.order() if k in selected), None)
        return None

    # ----------------------------------------------------------------- moving
    def go(self, forward: bool, mode: str = "only") -> bool:
        """One step along the order; `mode`: "only" selects the new item alone, "add" adds it
        to the selection, "none" leaves the selection. False past either end."""
        order = self.order()
        start = self._start()
        target = step(order, start, forward)
        if target is None:
            return False
        if mode == "add" and start is not None:
            self._select_add(start)
        self.set_focus(target, mode)
        return True

    def go_end(self, last: bool) -> bool:
        order = self.order()
        if not order:
            return False
        self.set_focus(order[-1] if last else order[0], "only")
        return True

    def set_focus(
        self, key: Key, mode: str = "none", show_ring: bool = True, soon: bool = False
    ) -> None:
        """Put the focus on `key`; select it per `mode` (see `go`), bring it into view, draw
        the ring (`show_ring`) and tell a screen reader (`soon`: once the board has painted,
        see `_describe_soon`)."""
        if self._item(key) is None:
            return
        self.key = key
        if mode == "only":
            self._select([key], keep=False)
        elif mode == "add":
            self._select_add(key)
        self._ring_wanted = self._ring_wanted or show_ring
        self._place_ring()
        if show_ring:
            self.scroll_to(key)
        if soon:
            self._describe_soon(moved=True)
        else:
            self.announce()
        self.view.focusedItemChanged.emit()

    def toggle(self) -> None:
        """Space: the focused item in or out of the selection."""
        item = self._item(self.key) if self.key is not None else None
        if item is None:
            return
        self._selecting = True
        try:
            item.setSelected(not item.isSelected())
        finally:
            self._selecting = False
        self._ring_wanted = True
        self._place_ring()
        self.announce()

    def pointer_used(self) -> None:
        """The mouse is in use: no ring until a key moves the focus again."""
        self.leave()

    def leave(self) -> None:
        """The keyboard leaves the board or Escape is pressed with nothing selected: no ring."""
        self._ring_wanted = False
        self._place_ring()

    def clear(self) -> None:
        self.key = None
        self._ring_wanted = False
        self._place_ring()
        accessible.announce(self.view, accessible.board_name(), accessible.board_description())
        self.view.focusedItemChanged.emit()

    def _select(self, keys: list[Key], keep: bool) -> None:
        self._selecting = True
        try:
            scene = self.scene
            scene.blockSignals(True)
            try:
                if not keep:
                    scene.clearSelection()
                for k in keys:
                    item = self._item(k)
                    if item is not None:
                        item.setSelected(True)
            finally:
                scene.blockSignals(False)
            scene.selectionChanged.emit()
        finally:
            self._selecting = False

    def _select_add(self, key: Key) -> None:
        self._select([key], keep=True)

    # ----------------------------------------------------------------- showing
    def _item(self, key: Key | None) -> NoteItem | ClusterItem | None:
        if key is None:
            return None
        kind, i = key
        return self.scene.note_item(i) if kind == "note" else self.scene.cluster_item(i)

    def _place_ring(self) -> None:
        if not shiboken6.isValid(self.ring):
            return
        item = self._item(self.key)
        shown = self._ring_wanted and item is not None and item.isVisible()
        if shown:
            assert item is not None
            self.ring.set_zoom(self.view.zoom())
            self.ring.around(item.scene_rect(), 10.0 if isinstance(item, ClusterItem) else 3.0)
        self.ring.setVisible(shown)

    def ring_shown(self) -> bool:
        return self.ring.isVisible()

    def scroll_to(self, key: Key) -> None:
        item = self._item(key)
        if item is None:
            return
        rect = item.scene_rect()
        seen = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if isinstance(item, ClusterItem) and (
            rect.height() > seen.height() or rect.width() > seen.width()
        ):
            # A frame bigger than the view: its title, where its name is.
            width = min(rect.width(), seen.width() - 2 * SCROLL_MARGIN / self.view.zoom())
            rect = QRectF(rect.left(), rect.top(), max(width, 1.0), TITLE_H)
        self.view.ensureVisible(rect, SCROLL_MARGIN, SCROLL_MARGIN)

    def text(self) -> tuple[str, str]:
        """(name, description) of the focused item, as a screen reader hears it."""
        item = self._item(self.key)
        if item is None or self.key is None or not self._known(self.key):
            # Nothing, or something the model has just let go of (its item goes next).
            return accessible.board_name(), accessible.board_description()
        groups = sorted(self.doc.groups.values(), key=lambda g: (g.position, g.id))
        labels = group_labels(groups)
        return accessible.describe(self.doc, labels, self.key, item.isSelected())

    def _known(self, key: Key) -> bool:
        kind, i = key
        return i in (self.doc.notes if kind == "note" else self.doc.clusters)

    def announce(self) -> None:
        accessible.announce(self.view, *self.text())

    # ----------------------------------------------------------------- following the model
    def _follow_selection(self) -> None:
        if self._selecting or not shiboken6.isValid(self.scene):
            return
        items = [i for i in self.scene.selectedItems() if isinstance(i, NoteItem | ClusterItem)]
        if len(items) == 1:
            item = items[0]
            key = (
                note_key(item.note_id) if isinstance(item, NoteItem) else frame_key(item.cluster_id)
            )
            if key != self.key:
                # A click (or a new cluster) moves the focus along; the ring shows only while
                # the keyboard is in use (a press of the mouse takes it away: `pointer_used`).
                # What it is, is said once the board has shown it (Ctrl+G: 0.2 ms sooner).
                self.set_focus(key, "none", show_ring=self._ring_wanted, soon=True)
                return
        if self.key is not None:
            self.announce()  # "markerad" may have come or gone

    def _zoomed(self, zoom: float) -> None:
        if shiboken6.isValid(self.ring):
            self.ring.set_zoom(zoom)

    def _notes_changed(self, ids: frozenset[int]) -> None:
        if self.key is not None and self.key[0] == "note" and self.key[1] in ids:
            self._place_ring()
            self._describe_soon()

    def _describe_soon(self, moved: bool = False) -> None:
        """Give the view the focused item's sentence once the board has painted the change
        (working it out was 0.1 ms before the first paint of a drag of the focused note); at
        once when the board is not shown. `moved`: the focus moved to it; a screen reader is
        told so then (`announce`)."""
        self._focus_moved = self._focus_moved or moved
        if not self.view.isVisible():
            self._describe()
            return
        if not self._describe_waits:
            self._describe_waits = True
            self._describe_timer.start()

    def _shown(self) -> None:
        if self._describe_waits:  # the paint that shows the change is done
            QTimer.singleShot(0, self, self._describe)

    def _describe(self) -> None:
        if not shiboken6.isValid(self.view):
            return
        if self._describe_waits:
            self._describe_waits = False
            self._describe_timer.stop()
        if self._focus_moved:
            self._focus_moved = False
            self.announce()
            return
        name, description = self.text()
        self.view.setAccessibleName(name)
        self.view.setAccessibleDescription(description)

    def _clusters_changed(self, ids: frozenset[int]) -> None:
        if self.key is None:
            return
        # A frame's name is in its notes' sentences, and a note's count in its frame's.
        self._place_ring()
        self._describe_soon()

    def _notes_removed(self, ids: frozenset[int]) -> None:
        if self.key is not None and self.key[0] == "note" and self.key[1] in ids:
            self.clear()

    def _clusters_removed(self, ids: frozenset[int]) -> None:
        if self.key is not None and self.key[0] == "frame" and self.key[1] in ids:
            self.clear()
