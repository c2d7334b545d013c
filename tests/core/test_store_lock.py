"""One writer per file: the lock file beside a workshop, its owner, heartbeat and takeover."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from samverkan_desktop.core import store_lock
from samverkan_desktop.core.store import FileLocked, LockUnavailable, Store, StoreError
from samverkan_desktop.core.store_lock import STALE_AFTER, WriteLock, lock_path, read_owner

from .lock_processes import dead_pid, lock_workshop, racing

HOST = socket.gethostname()


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return lock_workshop(tmp_path)


def write_lock(
    document: Path,
    *,
    host: str = HOST,
    pid: int = 1,
    age: float = 0.0,
    user: str = "kerstin",
    token: str = "deras",
) -> Path:
    """A lock file as another program leaves it, with a heartbeat `age` seconds old."""
    lock = lock_path(document)
    data = {
        "app": "Samverkan Desktop 0.1.0",
        "user": user,
        "host": host,
        "pid": pid,
        "since": "2026-03-01T08:30:00+00:00",
        "token": token,
    }
    lock.write_text(json.dumps(data), "utf-8")
    moment = time.time() - age
    os.utime(lock, (moment, moment))
    return lock


def test_acquire_writes_who_and_release_removes_it(workshop: Path):
    lock = WriteLock.acquire(workshop)
    assert lock.path == workshop.with_name(".~lock.workshop.samverkan#")
    data = json.loads(lock.path.read_text("utf-8"))
    assert data["pid"] == os.getpid() and data["host"] == HOST and data["user"]
    assert data["since"].endswith("+00:00") and len(data["token"]) == 32
    owner = read_owner(workshop)
    assert owner is not None and (owner.pid, owner.host) == (os.getpid(), HOST)
    lock.release()
    assert not lock.path.exists() and read_owner(workshop) is None
    lock.release()  # twice is harmless


def test_refresh_is_a_heartbeat(workshop: Path):
    lock = WriteLock.acquire(workshop)
    try:
        os.utime(lock.path, (time.time() - 300, time.time() - 300))
        assert lock.refresh()
        assert time.time() - lock.path.stat().st_mtime < 5
    finally:
        lock.release()


def test_a_second_acquire_in_the_same_process_names_the_owner(workshop: Path):
    first = WriteLock.acquire(workshop)
    try:
        with pytest.raises(FileLocked) as info:
            WriteLock.acquire(workshop)
        message = str(info.value)
        assert message.startswith("workshop.samverkan är öppen för redigering av ")
        assert f"{first.owner.user} på {HOST} sedan kl. " in message and "\n" not in message
        assert isinstance(info.value, StoreError) and info.value.owner.pid == os.getpid()
    finally:
        first.release()


def test_store_open_and_create_hold_the_lock_until_closed(workshop: Path, tmp_path: Path):
    with Store.open(workshop) as store:
        assert not store.readonly and lock_path(workshop).exists()
        with pytest.raises(FileLocked):
            Store.open(workshop)
        with Store.open(workshop, readonly=True) as reader:  # reading needs no lock
            assert reader.readonly and [n.text for n in reader.notes()] == ["en lapp"]
        assert store.refresh_lock()
    assert not lock_path(workshop).exists()
    new = tmp_path / "ny.samverkan"
    with Store.create(new):
        assert lock_path(new).exists()
    assert not lock_path(new).exists()
    with Store.open(workshop, readonly=True) as reader:
        assert not reader.refresh_lock()  # no lock to keep alive


def test_a_failed_open_gives_the_lock_back(tmp_path: Path):
    other = tmp_path / "annan.samverkan"
    import sqlite3

    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError):
        Store.open(other)
    assert not lock_path(other).exists()
    with pytest.raises(StoreError):
        Store.open(tmp_path / "saknas.samverkan")
    assert os.listdir(tmp_path) == ["annan.samverkan"]


def test_a_lock_whose_process_is_gone_is_taken_over(workshop: Path):
    write_lock(workshop, pid=dead_pid())
    assert read_owner(workshop) is None  # stale: free for the next one
    with Store.open(workshop) as store:
        store.add_note("efter en krasch")
        assert json.loads(lock_path(workshop).read_text("utf-8"))["pid"] == os.getpid()


def test_another_machines_lock_is_respected_while_its_heartbeat_is_fresh(workshop: Path):
    before = workshop.read_bytes()
    write_lock(workshop, host="KONFERENS-PC", pid=dead_pid(), age=STALE_AFTER - 60)
    with pytest.raises(FileLocked) as info:
        Store.open(workshop)
    assert "av kerstin på KONFERENS-PC sedan " in str(info.value)
    assert info.value.owner.host == "KONFERENS-PC" and workshop.read_bytes() == before


def test_another_machines_lock_without_a_heartbeat_for_ten_minutes_is_taken_over(
    workshop: Path,
):
    write_lock(workshop, host="BÄRBAR-SOM-SOVER", age=STALE_AFTER + 60)
    with Store.open(workshop):
        owner = read_owner(workshop)
        assert owner is not None and owner.host == HOST


def test_a_live_process_on_this_machine_without_a_heartbeat_is_taken_over(workshop: Path):
    """Its id was reused by some other program after it ended."""
    write_lock(workshop, pid=os.getppid(), age=STALE_AFTER + 60)
    with Store.open(workshop):
        pass


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"user": 5}', "\u00e5".encode("latin-1")])
def test_a_garbled_lock_is_held_by_someone_unknown_unless_it_is_old(workshop: Path, content):
    lock = lock_path(workshop)
    lock.write_bytes(content)
    with pytest.raises(FileLocked) as info:
        Store.open(workshop)
    assert "av någon okänd sedan kl. " in str(info.value)
    assert not info.value.owner.readable
    old = time.time() - STALE_AFTER - 60
    os.utime(lock, (old, old))
    with Store.open(workshop):
        assert read_owner(workshop).pid == os.getpid()


def test_release_leaves_someone_elses_lock(workshop: Path):
    lock = WriteLock.acquire(workshop)
    theirs = write_lock(workshop, host="ANNAN", token="deras")  # taken over while we slept
    assert not lock.refresh()
    lock.release()
    assert json.loads(theirs.read_text("utf-8"))["token"] == "deras"
    assert not lock.refresh()


def test_a_lost_lock_is_never_recreated_by_refresh(workshop: Path):
    lock = WriteLock.acquire(workshop)
    lock.path.unlink()
    assert not lock.refresh() and not lock.path.exists()


def test_a_store_whose_lock_was_taken_over_turns_read_only(workshop: Path):
    with Store.open(workshop) as store:
        store.add_note("före")
        write_lock(workshop, host="ANNAN")  # the other machine took it over
        before = workshop.read_bytes()
        assert not store.refresh_lock()
        assert store.readonly
        with pytest.raises(StoreError) as info:
            store.add_note("efter")
        assert "skrivskyddad" in str(info.value)
        assert {n.text for n in store.notes()} == {"en lapp", "före"}  # still readable
        assert workshop.read_bytes() == before
    assert json.loads(lock_path(workshop).read_text("utf-8"))["host"] == "ANNAN"


def race(document: Path, takers: int) -> tuple[list[WriteLock], list[FileLocked]]:
    """`takers` threads acquire the lock of `document` at the same moment."""
    barrier = threading.Barrier(takers)
    won: list[WriteLock] = []
    refused: list[FileLocked] = []

    def take() -> None:
        barrier.wait(timeout=10)
        try:
            won.append(WriteLock.acquire(document))
        except FileLocked as exc:
            refused.append(exc)

    threads = [threading.Thread(target=take) for _ in range(takers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return won, refused


def test_two_threads_taking_over_one_stale_lock(workshop: Path):
    """Exactly one of them gets it, every time."""
    for _ in range(20):
        write_lock(workshop, pid=dead_pid())
        won, refused = race(workshop, 6)
        assert (len(won), len(refused)) == (1, 5)
        assert json.loads(lock_path(workshop).read_text("utf-8"))["token"] == won[0]._token
        won[0].release()
        assert not any(p.name.endswith(".takeover") for p in workshop.parent.iterdir())


_TAKER = """
try:
    lock = WriteLock.acquire(Path(sys.argv[1]))
    print("won", flush=True)
except FileLocked:
    print("refused", flush=True)
    sys.exit(0)
sys.stdin.readline()
lock.release()
"""


def test_four_processes_taking_over_one_stale_lock(workshop: Path, tmp_path: Path):
    for round_ in range(3):
        write_lock(workshop, pid=dead_pid())
        go = tmp_path / f"go{round_}"
        with racing(_TAKER, workshop, go) as results:
            assert sorted(results) == ["refused", "refused", "refused", "won"]
        assert not lock_path(workshop).exists()


def test_a_linked_workshop_is_locked_beside_the_real_file(workshop: Path, tmp_path: Path):
    links = tmp_path / "genvägar"
    links.mkdir()
    link = links / "länk.samverkan"
    link.symlink_to(workshop)
    with Store.open(link):
        assert lock_path(link) == lock_path(workshop)
        assert lock_path(workshop).exists() and os.listdir(links) == ["länk.samverkan"]
        with pytest.raises(FileLocked) as info:
            Store.open(workshop)
        assert info.value.document == workshop


@pytest.mark.parametrize(
    "name",
    [
        "med mellanslag.samverkan",
        "procent%20.samverkan",
        "Möte #2 ?.samverkan",
        "a#b?c=d&e.samverkan",
        "ö" * 115 + ".samverkan",
    ],
)
def test_any_file_name_gets_its_own_lock(tmp_path: Path, name: str):
    path = tmp_path / name
    with Store.create(path):
        pass
    other = tmp_path / "workshop.samverkan"
    shutil.copyfile(path, other)
    with Store.open(path):
        lock = lock_path(path)
        assert lock.exists() and lock.parent == tmp_path and len(lock.name.encode()) <= 255
        with pytest.raises(FileLocked) as info:
            Store.open(path)
        assert str(info.value).startswith(f"{name} är öppen för redigering")
        with Store.open(other):  # a neighbour is not locked by it
            pass
    assert sorted(os.listdir(tmp_path)) == sorted([name, "workshop.samverkan"])


def test_a_folder_that_takes_no_lock_file_refuses_writing_in_one_line(workshop: Path, monkeypatch):
    real_open = os.open

    def read_only_folder(path, flags, *args):
        if str(path).endswith("#") and flags & os.O_CREAT:
            raise OSError(30, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(store_lock.os, "open", read_only_folder)
    before = workshop.read_bytes()
    with pytest.raises(LockUnavailable) as info:
        Store.open(workshop)
    assert str(info.value) == (
        "workshop.samverkan kan inte öppnas för redigering: disken eller mappen är skrivskyddad."
    )
    with Store.open(workshop, readonly=True) as store:
        assert len(store.notes()) == 1
    assert workshop.read_bytes() == before


def test_the_time_in_the_message_is_local_and_dated_when_not_today():
    import datetime as dt

    owner = store_lock.LockOwner("kerstin", "PC", 7, dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.UTC))
    now = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    local = owner.since.astimezone()
    assert owner.since_text(now) in (f"kl. {local:%H.%M}", f"{local:%Y-%m-%d} kl. {local:%H.%M}")
    later = dt.datetime(2026, 3, 5, 9, 0, tzinfo=dt.UTC)
    assert owner.since_text(later) == f"{local:%Y-%m-%d} kl. {local:%H.%M}"
