"""Presence on a workshop file shared by several windows of one machine (issue 14): two
announcers on one folder see each other come, select, drag and leave; one whose program died
goes after the timeout; anything else in the folder is passed over without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from samverkan_desktop.core.presence_file import LOCAL, FilePresence, folder
from samverkan_desktop.core.store_presence import Activity, Person

ANNA = Person("anna", "Anna Larsson")
BO = Person("bo", "Bo Ek")
SOON = 2.0  # seconds: well within the second, on a busy test machine


class Heard:
    """What one announcer's `on_change` was told, last first."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.lock = threading.Lock()

    def __call__(self, others) -> None:
        with self.lock:
            self.calls.append(others)

    def last(self) -> tuple:
        with self.lock:
            return self.calls[-1] if self.calls else ()


def until(check, timeout: float = SOON) -> None:
    end = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < end, "not within the time"
        time.sleep(0.02)


@pytest.fixture
def start(tmp_path):
    made: list[FilePresence] = []

    def start(document: Path, person: Person, heard=None, **kw) -> FilePresence:
        place = folder(document, tmp_path / "tmp")
        presence = FilePresence(place, person, heard or Heard(), **kw)
        made.append(presence)
        return presence

    yield start
    for presence in made:
        presence.stop()


def test_two_see_each_other_come_select_drag_and_leave(tmp_path, start):
    document = tmp_path / "workshop.samverkan"
    heard_by_anna = Heard()
    anna = start(document, ANNA, heard_by_anna)
    bo = start(document, BO)
    # Bo knows at once that Anna is here; Anna hears of him at her next look.
    ((anna_on_bo,),) = [bo.others()]
    assert anna_on_bo.person == ANNA and anna_on_bo.client == anna.client
    assert anna_on_bo.client.startswith(LOCAL)
    until(lambda: [p.person for p in heard_by_anna.last()] == [BO])
    assert anna.others()[0].colour != bo.others()[0].colour  # two colours

    bo.set_activity(Activity(frozenset({3, 5}), frozenset({7})))
    until(lambda: anna.others()[0].activity.notes == {3, 5})
    assert anna.others()[0].activity.clusters == {7}
    bo.set_activity(Activity(frozenset({3, 5}), frozenset({7}), dragging=True, offset=(40, -12)))
    until(lambda: anna.others()[0].activity.dragging)
    assert anna.others()[0].activity.offset == (40.0, -12.0)
    bo.set_activity(Activity(frozenset({3, 5}), frozenset({7})))
    until(lambda: not anna.others()[0].activity.dragging)

    bo.stop()
    until(lambda: heard_by_anna.last() == ())
    assert anna.others() == ()
    assert [p.name for p in folder(document, tmp_path / "tmp").iterdir()] == [f"{anna.token}.json"]
    anna.stop()
    assert not folder(document, tmp_path / "tmp").exists()  # the last one out tidies up


def test_writes_are_few_while_a_selection_changes_fast(tmp_path, start):
    document = tmp_path / "w.samverkan"
    bo = start(document, BO)
    own = folder(document, tmp_path / "tmp") / f"{bo.token}.json"
    seen = set()
    end = time.monotonic() + 1.0
    i = 0
    while time.monotonic() < end:
        i += 1
        bo.set_activity(Activity(frozenset({i})))
        seen.add(own.stat().st_mtime_ns)
        time.sleep(0.002)
    assert i > 100
    assert len(seen) <= 13  # at most ten a second (and the first and the last)


def test_one_whose_program_died_goes(tmp_path, start):
    """A program that ends without a word (killed, crashed): gone at the next look, since its
    process is gone; and one that only stops writing goes after its four seconds."""
    document = tmp_path / "workshop.samverkan"
    root = tmp_path / "tmp"
    heard = Heard()
    anna = start(document, ANNA, heard)
    code = (
        "import os, sys, time\n"
        "from samverkan_desktop.core.presence_file import FilePresence, folder\n"
        "from samverkan_desktop.core.store_presence import Person\n"
        "p = FilePresence(folder(sys.argv[1], sys.argv[2]), Person('cid', 'Cid'), print)\n"
        "print('here', flush=True)\n"
        "sys.stdin.readline()\n"
        "os._exit(9)\n"
    )
    cid = subprocess.Popen(
        [sys.executable, "-c", code, str(document), str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert cid.stdout is not None and cid.stdout.readline() == "here\n"
        until(lambda: [p.person.name for p in anna.others()] == ["Cid"])
    finally:
        cid.communicate("\n", timeout=10)
    assert cid.returncode == 9
    until(lambda: anna.others() == (), timeout=1.0)
    assert [p.name for p in folder(document, root).iterdir()] == [f"{anna.token}.json"]

    # One that hangs (its process alive, its heartbeat silent): its file is old after 4 s.
    bo = start(document, BO)
    until(lambda: [p.person for p in anna.others()] == [BO])
    bo._stop.set()  # its thread stops writing; the file stays, as after a hang
    bo._thread.join()
    written = (folder(document, root) / f"{bo.token}.json").stat().st_mtime
    until(lambda: anna.others() == (), timeout=6.0)
    assert time.time() - written >= 3.9
    assert not (folder(document, root) / f"{bo.token}.json").exists()


HOSTILE = {
    "not-json": b"\x00\xff{{{",
    "a list": b"[1, 2, 3]",
    "deep": b"[" * 60000 + b"]" * 60000,
    "no kind": b'{"by": "TOKEN"}',
    "another's name": json.dumps({"kind": "here", "by": "f" * 32, "name": "Eve"}).encode(),
    "a bye": json.dumps({"kind": "bye", "by": "TOKEN", "name": "Eve"}).encode(),
    "infinite drag": (
        b'{"kind":"here","by":"TOKEN","name":"Eve","notes":[1],"clusters":[],"drag":[Infinity, 0]}'
    ),
    "never times out": b'{"kind":"here","by":"TOKEN","name":"Eve","ttl":NaN,"pid":1}',
    "huge": b'{"kind":"here","by":"TOKEN","name":"' + b"E" * 100_000 + b'"}',
    "bad ids": b'{"kind":"here","by":"TOKEN","notes":"1,2","clusters":[]}',
}


def test_hostile_files_in_the_folder_are_passed_over(tmp_path, start, capfd):
    document = tmp_path / "workshop.samverkan"
    place = folder(document, tmp_path / "tmp")
    place.mkdir(parents=True)
    for i, raw in enumerate(HOSTILE.values()):
        token = f"{i:032x}"
        (place / f"{token}.json").write_bytes(raw.replace(b"TOKEN", token.encode()))
    (place / "readme.txt").write_text("not ours")
    (place / "ABC.json").write_text("{}")
    (place / f"{'9' * 32}.json").mkdir()  # a folder by one of our names
    (place / f"{'8' * 32}.json").symlink_to(tmp_path / "elsewhere.json")
    if hasattr(os, "mkfifo"):  # a pipe nobody writes to: must not hang the reader
        os.mkfifo(place / f"{'6' * 32}.json")
    (tmp_path / "elsewhere.json").write_text(
        json.dumps({"kind": "here", "by": "8" * 32, "name": "Eve", "notes": [], "clusters": []})
    )
    # One good one among them, with a name to be shown on one line.
    good = "7" * 32
    (place / f"{good}.json").write_text(
        json.dumps(
            {
                "kind": "here",
                "by": good,
                "login": "eve",
                "name": "Eve\n\u202eEk\x00",
                "notes": [2],
                "clusters": [],
                "pid": os.getpid(),
            }
        )  # fmt: skip
    )
    heard = Heard()
    anna = start(document, ANNA, heard)
    assert [(p.person.name, p.activity.notes) for p in anna.others()] == [("Eve Ek", {2})]
    time.sleep(0.6)  # a few looks
    assert [p.person.name for p in anna.others()] == ["Eve Ek"]
    assert "Traceback" not in capfd.readouterr().err
    assert (place / "readme.txt").exists()  # not ours: left alone


def test_odd_paths_and_names(tmp_path, start):
    """Two names of one file (a link) share one folder; two files of one name in two folders,
    and a path with spaces and letters beyond ASCII, each have their own."""
    first = tmp_path / "Å ä ö" / "Workshop 2026 (kopia).samverkan"
    first.parent.mkdir()
    first.write_bytes(b"")
    link = tmp_path / "länk.samverkan"
    link.symlink_to(first)
    other = tmp_path / "annan" / first.name
    assert folder(first) == folder(link) != folder(other)
    assert folder(first).name.isalnum() and len(folder(first).name) == 40

    anna = start(first, ANNA)
    bo = start(link, BO)
    cid = start(other, Person("cid", "Cid"))
    assert [p.person for p in bo.others()] == [ANNA]
    until(lambda: [p.person for p in anna.others()] == [BO])
    assert cid.others() == ()


def test_a_folder_that_takes_no_files_leaves_the_list_empty(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would go")
    presence = FilePresence(folder(tmp_path / "w.samverkan", blocked), ANNA, Heard())
    try:
        presence.set_activity(Activity(frozenset({1})))
        time.sleep(0.3)
        assert presence.others() == ()
    finally:
        presence.stop()
