"""The board with 10,000 notes: how long opening, painting and the common gestures take.

Not a test: machines differ. The notes are the seed's clauses recombined (as the suggestion
benchmark does), laid out in group columns as an import would be. Each gesture goes through the
view's viewport as the mouse and keyboard deliver it, and ends with the store written.

    .venv/bin/python bench/bench_board.py [--notes 10000]
"""

from __future__ import annotations

import argparse
import os
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

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from samverkan_desktop.core.analysis.evaluation import recombined_document  # noqa: E402
from samverkan_desktop.core.importers import read_source  # noqa: E402
from samverkan_desktop.core.layout import layout_document  # noqa: E402
from samverkan_desktop.core.store import Store  # noqa: E402
from samverkan_desktop.ui.board import BoardActions, BoardScene, BoardView  # noqa: E402
from samverkan_desktop.ui.document import DocumentModel  # noqa: E402

SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def timed(label: str, action: Callable[[], object], runs: int = 1) -> object:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<52} {statistics.median(times):8.0f} ms")
    return result


def baseline(doc, path: Path, width: float, height: float) -> None:
    """The floor Qt itself sets: the same notes as plain rectangles with plain text, no model."""

    def build() -> QGraphicsScene:
        plain = QGraphicsScene()
        for n in doc.notes:
            rect = QGraphicsRectItem(0, 0, width, height)
            rect.setPos(n.x, n.y)
            QGraphicsSimpleTextItem(n.text[:60], rect)
            plain.addItem(rect)
        return plain

    plain = timed("baseline: plain QGraphicsScene of the same notes", build)
    view = QGraphicsView(plain)
    view.resize(1400, 900)
    view.show()
    QTest.qWaitForWindowExposed(view)
    view.fitInView(plain.itemsBoundingRect())
    timed("baseline: paint plain scene zoomed to fit", view.viewport().repaint, 5)
    view.resetTransform()
    view.centerOn(doc.notes[0].x, doc.notes[0].y)
    timed("baseline: paint plain scene at 100 %", view.viewport().repaint, 5)
    store_move = Store.open(path)
    first = doc.notes[0]
    timed(
        "baseline: store.move_notes of one note, no UI",
        lambda: store_move.move_notes({1: (first.x + 1, first.y)}),
        3,
    )
    store_move.close()
    view.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)

    doc = layout_document(recombined_document(read_source(SEED), args.notes, seed=1))
    path = Path(tempfile.mkdtemp()) / "big.samverkan"
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    baseline(doc, path, 200.0, 130.0)
    print()
    model = timed("open: read every note", lambda: DocumentModel(Store.open(path)))
    scene = timed("open: build the board", lambda: BoardScene(model))
    view = BoardView(scene)
    BoardActions(view, model)
    view.resize(1400, 900)
    view.show()
    QTest.qWaitForWindowExposed(view)
    viewport = view.viewport()

    timed("paint: zoomed to fit", lambda: (view.zoom_to_fit(), viewport.repaint()), 5)
    print(f"{'  (fit zoom)':<52} {view.zoom():8.2f}")
    note = scene.note_items()[0]
    view.set_zoom(1.0)
    view.centerOn(note.scene_rect().center())
    timed("paint: 100 %", viewport.repaint, 5)

    def drag() -> None:
        start = view.mapFromScene(note.scene_rect().center())
        QTest.mousePress(viewport, LEFT, NONE, start)
        for step in range(1, 6):
            QTest.mouseMove(viewport, start + QPoint(40 * step, 20 * step))
        QTest.mouseRelease(viewport, LEFT, NONE, start + QPoint(200, 100))

    timed("drag one note (5 moves, release, store write)", drag, 3)
    view.set_zoom(0.4)

    def group() -> None:
        scene.select_notes([i.note_id for i in scene.note_items()[100:120]])
        QTest.keyClick(viewport, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(viewport, Qt.Key.Key_Return)

    timed("Ctrl+G on 20 notes", group)
    timed("undo Ctrl+G", model.undo_stack.undo)
    timed("undo the drags", lambda: [model.undo_stack.undo() for _ in range(3)])
    model.close()
    del app


if __name__ == "__main__":
    main()
