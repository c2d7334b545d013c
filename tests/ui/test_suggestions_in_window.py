"""The suggestion flow as a facilitator meets it in the main window: the Sortera menu's shortcut,
ghost frames that change nothing until accepted, accept one, dismiss one, Ctrl+Z."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from samverkan_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def _state(window: MainWindow) -> dict[int, tuple[float, float, int | None]]:
    return {i: (n.x, n.y, n.cluster_id) for i, n in window.doc.notes.items()}


def test_suggest_accept_dismiss_and_undo_from_the_keyboard(qtbot, ctx, seed_workshop: Path) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(seed_workshop)
    try:
        suggestions = window.workspace.suggestions
        ghosts = suggestions.ghosts
        menu = [a.text() for a in window.sort_menu.actions()]
        assert "Föreslå kluster" in menu and "Var hör lappen hemma?" in menu
        before, clusters = _state(window), set(window.doc.clusters)
        on_disk = hashlib.sha256(seed_workshop.read_bytes()).hexdigest()

        window.activateWindow()  # the keyboard goes to the active window, as for a user
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        QTest.keyClick(window, Qt.Key.Key_F, CTRL | SHIFT)  # Sortera > Föreslå kluster
        qtbot.waitUntil(lambda: bool(ghosts.frames), timeout=20_000)
        # Suggestions are only shown: nothing in the document, the file or the undo history.
        assert _state(window) == before and set(window.doc.clusters) == clusters
        assert window.doc.undo_stack.count() == 0
        assert hashlib.sha256(seed_workshop.read_bytes()).hexdigest() == on_disk
        shown = len(ghosts.frames)
        assert shown >= 3 and ghosts.panel.isVisible()

        first, second = ghosts.card(1), ghosts.card(2)
        name, members = first.frame.name, set(first.frame.note_ids)
        qtbot.mouseClick(first.accept_button, LEFT)
        [new] = set(window.doc.clusters) - clusters
        assert (window.doc.cluster(new).name, window.doc.members(new)) == (name, members)
        qtbot.mouseClick(second.dismiss_button, LEFT)
        assert len(ghosts.frames) == shown - 2
        assert set(window.doc.clusters) == clusters | {new}  # dismissing changed nothing
        assert window.undo_action.text().startswith("Ångra")

        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
        assert set(window.doc.clusters) == clusters
        assert _state(window) == before
        assert window.doc.undo_stack.count() == 1 and window.doc.undo_stack.index() == 0
    finally:
        window.close_document()
