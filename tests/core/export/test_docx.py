"""Word: real heading styles, bullets and a table, so it stays editable and accessible."""

from __future__ import annotations

from pathlib import Path

import docx
import workshops

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import docx_export


def _all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def test_headings_use_word_heading_styles(small_doc: m.Document, tmp_path: Path) -> None:
    out = tmp_path / "rapport.docx"
    docx_export.write(small_doc, out)
    document = docx.Document(str(out))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        ("Title", "Fördjupningsdag om samverkan"),
        ("Heading 1", "Grupper"),
        ("Heading 1", "Sammanfattning"),
        ("Heading 1", "Kluster"),
        ("Heading 2", "1 Mötesplatser"),
        ("Heading 3", "1.1 Unga och fritid"),
        ("Heading 2", "2 Språk och integration"),
        ("Heading 2", "3 Trygghet"),
        ("Heading 2", "4 Tomt kluster"),
        ("Heading 1", "Lappar utan kluster"),
        ("Heading 2", "Arbetsmarknad grupp 1"),
        ("Heading 2", "Klimat"),
    ]


def test_notes_are_bullets_and_summary_is_a_table(small_doc: m.Document, tmp_path: Path) -> None:
    out = tmp_path / "rapport.docx"
    docx_export.write(small_doc, out)
    document = docx.Document(str(out))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    # The section "Trygghet" only repeats the group's own cluster name, so it is left out.
    assert "Belysning! (2 röster)\nTrygghet grupp 2" in bullets
    details = "\nArbetsmarknad grupp 1 · Behov\nKommentar: Anettes anteckning"
    assert workshops.MARKUP + details in bullets
    table = document.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Nr", "Kluster", "Lappar", "Röster", "Grupper som bidragit"]
    # Groups by their short labels (as on the board), explained right under the table.
    assert rows[1] == ["1", "Mötesplatser", "4", "8", "AR1, TR2, KL"]
    assert rows[2][1].strip() == "Unga och fritid"
    after = document.paragraphs[[p.text for p in document.paragraphs].index("Sammanfattning") + 1]
    assert after.text == "AR1 = Arbetsmarknad grupp 1  ·  TR2 = Trygghet grupp 2  ·  KL = Klimat"
    # The header row repeats on every page and tells a screen reader what the columns are.
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")


def test_properties_language_and_page_numbers(small_doc: m.Document, tmp_path: Path) -> None:
    out = tmp_path / "rapport.docx"
    docx_export.write(small_doc, out)
    document = docx.Document(str(out))
    assert document.core_properties.title == "Fördjupningsdag om samverkan – Klusterrapport"
    assert document.core_properties.author == "Samverkan Desktop"
    assert 'w:val="sv-SE"' in document.styles.element.xml
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Sida " in footer and " av " in footer
    assert document.sections[0].header.paragraphs[0].text == "Fördjupningsdag om samverkan"


def test_redacted_docx_has_no_contact_details_or_names(
    small_doc: m.Document, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.docx"
    docx_export.write(small_doc, out, redact=True)
    text = _all_text(docx.Document(str(out)))
    for secret in (*workshops.FACILITATORS, workshops.EMAIL, workshops.PHONE, "Anettes"):
        assert secret not in text
    assert "[borttaget]" in text


def test_control_characters_in_a_note_do_not_break_the_file(tmp_path: Path) -> None:
    with workshops.make_small(tmp_path / "w.samverkan") as store:
        store.add_note("Kopierat\x0bfrån\x00Word")
        doc = store.document()
    out = tmp_path / "rapport.docx"
    docx_export.write(doc, out)
    assert "KopieratfrånWord" in _all_text(docx.Document(str(out)))


def test_a4_pages_and_a_summary_table_that_fits_them(small_doc: m.Document, tmp_path: Path) -> None:
    out = tmp_path / "rapport.docx"
    docx_export.write(small_doc, out)
    document = docx.Document(str(out))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    text_width = section.page_width - section.left_margin - section.right_margin
    table = document.tables[0]
    widths = [cell.width for cell in table.rows[1].cells]
    # Fixed widths, the name column widest: Word's equal fifths broke names inside words.
    assert table.autofit is False
    assert abs(sum(widths) - text_width) < docx.shared.Cm(0.1)
    assert max(widths) == widths[1] and min(widths) == widths[0]
