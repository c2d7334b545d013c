"""Fixtures for the application shell tests: private settings, scripted dialogs, a seed workshop.

Settings go to an INI file in tmp_path and new workshops to a folder there, so no test touches the
user's real settings or documents.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.context import AppContext, ScriptedInteraction
from samverkan_desktop.ui.settings import Settings

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(scope="session")
def _seed_template(tmp_path_factory, request) -> Path:
    seed = Path(request.config.rootpath) / (
        "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
    )
    path = tmp_path_factory.mktemp("seed") / "orebro.samverkan"
    doc = read_source(seed)
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    return path


@pytest.fixture
def seed_workshop(_seed_template, tmp_path) -> Path:
    """A fresh .samverkan made from the Örebro seed, in this test's tmp_path."""
    path = tmp_path / "orebro.samverkan"
    shutil.copyfile(_seed_template, path)
    return path


@pytest.fixture
def big_workshop(seed_workshop, tmp_path):
    """`make(notes, seed, clustered=False)`: a .samverkan of that many notes, the seed's clauses
    recombined (core.analysis.evaluation) and laid out as an import lays them out: a big
    board. `clustered`: every other note in a frame of up to nine, every third frame inside
    the frame before it."""
    import dataclasses

    from samverkan_desktop.core import model as m
    from samverkan_desktop.core.analysis.evaluation import recombined_document
    from samverkan_desktop.core.layout import layout_document

    def make(notes: int, seed: int, clustered: bool = False) -> Path:
        with Store.open(seed_workshop) as source:
            doc = recombined_document(source.document(), notes, seed=seed)
        if clustered:
            frames: list[m.Cluster] = []
            placed = list(doc.notes)
            for index in range(0, len(placed), 18):
                cid = len(frames) + 1
                parent = cid - 1 if cid % 3 == 0 else None
                frames.append(m.Cluster(id=cid, name=f"Tema {cid}", parent_id=parent))
                for i in range(index, min(index + 9, len(placed))):
                    placed[i] = dataclasses.replace(placed[i], cluster_id=cid)
            doc = dataclasses.replace(doc, clusters=tuple(frames), notes=tuple(placed))
        doc = layout_document(doc)
        path = tmp_path / f"stor-{notes}-{seed}{'-k' if clustered else ''}.samverkan"
        with Store.create(path, doc.workshop) as store:
            store.add_document(doc)
        return path

    return make


@pytest.fixture(scope="session", autouse=True)
def _swedish_plural_forms(qapp):
    """The app always runs with our translator: in Swedish it gives the plural forms ("Flytta
    1 lapp" from "Flytta %n lappar"; without it Qt says "1 lappar"). Qt's own Swedish
    (qtbase_sv) is left to the tests that ask for Swedish (`install_translators(qapp, "sv")`),
    so that an English test sees no Swedish buttons from it."""
    from PySide6.QtCore import QLocale, QTranslator

    from samverkan_desktop.ui.i18n import TRANSLATIONS

    translator = QTranslator(qapp)
    assert translator.load("samverkan_sv", str(TRANSLATIONS))
    qapp.installTranslator(translator)
    # Swedish for `current_language` too, whatever the machine's own language is.
    QLocale.setDefault(QLocale(QLocale.Language.Swedish))
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def followed(qtbot):
    """Let the clusters list catch up with the document: it follows a change a turn of the
    event loop after the board (ui/panels/clusters_panel.py)."""
    return lambda: qtbot.wait(1)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def interaction() -> ScriptedInteraction:
    return ScriptedInteraction()


@pytest.fixture
def ctx(settings, interaction, tmp_path) -> AppContext:
    return AppContext(settings, interaction, workshop_dir=tmp_path / "Samverkan")


@pytest.fixture
def type_text():
    """Type text as key presses ("\\b" is Backspace); unlike QTest.keyClicks it also types "ö"
    (QTest aborts on it)."""

    def type_into(widget, text: str) -> None:
        for ch in text:
            key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
            if ch == " ":
                key = Qt.Key.Key_Space
            elif ch == "\b":
                key, ch = Qt.Key.Key_Backspace, ""
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
                )

    return type_into


@pytest.fixture
def empty_window(qtbot, ctx):
    """The main window, shown, with no workshop open."""
    from samverkan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close_document()


@pytest.fixture
def seed_window(qtbot, empty_window, seed_workshop):
    """The main window open on a copy of the seed workshop."""
    qtbot.waitExposed(empty_window)
    assert empty_window.open_path(seed_workshop)
    return empty_window


@pytest.fixture
def when_dialog(qtbot):
    """`when_dialog(dialog_type, drive)`: let `drive` work the modal dialog of `dialog_type` that
    the next action opens (its exec() runs inside that action, so this waits on a timer). The
    dialog is made the active window first, as it is for a user (offscreen does not do it,
    and the main window's shortcuts would get the keys). Returns the dialogs seen."""
    from PySide6.QtCore import QTimer

    def arm(dialog_type: type, drive) -> list:
        seen: list = []
        tries = [0]

        def work() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, dialog_type):
                tries[0] += 1
                if tries[0] < 500:
                    QTimer.singleShot(20, work)
                return
            qtbot.waitExposed(dialog)
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            seen.append(dialog)
            drive(dialog)

        QTimer.singleShot(0, work)
        return seen

    return arm


@pytest.fixture
def file_menu_dialog(qtbot, when_dialog):
    """`file_menu_dialog(window, entry, dialog_type, drive)`: open Arkiv with the mouse, click
    the entry named `entry` and let `drive` work the modal dialog of `dialog_type` that opens
    (its exec() runs inside the click). Returns the menu entry's action."""

    def open_and_drive(window, entry: str, dialog_type: type, drive):
        bar = window.menuBar()
        file_title = next(a for a in bar.actions() if a.text() == "&Arkiv")
        qtbot.mouseClick(
            bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(file_title).center()
        )
        menu = window.file_menu
        qtbot.waitUntil(menu.isVisible)
        item = next(a for a in menu.actions() if a.text() == entry)
        assert item.isEnabled()
        seen = when_dialog(dialog_type, drive)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())
        assert seen, f"{entry} opened no dialog"
        return item

    return open_and_drive
