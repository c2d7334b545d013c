"""Where "Dela lappen i två" cuts a note's text (core.text_split)."""

import pytest

from samverkan_desktop.core.text_split import split_point


@pytest.mark.parametrize(
    ("text", "at", "first"),
    [
        ("Fler mötesplatser. Bättre kollektivtrafik.", None, "Fler mötesplatser. "),
        ("Rad ett\nRad två", None, "Rad ett\n"),
        ("Hälsa – diagnoser – psykisk ohälsa", None, "Hälsa – diagnoser – "),
        ("Ett två tre fyra", None, "Ett två "),
        ("Ord", None, ""),
        ("Språkcafé och läxhjälp", 9, "Språkcafé"),
    ],
)
def test_where_a_note_is_split(text, at, first):
    assert text[: split_point(text, at)] == first
