"""What is on screen after a change is the board drawn afresh: the items draw again only what a
change altered (a rename redraws a frame's title bar, not its whole area), and nothing it
altered may be left showing as it was."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from samverkan_desktop.ui import commands as cmd
from samverkan_desktop.ui.board.note_item import LiftShadow


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


def drawn_without_caches(board, like: QImage) -> QImage:
    """The viewport painted anew with every note's cached picture drawn again first."""
    for item in board.scene.note_items():
        item.update()
    return drawn_afresh(board, like)


def test_a_note_casts_its_long_shadow_while_dragged_and_none_once_let_go(board):
    """The long shadow is an item of its own under the note (its cached picture is not drawn
    again when it is picked up and let go): it shows while the note is dragged, under it, and
    once the note is let go the board is as if drawn again with no cached pictures."""
    item = board.scene.note_item(board.ids["n1"])
    start = board.note_centre("n1")
    end = start + QPointF(0, 300)
    board.press(start)
    for t in (0.25, 0.5, 0.75, 1.0):
        board.move(start + (end - start) * t)
    rect = item.scene_rect()
    beside = board.at(rect.right() + 3, rect.center().y())  # the long shadow's edge alone
    dragged = on_screen(board)
    assert dragged == drawn_without_caches(board, dragged)
    [shadow] = [c for c in item.childItems() if isinstance(c, LiftShadow)]
    shadow.hide()
    assert on_screen(board).pixelColor(beside).lightness() > dragged.pixelColor(beside).lightness()
    shadow.show()
    board.release(end)
    assert board.stored_note("n1").y > rect.top() - 300 + 200
    assert not shadow.isVisible()
    shown = on_screen(board)
    assert shown == drawn_without_caches(board, shown)
    board.doc.undo_stack.undo()
    shown = on_screen(board)
    assert shown == drawn_without_caches(board, shown)


def test_a_drop_that_grows_a_frame_and_pushes_notes_shows_them_where_the_model_has_them(board):
    below = board.store.add_cluster("Under", x=300.0, y=380.0, width=460.0, height=200.0)
    board.store.add_note("I D", x=320.0, y=420.0, cluster_id=below.id)
    board.store.add_note("Lös under", x=320.0, y=600.0)
    board.view.set_zoom(0.5)
    on_screen(board)
    board.drag(board.note_centre("n1"), QPointF(530, 330))  # into A, near its bottom
    assert board.stored_note("n1").cluster_id == board.ids["A"]
    shown = on_screen(board)
    assert shown == drawn_without_caches(board, shown)
    board.doc.undo_stack.undo()
    shown = on_screen(board)
    assert shown == drawn_without_caches(board, shown)
