"""Help with the first rough sort, all on this computer: suggested clusters with Swedish names,
"where does this note belong?", and near-duplicates across groups offered as links.

Nothing here changes a document; the UI turns what a facilitator accepts into undo commands.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .. import collector
from .. import model as m
from .text import DEFAULT_STEPS, Steps, looks_like_adjective, looks_like_verb
from .vectors import (
    EXPANSION,
    Cancelled,
    Progress,
    Vector,
    Vectors,
    check,
    cosine,
    near_communities,
    neighbours,
    vectorise,
)

SEED = 20211110  # the seed workshop's date: any fixed number makes the suggestions repeatable
MIN_CLUSTER = 2  # a "cluster" of one note is no suggestion
NAME_TERMS = 2
# "Where does this note belong?": how much a cluster's name counts against its notes, and how
# many of its notes most like the one asked about speak for it.
NAME_WEIGHT = 0.5
BEST_MEMBERS = 3
# Near-duplicates: the least similarity (of the words the notes share, not of associations)
# for a relates-to proposal, and for calling one a duplicate of the other.
RELATED = 0.45
DUPLICATE = 0.8


@dataclass(frozen=True)
class Suggestion:
    name: str  # proposed Swedish name, e.g. "Mötesplatser och unga"
    note_ids: tuple[int, ...]
    terms: tuple[str, ...]  # the most telling terms, as written


@dataclass(frozen=True)
class Placement:
    """An existing cluster a note could go to, and why."""

    cluster_id: int
    score: float
    shared_terms: tuple[str, ...]


@dataclass(frozen=True)
class LinkProposal:
    link: m.Link  # source is the note of the later group; kind relates-to or duplicate-of
    score: float
    shared_terms: tuple[str, ...]


# --------------------------------------------------------------------------- clusters
def cluster_texts(
    texts: Sequence[str],
    *,
    background: Sequence[str] | None = None,
    steps: Steps = DEFAULT_STEPS,
    expansion: float = EXPANSION,
    seed: int = SEED,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
) -> tuple[list[list[int]], Vectors]:
    """Communities among texts (indices, singletons included) and the vectors they came from."""
    with collector.paused():  # many small objects, few cycles: see core/collector.py
        vectors = vectorise(texts, background=background, steps=steps, expansion=expansion)
        check(cancelled)
        near = neighbours(vectors.vectors, cancelled=cancelled, progress=progress)
        found = near_communities(near, seed=seed, cancelled=cancelled)
    if progress is not None:
        progress(len(texts), len(texts))
    return found, vectors


def suggest_clusters(
    doc: m.Document,
    *,
    group_id: int | None = None,
    include_clustered: bool = False,
    steps: Steps = DEFAULT_STEPS,
    seed: int = SEED,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
) -> list[Suggestion]:
    """Suggested clusters for the unclustered notes (or, with `include_clustered`, for all
    notes as if none were clustered), of one group or of the whole workshop."""
    notes = [
        n
        for n in doc.notes
        if (group_id is None or n.group_id == group_id)
        and (include_clustered or n.cluster_id is None)
        and n.text.strip()
    ]
    if len(notes) < MIN_CLUSTER:
        return []
    found, vectors = cluster_texts(
        [n.text for n in notes],
        background=[n.text for n in doc.notes],
        steps=steps,
        seed=seed,
        cancelled=cancelled,
        progress=progress,
    )
    out = []
    for members in found:
        if len(members) < MIN_CLUSTER:
            continue
        terms = naming_first(telling_terms([vectors.lexical[i] for i in members], vectors))
        out.append(
            Suggestion(cluster_name(terms), tuple(notes[i].id for i in members), tuple(terms))
        )
    return out


def telling_terms(members: Sequence[Vector], vectors: Vectors, limit: int = 5) -> list[str]:
    """The display forms of the terms that most set these notes apart: how many of them use a
    term, times how rare it is in the workshop. Words count more than parts of compounds, and
    a part is left out next to its compound ("mötesplatser", not also "plats")."""
    share: dict[str, int] = defaultdict(int)
    weight: dict[str, float] = defaultdict(float)
    for vec in members:
        for key, w in vec.items():
            share[key] += 1
            weight[key] += w

    def score(key: str) -> float:
        whole = 1.0 if key in vectors.wholes else 0.5
        return share[key] * vectors.idf.get(key, 1.0) * whole + weight[key]

    ranked = sorted(share, key=lambda k: (-score(k), k))
    if len(members) > 1:
        ranked = [k for k in ranked if share[k] > 1] or ranked[:1]
    return [vectors.display.get(k, k) for k in distinct(ranked, share)[:limit]]


def distinct(keys: Sequence[str], share: dict[str, int] | None = None) -> list[str]:
    """Keys in order, without one that is part of (or contains) a key already taken. With
    `share` (how many notes use each key), a compound that at least half the notes with its
    part use takes the part's place: "långsiktig" rather than "lång"."""
    chosen: list[str] = []
    for key in keys:
        overlapping = [i for i, other in enumerate(chosen) if key in other or other in key]
        if not overlapping:
            chosen.append(key)
        elif share is not None and all(chosen[i] in key for i in overlapping):
            if 2 * share[key] >= max(share[chosen[i]] for i in overlapping):
                chosen[overlapping[0]] = key
                for i in reversed(overlapping[1:]):
                    del chosen[i]
    return chosen


def cluster_name(terms: Sequence[str]) -> str:
    """A noun phrase of two to four words from the most telling terms, never a lone verb:
    'Mötesplatser och unga' (two terms that are not verbs), 'Frågor om belysning' (one),
    'Lappar om att hitta' (only verbs), 'Övriga lappar' (no terms)."""
    ordered = naming_first(terms)
    others = [t for t in ordered if not looks_like_verb(t)]
    nouns = [t for t in others if not looks_like_adjective(t)]
    if len(others) >= NAME_TERMS:
        return _capital(" och ".join(others[:NAME_TERMS]))
    if nouns:
        return f"Frågor om {_lower(nouns[0])}"
    if others:
        return f"Lappar om {_lower(others[0])}"  # "Lappar om trygg"? rare: an adjective alone
    if terms:
        return f"Lappar om att {_lower(terms[0])}"
    return "Övriga lappar"


def naming_first(terms: Sequence[str]) -> list[str]:
    """The terms in the order they can name a cluster: nouns, then adjectives, then verbs,
    each kept in order."""
    return sorted(terms, key=lambda t: (looks_like_verb(t), looks_like_adjective(t)))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower(word: str) -> str:
    return word if word.isupper() and len(word) > 1 else word.lower()  # "SFI" stays


# --------------------------------------------------------------------------- one note
def _theme_members(doc: m.Document) -> dict[int, list[int]]:
    """Each cluster's notes, including the notes of its sub-clusters."""
    parent = {c.id: c.parent_id for c in doc.clusters}
    members: dict[int, list[int]] = defaultdict(list)
    for note in doc.notes:
        cid = note.cluster_id
        seen: set[int] = set()
        while cid is not None and cid not in seen:
            members[cid].append(note.id)
            seen.add(cid)
            cid = parent.get(cid)
    return members


def where_does_it_belong(
    doc: m.Document, note_id: int, *, limit: int = 3, steps: Steps = DEFAULT_STEPS
) -> list[Placement]:
    """The existing clusters this note fits best (not its own), each with the shared terms.

    A cluster fits by its name and by its notes most like this one (the mean of the best
    three): a big catch-all cluster is not held against a note that fits part of it."""
    notes = list(doc.notes)
    index = {n.id: i for i, n in enumerate(notes)}
    if note_id not in index:
        return []
    texts = [n.text for n in notes]
    vectors = vectorise(texts + [c.name for c in doc.clusters], background=texts, steps=steps)
    names = {c.id: vectors.lexical[len(notes) + j] for j, c in enumerate(doc.clusters)}
    me = vectors.vectors[index[note_id]]
    mine = vectors.lexical[index[note_id]]
    members = _theme_members(doc)
    # Its own cluster and the clusters around that one already hold it.
    own = {cid for cid, ids in members.items() if note_id in ids}
    scored = []
    for cluster in doc.clusters:
        if cluster.id in own:
            continue
        others = [index[i] for i in members.get(cluster.id, ()) if i != note_id]
        best = heapq.nlargest(BEST_MEMBERS, (cosine(me, vectors.vectors[i]) for i in others))
        by_notes = sum(best) / len(best) if best else 0.0
        score = NAME_WEIGHT * cosine(mine, names[cluster.id]) + (1 - NAME_WEIGHT) * by_notes
        words: Vector = defaultdict(float, names[cluster.id])
        for i in others:
            for k, w in vectors.lexical[i].items():
                words[k] += w
        shared = distinct(
            sorted((k for k in mine if k in words), key=lambda k: (-mine[k] * words[k], k))
        )
        if score > 0 and shared:
            terms = tuple(vectors.display[k] for k in shared[:4])
            scored.append(Placement(cluster.id, score, terms))
    return heapq.nlargest(limit, scored, key=lambda p: (p.score, -p.cluster_id))


# --------------------------------------------------------------------------- near-duplicates
def near_duplicates(
    doc: m.Document,
    *,
    threshold: float = RELATED,
    steps: Steps = DEFAULT_STEPS,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
) -> list[LinkProposal]:
    """Notes of different groups that say much the same, not yet linked, most alike first."""
    notes = [n for n in doc.notes if n.text.strip()]
    vectors = vectorise([n.text for n in notes], steps=steps, expansion=0)
    linked = {frozenset((lk.source, lk.target)) for lk in doc.links}
    near = neighbours(
        vectors.lexical, k=10, min_similarity=threshold, cancelled=cancelled, progress=progress
    )
    seen: set[frozenset[int]] = set()
    out = []
    for i, row in enumerate(near):
        for j, score in row:
            a, b = notes[i], notes[j]
            pair = frozenset((a.id, b.id))
            if a.group_id == b.group_id or pair in linked or pair in seen:
                continue
            seen.add(pair)
            later, earlier = (a, b) if (a.group_id or 0, a.id) > (b.group_id or 0, b.id) else (b, a)
            kind = m.DUPLICATE_OF if score >= DUPLICATE else m.RELATES_TO
            va, vb = vectors.lexical[i], vectors.lexical[j]
            shared = distinct(sorted((k for k in va if k in vb), key=lambda k: (-va[k] * vb[k], k)))
            out.append(
                LinkProposal(
                    m.Link(later.id, earlier.id, kind),
                    score,
                    tuple(vectors.display[k] for k in shared[:4]),
                )
            )
    out.sort(key=lambda p: (-p.score, p.link.source, p.link.target))
    return out


__all__ = [
    "LinkProposal",
    "Placement",
    "Suggestion",
    "cluster_name",
    "cluster_texts",
    "near_duplicates",
    "suggest_clusters",
    "telling_terms",
    "where_does_it_belong",
]
