"""What the write-lock tests (test_store_lock.py, test_store_lock_shared.py) share: their
workshop file, a process of this machine that has ended, and real processes that race for a
workshop's lock at one signal."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from samverkan_desktop.core.model import Workshop
from samverkan_desktop.core.store import Store

from ..program import start_script

# What every racer does first: say it is ready, then wait for the file `go` (its argv[2]).
_READY_SET_GO = """
import sys, time
from pathlib import Path
from samverkan_desktop.core.store_lock import FileLocked, WriteLock
go = Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
"""


def lock_workshop(tmp_path: Path) -> Path:
    """A workshop file with one note, closed (its lock gone)."""
    path = tmp_path / "workshop.samverkan"
    with Store.create(path, Workshop(title="Lås")) as store:
        store.add_note("en lapp")
    return path


def dead_pid() -> int:
    """The id of a process of this machine that has ended (and been reaped)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


@contextlib.contextmanager
def racing(script: str, workshop: Path, go: Path, count: int = 4) -> Iterator[list[str]]:
    """`count` Python processes, each ready and waiting for the file `go`, which this then
    makes: all run `script` on `workshop` (its argv[1]) at once. Yields the line each prints
    first after that; on leaving, each is sent a line on its stdin (to let go) and waited for."""
    racers = [start_script(_READY_SET_GO + script, workshop, go) for _ in range(count)]
    try:
        for p in racers:
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        go.touch()
        yield [p.stdout.readline().strip() for p in racers if p.stdout is not None]
    finally:
        for p in racers:
            if p.poll() is None and p.stdin is not None:
                try:
                    p.stdin.write("\n")
                    p.stdin.flush()
                except BrokenPipeError:
                    pass  # it ended between the poll and the write (a refused racer exits)
            p.communicate(timeout=30)
