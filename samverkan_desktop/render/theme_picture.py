"""The theme map drawn with QPainter: shared by the app's Temakarta dock and the PDF report.

Each top-level theme is a disc sized by its notes, ringed by the colours of the groups that
raised it, with its name and the groups' short labels under it (colour is never the only cue).
A solid line joins two themes whose notes are linked; a dashed one joins themes that the same
groups raised. Sizes are in map units: in the app one unit is a screen pixel (themes keep their
size at any zoom); in the PDF the page decides how big a unit is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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
) -> ThemeMap:
    """Glyphs and layout for `theme_overview`'s nodes and edges; `colour_of` and `label_of`
    give each group's ring colour and short label by group id."""
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
    layout = tg.theme_layout(list(nodes), list(edges), min_distance=min_distance)
    return ThemeMap(glyphs, shown_edges(edges, len(nodes)), layout)


@dataclass(frozen=True)
class Placement:
    unit: float  # device units per map unit
    centres: dict[int, tuple[float, float]]  # theme -> its centre in device units


def place(
    themes: ThemeMap, target: QRectF, *, max_unit: float, min_unit: float | None = None
) -> Placement:
    """Where each theme goes in `target` (device units), and how big: `max_unit` device units
    per map unit, smaller where themes would run into each other, but never below `min_unit`
    (a name too small to read helps nobody; two names touching can still be told apart)."""
    least = max_unit / 4 if min_unit is None else min_unit
    unit = max_unit
    centres: dict[int, Point] = {}
    while themes.glyphs:
        parts = {i: [_scaled(r, unit) for r in g.parts()] for i, g in themes.glyphs.items()}
        boxes = {i: _union(p) for i, p in parts.items()}
        # The centres sit in what is left of `target` once every glyph fits inside it.
        inner = (
            target.x() - min(b[0] for b in boxes.values()),
            target.y() - min(b[1] for b in boxes.values()),
            target.right() - max(b[2] for b in boxes.values()),
            target.bottom() - max(b[3] for b in boxes.values()),
        )
        centres = _spread_out(_fitted(themes.layout, inner), parts, boxes, inner)
        if unit <= least or not _collisions(centres, parts, boxes):
            break
        unit = max(unit * 0.9, least)
    return Placement(unit, centres)


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
    left, top, right, bottom = inner
    out = {}
    for cid, (x, y) in layout.items():
        fx = (x - min(xs)) / (max(xs) - min(xs)) if max(xs) > min(xs) else 0.5
        fy = (y - min(ys)) / (max(ys) - min(ys)) if max(ys) > min(ys) else 0.5
        out[cid] = (left + fx * (right - left), top + fy * (bottom - top))
    return out


def _hit(a: Point, pa: Sequence[Box], b: Point, pb: Sequence[Box]) -> bool:
    return any(
        a[0] + p[0] < b[0] + q[2]
        and b[0] + q[0] < a[0] + p[2]
        and a[1] + p[1] < b[1] + q[3]
        and b[1] + q[1] < a[1] + p[3]
        for p in pa
        for q in pb
    )


def _pairs(centres: dict[int, Point], boxes: dict[int, Box]) -> list[tuple[int, int]]:
    """Pairs whose bounding boxes meet (a sweep along x: most pairs are far apart)."""
    order = sorted(centres, key=lambda i: (centres[i][0] + boxes[i][0], i))
    out = []
    for k, a in enumerate(order):
        right = centres[a][0] + boxes[a][2]
        for b in order[k + 1 :]:
            if centres[b][0] + boxes[b][0] >= right:
                break
            if (
                centres[a][1] + boxes[a][1] < centres[b][1] + boxes[b][3]
                and centres[b][1] + boxes[b][1] < centres[a][1] + boxes[a][3]
            ):
                out.append((a, b))
    return out


def _collisions(
    centres: dict[int, Point], parts: dict[int, list[Box]], boxes: dict[int, Box]
) -> list[tuple[int, int]]:
    pairs = _pairs(centres, boxes)
    return [(a, b) for a, b in pairs if _hit(centres[a], parts[a], centres[b], parts[b])]


def _spread_out(
    centres: dict[int, Point],
    parts: dict[int, list[Box]],
    boxes: dict[int, Box],
    inner: Box,
    rounds: int = 200,
) -> dict[int, Point]:
    """Push apart themes whose ink overlaps, each pair by the shortest move that clears the
    parts that meet (often a name and a disc: a small step up or down), staying inside
    `inner`; what still overlaps after `rounds` is left."""
    pos = {i: [x, y] for i, (x, y) in centres.items()}
    left, top, right, bottom = inner
    for _ in range(rounds):
        hits = _collisions({i: (p[0], p[1]) for i, p in pos.items()}, parts, boxes)
        if not hits:
            break
        for a, b in hits:
            dx, dy = _separation(pos[a], parts[a], pos[b], parts[b])
            # A hair more than half each, so that the pair does not meet again at the edge.
            pos[a][0] -= dx * 0.51
            pos[a][1] -= dy * 0.51
            pos[b][0] += dx * 0.51
            pos[b][1] += dy * 0.51
        for p in pos.values():
            p[0] = min(max(p[0], left), right)
            p[1] = min(max(p[1], top), bottom)
    return {i: (p[0], p[1]) for i, p in pos.items()}


def _separation(
    a: Sequence[float], pa: Sequence[Box], b: Sequence[float], pb: Sequence[Box]
) -> Point:
    """The shortest move of b away from a (as (dx, dy), one of them 0) that clears the most
    deeply overlapping pair of their parts."""
    best: Point = (0.0, 0.0)
    worst = 0.0
    for p in pa:
        for q in pb:
            ax0, ay0, ax1, ay1 = a[0] + p[0], a[1] + p[1], a[0] + p[2], a[1] + p[3]
            bx0, by0, bx1, by1 = b[0] + q[0], b[1] + q[1], b[0] + q[2], b[1] + q[3]
            over_x = min(ax1, bx1) - max(ax0, bx0)
            over_y = min(ay1, by1) - max(ay0, by0)
            if over_x <= 0 or over_y <= 0:
                continue
            # Move b right if its part's centre is right of a's (ties: by order), else left.
            sx = 1.0 if (bx0 + bx1, 1) >= (ax0 + ax1, 0) else -1.0
            sy = 1.0 if (by0 + by1, 1) >= (ay0 + ay1, 0) else -1.0
            move_x = (ax1 - bx0) if sx > 0 else (bx1 - ax0)
            move_y = (ay1 - by0) if sy > 0 else (by1 - ay0)
            step = (sx * move_x, 0.0) if move_x <= move_y else (0.0, sy * move_y)
            if min(move_x, move_y) > worst:
                worst, best = min(move_x, move_y), step
    return best
