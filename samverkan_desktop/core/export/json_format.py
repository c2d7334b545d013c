"""Export as the JSON exchange format (see core/exchange.py and docs/json-format.md)."""

from __future__ import annotations

from pathlib import Path

from .. import exchange
from .. import model as m
from .redact import redact_document


def write(doc: m.Document, path: Path, *, redact: bool = False) -> None:
    # Redacted the same way as every report format, so `--redact` means one thing everywhere.
    Path(path).write_bytes(exchange.dumps(redact_document(doc) if redact else doc))
