"""The board's colours, and the reader's look: one set for the board on screen (ui/board) and
the board in the exports (board_picture.py), painted by the same painters (board_paint.py).

A group's colour is one rule (group_colours.py): Okabe & Ito's colour-blind-safe hues on paper
white. Colour is never the only cue: every note also carries its group's short label.

Every text colour here reaches 4.5:1 (WCAG 2.1 AA) on the paper it is drawn on. The high-contrast
look (Visa › Hög kontrast) draws white paper with black ink and thick black borders (7:1 and
more), and tells groups apart by label and a hatching pattern instead of a tint; the drawn
exports always use the normal look. tests/ui/board/test_contrast.py checks both.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ..core import note_colours
from . import group_colours

BOARD_BACKGROUND = QColor("#F3F2EE")
TEXT = QColor("#22252A")
MUTED_TEXT = QColor("#595D64")  # 4.5:1 also on a nested frame's shade
FRAME_FILL = QColor(255, 255, 255, 150)  # a top-level frame: a lighter sheet on the board
NESTED_FILL = QColor(60, 64, 72, 14)  # a frame inside a frame: a shade darker than its parent
FRAME_BORDER = QColor("#A9ADB4")
ACCENT = QColor("#0072B2")  # selection and drop targets
DROP_FILL = QColor(0, 114, 178, 28)
WARNING = QColor("#B34700")  # marks; white text on it: 5.5:1
WARNING_TEXT = QColor("#5C2400")  # a warning's text on paper: 4.5:1 also on the darkest tint


def label_colour(index: int | None) -> QColor:
    """A darker shade of the group's hue for its label; readable on the note's paper."""
    if index is None:
        return QColor(MUTED_TEXT)
    return group_colours.label_colour(index)


def parse_colour(text: str) -> QColor | None:
    """The paper of a note or frame with its own colour (its `colour` field): a palette colour's
    tint, any other valid colour as it is; None when empty or not a colour."""
    if not text:
        return None
    found = note_colours.find(text)
    colour = QColor(found.fill if found else text)
    return colour if colour.isValid() else None


def colour_tag(text: str) -> tuple[QColor, str] | None:
    """The tag painted beside an own colour: the dark shade and the mark ("O"); None if none."""
    found = note_colours.find(text)
    return (QColor(found.ink), found.mark) if found else None


@dataclass(frozen=True)
class BoardLook:
    """How this user wants the board drawn: a display preference, never part of the workshop.

    `text_scale` multiplies the note text's size (the system's text size times Visa ›
    Textstorlek); `high_contrast` is Visa › Hög kontrast."""

    high_contrast: bool = False
    text_scale: float = 1.0


NORMAL_LOOK = BoardLook()

# The high-contrast look: black on white, thick borders, a strong selection colour.
HC_INK = QColor("#000000")
HC_PAPER = QColor("#FFFFFF")
HC_FRAME_FILL = QColor("#E8E8E8")  # frames a shade below the white notes, so notes stand out
HC_NESTED_FILL = QColor("#D2D2D2")  # and a nested frame a shade below its parent
HC_ACCENT = QColor("#0000C8")  # selection and drop targets: 12:1 on white
HC_NOTE_BORDER = 2.5
HC_FRAME_BORDER = 3.0
# A group's hatching on the note's edge (with its label): the group without a tint.
HC_PATTERNS = (
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.HorPattern,
    Qt.BrushStyle.DiagCrossPattern,
    Qt.BrushStyle.VerPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.Dense4Pattern,
)


def hc_pattern(index: int | None) -> Qt.BrushStyle:
    """The hatching of a group in high contrast (none for notes without a group)."""
    if index is None:
        return Qt.BrushStyle.NoBrush
    return HC_PATTERNS[index % len(HC_PATTERNS)]


def frame_fill(depth: int, high_contrast: bool) -> QColor:
    """A frame's own paper (not a colour of the facilitator's)."""
    if high_contrast:
        return QColor(HC_NESTED_FILL if depth else HC_FRAME_FILL)
    return QColor(NESTED_FILL if depth else FRAME_FILL)


def count_colour(own_colour: str, high_contrast: bool) -> QColor:
    """A frame's note count: muted grey on the plain frame, the text colour on a colour of the
    facilitator's own (the grey does not reach 4.5:1 on the darker tints)."""
    if high_contrast:
        return QColor(HC_INK)
    return QColor(TEXT if parse_colour(own_colour) is not None else MUTED_TEXT)
