"""The theme graph: groups, notes and clusters (themes) of a workshop as one networkx graph.

Nodes are named "group:ID", "note:ID" and "cluster:ID". Edges point from the part to what holds
or concerns it, each with a `kind`:
  note -> cluster   "member"     the note is in the cluster
  note -> cluster   "theme"      the note also relates to that cluster (Document.themes)
  note -> note      "relates-to" / "duplicate-of" (model.Link)
  cluster -> cluster "parent"    the cluster sits inside the other
  note -> group     "group"      the group that wrote the note
Attributes are strings and numbers only (no None), so GraphML and GEXF take the graph as is.

The graph is what the GraphML/GEXF export writes. The queries below (a theme's notes and
groups, the themes' overview, bridging notes) read a `ThemeIndex` instead: the same edges as
plain dicts of ids, built once from the document (`theme_index`) or from the graph
(`ThemeIndex.of`), so that each question costs about as much as there are notes.
"""

from __future__ import annotations

import bisect
import itertools
import math
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from .. import model as m

if TYPE_CHECKING:
    import networkx as nx
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
    import networkx as nx  # (0.3 s to import: only where a graph is made, not for a report)

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
@dataclass
class ThemeIndex:
    """What the queries read, as plain dicts of ids built in one pass: the graph's edges by kind.

    `theme_index(doc)` builds it from a document without building the graph (the theme map's
    worker does); every query also takes the graph itself and indexes it first, so a caller
    asking several questions of one graph does better to index it once (`ThemeIndex.of`).
    Walking networkx's edge views note by note cost a second at 10,000 notes; these take
    milliseconds, and each grows with the notes, not with their square.
    """

    notes: list[int]  # every note, in the graph's order
    member: dict[int, int]  # note -> its cluster ("member")
    group: dict[int, int]  # note -> its group ("group")
    also: dict[int, list[int]]  # note -> the clusters it also relates to ("theme"), each once
    links: list[tuple[int, int, str]]  # (source, target, kind) of each note link, each once
    clusters: list[int]  # the clusters (themes), in id order
    names: dict[int, str]  # cluster -> its name
    parent: dict[int, int]  # cluster -> the cluster it sits in ("parent")
    positions: dict[int, int]  # group -> its position in the workshop
    # Cluster nodes that nothing above names (a graph kept up to date can keep such a node).
    other_clusters: frozenset[int] = frozenset()

    @classmethod
    def of(cls, graph: nx.MultiDiGraph | ThemeIndex) -> ThemeIndex:
        """The index of `graph` (a `build_graph` graph, kept up to date by `update_graph`)."""
        if isinstance(graph, ThemeIndex):
            return graph
        notes, clusters, names, positions = [], [], {}, {}
        cluster_nodes = set()
        for node, data in graph.nodes(data=True):
            kind = data.get("kind")
            if node.startswith("cluster:"):
                cluster_nodes.add(node_id(node))
            if kind == "note":
                notes.append(node_id(node))
            elif kind == "cluster":
                clusters.append(node_id(node))
                names[node_id(node)] = str(data.get("label", ""))
            elif kind == "group":
                positions[node_id(node)] = data.get("position", 0)
        member, group, also, parent = {}, {}, defaultdict(list), {}
        links = []
        for u, v, kind in graph.edges(keys=True):
            if kind == MEMBER:
                member[node_id(u)] = node_id(v)
            elif kind == GROUP:
                group[node_id(u)] = node_id(v)
            elif kind == THEME:
                also[node_id(u)].append(node_id(v))
            elif kind == PARENT:
                parent[node_id(u)] = node_id(v)
            else:
                links.append((node_id(u), node_id(v), kind))
        return cls(
            notes,
            member,
            group,
            dict(also),
            links,
            sorted(clusters),
            names,
            parent,
            positions,
            frozenset(cluster_nodes),
        )

    # What the queries derive from these, each worked out once when first asked for.
    @cached_property
    def tops(self) -> list[int]:
        """The top-level themes (in no other cluster), in id order."""
        return [c for c in self.clusters if c not in self.parent]

    @cached_property
    def note_set(self) -> frozenset[int]:
        return frozenset(self.notes)

    @cached_property
    def children(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for child, parent in self.parent.items():
            out[parent].append(child)
        return out

    @cached_property
    def known(self) -> frozenset[int]:
        """Every cluster node of the graph: the clusters, and any id a cluster or note names."""
        return frozenset(
            (*self.clusters, *self.parent.values(), *self.member.values(), *self.other_clusters)
        )

    @cached_property
    def in_cluster(self) -> dict[int, list[int]]:
        """Cluster -> the notes in it or also relating to it."""
        out: dict[int, list[int]] = defaultdict(list)
        for note, cid in self.member.items():
            out[cid].append(note)
        for note, cids in self.also.items():
            for cid in cids:
                out[cid].append(note)
        return out

    @cached_property
    def neighbours(self) -> dict[int, list[int]]:
        """Note -> the notes linked to it ("relates-to" or "duplicate-of", either way)."""
        out: dict[int, list[int]] = defaultdict(list)
        for a, b, kind in self.links:
            if kind in m.LINK_KINDS:
                out[a].append(b)
                out[b].append(a)
        return out

    @cached_property
    def outermost(self) -> dict[int, int]:
        """Each cluster node -> the cluster its chain of parents ends at. A circle of parents (a
        hand-edited file) ends, as the walk up from a cluster does, at the first cluster met
        twice: each cluster of the circle answers itself, one leading into it the one it meets.
        Each cluster is walked over once."""
        parent: dict[int, int] = self.parent
        out: dict[int, int] = {}
        for start in self.known:
            path: list[int] = []
            on_path: dict[int, int] = {}
            node = start
            while True:
                if node in out:  # walked already (a cluster of a circle answers itself)
                    end = out[node]
                    break
                if node in on_path:  # a circle
                    for cid in path[on_path[node] :]:
                        out[cid] = cid
                    del path[on_path[node] :]
                    end = node
                    break
                up = parent.get(node)
                if up is None:
                    out[node] = end = node
                    break
                on_path[node] = len(path)
                path.append(node)
                node = up
            for cid in path:
                out[cid] = end
        return out

    @cached_property
    def _top_walk(self) -> tuple[dict[int, dict[int, list[int]]], dict[int, int]]:
        """`raised_tops` and `top_sizes`, in one walk over the notes in id order: a note is in
        the top-level theme its cluster sits in however deep, and in those its "also relates
        to" clusters sit in."""
        outermost, member, also, group = self.outermost, self.member, self.also, self.group
        raised: dict[int, dict[int, list[int]]] = {c: {} for c in self.tops}
        sizes = dict.fromkeys(self.tops, 0)
        found: Iterable[int]
        for note in sorted(self.notes):
            cid = member.get(note)
            top = None if cid is None else outermost[cid]
            extra = also.get(note)
            if extra:
                found = {t for t in (top, *(outermost[c] for c in extra)) if t in sizes}
            elif top in sizes:
                found = (top,)
            else:
                continue
            gid = group.get(note)
            for t in found:
                sizes[t] += 1
                if gid is not None:
                    notes = raised[t].get(gid)
                    if notes is None:
                        raised[t][gid] = [note]
                    else:
                        notes.append(note)
        return raised, sizes

    @property
    def raised_tops(self) -> dict[int, dict[int, list[int]]]:
        """`groups_by_theme` for the top-level themes only (shared: do not change it)."""
        return self._top_walk[0]

    @property
    def top_sizes(self) -> dict[int, int]:
        """Top-level theme -> how many notes `theme_notes` finds in it."""
        return self._top_walk[1]


def theme_index(doc: m.Document) -> ThemeIndex:
    """The index of `build_graph(doc)`, built from `doc` directly (a fortieth of the
    time, 5 instead of 200 ms at 10,000 notes)."""
    notes = [n.id for n in doc.notes]
    present = set(notes)
    member = {n.id: n.cluster_id for n in doc.notes if n.cluster_id is not None}
    parent = {c.id: c.parent_id for c in doc.clusters if c.parent_id is not None}
    # The graph has a node for every cluster id named, and takes links between its nodes only.
    known = {c.id for c in doc.clusters} | set(parent.values()) | set(member.values())
    also: dict[int, list[int]] = {}
    for t in dict.fromkeys((t.note_id, t.cluster_id) for t in doc.themes):
        if t[0] in present and t[1] in known:
            also.setdefault(t[0], []).append(t[1])
    links = [
        lk
        for lk in dict.fromkeys((lk.source, lk.target, lk.kind) for lk in doc.links)
        if lk[0] in present and lk[1] in present
    ]
    return ThemeIndex(
        notes,
        member,
        {n.id: n.group_id for n in doc.notes if n.group_id is not None},
        also,
        links,
        sorted(c.id for c in doc.clusters),
        {c.id: c.name for c in doc.clusters},
        parent,
        {g.id: g.position for g in doc.groups},
    )


def themes(graph: nx.MultiDiGraph | ThemeIndex) -> list[int]:
    """The ids of all clusters, in id order."""
    return list(ThemeIndex.of(graph).clusters)


def subclusters(graph: nx.MultiDiGraph | ThemeIndex, cluster_id: int) -> set[int]:
    """The cluster and every cluster nested in it, however deep."""
    index = ThemeIndex.of(graph)
    if cluster_id not in index.known:
        return set()
    found, todo = set(), [cluster_id]
    while todo:
        cid = todo.pop()
        if cid not in found:
            found.add(cid)
            todo.extend(index.children.get(cid, ()))
    return found


def theme_notes(graph: nx.MultiDiGraph | ThemeIndex, cluster_id: int) -> set[int]:
    """The notes in a theme: its members, its sub-clusters' members, and the notes linked to
    any of them as "also relates to"."""
    index = ThemeIndex.of(graph)
    notes: set[int] = set()
    for cid in subclusters(index, cluster_id):
        notes.update(index.in_cluster.get(cid, ()))
    return notes


def note_group(graph: nx.MultiDiGraph | ThemeIndex, note_id: int) -> int | None:
    return ThemeIndex.of(graph).group.get(note_id)


def groups_by_theme(graph: nx.MultiDiGraph | ThemeIndex) -> dict[int, dict[int, list[int]]]:
    """For each theme (cluster id): the groups that raised it -> their notes in it."""
    index = ThemeIndex.of(graph)
    out: dict[int, dict[int, list[int]]] = {}
    for cid in index.clusters:
        if cid in index.raised_tops:  # a top-level theme: worked out for all of them at once
            out[cid] = {gid: list(notes) for gid, notes in index.raised_tops[cid].items()}
            continue
        by_group: dict[int, list[int]] = {}
        for note_id in sorted(theme_notes(index, cid)):
            group = index.group.get(note_id)
            if group is not None:
                by_group.setdefault(group, []).append(note_id)
        out[cid] = by_group
    return out


def cooccurring_themes(
    graph: nx.MultiDiGraph | ThemeIndex, *, top_level: bool = True
) -> dict[tuple[int, int], set[int]]:
    """Pairs of themes raised by the same groups -> those groups. With `top_level`, only
    themes that sit in no other cluster (a sub-cluster's groups already count for its parent)."""
    index = ThemeIndex.of(graph)
    raised = index.raised_tops if top_level else groups_by_theme(index)
    by_group: dict[int, list[int]] = defaultdict(list)
    for cid in sorted(raised):
        for gid in raised[cid]:
            by_group[gid].append(cid)
    out: dict[tuple[int, int], set[int]] = defaultdict(set)
    for gid, cids in by_group.items():
        for pair in itertools.combinations(cids, 2):
            out[pair].add(gid)
    return dict(sorted(out.items()))


def note_themes(graph: nx.MultiDiGraph | ThemeIndex, note_id: int) -> set[int]:
    """The top-level themes a note touches: its cluster, its "also relates to" clusters, and
    the clusters of the notes it is linked to, each counted as its outermost cluster."""
    index = ThemeIndex.of(graph)
    if note_id not in index.note_set:
        return set()
    member, outermost = index.member, index.outermost
    touched = [*index.also.get(note_id, ())]
    if note_id in member:
        touched.append(member[note_id])
    touched.extend(member[o] for o in index.neighbours.get(note_id, ()) if o in member)
    return {outermost[c] for c in touched}


def bridging_notes(graph: nx.MultiDiGraph | ThemeIndex) -> dict[int, set[int]]:
    """Notes that connect two or more top-level themes -> those themes."""
    index = ThemeIndex.of(graph)
    out = {}
    # Only a note with a link or an "also relates to" can touch more than its own cluster's.
    for note in index.notes:
        if note in index.also or note in index.neighbours:
            touched = note_themes(index, note)
            if len(touched) > 1:
                out[note] = touched
    return out


def unclustered_notes(graph: nx.MultiDiGraph | ThemeIndex) -> list[int]:
    """Notes in no cluster."""
    index = ThemeIndex.of(graph)
    return sorted(n for n in index.notes if n not in index.member)


def unlinked_notes(graph: nx.MultiDiGraph | ThemeIndex) -> list[int]:
    """Notes connected to nothing but their group: no cluster, no theme, no link."""
    index = ThemeIndex.of(graph)
    linked = {n for a, b, _ in index.links for n in (a, b)}
    return sorted(
        n for n in index.notes if n not in index.member and n not in index.also and n not in linked
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


def theme_overview(
    graph: nx.MultiDiGraph | ThemeIndex, *, strongest: int | None = None
) -> tuple[list[ThemeNode], list[ThemeEdge]]:
    """The top-level themes and what joins them, for drawing a map of the workshop.

    The edges: the "link" ones, then the "shared" ones, each in (a, b) order. With `strongest`,
    only that many "shared" ones: those first by (-weight, a, b), as `theme_layout` and the
    map's threshold pick them. Every pair of themes that one group raised is a "shared" edge,
    which in a large workshop of few groups is nearly the square of the themes."""
    index = ThemeIndex.of(graph)
    order = index.positions
    raised = index.raised_tops
    nodes = [
        ThemeNode(
            c,
            index.names.get(c, ""),
            index.top_sizes[c],
            tuple(sorted(raised[c], key=lambda gid: (order.get(gid, 0), gid))),
        )
        for c in index.tops
    ]
    member, outermost = index.member, index.outermost
    links: dict[tuple[int, int], int] = defaultdict(int)
    for u, v, kind in index.links:
        if kind in m.LINK_KINDS and u in member and v in member:
            a, b = outermost[member[u]], outermost[member[v]]
            if a != b:
                links[(min(a, b), max(a, b))] += 1
    for note, cids in index.also.items():
        if note in member:
            a = outermost[member[note]]
            for cid in cids:
                b = outermost[cid]
                if a != b:
                    links[(min(a, b), max(a, b))] += 1
    edges = [ThemeEdge(a, b, "link", n) for (a, b), n in sorted(links.items())]
    every = math.comb(len(index.tops), 2)  # more than there are pairs sharing a group
    kept = every if strongest is None else min(strongest, every)
    edges.extend(ThemeEdge(a, b, "shared", w) for a, b, w in _strongest_shared(raised, kept))
    return nodes, edges


def _strongest_shared(
    raised: dict[int, dict[int, list[int]]], count: int
) -> list[tuple[int, int, int]]:
    """The `count` pairs of themes first by (-groups shared, a, b), as (a, b, groups) in (a, b)
    order, without going through every pair of themes: the themes raised by the same set of
    groups share as many groups with every other theme, so the pairs are counted by weight set
    by set (`_SharedGroups`), and only the pairs kept are listed."""
    if count <= 0:
        return []
    sets: dict[frozenset[int], list[int]] = defaultdict(list)
    for cid in sorted(raised):
        if raised[cid]:
            sets[frozenset(raised[cid])].append(cid)
    if not sets:
        return []
    keys = list(sets)
    members = [sets[key] for key in keys]
    shared = _SharedGroups(keys)
    by_weight = shared.pairs_by_weight([len(these) for these in members])
    # The weight at the cut: every pair above it is kept, of those at it the first in (a, b).
    cut, above = 0, 0
    for weight in range(len(by_weight) - 1, 0, -1):
        if above + by_weight[weight] >= count:
            cut = weight
            break
        above += by_weight[weight]
    out: list[tuple[int, int, int]] = []
    for i, j, weight in shared.joined(cut + 1):
        these, those = members[i], members[j]
        pairs = itertools.combinations(these, 2) if i == j else itertools.product(these, those)
        out.extend((min(x, y), max(x, y), weight) for x, y in pairs)
    left = count - above
    if cut:
        set_of = {cid: i for i, these in enumerate(members) for cid in these}
        at_cut: dict[int, list[int]] = {}  # set -> the sets it shares `cut` groups with
        for x in sorted(set_of):
            if left <= 0:
                break
            i = set_of[x]
            if i not in at_cut:
                at_cut[i] = shared.sharing(i, cut)
            after: list[int] = []
            for j in at_cut[i]:
                others = members[j]
                start = bisect.bisect_right(others, x)
                after.extend(others[start : start + left])
            after.sort()
            out.extend((x, y, cut) for y in after[:left])
            left -= len(after[:left])
    out.sort()
    return out


class _SharedGroups:
    """How many groups each two of some sets of groups share, as bit masks with numpy: a
    workshop has few groups, and its themes few different sets of them (at most one per
    theme), so this goes through the pairs of sets, not of themes, a block of rows at a time."""

    BLOCK = 1 << 18  # pairs of sets at a time

    def __init__(self, keys: list[frozenset[int]]) -> None:
        import numpy as np

        column = {gid: i for i, gid in enumerate(sorted({gid for key in keys for gid in key}))}
        self.groups = len(column)
        words = [[0] * ((len(column) + 63) // 64) for _ in keys]
        for row, key in zip(words, keys, strict=True):
            for gid in key:
                row[column[gid] // 64] |= 1 << (column[gid] % 64)
        self.masks = np.array(words, dtype=np.uint64)
        self.rows = max(1, self.BLOCK // len(keys))

    def _weights(self, start: int, stop: int) -> np.ndarray:
        import numpy as np

        both = self.masks[start:stop, None, :] & self.masks[None, :, :]
        return np.bitwise_count(both).sum(axis=2, dtype=np.int64)

    def pairs_by_weight(self, sizes: list[int]) -> list[int]:
        """Weight -> the pairs of themes sharing that many groups, the sets having `sizes`
        themes each."""
        import numpy as np

        size = np.array(sizes, dtype=np.int64)
        ordered = np.zeros(self.groups + 1, dtype=np.int64)  # each pair counted both ways
        for start in range(0, len(size), self.rows):
            stop = min(start + self.rows, len(size))
            many = size[start:stop, None] * size[None, :]
            own = np.arange(start, stop)
            many[own - start, own] -= size[start:stop]  # a theme and itself are no pair
            ordered += np.bincount(
                self._weights(start, stop).ravel(), many.ravel(), self.groups + 1
            ).astype(np.int64)
        return [int(n) // 2 for n in ordered]

    def joined(self, least: int) -> list[tuple[int, int, int]]:
        """(set i, set j >= i, groups shared) for the pairs sharing `least` groups or more."""
        import numpy as np

        out: list[tuple[int, int, int]] = []
        for start in range(0, len(self.masks), self.rows):
            stop = min(start + self.rows, len(self.masks))
            weights = self._weights(start, stop)
            rows, cols = np.nonzero(weights >= max(least, 1))
            keep = cols >= rows + start
            out.extend(
                zip(
                    (rows[keep] + start).tolist(),
                    cols[keep].tolist(),
                    weights[rows[keep], cols[keep]].tolist(),
                    strict=True,
                )
            )
        return out

    def sharing(self, i: int, weight: int) -> list[int]:
        """The sets (i itself among them) that share exactly `weight` groups with set i."""
        import numpy as np

        return np.flatnonzero(self._weights(i, i + 1)[0] == weight).tolist()


def note_themes_own(graph: nx.MultiDiGraph | ThemeIndex, note: str) -> list[int]:
    """The top-level theme a note node sits in, as a list (empty when unclustered)."""
    index = ThemeIndex.of(graph)
    cid = index.member.get(node_id(note))
    return [] if cid is None else [index.outermost[cid]]


# From this many themes on the layout is ours (`_spring_layout`), not networkx's `spring_layout`.
# networkx pulls along every pair of themes that share a group (nearly the square of the themes)
# and pushes every theme from every other in each of its rounds: 67 ms at 108 themes, 0.3 s at
# 222 and 1.4 s at 498 here (and from 500 on it needs scipy). Ours costs in proportion to the
# themes (about 30 ms at 222, 150 ms at 2,220). Below this, networkx's takes at most about 60 ms.
LARGE_LAYOUT = 100

# How hard two themes raised by the same group pull together in networkx's layout, beside a
# link's 1.
SHARED_PULL = 0.05


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
    neighbours and pulls along the links and towards the middle of each group's themes, so that
    it takes time in proportion to the themes (networkx takes the square of them). `min_distance`
    (in the result's units) then moves apart themes that would overlap (`_separated`).
    """
    ids = [n.cluster_id for n in nodes]
    if not ids:
        return {}
    if len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
    if len(ids) >= LARGE_LAYOUT:
        groups = [n.groups for n in nodes]
        pos = _spring_layout(ids, edges, seed=seed, iterations=iterations, groups=groups)
        return _separated(_rescaled(pos), min_distance)
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(ids)
    for e in edges:
        weight = e.weight * (1.0 if e.kind == "link" else SHARED_PULL)
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


def _spring_layout(
    ids: list[int],
    edges: list[ThemeEdge],
    *,
    seed: int,
    iterations: int,
    groups: Sequence[Iterable[int]] = (),
) -> dict[int, tuple[float, float]]:
    """Fruchterman-Reingold as networkx does it (the same optimal distance `k`, a cooling
    step), except that a theme is pushed only by the themes within 2k of it (found through a
    grid), so one round costs about as much as there are themes.

    It pulls along the links. The pairs of themes that share a group (nearly the square of
    the themes: networkx pulls along each) pull through the group instead (`groups`: each
    theme's groups, in the order of `ids`):
    - each theme starts near the middle of its groups' places, set out round a circle in the
      groups' order (networkx starts everything at random in the unit square, and every
      group's middle at the same place: which group lies where has to come out of that);
    - each round, each theme is pulled towards the middle of each of its groups' themes, as
      hard as a link at `k` pulls when it is as far out as a group of that size fills (k times
      the root of its themes), weaker within, harder beyond. A pull as hard as all of a big
      group's pairs packed its themes tight (every one within reach of dozens: a cost that
      grew faster than the themes).
    Themes without a group start at random in the unit square."""
    import numpy as np

    n = len(ids)
    index = {cid: i for i, cid in enumerate(ids)}
    pulls: dict[tuple[int, int], float] = defaultdict(float)
    for e in edges:
        if e.kind == "link" and e.a in index and e.b in index and e.a != e.b:
            pulls[(index[e.a], index[e.b])] += e.weight
    src = np.array([a for a, _ in pulls], dtype=np.int64)
    dst = np.array([b for _, b in pulls], dtype=np.int64)
    weight = np.array(list(pulls.values()), dtype=float)
    # Each theme's place in each of its groups: (theme, group) pairs, the groups numbered.
    numbered = {g: i for i, g in enumerate(sorted({g for gs in groups for g in gs}))}
    theme_of = np.array([i for i, gs in enumerate(groups) for _ in gs], dtype=np.int64)
    group_of = np.array([numbered[g] for gs in groups for g in gs], dtype=np.int64)
    sizes = np.bincount(group_of, minlength=len(numbered)).astype(float)
    k = 1.6 / math.sqrt(n)
    group_pull = 1.0 / (k * sizes[group_of])
    x, y = _start(n, seed, theme_of, group_of, len(sizes))
    # The coordinates as two arrays (x, y): numpy gathers and sums pairs of rows slowly. Each
    # push and link's pull is what networkx's would be, number for number: (dx, dy) ** 2 summed
    # is dx * dx + dy * dy, in the same order.
    step = 0.1
    cool = step / (iterations + 1)
    for _ in range(iterations):
        a, b, dx, dy = _near_pairs(x, y, 2 * k)
        scale = k * k / np.maximum(dx * dx + dy * dy, 1e-4)
        push_x, push_y = dx * scale, dy * scale
        fx, fy = np.zeros(n), np.zeros(n)
        fx += np.bincount(a, push_x, n) - np.bincount(b, push_x, n)
        fy += np.bincount(a, push_y, n) - np.bincount(b, push_y, n)
        if len(src):
            px, py = x[src] - x[dst], y[src] - y[dst]
            scale = np.sqrt(px * px + py * py) * weight / k
            fx -= np.bincount(src, px * scale, n)
            fx += np.bincount(dst, px * scale, n)
            fy -= np.bincount(src, py * scale, n)
            fy += np.bincount(dst, py * scale, n)
        if len(theme_of):
            middle_x = np.bincount(group_of, x[theme_of], len(sizes)) / sizes
            middle_y = np.bincount(group_of, y[theme_of], len(sizes)) / sizes
            px, py = x[theme_of] - middle_x[group_of], y[theme_of] - middle_y[group_of]
            scale = np.sqrt(px * px + py * py) * group_pull
            fx -= np.bincount(theme_of, px * scale, n)
            fy -= np.bincount(theme_of, py * scale, n)
        length = np.maximum(np.sqrt(fx * fx + fy * fy), 0.01)
        scale = np.minimum(length, step) / length
        x += fx * scale
        y += fy * scale
        step -= cool
    return {cid: (float(x[i]), float(y[i])) for i, cid in enumerate(ids)}


def _start(
    n: int, seed: int, theme_of: np.ndarray, group_of: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray]:
    """Where `_spring_layout` starts the themes (x, y). A theme in no group: at random in the
    unit square. A theme in groups (`theme_of`/`group_of`: its pairs with `count` groups): at
    random in a square of side 1/√count round the middle of its groups' places, which are set
    round a circle in the groups' order. So a group's themes start near each other, and each
    group somewhere else."""
    import numpy as np

    start = np.random.default_rng(seed).random((n, 2))
    x, y = start[:, 0].copy(), start[:, 1].copy()
    if not len(theme_of):
        return x, y
    # math's cos and sin, not numpy's: the same bits on every machine.
    turn = [2 * math.pi * i / count for i in range(count)]
    place_x = np.array([0.5 + 0.5 * math.cos(t) for t in turn])
    place_y = np.array([0.5 + 0.5 * math.sin(t) for t in turn])
    memberships = np.bincount(theme_of, minlength=n).astype(float)
    has = memberships > 0
    side = 1.0 / math.sqrt(count)
    middle_x = np.bincount(theme_of, place_x[group_of], n)[has] / memberships[has]
    middle_y = np.bincount(theme_of, place_y[group_of], n)[has] / memberships[has]
    x[has] = middle_x + (x[has] - 0.5) * side
    y[has] = middle_y + (y[has] - 0.5) * side
    return x, y


def _near_pairs(
    x: np.ndarray, y: np.ndarray, reach: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The pairs (a, b: i < j in the grid's order, each once) of points closer than `reach`,
    with their x[a] - x[b] and y[a] - y[b], through a grid of `reach`-sized cells: each point
    meets only the points in its own and the neighbouring cells. The pairs come by neighbour
    (own cell, then right-below, right, right-above, above), each by point; the five are worked
    out together, and a cell's points are found in a table of where each cell starts in the
    grid's order (a binary search when the points are so spread out that the table would be
    large)."""
    import numpy as np

    n = len(x)
    cx = np.floor(x / reach).astype(np.int64)
    cy = np.floor(y / reach).astype(np.int64)
    cx -= cx.min()
    cy -= cy.min()
    width = int(cy.max()) + 3
    key = (cx + 1) * width + cy + 1
    order = np.argsort(key, kind="stable")
    # The five neighbours (dx, dy) = (0, 0), (1, -1), (1, 0), (1, 1), (0, 1), as key offsets.
    target = key + np.array([0, width - 1, width, width + 1, 1])[:, None]
    size = (int(cx.max()) + 3) * width
    if size <= 4 * n + 1024:
        first = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(key, minlength=size), out=first[1:])
        lo, hi = first[target], first[target + 1]
    else:
        keys = key[order]
        lo = np.searchsorted(keys, target, "left")
        hi = np.searchsorted(keys, target, "right")
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    lo[0] = rank + 1  # in its own cell, only the points after it
    counts = np.maximum(hi - lo, 0).ravel()
    total = int(counts.sum())
    if not total:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), np.zeros(0)
    at = np.repeat(lo.ravel() - (np.cumsum(counts) - counts), counts)
    a = np.repeat(np.tile(np.arange(n), 5), counts)
    b = order[at + np.arange(total)]
    dx, dy = x[a] - x[b], y[a] - y[b]
    near = dx * dx + dy * dy < reach * reach
    return a[near], b[near], dx[near], dy[near]


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

    # A spot is taken mostly by a point in its own cell: looked at first, it ends most searches
    # at the first cell (which cell is looked at first changes only how soon).
    cells = [(0, 0), *((i, j) for i in (-1, 0, 1) for j in (-1, 0, 1) if i or j)]
    d2 = d * d
    get = grid.get

    def free(x: float, y: float) -> bool:
        gx, gy = math.floor(x / d), math.floor(y / d)
        for i, j in cells:
            for px, py in get((gx + i, gy + j), ()):
                if (px - x) ** 2 + (py - y) ** 2 < d2:
                    return False
        return True

    spots = [
        (
            0.45 * d * math.sqrt(s) * math.cos(s * GOLDEN_ANGLE),
            0.45 * d * math.sqrt(s) * math.sin(s * GOLDEN_ANGLE),
        )
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
    import networkx as nx

    nx.write_graphml(build_graph(_maybe_redacted(doc, redact)), os.fspath(path), encoding="utf-8")


def write_gexf(doc: m.Document, path: str | os.PathLike[str], *, redact: bool = False) -> None:
    """The theme graph as GEXF (Gephi)."""
    import networkx as nx

    nx.write_gexf(build_graph(_maybe_redacted(doc, redact)), os.fspath(path), encoding="utf-8")


def _maybe_redacted(doc: m.Document, redact: bool) -> m.Document:
    if not redact:
        return doc
    from ..export.redact import redact_document

    return redact_document(doc)
