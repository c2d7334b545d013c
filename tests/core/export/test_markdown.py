"""Markdown: headings that outline the report, note text never read as markup."""

from __future__ import annotations

from pathlib import Path

import workshops

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import markdown


def test_headings_follow_the_report_outline(small_doc: m.Document, tmp_path: Path) -> None:
    out = tmp_path / "rapport.md"
    markdown.write(small_doc, out)
    headings = [ln for ln in out.read_text("utf-8").splitlines() if ln.startswith("#")]
    assert headings == [
        "# Fördjupningsdag om samverkan",
        "## Sammanfattning",
        "## Kluster",
        "### 1 Mötesplatser",
        "#### 1.1 Unga och fritid",
        "### 2 Språk och integration",
        "### 3 Trygghet",
        "### 4 Tomt kluster",
        "## Lappar utan kluster",
        "### Arbetsmarknad grupp 1",
        "### Klimat",
    ]


def test_summary_table_and_note_details(small_doc: m.Document, tmp_path: Path) -> None:
    out = tmp_path / "rapport.md"
    markdown.write(small_doc, out)
    text = out.read_text("utf-8")
    assert "| 1 | Mötesplatser | 4 | 8 | Arbetsmarknad grupp 1, Trygghet grupp 2, Klimat |" in text
    assert "- Mer modern organiserad ungdomsverksamhet *(osäker tolkning)*" in text
    assert "Kommentar: Svårläst i originalet" in text
    assert "Anette Valdemarsson, Fredrik Wouda" in text


def test_note_markup_renders_literally(small_doc: m.Document, tmp_path: Path, qapp) -> None:
    # Qt's own CommonMark renderer (md4c) stands in for any Markdown viewer.
    from PySide6.QtGui import QTextDocument

    out = tmp_path / "rapport.md"
    markdown.write(small_doc, out)
    rendered = QTextDocument()
    rendered.setMarkdown(out.read_text("utf-8"))
    plain = rendered.toPlainText()
    assert workshops.MARKUP in plain
    assert "<img" not in rendered.toHtml()  # shown as text, not an image to fetch


def test_redacted_markdown_has_no_contact_details_or_names(
    small_doc: m.Document, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.md"
    markdown.write(small_doc, out, redact=True)
    text = out.read_text("utf-8")
    for secret in (*workshops.FACILITATORS, workshops.EMAIL, workshops.PHONE, "Anettes"):
        assert secret not in text
    assert "Personuppgifter (e-post, telefonnummer och namn) har tagits bort." in text
