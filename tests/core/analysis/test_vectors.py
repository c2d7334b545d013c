"""The neighbour search gives what the plain loop over an inverted index gives, to the bit,
and Louvain gives what networkx's Louvain gives."""

from __future__ import annotations

import heapq
import math
import random
from collections import Counter, defaultdict

import networkx as nx
import pytest

from samverkan_desktop.core.analysis import vectors as vec_mod
from samverkan_desktop.core.analysis.vectors import (
    Vector,
    associations,
    communities,
    near_communities,
    neighbours,
    similarity_graph,
)


def reference(
    vectors: list[Vector], k: int, min_similarity: float, exact: bool
) -> list[list[tuple[int, float]]]:
    """The loop the search replaces: one dict of scores per note, ties to the first met."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for key, w in vec.items():
            postings[key].append((i, w))
    if not exact:
        for key, plist in postings.items():
            if len(plist) > vec_mod.POSTINGS_CAP:
                postings[key] = heapq.nlargest(
                    vec_mod.POSTINGS_CAP, plist, key=lambda p: (p[1], -p[0])
                )
    out = []
    for i, vec in enumerate(vectors):
        query = list(vec.items())
        if not exact and len(vec) > vec_mod.QUERY_TERMS:
            query = heapq.nlargest(vec_mod.QUERY_TERMS, query, key=lambda kv: (kv[1], kv[0]))
        scores: dict[int, float] = {}
        for key, w in query:
            for j, wj in postings[key]:
                scores[j] = scores.get(j, 0.0) + w * wj
        scores.pop(i, None)
        best = heapq.nlargest(k, scores, key=scores.__getitem__)
        out.append([(j, scores[j]) for j in best if scores[j] >= min_similarity])
    return out


def random_vectors(n: int, vocabulary: int, seed: int) -> list[Vector]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    out: list[Vector] = []
    for _ in range(n):
        if out and rng.random() < 0.1:
            out.append(dict(rng.choice(out)))  # a duplicate: ties between notes
            continue
        size = rng.choice((0, 1, 2, 3, 5, 8, 20, 30))
        chosen = rng.sample(words, min(size, vocabulary))
        # Few distinct weights, so that equal scores happen.
        raw = {w: rng.choice((1.0, 1.0, 2.0, 0.5)) for w in chosen}
        norm = sum(x * x for x in raw.values()) ** 0.5
        out.append({w: x / norm for w, x in raw.items()} if norm else {})
    return out


@pytest.mark.parametrize("exact", [True, False])
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("min_similarity", [0.1, 0.45, 0.0])
def test_the_search_matches_the_plain_loop(monkeypatch, exact, seed, min_similarity) -> None:
    vectors = random_vectors(700, 60, seed)
    if not exact:
        monkeypatch.setattr(vec_mod, "EXACT_LIMIT", 100)
        monkeypatch.setattr(vec_mod, "POSTINGS_CAP", 25)
    # Small blocks, so that notes and their products are split over many of them.
    monkeypatch.setattr(vec_mod, "_PRODUCTS_PER_BLOCK", 5000)
    got = neighbours(vectors, k=8, min_similarity=min_similarity)
    assert got == reference(vectors, 8, min_similarity, exact)


def test_no_notes_one_note_and_empty_vectors() -> None:
    assert neighbours([]) == []
    assert neighbours([{"a": 1.0}]) == [[]]
    assert neighbours([{}, {}, {"a": 1.0}]) == [[], [], []]
    assert neighbours([{"a": 1.0}, {"a": 1.0}, {}]) == [[(1, 1.0)], [(0, 1.0)], []]


def test_the_pruned_search_with_empty_vectors(monkeypatch) -> None:
    monkeypatch.setattr(vec_mod, "EXACT_LIMIT", 1)
    assert neighbours([{}, {}, {}]) == [[], [], []]
    assert neighbours([{"a": 1.0}, {}, {"a": 1.0}]) == [[(2, 1.0)], [], [(0, 1.0)]]


def test_progress_and_cancel_between_blocks() -> None:
    vectors = random_vectors(1000, 40, 0)
    seen: list[tuple[int, int]] = []
    neighbours(vectors, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 1000) and len(seen) > 3
    assert [a for a, _ in seen] == sorted({a for a, _ in seen}) and seen[-1][0] < 1000
    with pytest.raises(vec_mod.CancelledError):
        neighbours(vectors, cancelled=lambda: True)


def networkx_louvain(graph: nx.Graph, seed: int) -> list[list[int]]:
    found: list[set[int]] = [{n} for n in graph.nodes]
    for partition in nx.community.louvain_partitions(graph, weight="weight", seed=seed):
        found = partition
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


@pytest.mark.parametrize("seed", range(6))
def test_communities_are_networkx_louvain_step_for_step(seed) -> None:
    """Our Louvain repeats networkx's draws and arithmetic: the same communities."""
    vectors = random_vectors(400, 50, seed)
    graph = similarity_graph(neighbours(vectors))
    graph.add_node(len(vectors))  # an isolated note
    assert communities(graph, seed=seed) == networkx_louvain(graph, seed)
    # Unweighted edges count 1, and an edge graph of a few cliques joined by a path.
    cliques = nx.ring_of_cliques(5, 4)
    assert communities(cliques, seed=seed) == networkx_louvain(cliques, seed)


@pytest.mark.parametrize("seed", range(3))
def test_communities_straight_from_the_neighbour_lists_are_those_of_the_graph(seed) -> None:
    near = neighbours(random_vectors(500, 40, seed), k=5)
    graph = similarity_graph(near)
    assert near_communities(near, seed=seed) == communities(graph, seed=seed)
    assert near_communities(near, seed=seed) == networkx_louvain(graph, seed)


def test_communities_without_edges_are_single_notes() -> None:
    assert near_communities([[], [], []]) == [[0], [1], [2]]
    graph = nx.Graph()
    graph.add_nodes_from(range(3))
    assert communities(graph) == [[0], [1], [2]]
    assert communities(nx.Graph()) == []


def reference_associations(bags: list[dict[str, float]], df: Counter[str]) -> dict[str, Vector]:
    """The plain loop: every pair of every bag counted in a dict, then PMI as associations."""
    together: dict[tuple[str, str], int] = defaultdict(int)
    for bag in bags:
        keys = sorted(bag)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                together[(a, b)] += 1
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), count in together.items():
        if count >= vec_mod.MIN_COOCCURRENCE:
            pmi = math.log(count * len(bags) / (df[a] * df[b]))
            if pmi > 0:
                found[a][b] = found[b][a] = pmi
    out = {}
    for term, row in found.items():
        top = heapq.nlargest(vec_mod.ASSOCIATES, row.items(), key=lambda kv: (kv[1], kv[0]))
        damping = 1 / math.sqrt(1 + len(top))
        out[term] = {k: v * damping for k, v in top}
    return out


@pytest.mark.parametrize("seed", range(3))
def test_associations_are_those_of_the_plain_loop(seed) -> None:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(40)] + ["möte", "mötesplats", "Ö", "a b"]
    bags: list[dict[str, float]] = [{}, {"ensam": 1.0}]
    for _ in range(400):
        bags.append({w: 1.0 for w in rng.sample(words, rng.choice((0, 1, 2, 3, 5, 9, 30)))})
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    got = associations(bags, df)
    expected = reference_associations(bags, df)
    assert got == expected and len(got) > 20
    assert all(list(got[t].items()) == list(expected[t].items()) for t in got)  # in order
    assert associations([], Counter()) == {} and associations([{}, {"a": 1.0}], df) == {}
