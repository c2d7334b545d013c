"""Bookmarks (the PDF outline) for a PDF that Qt wrote; QPdfWriter cannot make them itself.

The PDF is rewritten with pypdf in memory, copying everything Qt wrote (in PDF/A mode also the
XMP metadata and the output intent that declare PDF/A-1b); the caller writes the result.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.generic import IndirectObject

# (title, level, 0-based page); level 0 is the top of the outline, 1 under the last level 0...
Entry = tuple[str, int, int]
# Bookmarks deeper than this hang under the last one at this level: a reader's side panel
# shows no more anyway, and a file from elsewhere may nest clusters a thousand deep.
MAX_LEVEL = 8
TITLE_CHARS = 120  # a bookmark is one line in a narrow panel


def add_outline(data: bytes, entries: Sequence[Entry]) -> bytes:
    """`data` (a whole PDF) with `entries` as its bookmarks."""
    if not entries:
        return data
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # keep Qt's "%PDF-1.4": PDF/A-1 allows no later one
    parents: dict[int, IndirectObject] = {}
    last_page = len(writer.pages) - 1
    for title, level, page in entries:
        level = min(level, MAX_LEVEL)
        parent = parents.get(level - 1) if level > 0 else None
        if len(title) > TITLE_CHARS:
            title = title[: TITLE_CHARS - 1].rstrip() + "…"
        item = writer.add_outline_item(
            title=title, page_number=min(max(page, 0), last_page), parent=parent
        )
        parents[level] = item
    writer.page_mode = "/UseOutlines"  # readers open with the bookmarks shown
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
