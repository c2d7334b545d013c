"""Closing and reopening a workshop file shows the same board."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board import BoardScene
from samverkan_desktop.ui.document import DocumentModel

CTRL = Qt.KeyboardModifier.ControlModifier


def snapshot(scene: BoardScene) -> dict:
    notes = {
        i.note_id: (i.pos().x(), i.pos().y(), i.note.cluster_id, i.note.text)
        for i in scene.note_items()
    }
    clusters = {
        i.cluster_id: (
            i.scene_rect().getRect(),
            i.cluster.name,
            i.cluster.parent_id,
            i.depth,
            i.notes,
        )
        for i in scene.cluster_items()
    }
    return {"notes": notes, "clusters": clusters}


def test_reopening_the_file_shows_the_same_board(board):
    # A little session: a note into a cluster, a new cluster, C taken out of B, A resized.
    board.drag(board.note_centre("n1"), QPointF(530, 260))
    board.click(board.note_centre("n2"))
    board.click(board.note_centre("n3"), CTRL)
    board.key(Qt.Key.Key_G, CTRL)
    board.type("Språk")
    board.key(Qt.Key.Key_Return)
    board.drag(board.title_point("C"), QPointF(1010, 800))
    corner = board.scene.cluster_item(board.ids["A"]).scene_rect().bottomRight() - QPointF(5, 5)
    board.drag(corner, corner + QPointF(80, 60))
    before = snapshot(board.scene)
    assert len(before["clusters"]) == 4

    board.doc.close()
    store = Store.open(board.path)
    doc = DocumentModel(store)
    try:
        assert snapshot(BoardScene(doc)) == before
    finally:
        doc.close()
