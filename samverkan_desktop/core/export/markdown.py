"""The cluster report as Markdown (CommonMark with a GFM table), e.g. for a wiki or an e-mail.

Note text is data: every character Markdown or HTML would act on is backslash-escaped, so a note
reading "<b>bold</b>" shows exactly that in any renderer.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .. import model as m
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

# Characters that act anywhere in a line: emphasis, code, links, raw HTML, entities, tables.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
# What acts only at the start of a line: lists, headings, quotes, setext underlines.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=#>])")


def escape(text: str) -> str:
    """`text` as literal Markdown inline content (one line); only what would act is escaped."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(lambda mt: f"{mt[1]}\\{mt[2]}" if mt[1] else f"\\{mt[3]}", text)


def _lines(text: str) -> list[str]:
    return [escape(line) for line in text.splitlines() if line.strip()] or [""]


def _note(
    note: NoteEntry, report: Report, *, show_group: bool = True, cluster: str = ""
) -> list[str]:
    lab = report.labels
    lines = _lines(note.text)
    marks = note_marks(note, lab)
    # A note's own line breaks are kept as hard breaks inside one list item.
    first = "- " + "\\\n  ".join(lines)
    if marks:
        first += f" *{escape(marks)}*"
    out = [first]
    source = note_source(note, cluster) if show_group else note.section
    if source:
        out.append(f"  {escape(source)}")
    if note.comment:
        comment = " ".join(_lines(note.comment))
        out.append(f"  {escape(lab['comment'])}: {comment}")
    # Lines of one item are joined with hard breaks so source and comment sit under the text.
    return ["\\\n".join(out)]


def _section(s: ClusterSection, report: Report) -> list[str]:
    lab = report.labels
    level = "#" * min(3 + s.depth, 6)  # Markdown has six levels; deeper ones share the last
    out = [f"{level} {s.number} {escape(s.name)}", ""]
    out += [f"*{escape(section_facts(s, lab))}*", ""]
    if s.own_group:
        out += [escape(f"{lab['group_cluster']}: {s.own_group}"), ""]
    if s.description:
        out += [" ".join(_lines(s.description)), ""]
    for note in s.notes:
        out += _note(note, report, cluster=s.name)
    if s.notes:
        out.append("")
    elif not s.children:
        out += [escape(lab["empty_cluster"]), ""]
    return out


def render(report: Report) -> str:
    lab = report.labels
    cover = report.cover
    out = [f"# {escape(cover.title)}", "", f"**{escape(lab['report'])}**", ""]
    if cover.date:
        out += [f"{escape(lab['date'])}: {cover.date.isoformat()}", ""]
    if cover.description:
        out += [" ".join(_lines(cover.description)), ""]
    counts = lab["counts"].format(
        notes=cover.note_count,
        clusters=cover.cluster_count,
        groups=len(cover.groups),
        votes=cover.vote_count,
    )
    out += [escape(counts), ""]
    if cover.groups:
        out += [f"**{escape(lab['groups'])}**", ""]
        for g in cover.groups:
            line = f"- {escape(g.name)}"
            if g.facilitators:
                line += f" – {escape(lab['facilitators'])}: {escape(', '.join(g.facilitators))}"
            out.append(line)
        out.append("")
    if cover.redacted:
        out += [f"*{escape(lab['redacted'])}*", ""]
    if cover.cut_texts:
        out += [f"*{escape(cut_note(cover, lab))}*", ""]

    out += [f"## {escape(lab['summary'])}", ""]
    if report.summary:
        head = (lab["number"], lab["name"], lab["notes"], lab["votes"], lab["contributing"])
        out.append("| " + " | ".join(escape(h) for h in head) + " |")
        out.append("| ---: | --- | ---: | ---: | --- |")
        for row in report.summary:
            # Em spaces indent a nested cluster, up to a depth a table can show.
            name = "\u2003" * shown_depth(row.depth) + escape(row.name)
            cells = (
                row.number,
                name,
                str(row.notes),
                str(row.votes),
                escape(", ".join(row.groups)),
            )
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    else:
        out += [escape(lab["no_clusters"]), ""]

    if report.sections:
        out += [f"## {escape(lab['clusters'])}", ""]
        for s in report.all_sections():  # in reading order, without recursion at any depth
            out += _section(s, report)

    out += [f"## {escape(lab['unclustered'])}", ""]
    if not report.unclustered:
        out += [escape(lab["no_unclustered"]), ""]
    for group in report.unclustered:
        out += [f"### {escape(group.group)}", ""]
        for note in group.notes:
            out += _note(note, report, show_group=False)
        out.append("")
    out.append(escape(lab["created"].format(date=cover.created.isoformat())))
    return "\n".join(out) + "\n"


def write(
    doc: m.Document, path: str | os.PathLike[str], *, redact: bool = False, language: str = "sv"
) -> None:
    Path(path).write_text(render(build_report(doc, redact=redact, language=language)), "utf-8")
