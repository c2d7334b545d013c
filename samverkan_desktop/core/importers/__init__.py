"""Read a source file (a typed-up transcript or the JSON exchange format) into a laid-out Document.

Nothing is written here: the caller hands the Document to `Store.add_document`, which adds it in
one transaction. Ids in the Document are its own (1..n); the store maps them to new ones.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from .. import oserrors
from ..limits import MAX_SOURCE_BYTES
from ..messages import Message, message, said
from .result import ImportRefused, ParseResult, ParseWarning

# Files people pick by mistake, recognised by their first bytes, with what to do instead.
_SIGNATURES = (  # message codes (core/messages_import.py)
    (b"SQLite format 3\x00", "import.is_database"),
    (b"PK\x03\x04", "import.is_zip"),
    (b"%PDF", "import.is_pdf"),
    (b"{\\rtf", "import.is_rtf"),
    (b"\xd0\xcf\x11\xe0", "import.is_old_word"),
)


# Formats besides transcripts and the JSON exchange format, by file suffix: "module:function"
# in this package, imported only when used. Each function takes (data: bytes, name: str,
# **options) and returns a ParseResult (nothing written, no ids), raising ImportRefused with one
# line for the user. `binary`: the format's files are not text (a zip), so the first-bytes check
# of text sources does not apply.
PARSERS: dict[str, str] = {
    ".docx": "docx_notes:parse_docx",
    ".md": "markdown_notes:parse_markdown",
    ".markdown": "markdown_notes:parse_markdown",
    ".csv": "table:parse_csv",
    ".tsv": "table:parse_csv",
    ".xlsx": "table:parse_xlsx",
}
BINARY_SUFFIXES: set[str] = {".docx", ".xlsx"}


class SourceError(ImportRefused):
    """A source that cannot be read at all; one line, naming the file."""


@dataclass(frozen=True)
class Source:
    """What a source gave: the laid-out document, its kind and the parser's warnings."""

    name: str
    kind: str  # "transcript", "json", "workshop" or a PARSERS format ("docx", "csv", ...)
    document: m.Document
    warnings: tuple[ParseWarning, ...] = ()


def read_source(path: str | os.PathLike[str], *, at_x: float | None = None) -> m.Document:
    """The Document a source file holds, laid out; see `load_source`."""
    return load_source(path, at_x=at_x).document


def load_source(path: str | os.PathLike[str], *, at_x: float | None = None) -> Source:
    """Read, check and lay out a source file.

    A transcript is laid out from x = `at_x` (or 0). A JSON file keeps its own positions unless it
    has none (all notes on one spot); with `at_x` it is moved so that its left edge is there, which
    is how an import lands to the right of what a file already holds. Another workshop file
    (`.samverkan`) is read through a read-only store and placed as a JSON file is.
    """
    # Imported here, not above: reading the error classes of `.result` (as the command line
    # does for every command) then loads no parser, layout or board geometry.
    from .. import exchange

    path = Path(path)
    suffix = path.suffix.lower()
    if _is_workshop(path, suffix):
        return _load_workshop(path, at_x)
    data = read_bytes(path, binary=suffix in BINARY_SUFFIXES)
    if suffix in PARSERS:
        result = parse_source_bytes(data, path.name, suffix)
        return _from_parse(result, path.name, suffix.lstrip("."), at_x)
    if exchange.looks_like_exchange(data) or path.suffix.lower() == ".json":
        try:
            doc = exchange.loads(data, path.name)
        except exchange.NotJsonError as exc:
            if path.suffix.lower() == ".json":
                raise SourceError(said(exc)) from None
            # A text file that merely starts with "{" is still a transcript.
        except exchange.ExchangeError as exc:
            raise SourceError(said(exc)) from None
        else:
            return Source(path.name, "json", _place_exchange(doc, at_x))
    return _from_parse(_parse_transcript(data, path.name), path.name, "transcript", at_x)


# A workshop file (another laptop's): SQLite's first bytes and our application id at offset 68
# of its header (see store_file.APPLICATION_ID), read here without opening the database.
_SQLITE_HEADER = b"SQLite format 3\x00"
_WORKSHOP_SUFFIX = ".samverkan"


def _is_workshop(path: Path, suffix: str) -> bool:
    """A `.samverkan` file, or any file whose header says it is one; read by the store. Another
    program's database is left to `read_bytes`, which refuses it with its message."""
    from ..store_file import APPLICATION_ID

    try:
        if not path.is_file():
            return False  # read_bytes says what it is instead (missing, a folder, a pipe)
        if suffix == _WORKSHOP_SUFFIX:
            return True
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError:
        return False  # read_bytes says why it cannot be read
    return head.startswith(_SQLITE_HEADER) and head[68:72] == APPLICATION_ID.to_bytes(4, "big")


def _load_workshop(path: Path, at_x: float | None) -> Source:
    """Another workshop file's whole document, read through a read-only store: the file is
    neither written nor locked (a window that has it open keeps it), placed as a JSON export."""
    from ..store import Store, StoreError

    try:
        with Store.open(path, readonly=True) as store:
            doc = store.document()
    except StoreError as exc:
        raise SourceError(_naming(path.name, said(exc))) from None
    if not (doc.notes or doc.groups or doc.clusters):
        raise SourceError("import.empty_workshop", name=path.name)
    return Source(path.name, "workshop", _place_exchange(doc, at_x))


def parse_source_bytes(data: bytes, name: str, suffix: str, **options: object) -> ParseResult:
    """A registered format's parse result (see PARSERS), before it becomes a Document: what an
    import preview shows and lets the user change."""
    from importlib import import_module

    module, function = PARSERS[suffix].split(":")
    parse = getattr(import_module(f".{module}", __name__), function)
    result: ParseResult = parse(data, name, **options)
    return flag_personal_data(result)


def flag_personal_data(result: ParseResult) -> ParseResult:
    """`result` with every note that holds personal data flagged, by the rule the exports
    redact with (core/personal_data.py): what an import preview marks. A note a parser flagged
    already (a facilitator's full name, a remark it took out) stays flagged. The Document is
    checked once more in `document_from_parse`, after the preview's edits."""
    for note in result.notes:
        note.personal_data = note.personal_data or _holds_personal_data(
            note.text, note.comment, note.author
        )
    return result


def _holds_personal_data(*texts: str) -> bool:
    from .. import personal_data  # imported late: phonenumbers' metadata loads with it

    return any(personal_data.contains(text) for text in texts)


def _from_parse(result: ParseResult, name: str, kind: str, at_x: float | None) -> Source:
    from .. import layout

    if not result.notes:
        # Nothing to sort: most likely the wrong file, and an empty workshop would hide that.
        raise SourceError("import.no_notes", name=name)
    doc = document_from_parse(result, name)
    return Source(
        name, kind, layout.layout_document(doc, x_offset=at_x or 0.0), tuple(result.warnings)
    )


def read_bytes(path: Path, binary: bool = False) -> bytes:
    """The bytes of a source, refusing what is clearly not one with a one-line message
    (`binary`: the format is not text, so only size and emptiness are checked)."""
    name = path.name or str(path)
    try:
        if not path.exists():
            raise SourceError("import.missing", path=str(path))
        if path.is_dir():
            raise SourceError("import.is_folder", path=str(path))
        if not path.is_file():  # a pipe or a device (/dev/zero) would block or never end
            raise SourceError("import.not_regular", name=name)
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(
                "import.too_large",
                name=name,
                size=f"{size / 1024 / 1024:.0f}",
                most=MAX_SOURCE_BYTES // 1024 // 1024,
            )
        data = path.read_bytes()
    except PermissionError:
        raise SourceError("import.no_rights", name=name) from None
    except OSError as exc:
        raise SourceError("import.cannot_read", name=name, why=oserrors.why(exc)) from None
    if not data.strip():
        raise SourceError("import.empty", name=name)
    if binary:
        return data
    for signature, code in _SIGNATURES:
        if data.startswith(signature):
            raise SourceError(code, name=name)
    return data


def _parse_transcript(data: bytes, name: str) -> ParseResult:
    from .transcript import parse_transcript  # imported late: the parser is the heavy part

    try:
        return flag_personal_data(parse_transcript(data, name))
    except ImportRefused as exc:
        raise SourceError(_naming(name, said(exc))) from None
    except UnicodeDecodeError:
        raise SourceError("import.unknown_encoding_short", name=name) from None


def _naming(name: str, reason: Message) -> Message:
    """`reason`, starting with the file's name unless it already names the file."""
    if not str(reason).strip():
        reason = message("import.unknown_error")
    return reason if name in str(reason) else message("import.in_file", name=name, reason=reason)


def _place_exchange(doc: m.Document, at_x: float | None) -> m.Document:
    from .. import layout

    if layout.is_pile(doc):
        return layout.layout_document(doc, x_offset=at_x or 0.0)
    doc = layout.settle_document(doc)
    bounds = layout.content_bounds(doc)
    if at_x is None or bounds is None:
        return doc
    return layout.shift(doc, at_x - bounds[0])


def document_from_parse(result: ParseResult, source_name: str = "") -> m.Document:
    """A parse result's groups, notes and clusters as a Document (not laid out yet); a note
    holding personal data (core/personal_data.py) is flagged, whichever importer read it.

    A "(klustrat)" group's own clusters belong to that group; themes across groups (a
    spreadsheet's cluster column, a whiteboard's tags or frames) are one cluster per name,
    whatever group the notes come from: a note joins its first and also relates to the rest."""
    name = source_name or result.source_name
    groups = tuple(
        m.Group(id=i, name=g.name, facilitators=tuple(g.facilitators), position=i - 1)
        for i, g in enumerate(result.groups, 1)
    )
    # Clusters in the order they first appear: (group index, name) for a group's own,
    # (None, name) for a theme across groups.
    cluster_ids: dict[tuple[int | None, str], int] = {}
    clusters: list[m.Cluster] = []

    def cluster(key: tuple[int | None, str], group_id: int | None) -> int:
        if key not in cluster_ids:
            cluster_ids[key] = len(clusters) + 1
            clusters.append(m.Cluster(id=cluster_ids[key], name=key[1], group_id=group_id))
        return cluster_ids[key]

    notes: list[m.Note] = []
    themes: list[m.ThemeLink] = []
    for i, p in enumerate(result.notes, 1):
        group_id = p.group + 1 if 0 <= p.group < len(groups) else None
        cluster_id = cluster((p.group, p.cluster), group_id) if p.cluster else None
        named = list(dict.fromkeys(t.strip() for t in p.themes if t.strip()))
        for theme in named:
            cid = cluster((None, theme), None)
            if cluster_id is None:
                cluster_id = cid
            elif cid != cluster_id:
                themes.append(m.ThemeLink(i, cid))
        comment = p.comment
        if p.author.strip():
            by = f"Skriven av {p.author.strip()}"
            comment = f"{comment}\n{by}" if comment else by
        notes.append(
            m.Note(
                id=i,
                text=p.text,
                group_id=group_id,
                section=p.section,
                source=_source(name, p.line, p.end_line),
                uncertain=p.uncertain,
                comment=comment,
                # Every importer's notes by the one rule, whatever the parser or the preview
                # did: what the exports would redact is what the board marks.
                personal_data=p.personal_data or _holds_personal_data(p.text, comment),
                cluster_id=cluster_id,
                votes=max(0, p.votes),
            )
        )
    return m.Document(
        workshop=m.Workshop(result.title, result.date, result.description),
        groups=groups,
        clusters=tuple(clusters),
        notes=tuple(notes),
        themes=tuple(themes),
    )


def _source(name: str, line: int, end_line: int) -> str:
    if not line:
        return name
    if end_line > line:
        return f"{name}:{line}-{end_line}"
    return f"{name}:{line}"
