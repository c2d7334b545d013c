"""The Edit menu and the history view name each step the facilitator took on the board."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(seed_window):
    return seed_window


def history(window) -> list[str]:
    model = window.undo_view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_undo_redo_and_the_history_name_each_board_step(window):
    view, scene, store = window.view, window.scene, window.doc.store
    view.zoom_100()
    item = min(
        (i for i in scene.note_items() if i.note.cluster_id is None),
        key=lambda i: (i.pos().x(), i.pos().y()),
    )
    view.centerOn(item.scene_rect().center())
    viewport = view.viewport()
    start = view.mapFromScene(item.scene_rect().center())
    QTest.mousePress(viewport, LEFT, NONE, start)
    for step in range(1, 5):
        QTest.mouseMove(viewport, start + QPoint(0, -40 * step))
    QTest.mouseRelease(viewport, LEFT, NONE, start + QPoint(0, -160))
    assert window.undo_action.text() == "Ångra Flytta 1 lapp"
    moved = store.note(item.note_id)

    QTest.keyClick(viewport, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    for ch in "Språk":
        QTest.sendKeyEvent(QTest.KeyAction.Click, viewport, Qt.Key.Key_unknown, ch, NONE)
    QTest.keyClick(viewport, Qt.Key.Key_Return)
    cluster_id = store.note(item.note_id).cluster_id
    assert store.cluster(cluster_id).name == "Språk"
    assert window.undo_action.text() == "Ångra Byt namn till »Språk«"
    assert history(window) == [
        "Utgångsläge",
        "Flytta 1 lapp",
        "Gruppera 1 lapp som kluster",
        "Byt namn till »Språk«",
    ]

    window.undo_action.trigger()
    assert window.redo_action.text() == "Gör om Byt namn till »Språk«"
    assert store.cluster(cluster_id).name == "Nytt kluster"
    assert scene.cluster_item(cluster_id).cluster.name == "Nytt kluster"

    # A click on a step in the history goes back to just after it.
    window.history_dock.show()
    undo_list = window.undo_view
    row = undo_list.visualRect(undo_list.model().index(1, 0))
    QTest.mouseClick(undo_list.viewport(), LEFT, NONE, row.center())
    assert store.clusters([cluster_id]) == []
    assert scene.cluster_item(cluster_id) is None
    assert (store.note(item.note_id).x, store.note(item.note_id).y) == (moved.x, moved.y)
    assert store.note(item.note_id).cluster_id is None
    assert window.redo_action.text() == "Gör om Gruppera 1 lapp som kluster"
