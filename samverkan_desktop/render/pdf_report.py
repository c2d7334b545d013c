"""The cluster report as an A4 PDF for the council: cover, summary, the board, the theme map,
one section per cluster, the notes outside clusters; running header, "Sida 3 av 12", bookmarks
per cluster.

Text is laid out by QTextDocument (real, searchable text; note text only ever inserted as plain
text) and painted page by page with QPainter onto a QPdfWriter; the board and theme map pages are
landscape and painted as vectors (the map by render/theme_picture, as in the app's Temakarta).
Qt writes no PDF outline, so pypdf adds the bookmarks afterwards (see `pdf_outline`), also in
PDF/A-1b mode, where it keeps the XMP that declares PDF/A.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextFormat,
)

from ..core import model as m
from ..core.export.redact import redact_document
from ..core.export.report import Report, build_report
from . import pdf_outline
from . import theme_picture as tp
from .board_picture import BoardPicture, board_picture, group_colour, group_hue
from .cover import cover_text
from .report_text import (
    ACCENT,
    FONT_FAMILY,
    MUTED,
    NO_LIGATURES,
    RULE,
    Anchor,
    FlowText,
    body_text,
    summary_text,
)
from .theme_page import ThemePage, theme_page

# Device pixels per inch. Everything is vectors, so this only sets precision; it is high because
# the board's painters draw a note's text only when it is big enough in device pixels.
RESOLUTION = 1200
MARGIN_MM = QMarginsF(20, 24, 20, 22)  # left, top, right, bottom: room for header and footer
PAPER = QColor("#FFFFFF")
KEEP_WITH_HEADING_PT = 54  # a heading needs this much of its section below it on the same page
# Each page break moved to keep things together makes Qt lay out the rest of the text again:
# past this many paragraphs (about 5,000 notes, 200 pages) the breaks fall where they fall,
# since 100,000 notes would otherwise take many minutes.
KEEP_TOGETHER_BLOCKS = 10_000
# A theme's name on the map: this size when there is room, smaller when themes would run into
# each other, never below the smaller size (50 themes raised by most groups come out at 6 pt).
MAP_NAME_PT, MAP_NAME_MIN_PT = 9.0, 6.0
# Paper has no tooltip: a theme's name may take more room than in the app before it is cut.
MAP_NAME_WIDTH = 1.4 * tp.NAME_WIDTH


@dataclass
class _Flow:
    text: FlowText
    first_page: int = 0
    pages: int = 0


def _px(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    for tag, value in NO_LIGATURES.items():  # searchable as typed, as the flowing text
        font.setFeature(tag, value)
    return font


def _layout(orientation: QPageLayout.Orientation) -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


class _Pages:
    """Paints the report's pages in order onto one QPdfWriter."""

    def __init__(
        self,
        writer: QPdfWriter,
        report: Report,
        picture: BoardPicture,
        themes: ThemePage | None = None,
    ) -> None:
        self.writer = writer
        self.report = report
        self.picture = picture
        self.themes = themes
        self.painter = QPainter()
        self.page = 0
        self.total = 0

    def body_rect(self, landscape: bool = False) -> QRectF:
        w, h = (297.0, 210.0) if landscape else (210.0, 297.0)
        return QRectF(
            _px(MARGIN_MM.left()),
            _px(MARGIN_MM.top()),
            _px(w - MARGIN_MM.left() - MARGIN_MM.right()),
            _px(h - MARGIN_MM.top() - MARGIN_MM.bottom()),
        )

    def flows(self) -> list[_Flow]:
        body = self.body_rect()
        flows = [
            _Flow(cover_text(self.report, self.writer, body.width())),
            _Flow(summary_text(self.report, self.writer, body.width())),
            _Flow(body_text(self.report, self.writer, body.width())),
        ]
        for flow in flows:
            doc = flow.text.document
            doc.setPageSize(QSizeF(body.width(), body.height()))
            doc.documentLayout().documentSize()
            _keep_together(flow.text, body.height(), RESOLUTION / 72)
            flow.pages = max(1, doc.pageCount())  # also finishes the layout
        return flows

    def run(self) -> list[Anchor]:
        cover, summary, body = self.flows()
        self.total = cover.pages + summary.pages + 1 + (self.themes is not None) + body.pages
        anchors: list[Anchor] = []
        if not self.painter.begin(self.writer):
            raise RuntimeError("QPdfWriter would not start")
        try:
            self.paint_flow(cover, header=False)
            self.paint_flow(summary)
            anchors += _place(summary)
            anchors.append(Anchor(self.report.labels["overview"], 0, 0, self.page))
            self.paint_board()
            if self.themes is not None:
                anchors.append(Anchor(self.report.labels["theme_map"], 0, 0, self.page))
                self.paint_theme_map(self.themes)
            self.paint_flow(body)
            anchors += _place(body)
        finally:
            self.painter.end()
        return anchors

    def new_page(self, landscape: bool = False) -> None:
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else (QPageLayout.Orientation.Portrait)
        )
        # The layout set before newPage() applies to the new page: the board page is landscape.
        self.writer.setPageLayout(_layout(orientation))
        if self.page > 0:
            self.writer.newPage()
        self.page += 1

    def paint_flow(self, flow: _Flow, header: bool = True) -> None:
        body = self.body_rect()
        doc = flow.text.document
        height = body.height()
        flow.first_page = self.page
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor("#1d2127"))
        for i in range(flow.pages):
            self.new_page()
            self.paint_furniture(header=header or i > 0)
            p = self.painter
            p.save()
            p.translate(body.left(), body.top() - i * height)
            clip = QRectF(0, i * height, body.width(), height)
            p.setClipRect(clip)
            # The layout draws every line that touches the clip: a line starting exactly at the
            # page break would also be drawn (clipped, but still in the text) on the page before,
            # and a line ending there on the page after. One device pixel in, they are not.
            context.clip = clip.adjusted(0, 1, 0, -1)
            doc.documentLayout().draw(p, context)
            p.restore()

    def paint_title(self, body: QRectF, title: str) -> float:
        p = self.painter
        p.setFont(_font(15, bold=True))
        p.setPen(ACCENT)
        title_h = _px(9)
        p.drawText(
            QRectF(body.left(), body.top(), body.width(), title_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            title,
        )
        return title_h

    def paint_board(self) -> None:
        self.new_page(landscape=True)
        self.paint_furniture(landscape=True)
        p = self.painter
        body = self.body_rect(landscape=True)
        title_h = self.paint_title(body, self.report.labels["overview"])
        legend_h = self.paint_legend(body)
        area = QRectF(
            body.left(),
            body.top() + title_h + _px(2),
            body.width(),
            body.height() - title_h - legend_h - _px(5),
        )
        p.setPen(QPen(RULE, _px(0.25)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(area)
        self.picture.paint(p, area.adjusted(_px(2), _px(2), -_px(2), -_px(2)))

    def paint_theme_map(self, page: ThemePage) -> None:
        """The themes as a map (circles, group rings, lines), with how to read it and the notes
        it cannot show written under it."""
        self.new_page(landscape=True)
        self.paint_furniture(landscape=True)
        p = self.painter
        body = self.body_rect(landscape=True)
        title_h = self.paint_title(body, self.report.labels["theme_map"])
        bottom = body.bottom() - self.paint_legend(body, group_hue) - _px(2)
        p.setFont(_font(8))
        p.setPen(MUTED)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        # Bottom up: the notes joining themes, the notes outside any, how to read the map.
        for text in (page.bridges, page.facts, page.key):
            if not text:
                continue
            height = p.fontMetrics().boundingRect(body.toRect(), int(flags), text).height()
            bottom -= height + _px(1.5)
            p.drawText(QRectF(body.left(), bottom, body.width(), height), flags, text)
        area = QRectF(
            body.left(),
            body.top() + title_h + _px(2),
            body.width(),
            bottom - body.top() - title_h - _px(4),
        )
        p.setPen(QPen(RULE, _px(0.25)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(area)
        inner = area.adjusted(_px(3), _px(3), -_px(3), -_px(3))
        # Device pixels per map unit at the largest name size, and the layout spacing that
        # leaves room for a name between two themes at that size.
        unit = MAP_NAME_PT / 72 * RESOLUTION / tp.LABEL_PX
        spacing = tp.LABEL_ROOM * unit / (min(inner.width(), inner.height()) / 2)
        themes = tp.theme_map(
            page.nodes,
            page.edges,
            page.colour_of,
            page.label_of,
            min_distance=spacing,
            font=tp.label_font(FONT_FAMILY),
            name_width=MAP_NAME_WIDTH,
        )
        tp.paint_map(
            p,
            inner,
            themes,
            max_unit=unit,
            min_unit=unit * MAP_NAME_MIN_PT / MAP_NAME_PT,
            backdrop=PAPER,
        )

    def paint_legend(self, body: QRectF, colour: Callable[[int], QColor] = group_colour) -> float:
        """One swatch per group under the board: colour is not the only cue, the name is there.
        `colour` is the group's colour on this page (notes: pastel; theme map rings: full)."""
        p = self.painter
        p.setFont(_font(8))
        metrics = p.fontMetrics()
        swatch, gap, line_h = _px(3.2), _px(5), _px(5)
        x, y = body.left(), 0.0
        rows: list[list[tuple[float, int, str]]] = [[]]
        for i, g in enumerate(self.report.cover.groups):
            name = f"{g.short}  {g.name}" if g.short else g.name
            width = swatch + _px(1.5) + metrics.horizontalAdvance(name)
            if x + width > body.right() and rows[-1]:
                rows.append([])
                x = body.left()
            rows[-1].append((x, i, name))
            x += width + gap
        height = len(rows) * line_h
        top = body.bottom() - height
        for r, row in enumerate(rows):
            y = top + r * line_h
            for x, i, name in row:
                p.setPen(QPen(colour(i).darker(135), _px(0.2)))
                p.setBrush(colour(i))
                p.drawRect(QRectF(x, y + (line_h - swatch) / 2, swatch, swatch))
                p.setPen(MUTED)
                p.drawText(
                    QRectF(x + swatch + _px(1.5), y, body.right() - x, line_h),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    name,
                )
        return height

    def paint_furniture(self, *, header: bool = True, landscape: bool = False) -> None:
        """The running header (workshop title) and the footer "Sida n av N"."""
        p = self.painter
        w = _px(297 if landscape else 210)
        h = _px(210 if landscape else 297)
        left, right = _px(MARGIN_MM.left()), w - _px(MARGIN_MM.right())
        p.setFont(_font(8))
        p.setPen(MUTED)
        if header:
            top = _px(11)
            line_h = _px(5)
            title = p.fontMetrics().elidedText(
                self.report.title, Qt.TextElideMode.ElideRight, int((right - left) * 0.7)
            )
            p.drawText(
                QRectF(left, top, right - left, line_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                title,
            )
            p.drawText(
                QRectF(left, top, right - left, line_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                self.report.labels["report"],
            )
            p.setPen(QPen(RULE, _px(0.25)))
            rule_y = top + line_h + _px(1.2)
            p.drawLine(QPointF(left, rule_y), QPointF(right, rule_y))
            p.setPen(MUTED)
        footer = self.report.labels["page"].format(page=self.page, pages=self.total)
        p.drawText(
            QRectF(left, h - _px(14), right - left, _px(5)),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            footer,
        )


def _keep_together(flow: FlowText, page_height: float, px_per_pt: float) -> None:
    """Page breaks a reader expects: a heading that would end a page goes to the next one with
    its section, and a note that would be split there goes over whole, taking its heading along
    when it is the section's first note."""
    doc = flow.document
    if doc.blockCount() > KEEP_TOGETHER_BLOCKS:
        return
    layout = doc.documentLayout()
    need = KEEP_WITH_HEADING_PT * px_per_pt
    headings, whole = set(flow.headings), set(flow.whole)
    heading: QTextBlock | None = None  # the last heading, while no note has followed it
    for position in sorted(headings | whole):
        layout.documentSize()  # lays out what an earlier page break moved: rects are lazy
        block = doc.findBlock(position)
        rect = layout.blockBoundingRect(block)
        page = math.floor(rect.top() / page_height)
        if position in headings:
            heading = block
            # A heading already at the top of a page stays: moving it would only leave a blank.
            if rect.bottom() + need > (page + 1) * page_height and rect.top() % page_height > need:
                _break_before(block)
            continue
        lines = block.layout()
        if lines.lineCount() == 0:
            continue
        last = lines.lineAt(lines.lineCount() - 1)
        top = rect.top() + lines.lineAt(0).y()
        bottom = rect.top() + last.y() + last.height()
        first_note, heading = heading, None
        if math.floor(top / page_height) == math.floor((bottom - 1) / page_height):
            continue  # on one page
        if bottom - top > page_height / 2:
            continue  # a very long note may break, as a paragraph of prose would
        target = block
        if first_note is not None:
            above = layout.blockBoundingRect(first_note)
            if math.floor(above.top() / page_height) == page and above.top() % page_height > 1:
                target = first_note
        _break_before(target)


def _break_before(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def _place(flow: _Flow) -> list[Anchor]:
    doc = flow.text.document
    layout = doc.documentLayout()
    height = doc.pageSize().height()
    for anchor in flow.text.anchors:
        top = layout.blockBoundingRect(doc.findBlock(anchor.position)).top()
        anchor.page = flow.first_page + int(top // height)
    return flow.text.anchors


def write_report(
    report: Report,
    path: str | os.PathLike[str],
    picture: BoardPicture,
    *,
    pdfa: bool = False,
    themes: ThemePage | None = None,
) -> None:
    # Qt draws into memory and the file is written by Python: QPdfWriter says nothing when the
    # disk fills up (it leaves a cut-off file), while Python's write raises with the reason.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(_layout(QPageLayout.Orientation.Portrait))
    writer.setTitle(f"{report.title} – {report.labels['report']}")
    writer.setCreator("Samverkan Desktop")
    writer.setAuthor("Samverkan Desktop")
    if pdfa:
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    anchors = _Pages(writer, report, picture, themes).run()
    del writer  # finishes the PDF in the buffer
    data = bytes(buffer.data().data())  # typed bytes | bytearray | memoryview
    buffer.close()
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-32:]:
        raise RuntimeError("QPdfWriter left an unfinished PDF")
    data = pdf_outline.add_outline(data, [(a.title, a.level, a.page) for a in anchors])
    Path(path).write_bytes(data)


def write(
    doc: m.Document,
    path: str | os.PathLike[str],
    *,
    redact: bool = False,
    language: str = "sv",
    pdfa: bool = False,
) -> None:
    """Write the report of `doc` to `path`; with `redact`, the board is painted from the
    redacted document, so no name slips through."""
    from .qt_app import speaking

    with speaking(language):  # the board's own words (a frame's count) in the report's language
        report = build_report(doc, redact=redact, language=language)
        shown = redact_document(doc) if redact else doc
        picture = board_picture(shown, opaque=pdfa)
        write_report(report, path, picture, pdfa=pdfa, themes=theme_page(shown, report))
