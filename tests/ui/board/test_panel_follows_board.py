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


def test_a_drop_counts_in_the_list_and_its_undo_too(panel, board):
    row = panel.item_for(board.ids["A"])
    assert row.text(COUNT) == "2"
    board.drag(board.note_centre("n1"), QPointF(530, 250))  # into frame A
    assert board.stored_note("n1").cluster_id == board.ids["A"]
    assert row.text(COUNT) == "3"
    board.doc.undo_stack.undo()
    assert row.text(COUNT) == "2"


def test_a_frame_renamed_on_the_board_shows_its_new_name_in_the_list(panel, board):
    board.type_name("A", "Nattvandring")
    board.key(Qt.Key.Key_Return)
    assert board.stored_cluster("A").name == "Nattvandring"
    assert panel.item_for(board.ids["A"]).text(NAME) == "Nattvandring"
    board.doc.undo_stack.undo()
    assert panel.item_for(board.ids["A"]).text(NAME) == "Trygghet"


def test_a_frame_moved_on_the_board_changes_no_row(panel, board):
    changed: set[int] = set()
    panel.tree.model().dataChanged.connect(
        lambda top, _bottom, _roles=(): changed.add(top.siblingAtColumn(NAME).data(256))
    )
    start = board.title_point("A")
    board.drag(start, start + QPointF(0, 600))
    assert board.item_pos("A")[1] > 500
    assert changed == set()
    assert panel.item_for(board.ids["A"]).text(COUNT) == "2"
