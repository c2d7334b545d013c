"""Where the group headers go: above each group's "home", its notes not yet in a theme cluster
and the clusters the group made itself. One rule for the board on screen (ui/board/headers.py,
which keeps them up to date change by change) and the drawn exports (render/board_picture.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .. import model as m
from .board import Board
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
    ordered = sorted(spots, key=lambda s: s[0] + s[2])
    runs: list[list[tuple[float, float, float]]] = [[ordered[0]]]
    for prev, spot in zip(ordered, ordered[1:], strict=False):
        if (spot[0] + spot[2]) / 2 - (prev[0] + prev[2]) / 2 > SAME_COLUMN:
            runs.append([])
        runs[-1].append(spot)
    run = max(runs, key=len)
    return (min(s[0] for s in run), min(s[1] for s in run), max(s[2] for s in run))


def clear_of(board: Board, left: float, right: float, top: float) -> float:
    """The bottom edge for a header over a column whose first thing is at `top`, moved up past
    whatever lies in its way on the board (a theme made from the column's top notes, a note
    dropped there): a header never covers a note or a frame."""
    for _ in range(50):
        room = Rect(left, top - HEADER_ROOM, right - left, HEADER_ROOM)
        hit = [
            board.rect(k)
            for k in board.near(room)
            if board.container(k) is None and board.rect(k).overlaps(room)
        ]
        if not hit:
            break
        top = min(r.y for r in hit) - 2
    return top


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
