"""Notes as weighted term vectors, their nearest neighbours, and communities among them.

Vectors are dicts: a workshop has a few hundred notes, and even 10,000 notes share a vocabulary
of a few thousand terms, so an inverted index does the work of a sparse matrix. The neighbour
search multiplies along that index with numpy (already needed by networkx's layouts), a block
of notes at a time, so its cost grows with the products made, not with the pairs of notes.
"""

from __future__ import annotations

import heapq
import itertools
import math
import operator
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .text import DEFAULT_STEPS, Steps, Term, term_lookup, words

if TYPE_CHECKING:
    import networkx as nx  # only the evaluation's networkx graphs: suggesting needs none

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
    lookup = term_lookup(steps)
    written: Counter[str] = Counter()  # each word as written, in order of first use
    bags = []
    for text in texts:
        found = words(text)
        written.update(found)
        bags.append(_bag(found, lookup))
    same = background is None or list(background) == list(texts)
    reference = bags if same else [_bag(words(t), lookup) for t in background or ()]
    df: Counter[str] = Counter()
    for bag in reference:
        df.update(bag.keys())
    n = len(reference) + 1
    met = dict.fromkeys(itertools.chain.from_iterable(bags))  # each key once, in order
    idf = {key: math.log(n / (df.get(key, 0) + 1)) + 1.0 for key in met}
    lexical = [_normalised({k: tf * idf[k] for k, tf in bag.items()}) for bag in bags]
    vectors = lexical
    if expansion > 0:
        related = associations(reference, df)
        vectors = [_expanded(v, related, expansion) for v in lexical]
    display, wholes = _display_forms(written, lookup)
    return Vectors(vectors, lexical, idf, display, wholes)


def associations(bags: Sequence[dict[str, float]], df: Counter[str]) -> dict[str, Vector]:
    """For each term, the terms that share notes with it more than chance would: positive PMI,
    the strongest few, damped for a term with many partners so that no term spreads far."""
    n = len(bags)
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for a, b, count in _pairs_together(bags, MIN_COOCCURRENCE):
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


def _pairs_together(bags: Sequence[dict[str, float]], least: int) -> list[tuple[str, str, int]]:
    """(a, b, in how many bags both are) for the pairs of terms a < b in at least `least`
    bags. Every pair of every bag is made and counted with numpy: a bag's terms as numbers in
    the terms' order, and each bag size's pairs taken at once from a table of its bags."""
    import numpy as np

    names = sorted({key for bag in bags for key in bag})
    ids = {key: i for i, key in enumerate(names)}
    sizes = np.fromiter(map(len, bags), np.int64, len(bags))
    flat = np.fromiter(
        map(ids.__getitem__, itertools.chain.from_iterable(bags)), np.int64, int(sizes.sum())
    )
    starts = np.zeros(len(bags), np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    bag_of = np.repeat(np.arange(len(bags), dtype=np.int64), sizes)
    flat = np.sort(bag_of * len(names) + flat) - bag_of * len(names)  # each bag's in order
    codes = []
    for size in np.unique(sizes[sizes > 1]).tolist():
        table = flat[starts[sizes == size][:, None] + np.arange(size)]
        first, second = np.triu_indices(size, 1)
        codes.append((table[:, first] * len(names) + table[:, second]).reshape(-1))
    if not codes:
        return []
    pairs, counts = np.unique(np.concatenate(codes), return_counts=True)
    often = counts >= least
    return [
        (names[code // len(names)], names[code % len(names)], count)
        for code, count in zip(pairs[often].tolist(), counts[often].tolist(), strict=True)
    ]


def _expanded(vector: Vector, related: dict[str, Vector], weight: float) -> Vector:
    out = dict(vector)
    get = out.get
    for term, w in vector.items():
        partners = related.get(term)
        if partners:
            scaled = weight * w  # `weight * w * a` multiplies in this order
            for other, a in partners.items():
                out[other] = get(other, 0.0) + scaled * a
    return _normalised(out)


def _bag(found: Sequence[str], lookup: Callable[[str], tuple[Term, ...]]) -> dict[str, float]:
    bag: dict[str, float] = defaultdict(float)
    for word in found:
        for term in lookup(word):
            bag[term.key] += term.weight
    return bag


def _normalised(vector: Vector) -> Vector:
    weights = vector.values()
    norm = math.sqrt(sum(map(operator.mul, weights, weights)))  # w * w, summed in order
    return {k: w / norm for k, w in vector.items()} if norm else {}


def _display_forms(
    written: Counter[str], lookup: Callable[[str], tuple[Term, ...]]
) -> tuple[dict[str, str], set[str]]:
    """The most common way each term is written ('Mötesplatser' rather than 'motesplats'), the
    first met on a tie, and the terms that occur as words of their own. `written` counts the
    words as written, in the order they were first met."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    wholes: set[str] = set()
    for word, count in written.items():
        for term in lookup(word):
            shown = term.display
            if term.weight == 1.0:
                wholes.add(term.key)
                shown = word if word.isupper() and len(word) > 1 else word.lower()
            seen[term.key][shown] += count
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
    weighs most in: the similarities are then slightly low, but the work per note is bounded.

    The products of a block of notes are summed with numpy, in the order a loop over the
    note's terms would add them (so the similarities are the same to the last bit), and a tie
    goes to the note met first in that loop."""
    import numpy as np

    n = len(vectors)
    exact = n <= EXACT_LIMIT
    keys = list(itertools.chain.from_iterable(vectors))
    ids = {key: i for i, key in enumerate(dict.fromkeys(keys))}  # in the order first met
    entry_term = np.fromiter(map(ids.__getitem__, keys), np.int64, len(keys))
    entry_w = np.fromiter(
        itertools.chain.from_iterable(vec.values() for vec in vectors), np.float64, len(keys)
    )
    sizes = np.fromiter(map(len, vectors), np.int64, n)
    entry_doc = np.repeat(np.arange(n, dtype=np.int64), sizes)
    lengths = np.bincount(entry_term, minlength=len(ids)).astype(np.int64)
    starts = np.zeros(len(ids) + 1, np.int64)
    np.cumsum(lengths, out=starts[1:])
    doc_starts = np.zeros(n + 1, np.int64)
    np.cumsum(sizes, out=doc_starts[1:])
    position = np.arange(len(keys), dtype=np.int64)
    if exact:
        # Postings: each term's notes in index order; the query: each note's terms in order.
        by_term = _order((entry_term, len(ids)), (entry_doc, n))
        query = position
    else:
        # Postings: for a term in more than POSTINGS_CAP notes, its heaviest notes, the
        # earlier first on a tie; the query: for a note of more than QUERY_TERMS terms, its
        # strongest, the later key first on a tie (as sorting (weight, key) pairs in reverse
        # did). Otherwise as above.
        weight_rank = np.unique(entry_w, return_inverse=True)[1].reshape(-1)
        lightness = len(keys) - weight_rank  # the heavier, the less
        heavy_first = np.where((lengths > POSTINGS_CAP)[entry_term], lightness, 0)
        by_term = _order((entry_term, len(ids)), (heavy_first, len(keys) + 1), (entry_doc, n))
        by_term = by_term[position - starts[entry_term[by_term]] < POSTINGS_CAP]
        lengths = np.minimum(lengths, POSTINGS_CAP)
        np.cumsum(lengths, out=starts[1:])
        names = list(ids)
        key_rank = np.empty(len(ids), np.int64)
        key_rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(ids))
        within = np.where(
            (sizes > QUERY_TERMS)[entry_doc],
            lightness * len(ids) + (len(ids) - 1 - key_rank[entry_term]),
            position - doc_starts[entry_doc],
        )
        query = _order((entry_doc, n), (within, (len(keys) + 1) * len(ids)))
        query = query[position - doc_starts[entry_doc[query]] < QUERY_TERMS]
        sizes = np.minimum(sizes, QUERY_TERMS)
    p_doc = entry_doc[by_term]
    p_w = entry_w[by_term]
    terms = entry_term[query]
    weights = entry_w[query]
    row_ends: list[int] = np.cumsum(sizes).tolist()
    per_entry = lengths[terms] if len(terms) else np.zeros(0, np.int64)
    # Products each note makes, and where each note's entries end.
    entry_end = np.array(row_ends, np.int64)
    done_before = np.zeros(len(terms) + 1, np.int64)
    np.cumsum(per_entry, out=done_before[1:])
    products_before = done_before[np.concatenate(([0], entry_end))]

    result: list[list[tuple[int, float]]] = []
    r0 = 0
    while r0 < n:
        check(cancelled)
        if progress is not None:
            progress(r0, n)
        # Up to _CHECK_EVERY notes, fewer when they would make too many products at once.
        r1 = min(n, r0 + _CHECK_EVERY)
        budget = products_before[r0] + _PRODUCTS_PER_BLOCK
        r1 = max(r0 + 1, min(r1, int(np.searchsorted(products_before, budget, "right")) - 1))
        e0 = 0 if r0 == 0 else row_ends[r0 - 1]
        e1 = row_ends[r1 - 1]
        result.extend(
            _block_neighbours(
                r0,
                r1,
                n,
                row_ends,
                terms[e0:e1],
                weights[e0:e1],
                per_entry[e0:e1],
                starts,
                p_doc,
                p_w,
                k,
                min_similarity,
            )
        )
        r0 = r1
    return result


_PRODUCTS_PER_BLOCK = 1 << 20


def _order(*parts):  # type: ignore[no-untyped-def]
    """The positions sorted by the parts, the first foremost: each part an array of whole
    numbers and their bound (each number below it). Sorting one number made of them all is
    several times faster than numpy's lexsort; the parts here never tie (a note has a term
    once), so any sort gives the one order."""
    import numpy as np

    bits = [max(1, (bound - 1).bit_length()) for _, bound in parts]
    if sum(bits) > 63:
        return np.lexsort([values for values, _ in reversed(parts)])
    combined = np.zeros(len(parts[0][0]), np.int64)
    for (values, _), width in zip(parts, bits, strict=True):
        combined = (combined << width) | values
    return np.argsort(combined)


def _contenders(row, other, score, met, notes: int, k: int):  # type: ignore[no-untyped-def]
    """Of the candidates (by note in the block, in order), those that can be among their
    note's k best: a score at least the note's k-th highest. Ranking only these, ties and
    all, gives the same k best as ranking them all, and costs a sort of a few per note."""
    import numpy as np

    count = np.bincount(row, minlength=notes)
    if not len(row) or int(count.max()) <= k:
        return row, other, score, met
    first = np.zeros(notes, np.int64)
    np.cumsum(count[:-1], out=first[1:])
    table = np.full((notes, int(count.max())), -np.inf)
    table[row, np.arange(len(row), dtype=np.int64) - first[row]] = score
    kth = np.partition(table, -k, axis=1)[:, -k]  # -inf for a note with fewer than k
    good = score >= kth[row]
    return row[good], other[good], score[good], met[good]


def _block_neighbours(  # type: ignore[no-untyped-def]
    r0: int,
    r1: int,
    n: int,
    row_ends: list[int],
    terms,
    weights,
    per_entry,
    starts,
    p_doc,
    p_w,
    k: int,
    min_similarity: float,
) -> list[list[tuple[int, float]]]:
    """The neighbours of notes r0..r1-1, whose query entries are `terms` with `weights`."""
    import numpy as np

    e0 = 0 if r0 == 0 else row_ends[r0 - 1]
    ends = np.array(row_ends[r0:r1], dtype=np.int64)
    entry_rows = np.repeat(
        np.arange(r0, r1, dtype=np.int64), ends - np.concatenate(([e0], ends[:-1]))
    )
    total = int(per_entry.sum())
    rows: list[list[tuple[int, float]]] = [[] for _ in range(r0, r1)]
    if total == 0:
        return rows
    # One product per (query entry, posting), entry by entry: a loop's order.
    first_of_entry = np.cumsum(per_entry) - per_entry
    source = np.repeat(starts[terms] - first_of_entry, per_entry)
    source += np.arange(total, dtype=np.int64)
    doc = p_doc[source]
    product = np.repeat(weights, per_entry) * p_w[source]
    # (note in the block, other note) as one number; shifts and masks, not / and %: faster.
    # At most 7 + 31 bits here, and 24 more for the position below: it fits in an int64.
    note_bits = max(1, (n - 1).bit_length())
    pair = (np.repeat(entry_rows - r0, per_entry) << note_bits) | doc
    if min_similarity > 0 and (r1 - r0) << note_bits <= 4 * total:
        # Few notes, many shared terms: a dense row per note is the smaller array. bincount
        # adds in the order it is given: the same sums as `get(j, 0.0) + w * wj`.
        dense = np.bincount(pair, weights=product, minlength=(r1 - r0) << note_bits)
        unique = np.flatnonzero(dense >= min_similarity)
        score = dense[unique]
        first = np.full((r1 - r0) << note_bits, total, dtype=np.int64)
        np.minimum.at(first, pair, np.arange(total, dtype=np.int64))
        met = first[unique]  # where each pair was first met
    else:
        # Pairs in order, each pair's products in the loop's order: sorting (pair, position)
        # as one number is a stable sort, and several times faster than a stable argsort.
        position_bits = total.bit_length()
        keyed = np.sort((pair << position_bits) | np.arange(total, dtype=np.int64))
        order = keyed & ((1 << position_bits) - 1)
        pairs = keyed >> position_bits
        new = np.empty(total, dtype=bool)
        new[0] = True
        np.not_equal(pairs[1:], pairs[:-1], out=new[1:])
        score = np.bincount(np.cumsum(new) - 1, weights=product[order])
        # Only the pairs that are near enough go on (most are not).
        near = np.flatnonzero(score >= min_similarity)
        at = np.flatnonzero(new)[near]
        score, met, unique = score[near], order[at], pairs[at]
    row = unique >> note_bits
    other = unique & ((1 << note_bits) - 1)
    keep = other != row + r0
    row, other, score, met = row[keep], other[keep], score[keep], met[keep]
    row, other, score, met = _contenders(row, other, score, met, r1 - r0, k)
    if not len(row):
        return rows
    # Per note: highest score first, a tie to the note met first; then the k best. Again one
    # number per candidate (note, rank of its score, where met) sorts them all at once.
    _, rank = np.unique(-score, return_inverse=True)
    candidates = len(row)
    met_bits = total.bit_length()
    keyed = np.sort((((row << candidates.bit_length()) | rank.reshape(-1)) << met_bits) | met)
    which = np.empty(total, dtype=np.int64)
    which[met] = np.arange(candidates, dtype=np.int64)
    ranked = which[keyed & ((1 << met_bits) - 1)]
    row, other, score = row[ranked], other[ranked], score[ranked]
    boundary = np.empty(candidates, dtype=bool)
    boundary[0] = True
    np.not_equal(row[1:], row[:-1], out=boundary[1:])
    position = np.arange(candidates, dtype=np.int64)
    first_in_row = np.maximum.accumulate(np.where(boundary, position, 0))
    take = position - first_in_row < k
    found = list(zip(other[take].tolist(), score[take].tolist(), strict=True))
    done = 0
    for r, count in enumerate(np.bincount(row[take], minlength=r1 - r0).tolist()):
        rows[r] = found[done : done + count]
        done += count
    return rows


def similarity_graph(near: Sequence[Sequence[tuple[int, float]]]) -> nx.Graph:
    """An undirected graph over indices 0..n-1 with the neighbour similarities as weights."""
    import networkx as nx

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
    """Louvain communities, repeatable for a seed; largest first, then by first member.

    The steps, random draws and arithmetic of networkx's `louvain_partitions` (3.x), one for
    one, so the communities are the same; but over lists of plain dicts instead of networkx's
    graphs and views, which is several times faster."""
    nodes = list(graph)
    index = {u: i for i, u in enumerate(nodes)}
    adj = [{index[v]: dd.get("weight", 1) for v, dd in graph.adj[u].items()} for u in nodes]
    found = _louvain(adj, random.Random(seed), resolution, cancelled)
    return sorted((sorted(nodes[i] for i in c) for c in found), key=lambda c: (-len(c), c[0]))


def near_communities(
    near: Sequence[Sequence[tuple[int, float]]],
    *,
    seed: int = 0,
    resolution: float = 1.0,
    cancelled: Cancelled | None = None,
) -> list[list[int]]:
    """`communities(similarity_graph(near))`, without building the networkx graph: the same
    adjacency, in the same order, straight from the neighbour lists."""
    adj: _Adjacency = [{} for _ in near]
    for i, row in enumerate(near):
        mine = adj[i]
        for j, s in row:
            if j not in mine or mine[j] < s:
                mine[j] = s
                adj[j][i] = s
    found = _louvain(adj, random.Random(seed), resolution, cancelled)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


# Graphs for Louvain: node i's neighbours and edge weights, in networkx's adjacency order.
_Adjacency = list[dict[int, float]]
_LEVEL_GAIN = 0.0000001  # networkx's threshold: the least gain in modularity for another level


def _louvain(
    adj: _Adjacency, rng: random.Random, resolution: float, cancelled: Cancelled | None
) -> list[set[int]]:
    """networkx's louvain_partitions, the last partition it yields."""
    partition = [{u} for u in range(len(adj))]
    if not any(adj):
        return partition
    mod = _modularity(adj, partition, resolution)
    graph = _copy(adj)
    m = sum(_degrees(graph)) / 2
    members: list[set[int]] | None = None  # each node's original nodes, from level 1
    partition, inner, improvement = _one_level(graph, members, m, partition, resolution, rng)
    improvement = True
    found = partition
    while improvement:
        found = [c.copy() for c in partition]
        check(cancelled)
        new_mod = _modularity(graph, inner, resolution)
        if new_mod - mod <= _LEVEL_GAIN:
            break
        mod = new_mod
        graph, members = _merged(graph, members, inner)
        partition, inner, improvement = _one_level(graph, members, m, partition, resolution, rng)
    return found


def _degrees(adj: _Adjacency) -> list[float]:
    """Weighted degrees, a self-loop counted twice (networkx's `G.degree(weight=...)`)."""
    return [sum(nbrs.values()) + (u in nbrs and nbrs[u]) for u, nbrs in enumerate(adj)]


# networkx lists each edge of an undirected graph once, from the first of its ends met
# (`G.edges(nbunch)`): over all nodes in index order, from its lower end. That order decides
# the order of each node's neighbours in a copy and of every sum, so the loops below keep it.


def _copy(adj: _Adjacency) -> _Adjacency:
    """A new graph with the edges added in networkx's order, as louvain_partitions copies G."""
    out: _Adjacency = [{} for _ in adj]
    for u, row in enumerate(adj):
        mine = out[u]
        for v, w in row.items():
            if v >= u:
                mine[v] = w
                out[v][u] = w
    return out


def _modularity(adj: _Adjacency, partition: Sequence[set[int]], resolution: float) -> float:
    """networkx's `modularity` for an undirected weighted graph, summed in its order."""
    degree = _degrees(adj)
    deg_sum = sum(degree)
    m = deg_sum / 2
    norm = 1 / deg_sum**2

    def contribution(community: set[int]) -> float:
        comm = set(community)
        # The weights of the edges inside comm, in networkx's order from comm's nodes.
        seen: set[int] = set()
        weights = []
        for u in comm:
            for v, w in adj[u].items():
                if v in comm and v not in seen:
                    weights.append(w)
            seen.add(u)
        inside = sum(weights)
        degree_sum = sum(degree[u] for u in comm)
        return inside / m - resolution * degree_sum * degree_sum * norm

    return sum(map(contribution, partition))


def _one_level(
    graph: _Adjacency,
    members: list[set[int]] | None,
    m: float,
    partition: list[set[int]],
    resolution: float,
    rng: random.Random,
) -> tuple[list[set[int]], list[set[int]], bool]:
    """networkx's `_one_level` (undirected): move nodes to the neighbouring community that
    gains the most modularity, in a random order, until no node moves."""
    node2com = list(range(len(graph)))
    inner_partition = [{u} for u in range(len(graph))]
    degrees = _degrees(graph)
    stot = list(degrees)
    nbrs = [{v: w for v, w in row.items() if v != u} for u, row in enumerate(graph)]
    rand_nodes = list(range(len(graph)))
    rng.shuffle(rand_nodes)
    nb_moves = 1
    improvement = False
    two_m2 = 2 * m**2  # the same number networkx computes for every gain
    while nb_moves > 0:
        nb_moves = 0
        for u in rand_nodes:
            best_mod: float = 0
            best_com = node2com[u]
            weights2com: defaultdict[int, float] = defaultdict(float)
            for nbr, wt in nbrs[u].items():
                weights2com[node2com[nbr]] += wt
            degree = degrees[u]
            stot[best_com] -= degree
            remove_cost = (
                -weights2com[best_com] / m + resolution * (stot[best_com] * degree) / two_m2
            )
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (stot[nbr_com] * degree) / two_m2
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            stot[best_com] += degree
            if best_com != node2com[u]:
                com = members[u] if members is not None else {u}
                partition[node2com[u]].difference_update(com)
                inner_partition[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner_partition[best_com].add(u)
                improvement = True
                nb_moves += 1
                node2com[u] = best_com
    partition = list(filter(len, partition))
    inner_partition = list(filter(len, inner_partition))
    return partition, inner_partition, improvement


def _merged(
    graph: _Adjacency, members: list[set[int]] | None, partition: list[set[int]]
) -> tuple[_Adjacency, list[set[int]]]:
    """One node per community, edges summed in networkx's order (its `_gen_graph`)."""
    node2com: dict[int, int] = {}
    merged_members: list[set[int]] = []
    for i, part in enumerate(partition):
        nodes: set[int] = set()
        for node in part:
            node2com[node] = i
            nodes.update(members[node] if members is not None else {node})
        merged_members.append(nodes)
    out: _Adjacency = [{} for _ in partition]
    for node1, row in enumerate(graph):
        com1 = node2com[node1]
        for node2, wt in row.items():
            if node2 >= node1:
                com2 = node2com[node2]
                total = wt + out[com1].get(com2, 0)
                out[com1][com2] = total
                out[com2][com1] = total
    return out, merged_members
