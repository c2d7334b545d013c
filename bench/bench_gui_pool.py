"""Qt's GUI thread pool on and off (QT_NO_GUI_THREADPOOL, which ui/app.py sets): repaints of what
a Ctrl+G repaints, each in a fresh interpreter with the pool and without, medians of 60.

Qt's raster engine hands a fill of more than about 96 rows to its pool and waits; this prints
what that costs or saves here. Not a test: machines differ.

    .venv/bin/python bench/bench_gui_pool.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
REPAINTS = 60


def child(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

    from samverkan_desktop.core.importers import read_source
    from samverkan_desktop.core.store import Store
    from samverkan_desktop.ui.board import BoardScene, BoardView
    from samverkan_desktop.ui.document import DocumentModel
    from samverkan_desktop.ui.panels.clusters_panel import ClustersPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    path = folder / "sample.samverkan"
    doc = read_source(SAMPLE)
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
        for i in range(600):  # a list as long as a big workshop's (it scrolls)
            store.add_cluster(f"Tema {i}", x=20_000.0 + 400 * (i % 20), y=300.0 * (i // 20))
    model = DocumentModel(Store.open(path))
    window = QMainWindow()
    window.resize(1400, 900)
    view = BoardView(BoardScene(model))
    window.setCentralWidget(view)
    panel = ClustersPanel()
    dock = QDockWidget("Kluster", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    panel.set_document(model)
    window.show()
    for _ in range(5):
        app.processEvents()
    view.set_zoom(1.0)
    view.centerOn(QPointF(600, 400))

    def median_ms(action) -> float:
        action()  # (first-use caches)
        times = []
        for _ in range(REPAINTS):
            start = time.perf_counter()
            action()
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    figures = {
        "a scrollbar (Fusion, full height)": median_ms(panel.tree.verticalScrollBar().repaint),
        "the clusters list": median_ms(panel.tree.viewport().repaint),
        "the board at 100 %": median_ms(view.viewport().repaint),
    }
    out.write_text(json.dumps(figures), encoding="utf-8")
    model.close()


def run(pool: bool) -> dict[str, float]:
    env = dict(os.environ)
    env.pop("QT_NO_GUI_THREADPOOL", None)
    if not pool:
        env["QT_NO_GUI_THREADPOOL"] = "1"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.json"
        subprocess.run(
            [sys.executable, __file__, "--child", str(out)], env=env, check=True, cwd=ROOT
        )
        return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    with_pool, without = [], []
    for _ in range(3):  # alternated: the machine's speed drifts
        with_pool.append(run(pool=True))
        without.append(run(pool=False))
    print(f"{'repaint (ms, median of 3 runs)':<40} {'pool':>8} {'no pool':>8} {'ratio':>7}")
    for key in with_pool[0]:
        a = statistics.median(r[key] for r in with_pool)
        b = statistics.median(r[key] for r in without)
        print(f"{key:<40} {a:8.2f} {b:8.2f} {b / a:6.2f}x")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
    else:
        main()
