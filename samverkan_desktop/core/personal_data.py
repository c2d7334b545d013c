"""Find personal data in text: the one rule for the importer's flag and the exports' redaction.

What counts (each a `Finding` with a kind and where it is in the text):

- E-mail addresses, with or without "mailto:".
- Phone numbers, Swedish and foreign, as people type them: "070-123 45 67", "(070) 777 88 99",
  "070.888.99.00", "0046 (0)19-33 44 55", "+1 (555) 123-4567". A linear pattern cuts out short
  candidates (a trunk 0, 00 or + and then digits with a few separators) and the `phonenumbers`
  library judges each: a national number (trunk 0) must be a valid Swedish number; one written
  with + or 00 only a possible one, since the prefix already says it is a phone number. Dates
  ("2021-11-10"), times ("15:30-17:30", "08.30-09.15", opening hours "0800-1700"), years, ranges
  ("16-25 år"), counts and amounts do not start that way or are told apart, and stay.
- Personnummer and samordningsnummer (day + 60): a date of birth and four digits, as
  "198504044567", "8505055678", "19850606 6789", "850707-7890" (also with + or an en dash). A
  linear pattern cuts out the candidates in these layouts and the `personnummer` library judges
  each in twelve digits (without a century, in 19 or 20; after a "+", 18 or 19): the date must
  be possible and not in the future, the birth number not 000, and where the check digit (Luhn,
  over the ten-digit form) is right the number is certain. A number with a wrong check digit
  still counts when it is written in a layout only these numbers take (ten or twelve digits in a
  row, or the date joined to the four digits by a dash or a plus) and the library would take it
  with another check digit: a typed personnummer with one wrong digit still points at one
  person, and the misses reported from real notes were of that kind. Only the layout with a
  space, "211110 1530", is also how a date and a time are written; there the check digit decides.
- Names of people the caller lists (see `Names`).

Every pattern is linear in the length of the text: each can start only at the beginning of a
token and reads a bounded stretch from there, so a megabyte of hostile text costs what reading
it does, never the square of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import phonenumbers
from personnummer import personnummer  # the package's __init__ is empty

EMAIL, PHONE, PERSONNUMMER, ID_NUMBER, NAME = (
    "email",
    "phone",
    "personnummer",
    "id-number",  # shaped like a personnummer but with a wrong check digit
    "name",
)

_SPACES = " \u00a0\u2009\u202f"
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphen, Word's hyphens, en/em dash, minus
# Not inside a word or a number; unlike \b, an underscore separates ("Anna_070-123 45 67.txt").
_NOT_AFTER_ALNUM = r"(?<![^\W_])"
_NOT_BEFORE_ALNUM = r"(?![^\W_])"

# Starts only where a token starts (the look-behind), so a long run without "@" is read once.
_EMAIL = re.compile(r"(?<![\w.+-])(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)

_PHONE_SEPARATORS = f"{_SPACES}{_DASHES}./()"
# Each pattern opens with a look-ahead at the one character it can start with: the regex engine
# then tries the look-behinds only there, not at every position of every note (five times faster
# on a note without numbers, which most notes are).
_PHONE_CANDIDATE = re.compile(
    r"(?=[+(0])" + _NOT_AFTER_ALNUM + r"(?<![+.,])"
    r"(?:\+|\(?0)"  # international (+, or 00 which the digits carry), trunk 0, "(070)"
    rf"(?:[{_PHONE_SEPARATORS}]{{0,3}}\d){{6,16}}"  # E.164 has at most 15 digits
     + _NOT_BEFORE_ALNUM
)
# "08.30", "01.02.2021", "01/02": a time or a date, however valid the digits are as a number.
_TIME_OR_DATE = re.compile(r"\(?\d{1,2}[.:/]")
# "0800-1700", "kl 0830 - 1600": opening hours, not 08-001 700.
_HHMM = r"(?:[01]\d|2[0-4])[0-5]\d"
_TIME_RANGE = re.compile(rf"{_HHMM}[{_SPACES}]?[{_DASHES}][{_SPACES}]?{_HHMM}")
_NAME_PART = re.compile(r"[^\W\d_][\w'’-]*")

_PERSONNUMMER = re.compile(
    rf"(?=\d)(?<!\d)(?<!\d[{_DASHES}])"
    r"(?P<century>19|20)?(?P<yy>\d\d)(?P<mm>\d\d)(?P<dd>\d\d)"
    rf"(?P<sep>[{_SPACES}]?[{_DASHES}+][{_SPACES}]?|[{_SPACES}])?"
    r"(?P<serial>\d{4})"
    rf"(?!\d)(?![{_DASHES}]\d)"
)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


class Names:
    """The people a workshop knows about, compiled once and matched in any text.

    A listed name goes whole, in any case and in the genitive ("Anna Svensson", "ANNA SVENSSONS",
    "anna svensson"), with any spacing between its parts. Each part of it ("Anna", "Svensson")
    also goes on its own when it is capitalised or in capitals ("Svenssons förslag", "STRAND").
    A part written in lower case stays: "strand" is a beach, "hans" means his, "per", "bo", "berg"
    and "ek" are everyday words, so lower case would take more ordinary Swedish than names. A
    capitalised word that happens to be a name part ("Strand" starting a sentence) does go; that
    is the safer mistake for a report that is filed publicly.
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        full: set[str] = set()
        parts: set[str] = set()
        for name in names:
            words = name.split()
            if not words:
                continue
            full.add(r"\s+".join(re.escape(w) for w in words))
            # "Anette Valdemarsson" is also "Anette" and "Valdemarsson" on a note.
            parts.update(p for p in _NAME_PART.findall(name) if len(p) > 1 and p[0].isupper())
        alternatives = full | {re.escape(p) for p in parts}
        # Longest first so that a full name goes as one piece, not as "[borttaget] [borttaget]".
        ordered = "|".join(sorted(alternatives, key=len, reverse=True))
        # A trailing "s" is the Swedish genitive ("Annas förslag").
        self._pattern = (
            re.compile(rf"{_NOT_AFTER_ALNUM}(?:{ordered})s?{_NOT_BEFORE_ALNUM}", re.IGNORECASE)
            if ordered
            else None
        )

    def find(self, text: str) -> Iterator[Finding]:
        if self._pattern is None:
            return
        for m in self._pattern.finditer(text):
            whole_name = any(ch.isspace() for ch in m[0])
            if whole_name or m[0][0].isupper():
                yield Finding(NAME, m.start(), m.end())


def find(text: str, names: Names | None = None) -> list[Finding]:
    """Every piece of personal data in `text`, in order of where it starts (they may overlap)."""
    # No "@", no address: str's own search skips the pattern's work on most notes.
    emails = _EMAIL.finditer(text) if "@" in text else ()
    found = [Finding(EMAIL, m.start(), m.end()) for m in emails]
    found += _personnummer(text)
    found += (
        Finding(PHONE, m.start(), m.end())
        for m in _PHONE_CANDIDATE.finditer(text)
        if _is_phone_number(m[0])
    )
    if names is not None:
        found += names.find(text)
    return sorted(found, key=lambda f: (f.start, -f.end))


def contains(text: str, names: Names | None = None) -> bool:
    return bool(text) and bool(find(text, names))


def replace(text: str, replacement: str, names: Names | None = None) -> str:
    """`text` with each piece of personal data (overlapping ones as one) put as `replacement`."""
    if not text:
        return text
    out: list[str] = []
    end = 0
    for f in find(text, names):
        if f.start >= end:
            out.append(text[end : f.start])
            out.append(replacement)
        end = max(end, f.end)
    out.append(text[end:])
    return "".join(out)


def _personnummer(text: str) -> Iterator[Finding]:
    for m in _PERSONNUMMER.finditer(text):
        readings = _readings(m)
        if any(_born(number) for number in readings):
            yield Finding(PERSONNUMMER, m.start(), m.end())
        elif not any(ch in _SPACES for ch in m["sep"] or "") and any(
            _born(number[:-1] + digit) for number in readings for digit in "0123456789"
        ):
            yield Finding(ID_NUMBER, m.start(), m.end())


def _readings(m: re.Match[str]) -> tuple[str, ...]:
    """A candidate as `personnummer` parses it, in twelve digits: "198504044567". Without its
    century it is read in either that is possible, 19 or 20 (after a "+", which says a hundred
    or older, 18 or 19): the library would take the latest century not past this year, and so
    miss someone born a hundred years ago later in the year than today."""
    digits = m["yy"] + m["mm"] + m["dd"] + m["serial"]
    if m["century"]:
        return (m["century"] + digits,)
    centuries = ("18", "19") if "+" in (m["sep"] or "") else ("19", "20")
    return tuple(century + digits for century in centuries)


def _born(number: str) -> bool:
    """A valid personnummer or samordningsnummer (date, birth number, check digit), of someone
    already born."""
    try:
        return bool(personnummer.parse(number).get_date() <= dt.date.today())
    except (personnummer.PersonnummerException, ValueError):
        return False


def _is_phone_number(candidate: str) -> bool:
    if _TIME_OR_DATE.match(candidate) or _TIME_RANGE.fullmatch(candidate):
        return False
    international = candidate.startswith(("+", "00"))
    try:
        number = phonenumbers.parse(candidate, "SE")
    except phonenumbers.NumberParseException:
        return False
    if international:
        return bool(phonenumbers.is_possible_number(number))
    return bool(phonenumbers.is_valid_number(number))
