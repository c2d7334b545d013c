"""Parse a typed-up workshop transcript (the facilitators' Word notes saved as text).

The text was hard-wrapped when it was exported, often with a blank line after every line and
stray blank lines at page breaks, so blank lines say little and we rebuild each sticky note
from its markers (bullets, numbers, headings) and from how full its lines are.
Layout of the expected input, see samverkan_desktop/resources/samples/orebro-2021-11-10.txt:

    <title> <date>
    <description lines>
    <group name>
    Samtalsledare: <name>, <name> och <name>
    <heading>:
    - <note, possibly wrapped over several lines>
    -----------------------------------------------  (rule before the next group)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from samverkan_desktop.core import limits, personal_data
from samverkan_desktop.core.importers.result import (
    ImportRefused,
    ParsedGroup,
    ParsedNote,
    ParseResult,
    ParseWarning,
)
from samverkan_desktop.core.importers.textdecode import MIXED, decode_text
from samverkan_desktop.core.messages import message

__all__ = ["decode_text", "parse_transcript"]

RULE, FACIL, BULLET, NUMBER, FOOTNOTE, TEXT = (
    "rule",
    "facil",
    "bullet",
    "number",
    "footnote",
    "text",
)

_FACIL = re.compile(
    r"(?:(?:samtals|grupp|process)ledar(?:e|na)|facilitator(?:er|erna|n)?)"
    r"\s*(?::|[-–](?=\s))\s*(?P<names>.*)",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:[,;&]|\boch\b|\band\b)\s*", re.IGNORECASE)
# "-Foo" without a space is a bullet too; "*Foo" is a footnote, so "*" needs the space.
_BULLET = re.compile(r"(?:[-–—•·▪◦●○‣⁃*]\s+|[-–•·](?=[A-ZÅÄÖ]))(?P<body>.*)")
_BARE_BULLET = re.compile(r"[-–—•·▪◦●○‣⁃*]")
_NUMBER = re.compile(r"(?P<num>\d{1,2}[.)])\s*(?=[^\W\d_]|[\"”“(])(?P<body>.*)")
_FOOTNOTE = re.compile(r"\*(?=[^\W\d_])(?P<body>.*)")
# "Gör: Projektbeskrivning, ..." - a short label of at most three words, then text.
_LABEL = re.compile(r"[A-ZÅÄÖ][\w/&-]*(?: [\w/&-]+){0,2}: \S")
# A line ending in a comma, dash, conjunction or article stops mid-sentence, however short.
# Not prepositions: Swedish particle verbs end sentences with them ("vad vi kan bidra med").
_OPEN_END = re.compile(r"(?:[,–-]|\b(?:och|o|att|eller|men|samt|både|som|ett))$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_MARKED = re.compile(r"\w\*")  # "Mötesplats*": a footnote below says more
_MARKED_WORD = re.compile(r"(\w+)\*")
_MAX_NAME_WORDS = 8
_MAILTO = re.compile(r"mailto:(?P<addr>\S+)", re.IGNORECASE)
_KLUSTRAT = re.compile(r"\(\s*klustra\w*\s*\)", re.IGNORECASE)
_DISCUSSION = re.compile(
    r"(?:allmän |öppen |fri )?diskussion(?:er|en|erna)?\b"
    r"|övriga? (?:kommentarer|synpunkter|tankar|diskussioner)\b"
    r"|kommentarer\b|reflektion(?:er)?\b",
    re.IGNORECASE,
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("mars", "mar", "march"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augusti", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+)?"
_ISO_DATE = re.compile(_WEEKDAY + r"(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)", re.I)
_TEXT_DATE = re.compile(
    _WEEKDAY
    + r"(?<!\d)(\d{1,2})(?::?e)?\s+("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+(\d{4})(?!\d)",
    re.IGNORECASE,
)

_REMARK = re.compile(r"\[([^\[\]]*)\]")
_PAREN = re.compile(r"\(([^()]*)\)")
# Inside a typist's remark "(svårt att läsa)" any of these means the reading is uncertain ...
_UNCERTAIN = re.compile(
    r"svårt att läsa|svårläs|oläslig|(?:kan|går) (?:ej|inte) (?:att )?läsa"
    r"|osäker (?:läsning|tolkning|på vad)"
    r"|ser (?:ej|inte) (?:riktigt |helt )?vad det står|^\?$",
    re.IGNORECASE,
)
# ... while in running text only phrases that cannot be a participant's own words count.
_UNCERTAIN_INLINE = re.compile(
    r"oläslig|svår(?:t att )?läs\w* (?:på )?lappen|ser (?:ej|inte) (?:riktigt |helt )?vad det står",
    re.IGNORECASE,
)


@dataclass
class _Line:
    no: int  # 1-based line number in the source
    text: str  # whitespace collapsed
    indent: int
    gap: int  # blank lines before this one
    kind: str = TEXT
    body: str = ""  # text without the bullet marker


@dataclass
class _Block:
    kind: str  # BULLET, NUMBER, FOOTNOTE, TEXT (a free paragraph) or "heading"
    lines: list[_Line] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)  # what goes before lines[1:]
    length: int = 0
    _text: str | None = None  # `text`, kept until the next line comes

    def __post_init__(self) -> None:
        self.length = sum(len(line.body) for line in self.lines)
        self._check_length()

    def add(self, line: _Line, join: str) -> None:
        self.lines.append(line)
        self.joins.append(join)
        self.length += len(join) + len(line.body)
        self._text = None
        self._check_length()

    def _check_length(self) -> None:
        # Refused while reading, not afterwards: every line added re-reads the block's text
        # (a "mailto:" echo, a title test), so an endless block would cost the square of its size.
        if self.length > limits.MAX_TEXT_CHARS:
            raise ImportRefused(
                "import.block_too_long", line=self.lines[0].no, most=limits.MAX_TEXT_CHARS
            )

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.lines[0].body + "".join(
                j + ln.body for j, ln in zip(self.joins, self.lines[1:], strict=True)
            )
        return self._text


@dataclass
class _Layout:
    """What the whole document says about its own line wrapping."""

    wrap_at: float  # a line at least this long probably was wrapped by the exporter
    blank_lines_matter: bool  # single-spaced text: a blank line separates paragraphs


def parse_transcript(data: bytes, source_name: str = "") -> ParseResult:
    text, encoding = decode_text(data)
    _check_line_count(text)
    lines = _split_lines(text)
    if not lines:
        raise ImportRefused("import.file_empty")
    result = ParseResult(source_name=source_name, encoding=encoding)
    if encoding == MIXED:
        result.warnings.append(
            ParseWarning(_first_line_not_utf8(data), message("warn.mixed_encoding"))
        )
    _Parser(lines, result).run()
    return result


def _first_line_not_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        return head.count(b"\n") + head.replace(b"\r\n", b"").count(b"\r") + 1
    return 1


def _check_line_count(text: str) -> None:
    count = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    if count > limits.MAX_LINES:
        raise ImportRefused("import.too_many_lines", count=count, most=limits.MAX_LINES)


def _split_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    gap = 0
    # Control characters become spaces and invisible ones go, over the whole text at once
    # (per line it was a third of the parse); line breaks (\n, \r) are kept for the split.
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", " ", text)
    text = re.sub(r"[\u00ad\u200b\ufeff]", "", text)
    for no, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        line = _Line(
            no, _collapse(raw), len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip()), gap
        )
        if not line.text or _BARE_BULLET.fullmatch(line.text):
            gap += 1
            continue
        _classify(line)
        out.append(line)
        gap = 0
    return out


def _classify(line: _Line) -> None:
    line.body = line.text
    if set(line.text) <= set("-_= ") and len(line.text.replace(" ", "")) >= 3:
        line.kind = RULE
    elif _FACIL.match(line.text):
        line.kind = FACIL
    elif m := _BULLET.match(line.text):
        line.kind, line.body = BULLET, m["body"]
    elif m := _NUMBER.match(line.text):
        line.kind, line.body = NUMBER, f"{m['num']} {m['body']}"
    elif m := _FOOTNOTE.match(line.text):
        line.kind, line.body = FOOTNOTE, m["body"]


def _collapse(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"([(\[]) | ([)\]])", r"\1\2", text)


def _tidy(text: str) -> str:
    """_collapse, but keeping the line breaks a note was given on purpose."""
    return "\n".join(filter(None, (_collapse(part) for part in text.split("\n"))))


def _layout(lines: list[_Line]) -> _Layout:
    lengths = sorted(len(line.text) for line in lines if line.kind != RULE)
    p90 = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    # A floor so that a short document of one-line notes is not read as wrapped text.
    wrap_at = 0.8 * max(p90, 50)
    # The Word export puts a blank line after (almost) every line; only where blank lines
    # are not that regular did the typist put them there to separate paragraphs.
    gaps = [line.gap for line in lines[1:]]
    spaced = sum(1 for g in gaps if g > 0)
    return _Layout(wrap_at, len(gaps) >= 3 and spaced < 0.8 * len(gaps))


class _Parser:
    def __init__(self, lines: list[_Line], result: ParseResult) -> None:
        self.lines = lines
        self.result = result
        self.layout = _layout(lines)

    def warn(self, line: int, code: str, **args: object) -> None:
        """A warning at `line`: `code` of core/messages_import.py with its arguments."""
        self.result.warnings.append(ParseWarning(line, message(code, **args)))

    def run(self) -> None:
        skip = 0
        while skip < len(self.lines) and self.lines[skip].kind == RULE:
            skip += 1  # a rule above the title separates nothing
        lines = self.lines[skip:]
        starts = self._group_starts(lines)
        if len(starts) > limits.MAX_GROUPS:
            beyond = sorted(starts)[limits.MAX_GROUPS]
            raise ImportRefused(
                "import.too_many_groups", line=lines[beyond].no, most=limits.MAX_GROUPS
            )
        first = min(starts, default=len(lines))
        body = 0
        if lines and lines[0].kind == TEXT and first > 0:
            self._read_title(lines[0].text)
            body = 1
        else:
            self.result.title = PurePath(self.result.source_name).stem
        if starts:
            preamble = [line for line in lines[body:first] if line.kind != RULE]
            self.result.description = _join_paragraphs(preamble, self.layout)
            if len(self.result.description) > limits.MAX_DESCRIPTION_CHARS:
                raise ImportRefused(
                    "import.description_too_long",
                    line=preamble[0].no,
                    most=limits.MAX_DESCRIPTION_CHARS,
                )
            bounds = sorted(starts) + [len(lines)]
            for begin, end in zip(bounds, bounds[1:], strict=False):
                self._read_group(lines[begin:end], starts[begin])
        else:
            at = lines[body].no if body < len(lines) else self.lines[-1].no
            self.warn(at, "warn.no_groups", group="Grupp 1")
            self._read_group(lines[body:], None, at=at, expected=False)
        _check_text(self.result.title, lines[0].no if lines else 1, "what.title")
        self._flag_facilitator_names()
        self.result.warnings.sort(key=lambda w: w.line)

    def _read_title(self, line: str) -> None:
        for pattern in (_ISO_DATE, _TEXT_DATE):
            m = pattern.search(line)
            if not m:
                continue
            try:
                if pattern is _ISO_DATE:
                    date = dt.date(int(m[1]), int(m[2]), int(m[3]))
                else:
                    date = dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
            except ValueError:
                continue
            self.result.date = date
            rest = _collapse(line[: m.start()] + " " + line[m.end() :])
            rest = re.sub(r"\(\s*\)", "", rest)
            rest = re.sub(r" ([,;:])", r"\1", rest).strip(" ,;:–-|/")
            self.result.title = rest or PurePath(self.result.source_name).stem or line
            return
        self.result.title = line

    def _group_starts(self, lines: list[_Line]) -> dict[int, str | None]:
        """Index of each group's first line -> its name (None when it has no name line)."""
        starts: dict[int, str | None] = {}
        for i, line in enumerate(lines):
            if line.kind == RULE:
                if i + 1 == len(lines):
                    self.warn(line.no, "warn.rule_without_group")
                elif lines[i + 1].kind != RULE:  # of several rules in a row, the last counts
                    starts[i + 1] = lines[i + 1].text if lines[i + 1].kind == TEXT else None
            elif line.kind == FACIL and i - 1 not in starts:
                if i > 0 and lines[i - 1].kind == FACIL:
                    continue  # a second "Processledare:" line of the same group
                if i > 0 and lines[i - 1].kind == TEXT:
                    starts[i - 1] = lines[i - 1].text
                else:
                    starts[i] = None
        return starts

    def _read_group(
        self, lines: list[_Line], name: str | None, at: int = 0, expected: bool = True
    ) -> None:
        index = len(self.result.groups)
        group = ParsedGroup(name or f"Grupp {index + 1}", line=lines[0].no if lines else at)
        if _KLUSTRAT.search(group.name):  # "Trygghet (klustrat)": clustered from the start
            group.name = _collapse(_KLUSTRAT.sub("", group.name))
            group.clustered = True
        _check_text(group.name, group.line, "what.group_name")
        self.result.groups.append(group)
        skip = 0
        if name is not None:
            skip = 1
        elif expected:
            self.warn(group.line, "warn.unnamed_group", group=group.name)
        while skip < len(lines) and lines[skip].kind == FACIL:
            names = _FACIL.match(lines[skip].text)["names"]  # type: ignore[index]
            found = [n.strip(" .") for n in _NAME_SPLIT.split(names) if n.strip(" .")]
            for facilitator in found:
                _check_text(facilitator, lines[skip].no, "what.name")
            group.facilitators += found
            if len(group.facilitators) > limits.MAX_FACILITATORS:
                raise ImportRefused(
                    "import.too_many_facilitators",
                    line=lines[skip].no,
                    most=limits.MAX_FACILITATORS,
                )
            skip += 1
        lines = lines[skip:]
        if expected and not group.facilitators:
            self.warn(group.line, "warn.no_facilitators", group=group.name)
        blocks = _Blocks(lines, self.layout).build()
        _mark_numbered_headings(blocks)
        first_note = len(self.result.notes)
        self._emit_notes(blocks, index, group)
        if len(self.result.notes) == first_note:
            self.warn(group.line, "warn.group_without_notes", group=group.name)

    def _emit_notes(self, blocks: list[_Block], index: int, group: ParsedGroup) -> None:
        section = cluster = ""
        clustering = group.clustered
        group_notes = _GroupNotes()
        for block in blocks:
            if block.kind == "heading":
                section = _KLUSTRAT.sub("", block.text).strip().rstrip(":").strip()
                section = _collapse(section)
                if _KLUSTRAT.search(block.text):
                    group.clustered = clustering = True
                    cluster = ""
                elif clustering and _DISCUSSION.match(section):
                    clustering, cluster = False, ""
                elif clustering:
                    cluster = section
                continue
            if block.kind == FOOTNOTE:
                self._attach_footnote(block, group_notes)
                continue
            note = self._make_note(block, index, section, cluster)
            if note.text:
                self._keep(note, group_notes)
            elif group_notes.last:  # a remark on a line of its own belongs to the note above
                _comment(group_notes.last, note.comment, block.lines[0].no)
            else:
                note.text = note.comment
                self._keep(note, group_notes)

    def _keep(self, note: ParsedNote, group_notes: _GroupNotes) -> None:
        if len(self.result.notes) >= limits.MAX_NOTES:
            raise ImportRefused("import.too_many_notes", line=note.line, most=limits.MAX_NOTES)
        group_notes.append(note)
        self.result.notes.append(note)

    def _make_note(self, block: _Block, group: int, section: str, cluster: str) -> ParsedNote:
        raw = block.text
        note = ParsedNote("", group, section, block.lines[0].no, block.lines[-1].no)
        note.cluster = cluster
        note.personal_data = _has_personal_data(raw)
        comments: list[str] = []
        doubts: list[int] = []  # offsets in raw of remarks saying the note was hard to read

        def take_remark(m: re.Match[str]) -> str:
            comments.append(_collapse(m[1]))
            if _UNCERTAIN.search(m[1]):
                doubts.append(m.start())
            return " "

        def take_uncertain(m: re.Match[str]) -> str:
            remark = _collapse(m[1])
            if not _UNCERTAIN.search(remark):
                return m[0]
            comments.append("Osäker läsning (?)" if remark == "?" else remark)
            doubts.append(m.start())
            return " "

        text = _REMARK.sub(take_remark, raw)
        text = _PAREN.sub(take_uncertain, text)
        if not doubts and (m := _UNCERTAIN_INLINE.search(text)):
            doubts.append(m.start())
        note.text = re.sub(r"[^\S\n]+([.,;!?])", r"\1", _tidy(text))
        note.comment = "\n".join(c for c in comments if c)
        if doubts:
            note.uncertain = True
            self.warn(_line_at(block, doubts[0]), "warn.uncertain", text=_short(note.text))
        return note

    def _attach_footnote(self, block: _Block, notes: _GroupNotes) -> None:
        text = _collapse(block.text)
        target = notes.marked_for(text)
        if target is None:
            self.warn(block.lines[0].no, "warn.stray_footnote")
            target = notes.last
        if target is None:
            group = len(self.result.groups) - 1
            note = ParsedNote(text, group, line=block.lines[0].no, end_line=block.lines[-1].no)
            self._keep(note, notes)
            return
        _comment(target, text, block.lines[0].no)

    def _flag_facilitator_names(self) -> None:
        names = _FullNames(n for g in self.result.groups for n in g.facilitators)
        for note in self.result.notes:
            if names.found_in(note.text) or names.found_in(note.comment):
                note.personal_data = True


class _GroupNotes:
    """A group's notes so far, with the ones marked "word*" indexed by their marked words: a
    footnote finds its note in time linear in its own words, not in the group's notes."""

    def __init__(self) -> None:
        self.last: ParsedNote | None = None
        self.last_marked: ParsedNote | None = None
        self.by_word: dict[str, tuple[int, ParsedNote]] = {}  # word -> latest note marking it
        self.count = 0

    def append(self, note: ParsedNote) -> None:
        self.count += 1
        self.last = note
        if _MARKED.search(note.text):
            self.last_marked = note
            for word in _MARKED_WORD.findall(note.text):
                self.by_word[word.lower()] = (self.count, note)

    def marked_for(self, footnote: str) -> ParsedNote | None:
        """The last note marking a word the footnote has; else the last marked note."""
        hits = (self.by_word.get(w) for w in set(_WORD.findall(footnote.lower())))
        latest = max((hit for hit in hits if hit), key=lambda hit: hit[0], default=None)
        return latest[1] if latest else self.last_marked


class _FullNames:
    """The facilitators' full names, found in a note by looking its words up.

    One pattern per name tried on every note took the product of the two (20,000 groups: over
    a minute). Here a note's words are looked up in a table of names keyed by their first word,
    and only a name whose words all stand there in order is confirmed with its exact pattern.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.by_words: dict[tuple[str, ...], str] = {}  # casefolded words -> the name as written
        self.lengths: dict[str, set[int]] = {}  # first word -> word counts of names starting so
        self.patterns: dict[str, re.Pattern[str]] = {}
        for name in names:
            if " " not in name.strip():  # a first name alone would flag half the notes
                continue
            literal = _collapse(name.split("(")[0])
            words = tuple(_WORD.findall(literal.casefold()))
            if not 1 <= len(words) <= _MAX_NAME_WORDS:
                continue  # no letters at all, or a sentence read as a name: no one's name
            self.by_words[words] = literal
            self.lengths.setdefault(words[0], set()).add(len(words))

    def found_in(self, text: str) -> bool:
        if not self.by_words or not text:
            return False
        words = _WORD.findall(text.casefold())
        for i, word in enumerate(words):
            for length in self.lengths.get(word, ()):
                literal = self.by_words.get(tuple(words[i : i + length]))
                if literal is not None and self._pattern(literal).search(text):
                    return True
        return False

    def _pattern(self, literal: str) -> re.Pattern[str]:
        if literal not in self.patterns:
            self.patterns[literal] = re.compile(
                r"(?<!\w)" + re.escape(literal) + r"(?!\w)", re.IGNORECASE
            )
        return self.patterns[literal]


class _Blocks:
    """Cut a group's lines into headings and notes."""

    def __init__(self, lines: list[_Line], layout: _Layout) -> None:
        self.lines = lines
        self.layout = layout
        self.blocks: list[_Block] = []
        self.cur: _Block | None = None

    def build(self) -> list[_Block]:
        for i, line in enumerate(self.lines):
            nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
            if line.kind in (BULLET, NUMBER, FOOTNOTE):
                self.start(line.kind, line)
            elif line.kind != TEXT:
                self.cur = None  # a stray rule or facilitator line ends the note
            elif self.cur and self.is_mailto_echo(line):
                continue
            elif self.cur and self.continues(line, nxt):
                self.cur.add(line, self.join(line))
            elif self.is_heading(line, nxt):
                self.start("heading", line)
                self.cur = None
            else:
                self.start(TEXT, line)
        return self.blocks

    def start(self, kind: str, line: _Line) -> None:
        self.cur = _Block(kind, [line])
        self.blocks.append(self.cur)

    def is_mailto_echo(self, line: _Line) -> bool:
        m = _MAILTO.fullmatch(line.text)
        return bool(m and self.cur and m["addr"].lower() in self.cur.text.lower())

    def continues(self, line: _Line, nxt: _Line | None) -> bool:
        cur = self.cur
        assert cur is not None
        if _starts_lower(line.text):
            return True
        if _is_strong_heading(line) or _LABEL.match(line.text):
            return False
        if line.indent > cur.lines[0].indent:
            return True
        if self.layout.blank_lines_matter and line.gap:
            return False
        prev = cur.lines[-1].text
        if self.looks_wrapped(prev) or _OPEN_END.search(prev):
            return True
        if _is_heading_before_list(line, nxt) or self.is_title(line, nxt):
            return False
        # A bullet keeps its story lines ("- Åternyttan" + what was said about it); a paragraph
        # or footnote line that was not full ended where the typist pressed Enter.
        return cur.kind == BULLET

    def join(self, line: _Line) -> str:
        """A space for a wrapped line; a line break after a line that was a title of its own
        ("- Vintrosa Folkets hus" followed by the story of what they did)."""
        assert self.cur is not None
        prev = self.cur.lines[-1].text
        hard = (
            line.text[:1].isupper()
            and line.indent <= self.cur.lines[0].indent
            and not self.looks_wrapped(prev)
            and not prev.endswith((".", ";", ":", "!", "?", "…"))
            and not _OPEN_END.search(prev)
        )
        return "\n" if hard else " "

    def looks_wrapped(self, text: str) -> bool:
        # A full line ending a sentence is weaker evidence than a full line ending mid-sentence.
        needed = self.layout.wrap_at * (1.12 if text.endswith((".", "!", "?")) else 1.0)
        return len(text) >= needed

    def is_heading(self, line: _Line, nxt: _Line | None) -> bool:
        return (
            _is_strong_heading(line)
            or _is_heading_before_list(line, nxt)
            or self.is_title(line, nxt)
        )

    def is_title(self, line: _Line, nxt: _Line | None) -> bool:
        """ "Information om Klimatneutrala städer 2030" above a wrapped paragraph; not one of
        several short notes in a row."""
        prev = self.blocks[-1] if self.blocks else None
        return (
            _looks_like_title(line.text)
            and nxt is not None
            and nxt.kind == TEXT
            and not _is_strong_heading(nxt)
            and self.looks_wrapped(nxt.text)
            and not (prev and prev.kind == TEXT and _looks_like_title(prev.text))
        )


def _starts_lower(text: str) -> bool:
    return text[:1].islower() or text[:1] == "("


def _is_strong_heading(line: _Line) -> bool:
    text = line.text
    if line.kind != TEXT or _starts_lower(text) or _MAILTO.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    # "BEHOV/ SAKFRÅGAN/MÅL"; an acronym on its own ("MUCF.") is text.
    all_caps = len(letters) >= 5 and all(c.isupper() for c in letters) and text[-1] != "."
    return all_caps or (text.endswith(":") and len(text) <= 120)


def _is_heading_before_list(line: _Line, nxt: _Line | None) -> bool:
    """A short capitalised line above bullets: "Goda exempel som lyftes", "Diskussioner"."""
    text = line.text
    return (
        nxt is not None
        and nxt.kind in (BULLET, NUMBER)
        and text[:1].isupper()
        and len(text) <= 80
        and len(text.split()) <= 12
        and not text.endswith((".", ",", ";", "…"))
        and not re.search(r"[.!?] [A-ZÅÄÖ]", text)  # more than one sentence
    )


def _looks_like_title(text: str) -> bool:
    return (
        text[:1].isupper()
        and len(text) <= 60
        and len(text.split()) <= 8
        and not re.search(r"[.,;:!?]", text)
    )


def _mark_numbered_headings(blocks: list[_Block]) -> None:
    """ "1. Arbetsgivare" above an explanation is a heading; "1. ... 6." in a row are notes."""
    for i, block in enumerate(blocks):
        if block.kind != NUMBER or i + 1 == len(blocks):
            continue
        explained = blocks[i + 1].kind in (TEXT, BULLET)
        in_list = i > 0 and blocks[i - 1].kind == NUMBER
        if explained and not in_list:
            block.kind = "heading"


def _join_paragraphs(lines: list[_Line], layout: _Layout) -> str:
    out = ""
    for prev, line in zip([None, *lines], lines, strict=False):
        if prev is None:
            out = line.text
        else:
            wrapped = _starts_lower(line.text) or len(prev.text) >= layout.wrap_at
            out += (" " if wrapped else "\n") + line.text
    return out


def _has_personal_data(text: str) -> bool:
    # The same rule the exports redact with, so what is flagged here is what a report leaves out.
    return personal_data.contains(text)


def _line_at(block: _Block, offset: int) -> int:
    """Source line of a character offset in block.text (offsets shift a little once
    remarks are cut out, which can only move the answer to a neighbouring line)."""
    for line, join in zip(block.lines, block.joins + [""], strict=True):
        if offset < len(line.body) + len(join):
            return line.no
        offset -= len(line.body) + len(join)
    return block.lines[-1].no


def _add(comment: str, more: str) -> str:
    return f"{comment}\n{more}" if comment and more else comment or more


def _comment(note: ParsedNote, more: str, line: int) -> None:
    """Add to a note's comment; refused past the limit, which also keeps the growing comment
    from being copied over and over (thousands of footnotes to one note)."""
    note.comment = _add(note.comment, more)
    if len(note.comment) > limits.MAX_TEXT_CHARS:
        raise ImportRefused(
            "import.comments_too_long", line=line, note_line=note.line, most=limits.MAX_TEXT_CHARS
        )


def _check_text(text: str, line: int, what: str) -> None:
    """Refuse `text` past the limit; `what` is a "what.*" message code ("what.title")."""
    if len(text) > limits.MAX_TEXT_CHARS:
        raise ImportRefused(
            "import.text_too_long", line=line, what=message(what), most=limits.MAX_TEXT_CHARS
        )


def _short(text: str, width: int = 60) -> str:
    text = _collapse(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
