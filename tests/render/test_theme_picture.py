"""The theme map drawing shared by the app's dock and the PDF: what gets a line, where themes go."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from samverkan_desktop.core import model as m
from samverkan_desktop.core.analysis import graph as tg
from samverkan_desktop.render import theme_picture as tp


def _seed_map(doc: m.Document) -> tp.ThemeMap:
    nodes, edges = tg.theme_overview(tg.build_graph(doc))
    groups = {g.id for g in doc.groups}
    return tp.theme_map(
        nodes,
        edges,
        {g: QColor("#0072B2") for g in groups},
        {g: f"G{g}" for g in groups},
        min_distance=0.3,
    )


def test_every_link_gets_a_line_and_shared_groups_only_the_strongest_pairs() -> None:
    nodes = [tg.ThemeNode(i, f"Tema {i}", 4, (1, 2, 3, 4)) for i in range(40)]
    # Every pair of themes was raised by two of the same groups (780 pairs), neighbours by three.
    shared = [
        tg.ThemeEdge(a, b, "shared", 3 if b == a + 1 else 2)
        for a in range(40)
        for b in range(a + 1, 40)
    ]
    links = [tg.ThemeEdge(i, i + 2, "link", 1) for i in range(0, 38, 4)]
    shown = tp.shown_edges(shared + links, len(nodes))
    assert [e for e in shown if e.kind == "link"] == links
    dashed = [e for e in shown if e.kind == "shared"]
    assert len(dashed) == 39 and all(e.weight == 3 for e in dashed)
    assert tp.shared_threshold(shared + links, len(nodes)) == 3  # what the key then says
    # All tied and too many: no dashed lines at all rather than an arbitrary half of them.
    tied = [tg.ThemeEdge(e.a, e.b, "shared", 4) for e in shared]
    assert tp.shown_edges(tied + links, len(nodes)) == links


def test_a_few_shared_pairs_all_get_their_line() -> None:
    edges = [tg.ThemeEdge(1, 2, "shared", 2), tg.ThemeEdge(2, 3, "shared", 1)]
    assert tp.shared_threshold(edges, 3) == tg.SHARED_MIN_GROUPS
    assert tp.shown_edges(edges, 3) == edges[:1]  # one group in common is no pattern


def test_small_themes_get_small_discs_bigger_ones_grow_by_area() -> None:
    assert tp.radius(5, 5) < tp.radius(20, 20) == tp.MAX_R
    assert tp.radius(23, 23) == tp.MAX_R and tp.radius(1, 23) > tp.MIN_R
    assert tp.radius(12, 48) == tp.MIN_R + (tp.MAX_R - tp.MIN_R) / 2


def test_seed_themes_fit_the_page_without_touching(seed_doc: m.Document, qapp) -> None:
    themes = _seed_map(seed_doc)
    target = QRectF(0, 0, 12000, 6000)  # a landscape page's map, in 1200 dpi pixels
    placed = tp.place(themes, target, max_unit=12.5, min_unit=8.0)
    ink = {
        cid: [
            QRectF(
                x + r.x() * placed.unit,
                y + r.y() * placed.unit,
                r.width() * placed.unit,
                r.height() * placed.unit,
            )
            for r in themes.glyphs[cid].parts()
        ]
        for cid, (x, y) in placed.centres.items()
    }
    assert set(ink) == {c.id for c in seed_doc.clusters if c.parent_id is None}
    for cid, parts in ink.items():
        assert all(target.contains(p) for p in parts), themes.glyphs[cid].name
    touching = [
        (a, b)
        for a in ink
        for b in ink
        if a < b and any(p.intersects(q) for p in ink[a] for q in ink[b])
    ]
    assert touching == []
    assert placed.unit > 8.0  # room to spare: names above the smallest size


def test_painting_rings_each_theme_where_it_was_placed(seed_doc: m.Document, qapp) -> None:
    themes = _seed_map(seed_doc)
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    placed = tp.paint_map(
        painter, QRectF(20, 20, 1560, 860), themes, max_unit=1.0, backdrop=QColor("white")
    )
    painter.end()
    assert placed.unit == 1.0  # the seed's themes fit at full size
    for cid, (x, y) in placed.centres.items():
        ring = themes.glyphs[cid].radius + tp.RING / 2
        top_of_ring = QColor(image.pixel(round(x), round(y - ring)))
        assert top_of_ring.blue() > top_of_ring.red() + 60, themes.glyphs[cid].name  # the blue
