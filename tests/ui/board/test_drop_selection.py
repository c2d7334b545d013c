"""A drop applies to the whole selection (issue 9, point 1): every selected note dropped on a
frame joins its cluster and is drawn inside it; dropped outside every frame, all leave. After
every gesture the board and the file agree on which notes are inside which frame."""

from __future__ import annotations

import os

from PySide6.QtCore import QPointF, Qt

from .conftest import Board, overlapping_notes

CTRL = Qt.KeyboardModifier.ControlModifier
PICTURES = os.environ.get("SAMVERKAN_TEST_PICTURES")  # a folder: save the board there to look at


def look(board: Board, name: str) -> None:
    if PICTURES:
        board.view.grab().save(os.path.join(PICTURES, f"{name}.png"))


def centre(board: Board, nid: int) -> QPointF:
    return board.scene.note_item(nid).scene_rect().center()


def select(board: Board, *nids: int) -> None:
    board.click(centre(board, nids[0]))
    for nid in nids[1:]:
        board.click(centre(board, nid), CTRL)
    assert sorted(board.scene.selected_note_ids()) == sorted(nids)


def test_two_notes_dragged_onto_a_frame_both_join_it_and_are_drawn_inside(seed_board):
    board = seed_board
    look(board, "01-before")
    select(board, 1, 3)
    # Note 3 onto the free place in Gemenskap (right of its third note); note 1, 150 above it,
    # lands on a note already there.
    board.view.centerOn(QPointF(2000, 1900))
    board.drag(centre(board, 3), QPointF(2500, 2425))
    look(board, "02-after-drop")
    frame = board.scene.cluster_item(9).scene_rect()
    for nid in (1, 3):
        assert board.store.note(nid).cluster_id == 9
        assert frame.contains(board.scene.note_item(nid).scene_rect())
    assert overlapping_notes(board.scene) == []
    assert board.drawn_membership_errors() == []
    gemenskap = {nid: board.item_pos_of(nid) for nid in (1, 3)}

    # Both out onto empty board (under the first group's column), by the other note.
    board.view.centerOn(QPointF(900, 1700))
    select(board, 1, 3)
    board.drag(centre(board, 1), QPointF(120, 1500))
    look(board, "03-dragged-out")
    for nid in (1, 3):
        assert board.store.note(nid).cluster_id is None
    assert overlapping_notes(board.scene) == []
    assert board.drawn_membership_errors() == []
    outside = {nid: board.item_pos_of(nid) for nid in (1, 3)}

    stack = board.doc.undo_stack
    assert stack.count() == 2
    stack.undo()
    assert [board.store.note(n).cluster_id for n in (1, 3)] == [9, 9]
    assert {nid: board.item_pos_of(nid) for nid in (1, 3)} == gemenskap
    assert board.drawn_membership_errors() == []
    stack.undo()
    assert [board.store.note(n).cluster_id for n in (1, 3)] == [None, None]
    assert board.item_pos_of(1) == (20.0, 60.0) and board.item_pos_of(3) == (20.0, 210.0)
    assert board.drawn_membership_errors() == []
    stack.redo()
    assert {nid: board.item_pos_of(nid) for nid in (1, 3)} == gemenskap
    assert board.drawn_membership_errors() == []
    stack.redo()
    assert {nid: board.item_pos_of(nid) for nid in (1, 3)} == outside
    assert board.drawn_membership_errors() == []


def test_a_selected_note_that_would_land_on_a_frame_when_the_drop_is_outside_goes_beside_it(
    seed_board,
):
    board = seed_board
    select(board, 1, 3)
    # Note 1 onto empty board above Trygghet; note 3, 150 below it, would land across
    # Trygghet's title.
    board.view.centerOn(QPointF(1800, 300))
    board.drag(centre(board, 1), QPointF(1850, -35))
    look(board, "04-out-beside-a-frame")
    for nid in (1, 3):
        assert board.store.note(nid).cluster_id is None
    frame = board.scene.cluster_item(1).scene_rect()
    assert not frame.intersects(board.scene.note_item(3).scene_rect())
    assert overlapping_notes(board.scene) == []
    assert board.drawn_membership_errors() == []


def test_a_session_of_single_and_multi_drops_in_and_out_with_undo_keeps_board_and_file_agreed(
    board,
):
    ids, stack = board.ids, board.doc.undo_stack

    def agreed(step: str) -> None:
        look(board, f"session-{step}")
        assert board.drawn_membership_errors() == [], step
        assert overlapping_notes(board.scene) == [], step

    def home(*names: str) -> list[int | None]:
        return [board.stored_note(n).cluster_id for n in names]

    def pick(*names: str) -> None:
        select(board, *(ids[n] for n in names))

    agreed("0-start")
    pick("n1", "n3")
    board.drag(board.note_centre("n1"), QPointF(530, 260))  # into A's free room
    assert home("n1", "n3") == [ids["A"], ids["A"]]
    assert stack.undoText() == "Lägg 2 lappar i »Trygghet«"
    agreed("1-two-into-A")
    board.click(QPointF(200, 950))  # empty board: nothing selected
    board.drag(board.note_centre("n2"), QPointF(1100, 565))  # one note into C, inside B
    assert home("n2") == [ids["C"]]
    agreed("2-one-into-C")
    stack.undo()
    assert home("n2") == [None]
    agreed("3-undo")
    stack.redo()
    assert home("n2") == [ids["C"]]
    agreed("4-redo")
    pick("n1", "n2")
    board.drag(board.note_centre("n2"), QPointF(200, 800))  # out of C and A onto empty board
    assert home("n1", "n2") == [None, None]
    agreed("5-two-out")
    pick("n4", "a1")
    board.drag(board.note_centre("a1"), QPointF(1000, 150))  # into B above C
    assert home("n4", "a1") == [ids["B"], ids["B"]]
    agreed("6-two-into-B")
    stack.undo()
    assert home("n4", "a1") == [None, ids["A"]]
    agreed("7-undo")
    stack.undo()
    assert home("n1", "n2") == [ids["A"], ids["C"]]
    agreed("8-undo")
    stack.redo()
    stack.redo()
    assert home("n4", "a1") == [ids["B"], ids["B"]]
    agreed("9-redo-redo")
    board.click(board.title_point("C"))
    board.click(board.note_centre("n3"), CTRL)
    board.drag(board.title_point("C"), QPointF(1010, 1000))  # C out of B, n3 out of A with it
    assert board.stored_cluster("C").parent_id is None
    assert home("n3", "c1") == [None, ids["C"]]
    agreed("10-frame-and-note-out")
    stack.undo()
    assert board.stored_cluster("C").parent_id == ids["B"] and home("n3") == [ids["A"]]
    agreed("11-undo")
