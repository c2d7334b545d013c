"""Hjälp › Om Samverkan Desktop, opened from the real menu: version, licence, Qt and Python, and
where the settings file and the backups are, as selectable plain text that "Kopiera" copies."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import QSettings, Qt, qVersion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from samverkan_desktop import __version__
from samverkan_desktop.ui.context import AppContext
from samverkan_desktop.ui.dialogs.about import AboutDialog
from samverkan_desktop.ui.main_window import MainWindow
from samverkan_desktop.ui.settings import Settings


def _open_about(qtbot, window: MainWindow, when_dialog, drive) -> list:
    """Hjälp › Om Samverkan Desktop, picked from the Hjälp menu's own entry."""
    entry = next(a for a in window.help_menu.actions() if a.text() == "Om Samverkan Desktop")
    seen = when_dialog(AboutDialog, drive)
    entry.trigger()  # exec() returns once `drive` has closed the dialog
    assert seen, "Hjälp › Om did not open the About dialog"
    return seen


def test_about_names_version_licence_qt_python_and_the_paths(
    qtbot, empty_window, when_dialog, settings, _private_data_dir
) -> None:
    read: dict[str, str] = {}

    def drive(dialog: AboutDialog) -> None:
        read["title"] = dialog.windowTitle()
        read["details"] = dialog.details.toPlainText()
        read["text"] = dialog.text()
        dialog.grab().save(str(_private_data_dir / "about.png"))
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        read["clipboard"] = QApplication.clipboard().text()
        read["button"] = dialog.copy_button.text()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    _open_about(qtbot, empty_window, when_dialog, drive)
    assert read["title"] == "Om Samverkan Desktop"
    lines = read["details"].splitlines()
    assert f"Version: {__version__}" in lines
    assert "Licens: MIT" in lines
    assert f"Qt: {qVersion()} (PySide6 {PySide6.__version__})" in lines
    assert f"Python: {platform.python_version()}" in lines
    assert f"Inställningar: {settings.qsettings.fileName()}" in lines
    assert f"Säkerhetskopior: {_private_data_dir / 'backups'}" in lines
    assert read["text"].startswith(f"Samverkan Desktop {__version__}")
    # Kopiera: everything the dialog says, paths included, ready for an e-mail.
    assert read["clipboard"] == read["text"]
    assert str(_private_data_dir / "backups") in read["clipboard"]
    assert read["button"] == "Kopierat"


def test_the_paths_are_selectable_plain_text(
    qtbot, tmp_path, interaction, when_dialog, _private_data_dir
) -> None:
    # A folder name that looks like markup must show as written, not as bold text.
    odd = tmp_path / "<b>fet & <i>mappen"
    odd.mkdir()
    ini = odd / "settings.ini"
    ctx = AppContext(
        Settings(QSettings(str(ini), QSettings.Format.IniFormat)),
        interaction,
        workshop_dir=tmp_path / "Samverkan",
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    read: dict[str, object] = {}

    def drive(dialog: AboutDialog) -> None:
        box = dialog.findChild(QPlainTextEdit, "aboutDetails")
        read["read_only"] = box.isReadOnly()
        box.setFocus()
        box.selectAll()
        read["selected"] = box.textCursor().selectedText()
        read["format"] = dialog.summary.textFormat()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    _open_about(qtbot, window, when_dialog, drive)
    assert read["read_only"] is True
    assert f"Inställningar: {ini}" in str(read["selected"])
    assert "<b>fet & <i>mappen" in str(read["selected"])
    assert read["format"] == Qt.TextFormat.PlainText


def test_the_backups_folder_follows_the_data_folder_setting(
    qtbot, empty_window, when_dialog, tmp_path, monkeypatch
) -> None:
    elsewhere = tmp_path / "annan plats"
    monkeypatch.setenv("SAMVERKAN_DATA_DIR", str(elsewhere))
    shown: list[str] = []

    def drive(dialog: AboutDialog) -> None:
        shown.append(dialog.details.toPlainText())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    _open_about(qtbot, empty_window, when_dialog, drive)
    assert f"Säkerhetskopior: {elsewhere / 'backups'}" in shown[0].splitlines()
