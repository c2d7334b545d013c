"""The frame under a point: found through the spatial index, the same as looking at every frame."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core.board import Board, Rect
from samverkan_desktop.core.board.place import innermost_cluster

COORD = st.floats(min_value=-3000, max_value=3000, allow_nan=False)
SIZE = st.one_of(st.just(0.0), st.floats(min_value=1, max_value=2000), st.just(1e6))


def brute_force(board: Board, x: float, y: float, exclude: set[int]) -> int | None:
    holding = [
        c
        for c in board.cluster_ids()
        if c not in exclude
        and not any(a in exclude for a in board.ancestors(c))
        and board.frame(c).holds_point(x, y)
    ]
    return min(holding, key=lambda c: (-board.depth(c), board.frame(c).area, c), default=None)


@settings(max_examples=200, deadline=None)
@given(
    frames=st.lists(st.tuples(COORD, COORD, SIZE, SIZE, st.integers(0, 12)), max_size=12),
    notes=st.lists(st.tuples(COORD, COORD, st.integers(0, 12)), max_size=8),
    points=st.lists(st.tuples(COORD, COORD), min_size=1, max_size=8),
    exclude=st.sets(st.integers(1, 12), max_size=3),
)
def test_the_frame_under_a_point_is_the_deepest_smallest_that_holds_it(
    frames, notes, points, exclude
):
    board = Board()
    for cid, (x, y, w, h, parent) in enumerate(frames, start=1):
        # A parent made before its child; a zero size is a frame drawn around its notes.
        board.put_frame(cid, Rect(x, y, w, h), parent if 0 < parent < cid else None)
    for nid, (x, y, home) in enumerate(notes, start=1):
        board.put_note(nid, x, y, home=home if 0 < home <= len(frames) else None)
    draft = board.copy()  # a draft asks the index it shares with its base
    for x, y in points + [(board.frame(c).center) for c in board.cluster_ids()]:
        assert innermost_cluster(draft, x, y, exclude) == brute_force(draft, x, y, exclude)
