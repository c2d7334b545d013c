"""What a screen reader says about a note or a cluster: the facts, without the words.

The UI puts them into a translated sentence ("Lapp: ‹text›, grupp AI1, i kluster Trygghet,
2 röster"); here is only what goes into it, so that the rules (which cluster path, how long a
text, which count) are one and testable without Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Cluster, Note

# A note's text is read in full up to this many characters; a longer one is cut at a word.
SPOKEN_TEXT_MAX = 300


def one_line(text: str, limit: int = SPOKEN_TEXT_MAX) -> str:
    """`text` as one line (every run of white space one space), cut at a word past `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"


def cluster_path(clusters: Mapping[int, Cluster], cluster_id: int | None) -> tuple[str, ...]:
    """The names from the outermost cluster down to `cluster_id` ("" for a nameless one)."""
    names: list[str] = []
    seen: set[int] = set()
    current = cluster_id
    while current is not None and current in clusters and current not in seen:
        seen.add(current)
        cluster = clusters[current]
        names.append(" ".join(cluster.name.split()))
        current = cluster.parent_id
    return tuple(reversed(names))


@dataclass(frozen=True)
class NoteFacts:
    text: str  # one line, cut when long ("" for an empty note)
    group: str  # the group's short label ("AI1"), "" for none
    cluster: tuple[str, ...]  # the path of the cluster it is in, outermost first; () for none
    votes: int
    colour: str  # the facilitator's colour, as its hue ("" for the group's)
    comment: str
    uncertain: bool
    personal_data: bool


def note_facts(
    note: Note, group_labels: Mapping[int, str], clusters: Mapping[int, Cluster]
) -> NoteFacts:
    return NoteFacts(
        text=one_line(note.text),
        group=group_labels.get(note.group_id, "") if note.group_id is not None else "",
        cluster=cluster_path(clusters, note.cluster_id),
        votes=note.votes,
        colour=note.colour,
        comment=one_line(note.comment),
        uncertain=note.uncertain,
        personal_data=note.personal_data,
    )


@dataclass(frozen=True)
class ClusterFacts:
    path: tuple[str, ...]  # outermost first, ending with this cluster's own name
    notes: int  # every note in it, also in its sub-clusters (as its frame shows)
    subclusters: int  # clusters directly inside it
    group: str  # the label of the group that made this cluster itself, "" for none
    description: str


def cluster_facts(
    cluster: Cluster,
    clusters: Mapping[int, Cluster],
    notes: int,
    subclusters: int,
    group_labels: Mapping[int, str],
) -> ClusterFacts:
    return ClusterFacts(
        path=cluster_path(clusters, cluster.id) or (" ".join(cluster.name.split()),),
        notes=notes,
        subclusters=subclusters,
        group=group_labels.get(cluster.group_id, "") if cluster.group_id is not None else "",
        description=one_line(cluster.description),
    )
