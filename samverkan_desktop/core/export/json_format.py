"""Export as the JSON exchange format (see core/exchange.py and docs/json-format.md)."""

from __future__ import annotations

from pathlib import Path

from .. import exchange
from .. import model as m
from . import redacted


def write(doc: m.Document, path: Path, *, redact: bool = False) -> None:
    Path(path).write_bytes(exchange.dumps(redacted(doc) if redact else doc))
