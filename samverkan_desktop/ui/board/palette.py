"""Colours and short labels for the groups on the board.

The colours of notes and frames, and the reader's look (high contrast, text size), are
render/board_look.py's: the exports paint the board with the same ones (render/board_paint.py).
Here are the screen's own: the board's background and grid, and the look of the board an item
is on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from ...core import note_colours
from ...core.labels import group_labels  # noqa: F401 (the board uses the one rule in core)
from ...render.board_look import (  # noqa: F401 (one set of colours for the board and exports)
    ACCENT,
    BOARD_BACKGROUND,
    DROP_FILL,
    FRAME_BORDER,
    FRAME_FILL,
    HC_ACCENT,
    HC_FRAME_BORDER,
    HC_INK,
    HC_NOTE_BORDER,
    HC_PAPER,
    HC_PATTERNS,
    MUTED_TEXT,
    NESTED_FILL,
    NORMAL_LOOK,
    TEXT,
    WARNING,
    WARNING_TEXT,
    BoardLook,
    colour_tag,
    count_colour,
    frame_fill,
    hc_pattern,
    label_colour,
    parse_colour,
)
from ...render.group_colours import NO_GROUP, hue, note_fill  # noqa: F401 (the board's colours)

GRID_DOT = QColor("#DDDBD4")


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21); the rule is core's, Qt-free."""
    return note_colours.contrast(a.name(), b.name())


def look_of(item: QGraphicsItem) -> BoardLook:
    """The look of the board an item is on (the scene's `look`; normal off a board)."""
    return getattr(item.scene(), "look", NORMAL_LOOK)
