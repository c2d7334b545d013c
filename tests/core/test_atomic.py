"""core.atomic: a file is replaced whole or not at all, and nothing is left behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from samverkan_desktop.core import atomic


def _disk_full(path: Path) -> None:
    with path.open("wb") as fh:
        fh.write(b"half a rep")
    raise OSError(errno.ENOSPC, "No space left on device")


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_content_replaces_the_target(tmp_path: Path):
    target = tmp_path / "rapport.md"
    target.write_bytes(b"old")
    atomic.write_atomically(target, b"# Ny rapport\n")
    assert target.read_bytes() == b"# Ny rapport\n"
    atomic.write_atomically(target, lambda p: p.write_text("skriven av en funktion", "utf-8"))
    assert target.read_text("utf-8") == "skriven av en funktion"
    assert _only(tmp_path) == ["rapport.md"]


def test_a_new_file_is_made_when_there_was_none(tmp_path: Path):
    target = tmp_path / "ny.csv"
    atomic.write_atomically(target, b"a,b\n")
    assert target.read_bytes() == b"a,b\n"
    assert _only(tmp_path) == ["ny.csv"]


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(tmp_path: Path):
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(OSError) as raised:
        atomic.write_atomically(target, _disk_full)
    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"the old report"
    assert _only(tmp_path) == ["rapport.pdf"]


def test_a_writer_that_fails_leaves_nothing_where_there_was_nothing(tmp_path: Path):
    target = tmp_path / "tavla.png"

    def broken(path: Path) -> None:
        path.write_bytes(b"\x89PNG half")
        raise RuntimeError("the encoder gave up")

    with pytest.raises(RuntimeError):
        atomic.write_atomically(target, broken)
    assert _only(tmp_path) == []


def test_leftovers_go_too_and_a_failed_rename_keeps_the_old_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "workshop.samverkan"
    target.write_bytes(b"old workshop")
    temp = tmp_path / ".samverkan-import-1.tmp"
    journal = tmp_path / ".samverkan-import-1.tmp-journal"

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "in use")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(PermissionError):
        with atomic.replacing(target, temp, leftovers=[journal]) as path:
            path.write_bytes(b"new workshop")
            journal.write_bytes(b"journal")
    assert target.read_bytes() == b"old workshop"
    assert _only(tmp_path) == ["workshop.samverkan"]


def test_the_file_and_then_its_folder_are_synced_before_and_after_the_rename(
    tmp_path: Path, monkeypatch
):
    events: list[tuple[str, object]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append(("replace", Path(dst).name))
        real_replace(src, dst)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name the synced file")
    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    target = tmp_path / "export.json"
    atomic.write_atomically(target, b"{}")
    assert [kind for kind, _ in events] == ["fsync", "replace", "fsync"]
    synced_file, synced_folder = events[0][1], events[2][1]
    assert Path(str(synced_file)).parent == tmp_path and synced_file != str(target)
    assert events[1] == ("replace", "export.json")
    assert Path(str(synced_folder)) == tmp_path


def test_no_folder_sync_where_folders_cannot_be_opened(tmp_path: Path, monkeypatch):
    synced: list[int] = []
    monkeypatch.setattr(atomic.os, "fsync", synced.append)
    monkeypatch.setattr(atomic, "FOLDERS_SYNC", False)  # as on Windows
    atomic.write_atomically(tmp_path / "a.txt", b"x")
    assert len(synced) == 1  # the file only
    assert (tmp_path / "a.txt").read_bytes() == b"x"


def test_a_folder_that_refuses_to_sync_is_no_failure(tmp_path: Path, monkeypatch):
    calls: list[int] = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the folder's (a network share: EINVAL)
            raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    atomic.write_atomically(tmp_path / "a.txt", b"x")
    assert (tmp_path / "a.txt").read_bytes() == b"x" and len(calls) == 2
