"""The cluster report as a Word document that the council's secretary can still edit.

Built from Word's own styles (Title, Heading 1-4, List Bullet, a table with a repeating header
row), so the navigation pane, a table of contents and a screen reader all understand it. The
document language is Swedish (or English), so spell checking and speech pick the right voice.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from .. import model as m
from .display import cut
from .report import (
    ClusterSection,
    NoteEntry,
    Report,
    build_report,
    cut_note,
    note_marks,
    note_source,
    section_facts,
    shown_depth,
)

_GREY = RGBColor(0x55, 0x55, 0x55)
# XML 1.0 cannot hold most control characters; a stray one in a note must not break the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LANG = {"sv": "sv-SE", "en": "en-GB"}


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _set_language(document: docx.document.Document, language: str) -> None:
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr.find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), _LANG[language])


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    inner = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    fld.append(inner)
    run._r.addnext(fld)


def _page_footer(document: docx.document.Document, report: Report) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = _clean(report.title)
    header.style = document.styles["Header"]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # "Sida {page} av {pages}" with the two numbers as fields.
    before, _, rest = report.labels["page"].partition("{page}")
    middle, _, after = rest.partition("{pages}")
    footer.add_run(before)
    _field(footer, "PAGE")
    footer.add_run(middle)
    _field(footer, "NUMPAGES")
    footer.add_run(after)


class _Writer:
    """A python-docx document that adds paragraphs in constant time.

    python-docx's add_paragraph and add_heading search the whole body for its closing section
    properties on every call, so a workshop of 100,000 notes took minutes; this keeps that
    element and inserts before it. Anything else goes to the document itself.
    """

    def __init__(self, document: docx.document.Document) -> None:
        self.document = document
        self._end = document.element.body.find(qn("w:sectPr"))
        self._styles: dict[str, str] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.document, name)

    def add_paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        self._end.addprevious(element)
        paragraph = Paragraph(element, self.document._body)
        if style is not None:
            # By id, looked up once: Paragraph.style reads every style on each call.
            if style not in self._styles:
                self._styles[style] = self.document.styles[style].style_id
            element.style = self._styles[style]
        if text:
            paragraph.add_run(text)
        return paragraph

    def add_heading(self, text: str = "", level: int = 1) -> Paragraph:
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")


def _repeat_header_row(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _note(
    document: _Writer,
    note: NoteEntry,
    report: Report,
    show_group: bool,
    cluster: str = "",
) -> None:
    p = document.add_paragraph(style="List Bullet")
    p.add_run(_clean(note.text))
    marks = note_marks(note, report.labels)
    if marks:
        p.add_run(" " + marks).italic = True
    source = note_source(note, cluster) if show_group else note.section
    details = [_clean(source)] if source else []
    if note.comment:
        details.append(f"{report.labels['comment']}: {_clean(note.comment)}")
    for line in details:
        run = p.add_run()
        run.add_break()
        run = p.add_run(line)
        run.font.size = Pt(9)
        run.font.color.rgb = _GREY


def _section(document: _Writer, s: ClusterSection, report: Report) -> None:
    lab = report.labels
    document.add_heading(_clean(f"{s.number} {s.name}"), level=min(2 + s.depth, 9))
    document.add_paragraph().add_run(_clean(section_facts(s, lab))).italic = True
    if s.own_group:
        document.add_paragraph(_clean(f"{lab['group_cluster']}: {s.own_group}"))
    if s.description:
        document.add_paragraph(_clean(s.description))
    for note in s.notes:
        _note(document, note, report, show_group=True, cluster=s.name)
    if not s.notes and not s.children:
        document.add_paragraph(lab["empty_cluster"])


# A4 (python-docx starts from US Letter) with 2.5 cm margins: 16 cm of text, which the summary
# table's columns share.
_PAGE_CM, _MARGIN_CM = (21.0, 29.7), 2.5
_SUMMARY_WIDTHS_CM = (1.2, 6.6, 2.1, 2.1, 4.0)


def _summary(document: _Writer, report: Report) -> None:
    lab = report.labels
    head = (lab["number"], lab["name"], lab["notes"], lab["votes"], lab["contributing"])
    table = document.add_table(rows=1, cols=len(head))
    table.style = document.styles["Light List Accent 1"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Fixed widths: left to Word (and LibreOffice) every column gets a fifth, and names break
    # inside words ("Förebyggand/e").
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    _repeat_header_row(table)
    # Groups by their short label, as on the board and in the PDF, with the key under the
    # table: full names made every row a tall block.
    short = {g.name: g.short or g.name for g in report.cover.groups}
    for row in report.summary:
        cells = table.add_row().cells
        name = "\u2003" * shown_depth(row.depth) + row.name
        values = (
            row.number,
            name,
            str(row.notes),
            str(row.votes),
            ", ".join(short.get(g, g) for g in row.groups),
        )
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.text = _clean(text)
            if i in (2, 3):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for i in (2, 3):
        table.rows[0].cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for column, width in zip(table.columns, _SUMMARY_WIDTHS_CM, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    key = "  ·  ".join(f"{g.short} = {g.name}" for g in report.cover.groups if g.short)
    if key:
        run = document.add_paragraph().add_run(_clean(key))
        run.font.size = Pt(9)
        run.font.color.rgb = _GREY


def build(report: Report) -> docx.document.Document:
    lab = report.labels
    cover = report.cover
    word = docx.Document()
    document = _Writer(word)
    props = word.core_properties
    # Word refuses a property longer than 255 characters.
    props.title = cut(_clean(f"{cover.title} – {lab['report']}"), 255)
    props.author = "Samverkan Desktop"
    props.subject = lab["report"]
    props.language = _LANG[report.language]
    _set_language(word, report.language)
    section = word.sections[0]
    section.page_width, section.page_height = Cm(_PAGE_CM[0]), Cm(_PAGE_CM[1])
    section.left_margin = section.right_margin = Cm(_MARGIN_CM)
    _page_footer(word, report)

    document.add_heading(_clean(cover.title), level=0)
    document.add_paragraph(lab["report"], style="Subtitle")
    if cover.date:
        document.add_paragraph(f"{lab['date']}: {cover.date.isoformat()}")
    if cover.description:
        document.add_paragraph(_clean(cover.description))
    document.add_paragraph(
        lab["counts"].format(
            notes=cover.note_count,
            clusters=cover.cluster_count,
            groups=len(cover.groups),
            votes=cover.vote_count,
        )
    )
    if cover.groups:
        document.add_heading(lab["groups"], level=1)
        for g in cover.groups:
            p = document.add_paragraph(style="List Bullet")
            p.add_run(_clean(g.name)).bold = True
            if g.facilitators:
                p.add_run(_clean(f" – {lab['facilitators']}: {', '.join(g.facilitators)}"))
    if cover.redacted:
        document.add_paragraph().add_run(lab["redacted"]).italic = True
    if cover.cut_texts:
        document.add_paragraph().add_run(cut_note(cover, lab)).italic = True

    document.add_heading(lab["summary"], level=1)
    if report.summary:
        _summary(document, report)
    else:
        document.add_paragraph(lab["no_clusters"])

    if report.sections:
        document.add_heading(lab["clusters"], level=1)
        for s in report.all_sections():  # in reading order, without recursion at any depth
            _section(document, s, report)

    document.add_heading(lab["unclustered"], level=1)
    if not report.unclustered:
        document.add_paragraph(lab["no_unclustered"])
    for group in report.unclustered:
        document.add_heading(_clean(group.group), level=2)
        for note in group.notes:
            _note(document, note, report, show_group=False)
    end = document.add_paragraph(lab["created"].format(date=cover.created.isoformat()))
    end.runs[0].font.color.rgb = _GREY
    return word


def write(
    doc: m.Document, path: str | os.PathLike[str], *, redact: bool = False, language: str = "sv"
) -> None:
    # Zipped in memory, then written at once: zipfile writing to a full disk fails a second time
    # when it is collected, and prints that failure to stderr.
    data = io.BytesIO()
    build(build_report(doc, redact=redact, language=language)).save(data)
    Path(path).write_bytes(data.getvalue())
