"""Scrolling the board to a place, its zoom kept (the view's `show_rect` zooms as well)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsView


def reveal(view: QGraphicsView, rect: QRectF, margin: int, *, whole: bool = False) -> None:
    """Scroll the least that brings `rect` into view with `margin` pixels round it; of a rect
    bigger than the view, its top left part (where a frame's name is). `whole`: the whole view
    is drawn again after this anyway (Ctrl+G), so Qt is spared its two extras of a scroll,
    copying what was on the view to its new place and replaying the last mouse move over what
    scrolled under the pointer (0.5 ms at 10,000 notes)."""
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    room = 2 * margin / view.transform().m11()
    width = min(rect.width(), max(seen.width() - room, 1.0))
    height = min(rect.height(), max(seen.height() - room, 1.0))
    shown = QRectF(rect.left(), rect.top(), width, height)
    if not whole:
        view.ensureVisible(shown, margin, margin)
        return
    mode, interactive = view.viewportUpdateMode(), view.isInteractive()
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
    view.setInteractive(False)
    try:
        view.ensureVisible(shown, margin, margin)
    finally:
        view.setViewportUpdateMode(mode)
        view.setInteractive(interactive)
