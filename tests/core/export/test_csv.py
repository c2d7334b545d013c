"""CSV: one row per note that Excel (Swedish or not) opens with the right letters and columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import workshops

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import csv_export


def _read(path: Path, sep: str = ",") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=sep))


def test_one_row_per_note_with_cluster_and_parent(small_doc: m.Document, tmp_path: Path) -> None:
    out = tmp_path / "lappar.csv"
    csv_export.write(small_doc, out)
    rows = _read(out)
    assert rows[0] == [
        "Id",
        "Text",
        "Grupp",
        "Avsnitt",
        "Kluster",
        "Överordnat kluster",
        "Röster",
        "Osäker",
        "Kommentar",
        "Färg",
    ]
    assert len(rows) == 1 + len(small_doc.notes)
    by_text = {r[1]: r for r in rows[1:]}
    young = by_text["Mer modern organiserad ungdomsverksamhet"]
    assert young[2:] == [
        "Trygghet grupp 2",
        "Mötesplatser",
        "Unga och fritid",
        "Mötesplatser",
        "0",
        "ja",
        "Svårläst i originalet",
        "",
    ]
    assert by_text["Skogen"][4:7] == ["", "", "0"]


def test_semicolon_for_swedish_excel_keeps_commas_inside_text(
    small_doc: m.Document, tmp_path: Path
) -> None:
    out = tmp_path / "lappar.csv"
    csv_export.write(small_doc, out, separator=";")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfId;Text;Grupp")
    rows = _read(out, ";")
    assert all(len(r) == 10 for r in rows)
    assert "Aktiviteter för unga kvällstid och helger, 16-25 år" in {r[1] for r in rows}


def test_markup_quotes_and_line_breaks_survive_literally(
    small_doc: m.Document, tmp_path: Path
) -> None:
    with workshops.make_small(tmp_path / "more.samverkan") as store:
        store.add_note('Två rader\n"citat", och; semikolon')
        store.add_note('=HYPERLINK("http://example.invalid")')
        doc = store.document()
    out = tmp_path / "lappar.csv"
    csv_export.write(doc, out, separator=";")
    texts = [r[1] for r in _read(out, ";")]
    assert workshops.MARKUP in texts
    assert 'Två rader\n"citat", och; semikolon' in texts
    # A note is never a formula to the spreadsheet.
    assert '\'=HYPERLINK("http://example.invalid")' in texts


def test_redacted_csv_has_no_contact_details_or_names(
    small_doc: m.Document, tmp_path: Path
) -> None:
    out = tmp_path / "lappar.csv"
    csv_export.write(small_doc, out, redact=True)
    text = out.read_text("utf-8-sig")
    for secret in (*workshops.FACILITATORS, workshops.EMAIL, workshops.PHONE, "Anettes"):
        assert secret not in text
    assert "[borttaget]" in text


def test_unknown_separator_is_refused(small_doc: m.Document, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="avgränsaren"):
        csv_export.write(small_doc, tmp_path / "x.csv", separator="|")
