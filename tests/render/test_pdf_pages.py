"""The seed's PDF report read page by page, as a council reader meets it: A4, the cover, the
summary table, the board as vectors, a section per cluster, the appendix, header and footer."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import export
from samverkan_desktop.core.export.report import build_report, section_facts
from samverkan_desktop.render import EXPORTERS

A4 = (595, 842)  # points, portrait
TITLE = "Fördjupningsdag om samverkan"


@pytest.fixture(scope="module")
def seed_pdf(seed_doc: m.Document, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PdfReader]:
    out = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    export(seed_doc, EXPORTERS["pdf"], out)
    yield PdfReader(out)
    _read.cache_clear()


def _clean(text: str) -> str:
    # pypdf reads Qt's word gaps as tabs and a figure space as \u2002; a viewer shows spaces.
    return re.sub(r"[ \t\u2002]+", " ", text)


@functools.cache
def _read(reader: PdfReader, index: int) -> tuple[str, tuple[tuple[float, float, str], ...]]:
    """The page's text and its runs, read once: the module's tests only look at the one PDF,
    and pypdf takes seconds to read all its pages again for each test."""
    page = reader.pages[index]
    height = float(page.mediabox.height)
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((round(height - y, 1), round(x, 1), _clean(text).strip()))

    text = page.extract_text(visitor_text=visit)
    return _clean(text), tuple(sorted(found))


def _text(reader: PdfReader, index: int) -> str:
    return _read(reader, index)[0]


def _placed(reader: PdfReader, index: int) -> tuple[tuple[float, float, str], ...]:
    """(y from the top in points, x, text) of each run of text on the page, top to bottom."""
    return _read(reader, index)[1]


def _wrapped(text: str) -> str:
    """A pattern for `text` as a table cell shows it: a line may break at a space or after "/"."""
    words = [re.escape(w) for w in re.split(r"\s+", text)]
    return r"\s+".join(words).replace("/", r"/\s*")


def _page_with(reader: PdfReader, heading: str) -> int:
    for i in range(len(reader.pages)):
        if any(t == heading for _, _, t in _placed(reader, i)[:6]):
            return i
    raise AssertionError(f"no page starts with {heading!r}")


def _images(obj: object) -> Iterator[object]:
    """Every image XObject a page's resources reach, forms included."""
    if isinstance(obj, IndirectObject):
        obj = obj.get_object()
    resources = obj.get("/Resources") if hasattr(obj, "get") else None
    if resources is None:
        return
    for xobject in (resources.get_object().get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Image":
            yield xobject
        else:
            yield from _images(xobject)


def test_every_page_is_a4_and_only_the_pictures_lie_on_their_side(seed_pdf: PdfReader) -> None:
    board = _page_with(seed_pdf, "Översikt av tavlan")
    for i, page in enumerate(seed_pdf.pages):
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        assert size in (A4, A4[::-1]), f"page {i + 1} is {size}"
        if size == A4[::-1]:  # landscape: the board (and the theme map) only
            assert i == board or i == board + 1, f"page {i + 1} is landscape"
    assert round(float(seed_pdf.pages[board].mediabox.width)) == 842


def test_cover_names_the_workshop_its_groups_and_counts(
    seed_pdf: PdfReader, seed_doc: m.Document
) -> None:
    cover = _text(seed_pdf, 0)
    assert TITLE in cover and "Datum: 2021-11-10" in cover
    votes = sum(n.votes for n in seed_doc.notes)
    counts = (
        f"{len(seed_doc.notes)} lappar i {len(seed_doc.clusters)} kluster från "
        f"{len(seed_doc.groups)} grupper, {votes} röster"
    )
    assert counts in cover.replace("\n", " ")
    for group in seed_doc.groups:
        # A long group name wraps in its cell; its words are all there, in order.
        assert re.search(_wrapped(group.name), cover), group.name
        for person in group.facilitators:
            assert re.search(_wrapped(person), cover), person
    # The cover has the page number but no running header.
    top = [t for y, _, t in _placed(seed_pdf, 0) if y < 24 / 25.4 * 72]
    assert top == []


def test_running_header_and_page_number_on_every_later_page(seed_pdf: PdfReader) -> None:
    pages = len(seed_pdf.pages)
    header_band = 24 / 25.4 * 72  # the top margin, in points
    for i in range(1, pages):
        placed = _placed(seed_pdf, i)
        header = [t for y, _, t in placed if y < header_band]
        assert header == [TITLE, "Klusterrapport"] or header == ["Klusterrapport", TITLE], (
            i + 1,
            header,
        )
        height = float(seed_pdf.pages[i].mediabox.height)
        footer = [t for y, _, t in placed if y > height - 22 / 25.4 * 72]
        assert footer == [f"Sida {i + 1} av {pages}"], (i + 1, footer)


def test_summary_table_ranks_by_votes_then_size_with_the_contributing_groups(
    seed_pdf: PdfReader, seed_doc: m.Document
) -> None:
    report = build_report(seed_doc)
    page = _page_with(seed_pdf, "Sammanfattning")
    board = _page_with(seed_pdf, "Översikt av tavlan")
    table = []
    for i in range(page, board):
        placed = _placed(seed_pdf, i)
        starts = [(y, t) for y, x, t in placed if x < 70 and re.fullmatch(r"\d+(\.\d+)*", t)]
        for y0, number in starts:
            # Cells of one row share a baseline, give or take their font sizes.
            cells = sorted((x, t) for y, x, t in placed if abs(y - y0) < 3 and x >= 70)
            table.append([number, *(t for _, t in cells)])
    assert len(table) == len(report.summary) == len(seed_doc.clusters)
    short = {g.name: g.short for g in report.cover.groups}
    for row, want in zip(table, report.summary, strict=True):
        number, name, notes, votes, groups = row[0], row[1], row[-3], row[-2], row[-1]
        assert number == want.number
        assert want.name.startswith(name)  # a long name wraps onto a second line
        assert (int(notes), int(votes)) == (want.notes, want.votes)
        assert groups.split(", ")[0] == short[want.groups[0]]
    top = [(int(r[-2]), int(r[-3])) for r in table if "." not in r[0]]
    assert top == sorted(top, reverse=True), "top-level clusters: most votes, then most notes"
    key = " ".join(_text(seed_pdf, i) for i in range(page, board))
    for g in report.cover.groups:  # the abbreviations are explained under the table
        assert f"{g.short} = " in key.replace("\u00a0", " ")


def test_the_board_is_painted_as_vectors_with_real_text(
    seed_pdf: PdfReader, seed_doc: m.Document
) -> None:
    board = _page_with(seed_pdf, "Översikt av tavlan")
    assert list(_images(seed_pdf.pages[board])) == [], "the board must not be a bitmap"
    text = _text(seed_pdf, board)
    for wanted in ("Digitaliseringen", "Klimat och miljö", "Psykisk ohälsa/ofrivillig ensamhet"):
        assert wanted in text
    # Many filled shapes (notes and frames), not one picture.
    content = seed_pdf.pages[board].get_contents().get_data()
    assert content.count(b" re") + content.count(b" c\n") > len(seed_doc.notes)


def test_each_cluster_is_a_section_with_its_notes_and_their_details(
    seed_pdf: PdfReader, seed_doc: m.Document
) -> None:
    report = build_report(seed_doc)
    start = _page_with(seed_pdf, "Kluster")
    body = " ".join(_text(seed_pdf, i) for i in range(start, len(seed_pdf.pages)))
    body = body.replace("\n", " ")
    body = re.sub(r" +", " ", body)
    positions = []
    for section in report.all_sections():
        heading = f"{section.number} {section.name}"
        at = body.find(heading, positions[-1] if positions else 0)
        assert at >= 0, heading
        positions.append(at)
        facts = section_facts(section, report.labels).split(" · ")[0]  # "1 lapp, 3 röster"
        assert body.find(facts, at) == at + len(heading) + 1, heading
    nested = next(s for s in report.all_sections() if s.depth == 1)
    parent = next(s for s in report.sections if nested in s.children)
    assert body.index(f"{parent.number} {parent.name}") < body.index(
        f"{nested.number} {nested.name}"
    )
    marks = {"(osäker tolkning)", "Kommentar:", "röster)", "(1 röst)", "1 lapp, "}
    assert all(mark in body for mark in marks)
    # A note with votes, uncertain reading and comment, as the reader sees it.
    unsure = next(n for s in report.all_sections() for n in s.notes if n.uncertain and n.comment)
    assert f"{unsure.text[:40]}" in body
    after = body[body.index(unsure.text[:40]) :]
    assert after.index("(osäker tolkning)") < after.index(f"Kommentar: {unsure.comment[:30]}")


def test_appendix_lists_the_unclustered_notes_by_group_in_workshop_order(
    seed_pdf: PdfReader, seed_doc: m.Document
) -> None:
    report = build_report(seed_doc)
    start = _page_with(seed_pdf, "Lappar utan kluster")
    appendix = "\n".join(_text(seed_pdf, i) for i in range(start, len(seed_pdf.pages)))
    headings = [
        t
        for i in range(start, len(seed_pdf.pages))
        for _, x, t in _placed(seed_pdf, i)
        if t in {g.group for g in report.unclustered}
    ]
    assert headings == [g.group for g in report.unclustered]
    for group in report.unclustered:
        for note in group.notes:
            assert note.text.split("\n")[0][:30] in appendix.replace("\n", " "), note.text


def test_metadata_outline_and_searchable_words(seed_pdf: PdfReader) -> None:
    assert seed_pdf.metadata.title == f"{TITLE} – Klusterrapport"
    assert seed_pdf.metadata.author == "Samverkan Desktop"
    whole = " ".join(_text(seed_pdf, i) for i in range(len(seed_pdf.pages)))
    # "fi" is two letters, not the ligature glyph, so a search for the word finds it.
    assert "etnisk profilering påverkar" in whole.replace("\n", " ")
    assert "Måste vara funktions- och organisationsstyrt" in whole.replace("\n", " ")
    # The board page too: its notes are painted with the board's own fonts.
    ligatures = [ch for ch in whole if "\ufb00" <= ch <= "\ufb06"]
    assert ligatures == []


def test_a_note_and_its_comment_stay_on_one_page(seed_pdf: PdfReader, seed_doc: m.Document) -> None:
    report = build_report(seed_doc)
    pages = [_text(seed_pdf, i).replace("\n", " ") for i in range(len(seed_pdf.pages))]
    start = _page_with(seed_pdf, "Kluster")
    notes = [n for s in report.all_sections() for n in s.notes if n.comment]
    notes += [n for g in report.unclustered for n in g.notes if n.comment]
    assert len(notes) >= 5
    for note in notes:
        opening = " ".join(note.text.split())[:30]
        [page] = [i for i in range(start, len(pages)) if opening in pages[i]]
        assert f"Kommentar: {' '.join(note.comment.split())[:25]}" in pages[page], note.text
