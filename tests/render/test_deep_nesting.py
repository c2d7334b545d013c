"""Clusters nested a thousand deep (a file made elsewhere: the app stops at 32 levels) export to
every format without a RecursionError, and the deepest cluster and its note are in the report."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import EXPORTERS as CORE
from samverkan_desktop.core.export import export
from samverkan_desktop.core.export.report import build_report
from samverkan_desktop.core.store import Store
from samverkan_desktop.render import EXPORTERS as DRAWN

DEPTH = 1_000
FORMATS = {**CORE, **DRAWN}


def readable_text(path: Path) -> str:
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        return "\n".join(
            [p.text for p in document.paragraphs]
            + [c.text for t in document.tables for r in t.rows for c in r.cells]
        )
    return path.read_text("utf-8")


@pytest.fixture(scope="module")
def deep_doc(tmp_path_factory: pytest.TempPathFactory) -> m.Document:
    path = tmp_path_factory.mktemp("deep") / "djup.samverkan"
    with Store.create(path, m.Workshop("Djupt nästlade kluster")) as store:
        with store.transaction():
            group = store.add_group("Grupp 1", ("Anna Berg",))
            for level in range(DEPTH):
                cluster = store.add_cluster(
                    f"Nivå {level}", x=level, y=level, width=460, height=400
                )
                store.add_note(
                    f"Lapp på nivå {level}",
                    group_id=group.id,
                    cluster_id=cluster.id,
                    x=level,
                    y=level,
                )
    # Each cluster inside the one made before it, as a program without the app's limit (or a
    # hand edit) would leave the file. The store refuses to nest deeper than it allows.
    with sqlite3.connect(path) as con:
        con.execute(
            "UPDATE clusters SET parent_id = id - 1 WHERE id > (SELECT min(id) FROM clusters)"
        )
    con.close()
    with Store.open(path, readonly=True) as store:
        return store.document()


def test_the_report_model_is_built_without_recursion(deep_doc: m.Document) -> None:
    report = build_report(deep_doc)
    sections = list(report.all_sections())
    assert len(sections) == DEPTH and len(report.summary) == DEPTH
    assert sections[-1].depth == DEPTH - 1 and sections[-1].name == f"Nivå {DEPTH - 1}"
    assert sections[0].total_notes == DEPTH
    # Deep numbers keep their head and tail: "1.1.1.1.….1.1.1", not two kilobytes.
    assert sections[-1].number == "1.1.1.1.….1.1.1"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_exports_a_thousand_levels(
    deep_doc: m.Document, tmp_path: Path, fmt: str, qapp
) -> None:
    exporter = FORMATS[fmt]
    target = export(deep_doc, exporter, tmp_path / f"djup{exporter.suffix}")
    assert target.stat().st_size > 0
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
        assert len(rows) == DEPTH + 1
        assert rows[-1][1:] == [
            f"Lapp på nivå {DEPTH - 1}",
            "Grupp 1",
            "",
            f"Nivå {DEPTH - 1}",
            f"Nivå {DEPTH - 2}",
            "0",
            "",
            "",
            "",
        ]
    elif fmt == "pdf":
        # The same check as below, page by page from the end, where the deepest section is:
        # reading all of the report's pages (about 180) took pypdf 15 s.
        wanted = {f"Nivå {DEPTH - 1}", f"Lapp på nivå {DEPTH - 1}"}
        for page in reversed(PdfReader(target).pages):
            # pypdf reads some of Qt's word gaps as tabs; a viewer shows spaces.
            text = re.sub(r"[ \t]+", " ", page.extract_text())
            wanted = {w for w in wanted if w not in text}
            if not wanted:
                break
        assert not wanted, wanted
    elif fmt in ("md", "docx"):
        text = readable_text(target)
        assert f"Nivå {DEPTH - 1}" in text and f"Lapp på nivå {DEPTH - 1}" in text
