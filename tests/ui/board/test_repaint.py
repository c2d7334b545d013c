"""What is on screen after a change is the board drawn afresh: the items draw again only what a
change altered (a rename redraws a frame's title bar, not its whole area), and nothing it
altered may be left showing as it was."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from samverkan_desktop.ui import commands as cmd


def on_screen(board) -> QImage:
    """What the board's viewport shows now, as painted change by change."""
    for _ in range(3):
        QApplication.processEvents()
    view = board.view
    window = view.screen().grabWindow(view.winId()).toImage()
    return window.copy(view.viewport().geometry())


def drawn_afresh(board, like: QImage) -> QImage:
    """The viewport painted anew."""
    return board.view.viewport().grab().toImage().convertToFormat(like.format())


def test_a_rename_shows_the_new_name_as_if_the_board_were_drawn_again(board):
    before = on_screen(board)
    board.type_name("A", "Nattvandring")
    board.key(Qt.Key.Key_Return)
    assert board.stored_cluster("A").name == "Nattvandring"
    shown = on_screen(board)
    assert shown == drawn_afresh(board, shown)
    assert shown != before


def test_a_rename_made_elsewhere_shows_on_the_frame(board):
    # From the clusters list (or another person on a shared workshop): no editor on the frame
    # whose closing would redraw its title bar anyway.
    before = on_screen(board)
    board.doc.push(cmd.RenameClusterCommand(board.doc, board.ids["A"], "Nattvandring"))
    shown = on_screen(board)
    assert shown == drawn_afresh(board, shown)
    assert shown != before


def test_a_frame_given_a_colour_is_repainted_in_it_everywhere(board):
    item = board.scene.cluster_item(board.ids["A"])
    body = board.at(item.pos().x() + 20, item.pos().y() + item.rect().height() - 20)
    before = on_screen(board).pixelColor(body)
    board.doc.push(cmd.SetColourCommand(board.doc, [], [board.ids["A"]], "#d62728"))
    shown = on_screen(board)
    assert shown == drawn_afresh(board, shown)
    assert shown.pixelColor(body) != before  # the body, far from the title bar, too
    board.doc.undo_stack.undo()
    shown = on_screen(board)
    assert shown == drawn_afresh(board, shown)
    assert shown.pixelColor(body) == before


def test_zoomed_out_a_renamed_frame_shows_its_new_name_in_its_label(board):
    board.view.set_zoom(0.3)
    board.view.centerOn(QPointF(610, 440))
    before = on_screen(board)
    board.doc.push(cmd.RenameClusterCommand(board.doc, board.ids["B"], "Ett helt annat namn"))
    shown = on_screen(board)
    assert shown == drawn_afresh(board, shown)
    assert shown != before


def test_frames_nested_and_taken_out_again_are_drawn_at_their_new_depth(board):
    # A frame's fill deepens with its nesting: nesting A in B redraws A (and what is in it).
    board.view.set_zoom(0.6)
    board.view.centerOn(QPointF(610, 440))
    before = on_screen(board)
    board.doc.push(cmd.SetParentCommand(board.doc, board.ids["B"], board.ids["A"]))
    shown = on_screen(board)
    assert shown == drawn_afresh(board, shown)
    assert shown != before
    board.doc.undo_stack.undo()
    shown = on_screen(board)
    assert shown == drawn_afresh(board, shown)


def test_a_note_keeps_the_height_of_its_text_as_it_moves_and_follows_a_new_text(board):
    from samverkan_desktop.ui.board import metrics as mt

    nid = board.ids["n1"]
    item = board.scene.note_item(nid)
    long_text = " ".join(["Trygga mötesplatser för unga i alla stadsdelar"] * 6)
    board.doc.push(cmd.EditNoteTextCommand(board.doc, nid, long_text))
    tall = item.height()
    assert tall > mt.NOTE_H
    board.doc.push(cmd.MoveCommand(board.doc, notes={nid: (0.0, 1200.0)}))
    assert item.height() == tall == board.doc.note_height(board.doc.note(nid))
    assert board.violations() == []
    board.doc.undo_stack.undo()
    board.doc.undo_stack.undo()
    assert item.height() == mt.NOTE_H
    shown = on_screen(board)
    assert shown == drawn_afresh(board, shown)
