"""gestures.send_to: notes and frames sent to a frame chosen from a list (the outline), not
dropped at a place; or sent out of every frame onto the board."""

from __future__ import annotations

import pytest

from samverkan_desktop.core.board import Board, Rect, frame_key, note_key, violations
from samverkan_desktop.core.board import gestures as g
from samverkan_desktop.core.board.geometry import GAP, NOTE_H, NOTE_W, PAD, TITLE_H


def sample() -> Board:
    """Loose notes 1-3 in a column at the left; frame 10 holding notes 4 and 5 in its first
    row; frame 20 holding frame 21 with note 6."""
    board = Board()
    for n in (1, 2, 3):
        board.put_note(n, 0.0, (n - 1) * (NOTE_H + 40), NOTE_H)
    board.put_frame(10, Rect(300.0, 0.0, 460.0, 360.0))
    board.put_note(4, 300.0 + PAD, TITLE_H, NOTE_H, 10)
    board.put_note(5, 300.0 + PAD + NOTE_W + GAP, TITLE_H, NOTE_H, 10)
    board.put_frame(20, Rect(800.0, 0.0, 440.0, 620.0))
    board.put_frame(21, Rect(820.0, 300.0, 400.0, 300.0), 20)
    board.put_note(6, 840.0, 340.0, NOTE_H, 21)
    assert violations(board) == []
    return board


def test_notes_take_the_frames_first_free_places_in_reading_order() -> None:
    board = sample()
    draft = g.send_to(board, [2, 1], [], 10)
    assert draft.home(1) == 10 and draft.home(2) == 10
    frame = draft.frame(10)
    # The first row is full (two notes fit its width): they go to the second row, 1 before 2.
    row = frame.y + TITLE_H + NOTE_H + GAP
    assert (draft.note(1).x, draft.note(1).y) == (frame.x + PAD, row)
    assert (draft.note(2).x, draft.note(2).y) == (frame.x + PAD + NOTE_W + GAP, row)
    assert violations(draft) == []
    assert board.home(1) is None  # the board itself is untouched: a draft


def test_a_frame_grows_to_hold_what_is_sent_to_it() -> None:
    board = sample()
    draft = g.send_to(board, [1, 2, 3], [], 10)
    assert all(draft.home(n) == 10 for n in (1, 2, 3))
    assert draft.frame(10).h > board.frame(10).h
    assert violations(draft) == []


def test_notes_sent_out_leave_every_frame_and_cover_none() -> None:
    board = sample()
    draft = g.send_to(board, [6, 4], [], None)
    assert draft.home(6) is None and draft.home(4) is None
    for n in (4, 6):
        rect = draft.note_rect(n)
        assert not any(draft.frame(c).overlaps(rect) for c in draft.cluster_ids())
    assert violations(draft) == []


def test_a_frame_sent_into_another_nests_below_what_that_holds() -> None:
    board = sample()
    draft = g.send_to(board, [], [10], 20)
    assert draft.parent(10) == 20
    outer, inner = draft.frame(20), draft.frame(10)
    assert outer.contains(inner)
    assert inner.y >= draft.frame(21).bottom + GAP  # below the frame it already held
    assert draft.home(4) == 10 and inner.contains(draft.note_rect(4))  # notes travel with it
    assert violations(draft) == []
    # Out again onto the board.
    back = g.send_to(draft, [], [10], None)
    assert back.parent(10) is None
    assert not back.frame(20).overlaps(back.frame(10))
    assert violations(back) == []


def test_a_frame_cannot_go_into_itself_or_what_it_holds() -> None:
    board = sample()
    with pytest.raises(ValueError):
        g.send_to(board, [], [20], 21)
    with pytest.raises(ValueError):
        g.send_to(board, [], [20], 20)


def test_what_is_already_there_or_carried_by_a_sent_frame_stays_put() -> None:
    board = sample()
    draft = g.send_to(board, [4], [], 10)
    assert draft.changes().notes == {}
    # Note 6 travels inside frame 21: it is not taken out of it.
    draft = g.send_to(board, [6], [21], 10)
    assert draft.parent(21) == 10 and draft.home(6) == 21
    assert note_key(6) in draft and frame_key(21) in draft
    assert violations(draft) == []
