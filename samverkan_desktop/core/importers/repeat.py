"""Does an import look like one already made? The app asks first, the command line warns.

Two signs, either one enough: a new note comes from a source file (by name) that the workshop
already has notes from ("orebro.txt:12-14" and "orebro.txt:80" are both from orebro.txt), or most
new notes' texts are already there, compared case- and diacritics-insensitively with the spacing
evened out (a JSON export of the workshop itself, or the same notes typed up under another name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import model as m
from ..textfold import fold

# The share of new notes whose text is already in the workshop that makes an import a repeat.
REPEAT_SHARE = 0.6

_PLACE = re.compile(r":\d+(?:-\d+)?$")  # the line numbers after the file name in Note.source


def source_file(source: str) -> str:
    """The file name of a note's source: "orebro.txt:12-14" -> "orebro.txt"."""
    return _PLACE.sub("", source.strip())


def normalised(text: str) -> str:
    """A note's text as compared here: folded, whitespace evened out."""
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class Repeat:
    """How much of an import the workshop already holds."""

    total: int  # new notes
    same_text: int  # new notes whose normalised text is already there
    same_place: int  # new notes whose source (file and lines) is already there
    files: tuple[str, ...] = ()  # the new notes' source files the workshop has notes from

    @property
    def by_text(self) -> bool:
        return self.total > 0 and self.same_text >= REPEAT_SHARE * self.total

    @property
    def by_file(self) -> bool:
        return bool(self.files)

    def __bool__(self) -> bool:
        return self.by_text or self.by_file


def repeat_of(existing: m.Document, new: m.Document) -> Repeat:
    """What of `new` the workshop `existing` already has (falsy: not a repeat)."""
    places = {n.source for n in existing.notes if n.source}
    files = {source_file(s) for s in places}
    texts = {t for t in (normalised(n.text) for n in existing.notes) if t}
    shared_files = sorted({source_file(n.source) for n in new.notes if n.source} & files)
    return Repeat(
        total=len(new.notes),
        same_text=sum(1 for n in new.notes if normalised(n.text) in texts),
        same_place=sum(1 for n in new.notes if n.source in places),
        files=tuple(f for f in shared_files if f),
    )
