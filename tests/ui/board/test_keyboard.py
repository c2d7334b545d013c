"""The board by keyboard only: no mouse event anywhere in this file.

Tab and the arrow keys walk the notes in reading order, Shift adds to the selection, Ctrl+G makes
a cluster of what was picked, Ctrl+Shift+M moves the focused note into a cluster found by typing
(or a new one), Enter edits; each step is checked in the workshop file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from samverkan_desktop.core.board import violations
from samverkan_desktop.core.board.focus_order import focus_order
from samverkan_desktop.ui.dialogs.move_to_cluster import MoveToClusterDialog

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """A key as a user presses it: to whatever has the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key, modifiers)


def type_text(text: str) -> None:
    for ch in text:
        widget = QApplication.focusWidget()
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, NONE)


def focused(board):
    return board.view.keys.key


def back_on(qtbot, widget) -> None:
    """After a dialog closed: its window active again and the keyboard on `widget`, as for a
    user (offscreen does not give the focus back by itself)."""
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_keyboard_only_clustering_in_the_window(qtbot, seed_window, when_dialog):
    window = seed_window
    view, doc, store = window.view, window.doc, window.doc.store
    order = focus_order(doc.board)
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)

    # Tab to the first note, then Shift+Right twice: three notes picked, in reading order.
    press(Qt.Key.Key_Tab)
    assert view.keys.key == order[0] == ("note", 1)
    assert window.scene.selected_note_ids() == [1]
    press(Qt.Key.Key_Right, SHIFT)
    press(Qt.Key.Key_Right, SHIFT)
    picked = [k[1] for k in order[:3]]
    assert view.keys.key == order[2]
    assert window.scene.selected_note_ids() == sorted(picked)

    # Ctrl+G makes a cluster of them and opens its name for typing.
    press(Qt.Key.Key_G, CTRL)
    cluster = next(c for c in store.clusters() if c.name == "Nytt kluster")
    assert sorted(n.id for n in store.notes() if n.cluster_id == cluster.id) == sorted(picked)
    editing = window.scene.active_editor()
    assert editing is not None and editing[:2] == ("cluster", cluster.id)
    press(Qt.Key.Key_A, CTRL)
    type_text("Arbetsplatser")
    press(Qt.Key.Key_Return)
    assert store.cluster(cluster.id).name == "Arbetsplatser"
    assert window.scene.active_editor() is None
    assert view.keys.key == ("frame", cluster.id)  # the focus went along to the new frame
    assert view.keys.ring_shown()

    # On to a loose note further on, by the arrow keys.
    for _ in range(10):
        press(Qt.Key.Key_Down)
    kind, note_id = view.keys.key
    assert kind == "note" and store.note(note_id).cluster_id is None
    assert window.scene.selected_note_ids() == [note_id]
    undo_count = doc.undo_stack.count()

    # Ctrl+Shift+M, part of the name, Enter: the note is in that cluster, in the file.
    def pick(dialog: MoveToClusterDialog) -> None:
        assert QApplication.focusWidget() is dialog.filter
        type_text("arbets")
        assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
            "Arbetsplatser",
            "Nytt kluster »arbets«",
        ]
        press(Qt.Key.Key_Return)

    seen = when_dialog(MoveToClusterDialog, pick)
    press(Qt.Key.Key_M, CTRL | SHIFT)
    assert seen
    assert store.note(note_id).cluster_id == cluster.id
    assert doc.undo_stack.count() == undo_count + 1
    assert doc.undo_stack.undoText() == "Lägg 1 lapp i »Arbetsplatser«"
    assert violations(doc.board) == []

    # Ctrl+Z takes it out again, in one step.
    back_on(qtbot, view)
    press(Qt.Key.Key_Z, CTRL)
    assert store.note(note_id).cluster_id is None
    assert doc.undo_stack.index() == undo_count


def test_move_to_cluster_is_in_the_sort_menu_and_the_context_menu(seed_window):
    actions = seed_window.board_actions
    assert actions.move_to_cluster in seed_window.sort_menu.actions()
    assert actions.move_to_cluster in actions.context_menu_actions()
    assert actions.move_to_cluster.shortcut().toString() == "Ctrl+Shift+M"


def test_move_to_a_new_cluster_by_keyboard_and_undo(seed_board, when_dialog):
    board, store = seed_board, seed_board.store
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Down)
    note_id = focused(board)[1]
    before = {c.id for c in store.clusters()}

    def new_cluster(dialog: MoveToClusterDialog) -> None:
        type_text("Språkcafé")
        assert dialog.list.count() == 1  # no cluster of that name: only "new"
        assert dialog.list.currentItem().text() == "Nytt kluster »Språkcafé«"
        press(Qt.Key.Key_Return)

    when_dialog(MoveToClusterDialog, new_cluster)
    press(Qt.Key.Key_M, CTRL | SHIFT)
    made = [c for c in store.clusters() if c.id not in before]
    assert [c.name for c in made] == ["Språkcafé"]
    assert store.note(note_id).cluster_id == made[0].id
    assert board.violations() == []
    board.doc.undo_stack.undo()
    assert {c.id for c in store.clusters()} == before
    assert store.note(note_id).cluster_id is None


def test_escape_in_the_dialog_moves_nothing(seed_board, when_dialog):
    board, store = seed_board, seed_board.store
    press(Qt.Key.Key_Tab)
    note_id = focused(board)[1]

    def cancel(dialog: MoveToClusterDialog) -> None:
        type_text("trygg")
        assert dialog.list.currentItem().text() == "Trygghet"
        press(Qt.Key.Key_Escape)

    when_dialog(MoveToClusterDialog, cancel)
    press(Qt.Key.Key_M, CTRL | SHIFT)
    assert store.note(note_id).cluster_id is None
    assert board.doc.undo_stack.count() == 0


def test_enter_edits_the_focused_note_and_escape_leaves_the_editor(seed_board):
    board, store = seed_board, seed_board.store
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Right)
    note_id = focused(board)[1]
    press(Qt.Key.Key_Return)
    editing = board.scene.active_editor()
    assert editing is not None and editing[:2] == ("note", note_id)
    press(Qt.Key.Key_End, CTRL)
    type_text(" och språk")
    press(Qt.Key.Key_Return)
    assert store.note(note_id).text.endswith(" och språk")
    assert board.scene.active_editor() is None
    # Escape while editing throws the typing away; the focus stays on the note.
    press(Qt.Key.Key_Return)
    type_text("fel")
    press(Qt.Key.Key_Escape)
    assert store.note(note_id).text.endswith(" och språk")
    assert focused(board) == ("note", note_id)
    press(Qt.Key.Key_Right)
    assert focused(board) != ("note", note_id)


def test_space_toggles_and_ctrl_arrows_move_the_focus_only(seed_board):
    board = seed_board
    press(Qt.Key.Key_Tab)
    first = focused(board)[1]
    press(Qt.Key.Key_Right, CTRL)
    second = focused(board)[1]
    assert board.scene.selected_note_ids() == [first]  # the focus moved, the selection stayed
    press(Qt.Key.Key_Space)
    assert board.scene.selected_note_ids() == sorted([first, second])
    press(Qt.Key.Key_Space)
    assert board.scene.selected_note_ids() == [first]
    press(Qt.Key.Key_Left, SHIFT)
    assert focused(board)[1] == first


def test_the_focused_note_is_ringed_in_black_and_white(seed_board):
    board = seed_board
    board.view.set_zoom(1.0)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Right)
    item = board.scene.note_item(focused(board)[1])
    assert board.view.keys.ring_shown()
    image = board.view.viewport().grab().toImage()
    image.save("/tmp/kb/focus_ring.png")
    rect = board.view.mapFromScene(item.scene_rect()).boundingRect()
    # Just outside the note's left and top edges: black ring pixels, white ones inside them.
    ring = ring_pixels(image, rect)
    assert ring["dark"] >= 40 and ring["light"] >= 20
    # A note without the focus has none around it.
    other = board.scene.note_item(focus_order(board.doc.board)[0][1])
    assert (
        ring_pixels(image, board.view.mapFromScene(other.scene_rect()).boundingRect())["dark"] < 5
    )


def ring_pixels(image: QImage, rect) -> dict[str, int]:
    dark = light = 0
    for y in range(rect.top() + 10, rect.bottom() - 10):
        for x in range(rect.left() - 12, rect.left()):
            if 0 <= x < image.width() and 0 <= y < image.height():
                c = QColor(image.pixel(x, y))
                dark += c.lightness() < 40
                light += c.lightness() > 245
    return {"dark": dark, "light": light}


def test_a_click_moves_the_focus_but_draws_no_ring(seed_board):
    board = seed_board
    # (Selecting from code, as a click does: this file sends no mouse events.)
    board.scene.select_notes([5])
    assert focused(board) == ("note", 5)
    assert not board.view.keys.ring_shown()
    press(Qt.Key.Key_Right)
    assert board.view.keys.ring_shown()
    assert focused(board) != ("note", 5)


def test_tab_from_the_last_item_leaves_the_board_and_shift_tab_comes_back_to_it(qtbot, seed_window):
    view = seed_window.view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    press(Qt.Key.Key_End)
    last = focus_order(seed_window.doc.board)[-1]
    assert view.keys.key == last
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view  # no trap: the keyboard goes on
    assert not view.keys.ring_shown()
    press(Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is view
    assert view.keys.key == last and view.keys.ring_shown()
