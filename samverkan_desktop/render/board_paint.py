"""The painters of the board: a note, a frame with its title, a group's header.

The board on screen (ui/board's items) and the board in the exports (board_picture.py) are
painted by these, so both show the same thing. Each painter draws at the painter's origin, in
board units, from plain facts: the model object, a style or look, and `lod`, the zoom the
painting is seen at (far out, less detail). Text is always drawn as plain text, line by line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from ..core import model as m
from ..core.board.geometry import TITLE_H
from ..core.board.headers import HEADER_ROOM
from . import board_look as lk
from . import board_text as bt
from .group_colours import NO_GROUP, mix, note_fill

FAR_LOD = 0.3  # below this zoom a note is a patch of colour (no shadow, no text)
LABEL_LOD = 0.45  # below this zoom a frame paints no title (the screen shows a label instead)
_SHADOW = QColor(40, 36, 20, 34)
_LIFTED_SHADOW = QColor(40, 36, 20, 38)
_DOT = QColor("#33363B")


class Frame:
    """A frame's texts, in the board's translation context for frames (also its tooltip's in
    ui/board/cluster_item.py): pyside6-lupdate files `Frame.tr(...)` under "Frame"."""

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate("Frame", text, disambiguation, n)


def count_text(notes: int, clusters: int) -> str:
    """A frame's count: "12 lappar · 2 kluster"."""
    parts = [Frame.tr("%n lappar", "", notes)]
    if clusters:
        parts.append(Frame.tr("%n kluster", "", clusters))
    return " · ".join(parts)


def frame_name(cluster: m.Cluster) -> str:
    return cluster.name.strip() or Frame.tr("Namnlöst kluster")


class NoteStyle:
    """How a group's notes look: paper colour, label colour and the short label; and the
    reader's look (board_look.BoardLook): high contrast (white paper, the group's `pattern`)
    and the text's scale."""

    __slots__ = ("fill", "ink", "label", "group_name", "look", "pattern")

    def __init__(
        self,
        fill: QColor,
        ink: QColor,
        label: str,
        group_name: str,
        look: lk.BoardLook = lk.NORMAL_LOOK,
        pattern: Qt.BrushStyle = Qt.BrushStyle.NoBrush,
    ) -> None:
        self.fill, self.ink, self.label, self.group_name = fill, ink, label, group_name
        self.look, self.pattern = look, pattern

    @property
    def text(self) -> QColor:
        return lk.HC_INK if self.look.high_contrast else lk.TEXT


def group_style(
    index: int | None, label: str, group_name: str, look: lk.BoardLook = lk.NORMAL_LOOK
) -> NoteStyle:
    """The style of the notes of the group at `index` (None: no group) in `look`."""
    if look.high_contrast:
        return NoteStyle(lk.HC_PAPER, lk.HC_INK, label, group_name, look, lk.hc_pattern(index))
    return NoteStyle(note_fill(index), lk.label_colour(index), label, group_name, look)


def note_paper(note: m.Note, style: NoteStyle) -> QColor:
    """A note's colour: the facilitator's own, else its group's (high contrast: white)."""
    if style.look.high_contrast:
        return style.fill
    return lk.parse_colour(note.colour) or style.fill


def note_lines(note: m.Note, style: NoteStyle) -> bt.TextLines:
    return bt.note_lines(note.text, note.votes > 0, style.look.text_scale)


def paint_note(
    painter: QPainter,
    note: m.Note,
    style: NoteStyle,
    height: float,
    *,
    lod: float = 1.0,
    selected: bool = False,
    lifted: bool = False,
    opaque: bool = False,
    clear: bool = False,
) -> None:
    """`note` as a sticky note `height` tall at the origin: paper, label, marks, text, votes.
    `opaque` where no transparency is allowed (PDF/A): no shadow, the rest flattened. `clear`:
    the painter draws on a clear picture of this note alone (the board's cached picture of it)."""
    rect = QRectF(0, 0, bt.NOTE_W, height)
    fill = note_paper(note, style)
    hc = style.look.high_contrast
    if lod < FAR_LOD:
        # Far out: a patch of colour is all anyone can see, and all we draw.
        painter.fillRect(rect, fill)
        if hc:  # a white patch needs its black edge
            painter.setPen(QPen(lk.HC_INK, 1.5 / lod))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        if selected:
            paint_ring(painter, rect, style.look, lod)
        return
    if lifted:
        paint_lift_shadow(painter, height)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    if not opaque:
        _shadow(painter, rect, clear and not lifted)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 3, 3)
    if hc:
        _contrast_edge(painter, rect, style)
    _header(painter, note, style, fill if opaque else None)
    lines = note_lines(note, style)
    if lod >= 0.45:
        painter.setFont(bt.note_font(lines.pixels))
        painter.setPen(style.text)
        for origin, line in lines.lines:
            painter.drawText(origin, line)
    else:
        _text_bars(painter, lines, fill if opaque else None)
    if note.votes > 0:
        _votes(painter, note.votes, height)
    _colour_tag(painter, note.colour, style)
    if selected:
        paint_ring(painter, rect, style.look, lod)


def paint_ring(painter: QPainter, rect: QRectF, look: lk.BoardLook, lod: float) -> None:
    """The ring round a selected note at `rect` (far out, where a note is a patch of colour:
    a plain frame)."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if lod < FAR_LOD:
        painter.setPen(QPen(lk.ACCENT, 3 / lod))
        painter.drawRect(rect)
    elif look.high_contrast:
        painter.setPen(QPen(lk.HC_ACCENT, max(4.0, 2.5 / lod)))
        painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 5, 5)
    else:
        painter.setPen(QPen(lk.ACCENT, max(2.5, 1.5 / lod)))
        painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)


def _shadow(painter: QPainter, rect: QRectF, clear: bool) -> None:
    """The note's translucent shadow, drawn first. On a clear picture (`clear`) it replaces
    what is under it, which is nothing, so the pixels are the same: Qt hands a translucent fill
    of more than about 96 spans (a note over about 32 pixels tall) to its GUI thread pool, which
    on two cores takes 80-300 µs a note to wake, while a replacing fill is done at once (8-25 µs).
    """
    _rounded_fill(painter, rect.translated(1.5, 2.5), 3, _SHADOW, clear)


def _rounded_fill(
    painter: QPainter, rect: QRectF, radius: float, colour: QColor, clear: bool
) -> None:
    """`rect` with round corners filled with `colour` (with the painter's pen); `clear`: on a
    clear picture, replacing what is under it, which there gives the very pixels of blending."""
    painter.setBrush(colour)
    if clear:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.drawRoundedRect(rect, radius, radius)
    if clear:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)


def paint_lift_shadow(painter: QPainter, height: float) -> None:
    """The longer shadow a note `height` tall casts while it is dragged (under `paint_note`)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_LIFTED_SHADOW)
    painter.drawRoundedRect(QRectF(5, 8, bt.NOTE_W, height), 4, 4)


def _contrast_edge(painter: QPainter, rect: QRectF, style: NoteStyle) -> None:
    """High contrast: the group's hatching along the bottom edge (below the text and the
    votes), and a thick black border."""
    if style.pattern != Qt.BrushStyle.NoBrush:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(lk.HC_INK, style.pattern))
        painter.drawRect(QRectF(0, rect.height() - 8, rect.width(), 8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(lk.HC_INK, lk.HC_NOTE_BORDER))
    half = lk.HC_NOTE_BORDER / 2
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 3, 3)


def over(colour: QColor, paper: QColor | None) -> QColor:
    """`colour` as it shows on opaque `paper`, as one opaque colour (None: left as it is)."""
    if paper is None:
        return colour
    return mix(colour, paper, colour.alphaF())


def _header(painter: QPainter, note: m.Note, style: NoteStyle, paper: QColor | None) -> None:
    painter.setFont(bt.label_font())
    hc = style.look.high_contrast
    # On a colour of the facilitator's own the group's shade may not read: plain text does.
    own = lk.parse_colour(note.colour) and not hc
    painter.setPen(style.text if own else style.ink)
    painter.drawText(QPointF(bt.NOTE_PAD, 16), style.label)
    x = bt.NOTE_W - bt.NOTE_PAD
    warning = lk.HC_INK if hc else lk.WARNING
    if note.personal_data:
        x = _badge(painter, x, "PU", warning, filled=False)
    if note.comment:
        x = _comment_mark(painter, x, paper)
    if note.uncertain:
        x = _badge(painter, x, "?", warning, filled=True)


def _badge(painter: QPainter, right: float, text: str, colour: QColor, filled: bool) -> float:
    painter.setFont(bt.label_font())
    width = max(15.0, painter.fontMetrics().horizontalAdvance(text) + 8)
    box = QRectF(right - width, 5, width, 15)
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box, 7.5, 7.5)
    # Text in the orange itself would not reach 4.5:1 on every paper: a darker shade.
    ink = lk.WARNING_TEXT if colour == lk.WARNING else colour
    painter.setPen(QColor("white") if filled else ink)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    return box.left() - 4


def _comment_mark(painter: QPainter, right: float, paper: QColor | None) -> float:
    """A small speech bubble: the note has a comment (read it in the tooltip)."""
    box = QRectF(right - 16, 6, 16, 11)
    path = QPainterPath()
    path.addRoundedRect(box, 3, 3)
    tail = QPainterPath()
    tail.moveTo(box.left() + 4, box.bottom() - 1)
    tail.lineTo(box.left() + 3, box.bottom() + 4)
    tail.lineTo(box.left() + 9, box.bottom() - 1)
    path = path.united(tail)
    painter.setPen(QPen(lk.MUTED_TEXT, 1.2))
    painter.setBrush(over(QColor(255, 255, 255, 170), paper))
    painter.drawPath(path)
    return box.left() - 5


def _colour_tag(painter: QPainter, colour: str, style: NoteStyle) -> None:
    """The own colour's mark on its dark shade after the group label: not colour alone."""
    tag = lk.colour_tag(colour)
    if tag is None:
        return
    shade, mark = tag
    painter.setFont(bt.label_font())
    width = max(18.0, painter.fontMetrics().horizontalAdvance(mark) + 10)
    left = bt.NOTE_PAD + painter.fontMetrics().horizontalAdvance(style.label)
    box = QRectF(left + (6 if style.label else 0), 5, width, 15)
    if style.look.high_contrast:  # the mark in black on white, boxed: 21:1
        painter.setPen(QPen(lk.HC_INK, 1.5))
        painter.setBrush(lk.HC_PAPER)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(lk.HC_INK)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shade)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)


def _text_bars(painter: QPainter, lines: bt.TextLines, paper: QColor | None) -> None:
    """Zoomed out: grey bars where the lines are, cheaper and calmer than blurred text."""
    painter.setBrush(over(QColor(0, 0, 0, 40), paper))
    painter.setPen(Qt.PenStyle.NoPen)
    for origin, line in lines.lines:
        width = min(bt.NOTE_W - 2 * bt.NOTE_PAD, 7.0 * len(line))
        painter.drawRect(QRectF(origin.x(), origin.y() - 9, width, 7))


def _votes(painter: QPainter, votes: int, height: float) -> None:
    y = height - bt.NOTE_PAD - 5
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_DOT)
    x = bt.NOTE_PAD + 5
    for _ in range(min(votes, 5)):
        painter.drawEllipse(QPointF(x, y), 4.5, 4.5)
        x += 12
    painter.setFont(bt.label_font())
    painter.setPen(_DOT)
    painter.drawText(QPointF(x - 1, y + 4), str(votes))


# --------------------------------------------------------------------- frames
def frame_paper(cluster: m.Cluster, depth: int, look: lk.BoardLook = lk.NORMAL_LOOK) -> QColor:
    """The frame's colour as drawn: the facilitator's own (translucent), else by depth;
    high contrast: by depth, in greys under the white notes."""
    if look.high_contrast:
        return lk.frame_fill(depth, True)
    own = lk.parse_colour(cluster.colour)
    if own is not None:
        own.setAlpha(150)  # translucent like any frame, so nesting still shows
        return own
    return lk.frame_fill(depth, False)


def paint_frame(
    painter: QPainter,
    cluster: m.Cluster,
    width: float,
    height: float,
    *,
    depth: int = 0,
    count: str = "",
    group_label: str = "",
    group_colour: QColor | None = None,
    look: lk.BoardLook = lk.NORMAL_LOOK,
    lod: float = 1.0,
    selected: bool = False,
    drop_target: bool = False,
    paper: QColor | None = None,
    clear: bool = False,
) -> None:
    """`cluster`'s frame at the origin, with its title bar: the group's chip, the own colour's
    tag, the name and `count`. `paper` replaces the frame's own colour (the exports' opaque
    frames for PDF/A). `clear`: the painter draws on a clear picture of this frame alone (the
    board's cached picture of it)."""
    lod = max(lod, 0.01)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    hc = look.high_contrast
    accent = lk.HC_ACCENT if hc else lk.ACCENT
    if drop_target:
        pen = QPen(accent, max(4.0 if hc else 3.0, 2.5 / lod))
        fill = lk.DROP_FILL
    else:
        fill = paper or frame_paper(cluster, depth, look)
        if selected:
            pen = QPen(accent, max(4.0 if hc else 2.0, 2.0 / lod))
        elif hc:
            pen = QPen(lk.HC_INK, max(lk.HC_FRAME_BORDER, 1.5 / lod))
        else:
            pen = QPen(lk.FRAME_BORDER, max(1.3, 1.0 / lod))
    body = QRectF(0, 0, width, height)
    if clear:  # the fill, then the edge over it, as one drawRoundedRect would (see _shadow)
        painter.setPen(Qt.PenStyle.NoPen)
        _rounded_fill(painter, body, 10, fill, clear=True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(body, 10, 10)
    else:
        painter.setPen(pen)
        _rounded_fill(painter, body, 10, fill, clear=False)
    if lod >= LABEL_LOD:
        _title(painter, cluster, width, count, group_label, group_colour, hc)


def _title(
    painter: QPainter,
    cluster: m.Cluster,
    width: float,
    count: str,
    group_label: str,
    group_colour: QColor | None,
    hc: bool,
) -> None:
    x = 14.0
    ink = lk.HC_INK if hc else lk.TEXT
    middle = TITLE_H / 2  # the chip, the tag and the text sit on the title bar's middle
    if group_label:
        chip_font = bt.label_font()
        chip_w = QFontMetricsF(chip_font).horizontalAdvance(group_label) + 12
        chip = QRectF(x, middle - 9, chip_w, 18)
        if hc:  # the group by its label alone, boxed in black on white
            painter.setPen(QPen(lk.HC_INK, 1.5))
            painter.setBrush(lk.HC_PAPER)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(group_colour or NO_GROUP)
        painter.drawRoundedRect(chip, 9, 9)
        painter.setFont(chip_font)
        painter.setPen(ink)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, group_label)
        x = chip.right() + 8
    tag = lk.colour_tag(cluster.colour)
    if tag is not None:
        shade, mark = tag
        tag_font = bt.label_font()
        box = QRectF(x, middle - 9, QFontMetricsF(tag_font).horizontalAdvance(mark) + 12, 18)
        painter.setPen(QPen(lk.HC_INK, 1.5) if hc else Qt.PenStyle.NoPen)
        painter.setBrush(lk.HC_PAPER if hc else shade)
        painter.drawRoundedRect(box, 3, 3)
        painter.setFont(tag_font)
        painter.setPen(lk.HC_INK if hc else QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
        x = box.right() + 8
    small = bt.small_font()
    count_w = QFontMetricsF(small).horizontalAdvance(count)
    room = width - x - 14 - count_w - 12
    font = bt.title_font()
    painter.setFont(font)
    painter.setPen(ink)
    elided = QFontMetricsF(font).elidedText(
        frame_name(cluster), Qt.TextElideMode.ElideRight, max(room, 24)
    )
    painter.drawText(QPointF(x, middle + 6), elided)
    painter.setFont(small)
    painter.setPen(lk.count_colour(cluster.colour, hc))
    painter.drawText(QPointF(width - 14 - count_w, middle + 6), count)


# --------------------------------------------------------------------- group headers
def header_height(far: bool = False) -> float:
    return 26.0 if far else HEADER_ROOM - 8


def paint_header(
    painter: QPainter,
    group: m.Group,
    label: str,
    index: int | None,
    width: float,
    *,
    room: float | None = None,
    far: bool = False,
    look: lk.BoardLook = lk.NORMAL_LOOK,
) -> None:
    """A group's header, drawn above the origin (its bottom edge): the group's chip and name,
    and (close up) its facilitators. `room`: how wide it may be drawn (default `width`)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    room = width if room is None else room
    chip_font = bt.label_font()
    top = -header_height(far)
    chip = QRectF(0, top + 2, QFontMetricsF(chip_font).horizontalAdvance(label) + 14, 22)
    hc = look.high_contrast
    if hc:  # black on white
        painter.setPen(QPen(lk.HC_INK, 1.5))
        painter.setBrush(lk.HC_PAPER)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(note_fill(index))
    painter.drawRoundedRect(chip, 11, 11)
    painter.setFont(chip_font)
    painter.setPen(lk.HC_INK if hc else lk.label_colour(index))
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
    title = bt.header_font()
    painter.setFont(title)
    painter.setPen(lk.HC_INK if hc else lk.TEXT)
    name = QFontMetricsF(title).elidedText(
        group.name, Qt.TextElideMode.ElideRight, room - chip.right() - 10
    )
    # "Ar…" says nothing the chip does not; far out a narrow column shows the chip alone.
    if name == group.name or len(name) > 6:
        painter.drawText(QPointF(chip.right() + 10, top + 20), name)
    people = ", ".join(group.facilitators)
    if people and not far:
        small = bt.small_font()
        painter.setFont(small)
        painter.setPen(lk.HC_INK if hc else lk.MUTED_TEXT)
        people = QFontMetricsF(small).elidedText(people, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QPointF(0, top + 42), people)
