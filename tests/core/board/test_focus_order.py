"""The keyboard's reading order over the board (Tab, arrow keys, what a screen reader reads)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core.board import Board, Rect, frame_key, note_key
from samverkan_desktop.core.board.focus_order import focus_order, step
from samverkan_desktop.core.board.geometry import COLUMN_WIDTH, GAP, NOTE_H, NOTE_W


def grid(board: Board, first_id: int, x0: float, y0: float, rows: int, cols: int, home=None):
    ids = []
    for r in range(rows):
        for c in range(cols):
            nid = first_id + len(ids)
            board.put_note(nid, x0 + c * (NOTE_W + GAP), y0 + r * (NOTE_H + GAP), home=home)
            ids.append(nid)
    return ids


def test_a_grid_of_notes_is_read_row_by_row_left_to_right():
    board = Board()
    ids = grid(board, 1, 0.0, 0.0, rows=3, cols=3)
    assert focus_order(board) == [note_key(i) for i in ids]


def test_notes_a_little_out_of_line_still_read_as_one_row():
    board = Board()
    board.put_note(1, 0.0, 12.0)
    board.put_note(2, NOTE_W + GAP, 0.0)  # higher, but on the same row, to the right
    board.put_note(3, 0.0, NOTE_H + GAP)
    assert focus_order(board) == [note_key(1), note_key(2), note_key(3)]


def test_group_columns_are_read_one_after_the_other():
    # An import's layout: a column of notes per group, COLUMN_GAP apart.
    board = Board()
    left = grid(board, 1, 0.0, 0.0, rows=3, cols=2)
    right = grid(board, 100, COLUMN_WIDTH + 80.0, 0.0, rows=3, cols=2)
    assert focus_order(board) == [note_key(i) for i in left + right]


def test_a_frame_is_followed_by_all_it_holds_before_what_lies_beside_it():
    board = Board()
    board.put_frame(10, Rect(0.0, 0.0, 460.0, 700.0))
    inside = grid(board, 1, 20.0, 40.0, rows=2, cols=2, home=10)
    board.put_frame(11, Rect(20.0, 360.0, 420.0, 320.0), parent=10)
    nested = grid(board, 20, 40.0, 400.0, rows=1, cols=1, home=11)
    board.put_note(50, 480.0, 0.0)  # beside the frame, on its first row
    assert focus_order(board) == [
        frame_key(10),
        *map(note_key, inside),
        frame_key(11),
        *map(note_key, nested),
        note_key(50),
    ]


def test_hidden_notes_are_left_out_but_not_what_a_hidden_frame_holds():
    board = Board()
    board.put_frame(10, Rect(0.0, 0.0, 460.0, 400.0))
    grid(board, 1, 20.0, 40.0, rows=1, cols=2, home=10)
    assert focus_order(board, hidden={note_key(1), frame_key(10)}) == [note_key(2)]


def test_step_goes_on_and_back_and_is_none_past_the_ends():
    order = [note_key(1), note_key(2), frame_key(3)]
    assert step(order, None, forward=True) == note_key(1)
    assert step(order, None, forward=False) == frame_key(3)
    assert step(order, note_key(2), forward=True) == frame_key(3)
    assert step(order, note_key(2), forward=False) == note_key(1)
    assert step(order, frame_key(3), forward=True) is None
    assert step(order, note_key(1), forward=False) is None
    assert step([], None, forward=True) is None


# ---------------------------------------------------------------------------- any board
coords = st.floats(min_value=-2000.0, max_value=2000.0, allow_nan=False).map(lambda v: round(v))


@st.composite
def boards(draw) -> tuple[Board, list[tuple]]:
    """A random cluster tree with notes anywhere (the order must not need a settled board);
    also the steps that built it, to build it again in another order."""
    steps: list[tuple] = []
    frames: list[int] = []
    for cid in range(1, draw(st.integers(0, 6)) + 1):
        parent = draw(st.sampled_from([None, *frames]))
        size = (draw(st.integers(220, 900)), draw(st.integers(100, 900)))
        rect = Rect(draw(coords), draw(coords), *size)
        steps.append(("frame", cid, rect, parent))
        frames.append(cid)
    for nid in range(100, 100 + draw(st.integers(0, 25))):
        home = draw(st.sampled_from([None, *frames]))
        steps.append(("note", nid, draw(coords), draw(coords), home))
    return build(steps), steps


def build(steps: list[tuple]) -> Board:
    board = Board()
    for s in [s for s in steps if s[0] == "frame"]:
        board.put_frame(s[1], s[2], s[3])
    for s in [s for s in steps if s[0] == "note"]:
        board.put_note(s[1], s[2], s[3], home=s[4])
    return board


def subtree(board: Board, cid: int) -> set:
    keys = {note_key(n) for n in board.subtree_notes(cid)}
    return keys | {frame_key(c) for c in board.descendants(cid) if c != cid}


@settings(max_examples=150, deadline=None)
@given(boards(), st.randoms(use_true_random=False))
def test_every_item_once_each_frame_followed_by_all_it_holds(built, rnd):
    board, steps = built
    order = focus_order(board)
    everything = {*map(note_key, board.note_ids()), *map(frame_key, board.cluster_ids())}
    assert len(order) == len(everything) and set(order) == everything
    for cid in board.cluster_ids():
        start = order.index(frame_key(cid))
        inside = subtree(board, cid)
        assert set(order[start + 1 : start + 1 + len(inside)]) == inside
    # The order is the board's, not the order things were put on it.
    shuffled = list(steps)
    rnd.shuffle(shuffled)
    assert focus_order(build(shuffled)) == order
    # Walking it with step() visits everything and stops at the end.
    seen, key = [], step(order, None, True)
    while key is not None:
        seen.append(key)
        key = step(order, key, True)
    assert seen == order


@settings(max_examples=100, deadline=None)
@given(boards(), st.data())
def test_hiding_notes_only_takes_them_out(built, data):
    board, _ = built
    notes = sorted(board.note_ids())
    hidden = {note_key(n) for n in data.draw(st.sets(st.sampled_from(notes)))} if notes else set()
    assert focus_order(board, hidden) == [k for k in focus_order(board) if k not in hidden]
