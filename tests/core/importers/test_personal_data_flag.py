"""Every importer flags personal data by the rule the exports redact with (issue 13, point 4).

The same notes go in as a transcript, a CSV file, a Word document and pasted text; on every way
in, a note is flagged on import exactly when the export's redaction would change it, and the
flagged ones are the ones the rule counts (phone numbers Swedish and foreign, personnummer with a
right check digit or written as only personnummer are, samordningsnummer) while dates, amounts,
years, opening hours and numbers no phone or personnummer can be stay unflagged.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export.redact import redact_document, redactor_for
from samverkan_desktop.core.importers import document_from_parse, load_source, parse_source_bytes
from samverkan_desktop.core.importers.paste import parse_text
from samverkan_desktop.core.importers.result import ParseResult


def _luhn(nine: str) -> str:
    """The check digit that makes the ten digits YYMMDDNNN + it pass the Luhn check."""
    for digit in "0123456789":
        total = 0
        for i, ch in enumerate(nine + digit):
            d = int(ch) * (2 - i % 2)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return digit
    raise AssertionError(nine)


VALID = "850707-789" + _luhn("850707789")  # 7 July 1985
WRONG = VALID[:-1] + str((int(VALID[-1]) + 1) % 10)  # one digit wrong
SAMORDNING = "850767-123" + _luhn("850767123")  # day 7 + 60

# (note text, flagged and redacted?)
NOTES = [
    ("Ring kontoret på +44 20 7946 0958 om bidraget", True),  # the three examples
    ("Kansliet har 08-123 45 sedan i våras", False),  # five digits after 08: no whole number
    ("Ärendet 850732-1234 ligger hos nämnden", False),  # 32 July: no personnummer
    (f"Kontaktperson pnr {VALID} vill ha svar", True),
    (f"Sökande {VALID[:6]} {VALID[7:]} saknar intyg", True),  # right check digit, with a space
    (f"Eleven har pnr {WRONG} enligt listan", True),  # a dash: only personnummer look so
    (f"Möte {WRONG[:6]} {WRONG[7:]} i aulan", False),  # a space and a wrong digit: date, time
    (f"Samordningsnummer {SAMORDNING} för praktikanten", True),
    ("Tolken nås på +49 30 901820 dagtid", True),  # a foreign number
    ("Fördjupningsdag 2021-11-10 i Örebro", False),
    ("Avgiften är 1 250 kr per termin", False),
    ("Föreningen bildades 1985 av föräldrar", False),
    ("Öppet 08.30-17.00 på vardagar", False),
    ("Mejla samordnaren på kim.ek@orebro.se", True),
]
TEXTS = [text for text, _ in NOTES]
EXPECTED = [flag for _, flag in NOTES]


def _transcript(tmp_path: Path) -> Path:
    path = tmp_path / "anteckningar.txt"
    lines = ["Workshop 2021-11-10", "", "Grupp A", "Samtalsledare: Lo Ek", ""]
    lines += [f"- {text}" for text in TEXTS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _csv(tmp_path: Path) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Text", "Grupp"])
    writer.writerows([text, "Grupp A"] for text in TEXTS)
    path = tmp_path / "lappar.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _word(tmp_path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Grupp A", level=1)
    d.add_paragraph("Samtalsledare: Lo Ek")
    for text in TEXTS:
        d.add_paragraph(text, style="List Bullet")
    path = tmp_path / "anteckningar.docx"
    d.save(str(path))
    return path


def _changed_by_redaction(doc: m.Document) -> list[bool]:
    """Per note: would the export's redaction change its text or comment, had it no flag?"""
    clean = redactor_for(doc)
    return [clean(n.text) != n.text or clean(n.comment) != n.comment for n in doc.notes]


def _check(doc: m.Document, preview: ParseResult) -> None:
    assert [n.text for n in doc.notes] == TEXTS
    flagged = [n.personal_data for n in doc.notes]
    assert flagged == EXPECTED
    assert flagged == _changed_by_redaction(doc)
    # What the import preview marks is the same.
    assert [n.personal_data for n in preview.notes] == EXPECTED
    # And an export leaves every flagged note out and every other one as it was.
    redacted = redact_document(doc)
    for note, before, flag in zip(redacted.notes, doc.notes, EXPECTED, strict=True):
        assert (note.text != before.text) == flag


@pytest.mark.parametrize(
    ("kind", "make", "suffix"),
    [
        ("transcript", _transcript, None),
        ("csv", _csv, ".csv"),
        ("docx", _word, ".docx"),
    ],
)
def test_a_file_of_any_kind_is_flagged_as_its_export_is_redacted(tmp_path, kind, make, suffix):
    path = make(tmp_path)
    source = load_source(path)
    assert source.kind == kind
    if suffix is None:
        from samverkan_desktop.core.importers import _parse_transcript

        preview = _parse_transcript(path.read_bytes(), path.name)
    else:
        preview = parse_source_bytes(path.read_bytes(), path.name, suffix)
    _check(source.document, preview)


def test_pasted_text_is_flagged_as_its_export_is_redacted():
    result = parse_text("\n".join(TEXTS))
    _check(document_from_parse(result, "Urklipp"), result)


def test_a_note_edited_in_the_preview_is_judged_again_when_it_is_imported(tmp_path):
    result = parse_source_bytes(_csv(tmp_path).read_bytes(), "lappar.csv", ".csv")
    year, phone = result.notes[11], result.notes[0]
    year.text = "Föreningen bildades 1985, ring 019-21 10 00"  # a number added in the preview
    phone.text = "Ring kontoret om bidraget"  # the number taken out: the flag stays
    doc = document_from_parse(result, "lappar.csv")
    assert doc.notes[11].personal_data
    assert doc.notes[0].personal_data


def test_an_author_who_is_an_e_mail_address_flags_the_note(tmp_path):
    path = tmp_path / "miro.csv"
    path.write_text("Text;Författare\nFler mötesplatser;kim.ek@orebro.se\nFika;Kim\n", "utf-8")
    doc = load_source(path).document
    assert [n.personal_data for n in doc.notes] == [True, False]
    assert _changed_by_redaction(doc) == [True, False]
