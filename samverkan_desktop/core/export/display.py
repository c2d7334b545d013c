"""How much of a long text the report shows (PDF, Word, Markdown and the board pictures).

A sticky note holds a sentence or two; the seed workshop's longest is 260 characters. A file made
elsewhere can hold a 5 MB note or a 20,000-character cluster name, which would make a report of
hundreds of pages, take minutes to lay out and help no reader. So the report cuts such a text at
a word, ends it with "…", and says on its cover how many texts it cut and where the whole text is.
The data exports (JSON, CSV, GraphML, GEXF) keep every character.
"""

from __future__ import annotations

NOTE_CHARS = 2_000  # a note's text or comment: about half a page of the PDF
NAME_CHARS = 200  # a title, a cluster's, group's or section's name, a facilitator
DESCRIPTION_CHARS = 5_000  # the workshop's or a cluster's description
BOARD_NOTE_CHARS = 400  # a note card on the board picture shows about a hundred characters
ELLIPSIS = "…"
# Cut at the last space within this many characters of the limit, else mid-word (a long URL).
_WORD_ROOM = 40


def cut(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters ending at a word and "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if not text[limit - 1].isspace():  # the cut falls inside a word: end before it
        space = head.rfind(" ", limit - 1 - _WORD_ROOM)
        if space > 0:
            head = head[:space]
    return head.rstrip() + ELLIPSIS


class Cutter:
    """Cuts texts for the report and counts how many it cut, for the note on the cover."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.count = 0

    def __call__(self, text: str, limit: int) -> str:
        if not self.enabled or len(text) <= limit:
            return text
        self.count += 1
        return cut(text, limit)
