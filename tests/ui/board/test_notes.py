"""Editing notes on the board: text, new notes, votes, split, merge, delete, nudge."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from samverkan_desktop.ui.board import palette

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_double_click_edits_the_text_and_enter_commits_one_step(board):
    board.double_click(board.note_centre("n1"))
    editing = board.scene.active_editor()
    assert editing is not None and editing[:2] == ("note", board.ids["n1"])
    board.type("Bristande <b>språkstöd</b>")
    board.key(Qt.Key.Key_Return, SHIFT)  # a new line, not a commit
    board.type("i skolan")
    board.key(Qt.Key.Key_Return)
    assert board.stored_note("n1").text == "Bristande <b>språkstöd</b>\ni skolan"
    # Shown as typed: plain text, never markup.
    item = board.scene.note_item(board.ids["n1"])
    shown = " ".join(line for _, line in item.lines.lines)
    assert "<b>språkstöd</b>" in shown
    assert "&lt;b&gt;" in item.toolTip()
    assert board.doc.undo_stack.undoText() == "Ändra lappens text"
    board.doc.undo_stack.undo()
    assert board.stored_note("n1").text == "Lös lapp 1"


def test_n_adds_a_note_of_the_selections_group_where_the_pointer_is(board):
    board.click(board.note_centre("a1"))  # group Klimat
    spot = QPointF(200, 800)
    board.move(spot)
    board.key(Qt.Key.Key_N)
    board.type("Cykelvägar")
    board.key(Qt.Key.Key_Return)
    added = [n for n in board.store.notes() if n.text == "Cykelvägar"]
    assert len(added) == 1
    note = added[0]
    assert note.group_id == board.ids["g2"]
    assert (note.x + 100, note.y + 65) == (spot.x(), spot.y())
    assert note.cluster_id is None
    assert board.scene.selected_note_ids() == [note.id]
    assert board.doc.undo_stack.undoText() == "Ny lapp"
    board.doc.undo_stack.undo()
    assert board.store.notes([note.id]) == []
    board.doc.undo_stack.redo()
    assert board.store.note(note.id).text == "Cykelvägar"  # the same note, same id


def test_a_new_note_typed_inside_a_frame_joins_that_cluster(board):
    board.move(QPointF(1000, 180))  # inside B, above C
    board.key(Qt.Key.Key_N)  # nothing selected: the group most of B's notes come from
    board.type("Gemensam kalender")
    board.key(Qt.Key.Key_Return)
    note = next(n for n in board.store.notes() if n.text == "Gemensam kalender")
    assert note.cluster_id == board.ids["B"]
    assert note.group_id == board.ids["g2"]


def test_n_on_empty_board_asks_for_the_group_and_then_remembers_it(board):
    asked = []
    board.actions.choose_group = lambda groups: asked.append(groups) or groups[1].id
    for text in ("Första", "Andra"):
        board.move(QPointF(150, 800))
        board.key(Qt.Key.Key_N)
        board.type(text)
        board.key(Qt.Key.Key_Return)
        board.click(QPointF(150, 950))  # nothing selected
    added = [n for n in board.store.notes() if n.text in ("Första", "Andra")]
    assert {n.group_id for n in added} == {board.ids["g2"]}
    assert len(asked) == 1


def test_escape_on_a_new_note_adds_nothing(board):
    board.key(Qt.Key.Key_N)
    board.type("Ångrar mig")
    board.key(Qt.Key.Key_Escape)
    assert len(board.store.notes()) == 7
    assert board.doc.undo_stack.count() == 0


def test_plus_and_minus_set_dot_votes_as_one_undo_step(board):
    board.click(board.note_centre("n1"))
    for _ in range(3):
        board.key(Qt.Key.Key_Plus)
    assert board.stored_note("n1").votes == 3
    board.key(Qt.Key.Key_Minus)
    assert board.stored_note("n1").votes == 2
    assert board.doc.undo_stack.count() == 1
    assert board.scene.note_item(board.ids["n1"]).note.votes == 2
    board.doc.undo_stack.undo()
    assert board.stored_note("n1").votes == 0


def test_split_a_note_in_two_at_a_sentence(board):
    board.store.update_note(board.ids["n4"], text="Fler mötesplatser. Bättre kollektivtrafik.")
    board.click(board.note_centre("n4"))
    board.key(Qt.Key.Key_D, CTRL | SHIFT)
    texts = sorted(n.text for n in board.store.notes() if n.group_id == board.ids["g1"])
    assert "Fler mötesplatser." in texts and "Bättre kollektivtrafik." in texts
    new = next(n for n in board.store.notes() if n.text == "Bättre kollektivtrafik.")
    assert new.y == board.stored_note("n4").y and new.x > board.stored_note("n4").x
    board.doc.undo_stack.undo()
    assert board.stored_note("n4").text == "Fler mötesplatser. Bättre kollektivtrafik."
    assert board.store.notes([new.id]) == []


def test_split_while_editing_cuts_at_the_cursor(board):
    board.double_click(board.note_centre("n3"))
    board.type("Språkcafé och läxhjälp")
    for _ in range(len(" och läxhjälp")):
        board.key(Qt.Key.Key_Left)
    board.key(Qt.Key.Key_D, CTRL | SHIFT)
    assert board.stored_note("n3").text == "Språkcafé"
    assert any(n.text == "och läxhjälp" for n in board.store.notes())
    assert board.scene.active_editor() is None


def test_merge_notes_into_one(board):
    board.click(board.note_centre("n1"))
    board.click(board.note_centre("n2"), CTRL)
    board.key(Qt.Key.Key_J, CTRL)
    assert board.stored_note("n1").text == "Lös lapp 1\nLös lapp 2"
    assert board.store.notes([board.ids["n2"]]) == []
    assert board.scene.selected_note_ids() == [board.ids["n1"]]
    board.doc.undo_stack.undo()
    assert board.stored_note("n2").text == "Lös lapp 2"
    assert board.stored_note("n1").text == "Lös lapp 1"


def test_delete_and_undo_bring_the_note_back_in_its_cluster(board):
    board.click(board.note_centre("a1"))
    board.key(Qt.Key.Key_Delete)
    assert board.store.notes([board.ids["a1"]]) == []
    assert board.scene.note_item(board.ids["a1"]) is None
    assert board.doc.undo_stack.undoText() == "Ta bort 1 lapp"
    board.doc.undo_stack.undo()
    note = board.stored_note("a1")
    assert note.cluster_id == board.ids["A"]
    assert board.scene.note_item(note.id) is not None


def test_alt_arrow_keys_nudge_the_selection_as_one_undo_step(board):
    # The arrows alone move the keyboard's focus between notes (tests/ui/board/test_keyboard.py).
    x, y = board.item_pos("n4")
    board.click(board.note_centre("n4"))
    board.key(Qt.Key.Key_Right, ALT)
    board.key(Qt.Key.Key_Right, ALT)
    board.key(Qt.Key.Key_Down, ALT | SHIFT)
    assert (board.stored_note("n4").x, board.stored_note("n4").y) == (x + 20, y + 50)
    assert board.doc.undo_stack.count() == 1
    board.doc.undo_stack.undo()
    assert board.item_pos("n4") == (x, y)


def test_notes_show_their_groups_label_and_colour(board):
    first = board.scene.note_item(board.ids["n1"])
    second = board.scene.note_item(board.ids["a1"])
    assert first.style.label == "AI1"
    assert second.style.label == "KL"
    assert QColor(first.style.fill) != QColor(second.style.fill)
    assert first.style.fill == palette.note_fill(0)


def test_a_very_long_note_grows_then_elides_and_keeps_its_whole_text_in_the_tooltip(board):
    text = "Ett mycket långt inlägg om samverkan mellan föreningar och kommunen. " * 8
    board.store.update_note(board.ids["n4"], text=text.strip())
    item = board.scene.note_item(board.ids["n4"])
    assert item.height() > 130
    assert item.lines.elided and item.lines.lines[-1][1].endswith("…")
    assert text.strip() in item.toolTip()
    board.double_click(item.scene_rect().center())
    assert board.scene.active_editor()[2].text() == text.strip()  # the editor has all of it


def test_double_click_on_empty_board_writes_a_new_note_there(board):
    spot = QPointF(1000, 200)  # inside frame B, whose notes are from Klimat
    board.double_click(spot)
    editing = board.scene.active_editor()
    assert editing is not None and editing[0] == "new"
    board.type("Gemensamma lokaler")
    board.click(QPointF(100, 900))  # clicking away commits
    note = next(n for n in board.store.notes() if n.text == "Gemensamma lokaler")
    assert note.cluster_id == board.ids["B"]
    assert note.group_id == board.ids["g2"]


def test_undo_while_editing_a_note_closes_the_editor(board):
    board.click(board.note_centre("n1"))
    board.key(Qt.Key.Key_N)
    board.type("Tillfällig")
    board.key(Qt.Key.Key_Return)
    new_id = board.scene.selected_note_ids()[0]
    board.scene.edit_note(new_id)
    board.doc.undo_stack.undo()  # the main window's Undo, while the editor is open
    assert board.scene.active_editor() is None
    assert board.store.notes([new_id]) == []


def test_typing_in_a_note_never_fires_the_boards_single_key_shortcuts(board):
    board.double_click(board.note_centre("n1"))
    QTest.keyClicks(board.view.viewport(), "N + -")  # real key codes: N, +, -
    board.key(Qt.Key.Key_Backspace)
    board.key(Qt.Key.Key_Return)
    assert board.stored_note("n1").text == "N +"
    assert board.stored_note("n1").votes == 0
    assert len(board.store.notes()) == 7
    assert board.doc.undo_stack.count() == 1


def test_nudging_a_note_out_of_its_frame_and_undoing_puts_it_back_in(board):
    board.click(board.note_centre("a1"))
    for _ in range(12):
        board.key(Qt.Key.Key_Left, ALT | SHIFT)  # 600 units left: far out of A
    assert board.stored_note("a1").cluster_id is None
    assert board.doc.undo_stack.count() == 1
    board.doc.undo_stack.undo()
    note = board.stored_note("a1")
    assert (note.x, note.y, note.cluster_id) == (320.0, 40.0, board.ids["A"])


def test_marks_for_uncertain_reading_comment_personal_data_and_votes_are_drawn(board, tmp_path):
    board.store.update_note(
        board.ids["n1"], uncertain=True, comment="Svårläst", personal_data=True, votes=3
    )
    board.view.centerOn(QPointF(100, 150))
    image = board.view.grab().toImage()
    image.save(str(tmp_path / "marks.png"))

    def pixels(name: str, left: float, top: float, width: float, height: float, wanted) -> int:
        origin = board.scene.note_item(board.ids[name]).pos()
        corner = board.at(origin.x() + left, origin.y() + top)
        return sum(
            1
            for dx in range(int(width))
            for dy in range(int(height))
            if wanted(QColor(image.pixel(corner.x() + dx, corner.y() + dy)))
        )

    def warning(c: QColor) -> bool:  # the orange of '?' and 'PU'
        return c.red() > 150 and c.green() < 120 and c.blue() < 60

    def dark(c: QColor) -> bool:
        return c.lightness() < 90

    marks = (200 - 90, 3, 90, 20)  # the header's right end
    dots = (8, 100, 90, 22)  # the bottom left
    assert pixels("n1", *marks, warning) > 40 and pixels("n2", *marks, warning) == 0
    assert pixels("n1", *dots, dark) > 60 and pixels("n2", *dots, dark) == 0
    tip = board.scene.note_item(board.ids["n1"]).toolTip()
    assert "Svårläst" in tip and "Osäker läsning" in tip and "personuppgifter" in tip


def _tooltip_at(board, point: QPointF) -> str:
    """What the tooltip says when the pointer rests at `point` (Qt's ToolTip event)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    QToolTip.hideText()
    viewport = board.view.viewport()
    pos = board.at(point.x(), point.y())
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    )
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_the_pointer_resting_on_a_note_shows_its_text_as_it_is_now(board):
    tip = _tooltip_at(board, board.note_centre("n1"))
    assert "Lös lapp 1" in tip
    assert "Lös lapp 1" not in _tooltip_at(board, board.note_centre("n2"))
    board.double_click(board.note_centre("n1"))
    board.type("Fler <i>bänkar</i>")
    board.key(Qt.Key.Key_Return)
    tip = _tooltip_at(board, board.note_centre("n1"))
    assert "&lt;i&gt;bänkar&lt;/i&gt;" in tip and "Lös lapp 1" not in tip
    board.doc.undo_stack.undo()
    assert "Lös lapp 1" in _tooltip_at(board, board.note_centre("n1"))
