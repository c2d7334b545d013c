"""Notes from a table: a CSV file (any of `,` `;` tab, in UTF-8, UTF-16 or Windows-1252) or an
Excel workbook (.xlsx), one note a row.

Columns are recognised by their header, in Swedish or English, whatever the case and accents
("Innehåll", "INNEHALL"); a preview shows `columns` and `mapping` and parses again with the
user's `mapping=` (and `header=`, whether the first row is a header). Two whiteboard exports are
known by their columns: a sticky-note export with a Tags column (the tags become themes) and
Lucidspark's (the sticky notes' text, the frame each sits in as its theme). The app's own CSV
export reads back to the same notes, groups and clusters.

A cell is only ever text: a CSV cell "=SUM(A1)" is that text, an Excel formula comes as the value
Excel saved for it or, if none, as its formula text; nothing is evaluated here. Rows are numbered
as a spreadsheet shows them (the header is row 1) in `ParsedNote.line` and the warnings.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .. import limits
from ..messages import message, said
from . import SourceError
from .result import ImportRefused, ParsedGroup, ParsedNote, ParseResult, ParseWarning
from .textdecode import decode_text
from .zipcheck import zip_problem

# The fields a column can hold, each with the header names that mean it, written as `_key`
# makes them (lower case, no accents, single spaces). Order: the order a preview lists them.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "texter",
        "content",
        "innehall",
        "lapp",
        "lappar",
        "note",
        "notes",
        "text area 1",
    ),
    "group": ("grupp", "group", "bord", "table"),
    "cluster": ("kluster", "cluster", "tema", "theme", "contained by"),
    "tags": ("tags", "tag", "taggar", "tagg"),
    "votes": ("roster", "votes", "vote", "prickar", "poang"),
    "author": ("forfattare", "author", "skribent", "created by"),
    "section": ("avsnitt", "section"),
    "comment": ("kommentar", "comment"),
    "uncertain": ("osaker", "uncertain"),
}
# Swedish names of the fields, for messages and the preview.
FIELD_NAMES = {
    "text": "text",
    "group": "grupp",
    "cluster": "kluster",
    "tags": "taggar",
    "votes": "röster",
    "author": "författare",
    "section": "avsnitt",
    "comment": "kommentar",
    "uncertain": "osäker",
}
_BY_HEADER = {name: field for field, names in FIELDS.items() for name in names}

_DELIMITERS = (",", ";", "\t")
_SAMPLE_ROWS = 50  # records read with each delimiter to pick one
# The app's own CSV export puts an apostrophe before text a spreadsheet would take for a formula
# (csv_export._FORMULA_START); reading it back takes the apostrophe off again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_YES = {"ja", "yes", "x", "1", "true", "sant", "?"}
_TAG_SPLIT = re.compile(r"[,;]")
# Lucidspark: the columns that mark its export, and the shapes that are sticky notes.
_LUCID_COLUMNS = {"id", "name", "contained by", "text area 1"}
_LUCID_NOTE = re.compile(r"sticky|^notes?$|^lapp(ar)?$|post ?it")


@dataclass
class _Table:
    """Rows of cells as read, before any meaning: (row number, cells)."""

    rows: list[tuple[int, list[str]]]
    csv_escapes: bool  # cells may carry the CSV export's apostrophe before a formula sign
    encoding: str = ""


def parse_csv(
    data: bytes,
    name: str,
    *,
    mapping: dict[str, int] | None = None,
    header: bool | None = None,
    **options: object,
) -> ParseResult:
    """The notes of a CSV (or tab-separated) file; see the module's docstring.

    `mapping` (field -> column index, -1 for none) overrides the columns found by their header,
    field by field; `header` says whether the first row is a header (None: recognise it)."""
    if not data.strip():
        raise SourceError("import.empty", name=name)
    try:
        text, encoding = decode_text(data)
    except ImportRefused as exc:
        raise SourceError("import.in_file", name=name, reason=said(exc)) from None
    if not text.strip():
        raise SourceError("import.empty", name=name)
    delimiter = _delimiter(text, name)
    rows = _csv_rows(text, delimiter, name)
    result = _build(_Table(rows, csv_escapes=True, encoding=encoding), name, mapping, header)
    if text.count('"') % 2:
        # An opening quote without its closing one swallows the rest of the file into one cell.
        last = rows[-1][0] if rows else 1
        result.warnings.append(ParseWarning(last, message("warn.open_quote")))
        result.warnings.sort(key=lambda w: w.line)
    return result


def parse_xlsx(
    data: bytes,
    name: str,
    *,
    mapping: dict[str, int] | None = None,
    sheet: str | None = None,
    header: bool | None = None,
    **options: object,
) -> ParseResult:
    """The notes of one sheet of an Excel workbook (`sheet`, or the first that holds anything);
    see parse_csv for `mapping` and `header`."""
    if not data.strip():
        raise SourceError("import.empty", name=name)
    _check_zip(data, name)
    rows, sheet_name, others = _xlsx_rows(data, name, sheet)
    result = _build(_Table(rows, csv_escapes=False), name, mapping, header)
    if others:
        result.warnings.insert(
            0,
            ParseWarning(
                1, message("warn.other_sheets", sheets=", ".join(others), sheet=sheet_name)
            ),
        )
    return result


# --- CSV -----------------------------------------------------------------------------------------


def _delimiter(text: str, name: str) -> str:
    """The delimiter that splits the first rows into the same number of columns, preferring one
    that shows known column names; a tab for a .tsv file when nothing tells them apart."""
    preferred = "\t" if name.lower().endswith(".tsv") else ","
    best, best_score = preferred, (-1, -1.0, -1, 0)
    for delimiter in _DELIMITERS:
        try:
            sample = [
                r
                for r in itertools.islice(_reader(text, delimiter), _SAMPLE_ROWS)
                if any(c.strip() for c in r)
            ]
        except csv.Error:
            continue
        if not sample:
            continue
        widths = [len(r) for r in sample]
        width = max(set(widths), key=widths.count)
        known = sum(1 for cell in sample[0] if _key(cell) in _BY_HEADER)
        if width < 2 and not known:
            continue
        score = (known, widths.count(width) / len(widths), width, delimiter == preferred)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _reader(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _csv_rows(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, cells in enumerate(_reader(text, delimiter), 1):
            if number > limits.MAX_LINES:
                raise SourceError("table.too_many_rows", name=name, most=limits.MAX_LINES)
            rows.append((number, cells))
    except csv.Error as exc:
        raise SourceError("table.bad_csv", name=name, line=number + 1, why=str(exc)) from None
    return rows


# --- Excel ---------------------------------------------------------------------------------------


def _check_zip(data: bytes, name: str) -> None:
    """Refuse what is no .xlsx, and a zip whose declared contents are too large to unpack
    (a zip bomb): Python's zipfile never inflates a member beyond its declared size."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError("table.old_xls", name=name)
    if not data.startswith(b"PK"):
        raise SourceError("table.not_zip", name=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise SourceError("table.broken_zip", name=name) from None
    problem = zip_problem(infos, name, message("zip.not_workbook"))
    if problem:
        raise SourceError(problem)
    if not any(info.filename.startswith("xl/") for info in infos):
        raise SourceError("table.not_workbook", name=name)


def _xlsx_rows(
    data: bytes, name: str, sheet: str | None
) -> tuple[list[tuple[int, list[str]]], str, list[str]]:
    """(rows, the sheet's name, the other sheets that hold anything)."""
    import openpyxl  # imported here: only an Excel import needs it

    try:
        # Two readings of the same sheet side by side: the values Excel saved (data_only), and
        # the formulas, for a formula cell that has no saved value (a file written by a program
        # that computes nothing). openpyxl never evaluates a formula.
        values_book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formula_book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except SourceError:
        raise
    except Exception as exc:  # a hostile file can fail anywhere inside openpyxl
        raise SourceError("table.unreadable_xlsx", name=name, why=_reason(exc)) from None
    try:
        names = list(values_book.sheetnames)
        if sheet is not None and sheet not in names:
            raise SourceError("table.no_sheet", name=name, sheet=sheet, sheets=", ".join(names))
        chosen = ""
        rows: list[tuple[int, list[str]]] = []
        others: list[str] = []
        for title in names if sheet is None else [sheet]:
            values = values_book[title]
            if not hasattr(values, "iter_rows"):
                continue  # a chart sheet
            if chosen:
                if _has_content(values):
                    others.append(title)
                continue
            found = _sheet_rows(values, formula_book[title], name)
            if found or sheet is not None:
                chosen, rows = title, found
        if not chosen:
            raise SourceError("table.no_cells", name=name)
        return rows, chosen, others
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError("table.unreadable_xlsx", name=name, why=_reason(exc)) from None
    finally:
        values_book.close()
        formula_book.close()


def _sheet_rows(values: Any, formulas: Any, name: str) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    values.reset_dimensions()  # a file's own dimensions can be wrong or huge
    columns = limits.MAX_TABLE_COLUMNS
    value_rows = values.iter_rows(max_col=columns, values_only=True)
    if _has_formulas(values):
        formulas.reset_dimensions()
        formula_rows = formulas.iter_rows(max_col=columns, values_only=True)
    else:  # the second reading costs as much as the first: only when there is a formula
        formula_rows = itertools.repeat(())
    for number, (row, formula_row) in enumerate(zip(value_rows, formula_rows, strict=False), 1):
        if number > limits.MAX_LINES:
            raise SourceError("table.sheet_too_many_rows", name=name, most=limits.MAX_LINES)
        if all(v is None for v in row) and all(v is None for v in formula_row):
            continue
        cells = []
        for i, value in enumerate(row):
            if value is None and i < len(formula_row) and formula_row[i] is not None:
                value = formula_row[i]  # a formula with no saved value: its text, as text
            cells.append(_cell_text(value))
        rows.append((number, cells))
    return rows


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(ws: Any) -> bool:
    """Whether the sheet's XML holds a formula (<f>), read in pieces without parsing it."""
    tail = b""
    with ws.parent._archive.open(ws._worksheet_path) as source:
        while chunk := source.read(1 << 20):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _has_content(ws: Any) -> bool:
    ws.reset_dimensions()
    rows = ws.iter_rows(max_col=limits.MAX_TABLE_COLUMNS, values_only=True)
    for row in itertools.islice(rows, 1000):
        if any(v is not None for v in row):
            return True
    return False


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = getattr(value, "text", None)  # an array formula
    if isinstance(text, str):
        return text
    return str(value)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:120]
    return text or type(exc).__name__


# --- From rows to notes --------------------------------------------------------------------------


def _key(header: str) -> str:
    """ "Innehåll:" -> "innehall", "Text_Area 1" -> "text area 1": what header names are
    compared as."""
    decomposed = unicodedata.normalize("NFKD", header.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"[_\-]+", " ", plain)
    return " ".join(plain.split()).strip(" :*.")


def detect_mapping(columns: list[str]) -> dict[str, int]:
    """Each field's column by its header name (the leftmost, if two mean the same); -1: none."""
    mapping = dict.fromkeys(FIELDS, -1)
    for i, column in enumerate(columns):
        field = _BY_HEADER.get(_key(column))
        if field and mapping[field] < 0:
            mapping[field] = i
    return mapping


def _is_lucid(columns: list[str]) -> bool:
    return _LUCID_COLUMNS <= {_key(c) for c in columns}


def _build(
    table: _Table, name: str, mapping: dict[str, int] | None, header: bool | None
) -> ParseResult:
    stem = PurePath(name).stem or name
    result = ParseResult(title=stem, source_name=name, encoding=table.encoding)
    rows = table.rows
    while rows and _blank(rows[0][1]):
        rows = rows[1:]  # blank rows above the table
    if not rows:
        raise SourceError("import.empty", name=name)
    first = rows[0][1]
    detected = detect_mapping(first)
    has_header = header if header is not None else any(i >= 0 for i in detected.values())
    if has_header:
        columns = [c.strip() for c in first]
        body = rows[1:]
    else:
        width = max(len(cells) for _, cells in rows[:_SAMPLE_ROWS])
        columns = [f"Kolumn {i}" for i in range(1, width + 1)]
        detected = dict.fromkeys(FIELDS, -1)
        detected["text"] = 0
        body = rows
    lucid = has_header and _is_lucid(columns)
    if lucid:
        detected["group"] = -1  # Lucid's "Group" is its own grouping of shapes, not a table
    result.columns = columns
    result.mapping = _with_override(detected, mapping, columns, name)
    if result.mapping["text"] < 0:
        found = ", ".join(f"”{c}”" for c in columns if c) or message("table.no_names")
        raise SourceError("table.no_text_column", name=name, found=found)
    if has_header and not body:
        raise SourceError("table.header_only", name=name)
    reader = _Rows(result, table, name, len(columns))
    if lucid:
        _read_lucid(reader, body)
    else:
        _read_plain(reader, body)
    if not result.notes:
        raise SourceError("table.empty_text_column", name=name, column=_column(result))
    result.warnings.sort(key=lambda w: w.line)
    return result


def _column(result: ParseResult) -> str:
    i = result.mapping["text"]
    return result.columns[i] if 0 <= i < len(result.columns) else str(i + 1)


def _with_override(
    detected: dict[str, int], given: dict[str, int] | None, columns: list[str], name: str
) -> dict[str, int]:
    mapping = dict(detected)
    for field, index in (given or {}).items():
        if field not in FIELDS:
            raise SourceError("table.unknown_field", name=name, field=field)
        if not isinstance(index, int) or isinstance(index, bool) or not -1 <= index < len(columns):
            raise SourceError(
                "table.no_such_column",
                name=name,
                index=repr(index),
                field=message(f"field.{field}"),
                count=len(columns),
            )
        mapping[field] = index
    return mapping


class _Rows:
    """Turns one row at a time into a note of the result, with the row's warnings."""

    def __init__(self, result: ParseResult, table: _Table, name: str, width: int) -> None:
        self.result = result
        self.table = table
        self.name = name
        self.width = width
        self.groups: dict[str, int] = {}
        self.themes: set[str] = set()

    def warn(self, line: int, code: str, **args: object) -> None:
        """A warning at `line`: `code` of core/messages_import.py with its arguments."""
        self.result.warnings.append(ParseWarning(line, message(code, **args)))

    def cell(self, cells: list[str], field: str) -> str:
        i = self.result.mapping.get(field, -1)
        if not 0 <= i < len(cells):
            return ""
        value = cells[i].strip()
        if self.table.csv_escapes and value[:1] == "'" and value[1:2].startswith(_FORMULA_START):
            value = value[1:]
        return value

    def check_width(self, number: int, cells: list[str]) -> None:
        if len(cells) < self.width:
            self.warn(number, "warn.short_row", count=len(cells), width=self.width)
        elif len(cells) > self.width and any(c.strip() for c in cells[self.width :]):
            self.warn(
                number,
                "warn.long_row",
                count=len(cells),
                width=self.width,
                extra=len(cells) - self.width,
            )

    def group(self, number: int, name: str) -> int:
        name = name or PurePath(self.name).stem or self.name
        if name not in self.groups:
            self.limit_text(number, name, "what.group_name")
            if len(self.groups) >= limits.MAX_GROUPS:
                raise SourceError(
                    "table.too_many_groups", name=self.name, line=number, most=limits.MAX_GROUPS
                )
            self.groups[name] = len(self.result.groups)
            self.result.groups.append(ParsedGroup(name, line=number))
        return self.groups[name]

    def limit_text(self, number: int, text: str, what: str) -> None:
        """Refuse `text` past the limit; `what` is a "what.*" message code ("what.text")."""
        if len(text) > limits.MAX_TEXT_CHARS:
            raise SourceError(
                "table.text_too_long",
                name=self.name,
                line=number,
                what=message(what),
                most=limits.MAX_TEXT_CHARS,
            )

    def add(
        self, number: int, cells: list[str], text: str, group: str, themes: Iterable[str]
    ) -> None:
        if len(self.result.notes) >= limits.MAX_NOTES:
            raise SourceError(
                "table.too_many_notes", name=self.name, line=number, most=limits.MAX_NOTES
            )
        self.limit_text(number, text, "what.text")
        named = list(dict.fromkeys(t.strip() for t in themes if t.strip()))
        for theme in named:
            if theme not in self.themes:
                self.limit_text(number, theme, "what.cluster_name")
                if len(self.themes) >= limits.MAX_CLUSTERS:
                    raise SourceError(
                        "table.too_many_clusters",
                        name=self.name,
                        line=number,
                        most=limits.MAX_CLUSTERS,
                    )
                self.themes.add(theme)
        section = self.cell(cells, "section")
        author = self.cell(cells, "author")
        comment = self.cell(cells, "comment")
        for value, what in (
            (section, "what.section"),
            (author, "what.author"),
            (comment, "what.comment"),
        ):
            self.limit_text(number, value, what)
        self.result.notes.append(
            ParsedNote(
                text=text,
                group=self.group(number, group),
                section=section,
                line=number,
                comment=comment,
                uncertain=_key(self.cell(cells, "uncertain")) in _YES,
                themes=named,
                votes=self.votes(number, self.cell(cells, "votes")),
                author=author,
            )
        )

    def votes(self, number: int, value: str) -> int:
        if not value:
            return 0
        digits = value.replace(" ", "").replace("\u00a0", "")
        try:
            count = float(digits.replace(",", "."))
        except ValueError:
            if len(set(digits)) == 1 and not digits[0].isalnum():
                return min(len(digits), limits.MAX_VOTES)  # dots drawn as "●●●" or "***"
            self.warn(number, "warn.votes_not_number", value=value[:40])
            return 0
        if count != count or count < 0 or not count.is_integer():  # NaN, negative, 2.5
            self.warn(number, "warn.votes_not_count", value=value[:40])
            return 0
        if count > limits.MAX_VOTES:
            self.warn(number, "warn.too_many_votes", most=limits.MAX_VOTES)
            return limits.MAX_VOTES
        return int(count)


def _read_plain(reader: _Rows, body: list[tuple[int, list[str]]]) -> None:
    for number, cells in body:
        if _blank(cells):
            continue  # a blank row
        reader.check_width(number, cells)
        text = reader.cell(cells, "text")
        if not text:
            reader.warn(number, "warn.row_without_text")
            continue
        themes = [reader.cell(cells, "cluster")]
        themes += _TAG_SPLIT.split(reader.cell(cells, "tags"))
        reader.add(number, cells, text, reader.cell(cells, "group"), themes)


def _read_lucid(reader: _Rows, body: list[tuple[int, list[str]]]) -> None:
    """Lucidspark: every shape is a row. Sticky notes are notes; a note's theme is the title
    (Text Area 1) of the innermost frame or container it sits in ("Contained By", ids joined by
    "|"); frames, pages, lines and other shapes are not notes. Pages become groups when the
    notes are on more than one."""
    columns = [_key(c) for c in reader.result.columns]
    at = {c: i for i, c in reversed(list(enumerate(columns)))}

    def get(cells: list[str], column: str) -> str:
        i = at.get(column, -1)
        return cells[i].strip() if 0 <= i < len(cells) else ""

    title = {get(cells, "id"): get(cells, "text area 1") for _, cells in body}
    inside = {get(cells, "id"): _ids(get(cells, "contained by")) for _, cells in body}
    pages = {
        get(cells, "id"): get(cells, "text area 1")
        for _, cells in body
        if _key(get(cells, "name")) == "page"
    }

    def depth(shape: str) -> int:
        seen = {shape}
        todo = list(inside.get(shape, ()))
        while todo:
            outer = todo.pop()
            if outer not in seen:
                seen.add(outer)
                todo.extend(inside.get(outer, ()))
        return len(seen)

    def theme(value: str) -> str:
        known = [i for i in _ids(value) if i in title]
        if not known:
            return value  # a column the user mapped that holds names, not ids
        titled = [i for i in known if title[i]]
        return title[max(titled, key=depth)] if titled else ""

    containers = {outer for ids in inside.values() for outer in ids}
    notes: list[tuple[int, list[str], str]] = []
    skipped: list[int] = []
    for number, cells in body:
        if _blank(cells):
            continue
        if not _LUCID_NOTE.search(_key(get(cells, "name"))):
            if (
                reader.cell(cells, "text")
                and get(cells, "id") not in containers
                and (_key(get(cells, "name")) not in {"page", "document", "line"})
            ):
                skipped.append(number)
            continue
        reader.check_width(number, cells)
        text = reader.cell(cells, "text")
        if not text:
            reader.warn(number, "warn.note_without_text")
            continue
        notes.append((number, cells, pages.get(get(cells, "page id"), "")))
    if skipped:
        reader.warn(
            skipped[0],
            "warn.skipped_shapes",
            lines=f"{', '.join(map(str, skipped[:5]))}{' …' if len(skipped) > 5 else ''}",
        )
    by_page = len({page for _, _, page in notes}) > 1 and reader.result.mapping["group"] < 0
    for number, cells, page in notes:
        group = reader.cell(cells, "group") if reader.result.mapping["group"] >= 0 else ""
        themes = [theme(reader.cell(cells, "cluster"))]
        themes += _TAG_SPLIT.split(reader.cell(cells, "tags"))
        reader.add(number, cells, reader.cell(cells, "text"), page if by_page else group, themes)


def _blank(cells: list[str]) -> bool:
    """A row with nothing in it; delimiters alone (";;" in a one-column file) are nothing."""
    return not any(c.strip(" \t,;") for c in cells)


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]
