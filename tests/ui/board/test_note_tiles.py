"""The scene holds its notes in tiles (BoardScene.hold, NoteTile): whatever moves them, a
note is in the tile of the place it lies, and a dragged note lies above every other note."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from samverkan_desktop.ui.board.note_item import NoteItem


def misplaced(board) -> list[int]:
    """Notes not held by the tile whose square holds their place."""
    wrong = []
    for item in board.scene.note_items():
        tile = item.parentItem()
        if tile is None or not tile.boundingRect().contains(item.pos()):
            wrong.append(item.note_id)
    return wrong


def top_note_at(board, point: QPointF) -> int | None:
    """The note drawn on top at `point` (hit order is drawing order)."""
    for item in board.scene.items(point, order=Qt.SortOrder.DescendingOrder):
        if isinstance(item, NoteItem):
            return item.note_id
    return None


def test_notes_stay_in_the_tile_of_their_place_and_a_dragged_one_lies_above_all(board):
    assert misplaced(board) == []
    far = QPointF(2300, 560)  # another tile
    board.view.set_zoom(0.3)
    board.view.centerOn(QPointF(1200, 500))
    board.drag(board.note_centre("n4"), far)
    assert board.stored_note("n4").x > 2000
    assert misplaced(board) == []
    # n3 dragged over n4, which lies in a tile made after n3's: n3 is drawn on top of it.
    start = board.note_centre("n3")
    over = board.note_centre("n4") + QPointF(30, 20)
    board.press(start)
    for t in (0.25, 0.5, 0.75, 1.0):
        board.move(start + (over - start) * t)
    assert top_note_at(board, over) == board.ids["n3"]
    board.release(over)
    assert misplaced(board) == []
    assert board.violations() == []
    board.doc.undo_stack.undo()
    board.doc.undo_stack.undo()
    assert misplaced(board) == [] and board.stored_note("n4").x == 0.0
    # A store's change from elsewhere (another program) moves a note across tiles too.
    board.store.update_note(board.ids["n1"], x=-2500.0, y=-2500.0)
    assert misplaced(board) == []


def test_a_drag_given_up_leaves_the_note_in_its_tile(board):
    start = board.note_centre("n2")
    board.press(start)
    for t in (0.5, 1.0):
        board.move(start + QPointF(2400, 0) * t)
    board.scene.cancel_gesture()
    board.release(start + QPointF(2400, 0))
    assert misplaced(board) == []
    assert board.item_pos("n2") == (0.0, 160.0)


def drawn_notes(board) -> set[int]:
    return {i.note_id for i in board.scene.items() if isinstance(i, NoteItem)}


def test_a_note_deleted_elsewhere_while_in_the_hand_does_not_come_back(board):
    # Another window or facilitator deletes the note being dragged: the drag ends as Escape
    # would, the other dragged notes go back, and the deleted one is not put on the board again
    # when the mouse is let go.
    gone, kept = board.ids["n2"], board.ids["n3"]
    board.scene.select_notes([gone, kept])
    before = board.scene.note_item(kept).pos()
    start = board.note_centre("n2")
    board.press(start)
    for t in (0.5, 1.0):
        board.move(start + QPointF(300, 0) * t)
    board.store.delete_notes([gone])
    board.release(start + QPointF(300, 0))
    assert gone not in drawn_notes(board)
    assert board.scene.note_item(kept).pos() == before
    assert board.stored_note("n3").x == before.x()
    assert misplaced(board) == []
