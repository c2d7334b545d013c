"""The side panels at 1k/10k/40k notes: a search keystroke, clearing the search, and what the
panels (clusters list, search panel, progress in the status bar) spend on one committed change.

Not a test: machines differ. Each figure is printed next to a floor measured in the same run:

- first keystroke (after a moment's idle, as before anyone types): folding every note's text;
- keystroke: a raw loop over the notes' already folded texts asking `word in text` (the least any
  scan of the notes could cost);
- clear: a raw loop over the scene's note items reading one attribute;
- move / rename: the panels' share is timed between two probes connected around the panels on
  the model's signals (the board's own work is not counted), next to the whole commit (store
  write, model, board and panels) as the floor it sits in.

The workshop is the seed's clauses recombined (as bench_board.py does), about half the notes in
clusters of nine, laid out in group columns as an import would be.

    .venv/bin/python bench/bench_panels.py [--notes 1000 10000 40000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget  # noqa: E402

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core.analysis.evaluation import recombined_document  # noqa: E402
from samverkan_desktop.core.importers import read_source  # noqa: E402
from samverkan_desktop.core.layout import layout_document  # noqa: E402
from samverkan_desktop.core.store import Store  # noqa: E402
from samverkan_desktop.core.textfold import fold  # noqa: E402
from samverkan_desktop.ui.board import BoardScene  # noqa: E402
from samverkan_desktop.ui.document import DocumentModel  # noqa: E402
from samverkan_desktop.ui.panels.clusters_panel import ClustersPanel  # noqa: E402
from samverkan_desktop.ui.panels.progress import ProgressIndicator  # noqa: E402
from samverkan_desktop.ui.panels.search_panel import SearchPanel  # noqa: E402

SHARED_SEED = REPO.parent / "shared" / "seeds" / "000_a92cbaa44183fa4f.txt"
SAMPLE = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
SEED = SHARED_SEED if SHARED_SEED.exists() else SAMPLE
WORD = "motesplats"
SIGNALS = ("clustersChanged", "notesChanged", "notesRemoved", "clustersRemoved", "groupsChanged")


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def workshop(n: int) -> m.Document:
    """n notes; about half of each group's notes in clusters of nine."""
    doc = recombined_document(read_source(SEED), n, seed=1)
    clusters: list[m.Cluster] = []
    notes = list(doc.notes)
    by_group: dict[int | None, list[int]] = {}
    for index, note in enumerate(notes):
        by_group.setdefault(note.group_id, []).append(index)
    for indices in by_group.values():
        half = indices[: len(indices) // 2]
        for start in range(0, len(half) - 8, 9):
            cid = len(clusters) + 1
            clusters.append(m.Cluster(id=cid, name=f"Tema {cid}", group_id=None))
            for i in half[start : start + 9]:
                notes[i] = dataclasses.replace(notes[i], cluster_id=cid)
    return layout_document(dataclasses.replace(doc, clusters=tuple(clusters), notes=tuple(notes)))


class PanelProbe:
    """Time spent in the slots connected between `start` and `stop` on the model's signals
    (Qt calls direct connections in the order they were made)."""

    def __init__(self) -> None:
        self.total = 0.0
        self._started = 0.0

    def start(self, _ids: object = None) -> None:
        self._started = time.perf_counter()

    def stop(self, _ids: object = None) -> None:
        self.total += time.perf_counter() - self._started

    def connect_start(self, doc: DocumentModel) -> None:
        for name in SIGNALS:
            getattr(doc, name).connect(self.start)

    def connect_stop(self, doc: DocumentModel) -> None:
        for name in SIGNALS:
            getattr(doc, name).connect(self.stop)


def measure(n: int, profile: bool) -> dict[str, tuple[float, float]]:
    doc = workshop(n)
    path = Path(tempfile.mkdtemp()) / f"panels-{n}.samverkan"
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    model = DocumentModel(Store.open(path))
    scene = BoardScene(model)
    probe = PanelProbe()
    probe.connect_start(model)
    search, clusters, progress = SearchPanel(), ClustersPanel(), ProgressIndicator()
    search.highlightChanged.connect(scene.set_highlight)
    search.groupFilterChanged.connect(scene.set_group_filter)
    for panel in (search, clusters, progress):
        panel.set_document(model)
    probe.connect_stop(model)
    window = QWidget()
    layout = QVBoxLayout(window)
    for panel in (search, clusters, progress):
        layout.addWidget(panel)
    window.resize(360, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    rows: dict[str, tuple[float, float]] = {}

    # Floors for the search: the folded texts scanned once, and the items walked once.
    folded = [fold(note.text) for note in model.notes.values()]
    scan = median_ms(lambda: [t for t in folded if WORD in t], 5)
    items = scene.note_items()
    walk = median_ms(lambda: [i.opacity() for i in items], 5)

    def keystrokes() -> list[float]:
        times = []
        for ch in WORD:
            start = time.perf_counter()
            QTest.keyClicks(search.field, ch)
            QApplication.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        return times

    def clear() -> float:
        start = time.perf_counter()
        search.field.clear()
        QApplication.processEvents()
        return (time.perf_counter() - start) * 1000

    # The first keystroke after opening, once the window has been idle for a moment (as it is
    # before anyone types); its floor is folding every note's text once.
    fold_all = median_ms(lambda: [fold(note.text) for note in model.notes.values()], 1)
    QTest.qWait(500)
    start = time.perf_counter()
    QTest.keyClicks(search.field, WORD[0])
    QApplication.processEvents()
    rows["first search keystroke"] = ((time.perf_counter() - start) * 1000, fold_all)
    keystrokes()
    clear()
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        keystrokes()
        clear()
        profiler.disable()
        print(f"--- profile of typing {WORD!r} and clearing at {n} notes")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(12)
    typed = []
    for _ in range(2):
        typed += keystrokes()
        clear()
    rows["search keystroke"] = (statistics.median(typed), scan)
    cleared = []
    for _ in range(3):
        keystrokes()
        cleared.append(clear())
    rows["clear the search"] = (statistics.median(cleared), walk)

    # One committed change each: the panels' share between the probes, and the whole commit.
    note = next(n for n in model.notes.values() if n.cluster_id is not None)
    cluster_id = note.cluster_id
    store = model.store

    def committed(action: Callable[[int], object], runs: int = 5) -> tuple[float, float]:
        panels, whole = [], []
        for run in range(runs):
            probe.total = 0.0
            start = time.perf_counter()
            action(run)
            QApplication.processEvents()
            whole.append((time.perf_counter() - start) * 1000)
            panels.append(probe.total * 1000)
        return statistics.median(panels), statistics.median(whole)

    def move(run: int) -> None:
        store.move_notes({note.id: (note.x + 1 + run % 2, note.y)})

    def rename(run: int) -> None:
        store.update_cluster(cluster_id, name=f"Tema nytt namn {run}")

    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        committed(move, 1)
        committed(rename, 1)
        profiler.disable()
        print(f"--- profile of one move and one rename at {n} notes")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(14)
    rows["panels after moving one note"] = committed(move)
    rows["panels after renaming one cluster"] = committed(rename)
    QTest.keyClicks(search.field, WORD)
    rows["panels after a move, searching"] = committed(move)
    search.field.clear()

    for panel in (search, clusters, progress):
        panel.set_document(None)
    window.close()
    model.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, nargs="+", default=[1_000, 10_000, 40_000])
    parser.add_argument("--profile", action="store_true", help="print cProfile of each figure")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    floors = {
        "first search keystroke": "folding every note's text once",
        "search keystroke": f"scan of folded texts for {WORD!r}",
        "clear the search": "a walk over the note items",
        "panels after moving one note": "the whole commit",
        "panels after renaming one cluster": "the whole commit",
        "panels after a move, searching": "the whole commit",
    }
    print(f"{'figure':<36}{'notes':>7}{'ms':>10}{'floor ms':>10}{'ratio':>8}  floor")
    for n in args.notes:
        start = time.perf_counter()
        rows = measure(n, args.profile)
        for label, (value, floor) in rows.items():
            ratio = value / floor if floor else float("nan")
            print(f"{label:<36}{n:>7}{value:>10.2f}{floor:>10.2f}{ratio:>8.2f}  {floors[label]}")
        print(f"{'  (this size took)':<36}{n:>7}{time.perf_counter() - start:>9.0f}s")
    del app


if __name__ == "__main__":
    main()
