"""Several facilitators on one server workshop at once (issue 14's load test, the store's part):
every client a process of its own that makes random edits (drags, Ctrl+G in and out) based on
the versions it has seen, follows the others through `Store.watch`, and logs each edit before
and after its commit. One client is killed (SIGKILL) halfway and started again.

Afterwards: every client's view equals the database; no committed edit was lost (no two
commits from the same version of a note, and each note holds the edit of its last version);
the time from one client's commit to another's hearing it, median and 95th percentile
(target: p95 <= 1 s). Exit status 1 when a check fails.

    .venv/bin/python bench/load_test.py [--clients 8] [--edits 2000] [--notes 2000]
        [--url postgresql://...]   (default: a throwaway server, as the tests start one)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from throwaway_server import throwaway_server  # noqa: E402

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core.store import Change, RowMovedOn, Store  # noqa: E402

KEY = "belastning"


# --------------------------------------------------------------------- one client
def client(url: str, number: int, edits: int, folder: Path) -> None:
    log_path = folder / f"client-{number}.jsonl"
    done_before = 0
    if log_path.exists():  # started again after a kill: go on where it stopped
        done_before = sum(
            1
            for line in log_path.read_text().splitlines()
            if line.endswith("}") and json.loads(line)["state"] in ("done", "refused")
        )
    log = log_path.open("a", buffering=1)
    rng = random.Random(number * 7919 + done_before)
    store = Store.open_url(url, KEY)
    heard: list[tuple[float, Change]] = []
    lock = threading.Lock()

    def on_change(change: Change) -> None:
        with lock:
            heard.append((time.time(), change))

    store.watch(on_change)
    view = {n.id: n for n in store.notes()}
    versions = store.versions("note")
    clusters = [c.id for c in store.clusters()]
    heard_log = (folder / f"heard-{number}.jsonl").open("a", buffering=1)

    def catch_up() -> None:
        with lock:
            batch, heard[:] = list(heard), []
        wanted: set[int] = set()
        for at, change in batch:
            ids = sorted(change.changed.get("note", ()))
            heard_log.write(json.dumps({"t": at, "notes": ids, "all": change.everything}) + "\n")
            if change.everything:
                wanted |= set(view)
            wanted |= set(ids)
        if wanted:
            for note in store.notes(wanted):
                view[note.id] = note
            versions.update(store.versions("note", wanted))

    ids = sorted(view)
    for _ in range(edits - done_before):
        catch_up()
        note_id = rng.choice(ids)
        if rng.random() < 0.7:
            values: dict[str, object] = {
                "x": float(rng.randrange(10_000)),
                "y": float(rng.randrange(10_000)),
            }
        else:
            values = {"cluster_id": rng.choice([None, *clusters])}
        based = versions[note_id]
        entry = {"client": number, "note": note_id, "version": based + 1, "values": values}
        log.write(json.dumps({**entry, "state": "try"}) + "\n")
        started = time.time()
        try:
            store.update_notes({note_id: values}, based_on={note_id: based})
        except RowMovedOn:
            log.write(json.dumps({**entry, "state": "refused"}) + "\n")
            versions.update(store.versions("note", [note_id]))
            view[note_id] = store.note(note_id)
            continue
        log.write(json.dumps({**entry, "state": "done", "t0": started, "t": time.time()}) + "\n")
        versions[note_id] = based + 1
        view[note_id] = store.note(note_id)
    (folder / f"finished-{number}").touch()
    while not (folder / "all-finished").exists():
        time.sleep(0.05)
        catch_up()
    time.sleep(1.0)  # the last notifications arrive
    catch_up()
    (folder / f"view-{number}.json").write_text(
        json.dumps({str(i): [versions[i], n.x, n.y, n.cluster_id] for i, n in view.items()})
    )
    store.close()


# --------------------------------------------------------------------- the whole run
def run(url: str, clients: int, edits: int, notes: int) -> int:
    with Store.create_url(url, m.Workshop("Belastningsprov"), key=KEY) as store:
        store.add_document(
            m.Document(
                clusters=tuple(m.Cluster(c, f"Tema {c}") for c in range(1, 41)),
                notes=tuple(m.Note(i, f"Lapp {i}", x=float(i), y=0.0) for i in range(1, notes + 1)),
            )
        )
    folder = Path(tempfile.mkdtemp(prefix="samverkan-load-"))

    def start(number: int) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--client",
                str(number),
                "--url",
                url,
                "--edits",
                str(edits),
                "--folder",
                str(folder),
            ]
        )

    began = time.monotonic()
    procs = {n: start(n) for n in range(clients)}
    victim = random.Random(1).randrange(clients)
    log = folder / f"client-{victim}.jsonl"
    while not log.exists() or log.read_text().count('"done"') < edits // 2:
        if procs[victim].poll() is not None:
            break
        time.sleep(0.05)
    if procs[victim].poll() is None:
        procs[victim].send_signal(signal.SIGKILL)
        procs[victim].wait()
        print(f"client {victim} killed halfway and started again")
        procs[victim] = start(victim)
    while not all((folder / f"finished-{n}").exists() for n in range(clients)):
        if any(p.poll() not in (None, 0) for p in procs.values()):
            print("a client failed")
            return 1
        time.sleep(0.1)
    elapsed = time.monotonic() - began
    (folder / "all-finished").touch()
    failed = [n for n, p in procs.items() if p.wait() != 0]
    if failed:
        print(f"clients {failed} failed")
        return 1
    return verify(url, folder, clients, elapsed)


def verify(url: str, folder: Path, clients: int, elapsed: float) -> int:
    with Store.open_url(url, KEY, readonly=True) as store:
        versions = store.versions("note")
        db = {str(n.id): [versions[n.id], n.x, n.y, n.cluster_id] for n in store.notes()}
    problems = []
    for n in range(clients):
        view = json.loads((folder / f"view-{n}.json").read_text())
        if view != db:
            wrong = sum(view.get(k) != v for k, v in db.items())
            problems.append(f"client {n}'s view differs from the database in {wrong} notes")
    tried: dict[tuple[int, int], list[dict]] = {}
    commits: list[tuple[float, float, int, int]] = []
    refused = 0
    for n in range(clients):
        for line in (folder / f"client-{n}.jsonl").read_text().splitlines():
            if not line.endswith("}"):
                continue  # the line the kill cut short
            entry = json.loads(line)
            tried.setdefault((entry["note"], entry["version"]), []).append(entry)
            if entry["state"] == "done":
                commits.append((entry["t0"], entry["t"], entry["note"], n))
            refused += entry["state"] == "refused"
    for (note, version), entries in tried.items():
        done = [e for e in entries if e["state"] == "done"]
        if len(done) > 1:
            problems.append(f"note {note}: {len(done)} commits from version {version - 1}")
        if done and version > db[str(note)][0]:
            problems.append(f"note {note}: committed version {version} is not in the database")
    for note, (version, x, y, cluster) in db.items():
        if version == 1:
            continue
        last = [e for e in tried.get((int(note), version), []) if e["state"] != "refused"]
        now = {"x": x, "y": y, "cluster_id": cluster}
        if not any(all(now[k] == v for k, v in e["values"].items()) for e in last):
            problems.append(f"note {note}: holds no logged edit of its version {version}")
    delays = latencies(folder, clients, commits)
    print(
        f"{len(commits)} edits committed, {refused} refused as based on an old version, "
        f"in {elapsed:.1f} s by {clients} clients"
    )
    if delays:
        p50 = statistics.median(delays)
        p95 = statistics.quantiles(delays, n=20)[-1]
        print(
            f"write -> another client heard it: median {p50 * 1000:.1f} ms, "
            f"95th percentile {p95 * 1000:.1f} ms (target <= 1000 ms)"
        )
        if p95 > 1.0:
            problems.append("the 95th percentile is above 1 s")
    for problem in problems[:20]:
        print("PROBLEM:", problem)
    print("all checks passed" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


def latencies(
    folder: Path, clients: int, commits: list[tuple[float, float, int, int]]
) -> list[float]:
    """For every note a client heard about: the time since the latest write of that note by
    another client that had begun by then (the commit it heard), counted from the writer's
    call: an upper bound, the write itself included (a notification may come before the
    writer's call has returned, so its return cannot be the start)."""
    by_note: dict[int, list[tuple[float, float, int]]] = {}
    for t0, t1, note, n in sorted(commits):
        by_note.setdefault(note, []).append((t0, t1, n))
    delays = []
    for n in range(clients):
        for line in (folder / f"heard-{n}.jsonl").read_text().splitlines():
            if not line.endswith("}"):
                continue
            entry = json.loads(line)
            for note in entry["notes"]:
                begun = [
                    t0 for t0, _t1, who in by_note.get(note, []) if t0 <= entry["t"] and who != n
                ]
                if begun:
                    delays.append(entry["t"] - begun[-1])
    return delays


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--edits", type=int, default=2000)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--url")
    parser.add_argument("--client", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client is not None:
        client(args.url, args.client, args.edits, args.folder)
        return 0
    if args.url:
        return run(args.url, args.clients, args.edits, args.notes)
    server = throwaway_server()
    try:
        return run(server.new_database(), args.clients, args.edits, args.notes)
    finally:
        server.stop()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
