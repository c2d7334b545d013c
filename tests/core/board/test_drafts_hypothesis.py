"""A draft (`Board.copy()`) reads through to the board it came from and keeps only what it
wrote: whatever is done to it, it shows the same board and finds the same things near a place
as the same steps done on a board of its own, reports the same changes as a draft that is a
full copy (as `copy()` made them before), and the board it came from is left as it was (also a
draft of a draft)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan_desktop.core.board import Board, Rect, frame_key, note_key

from .test_invariants_hypothesis import snapshot

COORD = st.floats(min_value=-600.0, max_value=1400.0, allow_nan=False).map(round)
SIZE = st.floats(min_value=0.0, max_value=900.0, allow_nan=False).map(round)


def start_board() -> Board:
    board = Board()
    board.put_frame(1, Rect(0, 0, 500, 400))
    board.put_frame(2, Rect(600, 0, 400, 300), 1)
    board.put_frame(3, Rect(0, 500, 0, 0))  # drawn around its notes
    for i in range(10, 22):
        board.put_note(i, (i % 4) * 230.0, (i % 5) * 160.0, 130.0, [None, 1, 2, 3][i % 4])
    return board


def full_copy(board: Board) -> Board:
    """A draft as `copy()` made them before it read through: every note and cell its own."""
    draft = board.copy()
    draft._notes = {i: board.note(i) for i in board.note_ids()}
    draft._notes_under = {}
    cells = {**board._cells_under, **board._cells}
    draft._cells, draft._cells_under = dict(cells), {}
    return draft


def step(board: Board, data: st.DataObject) -> tuple:
    """One change drawn at random, and how to do it again on another board."""
    notes, frames = sorted(board.note_ids()), sorted(board.cluster_ids())
    homes = st.sampled_from([None, *frames])
    kinds = ["new_note", "new_frame"]
    if notes:
        kinds += ["put_note", "remove_note", "move_note", "set_home", "move"]
    if frames:
        kinds += ["remove_frame", "set_frame", "move_frame"]
    kind = data.draw(st.sampled_from(kinds))
    if kind == "new_note":
        return (kind, data.draw(COORD), data.draw(COORD), 130.0, data.draw(homes))
    if kind == "new_frame":
        rect = Rect(data.draw(COORD), data.draw(COORD), data.draw(SIZE), data.draw(SIZE))
        parent = data.draw(homes)
        return (kind, rect, parent)
    if kind in ("put_note", "remove_note", "move_note", "set_home", "move"):
        n = data.draw(st.sampled_from(notes))
        if kind == "put_note":
            return (kind, n, data.draw(COORD), data.draw(COORD), 130.0, data.draw(homes))
        if kind == "remove_note":
            return (kind, n)
        if kind == "move_note":
            return (kind, n, data.draw(COORD), data.draw(COORD))
        if kind == "set_home":
            return (kind, n, data.draw(homes))
        return (kind, note_key(n), data.draw(COORD) / 10, data.draw(COORD) / 10)
    c = data.draw(st.sampled_from(frames))
    if kind == "remove_frame":
        return (kind, c)
    if kind == "set_frame":
        return (kind, c, Rect(data.draw(COORD), data.draw(COORD), data.draw(SIZE), data.draw(SIZE)))
    return ("move", frame_key(c), data.draw(COORD) / 10, data.draw(COORD) / 10)


def do(board: Board, change: tuple) -> None:
    kind, *args = change
    getattr(board, kind)(*args)


def probes(data: st.DataObject, board: Board) -> list[tuple[Rect, int | None, float]]:
    rects = st.builds(Rect, COORD, COORD, SIZE, SIZE)
    containers = st.sampled_from([None, *sorted(board.cluster_ids())])
    margins = st.sampled_from([0.0, 20.0])
    return data.draw(st.lists(st.tuples(rects, containers, margins), max_size=6))


def assert_alike(draft: Board, own: Board, data: st.DataObject) -> None:
    assert snapshot(draft) == snapshot(own)
    assert sorted(draft.note_ids()) == sorted(own.note_ids())
    for n in own.note_ids():
        assert draft.note(n) == own.note(n) and note_key(n) in draft
    for rect, container, margin in probes(data, own):
        found = draft.overlapping(rect, container, margin)
        assert sorted(found) == sorted(own.overlapping(rect, container, margin))
        assert set(found) <= draft.near(rect, margin)


def steps(count: int, data, own, *others) -> None:
    """`count` steps drawn for `own`, each done to it and to `others` alike."""
    for _ in range(count):
        change = step(own, data)
        for each in (*others, own):
            do(each, change)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), first=st.integers(0, 12), second=st.integers(0, 12))
def test_a_draft_is_the_board_its_steps_make_and_says_what_they_changed(data, first, second):
    board = start_board()
    before = snapshot(board)
    draft, full, own = board.copy(), full_copy(board), start_board()
    steps(first, data, own, draft, full)
    assert_alike(draft, own, data)
    assert draft.changes() == full.changes()

    # a draft of the draft: the first draft, and the board under both, stay as they were
    after_first = snapshot(draft)
    second_draft, second_full = draft.copy(), full_copy(draft)
    steps(second, data, own, second_draft, second_full)
    assert_alike(second_draft, own, data)
    assert second_draft.changes() == second_full.changes()
    assert snapshot(draft) == after_first
    assert snapshot(board) == before
