"""The theme map at 1k/2k/4k/10k notes: how long the layout, the spacing of themes in the layout
(`graph._separated`) and the placement of the PDF page's themes (`theme_picture.place`) take.

Not a test: machines differ, so each figure is printed beside a floor measured in the same run:
just walking the themes and working out each one's size (what any placement must do once).
The workshops are the seed's clauses recombined (as the suggestion benchmark does), about half
of the notes in top-level clusters of about nine, a few notes linked across clusters. Placement
and spacing should grow as n log n: their ratio to the floor stays about flat.

    .venv/bin/python bench/bench_theme_map.py [--notes 1000 2000 4000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core.analysis import graph as tg  # noqa: E402
from samverkan_desktop.core.analysis.evaluation import recombined_document  # noqa: E402
from samverkan_desktop.core.importers import read_source  # noqa: E402
from samverkan_desktop.render import pdf_report  # noqa: E402
from samverkan_desktop.render import theme_picture as tp  # noqa: E402
from samverkan_desktop.render.qt_app import ensure_app  # noqa: E402

SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
SHARED_SEED = REPO.parent / "shared" / "seeds" / "000_a92cbaa44183fa4f.txt"
# The PDF's map: about a landscape A4 page's map area at the report's resolution, names as big
# and as small as render/pdf_report.py lets them be.
PAGE = QRectF(0, 0, 12500, 7000)
MAX_UNIT = pdf_report.MAP_NAME_PT / 72 * pdf_report.RESOLUTION / tp.LABEL_PX
MIN_UNIT = MAX_UNIT * pdf_report.MAP_NAME_MIN_PT / pdf_report.MAP_NAME_PT


def clustered(n: int, seed_path: Path) -> m.Document:
    """`n` recombined notes, about half of them in top-level clusters of about nine."""
    base = recombined_document(read_source(seed_path), n, seed=n)
    rng = random.Random(n)
    notes = list(base.notes)
    clustered_notes = rng.sample(range(n), n // 2)
    themes = max(1, len(clustered_notes) // 9)
    clusters = tuple(
        m.Cluster(i + 1, " ".join(notes[clustered_notes[i]].text.split()[:3]) or f"Tema {i + 1}")
        for i in range(themes)
    )
    for k, index in enumerate(clustered_notes):
        notes[index] = notes[index].with_(cluster_id=k % themes + 1)
    links = tuple(
        m.Link(notes[a].id, notes[b].id, m.RELATES_TO)
        for a, b in (rng.sample(clustered_notes, 2) for _ in range(n // 100))
    )
    return m.Document(base.workshop, base.groups, clusters, tuple(notes), links)


def timed(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, nargs="+", default=[1000, 2000, 4000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_app()
    seed = SHARED_SEED if SHARED_SEED.exists() else SEED
    print(f"Temakartan; median av {args.runs} körningar, ms (kvot mot golvet inom parentes).")
    print("Golv: gå igenom temana och räkna ut varje temas storlek.")
    head = ("lappar", "teman", "golv", "layout", "_separated", "place()")
    print("".join(f"{h:>18}" for h in head))
    for n in args.notes:
        doc = clustered(n, seed)
        nodes, edges = tg.theme_overview(tg.build_graph(doc))
        groups = {g.id for g in doc.groups}
        colours = {g: QColor("#0072B2") for g in groups}
        labels = {g: f"G{g}" for g in groups}
        spread = min(PAGE.width(), PAGE.height()) / 2
        spacing = tp.LABEL_ROOM * MAX_UNIT / spread
        themes = tp.theme_map(
            nodes,
            edges,
            colours,
            labels,
            min_distance=spacing,
            name_width=pdf_report.MAP_NAME_WIDTH,
        )
        raw = tg.theme_layout(nodes, edges)

        def floor(themes: tp.ThemeMap = themes) -> None:
            biggest = max(g.node.notes for g in themes.glyphs.values())
            for glyph in themes.glyphs.values():
                tp.radius(glyph.node.notes, biggest)
                glyph.parts()

        def layout(nodes: list[tg.ThemeNode] = nodes, edges: list[tg.ThemeEdge] = edges) -> None:
            tg.theme_layout(nodes, edges)

        def separated(raw: dict[int, tuple[float, float]] = raw, spacing: float = spacing) -> None:
            tg._separated(raw, spacing)

        def placed(themes: tp.ThemeMap = themes) -> None:
            tp.place(themes, PAGE, max_unit=MAX_UNIT, min_unit=MIN_UNIT)

        base = timed(floor, args.runs)
        times = [timed(f, args.runs) for f in (layout, separated, placed)]
        row = [f"{n:>18}", f"{len(nodes):>18}", f"{base:>18.1f}"]
        for value in times:
            row.append(f"{value:>10.1f} ({value / base:>4.0f}×)")
        print("".join(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
