"""Matching text the way a Swedish reader expects: case- and diacritics-insensitive.

Folding is for matching only; the text a user sees is never folded.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """'Mötesplatser' -> 'motesplatser', 'ÅSE' -> 'ase'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def contains(haystack: str, needle: str) -> bool:
    return fold(needle) in fold(haystack)
