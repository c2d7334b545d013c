"""Bookmarks (the PDF outline) for a PDF that Qt wrote; QPdfWriter cannot make them itself.

The file is rewritten with pypdf, copying everything Qt wrote (in PDF/A mode also the XMP
metadata and the output intent that declare PDF/A-1b), and replaced in one step.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter

# (title, level, 0-based page); level 0 is the top of the outline, 1 under the last level 0...
Entry = tuple[str, int, int]


def add_outline(path: Path, entries: Sequence[Entry]) -> None:
    if not entries:
        return
    reader = PdfReader(path)
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # keep Qt's "%PDF-1.4": PDF/A-1 allows no later one
    parents: dict[int, object] = {}
    last_page = len(writer.pages) - 1
    for title, level, page in entries:
        parent = parents.get(level - 1) if level > 0 else None
        item = writer.add_outline_item(
            title=title, page_number=min(max(page, 0), last_page), parent=parent
        )
        parents[level] = item
    writer.page_mode = "/UseOutlines"  # readers open with the bookmarks shown
    tmp = path.with_name(f".{path.name}.outline")
    try:
        with tmp.open("wb") as fh:
            writer.write(fh)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
