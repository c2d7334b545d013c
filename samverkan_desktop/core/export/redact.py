"""Take personal data out of text before a report leaves the facilitator's computer.

What personal data is (e-mail addresses, phone numbers, personnummer, the names of people the
workshop knows about: its facilitators plus any names the caller adds) is decided in
`core/personal_data.py`, the same rule every importer flags notes with. Each removal
becomes `REMOVED`, so a reader sees that something was there. Names go whole in any case and in
the genitive; a single part of a name goes when capitalised or in capitals, so "Strand" and
"STRAND" the facilitator go while "strand" the beach stays (see `personal_data.Names`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from .. import personal_data
from ..model import Document, Workshop

REMOVED = "[borttaget]"
# A note the facilitator marked as personal data is withheld whole, as the JSON export does:
# nobody can tell which part of it is the personal part.
WITHHELD = "[Personuppgifter borttagna]"


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
        self._names = personal_data.Names(names)

    def __call__(self, text: str) -> str:
        return personal_data.replace(text, REMOVED, self._names)


def redactor_for(doc: Document, extra_names: Iterable[str] = ()) -> Redactor:
    return Redactor(person_names(doc, extra_names))


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    return Redactor(names)(text)


def redact_document(doc: Document, extra_names: Iterable[str] = ()) -> Document:
    """`doc` with every text field redacted, facilitators left out and notes marked as personal
    data withheld; the same document feeds every export format, the report's text and its board
    picture. Colours too: a hand-edited JSON file can put any text there, and a real "#rrggbb"
    comes through unchanged."""
    clean = redactor_for(doc, extra_names)
    w = doc.workshop
    return replace(
        doc,
        workshop=Workshop(clean(w.title), w.date, clean(w.description)),
        groups=tuple(replace(g, name=clean(g.name), facilitators=()) for g in doc.groups),
        clusters=tuple(
            c.with_(name=clean(c.name), description=clean(c.description), colour=clean(c.colour))
            for c in doc.clusters
        ),
        notes=tuple(
            n.with_(
                text=WITHHELD if n.personal_data else clean(n.text),
                comment="" if n.personal_data else clean(n.comment),
                section=clean(n.section),
                # Often a file name: "Anteckningar Anna Svensson anna@x.se.txt:12".
                source=clean(n.source),
                colour=clean(n.colour),
            )
            for n in doc.notes
        ),
    )
