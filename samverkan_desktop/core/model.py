"""Domain types: plain, immutable snapshots of what a workshop document holds.

The store hands these out and takes them back; nothing outside the store sees an ORM object,
so the UI, the analysis and the exporters can keep them as long as they like.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

RELATES_TO = "relates-to"
DUPLICATE_OF = "duplicate-of"
LINK_KINDS = (RELATES_TO, DUPLICATE_OF)

# The size of a sticky note on the board, in scene units (1 unit = 1 px at 100 % zoom).
NOTE_WIDTH = 200.0
NOTE_HEIGHT = 130.0


@dataclass(frozen=True)
class Workshop:
    title: str = ""
    date: dt.date | None = None
    description: str = ""


@dataclass(frozen=True)
class Group:
    id: int
    name: str
    facilitators: tuple[str, ...] = ()
    position: int = 0  # order of the group in the workshop (column on the board)


@dataclass(frozen=True)
class Note:
    id: int
    text: str
    group_id: int | None = None
    section: str = ""
    source: str = ""  # where it came from, e.g. "orebro.txt:60-64"
    uncertain: bool = False
    comment: str = ""
    personal_data: bool = False
    votes: int = 0
    colour: str = ""  # empty: the group's colour
    x: float = 0.0
    y: float = 0.0
    cluster_id: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    def with_(self, **changes: object) -> Note:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Cluster:
    id: int
    name: str
    description: str = ""
    colour: str = ""
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    parent_id: int | None = None
    group_id: int | None = None  # set when a group made this cluster itself ("(klustrat)")
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    def with_(self, **changes: object) -> Cluster:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Link:
    """A link between two notes (relates-to, duplicate-of)."""

    source: int
    target: int
    kind: str = RELATES_TO


@dataclass(frozen=True)
class ThemeLink:
    """A note that also relates to a further cluster (theme) besides its own."""

    note_id: int
    cluster_id: int


@dataclass(frozen=True)
class Document:
    """A whole workshop: what the JSON format carries and what an import adds to a file."""

    workshop: Workshop = field(default_factory=Workshop)
    groups: tuple[Group, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    notes: tuple[Note, ...] = ()
    links: tuple[Link, ...] = ()
    themes: tuple[ThemeLink, ...] = ()


@dataclass(frozen=True)
class Summary:
    """What `info` tells about a workshop, counted without reading every note."""

    workshop: Workshop
    groups: tuple[Group, ...]
    notes: int
    clustered: int
    uncertain: int
    personal_data: int
    notes_per_group: dict[int | None, int]
    # (id, name, group id, notes directly in it), in id order
    clusters: tuple[tuple[int, str, int | None, int], ...]

    @classmethod
    def of(cls, doc: Document) -> Summary:
        """The same counts over a document in memory (an import that is not in a file yet)."""
        members: dict[int | None, int] = {}
        per_group: dict[int | None, int] = {}
        for n in doc.notes:
            members[n.cluster_id] = members.get(n.cluster_id, 0) + 1
            per_group[n.group_id] = per_group.get(n.group_id, 0) + 1
        return cls(
            doc.workshop,
            doc.groups,
            len(doc.notes),
            sum(1 for n in doc.notes if n.cluster_id is not None),
            sum(1 for n in doc.notes if n.uncertain),
            sum(1 for n in doc.notes if n.personal_data),
            per_group,
            tuple(
                (c.id, c.name, c.group_id, members.get(c.id, 0))
                for c in sorted(doc.clusters, key=lambda c: c.id)
            ),
        )
