"""The order in which the keyboard visits the board (Tab, arrow keys) and a screen reader reads it.

Frame by frame, as a person reads a wall: what lies on the board itself is read column by
column from the left (a column ends where an empty strip runs from top to bottom, wider than the
usual gap between neighbours: an imported workshop's group columns), each column in rows from
the top, each row left to right; a frame is followed at once by everything inside it, read the
same way, before whatever comes after the frame. So all of a cluster is visited together, and
Tab never jumps out of a cluster and back in again.
"""

from __future__ import annotations

from collections.abc import Container

from .board import Board, Key, frame_key, note_key
from .geometry import GAP, NOTE_H

# Things whose tops lie within this of the first top of a row are on that row: notes in one row
# of a grid are at the same height, give or take a settle's nudge.
ROW_TOLERANCE = NOTE_H / 2
# An empty strip from top to bottom wider than this parts columns: neighbours in a grid, and
# frames settled side by side, are GAP apart; group columns COLUMN_GAP.
COLUMN_SPLIT = 2 * GAP


def columns(board: Board, keys: list[Key]) -> list[list[Key]]:
    """`keys` parted into columns, left to right, at every empty strip wider than COLUMN_SPLIT
    that runs the whole height."""
    parts: list[list[Key]] = []
    right = 0.0
    for key in sorted(keys, key=lambda k: (board.rect(k).x, board.rect(k).y, k)):
        rect = board.rect(key)
        if not parts or rect.x > right + COLUMN_SPLIT:
            parts.append([])
            right = rect.right
        parts[-1].append(key)
        right = max(right, rect.right)
    return parts


def rows(board: Board, keys: list[Key]) -> list[Key]:
    """`keys` in reading order: rows from the top (a row starts at the highest thing not yet in
    a row and takes whatever starts less than ROW_TOLERANCE below it), each left to right."""
    by_top = sorted(keys, key=lambda k: (board.rect(k).y, board.rect(k).x, k))
    ordered: list[Key] = []
    row: list[Key] = []
    row_top = 0.0
    for key in by_top:
        top = board.rect(key).y
        if row and top >= row_top + ROW_TOLERANCE:
            ordered += sorted(row, key=lambda k: (board.rect(k).x, board.rect(k).y, k))
            row = []
        if not row:
            row_top = top
        row.append(key)
    ordered += sorted(row, key=lambda k: (board.rect(k).x, board.rect(k).y, k))
    return ordered


def focus_order(board: Board, hidden: Container[Key] = ()) -> list[Key]:
    """Every note and frame of `board` but the `hidden` ones, in reading order (see above).

    A hidden frame's contents are still visited (a filter hides notes, never frames)."""
    ordered: list[Key] = []

    def visit(cluster_id: int | None) -> None:
        for column in columns(board, board.contents(cluster_id)):
            read(column)

    def read(column: list[Key]) -> None:
        for key in rows(board, column):
            if key not in hidden:
                ordered.append(key)
            if key[0] == "frame":
                visit(key[1])

    visit(None)
    return ordered


def step(order: list[Key], current: Key | None, forward: bool) -> Key | None:
    """The key after (or before) `current` in `order`; the first (or last) when `current` is
    not in it; None past either end (the keyboard then leaves the board)."""
    if not order:
        return None
    if current not in order:
        return order[0] if forward else order[-1]
    index = order.index(current) + (1 if forward else -1)
    return order[index] if 0 <= index < len(order) else None


__all__ = [
    "COLUMN_SPLIT",
    "ROW_TOLERANCE",
    "columns",
    "focus_order",
    "frame_key",
    "note_key",
    "rows",
    "step",
]
