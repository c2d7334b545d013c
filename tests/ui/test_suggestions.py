"""Suggestions on the board, driven through the real widgets: suggest, accept, rename, dismiss,
undo; "Var hör lappen hemma?"; near-duplicates as links; the theme map."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board import BoardActions, BoardScene, BoardView
from samverkan_desktop.ui.document import DocumentModel
from samverkan_desktop.ui.suggestions import SuggestionActions

LEFT = Qt.MouseButton.LeftButton


@dataclass
class Shell:
    window: QMainWindow
    doc: DocumentModel
    scene: BoardScene
    view: BoardView
    suggestions: SuggestionActions

    def note_id(self, start: str) -> int:
        [note] = [n for n in self.doc.notes.values() if n.text.startswith(start)]
        return note.id

    def click_note(self, note_id: int) -> None:
        item = self.scene.note_item(note_id)
        assert item is not None
        self.view.centerOn(item)
        point = self.view.mapFromScene(item.scene_rect().center() + QPointF(0, 20))
        QTest.mouseClick(self.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, point)


@pytest.fixture
def shell(qtbot, seed_workshop: Path):
    doc = DocumentModel(Store.open(seed_workshop))
    window = QMainWindow()
    scene = BoardScene(doc)
    view = BoardView(scene)
    window.setCentralWidget(view)
    BoardActions(view, doc)
    suggestions = SuggestionActions(view, doc, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, suggestions.theme_dock)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield Shell(window, doc, scene, view, suggestions)
    suggestions.runner.cancel()
    suggestions.runner.wait()
    doc.close()


def _suggest(qtbot, shell: Shell) -> None:
    shell.suggestions.suggest.trigger()
    qtbot.waitUntil(lambda: bool(shell.suggestions.ghosts.frames), timeout=20_000)


def test_suggest_accept_one_dismiss_one_and_undo(qtbot, shell: Shell) -> None:
    doc, ghosts = shell.doc, shell.suggestions.ghosts
    before = {i: (n.x, n.y, n.cluster_id) for i, n in doc.notes.items()}
    clusters_before = set(doc.clusters)
    _suggest(qtbot, shell)
    assert ghosts.panel.isVisible()
    assert len(ghosts.frames) >= 3
    assert all(before[i][2] is None for f in ghosts.frames for i in f.note_ids)

    first, second = ghosts.card(1), ghosts.card(2)
    name, members = first.frame.name, set(first.frame.note_ids)
    assert first.name_label.text() == name and first.isVisible()
    qtbot.mouseClick(first.accept_button, LEFT)

    [new] = set(doc.clusters) - clusters_before
    assert doc.cluster(new).name == name
    assert doc.members(new) == members
    assert shell.scene.selected_cluster_ids() == [new]
    assert first.frame not in ghosts.frames

    dismissed = second.frame
    qtbot.mouseClick(second.dismiss_button, LEFT)
    assert dismissed not in ghosts.frames
    assert set(doc.clusters) == clusters_before | {new}  # dismissing changes nothing

    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert set(doc.clusters) == clusters_before
    assert {i: (n.x, n.y, n.cluster_id) for i, n in doc.notes.items()} == before
    doc.undo_stack.redo()
    assert doc.members(max(doc.clusters)) == members


def test_an_accepted_cluster_is_shown_beside_the_cards_not_under_them(qtbot, shell: Shell) -> None:
    _suggest(qtbot, shell)
    ghosts = shell.suggestions.ghosts
    qtbot.mouseClick(ghosts.card(1).accept_button, LEFT)
    [cluster_id] = shell.scene.selected_cluster_ids()
    item = shell.scene.cluster_item(cluster_id)
    on_screen = shell.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    assert shell.view.viewport().rect().intersects(on_screen)
    assert ghosts.panel.isVisible()  # two or more suggestions are still waiting
    assert on_screen.right() <= ghosts.panel.geometry().left()


def test_with_notes_selected_only_their_group_is_suggested_and_the_status_says_so(
    qtbot, shell: Shell
) -> None:
    said: list[str] = []
    shell.suggestions.message.connect(said.append)
    note_id = shell.note_id("Mötesplatser behövs för integration")
    shell.click_note(note_id)
    group_id = shell.doc.note(note_id).group_id
    _suggest(qtbot, shell)
    members = {i for f in shell.suggestions.ghosts.frames for i in f.note_ids}
    assert {shell.doc.note(i).group_id for i in members} == {group_id}
    assert shell.doc.groups[group_id].name in said[-1]


def test_rename_before_accepting(qtbot, shell: Shell) -> None:
    _suggest(qtbot, shell)
    card = shell.suggestions.ghosts.card(1)
    qtbot.mouseClick(card.rename_button, LEFT)
    assert card.name_edit.isVisible() and not card.name_label.isVisible()
    card.name_edit.clear()
    QTest.keyClicks(card.name_edit, "Trygga platser")
    QTest.keyClick(card.name_edit, Qt.Key.Key_Return)
    assert card.name_label.text() == "Trygga platser"
    qtbot.mouseClick(card.accept_button, LEFT)
    names = [c.name for c in shell.doc.clusters.values()]
    assert "Trygga platser" in names


def test_ghosts_follow_the_board(qtbot, shell: Shell) -> None:
    _suggest(qtbot, shell)
    ghosts = shell.suggestions.ghosts
    frame = ghosts.frames[0]
    some = frame.note_ids[:2]
    # Another way of clustering those notes takes them out of the suggestion.
    shell.scene.select_notes(frame.note_ids)
    shell.scene.group_selection("Handsorterat")
    assert frame not in ghosts.frames
    assert all(shell.doc.note(i).cluster_id is not None for i in some)
    qtbot.mouseClick(ghosts.panel.hide_button, LEFT)
    assert not ghosts.frames and not ghosts.panel.isVisible()


def test_a_long_run_shows_progress_and_can_be_cancelled(qtbot, shell: Shell) -> None:
    runner = shell.suggestions.runner
    overlay = shell.suggestions.overlay

    def slow(cancelled, progress):  # stands in for a very large workshop
        for i in range(1000):
            if cancelled():
                from samverkan_desktop.core.analysis.vectors import CancelledError

                raise CancelledError()
            progress(i, 1000)
            time.sleep(0.01)
        return []

    with qtbot.waitSignal(runner.cancelled, timeout=10_000):
        assert runner.start(slow)
        qtbot.waitUntil(lambda: overlay.isVisible() and overlay.bar.value() > 0)
        assert not shell.suggestions.suggest.isEnabled()  # one run at a time
        qtbot.mouseClick(overlay.cancel_button, LEFT)
    assert not overlay.isVisible()
    assert shell.suggestions.suggest.isEnabled()


def test_where_does_this_note_belong_moves_it_where_chosen(qtbot, shell: Shell) -> None:
    doc = shell.doc
    note_id = shell.note_id("Mötesplatser behövs för integration")
    shell.click_note(note_id)
    assert shell.scene.selected_note_ids() == [note_id]
    assert shell.suggestions.belongs.isEnabled()
    shell.suggestions.belongs.trigger()
    qtbot.waitUntil(lambda: shell.suggestions.popup is not None, timeout=20_000)
    popup = shell.suggestions.popup
    assert popup.isVisible() and len(popup.buttons) == 3
    assert "delar:" in popup.buttons[0].text()
    target = next(c.id for c in doc.clusters.values() if popup.buttons[0].text().startswith(c.name))
    old = doc.note(note_id)
    qtbot.mouseClick(popup.buttons[0], LEFT)

    moved = doc.note(note_id)
    assert moved.cluster_id == target
    # The history names the move as the facilitator made it, not as frames that grew.
    assert doc.undo_stack.undoText() == f"Flytta lappen till »{doc.cluster(target).name}«"
    frame = shell.scene.cluster_item(target).sceneBoundingRect()
    assert frame.contains(shell.scene.note_item(note_id).scene_rect().center())
    doc.undo_stack.undo()
    assert (doc.note(note_id).x, doc.note(note_id).y, doc.note(note_id).cluster_id) == (
        old.x,
        old.y,
        None,
    )


def test_near_duplicates_become_links_that_undo(qtbot, shell: Shell) -> None:
    doc = shell.doc
    shell.suggestions.duplicates.trigger()
    qtbot.waitUntil(lambda: shell.suggestions.dialog is not None, timeout=20_000)
    dialog = shell.suggestions.dialog
    assert dialog.isVisible() and dialog.list.count() >= 5
    first = dialog.list.item(0)
    assert "Långsiktighet!" in first.text() and "dubblett" in first.text()
    dialog.list.setCurrentRow(0)
    QTest.keyClick(dialog.list, Qt.Key.Key_Space)  # ticks the pair, as a keyboard user would
    assert first.checkState() == Qt.CheckState.Checked
    qtbot.mouseClick(dialog.link_button, LEFT)
    links = doc.store.links()
    assert [lk.kind for lk in links] == ["duplicate-of"]
    texts = {doc.note(links[0].source).text, doc.note(links[0].target).text}
    assert "Långsiktighet!" in texts
    doc.undo_stack.undo()
    assert doc.store.links() == []


def test_theme_map_draws_the_themes_and_selects_one_on_the_board(
    qtbot, shell: Shell, tmp_path: Path
) -> None:
    dock = shell.suggestions.theme_dock
    shell.suggestions.theme_map.trigger()
    qtbot.waitUntil(lambda: bool(dock.map_scene.items_by_theme), timeout=5000)
    top_level = {c.id for c in shell.doc.clusters.values() if c.parent_id is None}
    assert set(dock.map_scene.items_by_theme) == top_level
    samverkan = next(c.id for c in shell.doc.clusters.values() if c.name == "Samverkan")
    item = dock.map_scene.items_by_theme[samverkan]
    assert item.node.notes == 12 and item.labels == ["BT2"]
    dock.grab().save(str(tmp_path / "temakarta.png"))

    point = dock.view.mapFromScene(item.scenePos())
    QTest.mouseClick(dock.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, point)
    assert shell.scene.selected_cluster_ids() == [samverkan]
    assert item.selected

    # The map follows the document: a new theme appears after a moment.
    ids = [shell.note_id("Belysning!"), shell.note_id("Projekt och inte långsiktighet")]
    shell.scene.select_notes(ids)
    new = shell.scene.group_selection("Ljus och långsiktighet")
    qtbot.waitUntil(lambda: new in dock.map_scene.items_by_theme, timeout=5000)
    assert dock.map_scene.items_by_theme[new].labels == ["AI1", "BT2"]
    dock.grab().save(str(tmp_path / "temakarta-ny.png"))


def test_closing_stops_a_run_and_takes_the_map_away(qtbot, shell: Shell) -> None:
    suggestions = shell.suggestions
    suggestions.theme_map.trigger()
    assert suggestions.theme_dock in shell.window.findChildren(type(suggestions.theme_dock))
    suggestions.suggest.trigger()
    suggestions.close()
    assert not suggestions.runner.is_running() or suggestions.runner.wait()
    qtbot.waitUntil(
        lambda: (
            suggestions.theme_dock not in shell.window.findChildren(type(suggestions.theme_dock))
        )
    )
