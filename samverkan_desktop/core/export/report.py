"""The cluster report as plain data: what every report format (PDF, Word, Markdown) prints.

Built from a `model.Document` snapshot, so formats only decide how things look, never what the
council reads. Clusters are ordered by dot votes, then by size: the themes the workshop cared
most about come first. Numbers ("2.1") let a reader refer to a theme aloud.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .. import model as m
from ..labels import group_labels
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


@dataclass(frozen=True)
class NoteEntry:
    id: int
    text: str
    group: str
    section: str
    votes: int
    uncertain: bool
    comment: str


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

    def walk(self) -> Iterable[ClusterSection]:
        yield self
        for child in self.children:
            yield from child.walk()


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

    def all_sections(self) -> Iterable[ClusterSection]:
        for section in self.sections:
            yield from section.walk()


def build_report(
    doc: m.Document,
    *,
    redact: bool = False,
    language: str = "sv",
    extra_names: Iterable[str] = (),
    today: dt.date | None = None,
) -> Report:
    """The report for `doc`. `redact` removes e-mail, phone numbers and known person names."""
    lab = labels(language)
    if redact:
        doc = redact_document(doc, extra_names)
    groups = sorted(doc.groups, key=lambda g: (g.position, g.id))
    group_order = {g.id: i for i, g in enumerate(groups)}
    group_name = {g.id: g.name for g in groups}

    def entry(n: m.Note) -> NoteEntry:
        group = group_name.get(n.group_id, lab["no_group"])  # type: ignore[arg-type]
        return NoteEntry(n.id, n.text, group, n.section, n.votes, n.uncertain, n.comment)

    cluster_ids = {c.id for c in doc.clusters}
    children: dict[int | None, list[m.Cluster]] = {}
    for c in doc.clusters:
        parent = c.parent_id if c.parent_id in cluster_ids else None
        children.setdefault(parent, []).append(c)
    members: dict[int, list[m.Note]] = {}
    for n in doc.notes:
        if n.cluster_id in cluster_ids:
            members.setdefault(n.cluster_id, []).append(n)  # type: ignore[arg-type]

    def note_key(n: m.Note) -> tuple[int, int, int]:
        return (-n.votes, group_order.get(n.group_id, len(groups)), n.id)  # type: ignore[arg-type]

    contributors: dict[int, set[int | None]] = {}  # cluster id -> group ids, nested included

    def section(c: m.Cluster, depth: int, seen: frozenset[int]) -> ClusterSection:
        notes = sorted(members.get(c.id, []), key=note_key)
        # `seen` guards against a parent cycle in a hand-edited file: the report still comes out.
        kids = [
            section(k, depth + 1, seen | {k.id}) for k in children.get(c.id, []) if k.id not in seen
        ]
        kids.sort(key=_rank)
        gids = {n.group_id for n in notes}.union(*(contributors[k.id] for k in kids))
        contributors[c.id] = gids
        return ClusterSection(
            c.id, "", c.name, c.description, depth,
            group_name.get(c.group_id, "") if c.group_id is not None else "",
            tuple(entry(n) for n in notes), tuple(kids),
            len(notes) + sum(k.total_notes for k in kids),
            sum(n.votes for n in notes) + sum(k.total_votes for k in kids),
            tuple(group_name[g.id] for g in groups if g.id in gids),
        )

    tops = [section(c, 0, frozenset({c.id})) for c in children.get(None, [])]
    tops.sort(key=_rank)
    sections = tuple(_renumber(s, str(i)) for i, s in enumerate(tops, 1))
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
    cover = Cover(
        title=doc.workshop.title or lab["untitled"],
        date=doc.workshop.date,
        description=doc.workshop.description,
        groups=tuple(
            GroupInfo(
                group_name[g.id],
                tuple(g.facilitators),
                sum(1 for n in doc.notes if n.group_id == g.id),
                shorts[g.id],
            )
            for g in groups
        ),
        note_count=len(doc.notes),
        cluster_count=len(doc.clusters),
        vote_count=sum(n.votes for n in doc.notes),
        created=today or dt.date.today(),
        redacted=redact,
    )
    return Report(language, lab, cover, summary, sections, tuple(unclustered))


def _rank(s: ClusterSection) -> tuple[int, int, str, int]:
    return (-s.total_votes, -s.total_notes, s.name.casefold(), s.id)


def _renumber(s: ClusterSection, number: str) -> ClusterSection:
    kids = tuple(_renumber(k, f"{number}.{i}") for i, k in enumerate(s.children, 1))
    return ClusterSection(
        s.id, number, s.name, s.description, s.depth, s.own_group, s.notes, kids,
        s.total_notes, s.total_votes, s.groups,
    )


def note_marks(note: NoteEntry, lab: dict[str, str]) -> str:
    """The short trailer after a note's text: votes and uncertainty, e.g. "(3 röster, osäker)"."""
    parts = []
    if note.votes:
        parts.append(f"{note.votes} {lab['vote'] if note.votes == 1 else lab['votes'].lower()}")
    if note.uncertain:
        parts.append(lab["uncertain"])
    return f"({', '.join(parts)})" if parts else ""


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
    "LANGUAGES", "REMOVED", "ClusterSection", "Cover", "GroupInfo", "GroupNotes", "NoteEntry",
    "Report", "SummaryRow", "build_report", "labels", "note_marks", "note_source", "section_facts",
]
