"""A note on the board: a sticky note in its group's colour, with its group's label and marks.

The item only shows a `model.Note`; moving, editing and selecting are the scene's business.
Text is always drawn as plain text, line by line.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...core import model as m
from ...core import note_colours
from ..i18n import TrContext
from . import metrics as mt
from . import palette as pal

NOTE_Z = 1000.0


class NoteTip(TrContext):
    """A note's tooltip. (Translation context; see TrContext.)"""


_SHADOW = QColor(40, 36, 20, 34)
_LIFTED_SHADOW = QColor(40, 36, 20, 38)
_DOT = QColor("#33363B")


class NoteStyle:
    """How a group's notes look: paper colour, label colour and the short label; and the
    reader's look (pal.BoardLook): high contrast (white paper, the group's `pattern`) and the
    text's scale."""

    __slots__ = ("fill", "ink", "label", "group_name", "look", "pattern")

    def __init__(
        self,
        fill: QColor,
        ink: QColor,
        label: str,
        group_name: str,
        look: pal.BoardLook = pal.NORMAL_LOOK,
        pattern: Qt.BrushStyle = Qt.BrushStyle.NoBrush,
    ) -> None:
        self.fill, self.ink, self.label, self.group_name = fill, ink, label, group_name
        self.look, self.pattern = look, pattern

    @property
    def text(self) -> QColor:
        return pal.HC_INK if self.look.high_contrast else pal.TEXT


class NoteItem(QGraphicsItem):
    def __init__(self, note: m.Note, style: NoteStyle) -> None:
        super().__init__()
        self.note = note
        self.style = style
        self._height = mt.note_height(note, style.look.text_scale)
        self._lifted = False
        self._far = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        # A note repaints only when it changes or the zoom does, not on every scroll.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(NOTE_Z)
        self.setPos(note.x, note.y)
        self._update_tooltip()

    @property
    def note_id(self) -> int:
        return self.note.id

    def height(self) -> float:
        return self._height

    @property
    def lines(self) -> mt.TextLines:
        """The text broken into lines (laid out when first painted; cached by text)."""
        return mt.note_lines(self.note.text, self.note.votes > 0, self.style.look.text_scale)

    def rect(self) -> QRectF:
        return QRectF(0, 0, mt.NOTE_W, self._height)

    def scene_rect(self) -> QRectF:
        return self.rect().translated(self.pos())

    def set_note(self, note: m.Note, style: NoteStyle | None = None) -> None:
        if style is not None:
            self.style = style
        height = mt.note_height(note, self.style.look.text_scale)
        if height != self._height:
            self.prepareGeometryChange()
        self.note, self._height = note, height
        self.setPos(note.x, note.y)
        self._update_tooltip()
        self.update()

    def _update_tooltip(self) -> None:
        n = self.note
        parts = [f"<p style='white-space:pre-wrap'>{html.escape(n.text)}</p>"]
        details = [self.style.group_name]
        if n.section:
            details.append(n.section)
        if n.source:
            details.append(n.source)
        parts.append(
            "<p style='color:#555'>" + "<br>".join(html.escape(d) for d in details if d) + "</p>"
        )
        if n.colour:
            name = note_colours.colour_name(n.colour)
            parts.append(f"<p>{NoteTip.tr('Färg:')} {html.escape(name)}</p>")
        if n.comment:
            parts.append(f"<p><i>{NoteTip.tr('Kommentar:')}</i> {html.escape(n.comment)}</p>")
        if n.uncertain:
            parts.append(f"<p><i>{NoteTip.tr('Osäker läsning av originalet')}</i></p>")
        if n.personal_data:
            parts.append(f"<p><i>{NoteTip.tr('Innehåller personuppgifter')}</i></p>")
        self.setToolTip("".join(parts))

    # ----------------------------------------------------------------- painting
    def fill(self) -> QColor:
        """The note's colour: the facilitator's own, else its group's (high contrast: white)."""
        if self.style.look.high_contrast:
            return self.style.fill
        return pal.parse_colour(self.note.colour) or self.style.fill

    def set_far(self, far: bool) -> None:
        """Far out the board's overview draws this note (see overview.py); it paints nothing
        itself, except while it is dragged."""
        self._far = far
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, far and not self._lifted)

    def set_lifted(self, lifted: bool) -> None:
        """While it is dragged, a note casts a longer shadow: it is in the hand, not the wall."""
        if self._far:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not lifted)
        if lifted != self._lifted:
            self.prepareGeometryChange()
            self._lifted = lifted
            self.update()

    def boundingRect(self) -> QRectF:
        if self._lifted:
            return QRectF(-3, -3, mt.NOTE_W + 12, self._height + 14)
        return QRectF(-3, -3, mt.NOTE_W + 7, self._height + 8)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.rect())
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        rect = self.rect()
        fill = self.fill()
        if lod < 0.3:
            # Far out: a patch of colour is all anyone can see, and all we draw.
            painter.fillRect(rect, fill)
            if self.style.look.high_contrast:  # a white patch needs its black edge
                painter.setPen(QPen(pal.HC_INK, 1.5 / lod))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect)
            if self.isSelected():
                painter.setPen(QPen(pal.ACCENT, 3 / lod))
                painter.drawRect(rect)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if self._lifted:
            painter.setBrush(_LIFTED_SHADOW)
            painter.drawRoundedRect(rect.translated(5, 8), 4, 4)
        painter.setBrush(_SHADOW)
        painter.drawRoundedRect(rect.translated(1.5, 2.5), 3, 3)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        if self.style.look.high_contrast:
            self._paint_contrast_edge(painter)
        self._paint_header(painter, lod)
        if lod >= 0.45:
            lines = self.lines
            painter.setFont(mt.note_font(lines.pixels))
            painter.setPen(self.style.text)
            for origin, line in lines.lines:
                painter.drawText(origin, line)
        else:
            self._paint_text_bars(painter)
        if self.note.votes > 0:
            self._paint_votes(painter)
        self._paint_colour_tag(painter)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.style.look.high_contrast:
                painter.setPen(QPen(pal.HC_ACCENT, max(4.0, 2.5 / lod)))
                painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 5, 5)
            else:
                painter.setPen(QPen(pal.ACCENT, max(2.5, 1.5 / lod)))
                painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)

    def _paint_contrast_edge(self, painter: QPainter) -> None:
        """High contrast: the group's hatching along the bottom edge (below the text and the
        votes), and a thick black border."""
        rect = self.rect()
        if self.style.pattern != Qt.BrushStyle.NoBrush:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(pal.HC_INK, self.style.pattern))
            painter.drawRect(QRectF(0, rect.height() - 8, rect.width(), 8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(pal.HC_INK, pal.HC_NOTE_BORDER))
        half = pal.HC_NOTE_BORDER / 2
        painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 3, 3)

    def _paint_header(self, painter: QPainter, lod: float) -> None:
        painter.setFont(mt.label_font())
        # On a colour of the facilitator's own the group's shade may not read: plain text does.
        own = pal.parse_colour(self.note.colour) and not self.style.look.high_contrast
        painter.setPen(self.style.text if own else self.style.ink)
        painter.drawText(QPointF(mt.NOTE_PAD, 16), self.style.label)
        x = mt.NOTE_W - mt.NOTE_PAD
        n = self.note
        warning = pal.HC_INK if self.style.look.high_contrast else pal.WARNING
        if n.personal_data:
            x = self._badge(painter, x, "PU", warning, filled=False)
        if n.comment:
            x = self._comment_mark(painter, x)
        if n.uncertain:
            x = self._badge(painter, x, "?", warning, filled=True)

    def _badge(
        self, painter: QPainter, right: float, text: str, colour: QColor, filled: bool
    ) -> float:
        painter.setFont(mt.label_font())
        width = max(15.0, painter.fontMetrics().horizontalAdvance(text) + 8)
        box = QRectF(right - width, 5, width, 15)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 7.5, 7.5)
        # Text in the orange itself would not reach 4.5:1 on every paper: a darker shade.
        ink = pal.WARNING_TEXT if colour == pal.WARNING else colour
        painter.setPen(QColor("white") if filled else ink)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.left() - 4

    def _comment_mark(self, painter: QPainter, right: float) -> float:
        """A small speech bubble: the note has a comment (read it in the tooltip)."""
        box = QRectF(right - 16, 6, 16, 11)
        path = QPainterPath()
        path.addRoundedRect(box, 3, 3)
        tail = QPainterPath()
        tail.moveTo(box.left() + 4, box.bottom() - 1)
        tail.lineTo(box.left() + 3, box.bottom() + 4)
        tail.lineTo(box.left() + 9, box.bottom() - 1)
        path = path.united(tail)
        painter.setPen(QPen(pal.MUTED_TEXT, 1.2))
        painter.setBrush(QColor(255, 255, 255, 170))
        painter.drawPath(path)
        return box.left() - 5

    def _paint_colour_tag(self, painter: QPainter) -> None:
        """The own colour's mark on its dark shade after the group label: not colour alone."""
        tag = pal.colour_tag(self.note.colour)
        if tag is None:
            return
        shade, mark = tag
        painter.setFont(mt.label_font())
        width = max(18.0, painter.fontMetrics().horizontalAdvance(mark) + 10)
        left = mt.NOTE_PAD + painter.fontMetrics().horizontalAdvance(self.style.label)
        box = QRectF(left + (6 if self.style.label else 0), 5, width, 15)
        if self.style.look.high_contrast:  # the mark in black on white, boxed: 21:1
            painter.setPen(QPen(pal.HC_INK, 1.5))
            painter.setBrush(pal.HC_PAPER)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(pal.HC_INK)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shade)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)

    def _paint_text_bars(self, painter: QPainter) -> None:
        """Zoomed out: grey bars where the lines are, cheaper and calmer than blurred text."""
        painter.setBrush(QColor(0, 0, 0, 40))
        painter.setPen(Qt.PenStyle.NoPen)
        for origin, line in self.lines.lines:
            width = min(mt.NOTE_W - 2 * mt.NOTE_PAD, 7.0 * len(line))
            painter.drawRect(QRectF(origin.x(), origin.y() - 9, width, 7))

    def _paint_votes(self, painter: QPainter) -> None:
        votes = self.note.votes
        y = self._height - mt.NOTE_PAD - 5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_DOT)
        shown = min(votes, 5)
        x = mt.NOTE_PAD + 5
        for _ in range(shown):
            painter.drawEllipse(QPointF(x, y), 4.5, 4.5)
            x += 12
        painter.setFont(mt.label_font())
        painter.setPen(_DOT)
        painter.drawText(QPointF(x - 1, y + 4), str(votes))
