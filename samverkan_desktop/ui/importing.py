"""Importing notes into the open workshop: a parse result laid out beside what is on the
board and written as one undoable step (`commands.ImportCommand`).
"""

from __future__ import annotations

from ..core import layout
from ..core import model as m
from ..core.importers import document_from_parse
from ..core.importers.result import ParseResult
from .commands import ImportCommand
from .document import DocumentModel

__all__ = ["ImportCommand", "document_for", "import_parse_result"]


def document_for(result: ParseResult, name: str, existing: m.Document | None = None) -> m.Document:
    """A parse result (as the preview left it) as a laid-out Document, placed right of what
    `existing` holds on the board."""
    document = layout.layout_document(document_from_parse(result, name))
    return layout.place_right_of(document, existing) if existing is not None else document


def import_parse_result(
    doc: DocumentModel, result: ParseResult, name: str, text: str
) -> ImportCommand:
    """Write `result` into the open workshop beside what is there; push the returned command.

    A StoreError leaves the file as it was and no command behind."""
    document = document_for(result, name, doc.store.document())
    return ImportCommand.run(doc, document, text, merge=False)  # as previewed
