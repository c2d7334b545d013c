"""Read notes from a Markdown file: "# Title", "## Group", "### Section", list items as notes.

    # Fördjupningsdag om samverkan 2021-11-10
    Anteckningar från grupparbeten.          (text before the first group: the description)
    ## Arbetsmarknad grupp 1
    Samtalsledare: Anette Valdemarsson och Fredrik Wouda
    ### Behov:
    - Digitaliseringen
    - Språk – även att det fastnat i att man
      måste kunna språk                      (a continuation line joins its item)
    1. Motivation

The first "#" heading is the title unless notes stand right under it; the groups are the
highest heading level after that, and every deeper heading is a section (in a "(klustrat)" group,
the group's own cluster, as in a transcript). A short paragraph ending in ":" or wholly in bold
("**Behov**") is a section too, and any other paragraph in a group is a note of its own. Notes
before the first group, or in a file without group headings, go into "Grupp 1" with a warning.
Line numbers in notes and warnings are the file's own lines (1-based).

The rules a transcript's notes follow apply here as well, taken from the transcript parser itself
rather than copied: remarks in brackets become the note's comment, "(?)" and "(svårt att läsa)"
mark an uncertain reading, personal data and the facilitators' full names flag a note, and a
"(klustrat)" group's notes get their sections as cluster names. `NoteBuilder` holds that, for the
Word and paste importers too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from samverkan_desktop.core import limits
from samverkan_desktop.core.importers.result import (
    ImportRefused,
    ParsedGroup,
    ParseResult,
    ParseWarning,
)
from samverkan_desktop.core.importers.textdecode import MIXED, decode_text
from samverkan_desktop.core.importers.transcript import (
    _FACIL,
    _KLUSTRAT,
    _NAME_SPLIT,
    BULLET,
    TEXT,
    _Block,
    _check_line_count,
    _check_text,
    _collapse,
    _first_line_not_utf8,
    _join_paragraphs,
    _Layout,
    _Line,
    _Parser,
)
from samverkan_desktop.core.messages import message, said

__all__ = ["NoteBuilder", "parse_markdown", "parse_markdown_text"]

# Control characters become spaces and invisible ones go, as in a transcript's lines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\ufeff]")
_NEWLINE = re.compile(r"\r\n|\r|\n")

HEADING_LINE = re.compile(r" {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*")
_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?P<body>.*))?")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_TASK_BOX = re.compile(r"\[[ xX]\]\s+")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\s]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_CODE = re.compile(r"`+([^`]*)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_BOLD_LINE = re.compile(r"(?:\*\*|__)(?P<text>[^*_].*?)(?:\*\*|__):?")
_MAX_SECTION_CHARS = 120  # a longer line ending in ":" is text, as in a transcript


def clean(raw: str) -> str:
    """A line without control or invisible characters (before its whitespace is collapsed)."""
    return _INVISIBLE.sub("", _CONTROL.sub(" ", raw))


def line(no: int, text: str, kind: str = TEXT, gap: int = 0, indent: int = 0) -> _Line:
    """A transcript parser's line of text, for a block of a note or heading."""
    text = _collapse(text)
    return _Line(no, text, indent, gap, kind, text)


class NoteBuilder:
    """Groups, facilitators, sections and notes put together by the transcript parser's rules.

    `lines` are all the source's lines (or paragraphs), for what the parser learns from the whole
    document about how it was wrapped; a source whose notes are whole need none.
    """

    def __init__(self, result: ParseResult, lines: list[_Line] | None = None) -> None:
        self.result = result
        self.parser = _Parser(lines or [], result)

    @property
    def layout(self) -> _Layout:
        return self.parser.layout

    def warn(self, line_no: int, code: str, **args: object) -> None:
        """A warning at `line_no`: `code` of core/messages_import.py with its arguments."""
        self.result.warnings.append(ParseWarning(line_no, message(code, **args)))

    def title(self, text: str, line_no: int) -> None:
        """The title, with the date it names taken out ("Workshop 2021-11-10")."""
        self.parser._read_title(_collapse(text))
        _check_text(self.result.title, line_no, "what.title")

    def description(self, lines: list[_Line]) -> None:
        self.result.description = _join_paragraphs(lines, self.layout)
        if len(self.result.description) > limits.MAX_DESCRIPTION_CHARS:
            raise ImportRefused(
                "import.description_too_long",
                line=lines[0].no,
                most=limits.MAX_DESCRIPTION_CHARS,
            )

    def group(self, name: str | None, line_no: int, *, expected: bool = True) -> ParsedGroup:
        """A new group; without a name it is "Grupp n" (with a warning if one was `expected`)."""
        if len(self.result.groups) >= limits.MAX_GROUPS:
            raise ImportRefused("import.too_many_groups", line=line_no, most=limits.MAX_GROUPS)
        name = _collapse(name or "")
        group = ParsedGroup(name or f"Grupp {len(self.result.groups) + 1}", line=line_no)
        if _KLUSTRAT.search(group.name):  # "Trygghet (klustrat)": clustered from the start
            group.name = _collapse(_KLUSTRAT.sub("", group.name)) or group.name
            group.clustered = True
        _check_text(group.name, line_no, "what.group_name")
        if not name and expected:
            self.warn(line_no, "warn.unnamed_group", group=group.name)
        self.result.groups.append(group)
        return group

    def group_named(self, name: str, line_no: int) -> int:
        """The index of the group of that name, made if there is none yet (a table's column)."""
        wanted = _collapse(_KLUSTRAT.sub("", name)).casefold()
        for i, group in enumerate(self.result.groups):
            if group.name.casefold() == wanted:
                return i
        self.group(name, line_no, expected=False)
        return len(self.result.groups) - 1

    def facilitators(self, group: ParsedGroup, text: str, line_no: int) -> bool:
        """Add the names of a "Samtalsledare: A, B och C" line; False if it is no such line."""
        m = _FACIL.match(_collapse(text))
        if not m:
            return False
        found = [n.strip(" .") for n in _NAME_SPLIT.split(m["names"]) if n.strip(" .")]
        for name in found:
            _check_text(name, line_no, "what.name")
        group.facilitators += found
        if len(group.facilitators) > limits.MAX_FACILITATORS:
            raise ImportRefused(
                "import.too_many_facilitators", line=line_no, most=limits.MAX_FACILITATORS
            )
        return True

    def notes(self, blocks: list[_Block], group_index: int) -> None:
        """A group's headings and notes, in order, as the transcript parser makes them."""
        self.parser._emit_notes(blocks, group_index, self.result.groups[group_index])

    def close(self, group_index: int, *, expected: bool = True) -> None:
        """The warnings a transcript gives a group without facilitators or notes."""
        group = self.result.groups[group_index]
        if expected and not group.facilitators:
            self.warn(group.line, "warn.no_facilitators", group=group.name)
        if not any(note.group == group_index for note in self.result.notes):
            self.warn(group.line, "warn.group_without_notes", group=group.name)

    def finish(self) -> ParseResult:
        if not self.result.title:
            self.result.title = PurePath(self.result.source_name).stem
        self.parser._flag_facilitator_names()
        self.result.warnings.sort(key=lambda w: w.line)
        return self.result


def decode(data: bytes, name: str) -> tuple[str, str, list[ParseWarning]]:
    """Text, encoding and a warning when it was not all UTF-8, decoded as a transcript is."""
    from samverkan_desktop.core.importers import SourceError

    if not data.strip():
        raise SourceError("import.empty", name=name)
    try:
        text, encoding = decode_text(data)
    except ImportRefused as exc:
        raise SourceError("import.in_file", name=name, reason=said(exc)) from None
    warnings = []
    if encoding == MIXED:
        warnings.append(ParseWarning(_first_line_not_utf8(data), message("warn.mixed_encoding")))
    elif encoding == "cp1252":
        warnings.append(ParseWarning(_first_line_not_utf8(data), message("warn.cp1252")))
    return text, encoding, warnings


def parse_markdown(data: bytes, name: str = "", **options: object) -> ParseResult:
    """The groups, sections and notes of a Markdown file (see the module's docstring).

    Decoded as a transcript is (UTF-8, UTF-16 with BOM, Windows-1252, or UTF-8 with a few
    Windows-1252 characters, with a warning). Raises `SourceError` with one line naming the file.
    """
    from samverkan_desktop.core.importers import SourceError

    text, encoding, warnings = decode(data, name)
    try:
        result = parse_markdown_text(text, name)
    except SourceError:
        raise
    except ImportRefused as exc:
        raise SourceError("import.in_file", name=name, reason=said(exc)) from None
    result.encoding = encoding
    result.warnings[:0] = warnings
    result.warnings.sort(key=lambda w: w.line)
    return result


def parse_markdown_text(text: str, name: str = "") -> ParseResult:
    """`parse_markdown` for text already decoded (pasted text with headings)."""
    from samverkan_desktop.core.importers import SourceError

    _check_line_count(text)
    items = _read_items(text)
    if not items:
        raise SourceError("import.empty", name=name)
    result = ParseResult(source_name=name)
    builder = NoteBuilder(result)
    plan = _plan_headings(items)
    body = items
    if plan.title is not None:
        builder.title(items[plan.title].text, items[plan.title].no)
        body = items[plan.title + 1 :]
    starts = [i for i, item in enumerate(body) if item.kind == _H and item.level == plan.groups]
    first = starts[0] if starts else len(body)
    preamble = body[:first]
    if any(item.kind not in (_P, _RULE_KIND) for item in preamble):
        # Notes before the first group (or a file without groups): "Grupp 1", as a transcript.
        code = "warn.notes_before_groups" if starts else "warn.no_groups"
        group = builder.group(None, preamble[0].no, expected=False)
        builder.warn(preamble[0].no, code, group=group.name)
        _read_group(builder, preamble, len(result.groups) - 1, expected=False)
    elif preamble:
        builder.description([line(item.no, item.text) for item in preamble if item.kind == _P])
    for begin, end in zip(starts, [*starts[1:], len(body)], strict=False):
        heading = body[begin]
        builder.group(heading.text, heading.no)
        _read_group(builder, body[begin + 1 : end], len(result.groups) - 1)
    return builder.finish()


# What a Markdown file is made of, line by line and then item by item.
_H, _LI, _P, _RULE_KIND, _BLANK = "heading", "item", "paragraph", "rule", "blank"


@dataclass
class _Item:
    kind: str  # _H, _LI, _P or _RULE_KIND
    no: int  # first line (1-based)
    text: str  # inline markup resolved
    level: int = 0  # a heading's number of "#"
    lines: list[tuple[int, str]] | None = None  # further lines of an item or paragraph
    section: bool = False  # a paragraph line that is a section: "Behov:", "**Behov**"


def _read_items(text: str) -> list[_Item]:
    """Headings, list items (with their continuation lines), paragraphs and rules."""
    items: list[_Item] = []
    open_item: _Item | None = None  # what a next line of text may continue
    blank = False
    for no, raw in enumerate(_NEWLINE.split(clean(text)), start=1):
        if not raw.strip():
            blank = True
            continue
        if m := HEADING_LINE.fullmatch(raw):
            items.append(_Item(_H, no, _inline(m["text"] or ""), len(m["hashes"])))
            open_item = None
        elif _RULE.fullmatch(raw):
            items.append(_Item(_RULE_KIND, no, ""))
            open_item = None
        elif m := _ITEM.fullmatch(raw):
            body = _TASK_BOX.sub("", (m["body"] or "").strip(), count=1)
            if not body:
                open_item = None  # an empty item ("-" alone) is nothing
            else:
                open_item = _Item(_LI, no, _inline(body), lines=[])
                items.append(open_item)
        elif (
            open_item is not None
            and (not blank or raw[:1] in " \t")  # lazy continuation, or indented after a gap
            and not _stands_alone(raw)
        ):
            assert open_item.lines is not None
            open_item.lines.append((no, _inline(raw)))
        else:
            item = _Item(_P, no, _inline(raw), lines=[])
            item.section = _is_section(raw.strip(), item.text)
            items.append(item)
            # A facilitators' line or a section is a line of its own.
            open_item = None if _stands_alone(raw) else item
        blank = False
    return items


def _inline(text: str) -> str:
    """Markdown's inline markup resolved to the text it shows (links keep their address)."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(lambda m: m[1] if m[1] == m[2] else f"{m[1]} ({m[2]})", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m[1] or m[2], text)
    text = _CODE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return _collapse(text)


@dataclass
class _Plan:
    title: int | None  # index of the title heading
    groups: int  # heading level of the groups (0: none)


def _plan_headings(items: list[_Item]) -> _Plan:
    """The first "#" heading is the title unless notes stand right under it; the groups are the
    highest level among the other headings."""
    title = None
    first = next((i for i, item in enumerate(items) if item.kind == _H), None)
    if first is not None and items[first].level == 1:
        under = []
        for item in items[first + 1 :]:
            if item.kind == _H:
                break
            under.append(item)
        if not any(item.kind == _LI or _FACIL.match(item.text) for item in under):
            title = first
    levels = [item.level for i, item in enumerate(items) if item.kind == _H and i != title]
    return _Plan(title, min(levels, default=0))


def _read_group(
    builder: NoteBuilder, items: list[_Item], group_index: int, *, expected: bool = True
) -> None:
    group = builder.result.groups[group_index]
    blocks: list[_Block] = []
    for item in items:
        if item.kind == _RULE_KIND or (item.kind != _H and not item.text):
            continue
        if item.kind == _P and not item.lines and builder.facilitators(group, item.text, item.no):
            continue
        if item.kind == _H or item.section:
            blocks.append(_Block("heading", [line(item.no, item.text)]))
            continue
        block = _Block(BULLET if item.kind == _LI else TEXT, [line(item.no, item.text)])
        for no, more in item.lines or []:
            block.add(line(no, more), " ")
        blocks.append(block)
    builder.notes(blocks, group_index)
    builder.close(group_index, expected=expected)


def _is_section(raw: str, text: str) -> bool:
    """A short line ending in ":" ("Behov:") or wholly in bold ("**Behov**"); `raw` as written,
    `text` with its markup resolved."""
    if len(text) > _MAX_SECTION_CHARS or not text:
        return False
    return text.endswith(":") or bool(_BOLD_LINE.fullmatch(raw))


def _stands_alone(raw: str) -> bool:
    """A line no paragraph or list item continues into: facilitators, a section."""
    raw = raw.strip()
    return bool(_FACIL.match(raw)) or _is_section(raw, _inline(raw))
