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
from typing import Protocol

import networkx as nx

from .. import model as m

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


def theme_layout(
    nodes: list[ThemeNode],
    edges: list[ThemeEdge],
    *,
    seed: int = 1,
    iterations: int = 120,
    min_distance: float = 0.0,
) -> dict[int, tuple[float, float]]:
    """Positions in [-1, 1] for the themes, the same every time for the same seed.

    networkx's `spring_layout` (Fruchterman-Reingold), seeded: themes joined by more links are
    pulled closer together, themes that merely share groups only a little. `min_distance` (in
    the result's units) then pushes apart themes that would overlap.
    """
    ids = [n.cluster_id for n in nodes]
    if not ids:
        return {}
    if len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
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


def _separated(
    pos: dict[int, tuple[float, float]], min_distance: float, rounds: int = 200
) -> dict[int, tuple[float, float]]:
    """Push apart, a little at a time, any two points closer than `min_distance`."""
    if min_distance <= 0:
        return pos
    points = {i: list(p) for i, p in pos.items()}
    for _ in range(rounds):
        moved = False
        for a, b in itertools.combinations(sorted(points), 2):
            dx, dy = points[b][0] - points[a][0], points[b][1] - points[a][1]
            dist = math.hypot(dx, dy)
            if dist >= min_distance:
                continue
            if dist < 1e-9:
                dx, dy, dist = 1.0, 0.0, 1.0
            push = (min_distance - dist) / 2
            points[a][0] -= dx / dist * push
            points[a][1] -= dy / dist * push
            points[b][0] += dx / dist * push
            points[b][1] += dy / dist * push
            moved = True
        if not moved:
            break
    return {i: (p[0], p[1]) for i, p in points.items()}


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
