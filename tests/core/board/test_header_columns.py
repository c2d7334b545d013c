"""Group columns kept up to date change by change (`headers.Columns`, the board on screen)
are the columns worked out from scratch (`headers.column`, the exports), whatever the changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core.board import Board, Rect
from samverkan_desktop.core.board.headers import Columns, column, header_room

# Few places, so that spots share places sideways, join and leave runs and tie for the top.
LEFTS = st.sampled_from([0.0, 110.0, 180.0, 360.0, 2400.0])
WIDTHS = st.sampled_from([160.0, 160.0, 380.0])
TOPS = st.sampled_from([0.0, 200.0, 560.0])
KEYS = st.tuples(st.sampled_from(["note", "note", "frame"]), st.integers(0, 7))
SPOTS = st.none() | st.tuples(
    st.sampled_from([1, 1, 1, 2]), st.builds(lambda x, w, y: (x, y, x + w), LEFTS, WIDTHS, TOPS)
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(st.tuples(KEYS, SPOTS), max_size=8), min_size=1, max_size=16))
def test_columns_kept_up_to_date_are_the_columns_worked_out_anew(batches):
    columns = Columns()
    spots: dict = {}
    shown: dict = {}
    for batch in batches:
        for key, spot in batch:
            columns.take(key, spot)
            if spot is None:
                spots.pop(key, None)
            else:
                spots[key] = spot
        changed = columns.update()
        by_group: dict = {}
        for gid, where in spots.values():
            by_group.setdefault(gid, []).append(where)
        expected = {gid: column(found) for gid, found in by_group.items()}
        assert columns.columns() == expected
        assert changed == {g for g in {*shown, *expected} if shown.get(g) != expected.get(g)}
        shown = expected


def test_a_note_pushed_down_below_the_top_keeps_the_column():
    columns = Columns()
    for i in range(6):
        columns.take(("note", i), (1, (float(i % 2) * 180, 200.0 * (i // 2), i % 2 * 180 + 160.0)))
    assert columns.update() == {1}
    columns.take(("note", 4), (1, (0.0, 700.0, 160.0)))
    assert columns.update() == set()
    columns.take(("note", 0), (1, (0.0, 100.0, 160.0)))  # one of the two at the top
    assert columns.update() == set()
    columns.take(("note", 1), (1, (180.0, 100.0, 340.0)))  # and the other: a new top
    assert columns.update() == {1}
    assert columns.columns()[1] == (0.0, 100.0, 340.0)


def test_a_run_falls_apart_when_the_spot_between_its_halves_goes():
    columns = Columns()
    for i, (x, y) in enumerate([(0.0, 0.0), (180.0, 200.0), (360.0, 0.0)]):
        columns.take(("note", i), (1, (x, y, x + 160)))
    columns.update()
    assert columns.columns()[1] == (0.0, 0.0, 520.0)
    columns.take(("note", 1), None)  # two runs of one: the first is the column
    assert columns.update() == {1} and columns.columns()[1] == (0.0, 0.0, 160.0)


def test_a_run_that_grows_as_long_as_the_column_before_it_takes_the_header():
    columns = Columns()
    for i, x in enumerate([0.0, 1000.0, 1000.0]):
        columns.take(("note", i), (1, (x, 0.0, x + 160)))
    columns.update()
    assert columns.columns()[1] == (1000.0, 0.0, 1160.0)
    columns.take(("note", 3), (1, (0.0, 200.0, 160.0)))  # two runs of two: the first wins
    assert columns.update() == {1} and columns.columns()[1] == (0.0, 0.0, 160.0)


def test_a_column_that_loses_a_spot_to_as_long_as_one_before_it_gives_up_the_header():
    columns = Columns()
    spots = [(0.0, 0.0), (0.0, 200.0), (0.0, 560.0)]  # three here,
    spots += [(1000.0, 0.0), (1180.0, 0.0), (1180.0, 200.0), (1360.0, 0.0)]  # four there
    for i, (x, y) in enumerate(spots):
        columns.take(("note", i), (1, (x, y, x + 160)))
    columns.update()
    assert columns.columns()[1] == (1000.0, 0.0, 1520.0)
    columns.take(("note", 5), None)  # three and three: the first wins
    assert columns.update() == {1} and columns.columns()[1] == (0.0, 0.0, 160.0)


def test_the_header_room_names_what_pushed_the_header_up():
    board = Board()
    board.put_note(1, 0.0, 0.0)  # right above a column that starts at y 50
    board.put_note(2, 600.0, 0.0)  # beside it
    bottom, strip, found = header_room(board, 0.0, 340.0, 50.0)
    assert bottom == -2.0 and found == {("note", 1)}
    assert strip.y <= bottom - 60 and strip.bottom >= 50.0
    assert not strip.overlaps(Rect(600.0, 0.0, 160.0, 130.0))
