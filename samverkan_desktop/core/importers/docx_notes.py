"""Read notes from a Word document (.docx): the transcript's structure, marked by Word's styles.

- The title: the paragraph in the style Title, else the first Heading 1 when no notes stand right
  under it, else (as in a transcript) a first line of plain text before the first group. A date
  in it becomes the workshop's date.
- The groups: the highest heading level after the title (Heading 1, or Heading 2 under a Heading 1
  title). Without group headings, groups are found as in a transcript (a rule of dashes before a
  group's name, a name line above "Samtalsledare:").
- Sections: every deeper heading, a bold paragraph ending in ":" and whatever a transcript takes
  as one ("Behov:", "BEHOV/MÅL", a short line above a list). In a "(klustrat)" group they name
  the group's own clusters, as in a transcript.
- Facilitators: a "Samtalsledare: A, B och C" paragraph anywhere in the group.
- Notes: each paragraph of a Word list (bullets or numbering: the paragraph's or its style's
  numPr; the text has no "-"), and plain paragraphs as a transcript reads them (a "- " or "1."
  typed in the text, a paragraph of its own, lines of one hard-wrapped note joined).
- Tables: without a header row, each cell with text is a note. A first row that names fields
  (Text/Innehåll/Content, Grupp/Group, Kluster/Cluster/Tema, Taggar/Tags, Röster/Votes,
  Författare/Author, Avsnitt/Section) makes each further row a note, its text from the text
  column, its group, themes, votes and author from theirs. A first row that is a header by its
  looks (all bold, or repeated on each page) but names none of them heads columns of notes: each
  column's header is its notes' section (a note wall typed up column by column).

Line numbers in notes and warnings (`ParsedNote.line`, `ParseWarning.line`, and "rad N" in
messages) are paragraph numbers: 1-based, counting every paragraph of the document in order,
empty ones too, and the paragraphs in a table's cells where the table stands, row by row, cell by
cell. Text boxes, headers, footers, comments and tables inside table cells are not read.

A file is refused with one line naming it (`SourceError`) before anything is unpacked when it is
no zip, a zip that is no Word document, or unpacks to more than `limits.MAX_UNZIPPED_BYTES` or
at a ratio only a zip bomb has; and after reading when it holds no notes.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import docx
from docx.oxml.ns import qn

from samverkan_desktop.core import limits
from samverkan_desktop.core.importers.markdown_notes import NoteBuilder, clean, line
from samverkan_desktop.core.importers.result import ImportRefused, ParsedNote, ParseResult
from samverkan_desktop.core.importers.transcript import (
    _BARE_BULLET,
    BULLET,
    FACIL,
    FOOTNOTE,
    NUMBER,
    RULE,
    TEXT,
    _Block,
    _Blocks,
    _check_line_count,
    _classify,
    _collapse,
    _Line,
    _mark_numbered_headings,
)
from samverkan_desktop.core.importers.zipcheck import zip_problem
from samverkan_desktop.core.messages import Message, message, said

if TYPE_CHECKING:
    from samverkan_desktop.core.importers import SourceError

__all__ = ["parse_docx"]

# A zip bomb packs gigabytes into kilobytes; Word's XML packs about ten to one, and even a
# document of one line repeated stays under a hundred. A part this much smaller packed, and big
# unpacked, is refused before it is read.
_OLE = b"\xd0\xcf\x11\xe0"  # an old .doc, or a password-protected .docx
_WORD_TYPES = (b"wordprocessingml.document.main", b"wordprocessingml.template.main", b"ms-word.")

# Paragraph roles besides the transcript's line kinds.
_TITLE, _HEADING, _LIST, _CELL, _PLAIN = "title", "heading", "list", "cell", ""

_HEADING_STYLE = re.compile(r"(?:heading|rubrik)\s*(\d)", re.IGNORECASE)
_TITLE_STYLES = {"title", "titel", "rubrik"}
_MAX_BOLD_SECTION = 120  # characters of a bold "Behov:" paragraph read as a section
_SECTION = 99  # the level of a heading that is a section whatever the document's levels

# A table's header names, casefolded, by the field their column holds.
_FIELDS = {
    "text": {
        "text",
        "texten",
        "content",
        "innehåll",
        "lapp",
        "lappar",
        "lapptext",
        "anteckning",
        "anteckningar",
        "note",
        "notes",
        "sticky note",
        "idé",
        "ideas",
        "idea",
    },
    "group": {"grupp", "group", "gruppnamn", "group name", "bord", "table"},
    "cluster": {"kluster", "cluster", "tema", "theme", "teman", "themes"},
    "tags": {"tags", "taggar", "tagg", "tag", "etiketter"},
    "votes": {"röster", "votes", "röst", "poäng", "prickar", "dots"},
    "author": {"författare", "author", "skriven av", "skribent", "created by"},
    "section": {"avsnitt", "section", "fråga", "question", "rubrik", "kategori", "category"},
}
_TAG_SPLIT = re.compile(r"\s*[,;]\s*")


@dataclass
class _Para(_Line):
    """A paragraph (or a table cell, or a line of a paragraph with line breaks) as a line."""

    role: str = _PLAIN
    level: int = 0  # a heading's level (1 for Heading 1)
    # A table row read by its header: what its other columns say.
    group: str = ""
    themes: list[str] = field(default_factory=list)
    votes: int = 0
    author: str = ""
    section: str = ""


def parse_docx(data: bytes, name: str = "", **options: object) -> ParseResult:
    """The title, groups, facilitators, sections and notes of a Word document (see the module's
    docstring). `ParsedNote.line` and the warnings' lines are paragraph numbers (1-based).

    Raises `SourceError` (one line naming the file) for a file that is no Word document, would
    unpack too far, holds no text or no notes."""
    from samverkan_desktop.core.importers import SourceError

    _check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        paras = _read_document(document)
    except SourceError:
        raise
    except ImportRefused as exc:
        raise SourceError("import.in_file", name=name, reason=said(exc)) from None
    except Exception as exc:  # python-docx and lxml fail in many ways on a broken file
        raise SourceError("docx.damaged", name=name, why=_why(exc)) from None
    try:
        result = _parse(paras, name)
    except SourceError:
        raise
    except ImportRefused as exc:
        raise SourceError("import.in_file", name=name, reason=said(exc)) from None
    if not result.notes:
        raise SourceError("docx.no_notes", name=name)
    return result


def _error(code: str | Message, **args: object) -> SourceError:
    from samverkan_desktop.core.importers import SourceError

    return SourceError(code, **args)


def _why(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:80] + "…" if len(text) > 80 else text) or type(exc).__name__


def _check_zip(data: bytes, name: str) -> None:
    """Refuse what is no Word document, or would unpack too far, before anything is unpacked."""
    if data.startswith(_OLE):
        raise _error("docx.old_or_protected", name=name)
    if not data.startswith(b"PK\x03\x04"):
        raise _error("docx.not_zip", name=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            problem = zip_problem(parts, name, message("zip.not_word"))
            if problem:
                raise _error(problem)
            names = {part.filename for part in parts}
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise _error("docx.damaged_zip", name=name, why=_why(exc)) from None
    except NotImplementedError:  # a compression method zipfile lacks
        raise _error("docx.unreadable_packing", name=name) from None
    if not any(kind in types for kind in _WORD_TYPES):
        code = (
            "docx.is_excel"
            if b"spreadsheetml" in types
            else "docx.is_powerpoint"
            if b"presentationml" in types
            else "docx.is_other_zip"
        )
        raise _error(code, name=name)


# Reading the document: every paragraph (and table cell) in order, with its number and role.


def _read_document(document: Any) -> list[_Para]:
    from docx.table import Table

    reader = _Reader()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            reader.table(block)
        else:
            reader.paragraph(block)
    return reader.paras


class _Reader:
    def __init__(self) -> None:
        self.paras: list[_Para] = []
        self.no = 0  # paragraph number of the last paragraph read
        self.gap = 0  # empty paragraphs since the last one with text
        self.styles: dict[str | None, tuple[str, int, list[str], list[str]]] = {}

    def count(self) -> int:
        self.no += 1
        if self.no > limits.MAX_LINES:
            raise ImportRefused("docx.too_many_paragraphs", most=limits.MAX_LINES)
        return self.no

    def add(self, para: _Para) -> None:
        para.gap, self.gap = self.gap, 0
        self.paras.append(para)

    def paragraph(self, paragraph: Any) -> None:
        no = self.count()
        raw = clean(paragraph.text)
        role, level = _role(paragraph, self.styles)
        if role == _LIST:
            text = "\n".join(filter(None, (_collapse(part) for part in raw.split("\n"))))
            if not text or _BARE_BULLET.fullmatch(text):
                self.gap += 1
                return
            self.add(_Para(no, _collapse(text), _indent(raw), 0, BULLET, text, role=_LIST))
            return
        if role in (_TITLE, _HEADING):
            text = _collapse(raw)
            if text:
                self.add(_Para(no, text, 0, 0, TEXT, text, role=role, level=level))
            else:
                self.gap += 1
            return
        bold_section = _is_bold_section(paragraph, raw)
        # A line break inside a paragraph is a line of its own, as in a transcript.
        for part in raw.split("\n"):
            text = _collapse(part)
            if not text or _BARE_BULLET.fullmatch(text):
                self.gap += 1
                continue
            para = _Para(no, text, _indent(part), 0)
            _classify(para)
            if bold_section:
                para.role, para.level = _HEADING, _SECTION
            self.add(para)

    def table(self, table: Any) -> None:
        from docx.text.paragraph import Paragraph

        rows: list[list[tuple[int, str]]] = []  # (paragraph number, text) of each cell
        for tr in table._tbl.tr_lst:
            cells = []
            for tc in tr.tc_lst:  # a merged cell is one <w:tc>, however many columns it spans
                paragraphs = [Paragraph(p, table) for p in tc.p_lst]
                no = self.count()
                for _ in paragraphs[1:]:
                    self.count()
                text = "\n".join(clean(p.text) for p in paragraphs)
                cells.append((no, "\n".join(filter(None, map(_collapse, text.split("\n"))))))
            rows.append(cells)
        header = rows[0] if len(rows) > 1 else []
        fields = _header_fields([text for _, text in header])
        if "text" in fields:
            self.records(rows[1:], fields)
        elif header and (fields or _looks_like_header(table)):
            self.columns(rows)
        else:
            for cells in rows:
                for no, text in cells:
                    self.cell(no, text)

    def cell(self, no: int, text: str, **extra: Any) -> None:
        if text:
            self.add(_Para(no, _collapse(text), 0, 0, TEXT, text, role=_CELL, **extra))

    def records(self, rows: list[list[tuple[int, str]]], fields: dict[str, int]) -> None:
        def value(cells: list[tuple[int, str]], key: str) -> str:
            at = fields.get(key, -1)
            return _collapse(cells[at][1]) if 0 <= at < len(cells) else ""

        for cells in rows:
            at = fields["text"]
            if at >= len(cells):
                continue
            themes = [
                tag
                for key in ("cluster", "tags")
                for tag in _TAG_SPLIT.split(value(cells, key))
                if tag
            ]
            votes = value(cells, "votes")
            self.cell(
                cells[at][0],
                cells[at][1],
                group=value(cells, "group"),
                themes=themes,
                votes=min(int(votes), limits.MAX_VOTES) if votes.isdigit() else 0,
                author=value(cells, "author"),
                section=value(cells, "section"),
            )

    def columns(self, rows: list[list[tuple[int, str]]]) -> None:
        header = rows[0]
        for column, (no, title) in enumerate(header):
            if title:
                self.add(
                    _Para(
                        no,
                        _collapse(title),
                        0,
                        0,
                        TEXT,
                        _collapse(title),
                        role=_HEADING,
                        level=_SECTION,
                    )
                )
            for cells in rows[1:]:
                if column < len(cells):
                    self.cell(*cells[column])


def _indent(raw: str) -> int:
    expanded = raw.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def _own(element: Any, path: str) -> list[str]:
    """The w:val of `path` under an element's w:pPr (a paragraph's or a style's)."""
    found = element.find(f"{qn('w:pPr')}/{path}")
    value = found.get(qn("w:val")) if found is not None else None
    return [value] if value is not None else []


_NUM_ID = f"{qn('w:numPr')}/{qn('w:numId')}"
_OUTLINE = qn("w:outlineLvl")


def _role(
    paragraph: Any, styles: dict[str | None, tuple[str, int, list[str], list[str]]]
) -> tuple[str, int]:
    """_TITLE, _HEADING (with its level), _LIST or _PLAIN, by the paragraph's style and its own
    numbering or outline level. `styles` keeps what each style says (looking a style up is
    slow in python-docx)."""
    p = paragraph._p
    key = p.style
    if key not in styles:
        styles[key] = _style_role(paragraph.style)
    role, level, numbered, outline = styles[key]
    if role:
        return role, level
    numbered = _own(p, _NUM_ID) or numbered
    outline = _own(p, _OUTLINE) or outline
    if outline and outline[0].isdigit() and int(outline[0]) < 9:
        return _HEADING, int(outline[0]) + 1
    if numbered and numbered[0] != "0":
        return _LIST, 0
    return _PLAIN, 0


def _style_role(style: Any) -> tuple[str, int, list[str], list[str]]:
    """A style's role (_TITLE, _HEADING or ""), heading level, numbering and outline level,
    through its chain of base styles."""
    numbered: list[str] = []
    outline: list[str] = []
    for _ in range(16):  # a broken file's chain of bases may loop
        if style is None:
            break
        name = (style.name or "").strip().lower()
        if name in _TITLE_STYLES:
            return _TITLE, 0, [], []
        if m := _HEADING_STYLE.fullmatch(name):
            return _HEADING, max(1, int(m[1])), [], []
        numbered = numbered or _own(style.element, _NUM_ID)
        outline = outline or _own(style.element, _OUTLINE)
        if name.startswith(("list bullet", "list number")):
            numbered = numbered or ["1"]
        style = style.base_style
    return "", 0, numbered, outline


def _is_bold_section(paragraph: Any, raw: str) -> bool:
    """A short paragraph in bold ending in ":" ("Behov:")."""
    text = _collapse(raw)
    if not text.endswith(":") or len(text) > _MAX_BOLD_SECTION:
        return False
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _header_fields(names: list[str]) -> dict[str, int]:
    """Which column holds which field, by the header's names (first column of each)."""
    fields: dict[str, int] = {}
    for i, header in enumerate(names):
        key = _collapse(header).strip(" :").casefold()
        for name, spellings in _FIELDS.items():
            if key in spellings:
                fields.setdefault(name, i)
    return fields


def _looks_like_header(table: Any) -> bool:
    """A first row marked to repeat on each page, or all in bold."""
    row = table.rows[0]
    if row._tr.xpath("./w:trPr/w:tblHeader"):
        return True
    runs = [
        run for cell in row.cells for p in cell.paragraphs for run in p.runs if run.text.strip()
    ]
    return bool(runs) and all(run.bold for run in runs)


# From paragraphs to groups and notes.


def _parse(paras: list[_Para], name: str) -> ParseResult:
    from samverkan_desktop.core.importers import SourceError

    if not paras:
        raise SourceError("docx.no_text", name=name)
    _check_line_count("\n" * (paras[-1].no - 1))
    result = ParseResult(source_name=name, encoding="docx")
    builder = NoteBuilder(result, list(paras))
    # Table rows naming their own group stand outside the document's groups.
    records = [p for p in paras if p.role == _CELL and p.group]
    body = [p for p in paras if not (p.role == _CELL and p.group)]
    title = _title(body)
    if title is not None:
        builder.title(body[title].text, body[title].no)
        body = body[title + 1 :]
    level = min((p.level for p in body if p.role == _HEADING), default=_SECTION)
    starts: dict[int, str | None] = {
        i: p.text for i, p in enumerate(body) if p.role == _HEADING and p.level == level < _SECTION
    }
    if not starts:
        # No group headings: groups as a transcript finds them, after a title line of text.
        while body and body[0].kind == RULE:
            body = body[1:]
        plain: list[_Line] = list(body)
        starts = builder.parser._group_starts(plain)
        if title is None and body and body[0].role == _PLAIN and body[0].kind == TEXT:
            if min(starts, default=len(body)) > 0:
                builder.title(body[0].text, body[0].no)
                body = body[1:]
                starts = {i - 1: group for i, group in starts.items()}
    first = min(starts, default=len(body))
    preamble = [p for p in body[:first] if p.kind != RULE]
    if any(p.role in (_LIST, _CELL) or p.kind != TEXT for p in preamble):
        # Notes before the first group, or a document without groups: "Grupp 1", as a transcript.
        group = builder.group(None, preamble[0].no, expected=False)
        builder.warn(
            preamble[0].no,
            "warn.notes_before_groups" if starts else "warn.no_groups",
            group=group.name,
        )
        _read_group(builder, preamble, expected=False)
    elif preamble:
        builder.description(list[_Line](preamble))
    bounds = sorted(starts)
    for begin, end in zip(bounds, [*bounds[1:], len(body)], strict=False):
        group_name = starts[begin]
        builder.group(group_name, body[begin].no)
        _read_group(builder, body[begin + (group_name is not None) : end])
    for p in records:
        at = builder.group_named(p.group, p.no)
        first_note = len(result.notes)
        builder.notes([_Block(TEXT, [line(p.no, p.text)])], at)
        _give_extras(result.notes[first_note:], {p.no: p})
    return builder.finish()


def _title(paras: list[_Para]) -> int | None:
    """The Title paragraph; else the first Heading 1 when no notes stand right under it."""
    for i, p in enumerate(paras):
        if p.role == _TITLE:
            return i
    first = next((i for i, p in enumerate(paras) if p.role == _HEADING), None)
    if first is None or paras[first].level != 1:
        return None
    for p in paras[first + 1 :]:
        if p.role == _HEADING:
            break
        if p.role in (_LIST, _CELL) or p.kind in (BULLET, NUMBER, FACIL):
            return None
    return first


def _read_group(builder: NoteBuilder, paras: list[_Para], *, expected: bool = True) -> None:
    index = len(builder.result.groups) - 1
    group = builder.result.groups[index]
    lines: list[_Para] = []
    for p in paras:
        if p.role == _TITLE:
            p.role, p.level = _HEADING, _SECTION  # a second Title: a section
        if p.kind == FACIL and p.role == _PLAIN:
            builder.facilitators(group, p.text, p.no)
        else:
            lines.append(p)
    blocks = _DocxBlocks(list(lines), builder.layout).build()
    _mark_numbered_headings(blocks)
    first = len(builder.result.notes)
    builder.notes(blocks, index)
    rows = {
        p.no: p for p in lines if p.role == _CELL and (p.themes or p.votes or p.author or p.section)
    }
    _give_extras(builder.result.notes[first:], rows)
    builder.close(index, expected=expected)


def _give_extras(notes: list[ParsedNote], rows: dict[int, _Para]) -> None:
    """A table row's themes, votes, author and section, on the note made of it."""
    for note in notes:
        row = rows.get(note.line)
        if row is None:
            continue
        note.themes = list(row.themes)
        note.votes = row.votes
        note.author = row.author
        if row.section:
            note.section = row.section


class _DocxBlocks(_Blocks):
    """The transcript's blocks, where Word already says what a paragraph is: a heading style or
    a bold "Behov:" is a section, a list paragraph or a table cell is a whole note; the rest is
    read as a transcript's lines."""

    def build(self) -> list[_Block]:
        lines = self.lines
        for i, this in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            role = this.role if isinstance(this, _Para) else _PLAIN
            if role == _HEADING:
                self.start("heading", this)
                self.cur = None
            elif role in (_LIST, _CELL):
                self.start(BULLET if role == _LIST else TEXT, this)
                self.cur = None  # a Word paragraph is whole: nothing continues it
            elif this.kind in (BULLET, NUMBER, FOOTNOTE):
                self.start(this.kind, this)
            elif this.kind != TEXT:
                self.cur = None  # a rule or a facilitators' line ends the note
            elif self.cur and self.is_mailto_echo(this):
                continue
            elif self.cur and self.continues(this, nxt):
                self.cur.add(this, self.join(this))
            elif self.is_heading(this, nxt):
                self.start("heading", this)
                self.cur = None
            else:
                self.start(TEXT, this)
        return self.blocks
