"""Every report format from one place, read back as a reader would find it: the seed exports to
each; redaction and escaping hold in all of them, the board pictures included."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
import workshops
from pypdf import PdfReader
from PySide6.QtGui import QImage, QTextDocument

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import EXPORTERS as CORE
from samverkan_desktop.core.export import export
from samverkan_desktop.core.export.redact import REMOVED
from samverkan_desktop.render import EXPORTERS as DRAWN

FORMATS = {**CORE, **DRAWN}
REPORT_FORMATS = ("pdf", "docx", "md", "csv", "png", "svg")
TEXT_FORMATS = tuple(name for name in FORMATS if name != "png")
OTHERS = ("Kalle Ek", "Stina Berg")  # people the workshop knows besides its facilitators


def _outline_titles(items: list) -> list[str]:
    out: list[str] = []
    for item in items:
        out += _outline_titles(item) if isinstance(item, list) else [item.title]
    return out


def readable_text(path: Path) -> str:
    """Everything in `path` that a reader, a search or a file browser could show."""
    if path.suffix == ".pdf":
        reader = PdfReader(path)
        parts = [p.extract_text() for p in reader.pages]
        parts += [str(v) for v in (reader.metadata or {}).values()]
        parts += _outline_titles(reader.outline)
        if reader.xmp_metadata is not None:
            parts.append(reader.xmp_metadata.stream.get_data().decode("utf-8"))
        # pypdf reads some of Qt's word gaps as tabs; a viewer shows spaces.
        return re.sub(r"[ \t]+", " ", "\n".join(parts))
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        for section in document.sections:
            for part in (
                section.header,
                section.footer,
                section.first_page_header,
                section.even_page_header,
            ):
                parts += [p.text for p in part.paragraphs]
        props = document.core_properties
        parts += [
            props.title,
            props.subject,
            props.author,
            props.keywords,
            props.comments,
            props.last_modified_by,
            props.category,
        ]
        # And every XML part as stored, for text python-docx does not surface.
        with zipfile.ZipFile(path) as archive:
            parts += [
                archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
            ]
        return "\n".join(p or "" for p in parts)
    if path.suffix == ".md":
        # The file as stored and as a Markdown viewer shows it (escapes gone).
        raw = path.read_text("utf-8")
        shown = QTextDocument()
        shown.setMarkdown(raw)
        return raw + "\n" + shown.toPlainText()
    if path.suffix == ".csv":
        return "\n".join("\t".join(row) for row in csv_rows(path))
    if path.suffix == ".svg":
        root = ET.parse(path).getroot()
        return " ".join(t.strip() for t in root.itertext() if t.strip())
    return path.read_text("utf-8-sig")


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))


def _small_with_others(tmp_path: Path) -> m.Document:
    with workshops.make_small(tmp_path / "others.samverkan") as store:
        # In the title too: it heads every page of the PDF and the Word document.
        store.set_workshop(
            m.Workshop(
                "Samverkansdag med Stina Berg",
                dt.date(2021, 11, 10),
                f"Frågor till Kalle Ek, {workshops.PHONE}",
            )
        )
        group = store.groups()[0]
        store.add_note(
            "Kalle Ek och Stina Bergs idé: lokal i Vivalla", group_id=group.id, x=1620, y=560
        )
        return store.document()


# ------------------------------------------------------------------------ the seed, every format
@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_the_seed_exports_to_every_report_format(
    seed_doc: m.Document, tmp_path: Path, qapp, fmt: str
) -> None:
    out = export(seed_doc, FORMATS[fmt], tmp_path / f"rapport{FORMATS[fmt].suffix}")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left behind
    if fmt == "png":
        image = QImage(str(out))
        assert image.width() > 2000 and image.height() > 1000
        return
    text = readable_text(out)
    note = "Fritidsgårdar – mötesplatser för unga, högre åldrar"  # nested two deep
    for wanted in ("Klimat och miljö", "Mötesplatser för unga", "Språk och integration", note):
        assert wanted in text, (fmt, wanted)
    if fmt == "csv":
        rows = csv_rows(out)
        assert len(rows) == 1 + len(seed_doc.notes)
        assert ["Mötesplatser för unga", "Unga och fritid"] == next(
            r[4:6] for r in rows if r[1] == note
        )


# ------------------------------------------------------------------------ redaction
@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_redaction_leaves_no_personal_data_in_any_format(tmp_path: Path, qapp, fmt: str) -> None:
    doc = _small_with_others(tmp_path)
    out = export(
        doc, FORMATS[fmt], tmp_path / f"ut{FORMATS[fmt].suffix}", redact=True, names=OTHERS
    )
    text = readable_text(out)
    secrets = {workshops.EMAIL, workshops.PHONE, "example.se", "Anettes", "Stina Bergs"}
    for name in (*workshops.FACILITATORS, *OTHERS):
        secrets |= {name, *name.split()}
    leaked = sorted(s for s in secrets if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))
    assert leaked == [], f"{fmt} still shows {leaked}"
    assert REMOVED in text
    assert "lokal i Vivalla" in text  # what is not personal stays


def test_without_redaction_the_same_check_finds_the_names(tmp_path: Path, qapp) -> None:
    # The check above has teeth: the plain export of the same workshop shows them all.
    doc = _small_with_others(tmp_path)
    for fmt in TEXT_FORMATS:
        text = readable_text(export(doc, FORMATS[fmt], tmp_path / f"ut{FORMATS[fmt].suffix}"))
        assert "Kalle Ek" in text, fmt
        if fmt in REPORT_FORMATS and fmt != "csv":
            assert "Lovisa Strand" in text, fmt  # a facilitator: cover, group list or board


def _pixels(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def test_redacted_png_shows_what_a_hand_redacted_board_shows(tmp_path: Path, qapp) -> None:
    """The PNG has no text to search: it must be pixel for pixel the picture of the same board
    with the names, e-mail and phone number already replaced and no facilitators."""
    doc = _small_with_others(tmp_path)
    redacted = export(doc, FORMATS["png"], tmp_path / "redacted.png", redact=True, names=OTHERS)
    by_hand = {
        f"Fråga Lovisa Strand, ring {workshops.PHONE} eller mejla {workshops.EMAIL}": (
            f"Fråga {REMOVED}, ring {REMOVED} eller mejla {REMOVED}"
        ),
        "Kalle Ek och Stina Bergs idé: lokal i Vivalla": (
            f"{REMOVED} och {REMOVED} idé: lokal i Vivalla"
        ),
    }
    clean = replace(
        doc,
        workshop=m.Workshop(
            f"Samverkansdag med {REMOVED}", doc.workshop.date, f"Frågor till {REMOVED}, {REMOVED}"
        ),
        groups=tuple(replace(g, facilitators=()) for g in doc.groups),
        notes=tuple(
            n.with_(text=by_hand.get(n.text, n.text), comment=n.comment.replace("Anettes", REMOVED))
            for n in doc.notes
        ),
    )
    assert sum(n.text != c.text for n, c in zip(doc.notes, clean.notes, strict=True)) == 2
    expected = export(clean, FORMATS["png"], tmp_path / "by-hand.png")
    plain = export(doc, FORMATS["png"], tmp_path / "plain.png")
    assert _pixels(redacted) == _pixels(expected)
    assert _pixels(plain) != _pixels(expected)  # the names were on the board to begin with


# ------------------------------------------------------------------------ escaping
TITLE = "Möte <b>1</b> & <i>rådet</i>"
GROUP = "Grupp <script>alert(1)</script>"
CLUSTER = "Tema <u>ett</u> & [länk](http://example.invalid)"
NOTE = '<b>fet</b> & <img src="http://example.invalid/x.png">'


def _markup_everywhere(tmp_path: Path) -> m.Document:
    with workshops.make_small(tmp_path / "markup.samverkan") as store:
        store.set_workshop(m.Workshop(TITLE))
        group = store.add_group(GROUP)
        cluster = store.add_cluster(CLUSTER, x=2000, y=0, width=480, height=330)
        store.add_note(
            NOTE,
            group_id=group.id,
            cluster_id=cluster.id,
            section="<h1>Avsnitt",
            comment="<a href='x'>kommentar</a>",
            x=2020,
            y=50,
        )
        return store.document()


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_markup_in_any_text_is_shown_literally_in_every_format(
    tmp_path: Path, qapp, fmt: str
) -> None:
    doc = _markup_everywhere(tmp_path)
    out = export(doc, FORMATS[fmt], tmp_path / f"ut{FORMATS[fmt].suffix}")
    if fmt == "md":
        # As any Markdown viewer would show it (Qt's md4c): text, no element, nothing to fetch.
        shown = QTextDocument()
        shown.setMarkdown(out.read_text("utf-8"))
        text = shown.toPlainText()
        html = shown.toHtml()
        # A bare URL may become a link, as in any GitHub-style viewer; never an image or script.
        assert "<img" not in html and "<script" not in html and "<u>" not in html
    elif fmt == "json":
        text = "\n".join(_strings(json.loads(out.read_text("utf-8"))))
    elif fmt in ("graphml", "gexf"):
        # Labels live in attributes (GEXF) or element text (GraphML): both, as a reader shows.
        root = ET.parse(out).getroot()
        text = "\n".join([*root.itertext(), *(v for el in root.iter() for v in el.attrib.values())])
    else:
        text = readable_text(out)
    if fmt == "svg":
        root = ET.parse(out).getroot()
        tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
        assert not tags & {"img", "image", "script", "b", "a", "foreignObject"}
        # On the board a note wraps and a long name is cut: check the parts a reader sees.
        for part in ("<b>fet</b>", "<img", "Tema <u>ett</u>"):
            assert part in text, part
        return
    wanted = [NOTE, CLUSTER]
    if fmt in REPORT_FORMATS:
        wanted += [GROUP] if fmt == "csv" else [TITLE, GROUP]  # a CSV has rows, no title
    for literal in wanted:
        assert literal in text, (fmt, literal)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
