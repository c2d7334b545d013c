"""Nothing overlaps: after a gesture, everything it touched is given a free place.

The rule the board keeps (see `invariants`): everything directly in a frame lies in the frame's
content area (below its title bar, off its sides), and the things directly in one frame (or
directly on the board) never overlap each other. Then no two notes overlap, a note lies on a
frame only if it is in that cluster, frames overlap only their own ancestors, and no title bar
is covered.

A gesture says which things it placed and how:
- `anchors` keep the place they were given (a frame that grew or was made where the notes are);
  whatever they now cover is pushed out of their way: down, or right when it stood right of
  the anchor before, and whatever that covers in turn.
- `newcomers` (a dropped note or frame, a new note) keep their place when it is free, else go to
  the nearest free place; they never push anything.
Frames grow to hold what they hold (never shrink here), and a frame that grew is an anchor
among its neighbours, up to the board itself. Levels are settled deepest first, each once.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Iterator

from .board import Board, Key, frame_key
from .geometry import GAP, MIN_FRAME_H, MIN_FRAME_W, PAD, TITLE_H, Rect

CLEARANCE = GAP / 2  # how close a newcomer may come to what is already there
_CELL = 400.0
_MAX_TRIES = 4000
_MAX_CELLS = 1024  # a rectangle over more cells than this is kept out of them


class _Grid:
    """Which things are where, in cells of the board, for quick overlap questions. A huge
    rectangle (a file from elsewhere may hold one) is not put in cells but looked at always."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], set[Key]] = {}
        self.rects: dict[Key, Rect] = {}
        self.huge: set[Key] = set()

    def _span(self, r: Rect, margin: float = 0.0) -> tuple[range, range]:
        return (
            range(math.floor((r.x - margin) / _CELL), math.floor((r.right + margin) / _CELL) + 1),
            range(math.floor((r.y - margin) / _CELL), math.floor((r.bottom + margin) / _CELL) + 1),
        )

    def _cells(self, r: Rect, margin: float = 0.0) -> Iterator[tuple[int, int]] | None:
        """The cells `r` touches; None when they are too many to go through."""
        xs, ys = self._span(r, margin)
        if len(xs) * len(ys) > _MAX_CELLS:
            return None
        return ((cx, cy) for cx in xs for cy in ys)

    def add(self, key: Key, rect: Rect) -> None:
        self.remove(key)
        self.rects[key] = rect
        cells = self._cells(rect)
        if cells is None:
            self.huge.add(key)
            return
        for cell in cells:
            self.cells.setdefault(cell, set()).add(key)

    def remove(self, key: Key) -> None:
        rect = self.rects.pop(key, None)
        if rect is None:
            return
        if key in self.huge:
            self.huge.discard(key)
            return
        for cell in self._cells(rect) or ():
            self.cells[cell].discard(key)

    def hits(self, rect: Rect, margin: float = 0.0) -> list[Key]:
        cells = self._cells(rect, margin)
        if cells is None:
            found: set[Key] = set(self.rects)
        else:
            found = set(self.huge)
            for cell in cells:
                found |= self.cells.get(cell, set())
        return sorted(k for k in found if self.rects[k].overlaps(rect, margin))

    def bottom(self) -> float:
        return max((r.bottom for r in self.rects.values()), default=0.0)


def settle(
    board: Board,
    anchors: Iterable[Key] = (),
    newcomers: Iterable[Key] = (),
    levels: Iterable[int | None] = (),
    everything: bool = False,
) -> None:
    """Give everything the gesture touched a place where it overlaps nothing (see above).

    `levels`: frames (None: the board) whose content changed otherwise. `everything`: check
    every frame and the whole board (a file from elsewhere, whose places nobody checked)."""
    if everything:
        levels = [None, *board.cluster_ids()]
    anchored: dict[int | None, list[Key]] = {}
    arriving: dict[int | None, list[Key]] = {}
    arrived = [k for k in dict.fromkeys(newcomers) if k in board]
    for key in dict.fromkeys(anchors):
        if key in board and key not in arrived:
            anchored.setdefault(board.container(key), []).append(key)
    for key in arrived:
        arriving.setdefault(board.container(key), []).append(key)
    todo: set[int | None] = {
        *anchored,
        *arriving,
        *(lv for lv in levels if lv is None or board.has_cluster(lv)),
    }
    for level in list(todo):
        todo.update(board.ancestors(level))
        todo.add(None)
    for level in sorted(todo, key=lambda lv: -board.depth(lv)):
        if level is not None:
            # A frame without a size yet is drawn around its notes: it takes that size now, or
            # it would move with every note settled in it and leave the rest outside.
            board.set_frame(level, board.frame(level))
        _settle_level(board, level, anchored.get(level, []), arriving.get(level, []), everything)
        if level is None:
            continue
        before = board.frame(level)
        after = fitted(board, level)
        if after != before:
            board.set_frame(level, after)
            anchored.setdefault(board.parent(level), []).append(frame_key(level))


def fitted(board: Board, cluster_id: int) -> Rect:
    """The frame grown (right and down) to hold everything in it with padding."""
    frame = board.frame(cluster_id)
    right, bottom = frame.right, frame.bottom
    for key in board.contents(cluster_id):
        r = board.rect(key)
        right, bottom = max(right, r.right + PAD), max(bottom, r.bottom + PAD)
    return Rect(
        frame.x, frame.y, max(right - frame.x, MIN_FRAME_W), max(bottom - frame.y, MIN_FRAME_H)
    )


def _bounds(board: Board, level: int | None) -> tuple[float, float] | None:
    if level is None:
        return None
    frame = board.frame(level)
    return (frame.x + PAD, frame.y + TITLE_H)


def _settle_level(
    board: Board, level: int | None, anchors: list[Key], newcomers: list[Key], everything: bool
) -> None:
    bounds = _bounds(board, level)
    arriving = set(newcomers)
    grid = _Grid()
    for key in board.contents(level):
        if key not in arriving:
            grid.add(key, board.rect(key))
    base = board.base

    def before(key: Key) -> Rect | None:  # where it was before the gesture
        return base.rect(key) if base is not None and key in base else None

    fixed: set[Key] = set()
    queue: list[tuple[float, float, Key]] = []

    def fix(key: Key) -> None:
        fixed.add(key)
        rect = board.rect(key)
        grid.add(key, rect)
        for other in grid.hits(rect):
            if other not in fixed:
                r = grid.rects[other]
                heapq.heappush(queue, (r.y, r.x, other))

    for key in anchors:
        _clamp(board, key, bounds)
        _push_clear(board, key, grid, fixed, before)
        fix(key)
    for key, r in grid.rects.items():
        # What lies on the title bar or over the sides is brought in; with `everything`, all
        # is looked at, top to bottom.
        out = bounds is not None and (r.x < bounds[0] - 0.01 or r.y < bounds[1] - 0.01)
        if key not in fixed and (out or everything):
            heapq.heappush(queue, (r.y, r.x, key))
    while queue:
        _, _, key = heapq.heappop(queue)
        if key in fixed:
            continue
        _clamp(board, key, bounds)
        _push_clear(board, key, grid, fixed, before)
        fix(key)
    room = board.frame(level) if level is not None else None
    for key in newcomers:
        _clamp(board, key, bounds)
        spot = _nearest_free(board.rect(key), grid, bounds, room)
        board.move_to(key, *spot)
        grid.add(key, board.rect(key))


def _clamp(board: Board, key: Key, bounds: tuple[float, float] | None) -> None:
    if bounds is None:
        return
    r = board.rect(key)
    dx, dy = max(0.0, bounds[0] - r.x), max(0.0, bounds[1] - r.y)
    if dx or dy:
        board.move(key, dx, dy)


def _push_clear(
    board: Board, key: Key, grid: _Grid, fixed: set[Key], before: Callable[[Key], Rect | None]
) -> None:
    """Move `key` down until it overlaps nothing already fixed; right instead when everything
    it runs into stood beside it, on its left, before the gesture (a frame that grew sideways)."""
    was = before(key)
    for _ in range(_MAX_TRIES):
        r = board.rect(key)
        hits = [k for k in grid.hits(r) if k in fixed and k != key]
        if not hits:
            return
        if was is not None and all(_stood_left_of(before(k), was) for k in hits):
            board.move(key, max(grid.rects[k].right for k in hits) + GAP - r.x, 0.0)
        else:
            board.move(key, 0.0, max(grid.rects[k].bottom for k in hits) + GAP - r.y)
    r = board.rect(key)
    board.move(key, 0.0, max(grid.bottom(), r.y) + GAP - r.y)


def _stood_left_of(pusher: Rect | None, was: Rect) -> bool:
    return (
        pusher is not None
        and pusher.right <= was.x + 0.5
        and pusher.y < was.bottom
        and was.y < pusher.bottom
    )


def _nearest_free(
    rect: Rect, grid: _Grid, bounds: tuple[float, float] | None, room: Rect | None
) -> tuple[float, float]:
    """The free place nearest to `rect`'s (clear of everything by CLEARANCE). Inside a frame,
    places that would widen the frame count as far away: a full frame grows downwards."""
    start = (rect.x, rect.y)
    seen = {start}
    queue = [(0.0, start)]
    for _ in range(_MAX_TRIES):
        if not queue:
            break
        _, (x, y) = heapq.heappop(queue)
        probe = rect.moved_to(x, y)
        hits = grid.hits(probe, CLEARANCE)
        if not hits:
            return (x, y)
        for k in hits:
            h = grid.rects[k]
            for spot in (
                (h.right + GAP, y),
                (h.x - GAP - rect.w, y),
                (x, h.bottom + GAP),
                (x, h.y - GAP - rect.h),
            ):
                if bounds is not None and (
                    spot[0] < bounds[0] - 0.01 or spot[1] < bounds[1] - 0.01
                ):
                    continue
                if spot in seen:
                    continue
                seen.add(spot)
                cost = math.hypot(spot[0] - start[0], spot[1] - start[1])
                if room is not None and spot[0] + rect.w > room.right - PAD + 0.01:
                    cost += 100_000.0
                heapq.heappush(queue, (cost, spot))
    return (rect.x, max(grid.bottom(), rect.y - GAP) + GAP)
