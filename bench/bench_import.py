"""How long big imports take, next to a baseline measured in the same run on the same bytes.

Not a test: machines differ, so each import (read, parse, check, lay out: `load_source`) is
printed beside reading and decoding the same file (`read + decode`: the least any importer must
do) and the time the store then takes to add the result. The inputs are generated
(tests/core/importers/big_inputs.py): the transcripts issue 8 measured at over a minute (10,000
footnotes, 20,000 groups) or 40 s (100,000 lines), a big JSON export and the seed workshop.
Goal: each import under 5 s and import + store under 30 s (core/limits.py keeps any file there).

Then issue 10's figures for workshops of 1k/10k/40k notes, built from the seed's sentences
(`core.analysis.evaluation.recombined_document`; about half the notes in clusters of 9, laid out
and written as a JSON export): `samverkan-desktop import` of the export, run as the command
(a fresh interpreter, median of --runs), split into reading it (`load_source`: parse, check,
settle) and the store adding it (`Store.create` + `add_document`), the latter next to its floor:
a raw sqlite3 executemany of the same rows into the same empty workshop file, one transaction,
the store's pragmas. Then reading the result back (`Store.open` read-only and `notes()`) next to
a raw `SELECT * FROM notes`. Goals: import of the 10k export <= 2 s; notes() at 10k < 0.5 s.

    .venv/bin/python bench/bench_import.py [--runs 3] [--no-store] [--sizes 1000,10000,40000]
                                           [--json FILE] [--no-inputs] [--seed FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "core" / "importers"))

import big_inputs  # noqa: E402

from samverkan_desktop.core import exchange, layout, store_file  # noqa: E402
from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core.analysis.evaluation import recombined_document  # noqa: E402
from samverkan_desktop.core.importers import load_source, read_source  # noqa: E402
from samverkan_desktop.core.importers.textdecode import decode_text  # noqa: E402
from samverkan_desktop.core.store import Store  # noqa: E402

GOAL_IMPORT_S = 5.0
GOAL_TOTAL_S = 30.0
GOAL_CLI_IMPORT_10K_S = 2.0
GOAL_NOTES_10K_S = 0.5
SEEDS = REPO.parent / "shared" / "seeds"
SIZES = (1_000, 10_000, 40_000)

INPUTS: list[tuple[str, str, Callable[[], bytes]]] = [
    ("seed (orebro-2021-11-10.txt)", "seed.txt", lambda: big_inputs.SEED.read_bytes()),
    ("10 000 footnotes", "footnotes.txt", lambda: big_inputs.footnotes(10_000)),
    ("20 000 groups", "groups.txt", lambda: big_inputs.groups(20_000)),
    ("100 000 lines (the seed repeated)", "lines.txt", lambda: big_inputs.lines(100_000)),
    ("JSON, 20 000 notes", "big.json", lambda: big_inputs.exchange()),
]


def _time(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _baseline(path: Path) -> object:
    data = path.read_bytes()
    if path.suffix == ".json":
        return json.loads(data.decode("utf-8"))
    return decode_text(data)[0].splitlines()


def _store(doc: m.Document, folder: Path) -> None:
    target = folder / "bench.samverkan"
    target.unlink(missing_ok=True)
    with Store.create(target, doc.workshop) as store:
        store.add_document(doc)


def _seed(given: Path | None) -> Path:
    """The seed given, else the one the issue names, else the sample workshop."""
    if given is not None:
        return given
    seeds = sorted(SEEDS.glob("000_*.txt")) if SEEDS.is_dir() else []
    return seeds[0] if seeds else big_inputs.SEED


def workshop(seed: m.Document, notes: int) -> m.Document:
    """`notes` notes made of the seed's sentences, every other one in a cluster of nine (in
    its group), laid out as the program lays out an import."""
    doc = recombined_document(seed, notes)
    clusters: list[m.Cluster] = []
    placed = list(doc.notes)
    for i in range(0, len(placed), 2):
        number = i // 18 + 1
        if number > len(clusters):
            clusters.append(m.Cluster(number, f"Tema {number}", group_id=placed[i].group_id))
        placed[i] = dataclasses.replace(
            placed[i], cluster_id=number, group_id=clusters[number - 1].group_id
        )
    return layout.layout_document(
        dataclasses.replace(doc, clusters=tuple(clusters), notes=tuple(placed))
    )


def _sql(value: Any) -> Any:
    """A value as the store writes it (SQLAlchemy's SQLite types, done by hand)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _floor(doc: m.Document, empty: Path, target: Path) -> None:
    """The same rows with raw sqlite3: one executemany per table, one transaction."""
    shutil.copyfile(empty, target)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con = sqlite3.connect(target, isolation_level=None)
    store_file.on_connect(con, None)
    try:
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO groups (id, name, facilitators, position) VALUES (?, ?, ?, ?)",
            [(g.id, g.name, json.dumps(list(g.facilitators)), i) for i, g in enumerate(doc.groups)],
        )
        cluster_fields = [f.name for f in dataclasses.fields(m.Cluster)]
        con.executemany(
            f"INSERT INTO clusters ({', '.join(cluster_fields)}) "
            f"VALUES ({', '.join('?' * len(cluster_fields))})",
            [
                tuple(
                    _sql(now if v is None and k.endswith("_at") else v)
                    for k, v in zip(cluster_fields, dataclasses.astuple(c), strict=True)
                )
                for c in doc.clusters
            ],
        )
        note_fields = [f.name for f in dataclasses.fields(m.Note)]
        con.executemany(
            f"INSERT INTO notes ({', '.join(note_fields)}) "
            f"VALUES ({', '.join('?' * len(note_fields))})",
            [
                tuple(
                    _sql(now if v is None and k.endswith("_at") else v)
                    for k, v in zip(note_fields, dataclasses.astuple(n), strict=True)
                )
                for n in doc.notes
            ],
        )
        con.execute("COMMIT")
    finally:
        con.close()


def _cli_import(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "samverkan_desktop", "import", str(source), "--into", str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=REPO,
    )


def _raw_select(path: Path) -> None:
    con = store_file.connect(path)
    try:
        con.execute("SELECT * FROM notes ORDER BY id").fetchall()
    finally:
        con.close()


def _read_notes(path: Path) -> int:
    with Store.open(path, readonly=True) as store:
        return len(store.notes())


def _measure(doc: m.Document, tmp: Path, empty: Path, runs: int) -> dict[str, float]:
    n = len(doc.notes)
    source = tmp / f"w{n}.json"
    source.write_bytes(exchange.dumps(doc))
    target = tmp / f"w{n}.samverkan"
    cli, _ = _time(lambda: _cli_import(source, target), runs)
    load, loaded = _time(lambda: load_source(source), runs)
    placed = loaded.document  # type: ignore[attr-defined]
    store, _ = _time(lambda: _store(placed, tmp), runs)
    floor, _ = _time(lambda: _floor(placed, empty, tmp / "floor.samverkan"), runs)
    read, count = _time(lambda: _read_notes(target), runs)
    raw, _ = _time(lambda: _raw_select(target), runs)
    assert count == n, (count, n)
    return {
        "notes": n,
        "mb": source.stat().st_size / 1024 / 1024,
        "cli_import_s": cli,
        "load_s": load,
        "store_s": store,
        "store_floor_s": floor,
        "store_ratio": store / floor,
        "read_s": read,
        "read_floor_s": raw,
        "read_ratio": read / raw,
    }


def scale(sizes: list[int], runs: int, seed_file: Path | None) -> list[dict[str, float]]:
    """Issue 10's import and read figures at each size, each beside its floor."""
    seed_path = _seed(seed_file)
    seed = read_source(seed_path)
    print(
        f"\nJSON export of a workshop made from {seed_path.name}: `samverkan-desktop import`, "
        f"median of {runs}; seconds"
    )
    heads = (
        "notes",
        "MB",
        "cli import",
        "load",
        "store",
        "floor",
        "x",
        "open+notes()",
        "SELECT *",
        "x",
    )
    print(" ".join(f"{h:>12}" for h in heads))
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        empty = tmp / "empty.samverkan"
        Store.create(empty, m.Workshop("Stor workshop")).close()
        for n in sizes:
            row = _measure(workshop(seed, n), tmp, empty, runs)
            figures.append(row)
            print(
                f"{n:>12} {row['mb']:>12.1f} {row['cli_import_s']:>12.2f} {row['load_s']:>12.2f}"
                f" {row['store_s']:>12.3f} {row['store_floor_s']:>12.3f} "
                f"{row['store_ratio']:>12.1f} {row['read_s']:>12.3f} "
                f"{row['read_floor_s']:>12.3f} {row['read_ratio']:>12.1f}"
            )
    at_10k = [f for f in figures if f["notes"] == 10_000]
    if at_10k:
        met = (
            at_10k[0]["cli_import_s"] <= GOAL_CLI_IMPORT_10K_S
            and at_10k[0]["read_s"] < GOAL_NOTES_10K_S
        )
        print(
            f"goal at 10k: import <= {GOAL_CLI_IMPORT_10K_S:.0f} s, open + notes() < "
            f"{GOAL_NOTES_10K_S} s -> {'met' if met else 'missed'}"
        )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-store", action="store_true", help="leave out adding to a store")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="workshop sizes for the import and read figures (0: none)",
    )
    parser.add_argument("--json", type=Path, help="also write the scale figures here")
    parser.add_argument(
        "--seed",
        type=Path,
        help="transcript whose sentences make the workshops (default: "
        "../shared/seeds/000_*.txt, else the sample)",
    )
    parser.add_argument(
        "--no-inputs",
        action="store_true",
        help="leave out the transcripts and the big JSON (only the sizes)",
    )
    args = parser.parse_args()
    if not args.no_inputs:
        print(
            f"{'input':36} {'MB':>5} {'notes':>7} {'read+decode':>12} {'import':>8} "
            f"{'x':>5} {'store':>7} {'total':>7}"
        )
        slow = []
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            for label, name, make in INPUTS:
                path = tmp / name
                path.write_bytes(make())
                base, _ = _time(lambda p=path: _baseline(p), args.runs)
                took, loaded = _time(lambda p=path: load_source(p), args.runs)
                doc = loaded.document  # type: ignore[attr-defined]
                stored = 0.0 if args.no_store else _time(lambda d=doc: _store(d, tmp), 1)[0]
                size = path.stat().st_size / 1024 / 1024
                print(
                    f"{label:36} {size:5.1f} {len(doc.notes):7d} {base:11.3f}s {took:7.2f}s "
                    f"{took / base:5.0f} {stored:6.2f}s {took + stored:6.2f}s"
                )
                if took > GOAL_IMPORT_S or took + stored > GOAL_TOTAL_S:
                    slow.append(label)
        print(
            f"goal: import under {GOAL_IMPORT_S:.0f} s, import + store under {GOAL_TOTAL_S:.0f} s"
            f" -> {'missed by ' + ', '.join(slow) if slow else 'met'}"
        )
    sizes = [int(n) for n in args.sizes.split(",") if int(n) > 0]
    figures = scale(sizes, args.runs, args.seed) if sizes else []
    if args.json:
        args.json.write_text(json.dumps({"scale": figures}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
