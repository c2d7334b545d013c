"""Where things go: grids inside frames, the frame under a point, free places.

All of it works on a `Board` (usually a draft) and moves things on it; `settle` then makes sure
nothing overlaps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .board import Board, frame_key, note_key
from .geometry import GAP, MIN_FRAME_H, MIN_FRAME_W, NOTE_H, NOTE_W, PAD, TITLE_H, Rect, union


def reading_order(board: Board, note_ids: Iterable[int]) -> list[int]:
    """Top to bottom, then left to right, as a person would read the notes off the wall."""
    return sorted(
        note_ids,
        key=lambda n: (round(board.note(n).y / (NOTE_H / 2)), board.note(n).x, n),
    )


def frame_order(board: Board, cluster_ids: Iterable[int]) -> list[int]:
    return sorted(cluster_ids, key=lambda c: (board.frame(c).y, board.frame(c).x, c))


def pack(
    board: Board,
    origin: tuple[float, float],
    notes: list[int],
    children: list[int],
    width: float = 0.0,
    columns: int = 0,
) -> Rect:
    """Notes in a grid, sub-frames (with all they hold) in rows below it, in a frame whose
    top-left corner is `origin`; returns that frame. With `width` the frame is that wide (wider
    only for a sub-frame that needs it); else as wide as `columns` notes, or a squarish grid."""
    inner_w = max(NOTE_W, width - 2 * PAD)
    if width > 0:  # as many columns as the width holds: a tidy never widens a frame into
        cols = max(1, int((inner_w + GAP) // (NOTE_W + GAP)))  # the column beside it
    elif columns > 0:
        cols = columns
    else:
        cols = max(1, min(4, math.ceil(math.sqrt(len(notes)))))
    left = origin[0] + PAD
    y = origin[1] + TITLE_H
    content_w = 0.0
    for start in range(0, len(notes), cols):
        row = notes[start : start + cols]
        for col, n in enumerate(row):
            board.move_to(note_key(n), left + col * (NOTE_W + GAP), y)
        content_w = max(content_w, len(row) * (NOTE_W + GAP) - GAP)
        y += max(board.note(n).h for n in row) + GAP
    shelf_w = max(inner_w if width > 0 else 0.0, content_w, 2 * NOTE_W + GAP)
    x, shelf_h = left, 0.0
    for child in children:
        rect = board.frame(child)
        if x > left and x + rect.w > left + shelf_w:
            x, y, shelf_h = left, y + shelf_h + GAP, 0.0
        board.move_to(frame_key(child), x, y)
        content_w = max(content_w, x + rect.w - left)
        x += rect.w + GAP
        shelf_h = max(shelf_h, rect.h)
    bottom = y + shelf_h if children else y - GAP if notes else y
    return Rect(
        origin[0],
        origin[1],
        max(width, content_w + 2 * PAD, MIN_FRAME_W),
        max(bottom - origin[1] + PAD, MIN_FRAME_H),
    )


def innermost_cluster(board: Board, x: float, y: float, exclude: Iterable[int] = ()) -> int | None:
    """The deepest frame that holds the point (x, y) (ties: the smallest), leaving out the
    frames in `exclude` and everything inside them (the ones being dragged)."""
    excluded = set(exclude)
    best: tuple[int, float, int] | None = None
    # Only frames in the point's cell of the spatial index can hold it.
    for kind, cid in board.near(Rect(x, y, 0.0, 0.0)):
        if kind != "frame" or cid in excluded:
            continue
        rect = board.frame(cid)
        if not rect.holds_point(x, y):
            continue
        if excluded and any(a in excluded for a in board.ancestors(cid)):
            continue
        key = (-board.depth(cid), rect.area, cid)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def inside_frame(frame: Rect, rects: list[Rect]) -> tuple[float, float]:
    """The shift that brings `rects` (dropped together into `frame`) off its sides, where it is
    wide enough, and below its title: a drop then does not widen a frame into its neighbours."""
    around = union(rects)
    if around is None:
        return (0.0, 0.0)
    dx = dy = 0.0
    left, right = frame.x + PAD, frame.right - PAD
    if around.w <= right - left:
        if around.x < left:
            dx = left - around.x
        elif around.right > right:
            dx = right - around.right
    if around.y < frame.y + TITLE_H:
        dy = frame.y + TITLE_H - around.y
    return dx, dy


def first_free_inside(
    board: Board, cluster_id: int, h: float, taken: list[Rect]
) -> tuple[float, float]:
    """The first place in reading order for a note `h` high inside the frame, GAP clear of
    `taken`; under what it holds when the frame is full (the frame then grows)."""
    frame = board.frame(cluster_id)
    left, right, top = frame.x + PAD, frame.right - PAD, frame.y + TITLE_H
    columns = max(1, int((right - left + GAP) // (NOTE_W + GAP)))
    xs = {left + k * (NOTE_W + GAP) for k in range(columns)}
    xs |= {r.right + GAP for r in taken if left <= r.right + GAP <= right - NOTE_W}
    ys = {top} | {r.bottom + GAP for r in taken if r.bottom + GAP >= top}
    for y in sorted(ys):
        for x in sorted(xs):
            probe = Rect(x, y, NOTE_W, h)
            if not any(probe.overlaps(t, GAP - 1.0) for t in taken):
                return (x, y)
    bottom = max((r.bottom for r in taken), default=top - GAP)
    return (left, max(top, bottom + GAP))


def free_area(board: Board, size: tuple[float, float], near: Rect) -> tuple[float, float]:
    """Top-left of an empty area of `size` on the board close to `near` (right of it, by
    preference), clear of every note and frame by 2 GAP."""
    width, height = size
    margin = GAP * 2
    step_x, step_y = NOTE_W + GAP, NOTE_H + GAP
    sx, sy = near.right + margin, near.y
    candidates = sorted(
        ((sx + i * step_x, sy + j * step_y) for i in range(0, 20) for j in (0, 1, -1, 2, -2, 3)),
        key=lambda p: abs(p[0] - sx) + abs(p[1] - sy),
    )
    top_level = [board.rect(k) for k in board.contents(None)]
    for x, y in candidates:
        area = Rect(x, y, width, height)
        if not any(area.overlaps(r, margin) for r in top_level):
            return (x, y)
    right = max((r.right for r in top_level), default=0.0)
    top = min((r.y for r in top_level), default=0.0)
    return (right + 2 * margin, top)
