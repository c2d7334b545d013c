"""Redaction: what a council reader must never find in a report marked as redacted."""

from __future__ import annotations

import pytest

from samverkan_desktop.core.export.redact import REMOVED, Redactor, redact_text

NAMES = ("Anette Valdemarsson", "Lovisa Strand", "Åse Sundqvist")


@pytest.mark.parametrize(
    "text",
    [
        "Mejla ah@hma.se för kontakt",
        "mailto:ah@hma.se",
        "Skriv till Förnamn.Efternamn+lista@orebro.kommun.se!",
        "Ring 070-123 45 67",
        "Ring 0701234567 i dag",
        "Växel 019-21 10 00.",
        "Ring +46 70 123 45 67",
        "Ring +46 (0)19 21 10 00",
        "Ring 0046 19 211000",
        "Personnummer 19850612-1234",
        "Personnummer 850612-1234",
    ],
)
def test_contact_details_are_removed(text: str) -> None:
    out = redact_text(text)
    assert REMOVED in out
    assert "@" not in out
    assert not any(ch.isdigit() for ch in out.replace("+", ""))


@pytest.mark.parametrize(
    "text",
    [
        "Fördjupningsdag om samverkan 2021-11-10",
        "Mörkt 15:30-07:30 på vintern",
        "Aktiviteter för unga, 16-25 år",
        "Klimatneutralt 2045, 1-2 dagars utbildning",
        "Koldioxidbudget 2030",
    ],
)
def test_dates_times_years_and_ranges_stay(text: str) -> None:
    assert redact_text(text) == text


def test_known_names_go_whole_in_parts_and_in_the_genitive() -> None:
    clean = Redactor(NAMES)
    assert clean("Anette Valdemarsson tar det") == f"{REMOVED} tar det"
    assert clean("Fråga Anette eller Sundqvist") == f"Fråga {REMOVED} eller {REMOVED}"
    assert clean("Åses förslag") == f"{REMOVED} förslag"
    assert "Lovisa" not in clean("Lovisa Strands anteckning")


def test_ordinary_words_that_look_like_names_stay_in_lower_case() -> None:
    clean = Redactor(NAMES)
    assert clean("Gångväg längs strand och skog") == "Gångväg längs strand och skog"
    assert clean("Anettesson Valdemarssonska") == "Anettesson Valdemarssonska"


def test_no_names_no_pattern() -> None:
    assert Redactor()("Belysning!") == "Belysning!"
    assert Redactor()("") == ""
