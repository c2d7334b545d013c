"""The main window on a real workshop file made from the Örebro seed."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from samverkan_desktop.core.store import Store
from samverkan_desktop.core.textfold import fold
from samverkan_desktop.ui.commands import SetMembershipCommand
from samverkan_desktop.ui.main_window import VIEW_META_KEY, MainWindow
from samverkan_desktop.ui.panels.clusters_panel import COUNT, NAME


@pytest.fixture
def make_window(qtbot, ctx):
    windows = []

    def make() -> MainWindow:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close_document()


@pytest.fixture
def window(make_window, seed_workshop):
    window = make_window()
    assert window.open_path(seed_workshop)
    return window


def visible_centre(view) -> QPointF:
    return view.mapToScene(view.viewport().rect().center())


def test_title_names_the_file_and_the_workshop(window):
    assert window.windowTitle() == (
        "orebro.samverkan — Fördjupningsdag om samverkan — Samverkan Desktop"
    )


def test_clusters_panel_lists_the_seed_clusters_with_counts(window):
    tree = window.clusters_panel.tree
    listed = {
        tree.topLevelItem(i).text(NAME): int(tree.topLevelItem(i).text(COUNT))
        for i in range(tree.topLevelItemCount())
    }
    doc = window.doc
    assert listed == {c.name: len(doc.members(c.id)) for c in doc.clusters.values()}
    assert listed["Mötesplatser"] == 4 and listed["Samverkan"] == 12


def test_clicking_a_cluster_centres_the_view_on_it_and_selects_it(qtbot, window):
    view, scene = window.view, window.scene
    view.zoom_100()
    cluster = next(c for c in window.doc.clusters.values() if c.name == "Övrigt")
    view.centerOn(QPointF(cluster.x - 3000, cluster.y - 3000))

    item = window.clusters_panel.item_for(cluster.id)
    tree = window.clusters_panel.tree
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    target = scene.cluster_item(cluster.id).sceneBoundingRect().center()
    centre = visible_centre(view)
    assert abs(centre.x() - target.x()) < 30 and abs(centre.y() - target.y()) < 30
    assert scene.selected_cluster_ids() == [cluster.id]


@pytest.mark.parametrize("typed", ["motesplats", "Mötesplats"])
def test_search_highlights_exactly_the_notes_that_contain_the_word(window, type_text, typed):
    window.focus_search()
    type_text(window.search_panel.field, typed)

    doc, scene = window.doc, window.scene
    expected = {n.id for n in doc.notes.values() if "motesplats" in fold(n.text)}
    lit = {i for i in doc.notes if scene.note_item(i).opacity() == 1.0}
    assert lit == expected and len(expected) == 5
    assert window.search_panel.count.text() == "5 träffar"

    window.search_panel.field.clear()
    assert all(scene.note_item(i).opacity() == 1.0 for i in doc.notes)


def test_enter_in_the_search_box_shows_the_next_hit_readably(qtbot, window, type_text):
    type_text(window.search_panel.field, "motesplats")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    first = window.search_panel.hits()[0]
    assert window.scene.selected_note_ids() == [first]
    assert window.view.zoom() >= 0.75
    note_centre = window.scene.note_item(first).sceneBoundingRect().center()
    assert (
        window.view.mapToScene(window.view.viewport().rect()).boundingRect().contains(note_centre)
    )


def test_unticking_a_group_hides_its_notes_in_the_view(window):
    group = min(window.doc.groups.values(), key=lambda g: g.position)
    window.search_panel.set_group_checked(group.id, False)
    notes = window.doc.notes.values()
    assert all(
        not window.scene.note_item(n.id).isVisible() for n in notes if n.group_id == group.id
    )
    assert all(window.scene.note_item(n.id).isVisible() for n in notes if n.group_id != group.id)


def test_progress_follows_a_membership_change_and_its_undo(window, followed):
    doc = window.doc
    label = window.progress.label
    clustered = sum(1 for n in doc.notes.values() if n.cluster_id is not None)
    assert label.text() == f"{clustered} av 216 lappar klustrade"
    assert label.isVisible()

    cluster = next(iter(doc.clusters))
    loose = [n.id for n in doc.notes.values() if n.cluster_id is None][:4]
    doc.push(SetMembershipCommand(doc, {i: cluster for i in loose}))
    followed()
    assert label.text() == f"{clustered + 4} av 216 lappar klustrade"
    assert window.undo_action.text().startswith("Ångra ")

    window.undo_action.trigger()
    followed()
    assert label.text() == f"{clustered} av 216 lappar klustrade"
    assert window.redo_action.isEnabled()


def test_geometry_docks_and_view_survive_close_and_reopen(make_window, seed_workshop):
    first = make_window()
    first.open_path(seed_workshop)
    first.resize(760, 560)  # within the offscreen platform's 800x600 screen
    first.history_dock.show()
    first.view.set_zoom(0.5)
    first.view.centerOn(QPointF(900, 600))
    saved_centre = visible_centre(first.view)
    first.close()

    with Store.open(seed_workshop) as store:
        state = json.loads(store.get_meta(VIEW_META_KEY))
    assert state["zoom"] == pytest.approx(0.5)

    second = make_window()
    assert (second.size().width(), second.size().height()) == (760, 560)
    assert second.history_dock.isHidden()  # nothing open: the start page shows without docks
    second.open_path(seed_workshop)
    assert second.history_dock.isVisible()
    assert second.view.zoom() == pytest.approx(0.5)
    centre = visible_centre(second.view)
    assert abs(centre.x() - saved_centre.x()) < 5 and abs(centre.y() - saved_centre.y()) < 5


def test_closing_the_workshop_shows_the_start_page_with_it_in_recent(window, seed_workshop):
    window.files.close.trigger()
    assert window.doc is None
    assert window.stack.currentWidget() is window.start_page
    assert window.windowTitle() == "Samverkan Desktop"
    recent = window.start_page.recent
    assert recent.count() == 1 and recent.item(0).text().startswith("orebro.samverkan")
    assert not window.search_dock.isVisible()


def test_file_menu_has_the_swedish_actions(window):
    texts = [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()]
    assert texts == [
        "Ny workshop…",
        "Öppna…",
        "Öppna senaste",
        "Öppna exempelworkshopen",
        "Öppna delad workshop…",
        "Importera anteckningar…",
        "Spara en kopia som…",
        "Publicera på server…",
        "Återställ från säkerhetskopia…",
        "Exportera rapport…",
        "Exportera data",
        "Stäng workshoppen",
        "Avsluta",
    ]
    menus = [a.text().replace("&", "") for a in window.menuBar().actions() if a.isVisible()]
    assert menus == ["Arkiv", "Redigera", "Sortera", "Visa", "Hjälp"]
    sort = [a.text() for a in window.sort_menu.actions() if a.text()]
    assert "Föreslå kluster" in sort and "Temakarta" in sort


def test_edit_menu_holds_undo_redo_and_the_note_and_cluster_actions(window):
    texts = [a.text() for a in window.edit_menu.actions() if a.text()]
    assert texts[:2] == ["Ångra", "Gör om"]
    for wanted in ("Gruppera som kluster", "Byt namn på kluster", "Ny lapp", "Markera allt"):
        assert wanted in texts
    view_texts = [a.text() for a in window.view_menu.actions()]
    assert "Visa hela tavlan" in view_texts and "Verklig storlek (100 %)" in view_texts


def test_the_whole_window_renders_on_the_seed_workshop(window, tmp_path):
    window.resize(1280, 800)
    out = tmp_path / "window.png"
    assert window.grab().save(str(out))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    sampled = {
        image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)
    }
    assert len(sampled) > 40  # group colours, text, panels: not a blank or one-colour window
    board = window.view.grab().toImage()
    assert (
        len(
            {
                board.pixel(x, y)
                for x in range(0, board.width(), 9)
                for y in range(0, board.height(), 9)
            }
        )
        > 10
    )


def test_the_view_is_kept_in_the_file_soon_after_panning(qtbot, window, seed_workshop):
    window.view.set_zoom(0.8)
    window.view.centerOn(QPointF(1200, 400))

    def stored_zoom() -> float | None:
        with Store.open(seed_workshop, readonly=True) as store:
            saved = store.get_meta(VIEW_META_KEY)
        return json.loads(saved)["zoom"] if saved else None

    qtbot.waitUntil(lambda: stored_zoom() == pytest.approx(0.8), timeout=5000)


def test_the_theme_map_comes_back_where_it_was_left(make_window, seed_workshop):
    first = make_window()
    first.open_path(seed_workshop)
    dock = first.workspace.suggestions.theme_dock
    assert not dock.isVisible()
    first.workspace.suggestions.theme_map.trigger()
    assert dock.isVisible()
    first.close()

    second = make_window()
    second.open_path(seed_workshop)
    again = second.workspace.suggestions.theme_dock
    assert again.isVisible()
    assert second.dockWidgetArea(again) == Qt.DockWidgetArea.RightDockWidgetArea
    second.close_document()
    assert again not in second.findChildren(type(again)) or not again.isVisible()
