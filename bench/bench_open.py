"""What opening a workshop file costs now that it is checked before use, next to the reads the
app does anyway, measured in the same run.

Not a test: machines differ. For workshops of 1,000, 10,000 and 40,000 notes: `Store.open`
(journal judged, quick_check, length against header, every cell's type, no cycle of clusters),
then the same file's `store.document()` (what the board reads right after opening) and a bare
`SELECT * FROM notes` through sqlite3 as baselines. `take_backup` is the backup made on open.

    .venv/bin/python bench/bench_open.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core import store_backup, store_file  # noqa: E402
from samverkan_desktop.core.store import Store  # noqa: E402


def workshop(path: Path, notes: int) -> None:
    groups = tuple(m.Group(g, f"Grupp {g}") for g in range(1, 21))
    clusters = tuple(
        m.Cluster(c, f"Tema {c}", x=float(c) * 500, y=0.0, width=400.0, height=300.0)
        for c in range(1, notes // 9 + 1)
    )
    doc = m.Document(
        m.Workshop("Stor workshop"),
        groups,
        clusters,
        tuple(
            m.Note(
                i,
                f"Lapp {i} om mötesplatser och trygghet i parken",
                group_id=i % 20 + 1,
                x=float(i % 100) * 210,
                y=float(i // 100) * 140,
                cluster_id=(i // 18 + 1) if i % 2 else None,
            )
            for i in range(1, notes + 1)
        ),
    )
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(path: Path, backups: Path, runs: int) -> tuple[float, float, float, float]:
    def bare() -> None:
        con = store_file.connect(path)
        con.execute("SELECT * FROM notes").fetchall()
        con.close()

    opened = median_ms(lambda: Store.open(path, readonly=True).close(), runs)
    with Store.open(path, readonly=True) as store:
        read = median_ms(store.document, runs)
        backup = median_ms(lambda: store_backup.take_backup(store, backups), runs)
    return opened, read, median_ms(bare, runs), backup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    heads = ("notes", "open", "document()", "SELECT *", "backup")
    print(" ".join(f"{h:>11}" for h in heads), " (ms, median)")
    with tempfile.TemporaryDirectory() as folder:
        for notes in (1_000, 10_000, 40_000):
            path = Path(folder) / f"w{notes}.samverkan"
            workshop(path, notes)
            figures = measure(path, Path(folder) / "backups", args.runs)
            print(f"{notes:>11}", " ".join(f"{f:>11.1f}" for f in figures))


if __name__ == "__main__":
    main()
