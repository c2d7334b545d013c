"""The store's part of a gesture on a file (issue 10): what one write or read of the store costs
beside a raw sqlite3 doing the same to the same rows, with the store's pragmas
(core.store_file.on_connect), measured in the same run, turn about, on two copies of one file.

The store opens its copy shared, as the window does (a watcher thread polls it meanwhile, as in
the program). The raw side: one connection, `BEGIN IMMEDIATE` ... `COMMIT` around plain UPDATEs
that set the same columns, `updated_at` and the version as the store does. An empty write
transaction of the store still commits (it stamps the file's header, store_file.next_stamp), so
its raw equivalent is the smallest commit that writes: one row's update.

    .venv/bin/python bench/bench_store_write.py [--file W.samverkan] [--notes 10000] [--runs 300]

Without --file a workshop of --notes notes (10,000) is generated. Prints one line per figure:
store median, raw median (ms), ratio, and the CPU time of each (medians, ms: steadier than the
wall time on a busy machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core import store_file  # noqa: E402
from samverkan_desktop.core.store import Store  # noqa: E402

NOTE_COLUMNS = ", ".join(f.name for f in m.Note.__dataclass_fields__.values())
CLUSTER_COLUMNS = ", ".join(f.name for f in m.Cluster.__dataclass_fields__.values())


def workshop(folder: Path, given: Path | None, notes: int) -> Path:
    """A workshop in `folder`: a copy of `given` (never written), or `notes` notes made here."""
    path = folder / "store.samverkan"
    if given is not None:
        shutil.copyfile(given, path)
        return path
    with Store.create(path) as store, store.transaction():
        clusters = [store.add_cluster(f"Kluster {c}", x=c * 900.0, width=800.0) for c in range(200)]
        for i in range(notes):
            store.add_note(
                f"Lapp {i}",
                x=float(i % 100) * 200,
                y=float(i // 100) * 160,
                cluster_id=clusters[i % 200].id if i % 3 else None,
            )
    return path


def raw_connection(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    store_file.on_connect(con, None)
    return con


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")


def raw_update(con: sqlite3.Connection, table: str, rows: list[dict[str, object]]) -> None:
    """One transaction of plain UPDATEs: the given columns, updated_at and the version."""
    keys = [k for k in rows[0] if k != "id"]
    sets = ", ".join(f"{k} = ?" for k in keys)
    stamp = now()
    con.execute("BEGIN IMMEDIATE")
    con.executemany(
        f"UPDATE {table} SET {sets}, updated_at = ?, version = version + 1 WHERE id = ?",
        [[r[k] for k in keys] + [stamp, r["id"]] for r in rows],
    )
    con.execute("COMMIT")


def measure(
    runs: int, store_side: Callable[[int], object], raw_side: Callable[[int], object]
) -> tuple[float, float, float, float]:
    """Medians (ms) of `runs` turns, store and raw one after the other, each gets the turn's
    number (so that every write changes something): wall time of each, then the CPU time of
    this thread (what the other programs on the machine and the disk's waits leave out)."""
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for turn in range(runs):
        for side, wall, cpu in zip((store_side, raw_side), walls, cpus, strict=True):
            start, used = time.perf_counter(), time.thread_time()
            side(turn)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - used) * 1000)
    return (
        statistics.median(walls[0]),
        statistics.median(walls[1]),
        statistics.median(cpus[0]),
        statistics.median(cpus[1]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, help="a workshop to copy (default: 10k notes)")
    parser.add_argument("--notes", type=int, default=10_000, help="notes of the made workshop")
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-store-write-"))
    try:
        source = workshop(folder, args.file, args.notes)
        raw_path = folder / "raw.samverkan"
        shutil.copyfile(source, raw_path)
        store = Store.open(source, shared=True)
        con = raw_connection(raw_path)
        try:
            run(store, con, args.runs)
        finally:
            con.close()
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(store: Store, con: sqlite3.Connection, runs: int) -> None:
    note_ids = [n.id for n in store.notes()]
    cluster_ids = [c.id for c in store.clusters()]
    note, cluster = note_ids[len(note_ids) // 2], cluster_ids[len(cluster_ids) // 2]
    many = note_ids[100:137]

    def empty(_turn: int) -> None:
        with store.transaction():
            pass

    def move(turn: int) -> None:
        store.move_notes({note: (float(turn), 5.0)})

    def rename(turn: int) -> None:
        store.update_clusters({cluster: {"name": f"Kluster {turn}"}})

    def update_many(turn: int) -> None:
        store.move_notes({i: (float(turn), float(i)) for i in many})

    figures: list[tuple[str, Callable[[int], object], Callable[[int], object]]] = [
        (
            "empty write transaction",
            empty,
            lambda t: raw_update(con, "notes", [{"id": note, "x": float(t)}]),
        ),
        (
            "move 1 note",
            move,
            lambda t: raw_update(con, "notes", [{"id": note, "x": float(t), "y": 5.0}]),
        ),
        (
            "rename 1 cluster",
            rename,
            lambda t: raw_update(con, "clusters", [{"id": cluster, "name": f"Kluster {t}"}]),
        ),
        (
            "update 37 notes",
            update_many,
            lambda t: raw_update(
                con, "notes", [{"id": i, "x": float(t), "y": float(i)} for i in many]
            ),
        ),
        (
            "read 1 note",
            lambda _t: store.notes([note]),
            lambda _t: con.execute(
                f"SELECT {NOTE_COLUMNS} FROM notes WHERE id IN (?)", (note,)
            ).fetchall(),
        ),
        (
            "read 1 cluster",
            lambda _t: store.clusters([cluster]),
            lambda _t: con.execute(
                f"SELECT {CLUSTER_COLUMNS} FROM clusters WHERE id IN (?)", (cluster,)
            ).fetchall(),
        ),
        (
            "read 1 note's version",
            lambda _t: store.versions("note", [note]),
            lambda _t: con.execute(
                "SELECT id, version FROM notes WHERE id IN (?)", (note,)
            ).fetchall(),
        ),
    ]
    print(f"{len(note_ids)} notes, {len(cluster_ids)} clusters; medians of {runs} turns (ms)")
    print(f"{'':26s} {'store':>7s} {'raw':>7s} {'ratio':>6s}   CPU: {'store':>7s} {'raw':>7s}")
    gc.disable()  # a collection inside one side's turn would land on that side only
    try:
        for label, store_side, raw_side in figures:
            for turn in range(20):  # warm: statement caches, pages
                store_side(turn)
                raw_side(turn)
                gc.collect()
            took, floor, cpu, raw_cpu = measure(runs, store_side, raw_side)
            print(
                f"{label:26s} {took:7.3f} {floor:7.3f} {took / floor:6.2f}"
                f"        {cpu:7.3f} {raw_cpu:7.3f}"
            )
            gc.collect()
    finally:
        gc.enable()


if __name__ == "__main__":
    main()
