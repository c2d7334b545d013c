"""Where the group headers go: above each group's "home", its notes not yet in a theme cluster
and the clusters the group made itself. One rule for the board on screen (ui/board/headers.py,
which keeps them up to date change by change) and the drawn exports (render/board_picture.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .. import model as m
from .board import Board, Key
from .geometry import GAP, NOTE_W, Rect

HEADER_ROOM = 60.0  # core.layout leaves this much above each column
# Notes whose centres are farther apart than this (sideways) are not in one column: the columns
# of one group are NOTE_W + GAP apart, those of two groups NOTE_W + 2 PAD + COLUMN_GAP.
SAME_COLUMN = NOTE_W + GAP + 40

Spot = tuple[int, tuple[float, float, float]]  # a group, and left, top, right at its home


def note_spot(note: m.Note, clusters: Mapping[int, m.Cluster]) -> Spot | None:
    """A note is at its group's home while loose, or in a cluster its group made itself that
    is not yet sorted into a theme."""
    if note.group_id is None:
        return None
    if note.cluster_id is not None:
        own = clusters.get(note.cluster_id)
        if own is None or own.group_id != note.group_id or own.parent_id is not None:
            return None
    return note.group_id, (note.x, note.y, note.x + NOTE_W)


def frame_spot(cluster: m.Cluster, frame: Rect) -> Spot | None:
    if cluster.group_id is None or cluster.parent_id is not None:
        return None
    return cluster.group_id, (frame.x, frame.y, frame.right)


def column(spots: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Left, top and right of a group's column (or block): the largest run of its notes and
    frames side by side, so that a few notes dragged elsewhere do not stretch its header."""
    return _column_and_run(spots)[0]


def _column_and_run(
    spots: list[tuple[float, float, float]],
) -> tuple[tuple[float, float, float], tuple[float, float], int]:
    """`column`, and the run it is taken from: the least and greatest `left + right` in it
    (the run is every spot whose `left + right` lies in that span: spots are sorted by it),
    and how many spots it has."""
    ordered = sorted(spots, key=lambda s: s[0] + s[2])
    runs: list[list[tuple[float, float, float]]] = [[ordered[0]]]
    for prev, spot in zip(ordered, ordered[1:], strict=False):
        if (spot[0] + spot[2]) / 2 - (prev[0] + prev[2]) / 2 > SAME_COLUMN:
            runs.append([])
        runs[-1].append(spot)
    run = max(runs, key=len)
    found = (min(s[0] for s in run), min(s[1] for s in run), max(s[2] for s in run))
    return found, (run[0][0] + run[0][2], run[-1][0] + run[-1][2]), len(run)


class _Group:
    """One group's spots at home, and its column while it is known without working it out."""

    def __init__(self) -> None:
        self.spots: dict[tuple[str, int], tuple[float, float, float]] = {}
        self.sums: dict[float, int] = {}  # how many spots have each `left + right`
        self.column: tuple[float, float, float] | None = None  # None: to be worked out
        self.run = (0.0, 0.0)  # `left + right` of the first and last spot of the column's run
        self.run_len = 0

    def in_run(self, spot: tuple[float, float, float]) -> bool:
        return self.run[0] <= spot[0] + spot[2] <= self.run[1]

    def add(self, key: tuple[str, int], spot: tuple[float, float, float]) -> None:
        self.spots[key] = spot
        total = spot[0] + spot[2]
        count = self.sums.get(total, 0)
        self.sums[total] = count + 1
        if self.column is None:
            return
        if not count:  # a new place sideways: it may join runs or make one
            self.column = None
        elif self.in_run(spot):
            left, top, right = self.column
            self.column = (min(left, spot[0]), min(top, spot[1]), max(right, spot[2]))
            self.run_len += 1
        elif len(self.spots) - self.run_len >= self.run_len:  # another run may be as long now
            self.column = None

    def remove(self, key: tuple[str, int]) -> None:
        spot = self.spots.pop(key)
        total = spot[0] + spot[2]
        self.sums[total] -= 1
        if not self.sums[total]:
            del self.sums[total]
            self.column = None  # a place sideways is empty: a run may fall apart
        if self.column is None or not self.in_run(spot):
            return  # (out of the run: a shorter other run changes nothing)
        self.run_len -= 1
        left, top, right = self.column
        if spot[0] <= left or spot[1] <= top or spot[2] >= right:
            self.column = None  # it was the run's edge: which one is now takes every spot
        elif len(self.spots) - self.run_len >= self.run_len:
            self.column = None

    def shift(self, key: tuple[str, int], spot: tuple[float, float, float]) -> None:
        """The spot moved up or down only: the same runs, at most another top."""
        old = self.spots[key]
        self.spots[key] = spot
        if self.column is None or not self.in_run(spot):
            return
        left, top, right = self.column
        if spot[1] > old[1] and old[1] <= top:
            self.column = None  # the top one moved down: which one is top now takes them all
        else:
            self.column = (left, min(top, spot[1]), right)

    def work_out(self) -> tuple[float, float, float]:
        if self.column is None:
            self.column, self.run, self.run_len = _column_and_run(list(self.spots.values()))
        return self.column


class Columns:
    """Every group's `column`, kept up to date spot by spot: the board on screen, where a
    change touches a few notes of a group that has a thousand at home.

    What a change does to the group's runs is mostly plain without sorting every spot again:
    a spot that moves up or down, or leaves or joins a run at a place sideways where other
    spots of the group stay, changes no run; the column then needs at most its edges again.
    Anything else (a run may fall apart, join another, or stop being the longest) works the
    column out anew (`column`), as does a spot that was the run's edge."""

    def __init__(self) -> None:
        self._groups: dict[int, _Group] = {}
        self._group_of: dict[tuple[str, int], int] = {}
        self._columns: dict[int, tuple[float, float, float]] = {}
        self._touched: set[int] = set()

    def take(self, key: tuple[str, int], spot: Spot | None) -> None:
        """Where a note or frame is at its group's home now (None: it is not at any)."""
        old_gid = self._group_of.get(key)
        if old_gid is not None:
            group = self._groups[old_gid]
            old = group.spots[key]
            if spot is not None and spot[0] == old_gid:
                where = spot[1]
                if where == old:
                    return
                self._touched.add(old_gid)
                if (where[0], where[2]) == (old[0], old[2]):
                    group.shift(key, where)
                else:
                    group.remove(key)
                    group.add(key, where)
                return
            group.remove(key)
            del self._group_of[key]
            self._touched.add(old_gid)
        if spot is not None:
            gid, where = spot
            found = self._groups.get(gid)
            if found is None:  # (not setdefault: that would make a _Group for every spot)
                found = self._groups[gid] = _Group()
            found.add(key, where)
            self._group_of[key] = gid
            self._touched.add(gid)

    def update(self) -> set[int]:
        """The columns after what was taken since; returns the groups whose column changed
        (a group with nothing left at home has none any more)."""
        changed: set[int] = set()
        for gid in self._touched:
            before = self._columns.get(gid)
            group = self._groups.get(gid)
            if group is None or not group.spots:
                self._groups.pop(gid, None)
                self._columns.pop(gid, None)
            else:
                self._columns[gid] = group.work_out()
            if self._columns.get(gid) != before:
                changed.add(gid)
        self._touched.clear()
        return changed

    def columns(self) -> dict[int, tuple[float, float, float]]:
        """Left, top and right of the column of each group that has anything at home."""
        return self._columns


def clear_of(board: Board, left: float, right: float, top: float) -> float:
    """The bottom edge for a header over a column whose first thing is at `top`, moved up past
    whatever lies in its way on the board (a theme made from the column's top notes, a note
    dropped there): a header never covers a note or a frame."""
    return header_room(board, left, right, top)[0]


def header_room(
    board: Board, left: float, right: float, top: float
) -> tuple[float, Rect, set[Key]]:
    """`clear_of`, with what it looked at: the strip it looked in and what it found there.
    The answer is the same as long as nothing moves into that strip and nothing found moves."""
    seen: set[Key] = set()
    start = top
    for _ in range(50):
        room = Rect(left, top - HEADER_ROOM, right - left, HEADER_ROOM)
        hit = [k for k in board.near(room) if board.container(k) is None]
        hit = [k for k in hit if board.rect(k).overlaps(room)]
        if not hit:
            break
        seen.update(hit)
        top = min(board.rect(k).y for k in hit) - 2
    strip = Rect(left, top - HEADER_ROOM, right - left, start - top + HEADER_ROOM)
    return top, strip, seen


def header_width(column_width: float) -> float:
    """A header's room over a column of this width: the gap to the next column is free."""
    return max(column_width + 60.0, 260.0)


def kept_apart(places: list[tuple[float, float, float]]) -> list[float]:
    """The widths of headers at (x, bottom, width), so that none runs into the next one to its
    right; in the order given."""
    order = sorted(range(len(places)), key=lambda i: places[i][0])
    widths = [w for _x, _y, w in places]
    for n, i in enumerate(order):
        x, y, width = places[i]
        for j in order[n + 1 :]:
            if abs(places[j][1] - y) < HEADER_ROOM * 2:
                limit = places[j][0] - x - 16
                if limit < width:
                    widths[i] = max(limit, 60.0)
                break
    return widths


@dataclass(frozen=True)
class HeaderPlace:
    group_id: int
    x: float
    bottom: float  # the header is drawn above this line
    width: float


def header_places(
    notes: Iterable[m.Note], clusters: Mapping[int, m.Cluster], board: Board
) -> list[HeaderPlace]:
    """Every group's header on a whole board (the screen places them change by change)."""
    spots: dict[int, list[tuple[float, float, float]]] = {}
    for c in clusters.values():
        spot = frame_spot(c, board.frame(c.id))
        if spot is not None:
            spots.setdefault(spot[0], []).append(spot[1])
    for n in notes:
        spot = note_spot(n, clusters)
        if spot is not None:
            spots.setdefault(spot[0], []).append(spot[1])
    placed = []
    for gid, found in spots.items():
        left, top, right = column(found)
        placed.append((gid, left, clear_of(board, left, right, top) - 6, right - left))
    widths = kept_apart([(x, y, header_width(w)) for _g, x, y, w in placed])
    return [HeaderPlace(g, x, y, w) for (g, x, y, _w), w in zip(placed, widths, strict=True)]
