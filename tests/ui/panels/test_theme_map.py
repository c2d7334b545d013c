"""The Temakarta dock in the main window follows every undoable edit, and its undo and redo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsLineItem

from samverkan_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, ctx, seed_workshop: Path):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(seed_workshop)
    yield window
    window.close_document()


def _note(window: MainWindow, start: str) -> int:
    [note] = [n.id for n in window.doc.notes.values() if n.text.startswith(start)]
    return note


def _click_note(window: MainWindow, note_id: int, modifiers=Qt.KeyboardModifier.NoModifier):
    item = window.scene.note_item(note_id)
    window.view.centerOn(item)
    point = window.view.mapFromScene(item.scene_rect().center() + QPointF(0, 20))
    QTest.mouseClick(window.view.viewport(), LEFT, modifiers, point)


def _themes(dock) -> dict[str, object]:
    return {item.node.name: item for item in dock.map_scene.items_by_theme.values()}


def _solid_lines(dock) -> list[QGraphicsLineItem]:
    return [
        item
        for item in dock.map_scene.items()
        if isinstance(item, QGraphicsLineItem) and item.pen().style() == Qt.PenStyle.SolidLine
    ]


def test_the_map_follows_grouping_linking_undo_and_redo(qtbot, window, tmp_path: Path) -> None:
    dock = window.workspace.suggestions.theme_dock
    window.activateWindow()  # the keyboard goes to the active window, as for a user
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)  # Visa > Temakarta
    qtbot.waitUntil(lambda: dock.isVisible() and bool(dock.map_scene.items_by_theme))
    before = set(_themes(dock))
    loose = sum(1 for n in window.doc.notes.values() if n.cluster_id is None)
    assert dock.facts.text().startswith(f"{loose} lappar utan kluster")
    assert not _solid_lines(dock)

    # Two loose notes of one group become a theme: Ctrl+G, type its name, Enter.
    meeting = _note(window, "Mötesplatser behövs för integration")
    project = _note(window, "Projekt och inte långsiktighet")
    _click_note(window, meeting)
    _click_note(window, project, CTRL)
    assert sorted(window.scene.selected_note_ids()) == sorted([meeting, project])
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_G, CTRL)
    assert window.scene.active_editor()[0] == "cluster"  # its name open for typing
    QTest.keyClicks(window.view.viewport(), "Ljus")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Ljus" in _themes(dock), timeout=5000)
    light = _themes(dock)["Ljus"]
    assert (light.node.notes, light.labels) == (2, ["AI1"])
    assert dock.facts.text().startswith(f"{loose - 2} lappar utan kluster")

    # The near-duplicate of "Projekt och inte långsiktighet" sits in "Samverkan": linking the
    # two (undoable) draws a solid line between the themes, and both notes now join them.
    window.workspace.suggestions.duplicates.trigger()
    qtbot.waitUntil(lambda: window.workspace.suggestions.dialog is not None, timeout=20_000)
    dialog = window.workspace.suggestions.dialog
    assert "Långsiktighet!" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    QTest.keyClick(dialog.list, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.link_button, LEFT)
    qtbot.waitUntil(lambda: len(_solid_lines(dock)) == 1, timeout=5000)
    [line] = _solid_lines(dock)
    ends = {line.line().p1().toTuple(), line.line().p2().toTuple()}
    themes = _themes(dock)
    assert ends == {themes["Ljus"].pos().toTuple(), themes["Samverkan"].pos().toTuple()}
    assert "2 lappar knyter ihop teman" in dock.facts.text()
    dock.grab().save(str(tmp_path / "temakarta-länk.png"))

    # Undo from the keyboard, one step at a time, back in the window; the map follows each.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not _solid_lines(dock), timeout=5000)
    assert "0 lappar knyter ihop teman" in dock.facts.text()
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)  # the name
    qtbot.waitUntil(lambda: "Nytt kluster" in _themes(dock), timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)  # the grouping
    qtbot.waitUntil(lambda: set(_themes(dock)) == before, timeout=5000)
    assert dock.facts.text().startswith(f"{loose} lappar utan kluster")
    QTest.keySequence(window, window.redo_action.shortcut())  # redo brings the theme back
    qtbot.waitUntil(lambda: "Nytt kluster" in _themes(dock), timeout=5000)
