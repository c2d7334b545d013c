"""The first layout of an imported workshop: readable columns, never a pile."""

from __future__ import annotations

from itertools import combinations

from samverkan_desktop.core import layout
from samverkan_desktop.core import model as m
from samverkan_desktop.core.importers import read_source

W, H = m.NOTE_WIDTH, m.NOTE_HEIGHT


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _box(n: m.Note) -> tuple[float, float, float, float]:
    return (n.x, n.y, W, H)


def _frame(c: m.Cluster) -> tuple[float, float, float, float]:
    return (c.x, c.y, c.width, c.height)


def _inside(n: m.Note, c: m.Cluster) -> bool:
    return c.x < n.x and n.x + W < c.x + c.width and c.y < n.y and n.y + H < c.y + c.height


def test_no_two_notes_of_the_seed_overlap(seed_path):
    doc = read_source(seed_path)
    assert len(doc.notes) > 100
    overlapping = [
        (a.id, b.id) for a, b in combinations(doc.notes, 2) if _overlap(_box(a), _box(b))
    ]
    assert overlapping == []


def test_groups_are_columns_left_to_right_in_their_order(seed_path):
    doc = read_source(seed_path)
    spans = []
    for g in doc.groups:
        xs = [n.x for n in doc.notes if n.group_id == g.id]
        assert xs, g.name
        spans.append((min(xs), max(xs) + W))
    for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
        assert right < left  # each group wholly left of the next one
    # Room above every column for the group's name.
    assert min(n.y for n in doc.notes) >= layout.GROUP_HEADER
    assert min(c.y for c in doc.clusters) >= layout.GROUP_HEADER


def test_a_groups_own_clusters_enclose_their_notes_inside_its_column(seed_path):
    doc = read_source(seed_path)
    clustered_groups = {c.group_id for c in doc.clusters}
    assert len(clustered_groups) >= 2  # the seed has two "(klustrat)" groups
    for c in doc.clusters:
        members = [n for n in doc.notes if n.cluster_id == c.id]
        assert members, c.name
        assert all(_inside(n, c) for n in members), c.name
        others = [n for n in doc.notes if n.cluster_id != c.id]
        assert not any(_overlap(_box(n), _frame(c)) for n in others), c.name
        column = [n for n in doc.notes if n.group_id == c.group_id]
        assert min(n.x for n in column) > c.x and max(n.x + W for n in column) < c.x + c.width
    for a, b in combinations(doc.clusters, 2):
        assert not _overlap(_frame(a), _frame(b)), (a.name, b.name)


def test_unclustered_notes_of_a_clustered_group_come_below_its_clusters():
    doc = m.Document(
        groups=(m.Group(1, "G"),),
        clusters=(m.Cluster(1, "Tema", group_id=1),),
        notes=(
            m.Note(1, "lös", group_id=1),
            m.Note(2, "i tema", group_id=1, cluster_id=1),
            m.Note(3, "i tema", group_id=1, cluster_id=1),
            m.Note(4, "i tema", group_id=1, cluster_id=1),
        ),
    )
    out = layout.layout_document(doc)
    frame = out.clusters[0]
    loose = out.notes[0]
    assert loose.y > frame.y + frame.height
    assert all(_inside(n, frame) for n in out.notes[1:])
    # Two notes a row inside the frame: three notes make two rows.
    assert len({n.y for n in out.notes[1:]}) == 2 and len({n.x for n in out.notes[1:]}) == 2


def test_layout_is_deterministic_and_keeps_everything_else(seed_path):
    first = read_source(seed_path)
    assert read_source(seed_path) == first
    assert layout.layout_document(first) == first  # laying out again moves nothing
    unplaced = m.Document(
        first.workshop,
        first.groups,
        tuple(c.with_(x=0.0, y=0.0, width=0.0, height=0.0) for c in first.clusters),
        tuple(n.with_(x=0.0, y=0.0) for n in first.notes),
    )
    assert layout.layout_document(unplaced) == first


def test_x_offset_places_a_second_import_right_of_the_first(seed_path):
    first = read_source(seed_path)
    second = layout.place_right_of(read_source(seed_path), first)
    right_of_first = layout.content_bounds(first)[2]
    assert min(n.x for n in second.notes) > right_of_first
    assert min(c.x for c in second.clusters) > right_of_first
    assert [n.y for n in second.notes] == [n.y for n in first.notes]


def test_notes_without_group_and_clusters_without_group_get_their_own_columns():
    doc = m.Document(
        groups=(m.Group(1, "G"),),
        clusters=(m.Cluster(1, "Tvärs över grupper"), m.Cluster(2, "Under", parent_id=1)),
        notes=(
            m.Note(1, "grupp", group_id=1),
            m.Note(2, "tema", group_id=1, cluster_id=1),
            m.Note(3, "under", cluster_id=2),
            m.Note(4, "ingen grupp"),
        ),
    )
    out = layout.layout_document(doc)
    top, under = out.clusters
    n1, n2, n3, n4 = out.notes
    assert n1.x < top.x < n4.x  # group column, then the cluster, then the homeless notes
    assert _inside(n2, top) and _inside(n3, under)
    # The sub-cluster's frame lies inside its parent's.
    assert top.x < under.x and under.x + under.width < top.x + top.width
    assert top.y < under.y and under.y + under.height < top.y + top.height
    for a, b in combinations(out.notes, 2):
        assert not _overlap(_box(a), _box(b))


def test_an_empty_cluster_still_gets_a_visible_frame():
    out = layout.layout_document(
        m.Document(groups=(m.Group(1, "G"),), clusters=(m.Cluster(1, "Tom", group_id=1),))
    )
    assert out.clusters[0].width > 0 and out.clusters[0].height > 0


def test_a_pile_is_recognised():
    pile = m.Document(notes=(m.Note(1, "a"), m.Note(2, "b")))
    assert layout.is_pile(pile)
    assert not layout.is_pile(layout.layout_document(pile))


def _violations(doc: m.Document) -> list[str]:
    from samverkan_desktop.core.board import Board, Rect, violations

    board = Board()
    for c in doc.clusters:
        board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)
    for n in doc.notes:
        board.put_note(n.id, n.x, n.y, H, n.cluster_id)
    return violations(board)


def test_a_json_file_whose_notes_overlap_is_imported_with_nothing_overlapping(tmp_path):
    import json

    raw = {
        "format": "samverkan-workshop",
        "version": 1,
        "workshop": {"title": "Från ett annat verktyg"},
        "groups": [{"id": 1, "name": "Grupp 1"}],
        "clusters": [
            {"id": 1, "name": "Tema", "x": 0, "y": 0, "width": 300, "height": 200},
            {
                "id": 2,
                "name": "Inne i tema",
                "parent_id": 1,
                "x": -50,
                "y": 10,
                "width": 250,
                "height": 150,
            },
        ],
        "notes": [
            # Two notes on top of each other, one outside the frame it belongs to, one on
            # the frame's title bar, one in the nested frame that sticks out of its parent.
            {"id": 1, "text": "Ett", "group_id": 1, "x": 500, "y": 40},
            {"id": 2, "text": "Två", "group_id": 1, "x": 510, "y": 50},
            {"id": 3, "text": "Tre", "group_id": 1, "x": 900, "y": 900, "cluster_id": 1},
            {"id": 4, "text": "Fyra", "group_id": 1, "x": 10, "y": 0, "cluster_id": 1},
            {"id": 5, "text": "Fem", "group_id": 1, "x": -40, "y": 20, "cluster_id": 2},
        ],
    }
    path = tmp_path / "annat.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    raw_doc = read_source(path)
    assert _violations(raw_doc) == []
    names = {c.id: c.name for c in raw_doc.clusters}
    assert {n.text: names.get(n.cluster_id) for n in raw_doc.notes} == {
        "Ett": None,
        "Två": None,
        "Tre": "Tema",
        "Fyra": "Tema",
        "Fem": "Inne i tema",
    }


def test_the_first_layout_of_the_seed_keeps_the_boards_promise(seed_path):
    doc = read_source(seed_path)
    assert _violations(doc) == []
    assert layout.settle_document(doc) is doc  # nothing to change


def test_a_group_of_thousands_of_notes_is_laid_out_as_a_block_not_an_endless_column():
    doc = m.Document(
        workshop=m.Workshop("Stadsdialog"),
        groups=(m.Group(1, "Alla bord"), m.Group(2, "Liten grupp")),
        notes=tuple(m.Note(i, f"Lapp {i}", group_id=1 if i <= 3000 else 2) for i in range(1, 3031)),
    )
    laid = layout.layout_document(doc)
    assert _violations(laid) == []
    big = [n for n in laid.notes if n.group_id == 1]
    width = max(n.x for n in big) + W - min(n.x for n in big)
    height = max(n.y for n in big) + H - min(n.y for n in big)
    assert 0.5 < width / height < 2  # about square: the whole board fits on one screen
    small = [n for n in laid.notes if n.group_id == 2]
    assert len({n.x for n in small}) == 2  # a usual group keeps its two-note column
    assert min(n.x for n in small) > max(n.x for n in big) + W  # beside the block, not in it
