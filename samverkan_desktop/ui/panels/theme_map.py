"""Temakarta: the workshop's themes as a map in a dock.

Each top-level cluster is a circle sized by its notes, ringed by the colours of the groups that
raised it (with their short labels beside it, so colour is never the only cue). A solid line
joins two themes whose notes are linked; a dashed one joins themes that the same groups raised.
The layout is seeded, so the map looks the same each time. Clicking a theme selects it on the
board. The map follows the document, redrawn a moment after the last change: the graph and the
layout are worked out on a worker thread from a snapshot of the document (`compute_map`), and
only the drawing happens on the UI thread; a newer change supersedes a computation still running.
The drawing itself is render/theme_picture's, which paints the same map into the PDF report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# numpy is imported here, on the UI thread, before any worker (the theme map's, the
# suggestions') needs it: two threads importing it at once can see it half made.
import numpy  # noqa: F401
import shiboken6
from PySide6.QtCore import QObject, QRectF, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from ...core import model as m
from ...core.analysis import graph as tg
from ...render import theme_picture as tp
from .. import plaintext
from ..board import palette as pal
from ..document import DocumentModel

# Half the width of the map, in scene units, grows with the number of themes; the themes
# themselves keep their size on screen (they ignore the view's zoom), so names stay readable.
SPREAD_BASE, SPREAD_PER_THEME = 120.0, 45.0
# The map shrinks to fit its dock down to this scale; below it the dock scrolls, since the themes
# keep their size and would run into each other.
MIN_FIT_SCALE = 0.85
REFRESH_MS = 400


@dataclass(frozen=True)
class MapData:
    """What the map shows, worked out from a snapshot of the document, without Qt."""

    groups: tuple[m.Group, ...]
    nodes: list[tg.ThemeNode]
    edges: list[tg.ThemeEdge]  # only those worth a line (`theme_picture.shown_edges`)
    shared_least: int  # groups two themes share for a dashed line
    layout: dict[int, tuple[float, float]]  # in layout units: times `spread` on the scene
    spread: float
    unclustered: list[int]
    unlinked: list[int]
    bridging: dict[int, set[int]]


def compute_map(document: m.Document) -> MapData:
    """The graph, the themes and their layout: the slow part, run on a worker thread."""
    # Plain indexes of the document, not its networkx graph: the graph's edge views, walked
    # note by note, took a second at 10,000 notes.
    index = tg.theme_index(document)
    # Not every pair of themes that share a group (nearly the square of the themes): the map
    # and its layout look at the strongest few only.
    nodes, edges = tg.theme_overview(index, strongest=tp.shared_needed(len(index.tops)))
    spread = SPREAD_BASE + SPREAD_PER_THEME * math.sqrt(len(nodes))
    # Room for a theme's name between two themes, in layout units.
    layout = tg.theme_layout(nodes, edges, min_distance=tp.LABEL_ROOM / spread)
    # Sorting the shared pairs (up to the square of the themes) is done here, not on the UI
    # thread; drawing these again picks the same ones.
    least = tp.shared_threshold(edges, len(nodes))
    return MapData(
        document.groups,
        nodes,
        [e for e in edges if e.kind == "link" or e.weight >= least],
        least,
        layout,
        spread,
        tg.unclustered_notes(index),
        tg.unlinked_notes(index),
        tg.bridging_notes(index),
    )


class ThemeItem(QGraphicsItem):
    """One theme on the map, drawn by the glyph the PDF report draws too; reports clicks."""

    def __init__(self, glyph: tp.ThemeGlyph) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.glyph = glyph
        self.node = glyph.node
        self.labels = glyph.labels
        self.selected = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            plaintext.tooltip(f"{self.node.name}\n{self.node.notes} lappar · {glyph.groups}")
        )

    def boundingRect(self) -> QRectF:
        return self.glyph.bounding_rect()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self.glyph.paint(painter, self.selected, pal.BOARD_BACKGROUND)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if isinstance(scene, ThemeScene) and event.button() == Qt.MouseButton.LeftButton:
            scene.activate(self.node.cluster_id)
            event.accept()
            return
        super().mousePressEvent(event)


class ThemeScene(QGraphicsScene):
    themeActivated = Signal(int)

    def __init__(self, doc: DocumentModel) -> None:
        super().__init__()
        self.doc = doc
        self.items_by_theme: dict[int, ThemeItem] = {}
        self.selected: int | None = None
        self.shared_least = tg.SHARED_MIN_GROUPS  # groups two themes share for a dashed line
        # What the map cannot show: notes outside clusters, those linked to nothing at all, and
        # notes that join themes (by links or "also relates to").
        self.unclustered: list[int] = []
        self.unlinked: list[int] = []
        self.bridging: dict[int, set[int]] = {}
        self.setBackgroundBrush(pal.BOARD_BACKGROUND)

    def activate(self, cluster_id: int) -> None:
        self.selected = cluster_id
        for cid, item in self.items_by_theme.items():
            item.selected = cid == cluster_id
            item.update()
        self.themeActivated.emit(cluster_id)

    def rebuild(self, data: MapData) -> None:
        """Draw `data` (on the UI thread): glyphs, lines, and the facts beside the map."""
        self.clear()
        self.items_by_theme = {}
        nodes, edges, spread = data.nodes, data.edges, data.spread
        self.unclustered = data.unclustered
        self.unlinked = data.unlinked
        self.bridging = data.bridging
        order = {g.id: self.doc.group_index(g.id) for g in data.groups}
        self.shared_least = data.shared_least
        themes = tp.theme_map(
            nodes,
            edges,
            {g.id: pal.hue(order.get(g.id) or 0) for g in data.groups},
            pal.group_labels(data.groups),
            layout=data.layout,
        )
        positions = themes.layout
        for edge in themes.edges:
            a, b = positions[edge.a], positions[edge.b]
            line = QGraphicsLineItem(a[0] * spread, a[1] * spread, b[0] * spread, b[1] * spread)
            pen = tp.edge_pen(edge)
            pen.setCosmetic(True)
            line.setPen(pen)
            line.setZValue(-1)
            line.setToolTip(
                self.tr("%n länkar", "", edge.weight)
                if edge.kind == "link"
                else self.tr("%n grupper tog upp båda", "", edge.weight)
            )
            self.addItem(line)
        for cid, glyph in themes.glyphs.items():
            item = ThemeItem(glyph)
            x, y = positions[cid]
            item.setPos(x * spread, y * spread)
            item.selected = cid == self.selected
            self.addItem(item)
            self.items_by_theme[cid] = item
        self.setSceneRect(self.itemsBoundingRect().adjusted(-70, -50, 70, 70))


class ThemeMapView(QGraphicsView):
    def __init__(self, scene: ThemeScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setMinimumSize(420, 300)

    def fit(self) -> None:
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            scale = self.transform().m11()
            if scale > 1.0 or scale < MIN_FIT_SCALE:
                self.resetTransform()
                if scale < MIN_FIT_SCALE:
                    self.scale(MIN_FIT_SCALE, MIN_FIT_SCALE)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit()

    def wheelEvent(self, event: object) -> None:
        delta = event.angleDelta().y()  # type: ignore[attr-defined]
        factor = 1.15 if delta > 0 else 1 / 1.15
        self.scale(factor, factor)


class _Signals(QObject):
    done = Signal(int, object)  # the computation's number, its MapData (None: it failed)


class _Computation(QRunnable):
    """`compute_map` on a pool thread; the result goes back to the UI thread as a signal."""

    def __init__(self, number: int, document: m.Document, signals: _Signals) -> None:
        super().__init__()
        self.number, self.document, self.signals = number, document, signals

    def run(self) -> None:
        try:
            data: MapData | None = compute_map(self.document)
        except Exception:  # the map says it could not be drawn; the board goes on
            data = None
        self.signals.done.emit(self.number, data)


class ThemeMapDock(QDockWidget):
    """The dock; `themeActivated(cluster_id)` when a theme is clicked."""

    themeActivated = Signal(int)

    def __init__(self, doc: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("themeMapDock")
        self.setWindowTitle(self.tr("Temakarta"))
        self.doc = doc
        self.map_scene = ThemeScene(doc)
        self.map_scene.themeActivated.connect(self.themeActivated)
        self.view = ThemeMapView(self.map_scene)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.legend = QWidget()
        self.legend_layout = QHBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            doc.notesChanged,
            doc.notesRemoved,
            doc.clustersChanged,
            doc.clustersRemoved,
            doc.groupsChanged,
        ):
            signal.connect(self._schedule)
        doc.linksChanged.connect(self._schedule)
        doc.themesChanged.connect(self._schedule)
        self.visibilityChanged.connect(lambda shown: self.refresh() if shown else None)
        self._dirty = True
        # One computation at a time, on a thread of the dock's own; `_number` counts the
        # snapshots taken, and only the newest one's map is drawn.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._computed)
        self._number = 0
        self._running = False

    def _schedule(self, *_args: object) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        """Start working out the map from the document as it is now, unless the map is up to
        date; while an older computation runs, this one waits for it and supersedes it."""
        if not self._dirty and (self.map_scene.items() or self._running):
            return
        if self._running:
            return  # `_computed` starts again: `_dirty` says the document changed since
        self._dirty = False
        self._number += 1
        self._running = True
        self._pool.start(_Computation(self._number, self.doc.snapshot(), self._signals))

    def _computed(self, number: int, data: MapData | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._running = False
        if number != self._number or self._dirty:
            if self.isVisible():
                self._dirty = True
                self.refresh()  # the document changed meanwhile: this map is already old
            return
        if data is None:
            self.facts.setText(self.tr("Temakartan kunde inte ritas för det här dokumentet."))
            return
        self.map_scene.rebuild(data)
        scene = self.map_scene
        facts = self.tr("%n lappar utan kluster", "", len(scene.unclustered))
        if scene.unclustered:
            facts += self.tr(", %n av dem utan någon koppling", "", len(scene.unlinked))
        facts += ". " + self.tr("%n lappar knyter ihop teman.", "", len(scene.bridging))
        self.facts.setText(facts)
        self.hint.setText(
            self.tr(
                "Heldragen linje: länkade lappar. Streckad: minst {n} grupper tog upp båda."
            ).format(n=self.map_scene.shared_least)
        )
        self._fill_legend()
        self.view.fit()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for a computation still running (tests, and before the dock goes)."""
        return bool(self._pool.waitForDone(msecs))

    def _fill_legend(self) -> None:
        while self.legend_layout.count():
            item = self.legend_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        groups = sorted(self.doc.groups.values(), key=lambda g: (g.position, g.id))
        labels = pal.group_labels(groups)
        for group in groups:
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            colour = pal.hue(self.doc.group_index(group.id) or 0).name()
            swatch.setStyleSheet(f"background: {colour}; border-radius: 6px;")
            text = QLabel(labels[group.id])
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setToolTip(plaintext.tooltip(group.name))
            self.legend_layout.addWidget(swatch)
            self.legend_layout.addWidget(text)
        self.legend_layout.addStretch(1)
