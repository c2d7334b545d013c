"""The keyboard's focus and the mouse: a click moves the focus along without the ring, and the
next key brings the ring back from the clicked note."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_click_takes_the_ring_away_and_the_next_key_goes_on_from_the_clicked_note(board):
    ids = board.ids
    board.key(Qt.Key.Key_Home)
    assert board.view.keys.ring_shown()
    board.click(board.note_centre("a1"))
    assert board.view.keys.key == ("note", ids["a1"])
    assert not board.view.keys.ring_shown()
    board.key(Qt.Key.Key_Right)
    assert board.view.keys.key == ("note", ids["a2"])
    assert board.view.keys.ring_shown()
    assert board.scene.selected_note_ids() == [ids["a2"]]
