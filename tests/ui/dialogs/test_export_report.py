"""File > Export report…: the facilitator picks a format and options and gets the file."""

from __future__ import annotations

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
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


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
