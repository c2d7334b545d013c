"""The clusters list beside a real board follows what is done on the board: a note dropped into
a frame counts there, a frame renamed there shows its new name, a frame moved changes no row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from samverkan_desktop.ui.panels.clusters_panel import COUNT, NAME, ClustersPanel


@pytest.fixture
def panel(qtbot, board):
    widget = ClustersPanel()
    qtbot.addWidget(widget)
    widget.set_document(board.doc)
    widget.show()
    board.view.activateWindow()  # the board is where the user works
    board.view.setFocus()
    qtbot.waitUntil(board.view.isActiveWindow)
    return widget


def test_a_drop_counts_in_the_list_and_its_undo_too(panel, board, followed):
    row = panel.item_for(board.ids["A"])
    assert row.text(COUNT) == "2"
    board.drag(board.note_centre("n1"), QPointF(530, 250))  # into frame A
    assert board.stored_note("n1").cluster_id == board.ids["A"]
    followed()
    assert row.text(COUNT) == "3"
    board.doc.undo_stack.undo()
    followed()
    assert row.text(COUNT) == "2"


def test_a_frame_renamed_on_the_board_shows_its_new_name_in_the_list(panel, board, followed):
    board.type_name("A", "Nattvandring")
    board.key(Qt.Key.Key_Return)
    assert board.stored_cluster("A").name == "Nattvandring"
    followed()
    assert panel.item_for(board.ids["A"]).text(NAME) == "Nattvandring"
    board.doc.undo_stack.undo()
    followed()
    assert panel.item_for(board.ids["A"]).text(NAME) == "Trygghet"


def test_a_frame_moved_on_the_board_changes_no_row(panel, board, followed):
    changed: set[int] = set()
    panel.tree.model().dataChanged.connect(
        lambda top, _bottom, _roles=(): changed.add(top.siblingAtColumn(NAME).data(256))
    )
    start = board.title_point("A")
    board.drag(start, start + QPointF(0, 600))
    followed()
    assert board.item_pos("A")[1] > 500
    assert changed == set()
    assert panel.item_for(board.ids["A"]).text(COUNT) == "2"


def test_a_cluster_made_on_the_board_is_drawn_there_before_the_list_shows_it(panel, board, qtbot):
    """The board shows a change first; the list follows on the next turn of the event loop
    (its new row kept out of the time until Ctrl+G's frame is drawn), then lists it."""
    seen: list[str] = []
    board.scene.shown.connect(lambda: seen.append("board painted"))
    panel.tree.model().rowsInserted.connect(lambda *_: seen.append("row in the list"))
    board.scene.select_notes([board.ids["n1"], board.ids["n2"]])
    board.key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    made = board.scene.selected_cluster_ids()
    assert len(made) == 1 and panel.item_for(made[0]) is None
    qtbot.waitUntil(lambda: panel.item_for(made[0]) is not None)
    assert seen.index("board painted") < seen.index("row in the list")
    assert panel.item_for(made[0]).text(COUNT) == "2"
