"""600 top-level themes: the Temakarta dock draws them all (networkx's layout would need scipy
from 500 on) and the PDF report from the same workshop has its theme map page."""

from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import export
from samverkan_desktop.core.store import Store
from samverkan_desktop.render import EXPORTERS
from samverkan_desktop.render import theme_picture as tp
from samverkan_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
THEMES = 600


@pytest.fixture
def many_themes(tmp_path: Path) -> Path:
    """600 top-level clusters of two notes each from six groups, some notes linked across."""
    path = tmp_path / "sexhundra.samverkan"
    with Store.create(path, m.Workshop("Sexhundra teman")) as store, store.transaction():
        groups = [store.add_group(f"Grupp {i}") for i in range(1, 7)]
        notes = []
        for i in range(THEMES):
            cluster = store.add_cluster(f"Tema {i + 1}", x=(i % 30) * 500.0, y=(i // 30) * 400.0)
            for k in range(2):
                notes.append(
                    store.add_note(
                        f"Lapp {i + 1}.{k + 1}",
                        group_id=groups[(i + k * 3) % 6].id,
                        cluster_id=cluster.id,
                        x=cluster.x + 20 + k * 220,
                        y=cluster.y + 50,
                    )
                )
        for i in range(0, 2 * THEMES - 40, 40):
            store.add_link(m.Link(notes[i].id, notes[i + 17].id, m.RELATES_TO))
    return path


@pytest.fixture
def window(qtbot, ctx, many_themes: Path):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(many_themes)
    yield window
    window.close_document()


def _map_page(reader: PdfReader) -> int:
    [mark] = [i for i in reader.outline if not isinstance(i, list) and i.title == "Temakarta"]
    return reader.get_destination_page_number(mark)


def test_six_hundred_themes_open_in_the_dock_and_print_in_the_report(
    qtbot, window, tmp_path: Path
) -> None:
    dock = window.workspace.suggestions.theme_dock
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)  # Visa > Temakarta
    qtbot.waitUntil(lambda: len(dock.map_scene.items_by_theme) == THEMES, timeout=30_000)
    items = dock.map_scene.items_by_theme.values()
    assert {item.node.name for item in items} == {f"Tema {i}" for i in range(1, THEMES + 1)}
    assert dock.facts.text().startswith("0 lappar utan kluster")
    assert "scipy" not in sys.modules  # the layout does without it
    # At 100 % no two themes are so close that their names would touch.
    centres = [item.pos() for item in items]
    closest = min(
        math.hypot(a.x() - b.x(), a.y() - b.y()) for a, b in itertools.combinations(centres, 2)
    )
    assert closest >= tp.LABEL_ROOM * 0.99

    reader = PdfReader(
        export(window.doc.store.document(), EXPORTERS["pdf"], tmp_path / "rapport.pdf")
        or tmp_path / "rapport.pdf"
    )
    shown: set[str] = set()
    reader.pages[_map_page(reader)].extract_text(
        visitor_text=lambda text, *_: shown.add(" ".join(text.split()))
    )
    missing = [i for i in range(1, THEMES + 1) if f"Tema {i}" not in shown]
    assert missing == []
