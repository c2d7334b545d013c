"""The theme graph: groups, notes and clusters (themes) of a workshop as one networkx graph.

Nodes are named "group:ID", "note:ID" and "cluster:ID". Edges point from the part to what holds
or concerns it, each with a `kind`:
  note -> cluster   "member"     the note is in the cluster
  note -> cluster   "theme"      the note also relates to that cluster (Document.themes)
  note -> note      "relates-to" / "duplicate-of" (model.Link)
  cluster -> cluster "parent"    the cluster sits inside the other
  note -> group     "group"      the group that wrote the note
Attributes are strings and numbers only (no None), so GraphML and GEXF take the graph as is.
"""

from __future__ import annotations

import itertools
import math
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import networkx as nx

from .. import model as m

if TYPE_CHECKING:
    import numpy as np

MEMBER, THEME, PARENT, GROUP = "member", "theme", "parent", "group"


def group_node(group_id: int) -> str:
    return f"group:{group_id}"


def note_node(note_id: int) -> str:
    return f"note:{note_id}"


def cluster_node(cluster_id: int) -> str:
    return f"cluster:{cluster_id}"


def node_id(node: str) -> int:
    return int(node.partition(":")[2])


def build_graph(doc: m.Document) -> nx.MultiDiGraph:
    """The whole document as a graph; for a few thousand notes this takes milliseconds, so
    rebuilding after a change is fine. `update_graph` does less work for small changes."""
    graph = nx.MultiDiGraph(title=doc.workshop.title)
    for group in doc.groups:
        _put_group(graph, group)
    for cluster in doc.clusters:
        _put_cluster(graph, cluster)
    for cluster in doc.clusters:
        _cluster_edges(graph, cluster)
    for note in doc.notes:
        _put_note(graph, note)
    _put_links(graph, doc.links, doc.themes)
    return graph


class Reader(Protocol):
    """What `update_graph` reads: the store has these."""

    def groups(self) -> list[m.Group]: ...
    def notes(self, ids: Iterable[int] | None = None) -> list[m.Note]: ...
    def clusters(self, ids: Iterable[int] | None = None) -> list[m.Cluster]: ...
    def links(self) -> list[m.Link]: ...
    def themes(self) -> list[m.ThemeLink]: ...


def update_graph(graph: nx.MultiDiGraph, change: object, reader: Reader) -> None:
    """Bring `graph` up to date after a store `Change` (anything with `changed`/`removed`
    mappings of kind -> ids), reading only what changed. Links and theme links are re-read
    whole: the store reports them by note, and there are few of them."""
    changed = getattr(change, "changed", {})
    removed = getattr(change, "removed", {})
    for note_id in removed.get("note", ()):
        _remove(graph, note_node(note_id))
    for cluster_id in removed.get("cluster", ()):
        _remove(graph, cluster_node(cluster_id))
    for group_id in removed.get("group", ()):
        _remove(graph, group_node(group_id))
    if changed.get("group"):
        for group in reader.groups():
            if group.id in changed["group"]:
                _put_group(graph, group)
    if changed.get("cluster"):
        clusters = reader.clusters(changed["cluster"])
        for cluster in clusters:
            _put_cluster(graph, cluster)
        for cluster in clusters:
            _cluster_edges(graph, cluster)
    if changed.get("note"):
        for note in reader.notes(changed["note"]):
            _put_note(graph, note)
    if changed.get("link") or changed.get("theme") or removed.get("note") or removed.get("cluster"):
        _put_links(graph, reader.links(), reader.themes())


def _remove(graph: nx.MultiDiGraph, node: str) -> None:
    if node in graph:
        graph.remove_node(node)


def _drop_out_edges(graph: nx.MultiDiGraph, node: str, kinds: set[str]) -> None:
    doomed = [(u, v, k) for u, v, k in graph.out_edges(node, keys=True) if k in kinds]
    graph.remove_edges_from(doomed)


def _put_group(graph: nx.MultiDiGraph, group: m.Group) -> None:
    graph.add_node(
        group_node(group.id),
        kind="group",
        entity_id=group.id,
        label=group.name,
        position=group.position,
        facilitators=", ".join(group.facilitators),
    )


def _put_cluster(graph: nx.MultiDiGraph, c: m.Cluster) -> None:
    node = cluster_node(c.id)
    graph.add_node(
        node,
        kind="cluster",
        entity_id=c.id,
        label=c.name,
        description=c.description,
        colour=c.colour,
        made_by_group=c.group_id if c.group_id is not None else -1,
    )


def _cluster_edges(graph: nx.MultiDiGraph, c: m.Cluster) -> None:
    node = cluster_node(c.id)
    _drop_out_edges(graph, node, {PARENT})
    if c.parent_id is not None:
        graph.add_edge(node, cluster_node(c.parent_id), key=PARENT, kind=PARENT)


def _put_note(graph: nx.MultiDiGraph, note: m.Note) -> None:
    node = note_node(note.id)
    graph.add_node(
        node,
        kind="note",
        entity_id=note.id,
        label=note.text,
        section=note.section,
        votes=note.votes,
        uncertain=int(note.uncertain),
        personal_data=int(note.personal_data),
    )
    _drop_out_edges(graph, node, {MEMBER, GROUP})
    if note.cluster_id is not None:
        graph.add_edge(node, cluster_node(note.cluster_id), key=MEMBER, kind=MEMBER)
    if note.group_id is not None:
        graph.add_edge(node, group_node(note.group_id), key=GROUP, kind=GROUP)


def _put_links(
    graph: nx.MultiDiGraph, links: Iterable[m.Link], themes: Iterable[m.ThemeLink]
) -> None:
    doomed = [(u, v, k) for u, v, k in graph.edges(keys=True) if k == THEME or k in m.LINK_KINDS]
    graph.remove_edges_from(doomed)
    for lk in links:
        a, b = note_node(lk.source), note_node(lk.target)
        if a in graph and b in graph:
            graph.add_edge(a, b, key=lk.kind, kind=lk.kind)
    for t in themes:
        a, b = note_node(t.note_id), cluster_node(t.cluster_id)
        if a in graph and b in graph:
            graph.add_edge(a, b, key=THEME, kind=THEME)


# --------------------------------------------------------------------------- queries
def _out(graph: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    return [v for _, v, k in graph.out_edges(node, keys=True) if k == kind]


def _in(graph: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    return [u for u, _, k in graph.in_edges(node, keys=True) if k == kind]


def themes(graph: nx.MultiDiGraph) -> list[int]:
    """The ids of all clusters, in id order."""
    return sorted(node_id(n) for n, kind in graph.nodes(data="kind") if kind == "cluster")


def subclusters(graph: nx.MultiDiGraph, cluster_id: int) -> set[int]:
    """The cluster and every cluster nested in it, however deep."""
    found, todo = set(), [cluster_node(cluster_id)]
    while todo:
        node = todo.pop()
        if node in found or node not in graph:
            continue
        found.add(node)
        todo.extend(_in(graph, node, PARENT))
    return {node_id(n) for n in found}


def theme_notes(graph: nx.MultiDiGraph, cluster_id: int) -> set[int]:
    """The notes in a theme: its members, its sub-clusters' members, and the notes linked to
    any of them as "also relates to"."""
    notes: set[int] = set()
    for cid in subclusters(graph, cluster_id):
        node = cluster_node(cid)
        notes.update(node_id(n) for n in _in(graph, node, MEMBER) + _in(graph, node, THEME))
    return notes


def note_group(graph: nx.MultiDiGraph, note_id: int) -> int | None:
    groups = _out(graph, note_node(note_id), GROUP)
    return node_id(groups[0]) if groups else None


def groups_by_theme(graph: nx.MultiDiGraph) -> dict[int, dict[int, list[int]]]:
    """For each theme (cluster id): the groups that raised it -> their notes in it."""
    out: dict[int, dict[int, list[int]]] = {}
    for cid in themes(graph):
        by_group: dict[int, list[int]] = defaultdict(list)
        for note_id in sorted(theme_notes(graph, cid)):
            group = note_group(graph, note_id)
            if group is not None:
                by_group[group].append(note_id)
        out[cid] = dict(by_group)
    return out


def cooccurring_themes(
    graph: nx.MultiDiGraph, *, top_level: bool = True
) -> dict[tuple[int, int], set[int]]:
    """Pairs of themes raised by the same groups -> those groups. With `top_level`, only
    themes that sit in no other cluster (a sub-cluster's groups already count for its parent)."""
    raised = groups_by_theme(graph)
    if top_level:
        raised = {c: g for c, g in raised.items() if not _out(graph, cluster_node(c), PARENT)}
    out = {}
    for a, b in itertools.combinations(sorted(raised), 2):
        shared = set(raised[a]) & set(raised[b])
        if shared:
            out[(a, b)] = shared
    return out


def note_themes(graph: nx.MultiDiGraph, note_id: int) -> set[int]:
    """The top-level themes a note touches: its cluster, its "also relates to" clusters, and
    the clusters of the notes it is linked to, each counted as its outermost cluster."""
    node = note_node(note_id)
    if node not in graph:
        return set()
    touched = _out(graph, node, MEMBER) + _out(graph, node, THEME)
    linked = [v for kind in m.LINK_KINDS for v in _out(graph, node, kind) + _in(graph, node, kind)]
    for other in linked:
        touched += _out(graph, other, MEMBER)
    return {_outermost(graph, node_id(c)) for c in touched}


def _outermost(graph: nx.MultiDiGraph, cluster_id: int) -> int:
    node, seen = cluster_node(cluster_id), set()
    while node not in seen:
        seen.add(node)
        parents = _out(graph, node, PARENT)
        if not parents:
            break
        node = parents[0]
    return node_id(node)


def bridging_notes(graph: nx.MultiDiGraph) -> dict[int, set[int]]:
    """Notes that connect two or more top-level themes -> those themes."""
    out = {}
    for node, kind in graph.nodes(data="kind"):
        if kind == "note":
            touched = note_themes(graph, node_id(node))
            if len(touched) > 1:
                out[node_id(node)] = touched
    return out


def unclustered_notes(graph: nx.MultiDiGraph) -> list[int]:
    """Notes in no cluster."""
    return sorted(
        node_id(n)
        for n, kind in graph.nodes(data="kind")
        if kind == "note" and not _out(graph, n, MEMBER)
    )


def unlinked_notes(graph: nx.MultiDiGraph) -> list[int]:
    """Notes connected to nothing but their group: no cluster, no theme, no link."""
    return sorted(
        node_id(n)
        for n, kind in graph.nodes(data="kind")
        if kind == "note"
        and all(k == GROUP for _, _, k in graph.out_edges(n, keys=True))
        and not any(True for _ in graph.in_edges(n))
    )


# --------------------------------------------------------------------------- theme map
@dataclass(frozen=True)
class ThemeNode:
    cluster_id: int
    name: str
    notes: int  # notes in the theme, sub-clusters and "also relates to" included
    groups: tuple[int, ...]  # the groups that raised it, in group order


@dataclass(frozen=True)
class ThemeEdge:
    a: int
    b: int
    kind: str  # "link": notes of the two themes are linked; "shared": raised by the same groups
    weight: int  # links between them, or groups that raised both


# A map draws "shared" edges from this many groups on: one group raising both themes is that
# group's own structure (it still pulls the two together in the layout), two or more a pattern.
SHARED_MIN_GROUPS = 2


def theme_overview(graph: nx.MultiDiGraph) -> tuple[list[ThemeNode], list[ThemeEdge]]:
    """The top-level themes and what joins them, for drawing a map of the workshop."""
    order = {
        node_id(n): d.get("position", 0)
        for n, d in graph.nodes(data=True)
        if d.get("kind") == "group"
    }
    raised = groups_by_theme(graph)
    tops = [c for c in themes(graph) if not _out(graph, cluster_node(c), PARENT)]
    nodes = [
        ThemeNode(
            c,
            str(graph.nodes[cluster_node(c)].get("label", "")),
            len(theme_notes(graph, c)),
            tuple(sorted(raised[c], key=lambda gid: (order.get(gid, 0), gid))),
        )
        for c in tops
    ]
    links: dict[tuple[int, int], int] = defaultdict(int)
    for u, v, kind in graph.edges(keys=True):
        if kind in m.LINK_KINDS:
            pairs = itertools.product(note_themes_own(graph, u), note_themes_own(graph, v))
        elif kind == THEME:
            pairs = itertools.product(note_themes_own(graph, u), [_outermost(graph, node_id(v))])
        else:
            continue
        for a, b in pairs:
            if a != b:
                links[(min(a, b), max(a, b))] += 1
    edges = [ThemeEdge(a, b, "link", n) for (a, b), n in sorted(links.items())]
    for (a, b), groups in sorted(cooccurring_themes(graph).items()):
        edges.append(ThemeEdge(a, b, "shared", len(groups)))
    return nodes, edges


def note_themes_own(graph: nx.MultiDiGraph, note: str) -> list[int]:
    """The top-level theme a note node sits in, as a list (empty when unclustered)."""
    return [_outermost(graph, node_id(c)) for c in _out(graph, note, MEMBER)]


# networkx's `spring_layout` needs scipy from this many nodes on; from here the layout is ours.
LARGE_LAYOUT = 500


def theme_layout(
    nodes: list[ThemeNode],
    edges: list[ThemeEdge],
    *,
    seed: int = 1,
    iterations: int = 120,
    min_distance: float = 0.0,
) -> dict[int, tuple[float, float]]:
    """Positions in [-1, 1] for the themes, the same every time for the same seed.

    A seeded force layout (Fruchterman-Reingold): themes joined by more links are pulled closer
    together, themes that merely share groups only a little. Below `LARGE_LAYOUT` themes it is
    networkx's `spring_layout`; from there on `_spring_layout`, which repels only near
    neighbours and pulls only along the links and the strongest shared pairs, so that it takes
    time in proportion to the themes (networkx would need scipy and all pairs). `min_distance`
    (in the result's units) then moves apart themes that would overlap (`_separated`).
    """
    ids = [n.cluster_id for n in nodes]
    if not ids:
        return {}
    if len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
    if len(ids) >= LARGE_LAYOUT:
        pos = _spring_layout(ids, edges, seed=seed, iterations=iterations)
        return _separated(_rescaled(pos), min_distance)
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    for e in edges:
        weight = e.weight * (1.0 if e.kind == "link" else 0.05)
        if graph.has_edge(e.a, e.b):
            graph[e.a][e.b]["weight"] += weight
        else:
            graph.add_edge(e.a, e.b, weight=weight)
    # A little more room than networkx's default 1/sqrt(n), so lone themes do not crowd.
    pos = nx.spring_layout(
        graph, k=1.6 / math.sqrt(len(ids)), iterations=iterations, seed=seed, weight="weight"
    )
    return _separated(
        _rescaled({i: (float(p[0]), float(p[1])) for i, p in pos.items()}), min_distance
    )


# In a large layout, each theme is pulled by about this many of its strongest shared pairs (the
# map draws about 1.5 per theme): all of them would be the square of the themes.
SHARED_PULLS_PER_THEME = 2


def _spring_layout(
    ids: list[int], edges: list[ThemeEdge], *, seed: int, iterations: int
) -> dict[int, tuple[float, float]]:
    """Fruchterman-Reingold as networkx does it (the same optimal distance `k`, start in the
    unit square, a cooling step), except that a theme is pushed only by the themes within 2k
    of it (found through a grid), so one round costs about as much as there are themes."""
    import numpy as np

    n = len(ids)
    index = {cid: i for i, cid in enumerate(ids)}
    shared = sorted(
        (e for e in edges if e.kind != "link" and e.a in index and e.b in index),
        key=lambda e: (-e.weight, e.a, e.b),
    )[: SHARED_PULLS_PER_THEME * n]
    pulls: dict[tuple[int, int], float] = defaultdict(float)
    for e in [*(e for e in edges if e.kind == "link"), *shared]:
        if e.a in index and e.b in index and e.a != e.b:
            pulls[(index[e.a], index[e.b])] += e.weight * (1.0 if e.kind == "link" else 0.05)
    src = np.array([a for a, _ in pulls], dtype=np.int64)
    dst = np.array([b for _, b in pulls], dtype=np.int64)
    weight = np.array(list(pulls.values()), dtype=float)
    pos = np.random.default_rng(seed).random((n, 2))
    k = 1.6 / math.sqrt(n)
    step = 0.1
    cool = step / (iterations + 1)
    for _ in range(iterations):
        force = np.zeros((n, 2))
        a, b = _near_pairs(pos, 2 * k)
        delta = pos[a] - pos[b]
        dist2 = np.maximum((delta**2).sum(axis=1), 1e-4)
        push = delta * (k * k / dist2)[:, None]
        if len(src):
            d = pos[src] - pos[dst]
            pull = d * (np.sqrt((d**2).sum(axis=1)) * weight / k)[:, None]
        for axis in (0, 1):
            force[:, axis] += np.bincount(a, push[:, axis], n) - np.bincount(b, push[:, axis], n)
            if len(src):
                force[:, axis] -= np.bincount(src, pull[:, axis], n)
                force[:, axis] += np.bincount(dst, pull[:, axis], n)
        length = np.maximum(np.sqrt((force**2).sum(axis=1)), 0.01)
        pos += force * (np.minimum(length, step) / length)[:, None]
        step -= cool
    return {cid: (float(pos[i, 0]), float(pos[i, 1])) for i, cid in enumerate(ids)}


def _near_pairs(points: np.ndarray, reach: float) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (i < j in the grid's order, each once) of points closer than `reach`, through
    a grid of `reach`-sized cells: each point meets only the points in its own and the
    neighbouring cells."""
    import numpy as np

    n = len(points)
    cells = np.floor(points / reach).astype(np.int64)
    cells -= cells.min(axis=0)
    width = int(cells[:, 1].max()) + 3
    key = (cells[:, 0] + 1) * width + cells[:, 1] + 1
    order = np.argsort(key, kind="stable")
    keys = key[order]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    found_a, found_b = [], []
    for dx, dy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):
        target = key + dx * width + dy
        lo = np.searchsorted(keys, target, "left")
        hi = np.searchsorted(keys, target, "right")
        if dx == dy == 0:
            lo = rank + 1  # in its own cell, only the points after it
        counts = np.maximum(hi - lo, 0)
        total = int(counts.sum())
        if not total:
            continue
        first = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        a = np.repeat(np.arange(n), counts)
        b = order[first + np.arange(total)]
        near = ((points[a] - points[b]) ** 2).sum(axis=1) < reach * reach
        found_a.append(a[near])
        found_b.append(b[near])
    if not found_a:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(found_a), np.concatenate(found_b)


# `_separated` tries this many spots around a point (a sunflower spiral out to about three
# times the distance) before it walks out from the centre to the first free one.
SPOTS = 64
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _separated(
    pos: dict[int, tuple[float, float]], min_distance: float
) -> dict[int, tuple[float, float]]:
    """The points moved so that no two are closer than `min_distance`, each as little as it
    takes: from the centre out, each point keeps its place if it is free, else takes the
    nearest free one of `SPOTS` spots around it, else the first free spot further out on the
    line from the centre through it. A grid of `min_distance`-sized cells finds the points
    already placed near a spot, so this takes time in proportion to the points (and the same
    points always give the same result)."""
    if min_distance <= 0 or len(pos) < 2:
        return pos
    d = min_distance
    cx = sum(x for x, _ in pos.values()) / len(pos)
    cy = sum(y for _, y in pos.values()) / len(pos)
    # Too crowded for this distance (about a disc of it per point): spread the layout evenly
    # first, so that no point has to walk far.
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    need = 1.5 * len(pos) * d * d
    have = (max(xs) - min(xs) + d) * (max(ys) - min(ys) + d)
    spread = max(1.0, math.sqrt(need / have))
    grid: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)

    def free(x: float, y: float) -> bool:
        gx, gy = math.floor(x / d), math.floor(y / d)
        for i in (gx - 1, gx, gx + 1):
            for j in (gy - 1, gy, gy + 1):
                for px, py in grid.get((i, j), ()):
                    if (px - x) ** 2 + (py - y) ** 2 < d * d:
                        return False
        return True

    spots = [
        (0.45 * d * math.sqrt(s) * math.cos(s * GOLDEN_ANGLE),
         0.45 * d * math.sqrt(s) * math.sin(s * GOLDEN_ANGLE))
        for s in range(SPOTS)
    ]
    wanted = {i: (cx + (x - cx) * spread, cy + (y - cy) * spread) for i, (x, y) in pos.items()}
    order = sorted(wanted, key=lambda i: ((wanted[i][0] - cx) ** 2 + (wanted[i][1] - cy) ** 2, i))
    out: dict[int, tuple[float, float]] = {}
    for i in order:
        x, y = wanted[i]
        spot = next(((x + sx, y + sy) for sx, sy in spots if free(x + sx, y + sy)), None)
        if spot is None:
            dx, dy = x - cx, y - cy
            length = math.hypot(dx, dy)
            dx, dy = (dx / length, dy / length) if length > 1e-9 else (1.0, 0.0)
            walk = 1
            while not free(x + dx * walk * d / 2, y + dy * walk * d / 2):
                walk += 1
            spot = (x + dx * walk * d / 2, y + dy * walk * d / 2)
        out[i] = spot
        grid[(math.floor(spot[0] / d), math.floor(spot[1] / d))].append(spot)
    return {i: out[i] for i in pos}


def _rescaled(pos: dict[int, tuple[float, float]]) -> dict[int, tuple[float, float]]:
    """Centred on the origin, the largest coordinate 1 (as networkx's `rescale_layout`)."""
    cx = sum(x for x, _ in pos.values()) / len(pos)
    cy = sum(y for _, y in pos.values()) / len(pos)
    span = max(max(abs(x - cx), abs(y - cy)) for x, y in pos.values()) or 1.0
    return {i: ((x - cx) / span, (y - cy) / span) for i, (x, y) in pos.items()}


# --------------------------------------------------------------------------- export
def write_graphml(doc: m.Document, path: str | os.PathLike[str], *, redact: bool = False) -> None:
    """The theme graph as GraphML (yEd, Gephi, Cytoscape); `redact` as the other exports."""
    nx.write_graphml(build_graph(_maybe_redacted(doc, redact)), os.fspath(path), encoding="utf-8")


def write_gexf(doc: m.Document, path: str | os.PathLike[str], *, redact: bool = False) -> None:
    """The theme graph as GEXF (Gephi)."""
    nx.write_gexf(build_graph(_maybe_redacted(doc, redact)), os.fspath(path), encoding="utf-8")


def _maybe_redacted(doc: m.Document, redact: bool) -> m.Document:
    if not redact:
        return doc
    from ..export.redact import redact_document

    return redact_document(doc)
