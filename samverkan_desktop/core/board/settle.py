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
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from .board import Board, Key, frame_key
from .geometry import GAP, MIN_FRAME_H, MIN_FRAME_W, PAD, TITLE_H, Rect

CLEARANCE = GAP / 2  # how close a newcomer may come to what is already there
_MAX_TRIES = 4000


class _Level:
    """The things directly in one frame (or directly on the board), asked through the board's
    spatial index, so that a question costs what lies near, not what the board holds.
    `hidden`: newcomers that have no place yet."""

    def __init__(self, board: Board, level: int | None, hidden: set[Key]) -> None:
        self.board = board
        self.level = level
        self.hidden = hidden

    def hits(
        self, rect: Rect, margin: float = 0.0, among: AbstractSet[Key] | None = None
    ) -> list[Key]:
        found = self.board.overlapping(rect, self.level, margin, among)
        hidden = self.hidden
        # In no particular order: every use of it is order-free.
        return [k for k in found if k not in hidden] if hidden else found

    def bottom(self) -> float:
        keys = [k for k in self.board.contents(self.level) if k not in self.hidden]
        return max((self.board.rect(k).bottom for k in keys), default=0.0)


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
    grid = _Level(board, level, set(newcomers))
    base = board.base

    def before(key: Key) -> Rect | None:  # where it was before the gesture
        return base.rect(key) if base is not None and key in base else None

    fixed: set[Key] = set()
    queue: list[tuple[float, float, Key]] = []

    def fix(key: Key, overlapped: list[Key]) -> None:
        fixed.add(key)
        for other in overlapped:
            if other not in fixed:
                r = board.rect(other)
                heapq.heappush(queue, (r.y, r.x, other))

    moved: dict[Key, tuple[float, float]] = {}  # how far each pushed thing went
    for key in anchors:
        _clamp(board, key, bounds)
        fix(key, _push_clear(board, key, grid, fixed, before, moved))
    if bounds is not None or everything:  # (a frame holds few things; the board many)
        for key in board.contents(level):
            if key in fixed or key in grid.hidden:
                continue
            # What lies on the title bar or over the sides is brought in; with `everything`,
            # all is looked at, top to bottom.
            r = board.rect(key)
            out = bounds is not None and (r.x < bounds[0] - 0.01 or r.y < bounds[1] - 0.01)
            if out or everything:
                heapq.heappush(queue, (r.y, r.x, key))
    while queue:
        _, _, key = heapq.heappop(queue)
        if key in fixed:
            continue
        _clamp(board, key, bounds)
        fix(key, _push_clear(board, key, grid, fixed, before, moved))
    room = board.frame(level) if level is not None else None
    for key in newcomers:
        _clamp(board, key, bounds)
        spot = _nearest_free(board.rect(key), grid, bounds, room)
        board.move_to(key, *spot)
        grid.hidden.discard(key)


def _clamp(board: Board, key: Key, bounds: tuple[float, float] | None) -> None:
    if bounds is None:
        return
    r = board.rect(key)
    dx, dy = max(0.0, bounds[0] - r.x), max(0.0, bounds[1] - r.y)
    if dx or dy:
        board.move(key, dx, dy)


def _push_clear(
    board: Board,
    key: Key,
    grid: _Level,
    fixed: set[Key],
    before: Callable[[Key], Rect | None],
    moved: dict[Key, tuple[float, float]],
) -> list[Key]:
    """Move `key` down until it overlaps nothing already fixed; right instead when everything
    it runs into stood beside it, on its left, before the gesture (a frame that grew sideways).
    Returns what it overlaps where it ends (nothing fixed: what is to be pushed next).

    It goes at least as far as what it runs into was pushed: a column pushed down by a frame
    then moves as one, each thing tried once at its new place instead of hopping past every
    thing pushed before it."""
    was = before(key)
    start = board.rect(key)
    for _ in range(_MAX_TRIES):
        r = board.rect(key)
        # (One question of the index for both: what is fixed stops it, the rest it pushes.)
        overlapped = [k for k in grid.hits(r) if k != key]
        hits = [k for k in overlapped if k in fixed]
        if not hits:
            break
        if was is not None and all(_stood_left_of(before(k), was) for k in hits):
            right = max(board.rect(k).right for k in hits) + GAP
            along = max(moved.get(k, (0.0, 0.0))[0] for k in hits)
            board.move(key, max(right - r.x, start.x + along - r.x), 0.0)
        else:
            bottom = max(board.rect(k).bottom for k in hits) + GAP
            along = max(moved.get(k, (0.0, 0.0))[1] for k in hits)
            board.move(key, 0.0, max(bottom - r.y, start.y + along - r.y))
    else:
        r = board.rect(key)
        board.move(key, 0.0, max(grid.bottom(), r.y) + GAP - r.y)
        overlapped = [k for k in grid.hits(board.rect(key)) if k != key]
    end = board.rect(key)
    if end != start:
        moved[key] = (end.x - start.x, end.y - start.y)
    return overlapped


def _stood_left_of(pusher: Rect | None, was: Rect) -> bool:
    return (
        pusher is not None
        and pusher.right <= was.x + 0.5
        and pusher.y < was.bottom
        and was.y < pusher.bottom
    )


def _nearest_free(
    rect: Rect, grid: _Level, bounds: tuple[float, float] | None, room: Rect | None
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
            h = grid.board.rect(k)
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
