"""Matching text the way a Swedish reader expects: case- and diacritics-insensitive.

Folding is for matching only; the text a user sees is never folded.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Iterable
from typing import Protocol


class _Texted(Protocol):  # a note, as `FoldCache.holding` reads it
    @property
    def id(self) -> int: ...

    @property
    def text(self) -> str: ...


def _fold_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _CharFolds(dict[int, str]):
    """Each character's folding, worked out the first time it is met. Folding goes character
    by character (case folding and compatibility decomposition map each character on its own,
    and the reordering NFKD does only moves the combining marks that are dropped), so a whole
    text folds with one `str.translate`."""

    def __missing__(self, code: int) -> str:
        value = _fold_slowly(chr(code))
        self[code] = value
        return value


_CHAR_FOLDS = _CharFolds()


def fold(text: str) -> str:
    """'Mötesplatser' -> 'motesplatser', 'ÅSE' -> 'ase'."""
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose
        return folded
    return folded.translate(_CHAR_FOLDS)


def contains(haystack: str, needle: str) -> bool:
    return fold(needle) in fold(haystack)


class FoldCache:
    """Folded texts kept by key (a note id), folded again only when the text has changed.

    `get(key, text)` checks the text it was folded from, so a caller that missed a change
    still gets the right answer; `forget` drops keys that are gone (deleted notes).
    """

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[str, str]] = {}

    def get(self, key: Hashable, text: str) -> str:
        entry = self._entries.get(key)
        if entry is not None and (entry[0] is text or entry[0] == text):
            return entry[1]
        folded = fold(text)
        self._entries[key] = (text, folded)
        return folded

    def holding(self, notes: Iterable[_Texted], words: list[str]) -> list[tuple[int, str]]:
        """(id, folded text) of each of `notes` whose folded text holds every one of `words`,
        in their order: `get(note.id, note.text)` for each, in one loop (a search's first key
        looks at every note of the board)."""
        entries = self._entries
        found: list[tuple[int, str]] = []
        one = words[0] if len(words) == 1 else None
        for note in notes:
            key, text = note.id, note.text
            entry = entries.get(key)
            if entry is not None and (entry[0] is text or entry[0] == text):
                folded = entry[1]
            else:
                folded = self.get(key, text)
            if one is not None:  # (most searches: one word, no loop over the words)
                if one in folded:
                    found.append((key, folded))
                continue
            for word in words:
                if word not in folded:
                    break
            else:
                found.append((key, folded))
        return found

    def forget(self, keys: Iterable[Hashable]) -> None:
        for key in keys:
            self._entries.pop(key, None)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
