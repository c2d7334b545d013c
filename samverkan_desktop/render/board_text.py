"""Sizes and fonts of things on the board, and how a note's text is broken into lines: one
measure for the board on screen (ui/board) and the board in the exports (board_picture.py).

Scene units are pixels at 100 % zoom, so fonts are given in pixels: a note reads the same on
every screen, and the layout of a board does not depend on the machine it was made on. The one
exception is the reader's own text size: `scale` (the system's text size, see `system_scale`,
times Visa › Textstorlek) makes the note text larger and the notes taller (ui/appearance.py);
the exports always measure at 1.0.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from ..core import model as m
from ..core.board.geometry import MAX_NOTE_H, NOTE_H, NOTE_W

# A long note first gets a smaller font, then grows up to MAX_NOTE_H, then is elided (the full
# text is in its tooltip and editor).
TEXT_SIZES = (14, 13, 12)  # pixels; about 10.5, 10 and 9 pt on a 96 dpi screen
NOTE_PAD = 10.0
NOTE_HEADER = 24.0  # the group label and the markers
NOTE_FOOTER = 18.0  # dot votes, when there are any
NOTE_TEXT_PX = 14
LABEL_PX = 11

TITLE_PX = 15


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    # No ligatures: the board is also painted into the PDF report, where "fi" drawn as one glyph
    # would copy and search as "ﬁ", and "profilering" would not be found.
    font.setFeature(QFont.Tag("liga"), 0)
    font.setFeature(QFont.Tag("clig"), 0)
    return font


def system_scale() -> float:
    """How much larger than the platform's usual size the user's system text is (1.0 when it
    is not larger): Windows' "Make text bigger", a larger desktop font on Linux or macOS."""
    font = QApplication.font()
    points = font.pointSizeF()
    if points <= 0:  # a font set in pixels
        points = QFontInfo(font).pointSizeF()
    usual = _USUAL_POINTS.get(sys.platform, 11.0)
    return min(2.0, max(1.0, points / usual))


# The default UI font size of each platform: Segoe UI 9 pt, SF 13 pt; Linux desktops 10 (KDE)
# or 11 (GNOME, Ubuntu), so only a size the user chose larger than those counts.
_USUAL_POINTS = {"win32": 9.0, "darwin": 13.0}


@lru_cache(maxsize=16)
def sizes(scale: float = 1.0) -> tuple[int, ...]:
    """TEXT_SIZES at this text scale."""
    return tuple(max(8, round(p * scale)) for p in TEXT_SIZES)


@lru_cache(maxsize=32)
def note_font(pixels: int = NOTE_TEXT_PX) -> QFont:
    return _font(pixels)


@lru_cache(maxsize=1)
def label_font() -> QFont:
    return _font(LABEL_PX, bold=True)


@lru_cache(maxsize=1)
def title_font() -> QFont:
    return _font(TITLE_PX, bold=True)


@lru_cache(maxsize=1)
def small_font() -> QFont:
    return _font(12)


@dataclass(frozen=True)
class TextLines:
    """A note's text broken into lines that fit: where each line starts, and the lines."""

    lines: tuple[tuple[QPointF, str], ...]
    height: float  # of the whole note
    elided: bool
    pixels: int  # the font size used


@lru_cache(maxsize=50_000)
def note_lines(text: str, with_footer: bool = False, scale: float = 1.0) -> TextLines:
    """The largest of TEXT_SIZES at which the text fits the note, else the smallest, grown."""
    bottom_room = NOTE_PAD + (NOTE_FOOTER if with_footer else 0.0)
    wanted = sizes(scale)
    # A text that surely fits at the largest size is drawn at it: laid out once, there (most
    # notes; each note's first paint lays it out). As below, not one measured surely too long
    # for it (spaces around the words count in that measure).
    if _fits_surely(text, wanted[0], bottom_room) and not _surely_too_long(
        text, wanted[0], bottom_room
    ):
        return _break(text, wanted[0], bottom_room, max_height(scale))
    # First at the smallest: a text it does not fit fits no larger size either (most of those
    # laid out when a big board opens grow the note), so it is laid out once, not three times.
    smallest = _break(text, wanted[-1], bottom_room, max_height(scale))
    if smallest.height > NOTE_H or smallest.elided:
        return smallest
    for pixels in wanted[:-1]:
        if _surely_too_long(text, pixels, bottom_room):
            continue
        lines = _break(text, pixels, bottom_room, max_height(scale))
        if lines.height <= NOTE_H and not lines.elided:
            return lines
    return smallest


def max_height(scale: float = 1.0) -> float:
    """How tall a note may grow: MAX_NOTE_H, and as much more as the text is larger. Only at
    larger text does a grown note reach the one below it; the board then makes room."""
    return MAX_NOTE_H * max(1.0, scale)


def _break(
    text: str, pixels: int, bottom_room: float, tallest: float = MAX_NOTE_H, keep: bool = True
) -> TextLines:
    """The text laid out at `pixels` as the note draws it; `keep=False`: only how tall it is
    and whether it is cut short, without the lines (a third of the time: what opening a board
    asks of every note that grows)."""
    font = note_font(pixels)
    metrics = QFontMetricsF(font)
    width = NOTE_W - 2 * NOTE_PAD
    limit = tallest - bottom_room  # no line may end below this
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[tuple[QPointF, str]] = []
    y = NOTE_HEADER
    elided = False
    paragraphs = [p for p in text.strip().split("\n") if p.strip()] or [""]
    for p_index, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        pieces: list[tuple[int, int]] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            pieces.append((line.textStart(), line.textLength()) if keep else (0, 0))
        layout.endLayout()
        for i, (start, length) in enumerate(pieces):
            more = i < len(pieces) - 1 or p_index < len(paragraphs) - 1
            if more and y + 2 * metrics.lineSpacing() > limit:
                # The last line that fits: as much as fits, ended with an ellipsis.
                if keep:
                    rest = " ".join([paragraph[start:], *paragraphs[p_index + 1 :]])
                    shown = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
                    lines.append((QPointF(NOTE_PAD, y + metrics.ascent()), shown))
                y += metrics.lineSpacing()
                elided = True
                break
            if keep:
                piece = paragraph[start : start + length].rstrip()
                lines.append((QPointF(NOTE_PAD, y + metrics.ascent()), piece))
            y += metrics.lineSpacing()
        if elided:
            break
    height = max(NOTE_H, min(tallest, y + bottom_room))
    return TextLines(tuple(lines), height, elided, pixels)


def note_height(note: m.Note, scale: float = 1.0) -> float:
    return text_height(note.text, note.votes > 0, scale)


@lru_cache(maxsize=50_000)
def text_height(text: str, with_footer: bool = False, scale: float = 1.0) -> float:
    """A note's height; without laying the text out when it surely fits (at 10,000 notes
    laying out every text was 40 % of opening the board)."""
    if _surely_fits(text, with_footer, scale):
        return NOTE_H
    # note_lines' height is always that of the text at the smallest size: what fits there is
    # as tall as the note at any size it is drawn at, and what does not is drawn there.
    bottom_room = NOTE_PAD + (NOTE_FOOTER if with_footer else 0.0)
    return _break(text, min(sizes(scale)), bottom_room, max_height(scale), keep=False).height


def _surely_fits(text: str, with_footer: bool, scale: float = 1.0) -> bool:
    """Whether the text fits the note at one of its sizes (so that note_lines gives it the
    note's height), answered without laying it out where that is safe: a False only costs the
    layout (_break), a wrong True would cut the text short."""
    # At the smallest size only: a text that fits at a larger one fits at it too (every word
    # narrower, as many lines), and one that does not costs its layout, whatever the size.
    bottom_room = NOTE_PAD + (NOTE_FOOTER if with_footer else 0.0)
    return _fits_surely(text, min(sizes(scale)), bottom_room)


def _fits_surely(text: str, pixels: int, bottom_room: float) -> bool:
    """Whether the text laid out at `pixels` surely fits the note (see _surely_fits)."""
    text = text.strip()
    if not text:
        return True
    if _OTHER_SPACE.search(text):  # a tab stop, a space no line breaks at
        return False
    width = NOTE_W - 2 * NOTE_PAD
    most = _lines_that_fit(pixels, bottom_room)
    if "\n" not in text:
        return _wrapped_lines(text, pixels, width) <= most
    paragraphs = [p for p in text.split("\n") if p.strip()]  # as _break lays them out
    return sum(_wrapped_lines(p, pixels, width) for p in paragraphs) <= most


_OTHER_SPACE = re.compile(r"[^\S \n]")  # any white space but the plain space and a new line
# Pixels a line of several words measured word by word may be short of the same line shaped
# whole (kerning next to a space, rounding of the advances), and a line of one word (rounding):
# a line is only taken to fit with this much to spare.
_SLACK, _SLACK_ONE = 2.0, 0.5
# After a space, a line may break before a letter or digit (UAX #14, LB18) unless the word
# before it ends in one of these (LB14-LB15: no break after an opening bracket or quote, even
# across spaces); _wrapped_lines breaks at no other space, so Qt breaks at least where it does.
# Only letters and digits below the CJK blocks count as such: some above are non-starters,
# which may not follow a closing bracket even across spaces (LB16).
_NO_BREAK_AFTER = frozenset("([{«»\"'„‚“”‘’‹›¡¿")


def _wrapped_lines(paragraph: str, pixels: int, width: float) -> int:
    """How many lines greedy breaking at spaces makes of one paragraph, breaking only where Qt
    surely may (see _NO_BREAK_AFTER). Qt also breaks where this does not (after a hyphen, in a
    word too long for a line) and a greedy break at more places never needs more lines, so
    Qt's own lines are at most this many (each measured here no wider than it is shaped)."""
    words = _words(pixels)
    space = words.space
    # Pieces no line may break inside: words joined by the spaces Qt may not break at; a
    # space more than one between two words, or before the first, is counted with the line.
    pieces: list[float] = []
    joined = True  # whether the next word stays with the piece before it
    for word in paragraph.split(" "):
        if not word:
            if pieces:
                pieces[-1] += space
            else:
                pieces.append(space)
            continue
        advance, breaks_before, joins_next = words[word]
        if pieces and (joined or not breaks_before):
            pieces[-1] += space + advance
        else:
            pieces.append(advance)
        joined = joins_next
    count, used = 0, 0.0  # lines so far, and how much of the last one is used
    longest, fits = width - _SLACK_ONE, width - _SLACK
    for piece in pieces:
        if piece > longest:
            return sys.maxsize  # (Qt breaks it anywhere) left to the layout
        if count and used + space + piece <= fits:
            used += space + piece
        else:
            count, used = count + 1, piece
    return max(count, 1)


def _surely_too_long(text: str, pixels: int, bottom_room: float) -> bool:
    """More text than the standard note holds at this size, even packed without waste."""
    capacity = _lines_that_fit(pixels, bottom_room) * (NOTE_W - 2 * NOTE_PAD)
    return QFontMetricsF(note_font(pixels)).horizontalAdvance(text) > capacity * 1.05


@lru_cache(maxsize=64)
def _lines_that_fit(pixels: int, bottom_room: float) -> int:
    spacing = QFontMetricsF(note_font(pixels)).lineSpacing()
    return int((NOTE_H - bottom_room - NOTE_HEADER) // spacing)


class _Words(dict[str, tuple[float, bool, bool]]):
    """Each word at one size, looked at once (its first use): how wide it is, whether a line
    may break before it after a space (a letter or digit below the CJK blocks, see
    _NO_BREAK_AFTER), and whether the word after it stays with it. One lookup a word: opening
    a board answers this for every word of every note."""

    def __init__(self, pixels: int) -> None:
        super().__init__()
        self._metrics = QFontMetricsF(note_font(pixels))
        self.space = self._metrics.horizontalAdvance(" ")

    def __missing__(self, word: str) -> tuple[float, bool, bool]:
        first = word[0]
        seen = self[word] = (
            self._metrics.horizontalAdvance(word),
            first.isalnum() and first < "\u3000",
            word[-1] in _NO_BREAK_AFTER,
        )
        return seen


@lru_cache(maxsize=32)
def _words(pixels: int) -> _Words:
    return _Words(pixels)


@lru_cache(maxsize=1)
def header_font() -> QFont:
    return _font(18, bold=True)
