"""Take personal data out of text before a report leaves the facilitator's computer.

Removes e-mail addresses, phone numbers, personal identity numbers and the names of people the
workshop knows about (its facilitators, plus any names the caller adds). Each removal becomes
`REMOVED`, so a reader sees that something was there. Name matching is case-sensitive on whole
words: "Strand" the facilitator goes, "strand" the beach stays; a capitalised word that happens to
be a name part also goes, which is the safer mistake for a report that is filed publicly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from ..model import Document, Workshop

REMOVED = "[borttaget]"
# A note the facilitator marked as personal data is withheld whole, as the JSON export does:
# nobody can tell which part of it is the personal part.
WITHHELD = "[Personuppgifter borttagna]"

_EMAIL = re.compile(r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# Swedish numbers start with 0 (or +46/0046); foreign ones with +. Seven to thirteen digits with
# spaces, hyphens or slashes between them. Dates ("2021-11-10"), times ("15:30-07:30"), years and
# age ranges ("16-25 år") do not start that way and stay.
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:\+\d{1,3}(?:[ \u00a0-]?\(0\))?|00\d{1,3}|0)"
    r"(?:[ \u00a0\-–/]{0,3}\d){6,12}"
    r"(?![\w])"
)
# Swedish personal identity numbers: YYMMDD-NNNN or YYYYMMDD-NNNN.
_PERSONNUMMER = re.compile(r"(?<![\d-])(?:19|20)?\d{2}(?:0[1-9]|1[0-2])\d{2}[-+]\d{4}(?![\d-])")
_NAME_PART = re.compile(r"[^\W\d_][\w'’-]*")


# Further people a workshop knows about (participants, people named on notes): kept in the
# workshop file under this meta key, one name a line, and removed like the facilitators.
NAMES_META_KEY = "redact/names"
_NAME_SEPARATORS = re.compile(r"[\n;,]+")


def parse_names(text: str) -> tuple[str, ...]:
    """Names typed as a list ("Kalle Ek, Stina Berg" or one a line), without repeats."""
    seen: dict[str, None] = {}
    for name in _NAME_SEPARATORS.split(text):
        name = " ".join(name.split())
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


class _Meta(Protocol):
    def get_meta(self, key: str, default: str = "") -> str: ...


def known_names(store: _Meta) -> tuple[str, ...]:
    """The further names saved with a workshop (see NAMES_META_KEY)."""
    return parse_names(store.get_meta(NAMES_META_KEY))


def person_names(doc: Document, extra: Iterable[str] = ()) -> list[str]:
    """Every name the workshop knows: its groups' facilitators and `extra`."""
    names: list[str] = []
    for group in doc.groups:
        names.extend(group.facilitators)
    names.extend(extra)
    return [n.strip() for n in names if n.strip()]


class Redactor:
    """Built once per document (the name pattern is compiled once), applied to every string."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        words: set[str] = set()
        for name in names:
            words.add(name.strip())
            # "Anette Valdemarsson" is also "Anette" and "Valdemarsson" on a note.
            words.update(p for p in _NAME_PART.findall(name) if len(p) > 1 and p[0].isupper())
        words.discard("")
        # Longest first so that a full name goes as one piece, not as "[borttaget] [borttaget]".
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # A trailing "s" is the Swedish genitive ("Annas förslag").
        self._names = re.compile(rf"(?<!\w)(?:{alternatives})s?(?!\w)") if alternatives else None

    def __call__(self, text: str) -> str:
        if not text:
            return text
        text = _EMAIL.sub(REMOVED, text)
        text = _PERSONNUMMER.sub(REMOVED, text)
        text = _PHONE.sub(REMOVED, text)
        if self._names is not None:
            text = self._names.sub(REMOVED, text)
        return text


def redactor_for(doc: Document, extra_names: Iterable[str] = ()) -> Redactor:
    return Redactor(person_names(doc, extra_names))


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    return Redactor(names)(text)


def redact_document(doc: Document, extra_names: Iterable[str] = ()) -> Document:
    """`doc` with every text a report shows redacted, facilitators left out and notes marked as
    personal data withheld; the same document feeds the report's text and its board picture."""
    clean = redactor_for(doc, extra_names)
    w = doc.workshop
    return replace(
        doc,
        workshop=Workshop(clean(w.title), w.date, clean(w.description)),
        groups=tuple(replace(g, name=clean(g.name), facilitators=()) for g in doc.groups),
        clusters=tuple(
            c.with_(name=clean(c.name), description=clean(c.description)) for c in doc.clusters
        ),
        notes=tuple(
            n.with_(text=WITHHELD, comment="", section=clean(n.section))
            if n.personal_data
            else n.with_(text=clean(n.text), comment=clean(n.comment), section=clean(n.section))
            for n in doc.notes
        ),
    )
