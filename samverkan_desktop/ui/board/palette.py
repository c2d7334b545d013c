"""Colours and short labels for the groups on the board.

A group's colour is one rule shared with the drawn exports (render/group_colours.py): Okabe & Ito's
colour-blind-safe hues on paper white, a second, stronger tier for the eighth group on, so groups
imported later differ from those already on the board. Colour is never the only cue: every note
also carries its group's short label.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from ...core import note_colours
from ...core.labels import group_labels  # noqa: F401 (the board uses the one rule in core)
from ...render import group_colours
from ...render.group_colours import NO_GROUP, hue, note_fill  # noqa: F401 (the board's colours)

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


