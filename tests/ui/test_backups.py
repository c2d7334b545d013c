"""Backups from the user's side: taken on open and while editing, restored from Arkiv ›
Återställ från säkerhetskopia… over the open file or as a new one, and offered when a file
turns out to be damaged (which is never touched)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from samverkan_desktop.core import store_backup as sb
from samverkan_desktop.core import store_file
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.dialogs.restore_backup import RestoreBackupDialog

RESTORE_ENTRY = "Återställ &från säkerhetskopia…"


def _note_count(path: Path) -> int:
    with Store.open(path, readonly=True) as store:
        return len(store.notes())


def _delete_a_note_on_the_board(qtbot, window) -> int:
    """Click the top-left note and press Delete on the board, as the facilitator does."""
    view = window.view
    note = min(window.doc.notes.values(), key=lambda n: (n.y, n.x))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.zoom_100()
    centre = window.scene.note_item(note.id).sceneBoundingRect().center()
    view.centerOn(centre)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.mapFromScene(centre),
    )
    assert window.scene.selected_note_ids() == [note.id]
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert note.id not in window.doc.notes
    return note.id


@pytest.fixture
def edited(qtbot, seed_window, seed_workshop):
    """The seed open, one backup from opening it, a note deleted on the board and the ten
    minutes run out: a second backup without that note."""
    window = seed_window
    keeper = window.workspace.backups
    [opened] = sb.list_backups(seed_workshop)
    assert keeper.last == opened.path
    assert opened.path.parent.parent == sb.backup_folder(seed_workshop).parent
    assert not keeper.timer.isActive()  # idle: no backups
    notes = _note_count(seed_workshop)
    deleted = _delete_a_note_on_the_board(qtbot, window)
    assert keeper.timer.isActive() and keeper.timer.interval() == 10 * 60 * 1000
    keeper.timer.timeout.emit()  # ten minutes later
    assert not keeper.timer.isActive()
    backups = sb.list_backups(seed_workshop)
    assert [b.notes for b in backups] == [notes - 1, notes]
    return window, deleted, notes


def test_opening_for_writing_backs_up_and_closing_after_a_change_too(
    qtbot, seed_window, seed_workshop
):
    window = seed_window
    assert len(sb.list_backups(seed_workshop)) == 1
    _delete_a_note_on_the_board(qtbot, window)
    window.close_document()  # before the ten minutes: the close takes it
    assert [b.notes for b in sb.list_backups(seed_workshop)] == [
        _note_count(seed_workshop),
        _note_count(seed_workshop) + 1,
    ]


def test_a_read_only_workshop_is_not_backed_up(qtbot, ctx, seed_workshop):
    from samverkan_desktop.ui.main_window import MainWindow
    from samverkan_desktop.ui.workspace import Workspace

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    ws = Workspace(Store.open(seed_workshop, readonly=True), seed_workshop, window)
    assert not ws.backups.enabled and ws.backups.take() is None
    ws.close()
    assert sb.list_backups(seed_workshop) == []


def test_replace_the_open_file_with_an_older_backup(
    qtbot, file_menu_dialog, edited, seed_workshop, interaction
):
    window, deleted, notes = edited
    interaction.will_answer(True)

    def drive(dialog: RestoreBackupDialog) -> None:
        assert dialog.list.topLevelItemCount() == 2
        assert dialog.list.topLevelItem(0).text(1) == str(notes - 1)
        dialog.grab().save("/tmp/restore.png")
        dialog.select(1)  # the one from when the workshop opened
        qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)

    file_menu_dialog(window, RESTORE_ENTRY, RestoreBackupDialog, drive)

    [(kind, question)] = interaction.asked
    assert kind == "confirm" and "Ersätta orebro.samverkan" in question
    assert window.path == seed_workshop and deleted in window.doc.notes
    assert window.scene.note_item(deleted) is not None  # the board shows the restored content
    assert _note_count(seed_workshop) == notes
    assert not store_file.journal_path(seed_workshop.resolve()).exists()
    assert "återställd" in window.statusBar().currentMessage()
    # Newest first: the restored file as it opened, the file as it was before the restore (so
    # the restore can be undone), then the two from before.
    assert [b.notes for b in sb.list_backups(seed_workshop)] == [notes, notes - 1, notes - 1, notes]
    assert interaction.errors() == []


def test_replace_asks_first_and_a_no_changes_nothing(
    qtbot, file_menu_dialog, edited, seed_workshop, interaction
):
    window, deleted, notes = edited
    interaction.will_answer(False)
    workspace = window.workspace

    def drive(dialog: RestoreBackupDialog) -> None:
        dialog.select(1)
        qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)

    file_menu_dialog(window, RESTORE_ENTRY, RestoreBackupDialog, drive)
    assert window.workspace is workspace and deleted not in window.doc.notes
    assert _note_count(seed_workshop) == notes - 1


def test_restore_as_a_new_file_opens_it(
    qtbot, file_menu_dialog, edited, seed_workshop, interaction, tmp_path
):
    window, deleted, notes = edited
    target = tmp_path / "från säkerhetskopian"
    interaction.will_select_files(target)

    def drive(dialog: RestoreBackupDialog) -> None:
        dialog.select(1)
        qtbot.mouseClick(dialog.as_new_button, Qt.MouseButton.LeftButton)

    file_menu_dialog(window, RESTORE_ENTRY, RestoreBackupDialog, drive)

    opened = target.with_name(target.name + ".samverkan")
    assert window.path == opened and deleted in window.doc.notes
    assert _note_count(opened) == notes
    assert _note_count(seed_workshop) == notes - 1  # the open file was left as it was
    assert interaction.errors() == []


def test_closing_the_dialog_does_nothing(
    qtbot, file_menu_dialog, edited, seed_workshop, interaction
):
    window, _, notes = edited

    def drive(dialog: RestoreBackupDialog) -> None:
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    file_menu_dialog(window, RESTORE_ENTRY, RestoreBackupDialog, drive)
    assert interaction.asked == [] and _note_count(seed_workshop) == notes - 1


def test_the_menu_entry_needs_an_open_workshop(empty_window):
    assert not empty_window.files.restore.isEnabled()


# ------------------------------------------------------------------------ a damaged file
def _damage_middle(path: Path) -> None:
    con = sqlite3.connect(path)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    start = (pages // 2) * size
    data[start : start + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    path.write_bytes(bytes(data))
    with pytest.raises(store_file.DamagedFile):
        store_file.revision(path)


@pytest.fixture
def damaged(qtbot, empty_window, seed_workshop):
    window = empty_window
    qtbot.waitExposed(window)
    assert window.open_path(seed_workshop)  # a backup on opening
    window.close_document()
    _damage_middle(seed_workshop)
    return window, seed_workshop, seed_workshop.read_bytes()


def test_a_damaged_file_offers_its_newest_backup_as_a_new_file(damaged, interaction):
    window, path, before = damaged
    interaction.will_answer(True)

    assert window.open_path(path)

    [(kind, question)] = interaction.asked
    assert kind == "confirm"
    assert "orebro.samverkan är en skadad databas" in question
    assert "Den skadade filen lämnas som den är" in question
    assert window.path is not None and window.path != path
    assert window.path.parent == path.parent
    assert window.path.name.startswith("orebro (återställd ")
    assert window.path.name in question
    assert len(window.doc.notes) == _note_count(window.path) > 0
    assert path.read_bytes() == before  # never overwritten or changed
    assert sorted(p.name for p in path.parent.glob("orebro*")) == sorted(
        ["orebro.samverkan", window.path.name]
    )


def test_a_damaged_file_whose_backup_is_declined_stays_as_it_is(damaged, interaction):
    window, path, before = damaged
    interaction.will_answer(False)
    assert not window.open_path(path)
    assert window.workspace is None and path.read_bytes() == before
    assert list(path.parent.glob("*återställd*")) == []


def test_a_damaged_file_without_backups_says_so(qtbot, empty_window, seed_workshop, interaction):
    _damage_middle(seed_workshop)
    before = seed_workshop.read_bytes()
    assert not empty_window.open_path(seed_workshop)
    [error] = interaction.errors()
    assert "skadad" in error and "ingen säkerhetskopia" in error
    assert interaction.asked == [] and seed_workshop.read_bytes() == before


def test_a_copied_backup_opens_by_hand(qtbot, empty_window, seed_workshop, tmp_path):
    qtbot.waitExposed(empty_window)
    assert empty_window.open_path(seed_workshop)
    empty_window.close_document()
    [backup] = sb.list_backups(seed_workshop)
    copy = tmp_path / "kopia" / backup.path.name
    copy.parent.mkdir()
    shutil.copyfile(backup.path, copy)
    assert empty_window.open_path(copy)
    assert len(empty_window.doc.notes) == backup.notes


# ------------------------------------------------------------------------ in English
def test_in_english_the_dialog_and_the_offer_have_no_swedish_left(
    qapp, qtbot, damaged, interaction
):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from samverkan_desktop.ui.i18n import install_translators, remove_translators

    window, path, _ = damaged
    translators = install_translators(qapp, "en")
    try:
        backups = sb.list_backups(path)
        dialog = RestoreBackupDialog(path, backups, window)
        qtbot.addWidget(dialog)
        dialog.show()
        shown = [dialog.windowTitle(), dialog.list.topLevelItem(0).text(0)]
        shown += [dialog.list.headerItem().text(c) for c in range(4)]
        shown += [
            w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        ]
        shown += [
            w.toolTip() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        ]
        assert "Restore as a new file…" in shown and "Notes" in shown
        assert shown[1].startswith("today ")
        assert [t for t in shown if any(ch in t.lower() for ch in "åäö")] == []
        # The window was made before the language changed: ask for the menu text directly.
        assert QCoreApplication.translate("FileActions", "Återställ &från säkerhetskopia…") == (
            "Restore from &backup…"
        )

        interaction.will_answer(False)
        window.open_path(path)
        [(_, question)] = interaction.asked
        offer = question.split("\n\n", 1)[1]  # the first line is the store's (Swedish) reason
        assert offer.startswith("The newest backup is from today ")
        assert "restored" in offer and "återställd" not in offer
    finally:
        remove_translators(qapp, translators)


def test_a_damaged_file_in_a_folder_that_takes_no_files_asks_where_to_put_the_backup(
    damaged, interaction, tmp_path, monkeypatch
):
    window, path, before = damaged
    elsewhere = tmp_path / "annanstans" / "orebro.samverkan"
    elsewhere.parent.mkdir()
    interaction.will_answer(True)
    interaction.will_select_files(elsewhere)
    restore = sb.restore_as_new

    def read_only_folder(backup: Path, target: Path) -> Path:
        if target.parent == path.parent:  # as a read-only network share answers
            raise sb.BackupError(f"Kunde inte återställa till {target.name}: behörighet saknas.")
        return restore(backup, target)

    monkeypatch.setattr(sb, "restore_as_new", read_only_folder)
    assert window.open_path(path)
    assert window.path == elsewhere and path.read_bytes() == before
    assert "behörighet saknas" in interaction.errors()[0]
    assert [kind for kind, _ in interaction.asked] == ["confirm", "save"]


def test_damage_found_only_when_the_notes_are_read_offers_the_backup_too(
    qtbot, empty_window, seed_workshop, interaction
):
    """Text that is not UTF-8 passes every check on open and fails when the board reads it;
    the window says so and offers the backup instead of showing nothing."""
    window = empty_window
    qtbot.waitExposed(window)
    assert window.open_path(seed_workshop)  # a backup on opening
    window.close_document()
    con = sqlite3.connect(seed_workshop)
    con.execute("UPDATE notes SET text = CAST(X'C328' AS TEXT) WHERE id = 9")
    con.commit()
    con.close()
    before = seed_workshop.read_bytes()
    interaction.will_answer(True)

    assert window.open_path(seed_workshop)

    [(kind, question)] = interaction.asked
    assert kind == "confirm" and "orebro.samverkan är skadad" in question
    assert window.path.name.startswith("orebro (återställd ")
    assert len(window.doc.notes) == _note_count(window.path) == 216
    assert seed_workshop.read_bytes() == before
