"""Sizes and fonts of things on the board.

A note's measures (fonts, how its text is broken into lines, hence its height) are
render/board_text.py's: the exports paint the board with the same ones. Only the resize handle
is the screen's alone.
"""

from __future__ import annotations

from ...render.board_text import (  # noqa: F401 (one measure for the board and the exports)
    _USUAL_POINTS,
    NOTE_H,
    NOTE_PAD,
    NOTE_W,
    TEXT_SIZES,
    TextLines,
    header_font,
    label_font,
    max_height,
    note_font,
    note_height,
    note_lines,
    sizes,
    small_font,
    system_scale,
    title_font,
)

HANDLE = 16.0  # the resize handle in a frame's corner
