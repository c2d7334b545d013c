"""The File menu driven like a user would, with the dialogs answered by a script."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import Qt

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.dialogs.import_preview import ImportPreviewDialog


@pytest.fixture
def window(empty_window):
    return empty_window


def _preview(when_dialog, click: str = "import", *, take_duplicates: bool = False) -> list[str]:
    """Work the import preview the next import opens as a user would: optionally tick the
    possible duplicates back in, then click Import (or Cancel). Returns its notice, once seen."""
    from pytestqt.qtbot import QtBot

    notices: list[str] = []

    def drive(dialog: ImportPreviewDialog) -> None:
        notices.append(dialog.notice.text())
        if take_duplicates:
            QtBot.mouseClick(dialog.duplicates_button, Qt.MouseButton.LeftButton)
        button = dialog.import_button if click == "import" else dialog.cancel_button
        QtBot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_dialog(ImportPreviewDialog, drive)
    return notices


def test_import_into_an_empty_workshop_is_undone_in_one_step(
    when_dialog, window, interaction, tmp_path, seed_path, followed
):
    interaction.will_select_files(tmp_path / "tom", seed_path)
    window.files.new.trigger()
    assert window.path == tmp_path / "tom.samverkan"
    assert window.doc.workshop.title == "tom" and len(window.doc.notes) == 0

    seen = _preview(when_dialog)
    window.files.import_.trigger()
    assert seen
    assert len(window.doc.notes) == 216
    followed()
    assert window.clusters_panel.tree.topLevelItemCount() == 16
    assert window.progress.label.text().endswith("av 216 lappar klustrade")
    assert window.undo_action.text() == "Ångra Importera orebro-2021-11-10.txt"

    window.undo_action.trigger()
    assert len(window.doc.notes) == 0 and window.doc.groups == {}
    followed()
    assert window.clusters_panel.empty.isVisible()
    with Store.open(tmp_path / "tom.samverkan", readonly=True) as store:  # the window writes it
        assert store.notes() == []
    window.redo_action.trigger()
    assert len(window.doc.notes) == 216


def test_a_second_import_lands_to_the_right_of_what_is_there(
    when_dialog, window, interaction, seed_workshop, seed_path
):
    window.open_path(seed_workshop)
    right_edge = max(n.x for n in window.doc.notes.values())
    before = set(window.doc.notes)
    interaction.will_select_files(seed_path)
    # The same file again: its notes ticked back in.
    seen = _preview(when_dialog, take_duplicates=True)
    window.files.import_.trigger()
    assert seen
    added = set(window.doc.notes) - before
    assert len(added) == 216
    assert min(window.doc.note(i).x for i in added) > right_edge


def test_import_with_nothing_open_makes_a_workshop_beside_the_source(
    when_dialog, window, interaction, tmp_path, seed_path
):
    source = tmp_path / "notes" / "orebro.txt"
    source.parent.mkdir()
    shutil.copyfile(seed_path, source)
    interaction.will_select_files(source)
    seen = _preview(when_dialog)
    window.files.import_.trigger()

    assert window.path == source.with_suffix(".samverkan")
    assert len(window.doc.notes) == 216
    [notice] = seen
    assert "orebro.samverkan" in notice
    assert window.doc.undo_stack.count() == 0  # a new file, not an edit of one


def test_import_with_nothing_open_can_be_declined(
    when_dialog, window, interaction, tmp_path, seed_path
):
    interaction.will_select_files(seed_path)
    seen = _preview(when_dialog, "cancel")
    window.files.import_.trigger()
    assert seen
    assert window.doc is None
    assert list(tmp_path.glob("*.samverkan")) == []


def test_a_bad_import_says_why_once_and_changes_nothing(
    window, interaction, seed_workshop, tmp_path
):
    window.open_path(seed_workshop)
    bad = tmp_path / "rapport.pdf"
    bad.write_bytes(b"%PDF-1.4 ...")
    interaction.will_select_files(bad)
    window.files.import_.trigger()
    [message] = interaction.errors()
    assert "PDF" in message and "\n" not in message and "Traceback" not in message
    assert len(window.doc.notes) == 216 and window.doc.undo_stack.count() == 0


def test_opening_a_file_that_is_not_a_workshop_keeps_the_open_one(
    window, interaction, seed_workshop, tmp_path
):
    window.open_path(seed_workshop)
    bad = tmp_path / "inte.samverkan"
    bad.write_text("hej")
    interaction.will_select_files(bad)
    window.files.open.trigger()
    assert interaction.errors() == ["inte.samverkan är ingen Samverkan-workshopfil."]
    assert window.path == seed_workshop


def test_save_a_copy_writes_a_whole_workshop_and_keeps_working_on_the_original(
    window, interaction, seed_workshop, tmp_path
):
    window.open_path(seed_workshop)
    copy = tmp_path / "kopia.samverkan"
    interaction.will_select_files(copy)
    window.files.save_copy.trigger()
    with Store.open(copy) as store:
        assert len(store.notes()) == 216
    assert window.path == seed_workshop

    interaction.will_select_files(seed_workshop)  # over itself: refused
    window.files.save_copy.trigger()
    assert "den öppna filen" in interaction.errors()[-1]


def test_export_json_asks_about_personal_data(window, interaction, seed_workshop, tmp_path):
    window.open_path(seed_workshop)
    private = [n for n in window.doc.notes.values() if n.personal_data]
    target = tmp_path / "ut.json"
    interaction.will_select_files(target)
    interaction.will_pick(0)  # leave the personal data out
    window.files.exports["json"].trigger()

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "samverkan-workshop" and len(data["notes"]) == 216
    if private:
        assert interaction.asked[0][0] == "choose"
        assert private[0].text not in target.read_text(encoding="utf-8")


def test_recent_files_are_remembered_and_reopened(window, ctx, seed_workshop):
    window.open_path(seed_workshop)
    window.close_document()
    assert ctx.settings.recent_files() == [str(seed_workshop.resolve())]
    window.files.recent_menu.aboutToShow.emit()
    first = window.files.recent_menu.actions()[0]
    assert first.text() == "orebro.samverkan"
    first.trigger()
    assert window.path == seed_workshop


def test_the_start_page_opens_the_sample(qtbot, window, ctx):
    assert window.stack.currentWidget() is window.start_page
    window.start_page.sample_button.click()
    assert window.path == ctx.workshop_dir / "orebro-2021-11-10.samverkan"
    assert len(window.doc.notes) == 216
    assert window.stack.currentWidget() is window.view
