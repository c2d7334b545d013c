"""Where to cut a note's text in two ("Dela lappen i två", and the import preview's split)."""

from __future__ import annotations

# The breaks tried in turn: a new line, a sentence end, a clause break, a comma, a word break.
BREAKS = (("\n",), (". ", "? ", "! "), ("; ", " – ", " - ", ": "), (", ",), (" ",))


def split_point(text: str, at: int | None = None) -> int:
    """Where to cut a note in two: at `at` if given, else the sentence end nearest the middle.

    Falls back on the word break nearest the middle; returns 0 when there is no sensible cut.
    """
    if at is not None:
        return max(0, min(len(text), at))
    middle = len(text) / 2
    for marks in BREAKS:
        cuts = [
            i + len(mark)
            for mark in marks
            for i in range(len(text))
            if text.startswith(mark, i) and text[: i + 1].strip() and text[i + len(mark) :].strip()
        ]
        if cuts:
            return int(min(cuts, key=lambda c: abs(c - middle)))
    return 0
