"""CSV and Excel tables of notes: every input is written here, with the csv module or openpyxl,
and imported through load_source as the app does (parse_source_bytes where a preview would)."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from samverkan_desktop.core import limits
from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import csv_export
from samverkan_desktop.core.importers import (
    SourceError,
    load_source,
    parse_source_bytes,
)
from samverkan_desktop.core.store import Store


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _clusters_of(doc: m.Document) -> dict[str, str]:
    names = {c.id: c.name for c in doc.clusters}
    return {n.text: names.get(n.cluster_id, "") if n.cluster_id else "" for n in doc.notes}


def _groups_of(doc: m.Document) -> dict[str, str]:
    names = {g.id: g.name for g in doc.groups}
    return {n.text: names[n.group_id] if n.group_id else "" for n in doc.notes}


SWEDISH = [
    ["Innehåll", "Grupp", "Kluster", "Röster", "Författare", "Avsnitt"],
    ["Fler mötesplatser för unga", "Bord 2", "Mötesplatser", "3", "Ali", "Behov"],
    ["Belysning på cykelvägen", "Bord 1", "Trygghet", "", "", "Behov"],
    ["Språkcafé, gärna på kvällen", "Bord 2", "Språk", "1", "Eva", "Förslag"],
    ["Två rader\nmed ”citat”; och semikolon", "Bord 1", "Trygghet", "2", "", ""],
]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "suffix"),
    [
        ("cp1252", ";", ".csv"),  # Swedish Excel's "CSV (semikolonavgränsad)"
        ("utf-8-sig", ",", ".csv"),  # "CSV UTF-8"
        ("utf-8", ";", ".csv"),
        ("utf-16", "\t", ".txt.tsv"),  # Excel's "Unicode-text": UTF-16 with BOM, tabs
        ("utf-16", ",", ".csv"),
        ("utf-8", "\t", ".csv"),
    ],
)
def test_swedish_headers_in_every_encoding_and_delimiter(tmp_path, encoding, delimiter, suffix):
    path = _write(tmp_path, f"lappar{suffix}", _csv(SWEDISH, delimiter).encode(encoding))
    loaded = load_source(path)
    doc = loaded.document
    assert loaded.kind == suffix.rsplit(".", 1)[1] and loaded.warnings == ()
    assert [g.name for g in doc.groups] == ["Bord 2", "Bord 1"]  # first seen first
    expected_last = SWEDISH[4][0]  # Windows-1252 has the curly quotes too
    assert [n.text for n in doc.notes] == [r[0] for r in SWEDISH[1:4]] + [expected_last]
    assert _groups_of(doc)["Belysning på cykelvägen"] == "Bord 1"
    clusters = _clusters_of(doc)
    assert clusters["Fler mötesplatser för unga"] == "Mötesplatser"
    assert clusters[expected_last] == "Trygghet"
    assert sorted(c.name for c in doc.clusters) == ["Mötesplatser", "Språk", "Trygghet"]
    by_text = {n.text: n for n in doc.notes}
    assert by_text["Fler mötesplatser för unga"].votes == 3
    assert by_text["Belysning på cykelvägen"].votes == 0
    assert "Skriven av Eva" in by_text["Språkcafé, gärna på kvällen"].comment
    assert by_text["Språkcafé, gärna på kvällen"].section == "Förslag"
    # Rows as a spreadsheet numbers them: the header is row 1, the note with a line break row 5.
    assert by_text[expected_last].source == f"lappar{suffix}:5"

    result = parse_source_bytes(path.read_bytes(), path.name, ".csv")
    assert result.columns == SWEDISH[0]
    assert result.mapping == {
        "text": 0,
        "group": 1,
        "cluster": 2,
        "tags": -1,
        "votes": 3,
        "author": 4,
        "section": 5,
        "comment": -1,
        "uncertain": -1,
    }
    assert result.encoding.replace("-sig", "").startswith(encoding.replace("-sig", "")[:5])


def test_english_and_other_spellings_any_case_or_accents(tmp_path):
    rows = [
        [" NOTE ", "table", "THEME", "Prickar", "Created by", "section", "Taggar"],
        ["Park benches", "Table A", "Safety", "●●●", "Sam", "Ideas", "green; calm"],
        ["Street lights", "Table B", "", "2.0", "", "", ""],
    ]
    path = _write(tmp_path, "board.csv", _csv(rows).encode())
    result = parse_source_bytes(path.read_bytes(), path.name, ".csv")
    assert result.mapping == {
        "text": 0,
        "group": 1,
        "cluster": 2,
        "tags": 6,
        "votes": 3,
        "author": 4,
        "section": 5,
        "comment": -1,
        "uncertain": -1,
    }
    first, second = result.notes
    assert first.themes == ["Safety", "green", "calm"] and first.votes == 3
    assert first.author == "Sam" and first.section == "Ideas"
    assert second.themes == [] and second.votes == 2
    for header in ("INNEHALL", "innehåll:", "Lapp", "Content", "Text Area 1", "text"):
        data = _csv([[header, "Bord"], ["x", "1"]]).encode()
        assert parse_source_bytes(data, "a.csv", ".csv").mapping["text"] == 0, header


def test_without_a_header_the_first_column_is_the_text_in_one_group_named_after_the_file(
    tmp_path,
):
    path = _write(tmp_path, "väggen.csv", "Fler bänkar;3\nBelysning;1\n\nSpråkcafé\n".encode())
    loaded = load_source(path)
    assert [n.text for n in loaded.document.notes] == ["Fler bänkar", "Belysning", "Språkcafé"]
    assert [g.name for g in loaded.document.groups] == ["väggen"]
    assert [n.source for n in loaded.document.notes][-1] == "väggen.csv:4"
    result = parse_source_bytes(path.read_bytes(), path.name, ".csv")
    assert result.columns == ["Kolumn 1", "Kolumn 2"] and result.mapping["text"] == 0
    # A short row in a table without a header is warned about, and kept.
    assert [(w.line, "1 fält" in w.message) for w in result.warnings] == [(4, True)]


def test_a_header_the_program_does_not_know_can_be_declared_and_mapped():
    data = _csv([["Idé", "Vem"], ["Fler bänkar", "Ali"]]).encode()
    guessed = parse_source_bytes(data, "a.csv", ".csv")
    assert [n.text for n in guessed.notes] == ["Idé", "Fler bänkar"]
    with pytest.raises(SourceError, match="ingen kolumn med lapparnas text"):
        parse_source_bytes(data, "a.csv", ".csv", header=True)
    chosen = parse_source_bytes(
        data, "a.csv", ".csv", header=True, mapping={"text": 0, "author": 1}
    )
    assert chosen.columns == ["Idé", "Vem"] and chosen.mapping["text"] == 0
    assert [(n.text, n.author) for n in chosen.notes] == [("Fler bänkar", "Ali")]


def test_no_text_column_is_one_line_naming_the_columns(tmp_path):
    path = _write(tmp_path, "a.csv", _csv([["Grupp", "Röster", "Datum"], ["1", "2", "3"]]).encode())
    with pytest.raises(SourceError) as info:
        load_source(path)
    message = str(info.value)
    assert "\n" not in message and "a.csv" in message and "textkolumn" not in message
    assert "”Grupp”, ”Röster”, ”Datum”" in message and "ingen kolumn med lapparnas text" in message


def test_the_mapping_from_a_preview_overrides_what_the_headers_say():
    data = _csv(
        [
            ["Text", "Grupp", "Kommentar"],
            ["Fler bänkar", "Bord 1", "Cykelväg"],
            ["Belysning", "Bord 2", "Park"],
        ]
    ).encode()
    result = parse_source_bytes(
        data, "a.csv", ".csv", mapping={"text": 2, "group": -1, "cluster": 0}
    )
    assert result.mapping["text"] == 2 and result.mapping["group"] == -1
    assert result.mapping["cluster"] == 0 and result.mapping["comment"] == 2  # the rest detected
    assert [(n.text, n.themes) for n in result.notes] == [
        ("Cykelväg", ["Fler bänkar"]),
        ("Park", ["Belysning"]),
    ]
    assert [g.name for g in result.groups] == ["a"]
    for wrong in ({"text": 3}, {"text": -2}, {"colour": 1}):
        with pytest.raises(SourceError) as info:
            parse_source_bytes(data, "a.csv", ".csv", mapping=wrong)
        assert "\n" not in str(info.value)


def test_a_whiteboard_sticky_note_export_turns_tags_into_clusters(tmp_path):
    rows = [
        ["Content", "Tags", "Author", "Created"],
        ["Fler bänkar i parken", "Trygghet, Park", "Ali", "2024-05-02"],
        ["Belysning", "Trygghet", "Eva", "2024-05-02"],
        ["Språkcafé", "Språk;Unga", "", "2024-05-03"],
        ["Läxhjälp", "", "", ""],
    ]
    path = _write(tmp_path, "whiteboard.csv", _csv(rows).encode("utf-8"))
    doc = load_source(path).document
    assert [n.text for n in doc.notes] == [r[0] for r in rows[1:]]
    assert sorted(c.name for c in doc.clusters) == ["Park", "Språk", "Trygghet", "Unga"]
    clusters = _clusters_of(doc)
    assert clusters == {
        "Fler bänkar i parken": "Trygghet",
        "Belysning": "Trygghet",
        "Språkcafé": "Språk",
        "Läxhjälp": "",
    }
    names = {c.id: c.name for c in doc.clusters}
    assert sorted(names[t.cluster_id] for t in doc.themes) == ["Park", "Unga"]
    assert [g.name for g in doc.groups] == ["whiteboard"]


LUCID_HEADER = [
    "Id",
    "Name",
    "Shape Library",
    "Page ID",
    "Contained By",
    "Group",
    "Line Source",
    "Line Destination",
    "Source Arrow",
    "Destination Arrow",
    "Status",
    "Text Area 1",
    "Text Area 2",
    "Comments",
]


def _lucid_row(
    id_: int,
    name: str,
    page: str = "",
    inside: str = "",
    text: str = "",
    group: str = "",
    source: str = "",
    dest: str = "",
) -> list[str]:
    return [
        str(id_),
        name,
        "Lucidspark" if page else "",
        page,
        inside,
        group,
        source,
        dest,
        "None" if source else "",
        "Arrow" if source else "",
        "",
        text,
        "",
        "",
    ]


def test_lucidspark_sticky_notes_take_the_frame_they_sit_in_as_cluster(tmp_path):
    rows = [
        LUCID_HEADER,
        _lucid_row(1, "Document", text="Workshop"),
        _lucid_row(2, "Page", text="Sida 1"),
        _lucid_row(3, "Frame", "2", text="Trygghet"),
        _lucid_row(4, "Sticky Note", "2", "3", "Fler lampor", group="9"),
        _lucid_row(5, "Sticky Note", "2", "3", "Trygga\nskolvägar", group="9"),
        _lucid_row(6, "Container", "2", "3", "Lekplatser"),  # a frame inside the frame
        _lucid_row(7, "Sticky note", "2", "3|6", "Gungor"),
        _lucid_row(8, "Note", "2", "", "Ingen ram"),
        _lucid_row(9, "Line", "2", source="4", dest="5"),
        _lucid_row(10, "Rectangle", "2", "", "En rubrik, ingen lapp"),
        _lucid_row(11, "Sticky Note", "2", "3", ""),
    ]
    path = _write(tmp_path, "lucid.csv", _csv(rows).encode("utf-8"))
    loaded = load_source(path)
    doc = loaded.document
    assert [n.text for n in doc.notes] == [
        "Fler lampor",
        "Trygga\nskolvägar",
        "Gungor",
        "Ingen ram",
    ]
    assert _clusters_of(doc) == {
        "Fler lampor": "Trygghet",
        "Trygga\nskolvägar": "Trygghet",
        "Gungor": "Lekplatser",
        "Ingen ram": "",
    }
    # Lucid's "Group" column is its own grouping of shapes: one group, named after the file.
    assert [g.name for g in doc.groups] == ["lucid"]
    assert {n.text: n.source for n in doc.notes}["Gungor"] == "lucid.csv:8"
    warnings = {w.line: w.message for w in loaded.warnings}
    assert set(warnings) == {11, 12}
    assert "inte är lappar (rad 11)" in warnings[11]
    assert "ingen text" in warnings[12]
    result = parse_source_bytes(path.read_bytes(), path.name, ".csv")
    assert result.mapping["text"] == 11 and result.mapping["cluster"] == 4
    assert result.mapping["group"] == -1


def test_lucidspark_notes_on_several_pages_are_grouped_by_page(tmp_path):
    rows = [
        LUCID_HEADER,
        _lucid_row(1, "Page", text="Grupp A"),
        _lucid_row(2, "Page", text="Grupp B"),
        _lucid_row(3, "Sticky Note", "1", "", "Ett"),
        _lucid_row(4, "Sticky Note", "2", "", "Två"),
        _lucid_row(5, "Sticky Note", "1", "", "Tre"),
    ]
    doc = load_source(_write(tmp_path, "l.csv", _csv(rows).encode())).document
    assert [g.name for g in doc.groups] == ["Grupp A", "Grupp B"]
    assert _groups_of(doc) == {"Ett": "Grupp A", "Två": "Grupp B", "Tre": "Grupp A"}


def _own_workshop(path: Path) -> m.Document:
    with Store.create(path, m.Workshop("Dag")) as store:
        g1 = store.add_group("Bord 1")
        g2 = store.add_group("Bord 2, norra")
        meet = store.add_cluster("Mötesplatser")
        young = store.add_cluster("Unga; fritid", parent_id=meet.id)
        safe = store.add_cluster("=Trygghet")
        add = store.add_note
        add("Fler mötesplatser", group_id=g1.id, section="Behov", votes=3, cluster_id=meet.id)
        add(
            "Läxhjälp\npå biblioteket",
            group_id=g2.id,
            cluster_id=young.id,
            uncertain=True,
            comment="Svårläst",
        )
        add("=SUM(A1:A3)", group_id=g2.id, section="-Förslag", cluster_id=safe.id, votes=1)
        add("-5 grader i busskuren", group_id=g1.id, cluster_id=safe.id)
        add("+46 är Sveriges landsnummer", group_id=g1.id)
        add("@kommunen borde svara", group_id=g2.id)
        add("'citerad' text", group_id=g1.id)
        return store.document()


@pytest.mark.parametrize("separator", [",", ";"])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_apps_own_csv_export_imports_back_to_the_same_notes_and_clusters(
    tmp_path, separator, language
):
    before = _own_workshop(tmp_path / "dag.samverkan")
    out = tmp_path / "export.csv"
    csv_export.write(before, out, separator=separator, language=language)
    # The export keeps formula signs from a spreadsheet...
    raw = out.read_text("utf-8-sig")
    assert "'=SUM(A1:A3)" in raw and "'-5 grader" in raw and "'@kommunen" in raw
    assert "'+46" in raw and "'=Trygghet" in raw and "'-Förslag" in raw
    loaded = load_source(out)
    after = loaded.document
    # ... and reading it back takes the apostrophes off again.
    assert sorted(n.text for n in after.notes) == sorted(n.text for n in before.notes)
    assert _groups_of(after) == _groups_of(before)
    assert _clusters_of(after) == _clusters_of(before)
    assert sorted(c.name for c in after.clusters) == sorted(c.name for c in before.clusters)
    old = {n.text: n for n in before.notes}
    for note in after.notes:
        assert (note.votes, note.section, note.uncertain) == (
            old[note.text].votes,
            old[note.text].section,
            old[note.text].uncertain,
        ), note.text
        assert note.comment == old[note.text].comment
    assert loaded.warnings == ()


def test_ragged_rows_are_kept_with_a_warning_naming_the_row(tmp_path):
    data = "Text;Grupp;Röster\nEtt;Bord 1;2\nTvå;Bord 2\nTre;Bord 1;1;extra;mer\nFyra;Bord 1;;;\n"
    loaded = load_source(_write(tmp_path, "r.csv", data.encode()))
    doc = loaded.document
    assert [n.text for n in doc.notes] == ["Ett", "Två", "Tre", "Fyra"]
    assert _groups_of(doc)["Två"] == "Bord 2"
    assert {n.text: n.votes for n in doc.notes}["Tre"] == 1
    assert [(w.line, str(w)) for w in loaded.warnings] == [
        (3, "rad 3: raden har 2 fält men tabellen 3; de som saknas lämnas tomma."),
        (4, "rad 4: raden har 5 fält men tabellen 3; de sista 2 hoppades över."),
    ]  # row 5's empty extra cells lose nothing


def test_rows_without_text_and_odd_votes_are_warned_about(tmp_path):
    data = _csv(
        [
            ["Text", "Röster"],
            ["Ett", "många"],
            ["", "3"],
            ["Två", "-1"],
            ["Tre", "2,5"],
            ["Fyra", str(limits.MAX_VOTES + 1)],
            ["Fem", "4,0"],
        ],
        ";",
    ).encode()
    loaded = load_source(_write(tmp_path, "v.csv", data))
    assert {n.text: n.votes for n in loaded.document.notes} == {
        "Ett": 0,
        "Två": 0,
        "Tre": 0,
        "Fyra": limits.MAX_VOTES,
        "Fem": 4,
    }
    assert [w.line for w in loaded.warnings] == [2, 3, 4, 5, 6]
    assert "ingen text" in loaded.warnings[1].message


def test_a_cell_that_looks_like_a_formula_is_text(tmp_path):
    rows = [
        ["Text", "Röster"],
        ["=1+1", "=1+1"],
        ["+SUM(A1)", "1"],
        ["-", "0"],
        ['@HYPERLINK("http://example.invalid")', ""],
        ["=cmd|' /C calc'!A0", ""],
    ]
    loaded = load_source(_write(tmp_path, "f.csv", _csv(rows).encode()))
    assert [n.text for n in loaded.document.notes] == [r[0] for r in rows[1:]]
    assert loaded.document.notes[0].votes == 0  # "=1+1" is not 2
    assert [w.line for w in loaded.warnings] == [2]


def test_an_excel_workbook_reads_like_a_csv(tmp_path):
    data = _xlsx(
        {
            "Lappar": [
                ["Innehåll", "Grupp", "Tema", "Röster", "Avsnitt"],
                ["Fler mötesplatser", "Bord 2", "Mötesplatser", 3, "Behov"],
                [None, None, None, None, None],
                ["Belysning", "Bord 1", "Trygghet", 2.0, None],
                [1234, "Bord 1", None, None, None],
            ],
        }
    )
    loaded = load_source(_write(tmp_path, "lappar.xlsx", data))
    doc = loaded.document
    assert loaded.kind == "xlsx" and loaded.warnings == ()
    assert [n.text for n in doc.notes] == ["Fler mötesplatser", "Belysning", "1234"]
    assert [g.name for g in doc.groups] == ["Bord 2", "Bord 1"]
    assert {n.text: n.votes for n in doc.notes} == {
        "Fler mötesplatser": 3,
        "Belysning": 2,
        "1234": 0,
    }
    assert _clusters_of(doc)["Belysning"] == "Trygghet"
    assert [n.source for n in doc.notes] == ["lappar.xlsx:2", "lappar.xlsx:4", "lappar.xlsx:5"]
    result = parse_source_bytes(data, "lappar.xlsx", ".xlsx", mapping={"group": -1})
    assert result.columns[:2] == ["Innehåll", "Grupp"] and result.mapping["group"] == -1
    assert [g.name for g in result.groups] == ["lappar"]


def _with_cached_value(data: bytes, cell: str, value: str) -> bytes:
    """The workbook with `cell`'s saved value set, as Excel writes it beside the formula."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(f'<c r="{cell}"'.encode(), f'<c r="{cell}" t="str"'.encode())
                start = body.index(f'<c r="{cell}"'.encode())
                end = body.index(b"<v></v>", start)
                body = body[:end] + f"<v>{value}</v>".encode() + body[end + 7 :]
            target.writestr(info.filename, body)
    return out.getvalue()


def test_excel_formulas_come_as_their_saved_value_or_else_as_text(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Text", "Röster"])
    ws.append(['="Fler "&"bänkar"', "=1+2"])
    ws.append(['=UPPER("belysning")', 1])
    ws.append(["Språkcafé", None])
    text_cell = ws.cell(row=4, column=1)
    text_cell.value = "=en lapp som börjar med likhetstecken"
    text_cell.data_type = "s"  # typed as text in Excel (a leading apostrophe)
    out = io.BytesIO()
    book.save(out)
    data = _with_cached_value(_with_cached_value(out.getvalue(), "A2", "Fler bänkar"), "B2", "3")
    loaded = load_source(_write(tmp_path, "f.xlsx", data))
    notes = loaded.document.notes
    assert [n.text for n in notes] == [
        "Fler bänkar",  # Excel's saved value
        '=UPPER("belysning")',  # no saved value: the formula's text, never computed
        "=en lapp som börjar med likhetstecken",
    ]
    assert [n.votes for n in notes] == [3, 1, 0]


def test_a_workbook_sheet_can_be_chosen_and_others_are_mentioned(tmp_path):
    data = _xlsx(
        {
            "Tom": [],
            "Bord 1": [["Text"], ["Ett"], ["Två"]],
            "Bord 2": [["Text"], ["Tre"]],
        }
    )
    loaded = load_source(_write(tmp_path, "b.xlsx", data))
    assert [n.text for n in loaded.document.notes] == ["Ett", "Två"]
    assert [w.line for w in loaded.warnings] == [1] and "Bord 2" in loaded.warnings[0].message
    chosen = parse_source_bytes(data, "b.xlsx", ".xlsx", sheet="Bord 2")
    assert [n.text for n in chosen.notes] == ["Tre"] and chosen.warnings == []
    with pytest.raises(SourceError, match="inget blad som heter ”Bord 3”"):
        parse_source_bytes(data, "b.xlsx", ".xlsx", sheet="Bord 3")


# --- Bad input: one Swedish line, nothing written, no crash or hang -------------------------


def _refused(tmp_path: Path, name: str, data: bytes) -> str:
    path = _write(tmp_path, name, data)
    before = sorted(tmp_path.iterdir())
    with pytest.raises(SourceError) as info:
        load_source(path)
    assert sorted(tmp_path.iterdir()) == before  # nothing written
    message = str(info.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def test_a_binary_file_named_csv_is_refused(tmp_path):
    noise = bytes(range(256)) * 64
    assert "ingen textfil" in _refused(tmp_path, "bild.csv", noise)
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    assert "ingen textfil" in _refused(tmp_path, "bild2.csv", png)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("a.txt", "hej")
    assert "zip" in _refused(tmp_path, "zip.csv", zipped.getvalue())


def test_an_empty_or_blank_file_is_refused(tmp_path):
    assert "tom" in _refused(tmp_path, "tom.csv", b"")
    assert "tom" in _refused(tmp_path, "blank.csv", b" \r\n\r\n;;\r\n")
    assert "tom" in _refused(tmp_path, "bom.csv", codecs.BOM_UTF8 + b"\r\n")
    with pytest.raises(SourceError, match="tom"):
        parse_source_bytes(b"", "x.csv", ".csv")
    assert "tom" in _refused(tmp_path, "tom.xlsx", b"")


def test_a_header_without_rows_is_refused(tmp_path):
    assert "bara en rubrikrad" in _refused(tmp_path, "h.csv", b"Text;Grupp;Kluster\r\n")
    data = _xlsx({"Blad1": [["Text", "Grupp"]]})
    assert "bara en rubrikrad" in _refused(tmp_path, "h.xlsx", data)


def test_rows_with_no_text_at_all_are_refused(tmp_path):
    message = _refused(tmp_path, "n.csv", b"Text;Grupp\r\n;Bord 1\r\n;Bord 2\r\n")
    assert "ingen rad har någon text" in message and "”Text”" in message


def test_an_xlsx_that_is_no_zip_is_refused(tmp_path):
    assert "ingen Excel-fil" in _refused(tmp_path, "t.xlsx", b"Text;Grupp\r\nEtt;1\r\n")
    assert "gamla format" in _refused(tmp_path, "old.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    good = _xlsx({"Blad1": [["Text"], ["Ett"]]})
    assert "trasig" in _refused(tmp_path, "half.xlsx", good[: len(good) // 2])
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    assert "ingen Excel-arbetsbok" in _refused(tmp_path, "w.xlsx", other.getvalue())


def test_an_xlsx_with_broken_insides_is_refused(tmp_path):
    good = _xlsx({"Blad1": [["Text"], ["Ett"]]})
    source = zipfile.ZipFile(io.BytesIO(good))
    for broken in ("xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                body = source.read(info.filename)
                cut = body[: len(body) // 2] if info.filename == broken else body
                target.writestr(info.filename, cut)
        message = _refused(tmp_path, f"broken{len(broken)}.xlsx", out.getvalue())
        assert "Excel" in message, (broken, message)


def test_a_zip_bomb_is_refused_by_its_declared_size_before_unpacking(tmp_path):
    out = io.BytesIO()
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(limits.MAX_UNZIPPED_BYTES // len(chunk) + 1):
                member.write(chunk)
    assert len(out.getvalue()) < limits.MAX_SOURCE_BYTES
    message = _refused(tmp_path, "bomb.xlsx", out.getvalue())
    assert "packas upp till" in message and "MB" in message


def test_a_huge_table_is_refused_at_the_note_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_NOTES", 100)
    rows = [["Text"]] + [[f"Lapp {i}"] for i in range(150)]
    message = _refused(tmp_path, "stor.csv", _csv(rows).encode())
    assert "rad 102" in message and "fler än 100 lappar" in message
    message = _refused(tmp_path, "stor.xlsx", _xlsx({"Blad1": rows}))
    assert "rad 102" in message and "fler än 100 lappar" in message


def test_too_many_rows_are_refused_even_blank_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_LINES", 1000)
    assert "fler än 1 000 rader" in _refused(
        tmp_path, "rader.csv", b"Text\r\nEtt\r\n" + b"\r\n" * 2000
    )
    book = openpyxl.Workbook()
    book.active.append(["Text"])
    book.active.cell(row=5000, column=1, value="Långt ner")
    out = io.BytesIO()
    book.save(out)
    assert "fler än 1 000 rader" in _refused(tmp_path, "rader.xlsx", out.getvalue())


def test_a_text_too_long_for_a_note_is_refused_with_its_row(tmp_path):
    rows = [["Text"], ["kort"], ["x" * (limits.MAX_TEXT_CHARS + 1)]]
    message = _refused(tmp_path, "lång.csv", _csv(rows).encode())
    assert "rad 3" in message and "längre än" in message


def test_an_unclosed_quote_is_warned_about_or_refused(tmp_path):
    loaded = load_source(_write(tmp_path, "q.csv", b'Text\r\nEtt\r\n"Tv\xc3\xa5\r\nTre\r\n'))
    assert [n.text for n in loaded.document.notes] == ["Ett", "Två\r\nTre"]
    assert [w.line for w in loaded.warnings] == [3] and "citattecken" in loaded.warnings[0].message
    huge = b'Text\r\nEtt\r\n"' + b"x" * 200_000 + b"\r\n"
    assert "rad 3" in _refused(tmp_path, "q2.csv", huge)


def test_invalid_utf8_in_the_middle_reads_as_windows_1252(tmp_path):
    data = (
        "Text;Grupp\r\nMötesplatser för äldre;Bord 1\r\n".encode()
        + "Språk – även ”det”;Bord 2\r\n".encode("cp1252")  # pasted from an old Word file
        + "Lärare på förskolor;Bord 2\r\nÄldre; Bord 1\r\n".encode()
    )
    doc = load_source(_write(tmp_path, "mix.csv", data)).document
    assert [n.text for n in doc.notes] == [
        "Mötesplatser för äldre",
        "Språk – även ”det”",
        "Lärare på förskolor",
        "Äldre",
    ]
