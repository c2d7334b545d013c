"""File > Export report…: the facilitator picks a format and options and gets the file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "core" / "export"))

import workshops  # noqa: E402

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.ui.context import ScriptedInteraction  # noqa: E402
from samverkan_desktop.ui.dialogs.export_report import ExportReportDialog  # noqa: E402


@pytest.fixture
def small_doc(tmp_path: Path) -> m.Document:
    return workshops.small_document(tmp_path)


def _dialog(qtbot, doc: m.Document, folder: Path) -> tuple[ExportReportDialog, ScriptedInteraction]:
    interaction = ScriptedInteraction()
    dialog = ExportReportDialog(doc, interaction, str(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, interaction


def _choose_format(qtbot, dialog: ExportReportDialog, name: str) -> None:
    box = dialog.format_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    while box.currentData() != name:
        qtbot.keyClick(box, Qt.Key.Key_Down)


def _click_export(qtbot, dialog: ExportReportDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_redacted_pdf_with_pdfa_is_written_where_the_user_chose(
    qtbot, small_doc: m.Document, tmp_path: Path
) -> None:
    dialog, interaction = _dialog(qtbot, small_doc, tmp_path)
    assert dialog.format_box.currentData() == "pdf"
    assert dialog.path_edit.text().endswith("Fördjupningsdag om samverkan.pdf")
    qtbot.mouseClick(dialog.redact_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pdfa_box, Qt.MouseButton.LeftButton)
    target = tmp_path / "till diariet.pdf"
    interaction.will_select_files(target)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(target)
    _click_export(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    reader = PdfReader(target)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Lovisa" not in text and "[borttaget]" in text
    assert 'pdfaid:part="1"' in reader.xmp_metadata.stream.get_data().decode()


def test_options_follow_the_format(qtbot, small_doc: m.Document, tmp_path: Path) -> None:
    dialog, _ = _dialog(qtbot, small_doc, tmp_path)
    assert dialog.pdfa_box.isEnabled() and not dialog.separator_box.isEnabled()
    _choose_format(qtbot, dialog, "csv")
    assert not dialog.pdfa_box.isEnabled() and dialog.separator_box.isEnabled()
    assert dialog.path_edit.text().endswith(".csv")
    dialog.separator_box.setFocus()
    qtbot.keyClick(dialog.separator_box, Qt.Key.Key_Down)
    _click_export(qtbot, dialog)
    out = Path(dialog.path_edit.text())
    assert out.read_bytes().startswith(b"\xef\xbb\xbfId;Text;Grupp;")


def test_word_report_in_english(qtbot, small_doc: m.Document, tmp_path: Path) -> None:
    dialog, _ = _dialog(qtbot, small_doc, tmp_path)
    _choose_format(qtbot, dialog, "docx")
    dialog.language_box.setFocus()
    qtbot.keyClick(dialog.language_box, Qt.Key.Key_Down)
    _click_export(qtbot, dialog)
    document = docx.Document(str(dialog.written))
    assert "Summary" in [p.text for p in document.paragraphs]


def test_an_unwritable_target_is_one_line_and_the_dialog_stays(
    qtbot, small_doc: m.Document, tmp_path: Path
) -> None:
    dialog, interaction = _dialog(qtbot, small_doc, tmp_path)
    folder = tmp_path / "rapport.pdf"
    folder.mkdir()
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(folder))
    _click_export(qtbot, dialog)
    assert dialog.isVisible() and dialog.written is None
    [error] = interaction.errors()
    assert "är en mapp" in error and "\n" not in error


# ------------------------------------------------------------------ from the main window's menu
def _window(qtbot, ctx, workshop: Path):
    from samverkan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(workshop)
    return window


REPORT_ENTRY = "Exportera &rapport…"


def test_file_menu_export_report_writes_the_pdf_the_user_chose(
    qtbot, file_menu_dialog, ctx, interaction, seed_workshop: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, ctx, seed_workshop)
    target = tmp_path / "till rådet.pdf"
    interaction.will_select_files(target)

    def drive(dialog: ExportReportDialog) -> None:
        assert dialog.format_box.currentData() == "pdf"
        assert dialog.language_box.currentData() == "sv"
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
        _click_export(qtbot, dialog)

    item = file_menu_dialog(window, REPORT_ENTRY, ExportReportDialog, drive)
    assert item.shortcut().toString() == "Ctrl+E"
    # Each on some page, read from the front until all are found (the seed's report has 18
    # pages; reading them all took pypdf seconds). pypdf reads some of Qt's word gaps as tabs.
    wanted = {"Fördjupningsdag om samverkan", "Sammanfattning", "Sida 1 av"}
    for page in PdfReader(target).pages:
        wanted = {w for w in wanted if w not in page.extract_text().replace("\t", " ")}
        if not wanted:
            break
    assert not wanted, wanted
    assert "till rådet.pdf" in window.statusBar().currentMessage()
    assert interaction.errors() == []
    window.close_document()


def test_the_report_language_follows_the_ui_language(
    qtbot, file_menu_dialog, ctx, interaction, seed_workshop: Path, tmp_path: Path
) -> None:
    from samverkan_desktop.ui.settings import LANGUAGE

    ctx.settings.set(LANGUAGE, "en")
    window = _window(qtbot, ctx, seed_workshop)
    target = tmp_path / "report.docx"

    def drive(dialog: ExportReportDialog) -> None:
        assert dialog.language_box.currentData() == "en"
        _choose_format(qtbot, dialog, "docx")
        dialog.path_edit.clear()
        qtbot.keyClicks(dialog.path_edit, str(target))
        _click_export(qtbot, dialog)

    file_menu_dialog(window, REPORT_ENTRY, ExportReportDialog, drive)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Summary" in paragraphs and "Sammanfattning" not in paragraphs
    window.close_document()


def test_cancelling_the_dialog_writes_nothing(
    qtbot, file_menu_dialog, ctx, seed_workshop: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, ctx, seed_workshop)
    ctx.settings.sync()
    before = sorted(p.name for p in tmp_path.iterdir())

    def drive(dialog: ExportReportDialog) -> None:
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    file_menu_dialog(window, REPORT_ENTRY, ExportReportDialog, drive)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    window.close_document()


def _type_path(qtbot, dialog: ExportReportDialog, path: Path | str) -> None:
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(path))


def test_an_old_report_open_in_a_reader_stays_and_the_dialog_says_why(
    qtbot, small_doc: m.Document, tmp_path: Path, monkeypatch
) -> None:
    old = tmp_path / "rapport.pdf"
    old.write_bytes(b"gammal rapport")
    replace = os.replace

    def locked(src, dst):
        if Path(dst) == old:  # what Windows does to a PDF open in a reader
            raise PermissionError(13, "Access is denied", str(dst))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    dialog, interaction = _dialog(qtbot, small_doc, tmp_path)
    _type_path(qtbot, dialog, old)
    _click_export(qtbot, dialog)
    assert dialog.isVisible() and dialog.written is None
    [error] = interaction.errors()
    assert "Kunde inte ersätta rapport.pdf" in error and "Stäng den" in error
    assert "\n" not in error
    assert old.read_bytes() == b"gammal rapport"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf", "small.samverkan"]
    # Closed in the reader, the same click now writes it.
    monkeypatch.setattr(os, "replace", replace)
    _click_export(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert old.read_bytes().startswith(b"%PDF")


def test_a_folder_that_takes_no_files_is_one_line_and_the_dialog_stays(
    qtbot, small_doc: m.Document, tmp_path: Path
) -> None:
    dialog, interaction = _dialog(qtbot, small_doc, tmp_path)
    _type_path(qtbot, dialog, "/proc/rapport.pdf")  # not writable even for root
    _click_export(qtbot, dialog)
    assert dialog.isVisible() and dialog.written is None
    [error] = interaction.errors()
    assert error.startswith("Kan inte skriva i /proc") and "\n" not in error


def test_further_names_are_removed_and_kept_in_the_workshop_for_next_time(
    qtbot, file_menu_dialog, ctx, seed_workshop: Path, tmp_path: Path, type_text
) -> None:
    from samverkan_desktop.core.store import Store

    with Store.open(seed_workshop) as store:
        store.add_note("Kalle Ek och Stina Berg ordnar lokalen")
    window = _window(qtbot, ctx, seed_workshop)
    target = tmp_path / "till diariet.md"

    def drive(dialog: ExportReportDialog) -> None:
        assert not dialog.names_edit.isEnabled()  # only with redaction
        _choose_format(qtbot, dialog, "md")
        qtbot.mouseClick(dialog.redact_box, Qt.MouseButton.LeftButton)
        assert dialog.names_edit.isEnabled()
        dialog.names_edit.setFocus()
        type_text(dialog.names_edit, "Kalle Ek, Stina Berg")
        _type_path(qtbot, dialog, target)
        _click_export(qtbot, dialog)

    file_menu_dialog(window, REPORT_ENTRY, ExportReportDialog, drive)
    text = target.read_text("utf-8")
    for secret in ("Kalle", "Stina", "Anette Valdemarsson", "ah@hma.se"):
        assert secret not in text, secret
    assert "ordnar lokalen" in text

    def look(dialog: ExportReportDialog) -> None:
        assert dialog.names_edit.text() == "Kalle Ek, Stina Berg"
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    file_menu_dialog(window, REPORT_ENTRY, ExportReportDialog, look)
    window.close_document()


def test_in_english_the_dialog_has_no_swedish_left(
    qapp, qtbot, small_doc: m.Document, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from samverkan_desktop.ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "en")
    try:
        dialog = ExportReportDialog(small_doc, ScriptedInteraction(), str(tmp_path), language="en")
        qtbot.addWidget(dialog)
        dialog.show()
        shown = [dialog.windowTitle(), dialog.names_edit.placeholderText()]
        shown += [
            w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        ]
        shown += [
            box.itemText(i)
            for box in (dialog.format_box, dialog.separator_box)
            for i in range(box.count())
        ]
        assert "Export report" in shown and "PDF (cluster report for printing and the archive)" in (
            shown
        )
        swedish = [t for t in shown if any(ch in t.lower() for ch in "åäö")]
        assert swedish == []
        assert dialog.language_box.currentData() == "en"
    finally:
        remove_translators(qapp, translators)
