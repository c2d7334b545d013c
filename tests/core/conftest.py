"""Fixtures for core tests that need odd things on disk (PostgreSQL: tests/conftest.py)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


class Pipe:
    """A named pipe that nobody writes to. Code that opens it to read would wait forever; a
    helper thread lets such a reader go after `GRACE` seconds, so a regression fails the test
    (`elapsed()` is too long) instead of hanging the run."""

    GRACE = 2.0

    def __init__(self, path: Path) -> None:
        self.path = path
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._release_readers, daemon=True)
        self._thread.start()

    def _release_readers(self) -> None:
        self._stop.wait(self.GRACE)
        while not self._stop.is_set():
            try:  # succeeds only while a reader waits in open(); it then reads end-of-file
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
            self._stop.wait(0.05)

    def elapsed(self) -> float:
        return time.monotonic() - self._started

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


@pytest.fixture
def pipe(tmp_path: Path) -> Iterator[Pipe]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are a POSIX thing")
    path = tmp_path / "rör.txt"
    os.mkfifo(path)
    p = Pipe(path)
    yield p
    p.stop()


def crashed_copy(source: Path, target: Path) -> None:
    """Leave `target` as a crash in the middle of a large write to a copy of `source` leaves it:
    partly overwritten, with its hot journal beside it (`source` may be `target`)."""
    folder = Path(tempfile.mkdtemp(prefix="samverkan-crash-"))
    working = folder / "working.samverkan"
    shutil.copyfile(source, working)
    con = sqlite3.connect(working, isolation_level=None)
    try:
        con.execute("PRAGMA cache_size=1")  # spill changed pages into the file before commit
        con.execute("BEGIN")
        con.execute("UPDATE notes SET text = 'HALVSKRIVEN'")
        con.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            ((f"k{i}", "x" * 3000) for i in range(100)),
        )
        shutil.copyfile(working, target)
        journal = target.with_name(target.name + "-journal")
        shutil.copyfile(folder / "working.samverkan-journal", journal)
    finally:
        con.execute("ROLLBACK")
        con.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def crash():
    """`crash(source, target)`: see `crashed_copy`."""
    return crashed_copy
