"""Issue 10's figures at 1k/10k/40k notes in ONE table: each beside a floor measured in the same
run, the ratio to it, and the issue's target with ok/MISS.

Not a test: machines differ (the test suite runs `--quick` and checks only that every figure is
there). The workshops are made here: the seed's clauses recombined
(`core.analysis.evaluation.recombined_document`), about half of each group's notes in clusters
of nine (frames in the group's column, notes inside below the title, laid out by
`core.layout.layout_document`), written with `Store.add_document` and exported as JSON.

The board figures run in a fresh interpreter per size (so that its peak memory is its own),
three of them up to 10,000 notes (one above, and with --quick; `--board-runs`), each number of
a figure the median of those runs (`median_of_runs`: this machine's speed varies by half from
one run to the next; the slow commands, suggest, pdf and import, likewise run three times up to
10,000 notes, `--runs`): the board (DocumentModel + BoardScene + BoardView + BoardActions in a
window, with the search, clusters and progress panels, the outline panel in a hidden dock and
an undo action on Ctrl+Z, as the main window has them; the notes out of view given their
items after the first paint and the garbage collector frozen once they all have one, as
ui/workspace.py does from LATER_FROM and FREEZE_FROM notes) is opened and painted, and once
every note has its item ("open_whole"), every gesture goes through the view's viewport with
QTest's mouse and keys. Each gesture is timed
from the event that commits it (the mouse release of a drag or drop, Ctrl+G, the Enter that
ends a rename, Ctrl+Z) with the event loop running as in the program, and reported three ways
beside the same floor:

- "committed and repainted": until the board's first paint after that event ends (the view's
  drawForeground, after every item is drawn): the command, the store, the model, the scene and
  whatever else ran before Qt painted (the search panel follows the model's signals at once;
  the clusters list and the progress counter a turn later, after the paint);
- "the store's part": from the start of the outermost transaction to its commit, before
  the UI hears of it (the rows' Python work, SQLAlchemy, SQLite);
- "until the panels have settled": until the event loop is idle again (group headers, panels,
  any further paint).

The press and moves of a drag before the release, and F2 and the typed name before the Enter
of a rename, are not counted in these (each is a frame of its own). Floors:

- open and paint: a bare QGraphicsScene of the same rects + text (rows read with raw sqlite3),
  shown in a view of the same size at the same zoom;
- each gesture: a raw sqlite3 write (one transaction, the store's pragmas) of the rows that
  gesture changed (as the store reported them), into a copy of the file, each write after a
  pause as the gesture's own follows the user's input (`paused_median`);
- search keystroke: `word in text` over every note's folded text;
- theme map: UI thread = taking the snapshot + drawing the map (the dock's `refresh` and
  `_computed`, the latter timed by connecting it through a timer) + a paint; its floor a bare
  scene of as many circles, names and lines; worker = `compute_map`, its floor one walk over
  the notes counting each theme's notes and groups;
- CLI commands (fresh interpreters; peak memory by wait4): `suggest --all --json` beside
  tokenising every note (core.analysis.text.words), `export --format pdf` beside the same notes
  as a plain QTextDocument PDF, `import x.json --into new.samverkan` beside raw sqlite3
  executemany of the same rows, `info` beside `python -c pass` and `import sqlalchemy.orm`;
  memory beside the board process before anything was opened, or `import sqlalchemy.orm`.

`BENCH_GESTURES_ONLY=1` ends the board process after the gestures (a quick loop while
working on them: `--app-child FILE OUT` on a workshop written once).

A figure that fails (an exception, a crash, a command that exits non-zero) is printed as
"error" and the reason follows the table.

    .venv/bin/python bench/bench_scale.py [--sizes 1000,10000,40000] [--quick] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import gc
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core import store_file  # noqa: E402
from samverkan_desktop.core.analysis.evaluation import recombined_document  # noqa: E402
from samverkan_desktop.core.importers import read_source  # noqa: E402
from samverkan_desktop.core.layout import layout_document  # noqa: E402
from samverkan_desktop.core.store import Store  # noqa: E402

SHARED_SEED = REPO.parent / "shared" / "seeds" / "000_a92cbaa44183fa4f.txt"
SAMPLE = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
SEED = SHARED_SEED if SHARED_SEED.exists() else SAMPLE
SIZES = (1_000, 10_000, 40_000)
WORD = "motesplats"
WINDOW = (1400, 900)
# Runs of each gesture (each with its floor, three writes): a commit's fsync varies from 1 to 20 ms
# from one moment to the next on a shared disk, so a median of three was still a draw.
GESTURE_RUNS = 5

# figure key -> (label, unit, what the floor is)
FIGURES: dict[str, tuple[str, str, str]] = {
    "open": ("open until the board is painted", "s", "bare scene: read, build, show, paint"),
    "open_whole": (
        "- until every note has its item (and the collector's pass)",
        "s",
        "bare scene: read, build, show, paint",
    ),
    "paint_fit": ("paint, zoomed to fit", "ms", "bare scene painted at the same zoom"),
    "paint_100": ("paint at 100 %", "ms", "bare scene painted at 100 %"),
    "drag": ("drag one note", "ms", "raw sqlite3 write of the rows changed"),
    "drop": (
        "drop a note into a frame (grows, pushes)",
        "ms",
        "raw sqlite3 write of the rows changed",
    ),
    "group": ("Ctrl+G on 20 notes", "ms", "raw sqlite3 write of the rows changed"),
    "rename": ("rename a cluster (F2, type, Enter)", "ms", "raw sqlite3 write of the rows changed"),
    "undo": ("undo the drop (Ctrl+Z)", "ms", "raw sqlite3 write of the rows changed"),
    "search": ("one search keystroke", "ms", "`word in text` over folded texts"),
    "search_slowest": (
        "- the slowest of those keystrokes",
        "ms",
        "`word in text` over folded texts",
    ),
    "theme_ui": ("theme map update, UI thread", "ms", "bare scene of the circles, names, lines"),
    "theme_worker": ("theme map update, worker", "ms", "one walk counting notes per theme"),
    "memory_app": ("peak memory, board (open + gestures)", "MB", "the same process before opening"),
    "suggest": ("suggest --all --json", "s", "tokenising every note once"),
    "memory_suggest": ("peak memory, suggest", "MB", "python -c 'import sqlalchemy.orm'"),
    "pdf": ("export --format pdf", "s", "the notes as a plain QTextDocument PDF"),
    "memory_pdf": ("peak memory, export pdf", "MB", "python -c 'import sqlalchemy.orm'"),
    "import": ("import of a JSON export", "s", "raw sqlite3 executemany of the same rows"),
    "memory_import": ("peak memory, import", "MB", "python -c 'import sqlalchemy.orm'"),
    "info_pass": ("cold CLI start: info", "s", "python -c pass"),
    "info_orm": ("cold CLI start: info", "s", "python -c 'import sqlalchemy.orm'"),
    "memory_info": ("peak memory, info", "MB", "python -c 'import sqlalchemy.orm'"),
}
GESTURES = ("drag", "drop", "group", "rename", "undo")
STORE_PART = "- of which the store's part (to commit)"
SETTLED = "- until the panels have settled"
# After each gesture (committed and repainted), the part of it spent in the store (the rows'
# Python work, SQLAlchemy, SQLite) and the time until everything it set off is done (group
# headers, panels), each beside the same floor.
FIGURES = {
    k: v
    for key, figure in FIGURES.items()
    for k, v in [(key, figure)]
    + (
        [
            (f"{key}_store", (STORE_PART, "ms", figure[2])),
            (f"{key}_settled", (SETTLED, "ms", figure[2])),
        ]
        if key in GESTURES
        else []
    )
}
APP_FIGURES = (
    "open",
    "open_whole",
    "paint_fit",
    "paint_100",
    "drag",
    "drop",
    "group",
    "rename",
    "undo",
    "search",
    "search_slowest",
    "theme_ui",
    "theme_worker",
    "memory_app",
)


def target(key: str, n: int) -> tuple[float | None, float | None, str]:
    """(most value, most ratio, as printed) the issue sets for `key` at `n` notes: the 10k targets
    hold up to 10k, at more only the gestures' 200 ms and the cold start (else: it works)."""
    if key.startswith("info"):
        return 0.4, None, "<= 0.4 s"
    if key.endswith("_store"):
        return (None, 3.0, "<= 3x") if n <= 10_000 else (None, None, "works")
    if key.endswith("_settled"):
        return (50.0, None, "<= 50 ms") if n <= 10_000 else (200.0, None, "<= 200 ms")
    if n > 10_000:
        if key in GESTURES:
            return 200.0, None, "<= 200 ms"
        return None, None, "works"
    limits: dict[str, tuple[float | None, float | None, str]] = {
        "open": (1.5, None, "<= 1.5 s"),
        "paint_fit": (16.0, None, "<= 16 ms"),
        "paint_100": (16.0, None, "<= 16 ms"),
        "search": (30.0, None, "<= 30 ms"),
        "search_slowest": (30.0, None, "<= 30 ms"),
        "theme_ui": (100.0, None, "<= 100 ms"),
        "suggest": (5.0, None, "<= 5 s"),
        "pdf": (10.0, None, "<= 10 s"),
        "import": (2.0, None, "<= 2 s"),
    }
    if key in GESTURES:
        return 50.0, 3.0, "<= 50 ms, <= 3x"
    if key.startswith("memory"):
        return 300.0, None, "<= 300 MB"
    return limits.get(key, (None, None, "works"))


# ----------------------------------------------------------------------------- the workshops
def workshop(seed: m.Document, n: int) -> m.Document:
    """`n` recombined notes; about half of each group's notes in clusters of nine that belong to
    the group (frames at the top of its column, the notes inside them), laid out as an import."""
    doc = recombined_document(seed, n, seed=1)
    notes = list(doc.notes)
    by_group: dict[int | None, list[int]] = {}
    for index, note in enumerate(notes):
        by_group.setdefault(note.group_id, []).append(index)
    clusters: list[m.Cluster] = []
    for group_id, indices in by_group.items():
        half = indices[: len(indices) // 2]
        for start in range(0, len(half) - 8, 9):
            cid = len(clusters) + 1
            first = notes[half[start]].text.split()[:3]
            clusters.append(
                m.Cluster(id=cid, name=" ".join(first) or f"Tema {cid}", group_id=group_id)
            )
            for i in half[start : start + 9]:
                notes[i] = dataclasses.replace(notes[i], cluster_id=cid)
    return layout_document(dataclasses.replace(doc, clusters=tuple(clusters), notes=tuple(notes)))


def write_workshop(doc: m.Document, path: Path) -> None:
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)


# ----------------------------------------------------------------------------- small helpers
def median(action: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls, in ms."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# A commit that follows the last one at once is about a third faster on this disk than one after
# a pause of 5 ms or more (bench/bench_write_pause.py prints both). A gesture's own commit always
# follows the user's input, so each of its floor's writes follows a pause too.
FLOOR_PAUSE = 0.05


def paused_median(action: Callable[[], object], runs: int, pause: float = FLOOR_PAUSE) -> float:
    """Median wall time of `runs` calls, in ms, each call `pause` seconds after the last."""
    times = []
    for _ in range(runs):
        time.sleep(pause)
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _sql(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def raw_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the store's pragmas (rollback journal, synchronous=FULL)."""
    con = sqlite3.connect(path, isolation_level=None)
    store_file.on_connect(con, None)
    return con


def raw_write(
    con: sqlite3.Connection,
    notes: list[m.Note],
    clusters: list[m.Cluster],
    gone_notes: list[int],
    gone_clusters: list[int],
) -> None:
    """The rows as they are now, each written with one UPDATE (an INSERT when it is new) and
    the removed ones deleted: one transaction, as a committed gesture is."""
    now = _sql(dt.datetime.now(dt.UTC).replace(tzinfo=None))
    con.execute("BEGIN")
    for table, rows in (("clusters", clusters), ("notes", notes)):
        for row in rows:
            values = {k: _sql(v) for k, v in dataclasses.asdict(row).items()}
            values = {k: (now if v is None and k.endswith("_at") else v) for k, v in values.items()}
            keys = [k for k in values if k != "id"]
            done = con.execute(
                f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in keys)} WHERE id = ?",
                [values[k] for k in keys] + [values["id"]],
            )
            if done.rowcount == 0:
                con.execute(
                    f"INSERT INTO {table} ({', '.join(values)}) "
                    f"VALUES ({', '.join('?' * len(values))})",
                    list(values.values()),
                )
    con.executemany("DELETE FROM notes WHERE id = ?", [(i,) for i in gone_notes])
    con.executemany("DELETE FROM clusters WHERE id = ?", [(i,) for i in gone_clusters])
    con.execute("COMMIT")


# ----------------------------------------------------------------------------- the board process
class _Failed(Exception):
    """A figure could not be measured (the gesture did nothing, say)."""


def app_child(path: Path, out: Path, floors: bool = True) -> int:
    """Every board figure for the workshop at `path`, written to `out` as JSON. Without
    `floors` the same work runs without building the floors' bare scenes: that run's peak is
    the board's own memory (the floors' items would otherwise count in the high-water mark)."""
    from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QApplication,
        QDockWidget,
        QGraphicsEllipseItem,
        QGraphicsLineItem,
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsSimpleTextItem,
        QGraphicsView,
        QMainWindow,
    )

    from samverkan_desktop.core.textfold import fold
    from samverkan_desktop.ui.board import BoardActions, BoardScene, BoardView
    from samverkan_desktop.ui.document import DocumentModel
    from samverkan_desktop.ui.panels import theme_map
    from samverkan_desktop.ui.panels.clusters_panel import ClustersPanel
    from samverkan_desktop.ui.panels.outline import OutlinePanel
    from samverkan_desktop.ui.panels.progress import ProgressIndicator
    from samverkan_desktop.ui.panels.search_panel import SearchPanel
    from samverkan_desktop.ui.suggestions import snapshot
    from samverkan_desktop.ui.workspace import FREEZE_FROM, LATER_FROM

    painted: list[float] = []  # when each paint of the board ended

    class TimedView(BoardView):
        """The board's view, noting when each paint has drawn every item."""

        def drawForeground(self, painter: Any, rect: Any) -> None:
            super().drawForeground(painter, rect)
            painted.append(time.perf_counter())

    from samverkan_desktop.ui.app import prepare_qt_environment

    prepare_qt_environment()  # as the program does before its QApplication
    app = QApplication.instance() or QApplication(sys.argv)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    ctrl = Qt.KeyboardModifier.ControlModifier
    results: dict[str, dict[str, Any]] = {}

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()

    class Board:
        """The board as the main window holds it: model, scene, view, actions, panels, undo."""

        def __init__(self, file: Path) -> None:
            self.window = QMainWindow()
            self.window.resize(*WINDOW)
            self.search, self.clusters, self.progress = (
                SearchPanel(),
                ClustersPanel(),
                ProgressIndicator(),
            )
            for name, panel in (("search", self.search), ("clusters", self.clusters)):
                dock = QDockWidget(name, self.window)
                dock.setWidget(panel)
                self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            self.window.statusBar().addPermanentWidget(self.progress)
            # As in the main window: the outline follows the board from a hidden dock.
            self.outline = OutlinePanel()
            outline_dock = QDockWidget("outline", self.window)
            outline_dock.setWidget(self.outline)
            self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, outline_dock)
            outline_dock.hide()
            self.model = DocumentModel(Store.open(file, shared=True))  # as the window opens it
            self.scene = BoardScene(self.model, later_from=LATER_FROM)
            self.view = TimedView(self.scene)
            self.actions = BoardActions(self.view, self.model)
            undo = self.model.undo_stack.createUndoAction(self.window, "Ångra")
            undo.setShortcut(QKeySequence.StandardKey.Undo)
            self.window.addAction(undo)
            self.undo: QAction = undo
            self.window.setCentralWidget(self.view)
            self.window.show()
            QTest.qWaitForWindowExposed(self.window)
            self.view.first_view()
            self.view.viewport().repaint()
            # As ui/workspace.py does once a big board has every note's item: the collector
            # leaves what lives as long as the workshop alone (a full pass over 10,000 notes is
            # 100+ ms, landing on some later gesture).
            self.frozen = False
            if len(self.model.notes) >= FREEZE_FROM:
                if self.scene.building():
                    self.scene.built.connect(self.freeze)
                else:
                    self.freeze()

        def freeze(self) -> None:
            if not self.frozen:
                self.frozen = True
                gc.collect()
                gc.freeze()

        def whole(self) -> bool:
            """Every note has its item, and what waited for that is done."""
            return not self.scene.building() and (
                self.frozen or len(self.model.notes) < FREEZE_FROM
            )

        def attach_panels(self) -> None:
            self.search.highlightChanged.connect(self.scene.set_highlight)
            self.search.groupFilterChanged.connect(self.scene.set_group_filter)
            self.scene.clusterCreated.connect(self.clusters.select_cluster)
            for panel in (self.search, self.clusters, self.progress):
                panel.set_document(self.model)
            self.outline.set_board(self.model, self.scene, self.view)

        def close(self) -> None:
            for panel in (self.search, self.clusters, self.progress):
                panel.set_document(None)
            self.outline.set_board(None)
            self.window.close()
            self.model.close()
            if self.frozen:
                gc.unfreeze()

    def bare_scene(file: Path) -> tuple[QGraphicsScene, QGraphicsView]:
        if not floors:
            empty = QGraphicsScene()
            return empty, QGraphicsView(empty)
        con = store_file.connect(file)
        try:
            notes = con.execute("SELECT x, y, text FROM notes").fetchall()
            frames = con.execute("SELECT x, y, width, height, name FROM clusters").fetchall()
        finally:
            con.close()
        plain = QGraphicsScene()
        for x, y, w, h, name in frames:
            rect = QGraphicsRectItem(0, 0, w, h)
            rect.setPos(x, y)
            QGraphicsSimpleTextItem(name[:60], rect)
            plain.addItem(rect)
        for x, y, text in notes:
            rect = QGraphicsRectItem(0, 0, m.NOTE_WIDTH, m.NOTE_HEIGHT)
            rect.setPos(x, y)
            QGraphicsSimpleTextItem(text[:60], rect)
            plain.addItem(rect)
        view = QGraphicsView(plain)
        return plain, view

    profiles: dict[str, Any] = {}  # BENCH_PROFILE=FOLDER: each gesture's commit, cProfiled
    measuring = {"key": ""}

    def record(key: str, measure: Callable[[], tuple[float, float] | dict[str, Any]]) -> None:
        measuring["key"] = key
        try:
            got = measure()
            row = got if isinstance(got, dict) else {"value": got[0], "floor": got[1]}
        except Exception as exc:  # the table says "error"; the reason follows it
            traceback.print_exc()
            row = {"error": f"{type(exc).__name__}: {exc}".splitlines()[0][:300]}
        results[key] = row
        save()

    def save() -> None:  # after each figure: a crash later keeps what was measured
        out.write_text(json.dumps(results), encoding="utf-8")

    # Warm up (fonts, imports, first-use caches) on a small workshop of the same kind.
    warm = path.parent / "warm-up.samverkan"
    if not warm.exists():
        write_workshop(workshop(read_source(SEED), 60), warm)
    Board(warm).close()
    settle()
    base_mb = peak_mb()
    stage("before open")

    start = time.perf_counter()
    board = Board(path)
    stage("opened")
    opened = time.perf_counter() - start
    while not board.whole():  # (the event loop as the program runs it)
        QApplication.processEvents()
    opened_whole = time.perf_counter() - start
    view, scene, model = board.view, board.scene, board.model
    viewport = view.viewport()
    first_transform = view.transform()
    first_centre = view.mapToScene(viewport.rect().center())

    # The floor: the same rects and text, read raw, in a bare view of the same size and zoom.
    start = time.perf_counter()
    plain, plain_view = bare_scene(path)
    plain_view.resize(view.size())
    plain_view.setTransform(first_transform)
    plain_view.show()
    QTest.qWaitForWindowExposed(plain_view)
    plain_view.centerOn(first_centre)
    plain_view.viewport().repaint()
    bare_open = time.perf_counter() - start
    results["open"] = {"value": opened, "floor": bare_open}
    results["open_whole"] = {"value": opened_whole, "floor": bare_open}
    save()
    stage("floor scene built")

    def paint_fit() -> tuple[float, float]:
        view.zoom_to_fit()
        settle()
        value = median(viewport.repaint, 5)
        plain_view.setTransform(view.transform())
        plain_view.centerOn(view.mapToScene(viewport.rect().center()))
        return value, median(plain_view.viewport().repaint, 5)

    def paint_100() -> tuple[float, float]:
        note = min(model.notes.values(), key=lambda n: (n.y, n.x))
        view.set_zoom(1.0)
        view.centerOn(note.x + 300, note.y + 200)
        settle()
        value = median(viewport.repaint, 5)
        plain_view.resetTransform()
        plain_view.centerOn(note.x + 300, note.y + 200)
        return value, median(plain_view.viewport().repaint, 5)

    record("paint_fit", paint_fit)
    record("paint_100", paint_100)
    plain_view.close()
    plain.clear()  # the floor's items go; the board's memory is what is measured below
    settle()
    stage("painted, floor cleared")

    board.attach_panels()
    stage("panels attached")
    search = board.search
    deadline = time.perf_counter() + 60
    while search._unfolded and time.perf_counter() < deadline:  # folding while idle
        QTest.qWait(20)
    view.setFocus()
    board.window.activateWindow()
    QTest.qWaitForWindowActive(board.window)

    # ------------------------------------------------------------------ gestures
    copy = path.parent / f"floor-{path.name}"
    shutil.copyfile(path, copy)
    con = raw_connection(copy)
    touched: dict[str, set[int]] = {"note": set(), "cluster": set()}
    gone: dict[str, set[int]] = {"note": set(), "cluster": set()}

    def on_change(change: Any) -> None:
        for kind in touched:
            touched[kind] |= set(change.changed.get(kind, ()))
            gone[kind] |= set(change.removed.get(kind, ()))

    model.store.subscribe(on_change)

    # The store's part of a gesture: from the start of each outermost transaction to its commit
    # (the rows' Python work, SQLAlchemy, SQLite), before the subscribers (the UI) hear of it.
    store = model.store
    in_store = {"depth": 0, "start": 0.0, "ms": 0.0}
    plain_transaction, plain_publish = store.transaction, store._publish

    @contextlib.contextmanager
    def timed_transaction() -> Any:
        if in_store["depth"] == 0:
            in_store["start"] = time.perf_counter()
        in_store["depth"] += 1
        try:
            with plain_transaction() as session:
                yield session
        finally:
            in_store["depth"] -= 1

    def timed_publish() -> None:
        if in_store["depth"] <= 1:
            in_store["ms"] += (time.perf_counter() - in_store["start"]) * 1000
        plain_publish()

    store.transaction = timed_transaction  # type: ignore[method-assign]
    store._publish = timed_publish  # type: ignore[method-assign]

    stored: list[float] = []  # each gesture's store part, in order
    Steps = tuple[Callable[[], None] | None, Callable[[], None], Callable[[], None] | None]

    parts: list[dict[str, float]] = []  # each gesture's time, part by part, in order

    def gesture(steps: Steps) -> tuple[float, float, Callable[[], None], int]:
        """A gesture's (input before it, the event that commits it, what ends it) times from
        that event: until the board's first paint after it ends, and until the event loop is
        idle again; and the floor writing the same rows."""
        before, commit, after = steps
        for kind in touched:
            touched[kind].clear()
            gone[kind].clear()
        if before is not None:
            before()
            settle()
        in_store["ms"] = 0.0
        painted.clear()
        profile = None
        if os.environ.get("BENCH_PROFILE"):
            import cProfile

            profile = profiles.setdefault(measuring["key"], cProfile.Profile())
            profile.enable()
        start = time.perf_counter()
        commit()
        returned = time.perf_counter()  # the command and everything that follows it at once
        deadline = start + 10
        while not painted and time.perf_counter() < deadline:
            QApplication.processEvents()  # as the program's event loop: Qt decides the order
        if not painted:
            raise _Failed("the board was not painted after the gesture")
        took = (painted[0] - start) * 1000
        settle()
        settled = (time.perf_counter() - start) * 1000
        if profile is not None:  # the whole gesture, until the panels have settled
            profile.disable()
            profile.dump_stats(Path(os.environ["BENCH_PROFILE"]) / f"{measuring['key']}.prof")
        if after is not None:
            after()
            settle()
        notes = [model.notes[i] for i in touched["note"] if i in model.notes]
        clusters = [model.clusters[i] for i in touched["cluster"] if i in model.clusters]
        removed_notes = sorted(gone["note"] | (touched["note"] - set(model.notes)))
        removed_clusters = sorted(gone["cluster"] | (touched["cluster"] - set(model.clusters)))
        rows = len(notes) + len(clusters) + len(removed_notes) + len(removed_clusters)
        if rows == 0:
            raise _Failed("the gesture wrote nothing")

        def floor() -> None:
            raw_write(con, notes, clusters, removed_notes, removed_clusters)

        stored.append(in_store["ms"])
        parts.append(
            {
                "store": in_store["ms"],
                "rest of the command": (returned - start) * 1000 - in_store["ms"],
                "to the first paint": (painted[0] - returned) * 1000,
                "then until idle": settled - took,
            }
        )
        return took, settled, floor, rows

    def point(x: float, y: float) -> QPoint:
        return view.mapFromScene(QPointF(x, y))

    def drag_item(start: QPoint, end: QPoint) -> Steps:
        """Press and move (before), release (the commit)."""

        def press_and_move() -> None:
            QTest.mousePress(viewport, left, none, start)
            for step in range(1, 6):
                QTest.mouseMove(
                    viewport,
                    QPoint(
                        start.x() + (end.x() - start.x()) * step // 5,
                        start.y() + (end.y() - start.y()) * step // 5,
                    ),
                )

        return press_and_move, lambda: QTest.mouseRelease(viewport, left, none, end), None

    def summary(
        values: list[float], settles: list[float], floors: list[float], rows: int
    ) -> dict[str, Any]:
        """Medians of the runs of one gesture, with the store time and its parts."""
        return {
            "value": statistics.median(values),
            "settled": statistics.median(settles),
            "floor": statistics.median(floors),
            "rows": rows,
            "store": statistics.median(stored),
            "parts": {k: statistics.median(p[k] for p in parts) for k in parts[0]},
        }

    def timed_gesture(
        key: str,
        prepare: Callable[[], Steps],
        check: Callable[[], bool],
        runs: int = GESTURE_RUNS,
    ) -> None:
        """`prepare()` sets the view up and returns the gesture's steps; each run is undone."""

        def measure() -> dict[str, Any]:
            values, settles, floors, rows = [], [], [], 0
            stored.clear()
            parts.clear()
            for _ in range(runs):
                took, settled, floor, rows = gesture(prepare())
                if not check():
                    raise _Failed("the gesture did not do what it should")
                values.append(took)
                settles.append(settled)
                floors.append(paused_median(floor, 3))
                model.undo_stack.undo()
                settle()
            return summary(values, settles, floors, rows)

        record(key, measure)

    groups = sorted(model.groups.values(), key=lambda g: (g.position, g.id))

    def column(group_id: int) -> tuple[list[m.Cluster], list[m.Note]]:
        frames = sorted(
            (c for c in model.clusters.values() if c.group_id == group_id and c.parent_id is None),
            key=lambda c: (c.y, c.x),
        )
        loose = sorted(
            (n for n in model.notes.values() if n.group_id == group_id and n.cluster_id is None),
            key=lambda n: (n.y, n.x),
        )
        return frames, loose

    # Drag one note: the last loose note of the first group's column, down into empty board.
    dragged: dict[str, Any] = {}

    def prepare_drag() -> Steps:
        _, loose = column(groups[0].id)
        note = loose[-1]
        dragged.update(id=note.id, y=note.y)
        view.set_zoom(1.0)
        view.centerOn(note.x + 100, note.y + 150)
        settle()
        start = point(note.x + 100, note.y + 60)
        return drag_item(start, start + QPoint(0, 160))

    timed_gesture("drag", prepare_drag, lambda: model.notes[dragged["id"]].y > dragged["y"] + 100)

    # Drop: the first loose note of the second group's column into the last frame above it;
    # the frame grows by a row and pushes the notes below it.
    dropped: dict[str, Any] = {}

    def prepare_drop() -> Steps:
        frames, loose = column(groups[1 % len(groups)].id)
        frame, note = frames[-1], loose[0]
        dropped.update(frame=frame.id, height=frame.height, note=note.id)
        view.set_zoom(0.5)
        view.centerOn((frame.x + note.x) / 2 + 100, (frame.y + frame.height + note.y) / 2)
        settle()
        start = point(note.x + 100, note.y + 60)
        end = point(frame.x + frame.width / 2, frame.y + frame.height - 30)
        return drag_item(start, end)

    def drop_check() -> bool:
        frame = model.clusters[dropped["frame"]]
        return model.notes[dropped["note"]].cluster_id == frame.id and (
            frame.height > dropped["height"]
        )

    timed_gesture("drop", prepare_drop, drop_check)

    # Ctrl+G on 20 loose notes of the third group (the new cluster's name: Enter).
    grouped: dict[str, Any] = {}

    def prepare_group() -> Steps:
        _, loose = column(groups[2 % len(groups)].id)
        ids = [n.id for n in loose[:20]]
        grouped.update(ids=ids, clusters=len(model.clusters))
        first = model.notes[ids[0]]
        view.set_zoom(0.5)
        view.centerOn(first.x + 400, first.y + 300)
        scene.select_notes(ids)
        settle()

        def name() -> None:  # the new cluster's name is open for typing: Enter keeps it
            QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)

        return None, lambda: QTest.keyClick(view, Qt.Key.Key_G, ctrl), name

    def group_check() -> bool:
        homes = {model.notes[i].cluster_id for i in grouped["ids"]}
        return len(model.clusters) == grouped["clusters"] + 1 and None not in homes

    timed_gesture("group", prepare_group, group_check)

    # Rename: the first frame of the fourth group's column, F2, a name typed, Enter.
    renamed: dict[str, Any] = {}

    def prepare_rename() -> Steps:
        frames, _ = column(groups[3 % len(groups)].id)
        frame = frames[0]
        renamed.update(id=frame.id)
        view.set_zoom(1.0)
        view.centerOn(frame.x + frame.width / 2, frame.y + 200)
        scene.select_clusters([frame.id])
        settle()

        def type_name() -> None:
            QTest.keyClick(view, Qt.Key.Key_F2)  # the editor opens with the name selected
            QTest.keyClicks(QApplication.focusWidget() or view, "Nytt namn")

        def enter() -> None:
            QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)

        return type_name, enter, None

    timed_gesture(
        "rename", prepare_rename, lambda: model.clusters[renamed["id"]].name == "Nytt namn"
    )

    # Undo (Ctrl+Z) of the drop into a frame: the frame shrinks, its column moves back.
    def undo_drop() -> dict[str, Any]:
        values, settles, floors, rows = [], [], [], 0
        stored.clear()
        parts.clear()
        for _ in range(GESTURE_RUNS):
            before, release, _ = prepare_drop()
            assert before is not None
            before()
            release()
            settle()
            if not drop_check():
                raise _Failed("the drop to undo did not happen")
            view.setFocus()
            took, settled, floor, rows = gesture(
                (
                    None,
                    lambda: QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Z, ctrl),
                    None,
                )
            )
            if model.notes[dropped["note"]].cluster_id is not None:
                raise _Failed("Ctrl+Z did not undo the drop")
            values.append(took)
            settles.append(settled)
            floors.append(paused_median(floor, 3))
        return summary(values, settles, floors, rows)

    record("undo", undo_drop)
    stage("gestures done")
    con.close()
    if os.environ.get("BENCH_GESTURES_ONLY"):  # a quick loop while working on the gestures
        board.close()
        return 0

    # ------------------------------------------------------------------ search
    def search_keystroke() -> tuple[float, float]:
        folded = [fold(note.text) for note in model.notes.values()]
        scan = median(lambda: [t for t in folded if WORD in t], 5)
        typed = []
        for _ in range(2):
            for ch in WORD:
                start = time.perf_counter()
                QTest.keyClicks(search.field, ch)
                settle()
                typed.append((time.perf_counter() - start) * 1000)
            search.field.clear()
            settle()
        slowest["ms"] = max(typed)
        return statistics.median(typed), scan

    slowest: dict[str, float] = {}  # every key counts: the first ones dim most of the board
    record("search", search_keystroke)
    if "ms" in slowest:
        results["search_slowest"] = {"value": slowest["ms"], "floor": results["search"]["floor"]}
        save()
    stage("search done")

    # ------------------------------------------------------------------ theme map
    dock = theme_map.ThemeMapDock(model, board.window)
    board.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    ui_times: list[float] = []
    drawn: list[int] = []

    def computed(number: int, data: object) -> None:
        start = time.perf_counter()
        dock._computed(number, data)
        dock.view.viewport().repaint()
        ui_times.append((time.perf_counter() - start) * 1000)
        drawn.append(number)

    # The dock's own slot, timed: connected through `computed` instead of straight.
    dock._signals.done.disconnect(dock._computed)
    dock._signals.done.connect(computed)

    def wait_map(count: int) -> None:
        deadline = time.perf_counter() + 600
        while len(drawn) < count and time.perf_counter() < deadline:
            dock.wait(50)
            QApplication.processEvents()
        if len(drawn) < count:
            raise _Failed("the theme map was never drawn")

    def theme_ui() -> tuple[float, float]:
        dock.show()
        settle()
        wait_map(1)
        if not dock.map_scene.items_by_theme:
            raise _Failed(dock.facts.text() or "the theme map is empty")
        cid = next(iter(dock.map_scene.items_by_theme))
        times = []
        for run in range(3):
            ui_times.clear()
            model.store.update_cluster(cid, name=f"Tema omdöpt {run}")  # a change: rescheduled
            settle()
            start = time.perf_counter()
            dock.refresh()  # what the timer would call 400 ms later: snapshot, worker started
            took = (time.perf_counter() - start) * 1000
            wait_map(len(drawn) + 1)
            times.append(took + ui_times[-1])
        # Floor: as many circles with names and lines, in a bare scene, built and painted.
        items = dock.map_scene.items_by_theme
        lines = [i for i in dock.map_scene.items() if isinstance(i, QGraphicsLineItem)]

        def bare() -> None:
            plain = QGraphicsScene()
            for item in items.values() if floors else ():
                circle = QGraphicsEllipseItem(QRectF(-20, -20, 40, 40))
                circle.setPos(item.pos())
                QGraphicsSimpleTextItem(item.node.name[:40], circle)
                plain.addItem(circle)
            for line in lines if floors else ():
                plain.addItem(QGraphicsLineItem(line.line()))
            bare_view.setScene(plain)
            bare_view.setTransform(dock.view.transform())
            bare_view.viewport().repaint()
            bare_view.setScene(None)

        bare_view = QGraphicsView()
        bare_view.resize(dock.view.size())
        bare_view.show()
        QTest.qWaitForWindowExposed(bare_view)
        floor = median(bare, 3)
        bare_view.close()
        return statistics.median(times), floor

    def theme_worker() -> tuple[float, float]:
        document = snapshot(model)
        runs = 3 if len(document.notes) <= 10_000 else 1
        value = median(lambda: theme_map.compute_map(document), runs)

        def walk() -> None:
            parents = {c.id: c.parent_id for c in document.clusters}
            counts: dict[int, int] = {}
            groups_of: dict[int, set[int | None]] = {}
            for note in document.notes:
                top = note.cluster_id
                if top is None:
                    continue
                while parents.get(top) is not None:
                    top = parents[top]
                counts[top] = counts.get(top, 0) + 1
                groups_of.setdefault(top, set()).add(note.group_id)

        return value, median(walk, 3)

    record("theme_ui", theme_ui)
    dock.wait()
    record("theme_worker", theme_worker)

    stage("all done")
    # Let QTimer-driven work that was started finish before the memory is read.
    QTimer.singleShot(0, lambda: None)
    settle()
    peak = peak_mb()
    results["memory_app"] = {"value": peak, "floor": base_mb}
    save()
    dock.wait()
    board.close()
    del app
    return 0


# ----------------------------------------------------------------------------- subprocesses
@dataclasses.dataclass
class Ran:
    seconds: float
    mb: float
    code: int
    stderr: str


# Each child writes its own peak (VmHWM: the high-water mark of its own memory, which starts
# afresh at exec) as it exits. wait4's ru_maxrss would not do: Linux carries the forking
# parent's peak over into the child's at exec.
_PEAK = """import atexit, sys
def _peak(out={out!r}):
    try:
        with open('/proc/self/status') as status:
            kb = next(l.split()[1] for l in status if l.startswith('VmHWM:'))
        with open(out, 'w') as fh:
            fh.write(kb)
    except (OSError, StopIteration):
        pass
atexit.register(_peak)
"""


def stage(what: str) -> None:
    if os.environ.get("BENCH_STAGES"):
        with open("/proc/self/status") as status:
            got = dict(line.split(":", 1) for line in status)
        print(
            f"{what:30} rss {got['VmRSS'].strip():>12} peak {got['VmHWM'].strip():>12}",
            file=sys.stderr,
        )


def peak_mb() -> float:
    """This process's own peak memory (VmHWM), else ru_maxrss."""
    try:
        with open("/proc/self/status") as status:
            return int(next(x.split()[1] for x in status if x.startswith("VmHWM:"))) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(args: list[str], folder: Path, timeout: float) -> Ran:
    """Run a fresh interpreter (`-c CODE`, `-m MODULE ARGS` or `SCRIPT ARGS`): its wall time and
    its own peak memory."""
    out, err, peak = folder / "child.out", folder / "child.err", folder / "child.peak"
    peak.unlink(missing_ok=True)
    head = _PEAK.format(out=str(peak))
    if args[0] == "-c":
        argv = ["-c", head + args[1]]
    elif args[0] == "-m":
        argv = [
            "-c",
            head + f"import runpy; sys.argv = {[args[1], *args[2:]]!r}; "
            f"runpy.run_module({args[1]!r}, run_name='__main__', alter_sys=True)",
        ]
    else:
        argv = [
            "-c",
            head + f"import runpy; sys.argv = {args!r}; "
            f"runpy.run_path({args[0]!r}, run_name='__main__')",
        ]
    # As an installed program runs: its modules compiled once and kept (pip and the bundle
    # compile them). A container's PYTHONDONTWRITEBYTECODE would have every child compile
    # them afresh (40 ms of `info`); kept where `make test` keeps them.
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "SAMVERKAN_DATA_DIR": str(folder / "userdata"),
        "PYTHONDONTWRITEBYTECODE": "",
        "PYTHONPYCACHEPREFIX": str(Path(sys.prefix) / "pycache"),
    }
    with out.open("wb") as stdout, err.open("wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, *argv], stdout=stdout, stderr=stderr, cwd=REPO, env=env
        )
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = err.read_text("utf-8", errors="replace")
    if process.returncode < 0:
        text += f"\n(killed by signal {-process.returncode}; timeout {timeout:.0f} s?)"
    try:
        mb = int(peak.read_text()) / 1024
    except (OSError, ValueError):
        mb = usage.ru_maxrss / 1024
    return Ran(seconds, mb, process.returncode, text)


def _reason(ran: Ran, what: str) -> str:
    lines = [line for line in ran.stderr.strip().splitlines() if line.strip()]
    return f"{what} exited {ran.code}: {lines[-1] if lines else '(no output)'}"[:400]


def cli(*args: str) -> list[str]:
    return ["-m", "samverkan_desktop", *args]


def median_of_runs(runs: list[dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """The board's figures of several runs, each number of a figure (value, floor, the store's
    part, each part) the median of its runs: on a shared machine one run's open can take half
    as long again as the next with the same code. A figure missing or failed in any run is
    that run's error (or missing)."""
    out: dict[str, dict[str, Any]] = {}
    for key in dict.fromkeys(k for got in runs for k in got):
        rows = [got.get(key) for got in runs]
        failed = next((r for r in rows if r is None or "error" in r), None)
        if failed is not None or not rows:
            if failed is not None:
                out[key] = failed
            continue
        out[key] = _median_row([r for r in rows if r is not None])
    return out


def _median_row(rows: list[dict[str, Any]]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field, value in rows[0].items():
        if isinstance(value, dict):
            row[field] = _median_row([r[field] for r in rows])
        elif isinstance(value, float):
            row[field] = statistics.median(r[field] for r in rows)
        else:  # (how many rows a gesture wrote: the same in every run)
            row[field] = value
    return row


def measure_size(
    n: int,
    seed: m.Document,
    folder: Path,
    quick: bool,
    timeout: float,
    runs: int,
    board_runs: int = 1,
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Every figure at `n` notes: key -> {value, floor, ...} or {error}; and the full errors.
    The board's figures are the medians of `board_runs` board processes."""
    from samverkan_desktop.core import exchange
    from samverkan_desktop.core.analysis import text

    errors: dict[str, str] = {}
    doc = workshop(seed, n)
    path = folder / f"w{n}.samverkan"
    write_workshop(doc, path)
    rows: dict[str, dict[str, Any]] = {}

    # The board, in a fresh interpreter of its own, `board_runs` times (see median_of_runs).
    runs_got: list[dict[str, dict[str, Any]]] = []
    for i in range(board_runs):
        out = folder / f"app-{n}-{i}.json"
        ran = run(
            [str(Path(__file__).resolve()), "--app-child", str(path), str(out)],
            folder,
            timeout * 2,
        )
        runs_got.append(json.loads(out.read_text("utf-8")) if out.exists() else {})
    got = median_of_runs(runs_got)
    for key in APP_FIGURES:
        if key in got:
            rows[key] = got[key]
            if "error" in got[key]:
                errors[key] = got[key]["error"]
            elif "store" in got[key]:
                rows[key]["parts"] = got[key].get("parts", {})
                for part in ("store", "settled"):
                    rows[f"{key}_{part}"] = {
                        "value": got[key][part],
                        "floor": got[key]["floor"],
                        "rows": got[key]["rows"],
                    }
        else:
            rows[key] = {"error": _reason(ran, "the board process")}
            errors[key] = ran.stderr.strip()[-3000:]
    if ran.code != 0 and ran.stderr.strip():
        errors.setdefault("board process", ran.stderr.strip()[-3000:])
    # The board's own peak: the same work once more, without the floors' scenes in the process.
    memory_out = folder / f"memory-{n}.json"
    ran = run(
        [str(Path(__file__).resolve()), "--memory-child", str(path), str(memory_out)],
        folder,
        timeout * 2,
    )
    if memory_out.exists() and "memory_app" in (mem := json.loads(memory_out.read_text("utf-8"))):
        rows["memory_app"] = mem["memory_app"]
    else:
        rows["memory_app"] = {"error": _reason(ran, "the board process (memory)")}
        errors["memory_app"] = ran.stderr.strip()[-3000:]

    def cli_figure(
        key: str, memory_key: str, args: list[str], floor: float, repeat: int = 1
    ) -> Ran | None:
        times, peak, last = [], 0.0, None
        for _ in range(repeat):
            last = run(args, folder, timeout)
            if last.code != 0:
                rows[key] = rows[memory_key] = {"error": _reason(last, " ".join(args[2:4]))}
                errors[key] = last.stderr.strip()[-3000:]
                return None
            times.append(last.seconds)
            peak = max(peak, last.mb)
        rows[key] = {"value": statistics.median(times), "floor": floor}
        rows[memory_key] = {"value": peak, "floor": orm_mb}
        return last

    # Floors for the commands' memory and the cold start: interpreters that do (almost) nothing.
    cold = 3 if quick else 5
    for code in ("pass", "import sqlalchemy.orm"):  # warm the disk cache and the .pyc files
        run(["-c", code], folder, timeout)
    run(cli("info", str(path)), folder, timeout)
    passes, orms, infos, info_mb, orm_mb, info_error = [], [], [], 0.0, 0.0, None
    for _ in range(cold):  # in turn, so that a busy machine weighs on all of them alike
        passes.append(run(["-c", "pass"], folder, timeout).seconds)
        orm = run(["-c", "import sqlalchemy.orm"], folder, timeout)
        orms.append(orm.seconds)
        orm_mb = max(orm_mb, orm.mb)
        info = run(cli("info", str(path)), folder, timeout)
        if info.code != 0:
            info_error = info
            break
        infos.append(info.seconds)
        info_mb = max(info_mb, info.mb)
    if info_error is not None:
        for key in ("info_pass", "info_orm", "memory_info"):
            rows[key] = {"error": _reason(info_error, "info")}
        errors["info_pass"] = info_error.stderr.strip()[-3000:]
    else:
        rows["info_pass"] = {"value": statistics.median(infos), "floor": statistics.median(passes)}
        rows["info_orm"] = {"value": statistics.median(infos), "floor": statistics.median(orms)}
        rows["memory_info"] = {"value": info_mb, "floor": orm_mb}

    # suggest --all --json beside tokenising every note once.
    start = time.perf_counter()
    for note in doc.notes:
        text.words(note.text)
    tokenise = time.perf_counter() - start
    cli_figure(
        "suggest", "memory_suggest", cli("suggest", str(path), "--all", "--json"), tokenise, runs
    )

    # The PDF report beside the same notes' text as a plain PDF.
    from bench_report import _plain_pdf

    from samverkan_desktop.render.qt_app import ensure_app

    ensure_app()
    plain_text = "\n\n".join(note.text for note in doc.notes)
    plain = median(lambda: _plain_pdf(plain_text, folder / "plain.pdf"), 1) / 1000
    pdf = folder / f"w{n}.pdf"
    cli_figure(
        "pdf",
        "memory_pdf",
        cli("export", str(path), "--format", "pdf", "--output", str(pdf)),
        plain,
        runs,
    )

    # Import of the JSON export beside raw executemany of the same rows into an empty file.
    from bench_import import _floor

    source = folder / f"w{n}.json"
    source.write_bytes(exchange.dumps(doc))
    empty = folder / "empty.samverkan"
    if not empty.exists():
        Store.create(empty, m.Workshop("Stor workshop")).close()
    raw = median(lambda: _floor(doc, empty, folder / "floor-import.samverkan"), runs) / 1000
    target_file = folder / f"imported-{n}.samverkan"

    times, peak = [], 0.0
    for _ in range(runs):
        target_file.unlink(missing_ok=True)
        ran = run(cli("import", str(source), "--into", str(target_file)), folder, timeout)
        if ran.code != 0:
            rows["import"] = rows["memory_import"] = {"error": _reason(ran, "import")}
            errors["import"] = ran.stderr.strip()[-3000:]
            break
        times.append(ran.seconds)
        peak = max(peak, ran.mb)
    else:
        rows["import"] = {"value": statistics.median(times), "floor": raw}
        rows["memory_import"] = {"value": peak, "floor": orm_mb}
    return rows, errors


# ----------------------------------------------------------------------------- the table
def table_row(key: str, n: int, got: dict[str, Any]) -> dict[str, Any]:
    label, unit, floor_what = FIGURES[key]
    most, most_ratio, wanted = target(key, n)
    row: dict[str, Any] = {
        "key": key,
        "figure": label,
        "notes": n,
        "unit": unit,
        "floor_is": floor_what,
        "target": wanted,
    }
    if "error" in got or not got.get("floor"):
        row.update(
            value=None, floor=None, ratio=None, verdict="error", error=got.get("error", "no floor")
        )
        return row
    value, floor = float(got["value"]), float(got["floor"])
    ratio = value / floor
    ok = (most is None or value <= most) and (most_ratio is None or ratio <= most_ratio)
    row.update(value=value, floor=floor, ratio=ratio, verdict="ok" if ok else "MISS")
    if got.get("parts"):
        row["parts_ms"] = got["parts"]
    if "rows" in got:
        row["rows_written"] = got["rows"]
        row["floor_is"] = f"raw sqlite3 write of the {got['rows']} rows it changed"
    return row


def cells(row: dict[str, Any]) -> list[str]:
    """The printed cells of a row (the test reads the table back through this too)."""

    def number(v: float | None) -> str:
        if v is None:
            return "error"
        return f"{v:.0f}" if abs(v) >= 100 else f"{v:.3g}" if abs(v) < 1 else f"{v:.1f}"

    return [
        row["figure"],
        str(row["notes"]),
        number(row["value"]),
        row["unit"],
        number(row["floor"]),
        "error" if row["ratio"] is None else f"{row['ratio']:.1f}x",
        row["target"],
        row["verdict"],
        row["floor_is"],
    ]


HEAD = ["figure", "notes", "value", "unit", "floor", "ratio", "target", "", "floor is"]
WIDTHS = [42, 6, 8, 4, 8, 8, 16, 5, 0]
RIGHT = {1, 2, 4, 5}


def line(values: list[str]) -> str:
    out = []
    for i, (value, width) in enumerate(zip(values, WIDTHS, strict=True)):
        out.append(value.rjust(width) if i in RIGHT else value.ljust(width))
    return "  ".join(out).rstrip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="workshop sizes in notes, comma-separated",
    )
    parser.add_argument("--quick", action="store_true", help="1k notes only, fewer repeats")
    parser.add_argument("--json", type=Path, help="also write the table here")
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help="runs of each slow command (suggest, pdf, import), each figure their median "
        "(default: 3 up to 10,000 notes, 1 above and with --quick)",
    )
    parser.add_argument(
        "--board-runs",
        type=int,
        default=None,
        help="board processes per size, each figure their median "
        "(default: 3 up to 10,000 notes, 1 above and with --quick)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=1200.0,
        help="seconds any one command may take (the board process: twice)",
    )
    parser.add_argument(
        "--app-child", nargs=2, type=Path, metavar=("FILE", "OUT"), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--memory-child", nargs=2, type=Path, metavar=("FILE", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.app_child:
        return app_child(*args.app_child)
    if args.memory_child:
        return app_child(*args.memory_child, floors=False)
    sizes = [1_000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    seed = read_source(SEED)
    table: list[dict[str, Any]] = []
    problems: list[tuple[int, str, str]] = []
    print(
        f"issue 10 at {', '.join(map(str, sizes))} notes (workshops from {SEED.name}); "
        "each figure beside a floor measured in the same run",
        flush=True,
    )
    print(
        "gestures: from the event that commits them (release, Ctrl+G, Enter, Ctrl+Z) until the "
        "board's first paint after it; below each, the store's part of that and the time until "
        "the event loop is idle again (group headers, panels)",
        flush=True,
    )
    print(line(HEAD), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for n in sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            started = time.perf_counter()
            board_runs = args.board_runs or (1 if args.quick or n > 10_000 else 3)
            runs = args.runs or (1 if args.quick or n > 10_000 else 3)
            got, errors = measure_size(n, seed, folder, args.quick, args.timeout, runs, board_runs)
            for key in FIGURES:
                row = table_row(key, n, got.get(key, {"error": "not measured"}))
                table.append(row)
                print(line(cells(row)), flush=True)
            problems += [(n, key, text) for key, text in errors.items()]
            for row in table:
                if row["notes"] == n and row.get("parts_ms"):
                    print(
                        f"  {row['figure']}, part by part (ms): "
                        + ", ".join(f"{k} {v:.1f}" for k, v in row["parts_ms"].items()),
                        flush=True,
                    )
            load = "/".join(f"{x:.1f}" for x in os.getloadavg())
            print(
                f"({n} notes took {time.perf_counter() - started:.0f} s; load average {load})",
                flush=True,
            )
    missed = [r for r in table if r["verdict"] != "ok"]
    print(
        f"targets: {len(table) - len(missed)} of {len(table)} met"
        + (
            "; missed: "
            + ", ".join(f"{r['figure']} at {r['notes']} ({r['verdict']})" for r in missed)
            if missed
            else ""
        )
    )
    for n, key, text in problems:
        print(f"\n--- error at {n} notes, {key}:\n{text}")
    if args.json:
        args.json.write_text(
            json.dumps({"sizes": sizes, "rows": table}, indent=2, ensure_ascii=False),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
