"""Why bench_scale's gesture floors pause before each write: a raw sqlite3 commit of one note
(the store's pragmas: rollback journal, synchronous=FULL) right after another commit, beside the
same commit after a pause, in the same run, turn about.

On this machine's disk a commit that follows the last one at once took about two thirds of one
that follows a pause of 5 ms or more, and a longer pause made no further difference. A gesture's
own commit always follows the user's input, so a floor of back-to-back writes is a floor no
gesture can have.

    .venv/bin/python bench/bench_write_pause.py [--notes 1000] [--rounds 20]

Prints one line per pause: the median commit (ms) and its ratio to the back-to-back one.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import bench_scale as scale

PAUSES = (0.0, 0.005, 0.02, 0.05, 0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pause.samverkan"
        doc = scale.workshop(scale.read_source(scale.SEED), args.notes)
        scale.write_workshop(doc, path)
        note = doc.notes[0]
        con = scale.raw_connection(path)
        try:
            times: dict[float, list[float]] = {pause: [] for pause in PAUSES}
            for _ in range(args.rounds):
                for pause in PAUSES:  # turn about, so that a slow moment hits every pause
                    if pause:
                        time.sleep(pause)
                    start = time.perf_counter()
                    scale.raw_write(con, [note], [], [], [])
                    times[pause].append((time.perf_counter() - start) * 1000)
        finally:
            con.close()
    at_once = statistics.median(times[0.0])
    print(f"one-note commit, {args.rounds} rounds, medians:")
    for pause in PAUSES:
        took = statistics.median(times[pause])
        label = f"after a pause of {pause * 1000:g} ms" if pause else "right after the last commit"
        print(f"  {label:<32} {took:6.2f} ms  {took / at_once:4.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
