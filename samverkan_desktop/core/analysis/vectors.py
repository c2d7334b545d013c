"""Notes as weighted term vectors, their nearest neighbours, and communities among them.

Pure Python over dicts: a workshop has a few hundred notes, and even 10,000 notes share a
vocabulary of a few thousand terms, so an inverted index does the work of a sparse matrix.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, ItemsView, Sequence
from dataclasses import dataclass

import networkx as nx

from .text import DEFAULT_STEPS, Steps, word_terms, words

Vector = dict[str, float]
Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]

# How many neighbours each note keeps in the similarity graph, and the least similarity that
# counts: enough edges for Louvain to see the structure, few enough to keep 10,000 notes fast.
NEIGHBOURS = 8
MIN_SIMILARITY = 0.1
# Beyond this many notes the neighbour search is pruned (see `neighbours`).
EXACT_LIMIT = 2000
POSTINGS_CAP = 60
QUERY_TERMS = 16
_CHECK_EVERY = 128


class CancelledError(Exception):
    """The user cancelled the computation."""


def check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise CancelledError()


# How much of a note's vector comes from words that go with its own words elsewhere in the
# workshop ("ensamhet" with "gemenskap"): short notes that share no word can still be near.
EXPANSION = 0.7
ASSOCIATES = 10  # per term, the strongest associations only: keeps vectors sparse
MIN_COOCCURRENCE = 2


@dataclass
class Vectors:
    vectors: list[Vector]  # one per text, L2-normalised, expanded by associations
    lexical: list[Vector]  # the same before expansion: only the terms the text has
    idf: dict[str, float]
    display: dict[str, str]  # key -> the form a person would write
    wholes: set[str]  # keys written as a word of their own somewhere, not only as a part


def vectorise(
    texts: Sequence[str],
    *,
    background: Sequence[str] | None = None,
    steps: Steps = DEFAULT_STEPS,
    expansion: float = EXPANSION,
) -> Vectors:
    """TF-IDF vectors over normalised terms, expanded by term associations.

    `background` (e.g. the whole workshop) gives the document frequencies and the associations,
    so a term common in the workshop counts little in any one group."""
    bags = [_bag(t, steps) for t in texts]
    same = background is None or list(background) == list(texts)
    reference = bags if same else [_bag(t, steps) for t in background or ()]
    df: Counter[str] = Counter()
    for bag in reference:
        df.update(bag.keys())
    n = len(reference) + 1
    idf = {key: math.log(n / (df.get(key, 0) + 1)) + 1.0 for bag in bags for key in bag}
    lexical = [_normalised({k: tf * idf[k] for k, tf in bag.items()}) for bag in bags]
    vectors = lexical
    if expansion > 0:
        related = associations(reference, df)
        vectors = [_expanded(v, related, expansion) for v in lexical]
    display, wholes = _display_forms(texts, steps)
    return Vectors(vectors, lexical, idf, display, wholes)


def associations(bags: Sequence[dict[str, float]], df: Counter[str]) -> dict[str, Vector]:
    """For each term, the terms that share notes with it more than chance would: positive PMI,
    the strongest few, damped for a term with many partners so that no term spreads far."""
    together: Counter[tuple[str, str]] = Counter()
    for bag in bags:
        keys = sorted(bag)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                together[(a, b)] += 1
    n = len(bags)
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), count in together.items():
        if count < MIN_COOCCURRENCE:
            continue
        pmi = math.log(count * n / (df[a] * df[b]))
        if pmi > 0:
            found[a][b] = pmi
            found[b][a] = pmi
    out = {}
    for term, row in found.items():
        top = dict(heapq.nlargest(ASSOCIATES, row.items(), key=lambda kv: (kv[1], kv[0])))
        damping = 1 / math.sqrt(1 + len(top))
        out[term] = {k: v * damping for k, v in top.items()}
    return out


def _expanded(vector: Vector, related: dict[str, Vector], weight: float) -> Vector:
    out = dict(vector)
    for term, w in vector.items():
        for other, a in related.get(term, {}).items():
            out[other] = out.get(other, 0.0) + weight * w * a
    return _normalised(out)


def _bag(text: str, steps: Steps) -> dict[str, float]:
    bag: dict[str, float] = defaultdict(float)
    for word in words(text):
        for term in word_terms(word.lower(), steps):
            bag[term.key] += term.weight
    return bag


def _normalised(vector: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else {}


def _display_forms(texts: Sequence[str], steps: Steps) -> tuple[dict[str, str], set[str]]:
    """The most common way each term is written ('Mötesplatser' rather than 'motesplats'), and
    the terms that occur as words of their own."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    wholes: set[str] = set()
    for text in texts:
        for word in words(text):
            for term in word_terms(word.lower(), steps):
                shown = term.display
                if term.weight == 1.0:
                    wholes.add(term.key)
                    shown = word if word.isupper() and len(word) > 1 else word.lower()
                seen[term.key][shown] += 1
    return {key: forms.most_common(1)[0][0] for key, forms in seen.items()}, wholes


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def neighbours(
    vectors: Sequence[Vector],
    *,
    k: int = NEIGHBOURS,
    min_similarity: float = MIN_SIMILARITY,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
) -> list[list[tuple[int, float]]]:
    """Each vector's k most similar others (index, similarity), found through shared terms.

    Up to EXACT_LIMIT vectors every shared term counts. Beyond that, a note asks only with its
    QUERY_TERMS strongest terms, and each term answers only with the POSTINGS_CAP notes it
    weighs most in: the similarities are then slightly low, but 10,000 notes take seconds,
    not minutes."""
    exact = len(vectors) <= EXACT_LIMIT
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for key, w in vec.items():
            postings[key].append((i, w))
    if not exact:
        for key, plist in postings.items():
            if len(plist) > POSTINGS_CAP:
                postings[key] = heapq.nlargest(POSTINGS_CAP, plist, key=lambda p: (p[1], -p[0]))
    result: list[list[tuple[int, float]]] = []
    total = len(vectors)
    for i, vec in enumerate(vectors):
        if i % _CHECK_EVERY == 0:
            check(cancelled)
            if progress is not None:
                progress(i, total)
        query: Sequence[tuple[str, float]] | ItemsView[str, float] = vec.items()
        if not exact and len(vec) > QUERY_TERMS:
            query = heapq.nlargest(QUERY_TERMS, vec.items(), key=lambda kv: (kv[1], kv[0]))
        scores: dict[int, float] = {}
        get = scores.get
        for key, w in query:
            for j, wj in postings[key]:
                scores[j] = get(j, 0.0) + w * wj
        scores.pop(i, None)
        # Ties go to the earlier note: dicts keep insertion order, which is deterministic here.
        best = heapq.nlargest(k, scores, key=get)  # type: ignore[arg-type]
        result.append([(j, scores[j]) for j in best if scores[j] >= min_similarity])
    return result


def similarity_graph(near: Sequence[Sequence[tuple[int, float]]]) -> nx.Graph:
    """An undirected graph over indices 0..n-1 with the neighbour similarities as weights."""
    graph = nx.Graph()
    graph.add_nodes_from(range(len(near)))
    for i, row in enumerate(near):
        for j, s in row:
            if not graph.has_edge(i, j) or graph[i][j]["weight"] < s:
                graph.add_edge(i, j, weight=s)
    return graph


def communities(
    graph: nx.Graph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    cancelled: Cancelled | None = None,
) -> list[list[int]]:
    """Louvain communities, repeatable for a seed; largest first, then by first member."""
    found: list[set[int]] = [{n} for n in graph.nodes]
    # louvain_partitions yields one partition per level: a place to notice a Cancel.
    for partition in nx.community.louvain_partitions(
        graph, weight="weight", resolution=resolution, seed=seed
    ):
        check(cancelled)
        found = partition
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
