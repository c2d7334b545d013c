"""Word documents of notes: every input is written here with python-docx (real heading styles,
bulleted and numbered lists, tables) and imported through load_source as the app does."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from samverkan_desktop.core import limits
from samverkan_desktop.core.importers import SourceError, load_source, parse_source_bytes
from samverkan_desktop.core.importers.result import ParseResult
from samverkan_desktop.core.importers.transcript import parse_transcript


def _save(document, tmp_path: Path, name: str = "anteckningar.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def _parse(path: Path) -> ParseResult:
    """What a preview shows: the parse result of the file load_source reads."""
    return parse_source_bytes(path.read_bytes(), path.name, ".docx")


def _notes(result: ParseResult) -> list[tuple[str, str, str, int]]:
    """(group, section, text, paragraph number) of every note, in order."""
    return [(result.groups[n.group].name, n.section, n.text, n.line) for n in result.notes]


def _refused(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        load_source(path)
    message = str(caught.value)
    assert "\n" not in message and name in message
    return message


def test_headings_lists_and_facilitators_make_groups_sections_and_notes(tmp_path):
    d = docx.Document()
    d.add_paragraph("Fördjupningsdag om samverkan 2021-11-10", style="Title")  # 1
    d.add_paragraph("Anteckningar från grupparbeten.")  # 2
    d.add_heading("Arbetsmarknad grupp 1", level=1)  # 3
    d.add_paragraph("Samtalsledare: Anette Valdemarsson och Fredrik Wouda")  # 4
    d.add_heading("Behov", level=2)  # 5
    d.add_paragraph("Digitaliseringen", style="List Bullet")  # 6
    d.add_paragraph("Språk – även att det fastnat i att man måste kunna språk", style="List Bullet")
    d.add_paragraph("")  # 8: an empty paragraph still counts
    d.add_paragraph("Motivation", style="List Number")  # 9
    bold = d.add_paragraph()  # 10: a bold "Hinder:" is a section, as in a transcript
    bold.add_run("Hinder:").bold = True
    d.add_paragraph("Pengar", style="List Bullet")  # 11
    d.add_paragraph("Tid (?)", style="List Number")  # 12
    d.add_heading("Trygghet grupp 2", level=1)  # 13
    d.add_paragraph("Samtalsledare: Tina Fingal, Johanna Sollerman")  # 14
    d.add_paragraph("Kommunikation", style="List Bullet")  # 15
    path = _save(d, tmp_path)

    loaded = load_source(path)
    assert loaded.kind == "docx"
    doc = loaded.document
    assert doc.workshop.title == "Fördjupningsdag om samverkan"
    assert doc.workshop.date is not None and doc.workshop.date.isoformat() == "2021-11-10"
    assert doc.workshop.description == "Anteckningar från grupparbeten."
    assert [(g.name, g.facilitators) for g in doc.groups] == [
        ("Arbetsmarknad grupp 1", ("Anette Valdemarsson", "Fredrik Wouda")),
        ("Trygghet grupp 2", ("Tina Fingal", "Johanna Sollerman")),
    ]
    result = _parse(path)
    assert [g.line for g in result.groups] == [3, 13]
    assert _notes(result) == [
        ("Arbetsmarknad grupp 1", "Behov", "Digitaliseringen", 6),
        (
            "Arbetsmarknad grupp 1",
            "Behov",
            "Språk – även att det fastnat i att man måste kunna språk",
            7,
        ),
        ("Arbetsmarknad grupp 1", "Behov", "Motivation", 9),
        ("Arbetsmarknad grupp 1", "Hinder", "Pengar", 11),
        ("Arbetsmarknad grupp 1", "Hinder", "Tid", 12),
        ("Trygghet grupp 2", "", "Kommunikation", 15),
    ]
    uncertain = result.notes[4]
    assert uncertain.uncertain and uncertain.comment == "Osäker läsning (?)"
    assert [(w.line, w.message) for w in result.warnings] == [(12, "Osäker läsning: ”Tid”.")]
    assert [n.source for n in doc.notes][:2] == ["anteckningar.docx:6", "anteckningar.docx:7"]


def test_a_heading_1_title_over_heading_2_groups_and_heading_3_sections(tmp_path):
    d = docx.Document()
    d.add_heading("Workshop om trygghet", level=1)  # 1: no Title, so the first Heading 1
    d.add_heading("Grupp A", level=2)  # 2
    d.add_paragraph("Processledare: Kim Berg")  # 3
    d.add_heading("Vad fungerar", level=3)  # 4
    d.add_paragraph("Fritidsgårdar", style="List Bullet")  # 5
    d.add_heading("Vad saknas", level=3)  # 6
    d.add_paragraph("Belysning", style="List Bullet")  # 7
    d.add_heading("Grupp B", level=2)  # 8
    d.add_paragraph("Samtalsledare: Ali Sahin")  # 9
    d.add_paragraph("Nattvandring", style="List Number")  # 10
    result = _parse(_save(d, tmp_path))
    assert result.title == "Workshop om trygghet" and result.date is None
    assert [(g.name, g.facilitators, g.line) for g in result.groups] == [
        ("Grupp A", ["Kim Berg"], 2),
        ("Grupp B", ["Ali Sahin"], 8),
    ]
    assert _notes(result) == [
        ("Grupp A", "Vad fungerar", "Fritidsgårdar", 5),
        ("Grupp A", "Vad saknas", "Belysning", 7),
        ("Grupp B", "", "Nattvandring", 10),
    ]
    assert result.warnings == []


def test_a_heading_1_with_notes_under_it_is_a_group_not_the_title(tmp_path):
    d = docx.Document()
    d.add_heading("Grupp 1", level=1)
    d.add_paragraph("Samtalsledare: Eva Ek")
    d.add_paragraph("Första", style="List Bullet")
    d.add_heading("Grupp 2", level=1)
    d.add_paragraph("Andra", style="List Bullet")
    result = _parse(_save(d, tmp_path, "utan titel.docx"))
    assert result.title == "utan titel"
    assert [g.name for g in result.groups] == ["Grupp 1", "Grupp 2"]
    assert _notes(result) == [("Grupp 1", "", "Första", 3), ("Grupp 2", "", "Andra", 5)]
    assert [(w.line, w.message) for w in result.warnings] == [
        (4, "Gruppen ”Grupp 2” har inga samtalsledare angivna.")
    ]


def test_a_list_paragraph_is_a_whole_note_and_plain_paragraphs_read_as_a_transcript(tmp_path):
    d = docx.Document()
    d.add_paragraph("Workshop", style="Title")  # 1
    d.add_heading("Grupp 1", level=1)  # 2
    d.add_paragraph("Samtalsledare: Eva Ek")  # 3
    # A Word bullet is a note of its own, however its text ends or the next one begins.
    d.add_paragraph("Samverkan mellan förvaltningar och", style="List Bullet")  # 4
    d.add_paragraph("föreningar", style="List Bullet")  # 5
    # Text typed as a transcript: "- " in the text, a wrapped note joined, a remark.
    d.add_paragraph("- Mötesplatser [svårt att läsa]")  # 6
    d.add_paragraph("Goda exempel som lyftes")  # 7: a heading above a list, as in a transcript
    d.add_paragraph("Ungdomspoolen", style="List Bullet")  # 8
    d.add_paragraph("Ring Eva på 070-123 45 67", style="List Bullet")  # 9: personal data
    line_break = d.add_paragraph("Två rader", style="List Bullet")  # 10
    line_break.runs[0].add_break()
    line_break.add_run("i samma lapp")
    d.add_paragraph("Kommentar från Eva Ek om allt", style="List Bullet")  # 11: a full name
    result = _parse(_save(d, tmp_path))
    assert _notes(result) == [
        ("Grupp 1", "", "Samverkan mellan förvaltningar och", 4),
        ("Grupp 1", "", "föreningar", 5),
        ("Grupp 1", "", "Mötesplatser", 6),
        ("Grupp 1", "Goda exempel som lyftes", "Ungdomspoolen", 8),
        ("Grupp 1", "Goda exempel som lyftes", "Ring Eva på 070-123 45 67", 9),
        ("Grupp 1", "Goda exempel som lyftes", "Två rader\ni samma lapp", 10),
        ("Grupp 1", "Goda exempel som lyftes", "Kommentar från Eva Ek om allt", 11),
    ]
    notes = result.notes
    assert notes[2].uncertain and notes[2].comment == "svårt att läsa"
    assert [n.personal_data for n in notes] == [False] * 4 + [True, False, True]


def test_a_clustered_group_takes_its_sections_as_clusters(tmp_path):
    d = docx.Document()
    d.add_paragraph("Workshop", style="Title")
    d.add_heading("Trygghet (klustrat)", level=1)  # 2
    d.add_paragraph("Samtalsledare: Eva Ek")
    d.add_heading("Belysning", level=2)  # 4
    d.add_paragraph("Mörka gångvägar", style="List Bullet")
    d.add_paragraph("Trasiga lampor", style="List Bullet")
    d.add_heading("Vuxennärvaro", level=2)  # 7
    d.add_paragraph("Nattvandring", style="List Bullet")
    path = _save(d, tmp_path)
    result = _parse(path)
    assert [(g.name, g.clustered) for g in result.groups] == [("Trygghet", True)]
    assert [(n.cluster, n.text) for n in result.notes] == [
        ("Belysning", "Mörka gångvägar"),
        ("Belysning", "Trasiga lampor"),
        ("Vuxennärvaro", "Nattvandring"),
    ]
    doc = load_source(path).document
    assert sorted(c.name for c in doc.clusters) == ["Belysning", "Vuxennärvaro"]
    assert all(c.group_id == doc.groups[0].id for c in doc.clusters)


def test_a_table_without_header_is_a_wall_of_notes_one_per_cell(tmp_path):
    d = docx.Document()
    d.add_paragraph("Lappvägg", style="Title")  # 1
    d.add_heading("Grupp 1", level=1)  # 2
    d.add_paragraph("Samtalsledare: Eva Ek")  # 3
    table = d.add_table(rows=2, cols=3)  # cells: paragraphs 4-9, row by row
    for i, text in enumerate(["Trygghet", "Belysning", "", "Skola", "Fritid (?)", "Idrott"]):
        table.cell(i // 3, i % 3).text = text
    d.add_paragraph("Efter tabellen", style="List Bullet")  # 10
    result = _parse(_save(d, tmp_path))
    assert _notes(result) == [
        ("Grupp 1", "", "Trygghet", 4),
        ("Grupp 1", "", "Belysning", 5),
        ("Grupp 1", "", "Skola", 7),
        ("Grupp 1", "", "Fritid", 8),
        ("Grupp 1", "", "Idrott", 9),
        ("Grupp 1", "", "Efter tabellen", 10),
    ]
    assert result.notes[3].uncertain


def test_a_table_with_a_bold_header_row_is_columns_of_notes_under_their_headers(tmp_path):
    d = docx.Document()
    d.add_heading("Grupp 1", level=1)  # 1: notes under it, so a group
    table = d.add_table(rows=3, cols=2)  # paragraphs 2-7
    for column, header in enumerate(["Behov", "Hinder"]):
        table.cell(0, column).paragraphs[0].add_run(header).bold = True
    table.cell(1, 0).text, table.cell(1, 1).text = "Lokaler", "Pengar"
    table.cell(2, 0).text = "Tid"
    result = _parse(_save(d, tmp_path))
    assert _notes(result) == [
        ("Grupp 1", "Behov", "Lokaler", 4),
        ("Grupp 1", "Behov", "Tid", 6),
        ("Grupp 1", "Hinder", "Pengar", 5),
    ]


def test_a_table_with_named_columns_is_one_note_per_row(tmp_path):
    d = docx.Document()
    d.add_paragraph("Workshop om skolan", style="Title")  # 1
    rows = [
        ["Grupp", "Text", "Kluster", "Röster", "Författare"],  # 2-6
        ["Grupp A", "Fler vuxna i skolan", "Vuxennärvaro", "3", "Eva"],  # 7-11
        ["Grupp B", "Läxhjälp", "Stöd, Vuxennärvaro", "", ""],  # 12-16
        ["Grupp A", "Bättre mat", "", "x", ""],  # 17-21
    ]
    table = d.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = _save(d, tmp_path)
    result = _parse(path)
    assert result.title == "Workshop om skolan"
    assert [g.name for g in result.groups] == ["Grupp A", "Grupp B"]
    assert _notes(result) == [
        ("Grupp A", "", "Fler vuxna i skolan", 8),
        ("Grupp B", "", "Läxhjälp", 13),
        ("Grupp A", "", "Bättre mat", 18),
    ]
    assert [(n.themes, n.votes, n.author) for n in result.notes] == [
        (["Vuxennärvaro"], 3, "Eva"),
        (["Stöd", "Vuxennärvaro"], 0, ""),
        ([], 0, ""),
    ]
    doc = load_source(path).document
    assert sorted(c.name for c in doc.clusters) == ["Stöd", "Vuxennärvaro"]
    assert doc.notes[0].comment == "Skriven av Eva"


def test_a_document_without_group_headings_finds_groups_as_a_transcript(tmp_path):
    d = docx.Document()
    d.add_paragraph("Nätverksträff 2024-03-05")  # 1: a first line of text is the title
    d.add_paragraph("Grupp Norr")  # 2
    d.add_paragraph("Samtalsledare: Eva Ek")  # 3
    d.add_paragraph("Cykelbanor", style="List Bullet")  # 4
    d.add_paragraph("-" * 30)  # 5
    d.add_paragraph("Grupp Söder")  # 6
    d.add_paragraph("Samtalsledare: Per Ek")  # 7
    d.add_paragraph("Busslinjer", style="List Bullet")  # 8
    result = _parse(_save(d, tmp_path))
    assert result.title == "Nätverksträff" and str(result.date) == "2024-03-05"
    assert [(g.name, g.facilitators, g.line) for g in result.groups] == [
        ("Grupp Norr", ["Eva Ek"], 2),
        ("Grupp Söder", ["Per Ek"], 6),
    ]
    assert _notes(result) == [
        ("Grupp Norr", "", "Cykelbanor", 4),
        ("Grupp Söder", "", "Busslinjer", 8),
    ]


def test_notes_without_any_group_go_into_grupp_1_with_a_warning(tmp_path):
    d = docx.Document()
    d.add_paragraph("Första", style="List Bullet")
    d.add_paragraph("Andra", style="List Number")
    result = _parse(_save(d, tmp_path, "lista.docx"))
    assert result.title == "lista"
    assert _notes(result) == [("Grupp 1", "", "Första", 1), ("Grupp 1", "", "Andra", 2)]
    assert [(w.line, w.message) for w in result.warnings] == [
        (1, "Hittade inga grupper; alla lappar lades i ”Grupp 1”.")
    ]


def test_a_paragraph_numbered_by_hand_in_its_properties_is_a_list_note(tmp_path):
    """Numbering set on the paragraph itself (numPr), as Word does for a list it started."""
    d = docx.Document()
    d.add_heading("Grupp 1", level=1)
    p = d.add_paragraph("Numrerad av Word")
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", "1")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    p._p.get_or_add_pPr().append(num_pr)
    d.add_paragraph("Och nästa rad börjar med liten bokstav", style="List Bullet")
    result = _parse(_save(d, tmp_path))
    assert [n.text for n in result.notes] == [
        "Numrerad av Word",
        "Och nästa rad börjar med liten bokstav",
    ]


def test_the_sample_transcript_as_a_word_document_gives_what_the_transcript_gives(
    tmp_path, seed_bytes
):
    """One paragraph per line of the transcript, the title in the style Title and each group's
    name in Heading 1: the same title, groups, notes (to their line numbers) and warnings."""
    expected = parse_transcript(seed_bytes, "orebro.txt")
    lines = re.split(r"\r\n|\r|\n", seed_bytes.decode("utf-8"))
    title_line = next(no for no, text in enumerate(lines, 1) if text.strip())
    group_lines = {g.line for g in expected.groups}
    d = docx.Document()
    for no, text in enumerate(lines, 1):
        style = "Title" if no == title_line else "Heading 1" if no in group_lines else None
        d.add_paragraph(text, style=style)
    path = _save(d, tmp_path, "orebro.docx")
    result = _parse(path)

    assert (result.title, result.date, result.description) == (
        expected.title,
        expected.date,
        expected.description,
    )
    assert result.groups == expected.groups
    assert len(result.notes) == len(expected.notes) > 200
    assert result.notes == expected.notes
    assert [str(w) for w in result.warnings] == [str(w) for w in expected.warnings]
    doc = load_source(path).document
    assert len(doc.groups) == 6 and len(doc.notes) == len(expected.notes)


# Bad input: one line naming the file, nothing read further.


def test_a_docx_that_is_no_zip_is_refused(tmp_path):
    message = _refused(tmp_path, "text.docx", b"Bara text, ingen zip")
    assert "inget Word-dokument" in message
    message = _refused(tmp_path, "gammal.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "gammalt eller lösenordsskyddat" in message


def test_a_broken_zip_is_refused(tmp_path):
    d = docx.Document()
    d.add_paragraph("Lapp", style="List Bullet")
    out = io.BytesIO()
    d.save(out)
    message = _refused(tmp_path, "trasig.docx", out.getvalue()[: len(out.getvalue()) // 2])
    assert "skadat Word-dokument (zip-filen går inte att läsa" in message


def test_a_zip_that_is_no_word_document_is_refused(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("bild.txt", "hej")
    assert "inget Word-dokument" in _refused(tmp_path, "zip.docx", out.getvalue())
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Text"])
    out = io.BytesIO()
    book.save(out)
    assert "är en Excel-fil" in _refused(tmp_path, "kalkyl.docx", out.getvalue())


def test_a_word_document_with_broken_xml_is_refused(tmp_path):
    d = docx.Document()
    d.add_paragraph("Lapp", style="List Bullet")
    out = io.BytesIO()
    d.save(out)
    broken = io.BytesIO()
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    assert "skadat Word-dokument" in _refused(tmp_path, "halv.docx", broken.getvalue())


def _bomb(size: int) -> bytes:
    out = io.BytesIO()
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        with z.open("word/document.xml", "w") as member:
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def test_a_zip_bomb_is_refused_by_its_declared_size_before_unpacking(tmp_path):
    data = _bomb(limits.MAX_UNZIPPED_BYTES + 1024 * 1024)
    assert len(data) < limits.MAX_SOURCE_BYTES
    message = _refused(tmp_path, "bomb.docx", data)
    assert "packas upp till" in message and "högst" in message


def test_a_zip_bomb_under_the_size_limit_is_refused_by_its_ratio(tmp_path):
    message = _refused(tmp_path, "liten bomb.docx", _bomb(50 * 1024 * 1024))
    assert "zip-bomb" in message


def test_a_word_document_without_notes_is_refused(tmp_path):
    d = docx.Document()
    d.add_paragraph("Bara en titel", style="Title")
    d.add_heading("Grupp 1", level=1)
    message = _refused(tmp_path, "tom grupp.docx", _bytes(d))
    assert "hittade inga lappar" in message
    message = _refused(tmp_path, "inget.docx", _bytes(docx.Document()))
    assert "ingen text" in message


def test_an_empty_file_is_refused(tmp_path):
    assert "är tom" in _refused(tmp_path, "tom.docx", b"")


def test_too_many_paragraphs_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_LINES", 50)
    d = docx.Document()
    d.add_heading("Grupp 1", level=1)
    for i in range(60):
        d.add_paragraph(f"Lapp {i}", style="List Bullet")
    assert "fler än 50 stycken" in _refused(tmp_path, "lång.docx", _bytes(d))


def test_a_note_too_long_is_refused_naming_its_paragraph(tmp_path):
    d = docx.Document()
    d.add_heading("Grupp 1", level=1)
    d.add_paragraph("Kort", style="List Bullet")
    d.add_paragraph("x" * (limits.MAX_TEXT_CHARS + 1), style="List Bullet")
    message = _refused(tmp_path, "lång lapp.docx", _bytes(d))
    assert "rad 3" in message and "längre än" in message


def _bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
