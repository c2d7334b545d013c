"""How close suggested clusters come to the clusters people made: ARI and NMI, and the
ground truth the seed offers (the groups that sorted their own notes, "(klustrat)").

Both measures are written out here (a few lines each) to keep scikit-learn out of the app.
"""

from __future__ import annotations

import heapq
import math
import random
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from .. import model as m
from ..importers.result import ParseResult
from .vectors import (
    EXACT_LIMIT,
    NEIGHBOURS,
    POSTINGS_CAP,
    communities,
    similarity_graph,
)


def _comb2(n: int) -> float:
    return n * (n - 1) / 2


def adjusted_rand_index(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """Hubert & Arabie's adjusted Rand index: 1 for the same partition, about 0 for chance."""
    if len(truth) != len(found):
        raise ValueError("the labelings differ in length")
    n = len(truth)
    pairs = sum(_comb2(c) for c in Counter(zip(truth, found, strict=True)).values())
    a = sum(_comb2(c) for c in Counter(truth).values())
    b = sum(_comb2(c) for c in Counter(found).values())
    expected = a * b / _comb2(n) if n > 1 else 0.0
    maximum = (a + b) / 2
    if maximum == expected:
        return 1.0
    return (pairs - expected) / (maximum - expected)


def normalised_mutual_information(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """Mutual information over the arithmetic mean of the entropies (scikit-learn's default)."""
    n = len(truth)
    if n != len(found):
        raise ValueError("the labelings differ in length")
    ct, cf = Counter(truth), Counter(found)
    joint = Counter(zip(truth, found, strict=True))
    mi = sum(c / n * math.log(c * n / (ct[t] * cf[f])) for (t, f), c in joint.items())
    h_t = -sum(c / n * math.log(c / n) for c in ct.values())
    h_f = -sum(c / n * math.log(c / n) for c in cf.values())
    if h_t == 0 and h_f == 0:
        return 1.0
    mean = (h_t + h_f) / 2
    return mi / mean if mean else 0.0


@dataclass(frozen=True)
class LabelledGroup:
    name: str
    texts: tuple[str, ...]
    labels: tuple[str, ...]  # the group's own cluster of each note


def clustered_groups(result: ParseResult) -> list[LabelledGroup]:
    """The notes of each group that clustered its own notes, with those clusters as labels.

    Notes the group left outside its clusters are not part of the truth and are left out."""
    out = []
    for index, group in enumerate(result.groups):
        if not group.clustered:
            continue
        notes = [n for n in result.notes if n.group == index and n.cluster]
        if notes:
            out.append(
                LabelledGroup(
                    group.name, tuple(n.text for n in notes), tuple(n.cluster for n in notes)
                )
            )
    return out


_PIECES = re.compile(r"(?<=[.?!,;:–—])\s+|\s+[–—-]\s+|/")


def recombined_document(doc: m.Document, n: int, *, seed: int = 0) -> m.Document:
    """A workshop of `n` notes made of pieces of `doc`'s notes, for timing: one to three
    clauses of different notes joined, spread over `doc`'s groups, none clustered."""
    rng = random.Random(seed)
    pieces = [p.strip() for note in doc.notes for p in _PIECES.split(note.text) if len(p) > 3]
    groups: list[int | None] = [g.id for g in doc.groups] or [None]
    notes = tuple(
        m.Note(
            id=i + 1,
            text=" ".join(rng.sample(pieces, rng.choice((1, 2, 2, 3)))),
            group_id=groups[i % len(groups)],
        )
        for i in range(n)
    )
    return m.Document(doc.workshop, doc.groups, (), notes)


def labels_of(found: Sequence[Sequence[int]], n: int) -> list[int]:
    """Communities (lists of indices) as one label per index."""
    labels = [-1] * n
    for label, members in enumerate(found):
        for i in members:
            labels[i] = label
    return labels


def random_labels(n: int, clusters: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    return [rng.randrange(clusters) for _ in range(n)]


def word_overlap_communities(texts: Sequence[str], *, seed: int = 0) -> list[list[int]]:
    """The plain baseline: raw lower-cased words, Jaccard similarity, the same neighbour graph
    and Louvain communities as the suggestion."""
    sets = [set(re.findall(r"\w+", t.lower())) for t in texts]
    postings: dict[str, list[int]] = {}
    for i, words in enumerate(sets):
        for w in sorted(words):  # sorted: set order changes with each run's string hashing
            postings.setdefault(w, []).append(i)
    if len(texts) > EXACT_LIMIT:  # the same pruning the suggestion gets at this size
        postings = {w: p[:POSTINGS_CAP] for w, p in postings.items()}
    near = []
    for i, words in enumerate(sets):
        shared: Counter[int] = Counter()
        for w in sorted(words):
            shared.update(postings[w])
        shared.pop(i, None)
        scored = {j: c / (len(words) + len(sets[j]) - c) for j, c in shared.items()}
        best = heapq.nlargest(NEIGHBOURS, scored, key=scored.__getitem__)
        near.append([(j, scored[j]) for j in best])
    return communities(similarity_graph(near), seed=seed)
