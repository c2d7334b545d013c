"""The cluster report as plain data: what every report format (PDF, Word, Markdown) prints.

Built from a `model.Document` snapshot, so formats only decide how things look, never what the
council reads. Clusters are ordered by dot votes, then by size: the themes the workshop cared
most about come first. Numbers ("2.1") let a reader refer to a theme aloud.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .. import model as m
from ..labels import group_labels
from ..note_colours import colour_name
from .display import DESCRIPTION_CHARS, NAME_CHARS, NOTE_CHARS, Cutter
from .redact import REMOVED, redact_document

LANGUAGES = ("sv", "en")  # Swedish first: the default for every format

_LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "report": "Klusterrapport",
        "untitled": "Workshop utan titel",
        "date": "Datum",
        "groups": "Grupper",
        "group": "Grupp",
        "facilitators": "Samtalsledare",
        "notes": "Lappar",
        "clusters": "Kluster",
        "votes": "Röster",
        "vote": "röst",
        "note": "lapp",
        "number": "Nr",
        "name": "Kluster",
        "contributing": "Grupper som bidragit",
        "short": "Kort",
        "summary": "Sammanfattning",
        "overview": "Översikt av tavlan",
        "theme_map": "Temakarta",
        "theme_map_key": "Varje cirkel är ett tema, större ju fler lappar det har; de färgade "
        "bågarna och förkortningarna under namnet är grupperna som tog upp det. Heldragen linje: "
        "lappar i de två temana är länkade. Streckad linje: minst {groups} grupper tog upp båda.",
        "theme_facts": "{unclustered} lappar ligger utan kluster, {unlinked} av dem utan någon "
        "koppling till ett tema eller en annan lapp.",
        "bridging": "Lappar som knyter ihop teman",
        "unclustered": "Lappar utan kluster",
        "no_group": "Utan grupp",
        "section": "Avsnitt",
        "uncertain": "osäker tolkning",
        "comment": "Kommentar",
        "group_cluster": "Gruppens egen klustring",
        "page": "Sida {page} av {pages}",
        "created": "Skapad {date} med Samverkan Desktop",
        "redacted": "Personuppgifter (e-post, telefonnummer och namn) har tagits bort.",
        "cut": "{count} texter är längre än rapporten visar och slutar med …; hela texten finns "
        "i workshopfilen och i JSON- och CSV-exporten.",
        "cut_one": "En text är längre än rapporten visar och slutar med …; hela texten finns i "
        "workshopfilen och i JSON- och CSV-exporten.",
        "counts": "{notes} lappar i {clusters} kluster från {groups} grupper, {votes} röster",
        "no_clusters": "Inga kluster ännu.",
        "no_unclustered": "Alla lappar ligger i kluster.",
        "empty_cluster": "Inga lappar.",
        "yes": "ja",
        "id": "Id",
        "text": "Text",
        "cluster": "Kluster",
        "parent": "Överordnat kluster",
        "uncertain_col": "Osäker",
        "colour": "Färg",
    },
    "en": {
        "report": "Cluster report",
        "untitled": "Untitled workshop",
        "date": "Date",
        "groups": "Groups",
        "group": "Group",
        "facilitators": "Facilitators",
        "notes": "Notes",
        "clusters": "Clusters",
        "votes": "Votes",
        "vote": "vote",
        "note": "note",
        "number": "No.",
        "name": "Cluster",
        "contributing": "Contributing groups",
        "short": "Short",
        "summary": "Summary",
        "overview": "Overview of the board",
        "theme_map": "Theme map",
        "theme_map_key": "Each circle is a theme, larger the more notes it has; the coloured arcs "
        "and the abbreviations under its name are the groups that raised it. Solid line: notes of "
        "the two themes are linked. Dashed line: at least {groups} groups raised both.",
        "theme_facts": "{unclustered} notes are in no cluster, {unlinked} of them without any "
        "link to a theme or another note.",
        "bridging": "Notes that join themes",
        "unclustered": "Notes not in a cluster",
        "no_group": "No group",
        "section": "Section",
        "uncertain": "uncertain reading",
        "comment": "Comment",
        "group_cluster": "The group's own clustering",
        "page": "Page {page} of {pages}",
        "created": "Created {date} with Samverkan Desktop",
        "redacted": "Personal data (e-mail addresses, phone numbers and names) has been removed.",
        "cut": "{count} texts are longer than the report shows and end in …; the whole text is in "
        "the workshop file and in the JSON and CSV exports.",
        "cut_one": "One text is longer than the report shows and ends in …; the whole text is in "
        "the workshop file and in the JSON and CSV exports.",
        "counts": "{notes} notes in {clusters} clusters from {groups} groups, {votes} votes",
        "no_clusters": "No clusters yet.",
        "no_unclustered": "Every note is in a cluster.",
        "empty_cluster": "No notes.",
        "yes": "yes",
        "id": "Id",
        "text": "Text",
        "cluster": "Cluster",
        "parent": "Parent cluster",
        "uncertain_col": "Uncertain",
        "colour": "Colour",
    },
}


def labels(language: str = "sv") -> dict[str, str]:
    """The report's fixed texts in `language` ("sv" or "en")."""
    if language not in _LABELS:
        raise ValueError(f"Okänt språk för rapporten: {language}")
    return _LABELS[language]


@dataclass(frozen=True)
class GroupInfo:
    name: str
    facilitators: tuple[str, ...]
    note_count: int
    short: str = ""  # the label the board puts on the group's notes, e.g. "AI1"


@dataclass(frozen=True)
class Cover:
    title: str
    date: dt.date | None
    description: str
    groups: tuple[GroupInfo, ...]
    note_count: int
    cluster_count: int
    vote_count: int
    created: dt.date
    redacted: bool
    cut_texts: int = 0  # texts shortened to the display limits (display.py)


@dataclass(frozen=True)
class NoteEntry:
    id: int
    text: str
    group: str
    section: str
    votes: int
    uncertain: bool
    comment: str
    colour: str = ""  # the facilitator's colour by name ("Orange"), "" for the group's


@dataclass(frozen=True)
class ClusterSection:
    id: int
    number: str  # "2.1": position in the report
    name: str
    description: str
    depth: int  # 0 for a top-level cluster
    own_group: str  # the group that made this cluster itself, "" otherwise
    notes: tuple[NoteEntry, ...]  # directly in this cluster
    children: tuple[ClusterSection, ...]
    total_notes: int  # including nested clusters
    total_votes: int
    groups: tuple[str, ...]  # contributing groups, in workshop order

    def walk(self) -> Iterator[ClusterSection]:
        """This section and every one under it, in reading order, at any depth."""
        stack = [self]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))


@dataclass(frozen=True)
class SummaryRow:
    cluster_id: int
    number: str
    name: str
    depth: int
    notes: int
    votes: int
    groups: tuple[str, ...]


@dataclass(frozen=True)
class GroupNotes:
    group: str
    notes: tuple[NoteEntry, ...]


@dataclass(frozen=True)
class Report:
    language: str
    labels: dict[str, str]
    cover: Cover
    summary: tuple[SummaryRow, ...]
    sections: tuple[ClusterSection, ...]
    unclustered: tuple[GroupNotes, ...]

    @property
    def title(self) -> str:
        return self.cover.title

    def all_sections(self) -> Iterator[ClusterSection]:
        for section in self.sections:
            yield from section.walk()


def build_report(
    doc: m.Document,
    *,
    redact: bool = False,
    language: str = "sv",
    extra_names: Iterable[str] = (),
    today: dt.date | None = None,
    full_text: bool = False,
) -> Report:
    """The report for `doc`. `redact` removes e-mail, phone numbers and known person names.

    Long texts are cut to the display limits of `display.py` unless `full_text` (the CSV)."""
    lab = labels(language)
    if redact:
        doc = redact_document(doc, extra_names)
    cut = Cutter(enabled=not full_text)
    groups = sorted(doc.groups, key=lambda g: (g.position, g.id))
    group_order = {g.id: i for i, g in enumerate(groups)}
    group_name = {g.id: cut(g.name, NAME_CHARS) for g in groups}

    def entry(n: m.Note) -> NoteEntry:
        group = group_name.get(n.group_id, lab["no_group"])  # type: ignore[arg-type]
        return NoteEntry(
            n.id,
            cut(n.text, NOTE_CHARS),
            group,
            cut(n.section, NAME_CHARS),
            n.votes,
            n.uncertain,
            cut(n.comment, NOTE_CHARS),
            cut(colour_name(n.colour, language), NAME_CHARS),
        )

    members: dict[int, list[m.Note]] = {}
    cluster_ids = {c.id for c in doc.clusters}
    for n in doc.notes:
        if n.cluster_id in cluster_ids:
            members.setdefault(n.cluster_id, []).append(n)  # type: ignore[arg-type]

    def note_key(n: m.Note) -> tuple[int, int, int]:
        return (-n.votes, group_order.get(n.group_id, len(groups)), n.id)  # type: ignore[arg-type]

    def section(c: m.Cluster, depth: int, kids: list[ClusterSection]) -> ClusterSection:
        notes = sorted(members.get(c.id, []), key=note_key)
        kids.sort(key=_rank)
        gids = {n.group_id for n in notes}.union(*(contributors[k.id] for k in kids))
        contributors[c.id] = gids
        return ClusterSection(
            c.id,
            "",
            cut(c.name, NAME_CHARS),
            cut(c.description, DESCRIPTION_CHARS),
            depth,
            group_name.get(c.group_id, "") if c.group_id is not None else "",
            tuple(entry(n) for n in notes),
            tuple(kids),
            len(notes) + sum(k.total_notes for k in kids),
            sum(n.votes for n in notes) + sum(k.total_votes for k in kids),
            tuple(group_name[g.id] for g in groups if g.id in gids),
        )

    contributors: dict[int, set[int | None]] = {}  # cluster id -> group ids, nested included
    tops = _sections(doc.clusters, section)
    tops.sort(key=_rank)
    sections = _numbered(tops)
    summary = tuple(
        SummaryRow(s.id, s.number, s.name, s.depth, s.total_notes, s.total_votes, s.groups)
        for top in sections
        for s in top.walk()
    )

    loose: dict[int | None, list[m.Note]] = {}
    for n in doc.notes:
        if n.cluster_id not in cluster_ids:
            loose.setdefault(n.group_id if n.group_id in group_name else None, []).append(n)
    unclustered = [
        GroupNotes(group_name[g.id], tuple(entry(n) for n in loose[g.id]))
        for g in groups
        if g.id in loose
    ]
    if None in loose:
        unclustered.append(GroupNotes(lab["no_group"], tuple(entry(n) for n in loose[None])))

    shorts = group_labels(groups)
    per_group: dict[int | None, int] = {}
    for n in doc.notes:
        per_group[n.group_id] = per_group.get(n.group_id, 0) + 1
    cover = Cover(
        title=cut(doc.workshop.title, NAME_CHARS) or lab["untitled"],
        date=doc.workshop.date,
        description=cut(doc.workshop.description, DESCRIPTION_CHARS),
        groups=tuple(
            GroupInfo(
                group_name[g.id],
                tuple(cut(f, NAME_CHARS) for f in g.facilitators),
                per_group.get(g.id, 0),
                shorts[g.id],
            )
            for g in groups
        ),
        note_count=len(doc.notes),
        cluster_count=len(doc.clusters),
        vote_count=sum(n.votes for n in doc.notes),
        created=today or dt.date.today(),
        redacted=redact,
        cut_texts=cut.count,
    )
    return Report(language, lab, cover, summary, sections, tuple(unclustered))


def _sections(
    clusters: Iterable[m.Cluster],
    make: Callable[[m.Cluster, int, list[ClusterSection]], ClusterSection],
) -> list[ClusterSection]:
    """The top-level sections, each made by `make(cluster, depth, child sections)` after its
    children: without recursion, so a file nesting clusters thousands deep still reports.

    A cluster whose parents run in a circle (a hand-edited file) is reported as a top-level one,
    the circle cut at its cluster of lowest id, so no cluster and none of its notes go missing.
    """
    by_id = {c.id: c for c in clusters}
    children: dict[int, list[m.Cluster]] = {}
    roots: list[m.Cluster] = []
    for c in by_id.values():
        if c.parent_id in by_id and c.parent_id != c.id:
            children.setdefault(c.parent_id, []).append(c)  # type: ignore[arg-type]
        else:
            roots.append(c)
    made: dict[int, ClusterSection] = {}
    tops: list[ClusterSection] = []

    def build(root: m.Cluster) -> None:
        # Post-order with an explicit stack: a cluster is made once all its children are.
        stack: list[tuple[m.Cluster, int, bool]] = [(root, 0, False)]
        while stack:
            c, depth, expanded = stack.pop()
            kids = [k for k in children.get(c.id, []) if k.id not in made]
            if expanded:
                made[c.id] = make(
                    c,
                    depth,
                    [
                        made[k.id]
                        for k in children.get(c.id, [])
                        if k.id in made and k.id != root.id
                    ],
                )
                continue
            stack.append((c, depth, True))
            stack.extend((k, depth + 1, False) for k in kids if k.id != root.id)
        tops.append(made[root.id])

    for root in roots:
        build(root)
    for c in sorted(by_id.values(), key=lambda c: c.id):
        if c.id not in made:
            build(c)  # in a circle of parents
    return tops


def _numbered(tops: list[ClusterSection]) -> tuple[ClusterSection, ...]:
    """`tops` and everything under them numbered "2", "2.1", ... in their (sorted) order."""
    numbers: dict[int, str] = {}
    order: list[ClusterSection] = []  # parents before children
    stack: list[tuple[ClusterSection, tuple[int, ...]]] = [
        (s, (i,)) for i, s in reversed(list(enumerate(tops, 1)))
    ]
    while stack:
        s, parts = stack.pop()
        numbers[id(s)] = _number(parts)
        order.append(s)
        stack.extend((k, (*parts, i)) for i, k in reversed(list(enumerate(s.children, 1))))
    done: dict[int, ClusterSection] = {}
    for s in reversed(order):  # children before parents
        done[id(s)] = ClusterSection(
            s.id,
            numbers[id(s)],
            s.name,
            s.description,
            s.depth,
            s.own_group,
            s.notes,
            tuple(done[id(k)] for k in s.children),
            s.total_notes,
            s.total_votes,
            s.groups,
        )
    return tuple(done[id(s)] for s in tops)


# A number of more parts than this is shown with its middle as "…" ("1.2.1.….4.1"): no one
# reads "1.1.1.1.1.1.1.1.1.1.2" aloud, and a thousand-deep file would number in kilobytes.
NUMBER_PARTS = 8


def _number(parts: tuple[int, ...]) -> str:
    if len(parts) > NUMBER_PARTS:
        head, tail = parts[: NUMBER_PARTS // 2], parts[-(NUMBER_PARTS // 2 - 1) :]
        return ".".join((*map(str, head), "…", *map(str, tail)))
    return ".".join(map(str, parts))


def _rank(s: ClusterSection) -> tuple[int, int, str, int]:
    return (-s.total_votes, -s.total_notes, s.name.casefold(), s.id)


# Nested clusters are indented by depth in the summary tables up to this depth; deeper ones
# line up with it (a file from elsewhere may nest a thousand deep).
INDENT_DEPTH = 6


def shown_depth(depth: int) -> int:
    return min(depth, INDENT_DEPTH)


def cut_note(cover: Cover, lab: dict[str, str]) -> str:
    """The cover's line saying how many texts the report cut, "" when none."""
    if not cover.cut_texts:
        return ""
    return lab["cut_one"] if cover.cut_texts == 1 else lab["cut"].format(count=cover.cut_texts)


def note_marks(note: NoteEntry, lab: dict[str, str]) -> str:
    """The short trailer after a note's text: its own colour, votes and uncertainty, e.g.
    "[Orange] (3 röster, osäker)"."""
    colour = f"[{note.colour}]" if note.colour else ""
    parts = []
    if note.votes:
        parts.append(f"{note.votes} {lab['vote'] if note.votes == 1 else lab['votes'].lower()}")
    if note.uncertain:
        parts.append(lab["uncertain"])
    counted = f"({', '.join(parts)})" if parts else ""
    return " ".join(p for p in (colour, counted) if p)


def section_facts(s: ClusterSection, lab: dict[str, str]) -> str:
    """The line under a cluster's heading: "1 lapp, 3 röster · Grupp 1, Grupp 2"."""
    notes = lab["note"] if s.total_notes == 1 else lab["notes"].lower()
    votes = lab["vote"] if s.total_votes == 1 else lab["votes"].lower()
    facts = f"{s.total_notes} {notes}, {s.total_votes} {votes}"
    return f"{facts} · {', '.join(s.groups)}" if s.groups else facts


def note_source(note: NoteEntry, cluster: str = "") -> str:
    """Where a note came from, for the line under it: "Grupp 2 · Trygghet". A section that only
    repeats the name of the `cluster` it is listed under (a group's own cluster) is left out."""
    section = "" if note.section.casefold() == cluster.casefold() else note.section
    return " · ".join(p for p in (note.group, section) if p)


__all__ = [
    "LANGUAGES",
    "REMOVED",
    "ClusterSection",
    "Cover",
    "GroupInfo",
    "GroupNotes",
    "NoteEntry",
    "Report",
    "SummaryRow",
    "build_report",
    "cut_note",
    "labels",
    "note_marks",
    "note_source",
    "section_facts",
    "shown_depth",
]
