"""The flowing text of the PDF report (summary table, cluster sections, appendix) as QTextDocuments.

Everything is inserted through QTextCursor.insertText: note text is plain text and Qt never
parses it as HTML, so a note reading "<img src=...>" is printed, not fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from ..core.export.report import (
    ClusterSection,
    NoteEntry,
    Report,
    note_marks,
    note_source,
    section_facts,
    shown_depth,
)

FONT_FAMILY = "DejaVu Sans"  # ships with every Linux desktop; Qt falls back elsewhere
BODY_PT = 10.0
TEXT = QColor("#1d2127")
MUTED = QColor("#5d636b")
RULE = QColor("#c9ccd1")
ACCENT = QColor("#0b5a8c")
HEAD_FILL = QColor("#e8eef4")
STRIPE_FILL = QColor("#f6f7f9")
# Without ligatures: "fi" in "profilering" would be one glyph, which copies, searches and
# indexes (pdftotext, a diarium's full-text search) as "ﬁ", so "profilering" would not be found.
NO_LIGATURES = {QFont.Tag("liga"): 0, QFont.Tag("clig"): 0}
# A cluster's notes are one bulleted list per this many (the bullets look the same): adding to a
# QTextList and changing a block in it take time in proportion to its length, so one list of
# 100,000 notes took minutes to lay out.
LIST_CHUNK = 100
# Heading sizes by level (1: part, 2: cluster, 3: sub-cluster, 4+: deeper).
_HEADING_PT = {1: 17.0, 2: 13.5, 3: 11.5, 4: 10.5}


@dataclass
class Anchor:
    """A heading whose page the outline (bookmarks) needs once the text is laid out."""

    title: str
    level: int  # 0: top level in the outline
    position: int  # cursor position of the heading's block
    page: int = 0


@dataclass
class FlowText:
    document: QTextDocument
    anchors: list[Anchor] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)  # block positions kept with what follows
    # Notes: each kept on one page, since its source or comment alone at the top of the next
    # page would not say which note it belongs to.
    whole: list[int] = field(default_factory=list)


def _plain(text: str) -> str:
    # One note is one paragraph: its own line breaks become line separators, not new blocks.
    return "\u2028".join(line.strip() for line in text.strip().splitlines())


def _char(
    size: float = BODY_PT, *, bold: bool = False, italic: bool = False, colour: QColor = TEXT
) -> QTextCharFormat:
    """A copy of its own for every caller, which it may change, of a format made once (a
    report of 10,000 notes asks for 35,000 of them, seven setters each)."""
    return QTextCharFormat(_made_char(size, bold, italic, colour.rgba()))


@cache
def _made_char(size: float, bold: bool, italic: bool, rgba: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies([FONT_FAMILY])
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    fmt.setForeground(QBrush(QColor.fromRgba(rgba)))
    fmt.setFontFeatures(NO_LIGATURES)
    return fmt


class _Writer:
    def __init__(self, device: QPaintDevice, width: float, report: Report) -> None:
        self.report = report
        self.lab = report.labels
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDocumentMargin(0)
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(BODY_PT)
        for tag, value in NO_LIGATURES.items():
            font.setFeature(tag, value)
        doc.setDefaultFont(font)
        doc.setTextWidth(width)
        # Nothing in this document may come from outside: no base URL, no resources.
        doc.setUndoRedoEnabled(False)
        self.flow = FlowText(doc)
        self.cursor = QTextCursor(doc)
        self.first = True
        self.list: QTextList | None = None
        doc.setIndentWidth(13 * 96 / 72)
        # Margins, paddings and borders are in Qt's 96-dpi units, which the layout scales to the
        # device itself; fonts are in points. This converts points to those units.
        self.pt = 96.0 / 72.0
        # One edit block for the whole build: Qt lays the text out once, not after every cell.
        self.cursor.beginEditBlock()

    def done(self) -> FlowText:
        self.cursor.endEditBlock()
        return self.flow

    def block(
        self, *, top: float = 0, bottom: float = 0, indent: float = 0, page_break: bool = False
    ) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top * self.pt)
        fmt.setBottomMargin(bottom * self.pt)
        fmt.setLeftMargin(indent * self.pt)
        fmt.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if page_break:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        return fmt

    def paragraph(self, fmt: QTextBlockFormat, char: QTextCharFormat) -> None:
        self.list = None  # a note() after this starts a new list
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self.first = False
        else:
            self.cursor.insertBlock(fmt, char)

    def text(self, text: str, char: QTextCharFormat) -> None:
        self.cursor.insertText(text, char)

    def heading(
        self, text: str, level: int, *, outline: int | None = None, page_break: bool = False
    ) -> None:
        size = _HEADING_PT.get(level, _HEADING_PT[4])
        top = {1: 0.0, 2: 16.0, 3: 12.0}.get(level, 9.0)
        fmt = self.block(top=top, bottom=4.0 if level > 1 else 8.0, page_break=page_break)
        fmt.setHeadingLevel(level)
        self.paragraph(fmt, _char(size, bold=True, colour=ACCENT if level <= 2 else TEXT))
        position = self.cursor.block().position()
        self.text(text, _char(size, bold=True, colour=ACCENT if level <= 2 else TEXT))
        self.flow.headings.append(position)
        if outline is not None:
            self.flow.anchors.append(Anchor(text, outline, position))

    def line(
        self,
        text: str,
        char: QTextCharFormat,
        *,
        top: float = 0,
        bottom: float = 4,
        indent: float = 0,
    ) -> None:
        self.paragraph(self.block(top=top, bottom=bottom, indent=indent), char)
        self.text(text, char)

    def note(self, note: NoteEntry, *, show_group: bool, cluster: str = "") -> None:
        # A real list, so the bullet hangs and wrapped lines align with the text.
        current = self.list
        self.paragraph(self.block(bottom=5), _char(colour=MUTED))
        self.flow.whole.append(self.cursor.block().position())
        if current is not None and current.count() >= LIST_CHUNK:
            current = None
        if current is None:
            fmt = QTextListFormat()
            fmt.setStyle(QTextListFormat.Style.ListDisc)
            fmt.setIndent(1)
            current = self.cursor.createList(fmt)
        else:
            current.add(self.cursor.block())
        self.list = current
        self.text(_plain(note.text), _char())
        marks = note_marks(note, self.lab)
        if marks:
            self.text(" " + marks, _char(italic=True, colour=MUTED))
        details = note_source(note, cluster) if show_group else note.section
        small = _char(BODY_PT - 1.5, colour=MUTED)
        if details:
            self.text("\u2028" + details, small)
        if note.comment:
            self.text(f"\u2028{self.lab['comment']}: {_plain(note.comment)}", small)


def summary_text(report: Report, device: QPaintDevice, width: float) -> FlowText:
    """The summary: one table row per cluster, nested clusters indented under their parent."""
    w = _Writer(device, width, report)
    lab = w.lab
    w.heading(lab["summary"], 1, outline=0)
    counts = lab["counts"].format(
        notes=report.cover.note_count,
        clusters=report.cover.cluster_count,
        groups=len(report.cover.groups),
        votes=report.cover.vote_count,
    )
    w.line(counts, _char(colour=MUTED), bottom=10)
    if not report.summary:
        w.line(lab["no_clusters"], _char())
        return w.done()
    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)
    table_format.setBorder(0)
    table_format.setCellSpacing(0)
    table_format.setCellPadding(4.5 * w.pt)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, p) for p in (7, 50, 10, 10, 23)]
    )
    table = w.cursor.insertTable(len(report.summary) + 1, 5, table_format)
    head = (lab["number"], lab["name"], lab["notes"], lab["votes"], lab["contributing"])
    # Groups by their short label (as on the board's notes), with the key under the table:
    # full names would wrap every row into a tall block.
    short = {g.name: g.short or g.name for g in report.cover.groups}
    rows = [head] + [
        (r.number, r.name, str(r.notes), str(r.votes), ", ".join(short.get(g, g) for g in r.groups))
        for r in report.summary
    ]
    for i, row in enumerate(rows):
        depth = shown_depth(report.summary[i - 1].depth) if i else 0
        for j, value in enumerate(row):
            cell = table.cellAt(i, j)
            cell_format = QTextTableCellFormat()
            if i == 0:
                cell_format.setBackground(QBrush(HEAD_FILL))
            elif depth == 0 and i % 2 == 0:
                cell_format.setBackground(QBrush(STRIPE_FILL))
            cell_format.setBottomBorder(0.6 * w.pt)
            cell_format.setBottomBorderBrush(QBrush(RULE))
            cell_format.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            cell.setFormat(cell_format)
            cursor = cell.firstCursorPosition()
            block = QTextBlockFormat()
            if j in (2, 3):
                block.setAlignment(Qt.AlignmentFlag.AlignRight)
            if j == 1 and depth:
                block.setLeftMargin(14 * depth * w.pt)
            cursor.setBlockFormat(block)
            size = BODY_PT - (1.0 if j == 4 else 0.5) - (0.5 if depth else 0)
            char = _char(
                size,
                bold=i == 0 or (j == 1 and depth == 0),
                colour=MUTED if (j == 4 and i) else TEXT,
            )
            cursor.insertText(value, char)
    w.cursor.movePosition(QTextCursor.MoveOperation.End)
    key = "  ·  ".join(f"{g.short}\u00a0=\u00a0{g.name}" for g in report.cover.groups if g.short)
    if key:
        w.line(key, _char(BODY_PT - 1.5, colour=MUTED), top=6)
    return w.done()


def body_text(report: Report, device: QPaintDevice, width: float) -> FlowText:
    """The sections per cluster, then the appendix of notes outside any cluster."""
    w = _Writer(device, width, report)
    lab = w.lab
    if report.sections:
        w.heading(lab["clusters"], 1, outline=0)
        for s in report.all_sections():  # in reading order, without recursion at any depth
            _section(w, s)
    w.heading(lab["unclustered"], 1, outline=0, page_break=bool(report.sections))
    if not report.unclustered:
        w.line(lab["no_unclustered"], _char())
    for group in report.unclustered:
        w.heading(group.group, 2, outline=1)
        for note in group.notes:
            w.note(note, show_group=False)
    return w.done()


def _section(w: _Writer, s: ClusterSection) -> None:
    lab = w.lab
    w.heading(f"{s.number}\u2002{s.name}", 2 + s.depth, outline=1 + s.depth)
    w.line(section_facts(s, lab), _char(BODY_PT - 1, italic=True, colour=MUTED), bottom=6)
    if s.own_group:
        w.line(f"{lab['group_cluster']}: {s.own_group}", _char(BODY_PT - 1, colour=MUTED))
    if s.description:
        w.line(_plain(s.description), _char(), bottom=6)
    for note in s.notes:
        w.note(note, show_group=True, cluster=s.name)
    if not s.notes and not s.children:
        w.line(lab["empty_cluster"], _char(colour=MUTED))
