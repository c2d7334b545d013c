"""The Temakarta dock works its map out off the UI thread: the board goes on while it does, and
a change made meanwhile supersedes the computation under way."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from samverkan_desktop.ui.main_window import MainWindow
from samverkan_desktop.ui.panels import theme_map


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


@pytest.fixture
def held(monkeypatch):
    """`compute_map` held at its start until the test lets it go; records each call's thread
    and the themes it was given."""
    calls: list[tuple[threading.Thread, set[str]]] = []
    go = threading.Event()
    real = theme_map.compute_map

    def compute(document):  # noqa: ANN001, ANN202
        calls.append((threading.current_thread(), {c.name for c in document.clusters}))
        assert go.wait(20)
        return real(document)

    monkeypatch.setattr(theme_map, "compute_map", compute)
    yield calls, go
    go.set()  # never leave a worker waiting


def _names(dock) -> set[str]:  # noqa: ANN001
    return {item.node.name for item in dock.map_scene.items_by_theme.values()}


def test_the_map_is_worked_out_on_another_thread_while_the_board_goes_on(
    qtbot, window, held
) -> None:
    calls, go = held
    dock = window.workspace.suggestions.theme_dock
    window.workspace.suggestions.theme_map.trigger()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    [(thread, _)] = calls
    assert thread is not threading.main_thread()
    assert QApplication.instance().thread().isCurrentThread()  # the test runs on the UI thread

    # While the map is being worked out, the board takes a Ctrl+G and shows it at once.
    notes = [n.id for n in window.doc.notes.values() if n.cluster_id is None][:2]
    window.scene.select_notes(notes)
    light = window.scene.group_selection("Ljus")
    assert window.doc.clusters[light].name == "Ljus"
    assert not dock.map_scene.items_by_theme  # the map is not there yet

    # The change supersedes the computation under way: its map is not drawn, the next one is.
    go.set()
    qtbot.waitUntil(lambda: "Ljus" in _names(dock), timeout=10_000)
    assert len(calls) == 2 and "Ljus" not in calls[0][1] and "Ljus" in calls[1][1]
    assert all(t is not threading.main_thread() for t, _ in calls)
    top = {c.name for c in window.doc.clusters.values() if c.parent_id is None}
    assert _names(dock) == top

    # And it follows the next change too.
    window.scene.select_notes([n.id for n in window.doc.notes.values() if n.cluster_id is None][:2])
    dark = window.scene.group_selection("Mörker")
    qtbot.waitUntil(lambda: "Mörker" in _names(dock), timeout=10_000)
    assert window.doc.clusters[dark].name == "Mörker"
