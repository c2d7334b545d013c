"""Every note as one CSV row, for a spreadsheet: in report order, clusters first.

UTF-8 with a byte-order mark, because Excel otherwise reads "Mötesplatser" as "MÃ¶tesplatser".
Swedish Excel expects ";" between fields (the comma is its decimal sign), hence the option.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

from .. import model as m
from .report import ClusterSection, NoteEntry, Report, build_report

SEPARATORS = (",", ";")
# A cell starting with one of these is a formula to Excel and LibreOffice; a leading apostrophe
# keeps it text (OWASP's advice for CSV injection). Note text is data, never a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _rows(report: Report) -> Iterator[tuple[NoteEntry, str, str]]:
    # Depth first with a stack, not recursion: a file may nest clusters thousands deep.
    stack: list[tuple[ClusterSection, str]] = [(s, "") for s in reversed(report.sections)]
    while stack:
        s, parent = stack.pop()
        for note in s.notes:
            yield note, s.name, parent
        stack.extend((child, s.name) for child in reversed(s.children))
    for group in report.unclustered:
        for note in group.notes:
            yield note, "", ""


def write(
    doc: m.Document,
    path: str | os.PathLike[str],
    *,
    redact: bool = False,
    language: str = "sv",
    separator: str = ",",
) -> None:
    if separator not in SEPARATORS:
        raise ValueError(f"CSV-avgränsaren måste vara , eller ; (inte {separator!r}).")
    # A spreadsheet is data: every character of every text, none cut for display.
    report = build_report(doc, redact=redact, language=language, full_text=True)
    lab = report.labels
    header = (
        "id",
        "text",
        "group",
        "section",
        "cluster",
        "parent",
        "votes",
        "uncertain_col",
        "comment",
        "colour",
    )
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=separator, lineterminator="\r\n")
        out.writerow([lab[k] for k in header])
        for note, cluster, parent in _rows(report):
            out.writerow(
                [
                    note.id,
                    _cell(note.text),
                    _cell(note.group),
                    _cell(note.section),
                    _cell(cluster),
                    _cell(parent),
                    note.votes,
                    lab["yes"] if note.uncertain else "",
                    _cell(note.comment),
                    _cell(note.colour),
                ]
            )
