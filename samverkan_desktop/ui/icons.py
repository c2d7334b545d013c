"""The few icons the shell uses, drawn in code so that there are no image files to ship.

One module names them all (as git-cola's `cola/icons.py` does), so a designer's files could
replace them in one place later.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from .board import palette


@cache
def _swatch(rgb: str, size: int, hollow: bool) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x so it stays crisp on high-dpi screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(rgb)
    rect = QRectF(1.5, 1.5, size - 3, size - 3)
    if hollow:
        painter.setPen(colour.darker(130))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(colour.darker(115))
        painter.setBrush(colour)
    painter.drawRoundedRect(rect, 2.5, 2.5)
    painter.end()
    return QIcon(pixmap)


def group_swatch(index: int | None, size: int = 14) -> QIcon:
    """A small square in the colour the board gives the group at `index`."""
    return _swatch(palette.note_fill(index).darker(108).name(), size, False)


@cache
def cluster_swatch(groups: tuple[int | None, ...] = (), size: int = 14) -> QIcon:
    """A small frame for a cluster the facilitator made: a title band over stripes in the colours
    of the groups its notes come from (an empty outline looked like a checkbox)."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRectF(1.5, 1.5, size - 3, size - 3)
    body = frame.adjusted(0, 4, 0, 0)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.FRAME_BORDER)
    painter.drawRoundedRect(frame, 2.5, 2.5)
    painter.setBrush(QColor("white"))
    painter.drawRect(body)
    for i, index in enumerate(groups):
        stripe = QRectF(body.x() + i * body.width() / len(groups), body.y(), 0, body.height())
        stripe.setWidth(body.width() / len(groups))
        painter.setBrush(palette.note_fill(index).darker(108))
        painter.drawRect(stripe)
    painter.setPen(palette.FRAME_BORDER.darker(115))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(frame, 2.5, 2.5)
    painter.end()
    return QIcon(pixmap)


@cache
def app_icon() -> QIcon:
    """Three sticky notes on a board: the window and task bar icon."""
    icon = QIcon()
    for size in (16, 32, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.BOARD_BACKGROUND.darker(115))
        painter.drawRoundedRect(QRectF(0.5 * s, 0.5 * s, 15 * s, 15 * s), 2.5 * s, 2.5 * s)
        for i, (x, y) in enumerate(((2, 2.5), (8.5, 2.5), (5.2, 8.8))):
            painter.setBrush(palette.note_fill(i).darker(104))
            painter.drawRoundedRect(QRectF(x * s, y * s, 5.5 * s, 4.8 * s), 0.8 * s, 0.8 * s)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
