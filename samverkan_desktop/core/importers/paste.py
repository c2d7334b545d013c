"""Notes from pasted text (Edit > Paste as notes): one note per line, or per bullet.

- Each line with text is a note; blank lines only separate.
- A bullet ("-", "*", "•", "–", "1.", "2)") starts a note; a line right below it that is no bullet
  (no blank line between) is its wrapped continuation and joins it.
- A short line ending in ":" ("Behov:") is a section for the notes below it, and a
  "Samtalsledare: ..." line names the facilitators.
- All notes go into one group, "Inklistrat" (the caller renames it or moves the notes).
- Text with Markdown headings ("# ...", "## ...") is read by the Markdown importer's rules
  instead, its headings as title, groups and sections.

The transcript's rules for a note's text apply: remarks in brackets become its comment, "(?)"
marks an uncertain reading, personal data flags it. Line numbers are the pasted text's lines.
"""

from __future__ import annotations

import re

from samverkan_desktop.core.importers import flag_personal_data
from samverkan_desktop.core.importers.markdown_notes import (
    HEADING_LINE,
    NoteBuilder,
    clean,
    line,
    parse_markdown_text,
)
from samverkan_desktop.core.importers.result import ImportRefused, ParseResult
from samverkan_desktop.core.importers.transcript import (
    _FACIL,
    BULLET,
    TEXT,
    _Block,
    _check_line_count,
    _collapse,
)
from samverkan_desktop.core.messages import said

__all__ = ["GROUP_NAME", "parse_text"]

GROUP_NAME = "Inklistrat"

_BULLET = re.compile(r"\s*(?:[-*+•·▪◦●○‣⁃–—]|\d{1,3}[.)])\s+(?P<body>\S.*)")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_MAX_SECTION_CHARS = 120


def parse_text(text: str, name: str = "Urklipp") -> ParseResult:
    """The notes in pasted text (see the module's docstring), in one group "Inklistrat".

    Raises ImportRefused with one line, starting with `name`, for text without any or past a
    limit."""
    try:
        return flag_personal_data(_parse(text, name))
    except ImportRefused as exc:
        if str(exc).startswith(name):
            raise
        raise ImportRefused("import.in_file", name=name, reason=said(exc)) from None


def _parse(text: str, name: str) -> ParseResult:
    text = clean(text)
    if not text.strip():
        raise ImportRefused("import.nothing_pasted", name=name)
    _check_line_count(text)
    raw_lines = _NEWLINE.split(text)
    if any(
        (m := HEADING_LINE.fullmatch(raw)) and m["text"] for raw in raw_lines
    ):  # "# Title" or "## Group": Markdown
        return parse_markdown_text(text, name)
    result = ParseResult(title=name, source_name=name, encoding="text")
    builder = NoteBuilder(result)
    group = builder.group(GROUP_NAME, 1, expected=False)
    blocks: list[_Block] = []
    item: _Block | None = None  # a bullet's note, which the next line may continue
    for no, raw in enumerate(raw_lines, start=1):
        text = _collapse(raw)
        if not text:
            item = None
            continue
        if m := _BULLET.fullmatch(raw):
            item = _Block(BULLET, [line(no, m["body"], BULLET)])
            blocks.append(item)
        elif item is not None and not _stands_alone(text):
            item.add(line(no, text), " ")
        elif builder.facilitators(group, text, no):
            item = None
        elif _is_section(text):
            blocks.append(_Block("heading", [line(no, text)]))
            item = None
        else:
            blocks.append(_Block(TEXT, [line(no, text)]))
            item = None
    builder.notes(blocks, 0)
    if not result.notes:
        raise ImportRefused("import.no_pasted_notes", name=name)
    return builder.finish()


def _is_section(text: str) -> bool:
    return text.endswith(":") and len(text) <= _MAX_SECTION_CHARS


def _stands_alone(text: str) -> bool:
    return _is_section(text) or bool(_FACIL.match(text))
