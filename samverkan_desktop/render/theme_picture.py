"""The theme map drawn with QPainter: shared by the app's Temakarta dock and the PDF report.

Each top-level theme is a disc sized by its notes, ringed by the colours of the groups that
raised it, with its name and the groups' short labels under it (colour is never the only cue).
A solid line joins two themes whose notes are linked; a dashed one joins themes that the same
groups raised. Sizes are in map units: in the app one unit is a screen pixel (themes keep their
size at any zoom); in the PDF the page decides how big a unit is.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from ..core.analysis import graph as tg

MIN_R, MAX_R = 10.0, 34.0
RING = 5.0
LABEL_PX = 12.0
NAME_WIDTH = 130.0  # a longer name is cut with "…"; its full text is in the tooltip
LABEL_ROOM = 140.0  # the distance two themes need so that their names do not touch
TEXT = QColor("#22252A")
MUTED = QColor("#6B6F76")
BORDER = QColor("#A9ADB4")
SELECTED = QColor("#0072B2")
LINK_LINE = QColor("#55595F")
SHARED_LINE = QColor("#A9ADB4")


# A theme of this many notes (or the workshop's biggest, if bigger) gets the largest disc: in a
# workshop of small themes, all the same size, the discs stay small too.
FULL_THEME = 20


def radius(notes: int, biggest: int) -> float:
    """A disc's radius: its area, not its width, grows with the notes."""
    return MIN_R + (MAX_R - MIN_R) * math.sqrt(notes / max(biggest, FULL_THEME))


# When most themes were raised by the same few groups, a dashed line between every such pair
# would cover the map: then only the pairs shared by the most groups get one, about this many
# per theme.
SHARED_PER_THEME = 1.5


def shared_threshold(edges: Sequence[tg.ThemeEdge], themes: int) -> int:
    """The least number of groups two themes must share for a dashed line between them."""
    weights = sorted((e.weight for e in edges if e.kind == "shared"), reverse=True)
    room = int(SHARED_PER_THEME * max(themes, 1))
    least = tg.SHARED_MIN_GROUPS
    if len(weights) > room:
        # Raise it until the lines fit; a tie at the cut takes them all out, not half.
        least = max(least, weights[room] + 1)
    return least


def shared_needed(themes: int) -> int | None:
    """How many of the strongest "shared" edges `theme_overview(strongest=...)` must keep for
    `theme_map` to lay out and draw the same map as from all of them: all (None) below
    `LARGE_LAYOUT` themes, where networkx's layout pulls along every pair; else those that
    `shared_threshold` looks at (one past its room: `_spring_layout` pulls through the groups).
    """
    if themes < tg.LARGE_LAYOUT:
        return None
    return int(SHARED_PER_THEME * themes) + 1


def shown_edges(edges: Sequence[tg.ThemeEdge], themes: int) -> list[tg.ThemeEdge]:
    """The edges worth a line: every link, and the pairs of themes shared by enough groups."""
    least = shared_threshold(edges, themes)
    return [e for e in edges if e.kind == "link" or e.weight >= least]


def edge_pen(edge: tg.ThemeEdge, unit: float = 1.0) -> QPen:
    """Solid for links (thicker for more of them), dashed for themes the same groups raised."""
    if edge.kind == "link":
        pen = QPen(LINK_LINE, (1.0 + math.log2(1 + edge.weight)) * unit)
    else:
        pen = QPen(SHARED_LINE, (1.0 + 0.5 * edge.weight) * unit, Qt.PenStyle.DashLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def label_font(family: str = "") -> QFont:
    font = QFont(family) if family else QFont()
    font.setPixelSize(int(LABEL_PX))
    return font


class ThemeGlyph:
    """One theme as drawn around its centre (0, 0): disc, group ring, count, name, groups."""

    def __init__(
        self,
        node: tg.ThemeNode,
        radius: float,
        colours: Sequence[QColor],
        labels: Sequence[str],
        font: QFont | None = None,
        name_width: float = NAME_WIDTH,
    ) -> None:
        self.node = node
        self.radius = radius
        self.colours = list(colours)
        self.labels = list(labels)
        self.font = font if font is not None else label_font()
        metrics = QFontMetricsF(self.font)
        self.name = metrics.elidedText(node.name or "–", Qt.TextElideMode.ElideRight, name_width)
        self.groups = ", ".join(self.labels)
        self.name_w = metrics.horizontalAdvance(self.name)
        self.groups_w = metrics.horizontalAdvance(self.groups)
        self.text_w = max(self.name_w, self.groups_w)

    def bounding_rect(self) -> QRectF:
        r = self.radius + RING + 1
        width = max(2 * r, self.text_w + 4)
        return QRectF(-width / 2, -r, width, 2 * r + 2 * LABEL_PX + 8)

    def parts(self) -> tuple[QRectF, QRectF]:
        """Where ink is: the disc with its ring, and the two lines of text under it. Two
        themes side by side may share the empty corners of their bounding rects."""
        r = self.radius + RING / 2 + 1
        top = self.radius + RING + 2
        return (
            QRectF(-r, -r, 2 * r, 2 * r),
            QRectF(-self.text_w / 2 - 2, top, self.text_w + 4, 2 * LABEL_PX + 6),
        )

    def paint(
        self, painter: QPainter, selected: bool = False, backdrop: QColor | None = None
    ) -> None:
        """Draw at (0, 0): the disc, then the name and groups under it."""
        self.paint_disc(painter, selected)
        self.paint_labels(painter, backdrop)

    def paint_disc(self, painter: QPainter, selected: bool = False) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.radius
        ring = QRectF(-r - RING / 2, -r - RING / 2, 2 * r + RING, 2 * r + RING)
        if self.colours:
            span = 360 * 16 / len(self.colours)
            for i, colour in enumerate(self.colours):
                painter.setPen(QPen(colour, RING, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
                painter.drawArc(ring, int(90 * 16 - i * span), int(-span))
        painter.setPen(QPen(SELECTED if selected else BORDER, 1))
        painter.setBrush(QBrush(SELECTED if selected else QColor("#FFFFFF")))
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setFont(self.font)
        painter.setPen(QColor("#FFFFFF") if selected else TEXT)
        painter.drawText(
            QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(self.node.notes)
        )
        painter.restore()

    def paint_labels(self, painter: QPainter, backdrop: QColor | None = None) -> None:
        """The name and the groups' labels. With `backdrop` (the colour under the map), they sit
        on a patch of it, so that a line or a disc passing under a name does not strike it out."""
        painter.save()
        painter.setFont(self.font)
        top = self.radius + RING + 2
        width = self.bounding_rect().width()
        if backdrop is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(backdrop)
            for row, text_w in enumerate((self.name_w, self.groups_w)):
                if text_w:
                    y = top + row * (LABEL_PX + 3)
                    painter.drawRect(QRectF(-text_w / 2 - 2, y, text_w + 4, LABEL_PX + 3))
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(-width / 2, top, width, LABEL_PX + 3), Qt.AlignmentFlag.AlignCenter, self.name
        )
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(-width / 2, top + LABEL_PX + 3, width, LABEL_PX + 3),
            Qt.AlignmentFlag.AlignCenter,
            self.groups,
        )
        painter.restore()


@dataclass
class ThemeMap:
    """A workshop's theme map, ready to paint: glyphs, lines and a layout in [-1, 1]."""

    glyphs: dict[int, ThemeGlyph]
    edges: list[tg.ThemeEdge]
    layout: dict[int, tuple[float, float]]


def theme_map(
    nodes: Sequence[tg.ThemeNode],
    edges: Sequence[tg.ThemeEdge],
    colour_of: dict[int, QColor],
    label_of: dict[int, str],
    *,
    min_distance: float = 0.0,
    font: QFont | None = None,
    name_width: float = NAME_WIDTH,
    layout: dict[int, tuple[float, float]] | None = None,
) -> ThemeMap:
    """Glyphs and layout for `theme_overview`'s nodes and edges; `colour_of` and `label_of`
    give each group's ring colour and short label by group id. `layout`, when given, is
    `theme_layout`'s result worked out already (the app does that off the UI thread)."""
    biggest = max((n.notes for n in nodes), default=1)
    glyphs = {
        n.cluster_id: ThemeGlyph(
            n,
            radius(n.notes, biggest),
            [colour_of.get(g, BORDER) for g in n.groups],
            [label_of.get(g, "?") for g in n.groups],
            font,
            name_width,
        )
        for n in nodes
    }
    if layout is None:
        layout = tg.theme_layout(list(nodes), list(edges), min_distance=min_distance)
    return ThemeMap(glyphs, shown_edges(edges, len(nodes)), layout)


@dataclass(frozen=True)
class Placement:
    unit: float  # device units per map unit
    centres: dict[int, tuple[float, float]]  # theme -> its centre in device units


# `place` starts at the largest size at which the themes' ink could cover about this share of
# the target (more would leave no room between them), and shrinks by `SHRINK` while they do not
# fit, `TRIES` times at most; each theme tries `SPOTS` spots around its place in the layout.
FILL = 0.45
SHRINK = 0.9
SPOTS = 300
TRIES = 16  # sizes tried before the last, which puts a theme without room over another
# At a size above the smallest readable one, this share of the themes (or this many) may go
# far from their place in the layout, to wherever there is room.
# Together, their searches look at no more than FAR_WORK spots per theme.
FAR_SHARE, FAR_LEAST, FAR_WORK = 20, 3, 40
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def place(
    themes: ThemeMap, target: QRectF, *, max_unit: float, min_unit: float | None = None
) -> Placement:
    """Where each theme goes in `target` (device units), and how big: `max_unit` device units
    per map unit, smaller where themes would run into each other, but not below `min_unit`
    while they fit there (a name too small to read helps nobody); when so many themes cannot
    fit even at `min_unit`, smaller still rather than over each other (on paper or in a PDF
    viewer's zoom, small print can be read, names printed over each other cannot).

    Themes are packed one by one, from the middle of the layout out: each keeps its place in
    the layout when nothing there is drawn yet, or takes the nearest free spot around it (a grid
    finds what is already drawn near a spot). So no two themes' ink overlaps, the same map
    always gives the same picture, and the time grows with the number of themes, not its
    square. When a theme finds no free spot, the whole map is tried a size smaller."""
    least = max_unit / 4 if min_unit is None else min_unit
    if not themes.glyphs:
        return Placement(max_unit, {})
    ink = sum(r.width() * r.height() for g in themes.glyphs.values() for r in g.parts())
    room = target.width() * target.height()
    fits = math.sqrt(FILL * room / ink) if ink > 0 else max_unit
    # So many themes that their ink alone would cover the target at `least`: they cannot fit
    # there, start where they could.
    unit = min(max_unit, fits if ink * least * least > room else max(least, fits))
    for _ in range(TRIES):
        # A few themes may go far from their place in the layout; at the smallest readable
        # size as many as need to, before the names get smaller still.
        far = None if unit <= least else max(FAR_LEAST, len(themes.glyphs) // FAR_SHARE)
        centres = _packed(themes, target, unit, far=far)
        if centres is not None:
            return Placement(unit, centres)
        unit = max(unit * SHRINK, least) if unit > least else unit * SHRINK
    return Placement(unit, _packed(themes, target, unit, far=None, last=True) or {})


def _packed(
    themes: ThemeMap, target: QRectF, unit: float, *, far: int | None, last: bool = False
) -> dict[int, Point] | None:
    """The themes packed at `unit` as `place` says, or None when they do not fit. A theme
    without a free spot among its own takes the nearest free spot anywhere in the target, `far`
    of them at most (None: any number); on the `last` try a theme with no free spot at all goes
    where the layout put it, over another."""
    parts = {i: [_scaled(r, unit) for r in g.parts()] for i, g in themes.glyphs.items()}
    boxes = {i: _union(p) for i, p in parts.items()}
    # The centres sit in what is left of `target` once every glyph fits inside it.
    left = target.x() - min(b[0] for b in boxes.values())
    top = target.y() - min(b[1] for b in boxes.values())
    right = target.right() - max(b[2] for b in boxes.values())
    bottom = target.bottom() - max(b[3] for b in boxes.values())
    if right < left or bottom < top:  # a single theme wider than the target: centre it
        left = right = (left + right) / 2
        top = bottom = (top + bottom) / 2
    wanted = _fitted(themes.layout, (left, top, right, bottom))
    gap = unit / 2  # between two themes' ink, so that they never touch
    cell = max(max(b[2] - b[0], b[3] - b[1]) for b in boxes.values()) + gap
    step = min(b[3] - b[1] for b in boxes.values()) / 6
    spots = _spiral(step, SPOTS)
    mx, my = (left + right) / 2, (top + bottom) / 2
    order = sorted(wanted, key=lambda i: ((wanted[i][0] - mx) ** 2 + (wanted[i][1] - my) ** 2, i))
    grid: dict[tuple[int, int], list[Box]] = {}

    def free(i: int, x: float, y: float) -> bool:
        if not (left <= x <= right and top <= y <= bottom):
            return False
        b = boxes[i]
        for gx in range(math.floor((x + b[0]) / cell), math.floor((x + b[2]) / cell) + 1):
            for gy in range(math.floor((y + b[1]) / cell), math.floor((y + b[3]) / cell) + 1):
                for q in grid.get((gx, gy), ()):
                    for p in parts[i]:
                        if (
                            x + p[0] < q[2] + gap
                            and q[0] < x + p[2] + gap
                            and y + p[1] < q[3] + gap
                            and q[1] < y + p[3] + gap
                        ):
                            return False
        return True

    lattice = _Lattice((left, top, right, bottom), 2 * step, step)
    budget = [FAR_WORK * len(order)]  # spots the far searches may look at, all together
    centres: dict[int, Point] = {}
    for i in order:
        x, y = wanted[i]
        spot = next(((x + sx, y + sy) for sx, sy in spots if free(i, x + sx, y + sy)), None)
        if spot is None and (far is None or far > 0):
            spot = lattice.nearest((x, y), partial(free, i), budget)
            if far is not None:
                far -= 1
        if spot is None:
            if not last:
                return None
            spot = (x, y)
        centres[i] = spot
        for p in parts[i]:
            placed = (spot[0] + p[0], spot[1] + p[1], spot[0] + p[2], spot[1] + p[3])
            for gx in range(math.floor(placed[0] / cell), math.floor(placed[2] / cell) + 1):
                for gy in range(math.floor(placed[1] / cell), math.floor(placed[3] / cell) + 1):
                    grid.setdefault((gx, gy), []).append(placed)
    return {i: centres[i] for i in themes.glyphs}


def _spiral(step: float, count: int) -> list[Point]:
    """`count` spots around (0, 0), nearest first, evenly spread (a sunflower's seeds); a
    little wider than tall, as a theme's name is."""
    return [
        (
            1.6 * step * math.sqrt(k) * math.cos(k * GOLDEN_ANGLE),
            step * math.sqrt(k) * math.sin(k * GOLDEN_ANGLE),
        )
        for k in range(count)
    ]


class _Lattice:
    """Spots `dx` apart across and `dy` down over `inner`, searched ring by ring around a
    point: the free one nearest it, without sorting them all."""

    def __init__(self, inner: Box, dx: float, dy: float) -> None:
        self.left, self.top = inner[0], inner[1]
        self.dx, self.dy = max(dx, 1e-6), max(dy, 1e-6)
        self.cols = int((inner[2] - inner[0]) / self.dx) + 1
        self.rows = int((inner[3] - inner[1]) / self.dy) + 1

    def nearest(
        self, near: Point, free: Callable[[float, float], bool], budget: list[int]
    ) -> Point | None:
        """The free spot nearest `near`, looking at `budget[0]` spots at most (and taking
        those it looked at off it); None when none is free or the budget ran out first."""
        col = min(max(round((near[0] - self.left) / self.dx), 0), self.cols - 1)
        row = min(max(round((near[1] - self.top) / self.dy), 0), self.rows - 1)
        best: tuple[float, Point] | None = None
        for ring in range(max(self.cols, self.rows)):
            # A spot in a farther ring is at least this far: stop once the best is nearer.
            if best is not None and best[0] <= (ring * min(self.dx, self.dy)) ** 2:
                break
            for c, r in self._ring(col, row, ring):
                x, y = self.left + c * self.dx, self.top + r * self.dy
                d = (x - near[0]) ** 2 + (y - near[1]) ** 2
                if best is not None and (d, (x, y)) >= best:
                    continue
                if budget[0] <= 0:
                    return None
                budget[0] -= 1
                if free(x, y):
                    best = (d, (x, y))
        return None if best is None else best[1]

    def _ring(self, col: int, row: int, ring: int) -> list[tuple[int, int]]:
        if ring == 0:
            cells = [(col, row)]
        else:
            cells = [(col + k, row - ring) for k in range(-ring, ring + 1)]
            cells += [(col + k, row + ring) for k in range(-ring, ring + 1)]
            cells += [(col - ring, row + k) for k in range(-ring + 1, ring)]
            cells += [(col + ring, row + k) for k in range(-ring + 1, ring)]
        return [(c, r) for c, r in cells if 0 <= c < self.cols and 0 <= r < self.rows]


def paint_map(
    painter: QPainter,
    target: QRectF,
    themes: ThemeMap,
    *,
    max_unit: float,
    min_unit: float | None = None,
    backdrop: QColor | None = None,
) -> Placement:
    """Paint the whole map into `target` as `place` arranges it; returns that placement."""
    placed = place(themes, target, max_unit=max_unit, min_unit=min_unit)
    unit, centres = placed.unit, placed.centres
    painter.save()
    for edge in themes.edges:
        painter.setPen(edge_pen(edge, unit))
        painter.drawLine(QPointF(*centres[edge.a]), QPointF(*centres[edge.b]))
    # Names last, over every disc: where two themes still touch, both names stay whole.
    for labels in (False, True):
        for cid, glyph in themes.glyphs.items():
            painter.save()
            painter.translate(*centres[cid])
            painter.scale(unit, unit)
            if labels:
                glyph.paint_labels(painter, backdrop)
            else:
                glyph.paint_disc(painter)
            painter.restore()
    painter.restore()
    return placed


Box = tuple[float, float, float, float]  # left, top, right, bottom, relative to a centre
Point = tuple[float, float]


def _scaled(rect: QRectF, unit: float) -> Box:
    return (rect.left() * unit, rect.top() * unit, rect.right() * unit, rect.bottom() * unit)


def _union(boxes: Sequence[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _fitted(layout: dict[int, tuple[float, float]], inner: Box) -> dict[int, Point]:
    """The layout stretched to fill `inner` (each axis on its own: a page is wider than tall)."""
    xs = [x for x, _ in layout.values()]
    ys = [y for _, y in layout.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    left, top, right, bottom = inner
    out = {}
    for cid, (x, y) in layout.items():
        fx = (x - x0) / (x1 - x0) if x1 > x0 else 0.5
        fy = (y - y0) / (y1 - y0) if y1 > y0 else 0.5
        out[cid] = (left + fx * (right - left), top + fy * (bottom - top))
    return out
