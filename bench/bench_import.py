"""How long big imports take, next to a baseline measured in the same run on the same bytes.

Not a test: machines differ, so each import (read, parse, check, lay out: `load_source`) is
printed beside reading and decoding the same file (`read + decode`: the least any importer must
do) and the time the store then takes to add the result. The inputs are generated
(tests/core/importers/big_inputs.py): the transcripts issue 8 measured at over a minute (10,000
footnotes, 20,000 groups) or 40 s (100,000 lines), a big JSON export and the seed workshop.
Goal: each import under 5 s and import + store under 30 s (core/limits.py keeps any file there).

    .venv/bin/python bench/bench_import.py [--runs 3] [--no-store]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "core" / "importers"))

import big_inputs  # noqa: E402

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core.importers import load_source  # noqa: E402
from samverkan_desktop.core.importers.textdecode import decode_text  # noqa: E402
from samverkan_desktop.core.store import Store  # noqa: E402

GOAL_IMPORT_S = 5.0
GOAL_TOTAL_S = 30.0

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-store", action="store_true", help="leave out adding to a store")
    args = parser.parse_args()
    print(f"{'input':36} {'MB':>5} {'notes':>7} {'read+decode':>12} {'import':>8} "
          f"{'x':>5} {'store':>7} {'total':>7}")
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
            print(f"{label:36} {size:5.1f} {len(doc.notes):7d} {base:11.3f}s {took:7.2f}s "
                  f"{took / base:5.0f} {stored:6.2f}s {took + stored:6.2f}s")
            if took > GOAL_IMPORT_S or took + stored > GOAL_TOTAL_S:
                slow.append(label)
    print(f"goal: import under {GOAL_IMPORT_S:.0f} s, import + store under {GOAL_TOTAL_S:.0f} s"
          f" -> {'missed by ' + ', '.join(slow) if slow else 'met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
