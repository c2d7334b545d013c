"""Two programs on one workshop file (issue 14): how long from one's commit to the other
hearing it through the file's change log, and what the watching costs while nobody writes.

A second process opens the file shared and moves one note at a time, at random moments (so
the commits fall anywhere in the watcher's 250 ms turn), printing the moment each commit
returned; this process watches and notes the moment each change arrives. Both moments are
CLOCK_MONOTONIC, one clock for the whole machine. Target: p95 under 1 s.

    .venv/bin/python bench/bench_filewatch.py [--commits 100] [--notes 2000]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from samverkan_desktop.core.store import Change, Store  # noqa: E402

_WRITER = """
import random, sys, time
from pathlib import Path
from samverkan_desktop.core.store import Store

store = Store.open(Path(sys.argv[1]), shared=True)
ids = [n.id for n in store.notes()]
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(sys.argv[2])):
    time.sleep(random.uniform(0.05, 0.35))
    note = ids[i % len(ids)]
    start = time.monotonic()
    store.update_notes({note: {"x": float(i)}})
    print(note, start, time.monotonic(), flush=True)
store.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--notes", type=int, default=2000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-filewatch-"))
    path = folder / "workshop.samverkan"
    with Store.create(path) as store, store.transaction():
        for i in range(args.notes):
            store.add_note(f"Lapp {i}", x=float(i % 50) * 200, y=float(i // 50) * 160)

    heard: dict[int, float] = {}
    arrived = threading.Condition()

    def on_change(change: Change) -> None:
        now = time.monotonic()
        with arrived:
            for note in change.changed.get("note", ()):
                heard.setdefault(note, now)
            arrived.notify_all()

    with Store.open(path, shared=True) as watching:
        watching.watch(on_change)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        time.sleep(5)
        idle = resource.getrusage(resource.RUSAGE_SELF)
        idle_ms = (idle.ru_utime - usage.ru_utime + idle.ru_stime - usage.ru_stime) * 1000
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(args.commits)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "ready"
        writer.stdin.write("go\n")
        writer.stdin.flush()
        latencies, commits = [], []
        for line in writer.stdout:
            note_s, start_s, end_s = line.split()
            note, start, end = int(note_s), float(start_s), float(end_s)
            commits.append(end - start)
            with arrived:
                arrived.wait_for(lambda n=note: n in heard, timeout=5)
                latencies.append(heard.pop(note, float("inf")) - end)
        writer.wait(30)

    pct = statistics.quantiles(latencies, n=20)
    print(f"{len(latencies)} commits by another process on a file of {args.notes} notes")
    print(
        f"commit -> heard: median {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {pct[18] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms (target p95 < 1000)"
    )
    commit_ms = statistics.median(commits) * 1000
    print(f"one commit (one note, change log included): median {commit_ms:.1f} ms")
    print(f"watching while nobody writes: {idle_ms / 5:.1f} ms CPU a second")


if __name__ == "__main__":
    main()
