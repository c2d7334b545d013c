"""What the report shows of very long texts: cut at a word with "…" and said so on the cover;
the data exports (JSON, CSV) keep every character."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import docx
import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import export
from samverkan_desktop.core.export.display import NAME_CHARS, NOTE_CHARS, cut
from samverkan_desktop.core.export.report import build_report

HUGE = "Mötesplatser behövs för integration och samtal. " * 110_000  # about 5 MB
WORD = "x" * 50_000  # a text without spaces
NAME = "Trygghet i stadsdelen " * 1_000  # 22,000 characters


def hostile() -> m.Document:
    group = m.Group(1, "Grupp 1", ("Anna Berg",))
    cluster = m.Cluster(1, NAME, width=460, height=400)
    notes = (
        m.Note(1, HUGE, 1, votes=2, cluster_id=1, x=10, y=50),
        m.Note(2, WORD, 1, comment=WORD),
        m.Note(3, "Belysning!", 1, cluster_id=1, x=240, y=50),
    )
    return m.Document(m.Workshop("Stor lapp"), (group,), (cluster,), notes)


def test_cut_ends_at_a_word_with_an_ellipsis() -> None:
    assert cut("kort text", 20) == "kort text"
    cut_text = cut("ett två tre fyra fem sex", 12)
    assert cut_text == "ett två tre…" and len(cut_text) <= 12
    assert cut(WORD, 100) == "x" * 99 + "…"  # no space to cut at: mid-word


def test_the_report_cuts_long_texts_and_counts_them() -> None:
    report = build_report(hostile())
    [section] = report.sections
    assert len(section.name) <= NAME_CHARS and section.name.endswith("…")
    huge = next(n for n in section.notes if n.id == 1)
    assert len(huge.text) <= NOTE_CHARS and huge.text.endswith("…")
    assert HUGE.startswith(huge.text[:-1])
    [loose] = report.unclustered[0].notes
    assert len(loose.text) <= NOTE_CHARS and len(loose.comment) <= NOTE_CHARS
    assert report.cover.cut_texts == 4  # the name, the huge note, the long word and its comment
    assert build_report(hostile(), full_text=True).cover.cut_texts == 0


def test_json_and_csv_keep_every_character(tmp_path: Path) -> None:
    doc = hostile()
    data = json.loads(export(doc, "json", tmp_path / "w.json").read_text("utf-8"))
    assert {n["text"] for n in data["notes"]} >= {HUGE, WORD}
    old_limit = csv.field_size_limit(sys.maxsize)  # Python's reader stops at 128 kB a cell
    try:
        with export(doc, "csv", tmp_path / "w.csv").open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    finally:
        csv.field_size_limit(old_limit)
    assert {r[1] for r in rows} >= {HUGE, WORD} and NAME in {r[4] for r in rows}


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_report_says_what_it_cut(tmp_path: Path, fmt: str) -> None:
    target = export(hostile(), fmt, tmp_path / f"rapport.{fmt}")
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    else:
        text = target.read_text("utf-8")
    assert "4 texter är längre än rapporten visar" in text
    assert "hela texten finns i workshopfilen" in text
    assert HUGE[:200] in text.replace("\\", "") and HUGE[: NOTE_CHARS + 1] not in text
    assert target.stat().st_size < 200_000


def test_one_cut_text_is_said_in_the_singular(tmp_path: Path) -> None:
    doc = m.Document(m.Workshop("En"), (m.Group(1, "G"),), (), (m.Note(1, HUGE, 1),))
    text = export(doc, "md", tmp_path / "r.md").read_text("utf-8")
    assert "En text är längre än rapporten visar" in text
    english = export(doc, "md", tmp_path / "e.md", language="en").read_text("utf-8")
    assert "One text is longer than the report shows" in english
