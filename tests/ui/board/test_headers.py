"""Group headers: name and facilitators above each group's loose notes, never over a frame."""

from __future__ import annotations

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def header_rects(board):
    return [h.sceneBoundingRect() for h in board.scene._headers.items()]


def test_each_group_with_loose_notes_has_a_header_above_them(board):
    [rect] = header_rects(board)  # group 2's notes are all in themes: its header is gone
    first = board.scene.note_item(board.ids["n1"]).scene_rect()
    assert rect.bottom() <= first.top() and rect.left() == first.left()


def test_a_theme_made_of_the_top_notes_pushes_the_header_above_its_frame(board, qtbot):
    before = set(board.doc.clusters)
    board.click(board.note_centre("n1"))
    board.click(board.note_centre("n2"), Qt.KeyboardModifier.ShiftModifier)
    board.key(Qt.Key.Key_G, CTRL)
    board.key(Qt.Key.Key_Return)
    [cluster_id] = set(board.doc.clusters) - before
    frame = board.scene.cluster_item(cluster_id).sceneBoundingRect()
    qtbot.waitUntil(lambda: not header_rects(board)[0].intersects(frame))
    assert header_rects(board)[0].bottom() <= frame.top() + 1
    # Undo puts the notes back loose and the header back right above them.
    board.doc.undo_stack.undo()
    n1_top = board.scene.note_item(board.ids["n1"]).scene_rect().top()
    qtbot.waitUntil(lambda: abs(header_rects(board)[0].bottom() - n1_top) < 10)
