"""Placera resten's gesture: many notes, each into its own frame, in one settled draft."""

from __future__ import annotations

from samverkan_desktop.core.board import Board, Rect, note_key, violations
from samverkan_desktop.core.board.geometry import NOTE_H
from samverkan_desktop.core.board.place import pack
from samverkan_desktop.core.board.placing import ghost_spot, move_all_into


def framed(board: Board, cluster_id: int, x: float, y: float, notes: list[int]) -> Rect:
    board.put_frame(cluster_id, Rect(x, y, 0.0, 0.0), None)
    for n in notes:
        board.put_note(n, 0.0, 0.0, NOTE_H, cluster_id)
    board.set_frame(cluster_id, pack(board, (x, y), notes, []))
    return board.frame(cluster_id)


def test_loose_notes_go_into_their_frames_which_grow_and_push_what_is_below():
    board = Board()
    upper = framed(board, 1, 0.0, 0.0, [1, 2])
    lower = framed(board, 2, 0.0, upper.bottom + 40.0, [3])
    for n in (10, 11, 12):
        board.put_note(n, 1500.0, (n - 10) * (NOTE_H + 40.0))
    assert violations(board) == []

    draft = move_all_into(board, {10: 1, 11: 1, 12: 2})

    assert [draft.home(n) for n in (10, 11, 12)] == [1, 1, 2]
    frame = draft.frame(1)
    for n in (10, 11):
        rect = draft.note_rect(n)
        assert frame.x <= rect.x and rect.right <= frame.right and rect.bottom <= frame.bottom
    assert frame.h > upper.h and draft.frame(2).y > lower.y  # grown, and the one below pushed
    assert violations(draft) == []
    assert board.home(10) is None  # the board itself is untouched
    changed = draft.changes()
    assert {10, 11, 12} <= set(changed.notes)


def test_the_ghost_is_where_accepting_would_put_the_note():
    board = Board()
    framed(board, 1, 0.0, 0.0, [1])
    board.put_note(5, 1200.0, 0.0)
    spot = ghost_spot(board, 5, 1)
    assert move_all_into(board, {5: 1}).rect(note_key(5)) == spot
    assert spot.x >= 0.0 and spot.x < board.frame(1).right
