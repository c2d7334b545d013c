"""A bounded SIGKILL soak (issue 8): a writer process doing what the app does (moves, votes,
new clusters, whole imports, some of them large enough to spill into the file before they
commit) is killed at random moments, about a minute in all. After every kill the file opens, is
sound, and holds every change the writer had reported as committed, and nothing half-done."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
BUDGET_S = 45.0
MAX_KILLS = 80

# Each transaction also counts itself in meta, so the file says how many committed.
_WRITER = r"""
import random, sys
from sqlalchemy import text
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store
path, seed, salt = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(salt)
doc = read_source(seed)
store = Store.open(path)
count = int(store.get_meta("soak/count") or 0)
ids = [n.id for n in store.notes()]
print("ready", flush=True)
while True:
    with store.transaction() as s:
        if rng.random() < 0.3:
            s.execute(text("PRAGMA cache_size=2"))  # spill pages before the commit
        else:
            s.execute(text("PRAGMA cache_size=-2000"))
        op = rng.random()
        some = rng.sample(ids, min(len(ids), rng.randint(1, 60)))
        if op < 0.35:
            store.move_notes({i: (rng.uniform(0, 9000), rng.uniform(0, 9000)) for i in some})
        elif op < 0.55:
            store.update_notes({i: {"votes": rng.randint(0, 9)} for i in some})
        elif op < 0.75:
            cluster = store.add_cluster(f"Tema {count}", x=10.0, y=10.0, width=400.0,
                                        height=300.0)
            store.set_membership({i: cluster.id for i in some})
        else:
            added = store.add_document(doc)
            ids.extend(added["notes"].values())
        count += 1
        store.set_meta("soak/count", str(count))
    print(count, flush=True)
"""


def _sound(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow  # its 45-second budget is the point; `make test` and .ci/run still run it
def test_sigkill_at_random_moments_loses_no_committed_change(tmp_path: Path):
    path = tmp_path / "soak.samverkan"
    doc = read_source(SEED)
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(264)
    started = time.monotonic()
    kills = 0
    reported_total = 0
    while time.monotonic() - started < BUDGET_S and kills < MAX_KILLS:
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(SEED), str(kills)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert writer.stdout is not None
        ready = writer.stdout.readline().strip()
        if ready != "ready":
            writer.kill()
            raise AssertionError(f"the writer did not start: {writer.stderr.read()}")
        time.sleep(rng.uniform(0.0, 0.6))
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL, err
        reported = [int(line) for line in out.split()]
        kills += 1

        with Store.open(path) as store:  # for writing: what the app does after a crash
            in_file = int(store.get_meta("soak/count") or 0)
            notes = store.notes()
            clusters = {c.id for c in store.clusters()}
        assert _sound(path) == "ok"
        last = reported[-1] if reported else reported_total
        # Every change reported committed is there; at most one more (committed, not reported).
        assert last <= in_file <= last + 1, (kills, last, in_file)
        assert len(notes) % len(doc.notes) == 0  # an import is all of it or none of it
        assert all(n.cluster_id is None or n.cluster_id in clusters for n in notes)
        reported_total = in_file
    with Store.open(path) as store:
        # A journal that never got past the writer's cache is not hot: SQLite leaves it until
        # the next write, which is this one.
        store.set_meta("soak/checked", "ja")
    print(f"SIGKILL soak: {kills} kills, {reported_total} commits, 0 lost, 0 unsound")
    assert kills >= 20, f"only {kills} kills in {BUDGET_S} s"
    assert reported_total > kills  # the writer got real work done between the kills
    assert sorted(p.name for p in tmp_path.iterdir()) == ["soak.samverkan"]
