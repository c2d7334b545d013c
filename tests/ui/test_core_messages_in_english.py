"""An English user sees core's errors and import warnings in English (issue 12): what core
raises carries a code, and the window shows it in the language the UI runs in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from samverkan_desktop.ui.dialogs.import_preview import ImportPreviewDialog
from samverkan_desktop.ui.i18n import current_language, install_translators, remove_translators
from samverkan_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def english_window(qapp, qtbot, ctx, seed_workshop):
    """The main window made and run in English, open on a copy of the seed workshop."""
    before = QLocale()
    translators = install_translators(qapp, "en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(seed_workshop)
    assert current_language() == "en"
    yield window
    window.close_document()
    remove_translators(qapp, translators)
    QLocale.setDefault(before)


def _import_with_ctrl_i(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)


def test_importing_an_empty_file_says_so_in_english(qtbot, english_window, interaction, tmp_path):
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"\n  \n")
    interaction.will_select_files(empty)
    notes_before = len(english_window.doc.notes)

    _import_with_ctrl_i(qtbot, english_window)

    assert interaction.messages == [("critical", "Cannot import", "tom.txt is empty.")]
    assert len(english_window.doc.notes) == notes_before


def test_a_json_file_that_is_not_json_says_where_in_english(
    qtbot, english_window, interaction, tmp_path
):
    bad = tmp_path / "export.json"
    bad.write_text('{"format": "samverkan-workshop",\n  oops', encoding="utf-8")
    interaction.will_select_files(bad)

    _import_with_ctrl_i(qtbot, english_window)

    assert interaction.errors() == ["export.json: invalid JSON at line 2, column 3."]


def test_the_import_preview_lists_the_warnings_in_english(
    qtbot, english_window, interaction, when_dialog, tmp_path
):
    table = tmp_path / "lappar.csv"
    table.write_text("Text,Grupp\nHej,A\nEnsam\n", encoding="utf-8")
    interaction.will_select_files(table)
    shown: list[str] = []

    def drive(dialog: ImportPreviewDialog) -> None:
        shown.extend(dialog.warnings.item(i).text() for i in range(dialog.warnings.count()))
        shown.append(dialog.warnings_box.title())
        dialog.grab().save(str(tmp_path / "preview-en.png"))
        dialog.reject()

    seen = when_dialog(ImportPreviewDialog, drive)
    _import_with_ctrl_i(qtbot, english_window)

    assert seen
    assert shown == [
        "line 3: the row has 1 field but the table has 2; the missing ones are left empty.",
        "Warnings (1)",
    ]
