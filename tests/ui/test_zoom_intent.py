"""Zoom follows intent: going to a cluster or a search hit shows it at a size that can be read,
and the zoom keys zoom around what is selected."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from samverkan_desktop.ui.board.view import FOCUS_MOST_ZOOM, READABLE_ZOOM
from samverkan_desktop.ui.workspace import VIEW_META_KEY

CTRL = Qt.KeyboardModifier.ControlModifier
BIG = "Organisera runt gemenskap – rätt process på rätt plats – behov/individ"


@pytest.fixture
def window(qtbot, seed_window):
    seed_window.resize(1280, 800)
    qtbot.waitUntil(lambda: seed_window.view.viewport().width() > 800)
    seed_window.view.zoom_to_fit()  # the whole board: notes are dots
    assert seed_window.view.zoom() < READABLE_ZOOM
    return seed_window


def visible(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def centre(view) -> QPointF:
    return view.mapToScene(view.viewport().rect().center())


def cluster_named(window, name: str):
    return next(c for c in window.doc.clusters.values() if c.name == name)


def click_in_list(qtbot, window, cluster_id: int) -> None:
    tree = window.clusters_panel.tree
    rect = tree.visualItemRect(window.clusters_panel.item_for(cluster_id))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_cluster_chosen_in_the_list_fills_the_view_at_a_readable_size(qtbot, window):
    view = window.view
    cluster = cluster_named(window, "Mötesplatser")  # four notes
    click_in_list(qtbot, window, cluster.id)
    frame = window.scene.cluster_item(cluster.id).scene_rect()
    assert READABLE_ZOOM <= view.zoom() <= FOCUS_MOST_ZOOM
    assert visible(view).contains(frame)
    # It fills the view: at least one side of the frame takes most of the view.
    seen = visible(view)
    assert frame.width() / seen.width() > 0.6 or frame.height() / seen.height() > 0.6
    assert window.scene.selected_cluster_ids() == [cluster.id]


def test_a_cluster_too_big_to_fit_is_shown_from_its_title_not_shrunk(qtbot, window):
    view = window.view
    cluster = cluster_named(window, BIG)  # 23 notes in one long column
    click_in_list(qtbot, window, cluster.id)
    frame = window.scene.cluster_item(cluster.id).scene_rect()
    assert view.zoom() == pytest.approx(READABLE_ZOOM)
    assert not visible(view).contains(frame)
    title_bar = QRectF(frame.left(), frame.top(), frame.width(), 60)
    assert visible(view).contains(title_bar)


def test_a_small_cluster_is_not_blown_up(qtbot, window):
    cluster = cluster_named(window, "Integration")  # two notes side by side
    click_in_list(qtbot, window, cluster.id)
    assert window.view.zoom() == pytest.approx(FOCUS_MOST_ZOOM)
    assert visible(window.view).contains(window.scene.cluster_item(cluster.id).scene_rect())


def test_a_search_hit_is_shown_at_a_readable_size(qtbot, window, type_text):
    panel = window.search_panel
    type_text(panel.field, "buss")
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    [hit] = window.scene.selected_note_ids()
    note = window.scene.note_item(hit).scene_rect()
    assert READABLE_ZOOM <= window.view.zoom() <= FOCUS_MOST_ZOOM
    assert visible(window.view).contains(note)
    assert abs(centre(window.view).x() - note.center().x()) < 3
    assert abs(centre(window.view).y() - note.center().y()) < 3


def far_note(window):
    """The note farthest from the middle of the view, selected with a click on it."""
    middle = centre(window.view)
    note = max(
        window.scene.note_items(),
        key=lambda i: (i.scene_rect().center() - middle).manhattanLength(),
    )
    at = window.view.mapFromScene(note.scene_rect().center())
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.scene.selected_note_ids() == [note.note_id]
    return note


def test_ctrl_1_zooms_to_100_around_the_selected_note(window):
    note = far_note(window)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_1, CTRL)
    assert window.view.zoom() == pytest.approx(1.0)
    target = note.scene_rect().center()
    assert abs(centre(window.view).x() - target.x()) < 3
    assert abs(centre(window.view).y() - target.y()) < 3


def test_ctrl_plus_and_minus_keep_the_selection_in_view(window):
    note = far_note(window)
    view = window.view
    target = note.scene_rect().center()
    before = view.zoom()
    QTest.keyClick(view.viewport(), Qt.Key.Key_Plus, CTRL)
    # Far out the whole board fits, so there is nothing to scroll: the note only stays in view.
    assert view.zoom() == pytest.approx(before * 1.25)
    assert visible(view).contains(note.scene_rect())
    QTest.keyClick(view.viewport(), Qt.Key.Key_1, CTRL)
    for key, zoom in ((Qt.Key.Key_Plus, 1.25), (Qt.Key.Key_Minus, 1.0), (Qt.Key.Key_Minus, 0.8)):
        view.centerOn(target + QPointF(300, -200))  # panned a little off the note
        QTest.keyClick(view.viewport(), key, CTRL)
        assert view.zoom() == pytest.approx(zoom)
        assert abs(centre(view).x() - target.x()) < 3 and abs(centre(view).y() - target.y()) < 3


def test_with_nothing_selected_ctrl_1_keeps_the_middle(window):
    view = window.view
    window.scene.clearSelection()
    before = centre(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_1, CTRL)
    assert view.zoom() == pytest.approx(1.0)
    after = centre(view)
    assert abs(after.x() - before.x()) < 3 and abs(after.y() - before.y()) < 3


def test_the_view_gone_to_is_kept_in_the_file(qtbot, window):
    cluster = cluster_named(window, "Mötesplatser")
    click_in_list(qtbot, window, cluster.id)
    expected = window.view.view_state()

    def saved() -> dict | None:
        text = window.doc.store.get_meta(VIEW_META_KEY)
        return json.loads(text) if text else None

    qtbot.waitUntil(lambda: saved() is not None and saved()["zoom"] == expected["zoom"])
    assert saved() == pytest.approx(expected)
