"""Markdown notes: files written here and imported through load_source as the app does."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan_desktop.core import limits
from samverkan_desktop.core.importers import SourceError, load_source, parse_source_bytes
from samverkan_desktop.core.importers.result import ParseResult

WORKSHOP = """\
# Fördjupningsdag om samverkan 2021-11-10

Anteckningar från grupparbeten.

## Arbetsmarknad grupp 1
Samtalsledare: Anette Valdemarsson och Fredrik Wouda

### Behov
- Digitaliseringen
- Språk – även att det fastnat i att man
  måste kunna språk
* Motivation [svårt att läsa]
+ Ring Eva på 070-123 45 67
1. Numrerad lapp
2) Och en till

**Hinder:**
- Pengar
- Tid (?)

En lös mening som också
är en lapp.

## Trygghet (klustrat)
Samtalsledare: Tina Fingal
### Belysning
- Mörka gångvägar
- [Tina Fingal](mailto:tina@example.se) lovade att höra av sig
### Vuxennärvaro
- Nattvandring
"""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _parse(path: Path) -> ParseResult:
    return parse_source_bytes(path.read_bytes(), path.name, path.suffix)


def _notes(result: ParseResult) -> list[tuple[str, str, str, int, int]]:
    return [
        (result.groups[n.group].name, n.section, n.text, n.line, n.end_line) for n in result.notes
    ]


def _refused(tmp_path: Path, name: str, data: bytes) -> str:
    with pytest.raises(SourceError) as caught:
        load_source(_write(tmp_path, name, data))
    message = str(caught.value)
    assert "\n" not in message and name in message
    return message


def test_headings_list_items_and_facilitators(tmp_path):
    path = _write(tmp_path, "workshop.md", WORKSHOP.encode())
    loaded = load_source(path)
    assert loaded.kind == "md"
    result = _parse(path)
    assert result.title == "Fördjupningsdag om samverkan"
    assert str(result.date) == "2021-11-10"
    assert result.description == "Anteckningar från grupparbeten."
    assert [(g.name, g.facilitators, g.line, g.clustered) for g in result.groups] == [
        ("Arbetsmarknad grupp 1", ["Anette Valdemarsson", "Fredrik Wouda"], 5, False),
        ("Trygghet", ["Tina Fingal"], 24, True),
    ]
    g1, g2 = "Arbetsmarknad grupp 1", "Trygghet"
    assert _notes(result) == [
        (g1, "Behov", "Digitaliseringen", 9, 9),
        (g1, "Behov", "Språk – även att det fastnat i att man måste kunna språk", 10, 11),
        (g1, "Behov", "Motivation", 12, 12),
        (g1, "Behov", "Ring Eva på 070-123 45 67", 13, 13),
        (g1, "Behov", "Numrerad lapp", 14, 14),
        (g1, "Behov", "Och en till", 15, 15),
        (g1, "Hinder", "Pengar", 18, 18),
        (g1, "Hinder", "Tid", 19, 19),
        (g1, "Hinder", "En lös mening som också är en lapp.", 21, 22),
        (g2, "Belysning", "Mörka gångvägar", 27, 27),
        (g2, "Belysning", "Tina Fingal (mailto:tina@example.se) lovade att höra av sig", 28, 28),
        (g2, "Vuxennärvaro", "Nattvandring", 30, 30),
    ]
    notes = result.notes
    assert notes[2].uncertain and notes[2].comment == "svårt att läsa"
    assert notes[7].uncertain and notes[7].comment == "Osäker läsning (?)"
    assert [i for i, n in enumerate(notes) if n.personal_data] == [3, 10]
    assert [n.cluster for n in notes[9:]] == ["Belysning", "Belysning", "Vuxennärvaro"]
    assert [(w.line, w.message) for w in result.warnings] == [
        (12, "Osäker läsning: ”Motivation”."),
        (19, "Osäker läsning: ”Tid”."),
    ]
    doc = loaded.document
    assert [n.source for n in doc.notes][1] == "workshop.md:10-11"
    assert sorted(c.name for c in doc.clusters) == ["Belysning", "Vuxennärvaro"]


def test_a_title_and_groups_one_level_down_or_groups_alone(tmp_path):
    text = "# Grupp A\n- Ett\n# Grupp B\n* Två\n"
    result = _parse(_write(tmp_path, "grupper.markdown", text.encode()))
    assert result.title == "grupper"  # notes right under the first "#": it is a group
    assert [g.name for g in result.groups] == ["Grupp A", "Grupp B"]
    assert _notes(result) == [("Grupp A", "", "Ett", 2, 2), ("Grupp B", "", "Två", 4, 4)]

    text = "## Grupp A\nSamtalsledare: Eva\n#### Djupt\n- Ett\n"
    result = _parse(_write(tmp_path, "djup.md", text.encode()))
    assert [g.name for g in result.groups] == ["Grupp A"]
    assert _notes(result) == [("Grupp A", "Djupt", "Ett", 4, 4)]


def test_notes_without_groups_go_into_grupp_1_with_a_warning(tmp_path):
    result = _parse(_write(tmp_path, "lista.md", b"- Ett\n- Tv\xc3\xa5\n\n- Tre\n"))
    assert result.title == "lista"
    assert _notes(result) == [
        ("Grupp 1", "", "Ett", 1, 1),
        ("Grupp 1", "", "Två", 2, 2),
        ("Grupp 1", "", "Tre", 4, 4),
    ]
    assert [(w.line, w.message) for w in result.warnings] == [
        (1, "Hittade inga grupper; alla lappar lades i ”Grupp 1”.")
    ]


def test_continuations_markup_and_what_ends_an_item(tmp_path):
    text = (
        "## Grupp\n"  # 1
        "- Första lappen fortsätter\n"  # 2
        "på nästa rad\n"  # 3
        "\n"  # 4
        "  och efter en tom rad indraget\n"  # 5
        "- [ ] En uppgift med **fet** och `kod`\n"  # 6
        "- [Länk](https://example.se) och \\*stjärna\n"  # 7
        "Samtalsledare: Eva Ek\n"  # 8: never a continuation
        "- Sista\n"  # 9
        "Frågor:\n"  # 10: a section, not a continuation
        "- Efter rubriken\n"  # 11
        "---\n"  # 12: a rule ends the item
        "Fristående text\n"  # 13
    )
    result = _parse(_write(tmp_path, "fort.md", text.encode()))
    assert result.groups[0].facilitators == ["Eva Ek"]
    assert _notes(result) == [
        ("Grupp", "", "Första lappen fortsätter på nästa rad och efter en tom rad indraget", 2, 5),
        ("Grupp", "", "En uppgift med fet och kod", 6, 6),
        ("Grupp", "", "Länk (https://example.se) och *stjärna", 7, 7),
        ("Grupp", "", "Sista", 9, 9),
        ("Grupp", "Frågor", "Efter rubriken", 11, 11),
        ("Grupp", "Frågor", "Fristående text", 13, 13),
    ]


def test_windows_line_endings_and_utf16_read_alike(tmp_path):
    text = "# Titel\r\n## Grupp\r\n- Åsa har en idé\r\n"
    for encoding, data in (
        ("utf-8", text.encode()),
        ("utf-16-le", b"\xff\xfe" + text.encode("utf-16-le")),
        ("cp1252", text.encode("cp1252")),
    ):
        result = _parse(_write(tmp_path, f"{encoding}.md", data))
        assert _notes(result) == [("Grupp", "", "Åsa har en idé", 3, 3)], encoding


# Bad input.


def test_invalid_utf8_in_the_middle_is_read_with_a_warning_naming_its_line(tmp_path):
    data = "# Titel\n## Grupp\n- Första å\n- Mitt i \x96 här\n- Sista ä\n".encode()
    data = data.replace("\x96".encode(), b"\x96")  # one Windows-1252 en dash in UTF-8
    result = _parse(_write(tmp_path, "blandad.md", data))
    assert [n.text for n in result.notes] == ["Första å", "Mitt i – här", "Sista ä"]
    assert result.encoding == "utf-8+cp1252"
    assert [(w.line, w.message) for w in result.warnings] == [
        (2, "Gruppen ”Grupp” har inga samtalsledare angivna."),
        (4, "Filen är UTF-8 men har några tecken i Windows-1252; de lästes som sådana."),
    ]
    # Only stray bytes and no UTF-8 at all: the whole file is Windows-1252, also said.
    result = _parse(_write(tmp_path, "ansi.md", b"## Grupp\n- ok\n- bl\xe5\n"))
    assert [n.text for n in result.notes] == ["ok", "blå"]
    assert [w.line for w in result.warnings] == [1, 3]
    assert "Windows-1252" in result.warnings[1].message


def test_an_empty_or_blank_file_is_refused(tmp_path):
    assert "är tom" in _refused(tmp_path, "tom.md", b"")
    assert "är tom" in _refused(tmp_path, "blank.md", b"\n  \n\t\n")
    with pytest.raises(SourceError, match="direkt.md är tom"):
        parse_source_bytes(b"", "direkt.md", ".md")


def test_headings_without_notes_are_refused(tmp_path):
    assert "hittade inga lappar" in _refused(tmp_path, "rubriker.md", b"# Titel\n## Grupp\n")


def test_a_binary_file_named_md_is_refused(tmp_path):
    message = _refused(tmp_path, "bild.md", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert "textfil" in message or "binär" in message


def test_limits_are_one_line_naming_the_file(tmp_path, monkeypatch):
    long_note = "## Grupp\n- " + "x" * (limits.MAX_TEXT_CHARS + 1) + "\n"
    message = _refused(tmp_path, "lång.md", long_note.encode())
    assert "rad 2" in message and "längre än" in message
    monkeypatch.setattr(limits, "MAX_NOTES", 10)
    many = "## Grupp\n" + "".join(f"- Lapp {i}\n" for i in range(20))
    assert "fler än 10 lappar" in _refused(tmp_path, "många.md", many.encode())
    monkeypatch.setattr(limits, "MAX_LINES", 100)
    assert "rader" in _refused(tmp_path, "rader.md", b"## G\n- a\n" + b"\n" * 200)
