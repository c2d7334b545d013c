"""The report's first page: what was discussed, when, by which groups, and how much came of it."""

from __future__ import annotations

from PySide6.QtGui import (
    QBrush,
    QPaintDevice,
    QTextBlockFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTableCellFormat,
    QTextTableFormat,
)

from ..core.export.report import Report, cut_note
from .report_text import BODY_PT, MUTED, RULE, FlowText, _char, _Writer

ACCENT_DARK = "#0b5a8c"


def cover_text(report: Report, device: QPaintDevice, width: float) -> FlowText:
    w = _Writer(device, width, report)
    lab, cover = w.lab, report.cover
    w.line(lab["report"].upper(), _char(9.5, bold=True, colour=MUTED), top=40, bottom=8)
    title = _char(26, bold=True)
    title.setForeground(QBrush(ACCENT_DARK))
    w.line(cover.title, title, bottom=10)
    if cover.date:
        w.line(f"{lab['date']}: {cover.date.isoformat()}", _char(12), bottom=4)
    if cover.description:
        w.line(cover.description, _char(11, colour=MUTED), bottom=4)
    counts = lab["counts"].format(
        notes=cover.note_count,
        clusters=cover.cluster_count,
        groups=len(cover.groups),
        votes=cover.vote_count,
    )
    w.line(counts, _char(12, bold=True), top=18, bottom=24)
    if cover.groups:
        w.line(lab["groups"], _char(13, bold=True), bottom=6)
        _groups_table(w, report)
    if cover.redacted:
        w.line(lab["redacted"], _char(BODY_PT, italic=True), top=14)
    if cover.cut_texts:
        w.line(cut_note(cover, lab), _char(BODY_PT, italic=True), top=14)
    w.line(lab["created"].format(date=cover.created.isoformat()), _char(8.5, colour=MUTED), top=24)
    return w.done()


def _groups_table(w: _Writer, report: Report) -> None:
    lab = w.lab
    show_people = any(g.facilitators for g in report.cover.groups)
    head = [lab["short"], lab["group"], lab["notes"]]
    widths = [10, 72, 18]
    if show_people:
        head.insert(2, lab["facilitators"])
        widths = [8, 45, 35, 12]
    fmt = QTextTableFormat()
    fmt.setHeaderRowCount(1)
    fmt.setBorder(0)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(4.5 * w.pt)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, p) for p in widths]
    )
    rows = [head] + [
        [g.short, g.name, ", ".join(g.facilitators), str(g.note_count)]
        if show_people
        else [g.short, g.name, str(g.note_count)]
        for g in report.cover.groups
    ]
    table = w.cursor.insertTable(len(rows), len(head), fmt)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell = table.cellAt(i, j)
            cell_format = QTextTableCellFormat()
            cell_format.setBottomBorder(0.6 * w.pt)
            cell_format.setBottomBorderBrush(QBrush(RULE))
            cell_format.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            cell.setFormat(cell_format)
            cursor = cell.firstCursorPosition()
            if j == len(row) - 1:
                from PySide6.QtCore import Qt

                block = QTextBlockFormat()
                block.setAlignment(Qt.AlignmentFlag.AlignRight)
                cursor.setBlockFormat(block)
            cursor.insertText(
                value,
                _char(
                    BODY_PT, bold=i == 0, colour=MUTED if i == 0 else _char().foreground().color()
                ),
            )
    w.cursor.movePosition(QTextCursor.MoveOperation.End)
