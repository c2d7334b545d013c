"""The theme graph over the seed workshop, kept in step with the workshop file."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core import model as m
from samverkan_desktop.core.analysis import graph as g

ARBETE_1 = "Arbetsmarknad och inkludering grupp 1"
PSYKISK = "Psykisk ohälsa/ofrivillig ensamhet"
BROTT_1 = "Brottsförebyggande/Trygghetsfrämjande grupp 1"
BROTT_2 = "Brottsförebyggande/Trygghetsfrämjande grupp 2"


def note_by_text(doc: m.Document, start: str) -> m.Note:
    [note] = [n for n in doc.notes if n.text.startswith(start)]
    return note


def group_named(doc: m.Document, name: str) -> m.Group:
    return next(grp for grp in doc.groups if grp.name == name)


def _meeting_places(store):
    """A facilitator's theme holding mötesplatser notes of two groups, one in a sub-cluster."""
    doc = store.document()
    a = note_by_text(doc, "Mötesplatser behövs för integration")
    b = note_by_text(doc, "Behov av gemensamma mötesplatser")
    theme = store.add_cluster("Mötesplatser")
    sub = store.add_cluster("Lokaler", parent_id=theme.id)
    store.set_membership({a.id: theme.id, b.id: sub.id})
    return theme, sub, a, b


def test_a_theme_reports_every_group_that_raised_it_including_sub_clusters(seed_store) -> None:
    theme, sub, a, b = _meeting_places(seed_store)
    doc = seed_store.document()
    raised = g.groups_by_theme(g.build_graph(doc))[theme.id]
    assert raised == {
        group_named(doc, ARBETE_1).id: [a.id],
        group_named(doc, PSYKISK).id: [b.id],
    }
    assert raised.keys() > g.groups_by_theme(g.build_graph(doc))[sub.id].keys()


def test_also_relates_to_brings_a_third_group_into_the_theme(seed_store) -> None:
    theme, _, _, _ = _meeting_places(seed_store)
    doc = seed_store.document()
    fritid = note_by_text(doc, "Fritidsgårdar – mötesplatser för unga")
    # As a JSON import brings one: the document holds the note's "also relates to" link.
    doc = replace(doc, themes=(*doc.themes, m.ThemeLink(fritid.id, theme.id)))
    raised = g.groups_by_theme(g.build_graph(doc))[theme.id]
    assert group_named(doc, BROTT_1).id in raised
    assert fritid.id in raised[group_named(doc, BROTT_1).id]


def test_the_groups_own_clusters_are_themes_of_their_group(seed_store) -> None:
    doc = seed_store.document()
    graph = g.build_graph(doc)
    trygghet = next(c for c in doc.clusters if c.name == "Trygghet")
    assert set(g.groups_by_theme(graph)[trygghet.id]) == {group_named(doc, BROTT_2).id}
    assert len(g.theme_notes(graph, trygghet.id)) == 8


def test_themes_raised_by_the_same_groups_cooccur(seed_store) -> None:
    theme, _, _, _ = _meeting_places(seed_store)
    doc = seed_store.document()
    psykisk = group_named(doc, PSYKISK).id
    integration = next(c for c in doc.clusters if c.name == "Integration")
    pairs = g.cooccurring_themes(g.build_graph(doc))
    assert pairs[(min(theme.id, integration.id), max(theme.id, integration.id))] == {psykisk}
    assert all(ids for ids in pairs.values())


def test_a_note_linked_across_themes_bridges_them(seed_store) -> None:
    theme, _, a, _ = _meeting_places(seed_store)
    doc = seed_store.document()
    trygghet = next(c for c in doc.clusters if c.name == "Trygghet")
    belysning = note_by_text(doc, "Belysning!")
    seed_store.add_link(m.Link(a.id, belysning.id, m.RELATES_TO))
    bridges = g.bridging_notes(g.build_graph(seed_store.document()))
    assert bridges[a.id] == {theme.id, trygghet.id}
    assert bridges[belysning.id] == {theme.id, trygghet.id}


def test_unclustered_and_unlinked_notes(seed_store) -> None:
    doc = seed_store.document()
    graph = g.build_graph(doc)
    loose = {n.id for n in doc.notes if n.cluster_id is None}
    assert set(g.unclustered_notes(graph)) == loose
    assert set(g.unlinked_notes(graph)) == loose
    a, b = sorted(loose)[:2]
    seed_store.add_link(m.Link(a, b, m.DUPLICATE_OF))
    graph = g.build_graph(seed_store.document())
    assert set(g.unclustered_notes(graph)) == loose
    assert set(g.unlinked_notes(graph)) == loose - {a, b}


def test_the_graph_follows_store_changes_without_a_rebuild(seed_store) -> None:
    graph = g.build_graph(seed_store.document())
    seed_store.subscribe(lambda change: g.update_graph(graph, change, seed_store))
    theme, _, a, _ = _meeting_places(seed_store)
    doc = seed_store.document()
    belysning = note_by_text(doc, "Belysning!")
    seed_store.add_link(m.Link(a.id, belysning.id, m.RELATES_TO))
    # A merged workshop's note that also relates to the theme (the one way a theme link comes).
    seed_store.add_document(
        m.Document(
            clusters=(m.Cluster(1, "Mötesplatser"),),
            notes=(m.Note(1, "Fler mötesplatser", x=9000.0, y=0.0),),
            themes=(m.ThemeLink(1, 1),),
        ),
        into_clusters={1: theme.id},
    )
    seed_store.update_cluster(theme.id, name="Mötesplatser och lokaler")
    removal = seed_store.delete_notes([note_by_text(doc, "Långsiktighet!").id])
    seed_store.delete_cluster(next(c.id for c in doc.clusters if c.name == "Kunskap"))
    seed_store.restore_notes(removal)

    rebuilt = g.build_graph(seed_store.document())
    assert dict(graph.nodes(data=True)) == dict(rebuilt.nodes(data=True))
    assert sorted(graph.edges(keys=True)) == sorted(rebuilt.edges(keys=True))
    assert graph.nodes[g.cluster_node(theme.id)]["label"] == "Mötesplatser och lokaler"


def test_graphml_and_gexf_read_back_with_networkx(seed_store, tmp_path: Path) -> None:
    theme, _, a, _ = _meeting_places(seed_store)
    doc = seed_store.document()
    g.write_graphml(doc, tmp_path / "teman.graphml")
    g.write_gexf(doc, tmp_path / "teman.gexf")
    original = g.build_graph(doc)
    for back in (
        nx.read_graphml(tmp_path / "teman.graphml", force_multigraph=True),
        nx.read_gexf(tmp_path / "teman.gexf"),
    ):
        assert back.number_of_nodes() == original.number_of_nodes()
        assert back.number_of_edges() == original.number_of_edges()
    back = nx.read_graphml(tmp_path / "teman.graphml", force_multigraph=True)
    note = back.nodes[g.note_node(a.id)]
    assert note["label"] == "Mötesplatser behövs för integration och samtal"
    assert note["kind"] == "note"
    assert back.nodes[g.cluster_node(theme.id)]["label"] == "Mötesplatser"
    kinds = {d["kind"] for _, _, d in back.edges(data=True)}
    assert {"member", "parent", "group"} <= kinds
    gexf = nx.read_gexf(tmp_path / "teman.gexf")
    assert gexf.nodes[g.note_node(a.id)]["label"].startswith("Mötesplatser behövs")


def test_the_theme_overview_joins_themes_by_links_and_shared_groups(seed_store) -> None:
    theme, _, a, _ = _meeting_places(seed_store)
    doc = seed_store.document()
    trygghet = next(c for c in doc.clusters if c.name == "Trygghet")
    seed_store.add_link(m.Link(a.id, note_by_text(doc, "Belysning!").id, m.RELATES_TO))
    nodes, edges = g.theme_overview(g.build_graph(seed_store.document()))
    by_id = {n.cluster_id: n for n in nodes}
    assert set(by_id) == {c.id for c in doc.clusters if c.parent_id is None}
    assert by_id[theme.id].notes == 2 and len(by_id[theme.id].groups) == 2
    link = [e for e in edges if e.kind == "link"]
    assert [(e.a, e.b, e.weight) for e in link] == [
        (min(theme.id, trygghet.id), max(theme.id, trygghet.id), 1)
    ]


def test_the_theme_layout_is_repeatable_and_keeps_themes_apart() -> None:
    nodes = [g.ThemeNode(i, f"Tema {i}", 3, (1,)) for i in range(50)]
    edges = [g.ThemeEdge(i, i + 1, "link", 1) for i in range(0, 49, 2)]
    first = g.theme_layout(nodes, edges, min_distance=0.2)
    assert first == g.theme_layout(nodes, edges, min_distance=0.2)
    points = list(first.values())
    closest = min(
        ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5
        for i, (ax, ay) in enumerate(points)
        for bx, by in points[i + 1 :]
    )
    assert closest >= 0.19
    linked = [
        ((first[e.a][0] - first[e.b][0]) ** 2 + (first[e.a][1] - first[e.b][1]) ** 2) ** 0.5
        for e in edges
    ]
    assert sum(linked) / len(linked) < 0.6  # linked themes sit near each other


@settings(max_examples=15, deadline=None)
@given(
    st.integers(g.LARGE_LAYOUT, 260),
    st.integers(1, 40),
    st.randoms(use_true_random=False),
)
def test_a_large_theme_layout_of_any_groups_is_finite_repeatable_and_apart(
    themes: int, groups: int, rng: random.Random
) -> None:
    """Our own layout (from `LARGE_LAYOUT` themes on), whatever the groups: themes in none, in
    one, in many, groups of one theme, links between any two (a theme to itself too). Every
    theme gets a place, the same one again, and no two are closer than asked."""
    nodes = [
        g.ThemeNode(
            i,
            f"Tema {i}",
            1,
            tuple(sorted(rng.sample(range(groups), rng.randint(0, min(4, groups))))),
        )
        for i in range(themes)
    ]
    edges = [
        g.ThemeEdge(rng.randrange(themes), rng.randrange(themes), "link", rng.randint(1, 5))
        for _ in range(rng.randint(0, themes))
    ]
    distance = 0.5 / math.sqrt(themes)
    layout = g.theme_layout(nodes, edges, min_distance=distance)
    assert layout == g.theme_layout(nodes, edges, min_distance=distance)
    assert set(layout) == set(range(themes))
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in layout.values())
    points = sorted(layout.values())
    for i, (ax, ay) in enumerate(points):  # (sorted by x: only those within `distance` of it)
        for bx, by in points[i + 1 :]:
            if bx - ax >= distance:
                break
            assert math.hypot(ax - bx, ay - by) >= distance * 0.999
