"""The PDF report as the council gets it: real text, page numbers, bookmarks, no leaks."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import workshops
from pypdf import PdfReader
from PySide6.QtGui import QImage, QPainter, QTextDocument

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import ExportError, export
from samverkan_desktop.core.export.report import build_report
from samverkan_desktop.render import EXPORTERS, pdf_report, report_text


def _write(doc: m.Document, path: Path, **options: object) -> PdfReader:
    export(doc, EXPORTERS["pdf"], path, **options)
    return PdfReader(path)


@functools.cache
def _page(reader: PdfReader, i: int) -> str:
    # Cached: a reader is never written to, and pypdf takes a while to read a page's text.
    # pypdf reads some word gaps of Qt's PDFs as tabs; a reader's viewer shows spaces.
    return re.sub(r"[ \t]+", " ", reader.pages[i].extract_text())


def _text(reader: PdfReader) -> str:
    return "\n".join(_page(reader, i) for i in range(len(reader.pages)))


@pytest.fixture(scope="module")
def seed_report(
    seed_doc: m.Document, tmp_path_factory: pytest.TempPathFactory, qapp
) -> Iterator[PdfReader]:
    """The seed's report, written once for the tests that only read it."""
    yield _write(seed_doc, tmp_path_factory.mktemp("seed-report") / "rapport.pdf")
    _page.cache_clear()


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    out: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def test_seed_report_has_text_page_numbers_and_metadata(seed_report: PdfReader) -> None:
    reader = seed_report
    pages = len(reader.pages)
    assert pages > 5
    texts = [_page(reader, i) for i in range(pages)]
    for i, text in enumerate(texts, 1):
        assert f"Sida {i} av {pages}" in text, f"page {i} lacks its number"
        assert text.strip() != f"Sida {i} av {pages}", f"page {i} is empty"
    whole = "\n".join(texts)
    assert "Fördjupningsdag om samverkan" in texts[0]
    assert "Sammanfattning" in texts[1]
    for name in ("Klimat och miljö", "Språk och integration", "Mötesplatser för unga"):
        assert name in whole
    assert "Åse Sundqvist" in texts[0]  # facilitators on the cover
    assert "Lappar utan kluster" in whole
    assert reader.metadata.title == "Fördjupningsdag om samverkan – Klusterrapport"
    assert reader.metadata.creator == "Samverkan Desktop"
    assert reader.pdf_header == "%PDF-1.4"


def test_bookmarks_lead_to_each_cluster_on_its_page(
    seed_report: PdfReader, seed_doc: m.Document
) -> None:
    reader = seed_report
    outline = _outline(reader)
    titles = [t for _, t, _ in outline]
    assert titles[:4] == ["Sammanfattning", "Översikt av tavlan", "Temakarta", "Kluster"]
    clusters = [(d, t, p) for d, t, p in outline if d >= 1 and re.match(r"\d", t)]
    assert len(clusters) == len(seed_doc.clusters)
    for depth, title, page in clusters:
        number, name = title.split("\u2002", 1)
        assert depth == number.count(".") + 1
        # The heading is on the page the bookmark opens (a long name may wrap: check its start).
        assert name[:20] in _page(reader, page - 1).replace("\n", " "), title
    assert ("Lappar utan kluster" in titles) and reader.trailer["/Root"]["/PageMode"] == (
        "/UseOutlines"
    )


def test_swedish_letters_and_markup_are_literal_text(
    small_doc: m.Document, tmp_path: Path, qapp
) -> None:
    text = _text(_write(small_doc, tmp_path / "rapport.pdf"))
    assert "Språk – även att ”det” fastnat i att man måste kunna språk" in text
    assert "Åsa Öberg" in text
    assert '<b>bold</b> <img src="http://example.invalid/x.png"> &amp; &' in text


def test_no_resource_is_ever_loaded_for_note_text(small_doc: m.Document, qapp, monkeypatch) -> None:
    # Every QTextDocument of the report is built here; none may ask for an image or a link.
    asked: list[str] = []

    class Watching(QTextDocument):
        def loadResource(self, kind, url):  # noqa: N802 - Qt's name
            asked.append(url.toString())
            return super().loadResource(kind, url)

    monkeypatch.setattr(report_text, "QTextDocument", Watching)
    report = build_report(small_doc)
    image = QImage(800, 1200, QImage.Format.Format_RGB32)
    for build in (report_text.summary_text, report_text.body_text):
        flow = build(report, image, 700)
        painter = QPainter(image)
        flow.document.drawContents(painter)
        painter.end()
        assert isinstance(flow.document, Watching)
        assert "<img" in flow.document.toPlainText() or build is report_text.summary_text
    assert asked == []


def test_redacted_pdf_has_no_contact_details_or_names(
    small_doc: m.Document, tmp_path: Path, qapp
) -> None:
    text = _text(_write(small_doc, tmp_path / "rapport.pdf", redact=True))
    for secret in (*workshops.FACILITATORS, workshops.EMAIL, workshops.PHONE, "Anettes", "Lovisa"):
        assert secret not in text  # neither in the report's text nor on the board picture
    assert "[borttaget]" in text
    assert "Personuppgifter (e-post, telefonnummer och namn) har tagits bort." in text


def test_pdfa_declares_itself_and_keeps_bookmarks(
    small_doc: m.Document, tmp_path: Path, qapp
) -> None:
    reader = _write(small_doc, tmp_path / "rapport.pdf", pdfa=True)
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert 'pdfaid:part="1"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert reader.trailer["/ID"]
    assert reader.metadata.producer in xmp  # Info and XMP must agree for PDF/A
    assert [t for _, t, _ in _outline(reader)][:2] == ["Sammanfattning", "Översikt av tavlan"]
    assert "Sida 1 av" in _page(reader, 0)


def test_english_labels(small_doc: m.Document, tmp_path: Path, qapp) -> None:
    text = _text(_write(small_doc, tmp_path / "report.pdf", language="en"))
    assert "Summary" in text and "Page 2 of" in text and "Notes not in a cluster" in text


def test_export_over_a_folder_or_into_an_unwritable_one_keeps_old_files(
    small_doc: m.Document, tmp_path: Path, qapp
) -> None:
    folder = tmp_path / "rapport.pdf"
    folder.mkdir()
    with pytest.raises(ExportError, match="är en mapp"):
        export(small_doc, EXPORTERS["pdf"], folder)
    if Path("/proc/self").is_dir():  # not writable even for root
        with pytest.raises(ExportError) as err:
            export(small_doc, EXPORTERS["pdf"], "/proc/rapport.pdf")
        assert "\n" not in str(err.value) and "/proc" in str(err.value)
    locked = tmp_path / "låst"
    locked.mkdir()
    old = locked / "rapport.pdf"
    old.write_bytes(b"gammal rapport")
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(ExportError) as err:
            export(small_doc, EXPORTERS["pdf"], old)
        assert "\n" not in str(err.value)
        assert old.read_bytes() == b"gammal rapport"
    finally:
        locked.chmod(0o700)


def test_a_failing_render_leaves_the_old_file_and_no_temporary(
    small_doc: m.Document, tmp_path: Path, qapp, monkeypatch
) -> None:
    old = tmp_path / "rapport.pdf"
    old.write_bytes(b"gammal rapport")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_report.pdf_outline, "add_outline", broken)
    with pytest.raises(ExportError, match="Kunde inte skriva rapport.pdf"):
        export(small_doc, EXPORTERS["pdf"], old)
    assert old.read_bytes() == b"gammal rapport"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf", "small.samverkan"]


def test_an_old_report_open_in_a_reader_is_kept_and_the_message_says_why(
    small_doc: m.Document, tmp_path: Path, qapp, monkeypatch
) -> None:
    # On Windows a PDF open in Acrobat cannot be replaced: os.replace raises PermissionError.
    old = tmp_path / "rapport.pdf"
    old.write_bytes(b"gammal rapport")

    replace = os.replace

    def locked(src: object, dst: object) -> None:
        if Path(dst) == old:  # only the file the reader holds; our own temporaries move freely
            raise PermissionError(13, "Access is denied", str(dst))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as err:
        export(small_doc, EXPORTERS["pdf"], old)
    message = str(err.value)
    assert message.startswith("Kunde inte ersätta rapport.pdf") and "öppen" in message
    assert "\n" not in message
    assert old.read_bytes() == b"gammal rapport"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf", "small.samverkan"]


def test_a_colour_given_to_one_heading_never_reaches_text_of_the_same_size(qapp) -> None:
    """The report's character formats are made once and handed out as copies: the cover's
    title, coloured after it was made, leaves other 26 pt bold text as it was."""
    from PySide6.QtGui import QBrush, QColor

    title = report_text._char(26, bold=True)
    title.setForeground(QBrush(QColor("#123456")))
    again = report_text._char(26, bold=True)
    assert again.foreground().color() == report_text.TEXT
    assert again.fontPointSize() == 26 and again.fontWeight() > 500
