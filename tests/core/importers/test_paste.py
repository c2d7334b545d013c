"""Pasted text as notes (Edit > Paste as notes): one note per line or per bullet."""

from __future__ import annotations

import pytest

from samverkan_desktop.core import limits
from samverkan_desktop.core.importers import document_from_parse
from samverkan_desktop.core.importers.paste import GROUP_NAME, parse_text
from samverkan_desktop.core.importers.result import ImportRefused, ParseResult


def _notes(result: ParseResult) -> list[tuple[str, str, int, int]]:
    return [(n.section, n.text, n.line, n.end_line) for n in result.notes]


def test_one_note_per_line_blank_lines_ignored():
    result = parse_text("Trygghet\n\nBelysning i parken\r\n   \nFler vuxna\n")
    assert [(g.name, g.line) for g in result.groups] == [(GROUP_NAME, 1)]
    assert _notes(result) == [
        ("", "Trygghet", 1, 1),
        ("", "Belysning i parken", 3, 3),
        ("", "Fler vuxna", 5, 5),
    ]
    assert all(n.group == 0 for n in result.notes)
    assert result.source_name == "Urklipp" and result.warnings == []


def test_one_note_per_bullet_with_wrapped_lines_joined():
    text = (
        "- Första punkten som är lång och\n"  # 1
        "  fortsätter på nästa rad\n"  # 2
        "* Andra\n"  # 3
        "• Tredje, från Word\n"  # 4
        "Fortsättning utan indrag\n"  # 5: right under a bullet, so its wrapped line
        "\n"
        "1. Numrerad\n"  # 7
        "2) Numrerad igen\n"  # 8
        "\n"
        "Egen rad efter en tom rad\n"  # 10
    )
    result = parse_text(text, "Min text")
    assert result.source_name == "Min text"
    assert _notes(result) == [
        ("", "Första punkten som är lång och fortsätter på nästa rad", 1, 2),
        ("", "Andra", 3, 3),
        ("", "Tredje, från Word Fortsättning utan indrag", 4, 5),
        ("", "Numrerad", 7, 7),
        ("", "Numrerad igen", 8, 8),
        ("", "Egen rad efter en tom rad", 10, 10),
    ]


def test_sections_facilitators_remarks_and_personal_data():
    text = (
        "Samtalsledare: Eva Ek och Per Ek\n"
        "Behov:\n"
        "- Lokaler (?)\n"
        "- Ring 070-123 45 67\n"
        "Hinder:\n"  # a section, not the bullet's continuation
        "- Eva Ek har synpunkter [otydligt]\n"
    )
    result = parse_text(text)
    assert result.groups[0].facilitators == ["Eva Ek", "Per Ek"]
    assert _notes(result) == [
        ("Behov", "Lokaler", 3, 3),
        ("Behov", "Ring 070-123 45 67", 4, 4),
        ("Hinder", "Eva Ek har synpunkter", 6, 6),
    ]
    notes = result.notes
    assert notes[0].uncertain and [w.line for w in result.warnings] == [3]
    assert notes[2].comment == "otydligt"
    assert [n.personal_data for n in notes] == [False, True, True]
    doc = document_from_parse(result, "Urklipp")
    assert [g.name for g in doc.groups] == [GROUP_NAME] and len(doc.notes) == 3


def test_text_with_markdown_headings_is_read_as_markdown():
    text = "# Workshop\n## Grupp A\n- Ett\n## Grupp B\n### Fråga\n- Två\n  fortsätter\n"
    result = parse_text(text)
    assert result.title == "Workshop"
    assert [g.name for g in result.groups] == ["Grupp A", "Grupp B"]
    groups = [result.groups[n.group].name for n in result.notes]
    assert [(g, *t) for g, t in zip(groups, _notes(result), strict=True)] == [
        ("Grupp A", "", "Ett", 3, 3),
        ("Grupp B", "Fråga", "Två fortsätter", 6, 7),
    ]


def test_a_hashtag_is_no_heading():
    result = parse_text("#viktigt att minnas\n- punkt\n")
    assert [g.name for g in result.groups] == [GROUP_NAME]
    assert [n.text for n in result.notes] == ["#viktigt att minnas", "punkt"]


def test_empty_or_noteless_text_is_one_line():
    for text in ("", "  \n\t\n", "\x00\x01"):
        with pytest.raises(ImportRefused, match="^Urklipp: det finns ingen text att klistra in.$"):
            parse_text(text)
    with pytest.raises(ImportRefused, match="^Urklipp: texten innehåller inga lappar.$"):
        parse_text("Behov:\nSamtalsledare: Eva\n")


def test_limits_hold_for_pasted_text(monkeypatch):
    with pytest.raises(ImportRefused, match="^Urklipp: rad 1: .*längre än"):
        parse_text("x" * (limits.MAX_TEXT_CHARS + 1))
    monkeypatch.setattr(limits, "MAX_NOTES", 10)
    with pytest.raises(ImportRefused, match="^Urklipp: rad 11: fler än 10 lappar"):
        parse_text("\n".join(f"Lapp {i}" for i in range(20)))
    monkeypatch.setattr(limits, "MAX_LINES", 100)
    with pytest.raises(ImportRefused, match="^Urklipp: .*rader"):
        parse_text("a\n" * 200)
