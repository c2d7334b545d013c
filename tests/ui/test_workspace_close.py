"""When the window closes, the .samverkan file alone is the whole workshop: nothing beside it
(-wal, -shm, -journal), no handle left open on it, and a copy of just that file has every change."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.main_window import VIEW_META_KEY, MainWindow


def _open_handles(path: Path) -> list[str]:
    """Files of this process that are `path` or lie beside it with its name as prefix."""
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(path)):
            found.append(target)
    return found


@pytest.fixture
def opened(qtbot, ctx, seed_workshop, tmp_path):
    folder = tmp_path / "delad mapp"
    folder.mkdir()
    path = folder / "orebro.samverkan"
    shutil.move(seed_workshop, path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(path)
    yield window, path
    window.close_document()


def _drag_first_note(window: MainWindow) -> tuple[int, QPointF]:
    view, scene = window.view, window.scene
    view.zoom_100()
    note = min(window.doc.notes.values(), key=lambda n: (n.y, n.x))
    item = scene.note_item(note.id)
    start = item.sceneBoundingRect().center()
    view.centerOn(start)
    end = start + QPointF(0, -40)  # up, into the free room under the group's name
    port = view.viewport()
    QTest.mousePress(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.mapFromScene(start)
    )
    for t in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(port, view.mapFromScene(start + (end - start) * t))
    QTest.mouseRelease(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.mapFromScene(end)
    )
    moved = window.doc.note(note.id)
    assert (moved.x, moved.y) == pytest.approx((note.x, note.y - 40))
    return note.id, QPointF(moved.x, moved.y)


def test_after_the_window_closes_the_file_alone_holds_every_change(opened, qtbot, tmp_path):
    window, path = opened
    note_id, where = _drag_first_note(window)
    window.workspace.suggestions.theme_map.trigger()  # a worker thread reads the document too
    window.view.set_zoom(0.6)

    window.close()  # as the user closes the window

    assert window.workspace is None
    assert sorted(p.name for p in path.parent.iterdir()) == ["orebro.samverkan"]
    if sys.platform.startswith("linux"):
        assert _open_handles(path) == []  # on Windows an open handle would block a copy
    # The file alone, copied elsewhere, has the move and the view.
    copy = tmp_path / "e-post" / "orebro.samverkan"
    copy.parent.mkdir()
    shutil.copyfile(path, copy)
    con = sqlite3.connect(copy)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        x, y = con.execute("SELECT x, y FROM notes WHERE id = ?", (note_id,)).fetchone()
    finally:
        con.close()
    assert (x, y) == pytest.approx((where.x(), where.y()))
    with Store.open(copy, readonly=True) as store:
        assert '"zoom": 0.6' in store.get_meta(VIEW_META_KEY)


def test_closing_the_workshop_but_not_the_window_releases_the_file(opened):
    window, path = opened
    _drag_first_note(window)
    window.files.close.trigger()
    assert window.doc is None
    assert sorted(p.name for p in path.parent.iterdir()) == ["orebro.samverkan"]
    if sys.platform.startswith("linux"):
        assert _open_handles(path) == []
    # Nothing holds it: it can be moved away (or deleted) while the program still runs.
    path.rename(path.with_name("flyttad.samverkan"))
