"""Keys as users expect them, driven through the real window: Ctrl+Y and Ctrl+Shift+Z both redo,
shortcut names in one language (Skift / Shift) in every menu and the board's right-click menu,
Hjälp › Kortkommandon (F1) built from the real actions, the version in the About box."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from samverkan_desktop import __version__
from samverkan_desktop.ui import commands as cmd
from samverkan_desktop.ui.dialogs.about import AboutDialog
from samverkan_desktop.ui.i18n import install_translators, remove_translators
from samverkan_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def translated(qapp, request):
    translators = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)


def _activate(qtbot, window: MainWindow) -> None:
    window.activateWindow()  # the keyboard goes to the active window, as for a user
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _all_actions(window: MainWindow) -> Iterator[QAction]:
    def walk(menu: QMenu) -> Iterator[QAction]:
        for act in menu.actions():
            if act.menu() is not None:
                yield from walk(act.menu())
            elif not act.isSeparator():
                yield act

    for top in window.menuBar().actions():
        yield from walk(top.menu())
    assert window.board_actions is not None
    yield from (a for a in window.board_actions.context_menu_actions() if a is not None)
    yield from window.view.actions()


@pytest.mark.parametrize("key", ["ctrl+y", "ctrl+shift+z"])
def test_redo_answers_ctrl_y_and_ctrl_shift_z(qtbot, seed_window, key) -> None:
    window, doc = seed_window, seed_window.doc
    note_id = min(doc.notes)
    votes = doc.note(note_id).votes
    doc.push(cmd.SetVotesCommand(doc, {note_id: votes + 2}))
    _activate(qtbot, window)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert doc.store.note(note_id).votes == votes

    if key == "ctrl+y":
        QTest.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    else:
        QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert doc.store.note(note_id).votes == votes + 2
    assert doc.undo_stack.index() == doc.undo_stack.count() == 1
    keys = window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys and QKeySequence("Ctrl+Shift+Z") in keys


@pytest.mark.parametrize(
    ("translated", "wrong", "right"),
    [("sv", "Shift", "Skift"), ("en", "Skift", "Shift")],
    indirect=["translated"],
)
def test_every_shortcut_is_named_in_the_ui_language(
    qtbot, translated, seed_window, wrong, right
) -> None:
    window = seed_window
    shown = [s.toString(NATIVE) for act in _all_actions(window) for s in act.shortcuts()]
    assert any(right in text for text in shown)  # Ctrl+Shift+S, Shift+Del, ...
    assert [t for t in shown if wrong in t] == []
    window.show_shortcuts()
    sheet_keys = [keys for _, _, keys in window.shortcut_sheet.rows()]
    assert any(right in k for k in sheet_keys) and not any(wrong in k for k in sheet_keys)


def test_f1_opens_the_shortcut_sheet_from_the_real_actions_and_esc_closes_it(
    qtbot, seed_window
) -> None:
    window = seed_window
    assert window.shortcuts_action in window.help_menu.actions()
    _activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_F1)
    sheet = window.shortcut_sheet
    assert sheet is not None
    qtbot.waitUntil(sheet.isVisible)
    rows = sheet.rows()
    assert ("Redigera", "Gruppera som kluster", "Ctrl+G") in rows
    assert ("Redigera", "Gör om", "Ctrl+Y, Ctrl+Shift+Z") in rows
    assert ("Sortera", "Var hör lappen hemma?", "Ctrl+Shift+H") in rows
    assert ("Hjälp", "Kortkommandon", "F1") in rows
    # Every action with a shortcut in a menu is on the sheet; nothing else is.
    first_keys = {(c, k.split(", ")[0]) for _, c, k in rows}
    for top in window.menuBar().actions():
        for act in top.menu().actions():
            if act.isVisible() and not act.shortcut().isEmpty() and act is not window.undo_action:
                shown = (act.text().replace("&", ""), act.shortcut().toString(NATIVE))
                assert shown in first_keys
    assert len(rows) == len(set(rows))

    sheet.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    QTest.keyClick(sheet, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.shortcut_sheet is None)


def test_the_sheet_lists_only_what_works_without_a_workshop(qtbot, empty_window) -> None:
    empty_window.show_shortcuts()
    menus = {menu for menu, _, _ in empty_window.shortcut_sheet.rows()}
    assert "Sortera" not in menus  # hidden until a workshop is open
    assert ("Arkiv", "Öppna…", "Ctrl+O") in empty_window.shortcut_sheet.rows()


def test_hand_written_key_hints_name_the_keys_as_the_menus_do(empty_window) -> None:
    window = empty_window
    assert window.zoom_label.toolTip() == "Zoom (Ctrl+hjul; Ctrl+0 visar hela tavlan)"
    assert window.search_panel.field.placeholderText() == "Sök i lapparna (Ctrl+F)"
    assert window.clusters_panel.empty.text().endswith("tryck Ctrl+G.")


def _about_text(window: MainWindow, when_dialog) -> tuple[str, str]:
    """Hjälp › Om opened from its menu entry: the dialog's title and text; Esc closes it."""
    shown: list[tuple[str, str]] = []

    def read(dialog: AboutDialog) -> None:
        shown.append((dialog.windowTitle(), dialog.text()))
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    when_dialog(AboutDialog, read)
    window.about_action.trigger()  # returns when the dialog has closed
    assert shown, "the About dialog did not open"
    return shown[0]


def test_about_shows_the_version(empty_window, when_dialog) -> None:
    title, text = _about_text(empty_window, when_dialog)
    assert title == "Om Samverkan Desktop" and f"Samverkan Desktop {__version__}" in text


@pytest.mark.parametrize("translated", ["en"], indirect=True)
def test_in_english_the_sheet_the_about_box_and_the_zoom_tip_are_english(
    qtbot, translated, ctx, interaction, seed_workshop, when_dialog
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(seed_workshop)
    try:
        assert window.shortcuts_action.text() == "&Keyboard shortcuts"
        window.show_shortcuts()
        sheet = window.shortcut_sheet
        assert sheet.windowTitle() == "Keyboard shortcuts"
        header = sheet.tree.headerItem()
        assert (header.text(0), header.text(1)) == ("Command", "Shortcut")
        rows = sheet.rows()
        assert ("Edit", "Group as cluster", "Ctrl+G") in rows
        assert ("Edit", "Redo", "Ctrl+Y, Ctrl+Shift+Z") in rows
        assert ("Help", "Keyboard shortcuts", "F1") in rows
        _title, text = _about_text(window, when_dialog)
        assert f"Samverkan Desktop {__version__}" in text and "sorts workshop notes" in text
        assert window.zoom_label.toolTip() == "Zoom (Ctrl+wheel; Ctrl+0 shows the whole board)"
        assert window.search_panel.field.placeholderText() == "Search the notes (Ctrl+F)"
        assert window.clusters_panel.empty.text().endswith("press Ctrl+G.")
    finally:
        window.close_document()
