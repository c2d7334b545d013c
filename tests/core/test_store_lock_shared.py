"""A shared write lock (issue 14): windows and programs of one machine hold one workshop file
open for writing together; everyone else is kept out as before (another machine, the command
line's exclusive lock), and the lock goes with its last holder."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

from samverkan_desktop.core.store import FileLocked, Store
from samverkan_desktop.core.store_lock import (
    STALE_AFTER,
    WriteLock,
    blocking_owner,
    lock_path,
    read_owner,
)

from .lock_processes import dead_pid, lock_workshop, racing

HOST = socket.gethostname()


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return lock_workshop(tmp_path)


def holders(document: Path) -> list[str]:
    return [h["token"] for h in json.loads(lock_path(document).read_text("utf-8"))["holders"]]


def shared_lock(document: Path, *, host: str = HOST, pids=(1,), age: float = 0.0) -> Path:
    """A shared lock as other programs leave it, one holder per pid."""
    entries = [
        {
            "app": "Samverkan Desktop",
            "user": "kerstin",
            "pid": pid,
            "since": "2026-03-01T08:30:00+00:00",
            "token": f"deras{pid}",
        }
        for pid in pids
    ]
    data = {**entries[0], "host": host, "shared": True, "holders": entries}
    lock = lock_path(document)
    lock.write_text(json.dumps(data), "utf-8")
    moment = time.time() - age
    os.utime(lock, (moment, moment))
    return lock


def test_shared_holders_join_and_the_last_one_out_removes_the_lock(workshop: Path):
    first = WriteLock.acquire(workshop, shared=True)
    second = WriteLock.acquire(workshop, shared=True)
    try:
        assert holders(workshop) == [first._token, second._token]
        assert first.refresh() and second.refresh()
        assert [o.since for o in first.others()] == [second.owner.since]
        assert len(second.others()) == 1
        assert blocking_owner(workshop, shared=True) is None
        assert blocking_owner(workshop, shared=False).pid == os.getpid()
        first.release()
        assert holders(workshop) == [second._token] and second.refresh()
        data = json.loads(lock_path(workshop).read_text("utf-8"))
        assert data["token"] == second._token  # the top level names the one still there
        assert second.others() == []
    finally:
        first.release()
        second.release()
    assert not lock_path(workshop).exists() and read_owner(workshop) is None
    assert sorted(p.name for p in workshop.parent.iterdir()) == ["workshop.samverkan"]


def test_an_exclusive_opener_is_refused_by_a_shared_lock_and_a_shared_one_by_an_exclusive(
    workshop: Path,
):
    with Store.open(workshop, shared=True):
        with pytest.raises(FileLocked) as info:
            Store.open(workshop)  # the command line, a restore: alone or not at all
        assert info.value.owner.pid == os.getpid() and info.value.owner.shared
    with Store.open(workshop):
        with pytest.raises(FileLocked) as info:
            Store.open(workshop, shared=True)
        assert not info.value.owner.shared
    assert not lock_path(workshop).exists()


def test_another_machines_shared_lock_is_not_joined(workshop: Path):
    """SQLite's locks cannot be trusted across machines on a network share."""
    before = workshop.read_bytes()
    shared_lock(workshop, host="KONFERENS-PC", pids=(dead_pid(),), age=STALE_AFTER - 60)
    with pytest.raises(FileLocked) as info:
        Store.open(workshop, shared=True)
    assert "av kerstin på KONFERENS-PC sedan " in str(info.value)
    assert workshop.read_bytes() == before and holders(workshop) == [f"deras{info.value.owner.pid}"]


def test_a_shared_lock_is_stale_only_when_every_holder_has_ended(workshop: Path):
    gone = dead_pid()
    shared_lock(workshop, pids=(gone, os.getppid()))  # one ended, one still running
    assert read_owner(workshop) is not None
    with Store.open(workshop, shared=True) as store:  # joins, and drops the one that ended
        assert holders(workshop) == [f"deras{os.getppid()}", store._lock._token]
    assert holders(workshop) == [f"deras{os.getppid()}"]  # left as it found it, less its own
    shared_lock(workshop, pids=(gone, dead_pid()))
    assert read_owner(workshop) is None
    with Store.open(workshop) as store:  # taken over, exclusively
        assert json.loads(lock_path(workshop).read_text("utf-8"))["pid"] == os.getpid()
        assert "holders" not in json.loads(lock_path(workshop).read_text("utf-8"))


def test_a_shared_holder_taken_over_turns_read_only(workshop: Path):
    with Store.open(workshop, shared=True) as store:
        shared_lock(workshop, host="ANNAN")  # the other machine took it over while we slept
        assert not store.refresh_lock() and store.readonly
    assert holders(workshop) == ["deras1"]


_JOINER = """
lock = WriteLock.acquire(Path(sys.argv[1]), shared=True)
print(lock._token, flush=True)
sys.stdin.readline()
lock.release()
"""


def test_four_processes_joining_at_once_are_all_listed(workshop: Path, tmp_path: Path):
    go = tmp_path / "go"  # beside the workshop: its folder is checked at the end
    with racing(_JOINER, workshop, go) as tokens:
        assert len(set(tokens)) == 4 and set(holders(workshop)) == set(tokens)
    assert not lock_path(workshop).exists()
    assert sorted(p.name for p in workshop.parent.iterdir()) == ["go", "workshop.samverkan"]
