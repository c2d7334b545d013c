"""Colours and short labels for the groups on the board.

The hues are Okabe & Ito's colour-blind-safe set, mixed with paper white so that black text stays
readable on them. Colour is never the only cue: every note also carries its group's short label.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from ...core.labels import group_labels  # noqa: F401 (the board uses the one rule in core)

# Okabe-Ito, ordered so that neighbouring groups (columns) differ most.
_HUES = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#D55E00",  # vermillion
    "#0072B2",  # blue
)
_PAPER = QColor("#FFFDF7")
NO_GROUP = QColor("#ECEAE4")

BOARD_BACKGROUND = QColor("#F3F2EE")
GRID_DOT = QColor("#DDDBD4")
TEXT = QColor("#22252A")
MUTED_TEXT = QColor("#6B6F76")
FRAME_FILL = QColor(255, 255, 255, 150)  # a top-level frame: a lighter sheet on the board
NESTED_FILL = QColor(60, 64, 72, 14)  # a frame inside a frame: a shade darker than its parent
FRAME_BORDER = QColor("#A9ADB4")
ACCENT = QColor("#0072B2")  # selection and drop targets
DROP_FILL = QColor(0, 114, 178, 28)
WARNING = QColor("#B34700")

def _mix(colour: QColor, base: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (colour.red() - base.red()) * amount),
        round(base.green() + (colour.green() - base.green()) * amount),
        round(base.blue() + (colour.blue() - base.blue()) * amount),
    )


def hue(index: int) -> QColor:
    return QColor(_HUES[index % len(_HUES)])


def note_fill(index: int | None) -> QColor:
    """The pastel paper colour of a note of the group at `index` (None: no group)."""
    if index is None:
        return QColor(NO_GROUP)
    return _mix(hue(index), _PAPER, 0.30)


def label_colour(index: int | None) -> QColor:
    """A darker shade of the group's hue for its label; readable on the note's paper."""
    if index is None:
        return QColor(MUTED_TEXT)
    return _mix(hue(index), QColor("#000000"), 0.62).darker(105)


def parse_colour(text: str) -> QColor | None:
    """A note's own colour (its `colour` field), or None when empty or not a colour."""
    if not text:
        return None
    colour = QColor(text)
    return colour if colour.isValid() else None


