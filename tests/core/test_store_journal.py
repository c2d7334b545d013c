"""A crash leaves a journal beside the file. Played back into the file it was written for, it puts
back the last committed state; played into anything else (a backup the facilitator copied over
the file after the crash) it would destroy that. Issue 8, failure 2, with real crashes: a child
process killed with SIGKILL in the middle of a write."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from samverkan_desktop import cli
from samverkan_desktop.core import store_file
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store, StoreError

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"

# Killed in the middle of a write transaction of the store; "spill" makes SQLite write changed
# pages into the file before the commit, as it does when a large import outgrows its cache.
_CRASH = r"""
import os, signal, sys
from sqlalchemy import text
from samverkan_desktop.core.store import Store, StoreError
path, spill = sys.argv[1], sys.argv[2] == "spill"
store = Store.open(path)
ids = [n.id for n in store.notes()]
with store.transaction() as s:
    if spill:
        s.execute(text("PRAGMA cache_size=1"))
    store.update_notes({i: {"text": "HALVSKRIVEN"} for i in ids})
    for i in range(60):
        store.set_meta(f"skräp{i}", "x" * 3000)
    s.flush()
    os.kill(os.getpid(), signal.SIGKILL)
"""


def crash_while_writing(path: Path, spill: bool) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _CRASH, str(path), "spill" if spill else "cache"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert store_file.journal_path(path.resolve()).exists()


def snapshot(path: Path) -> tuple:
    """What a facilitator sees of a workshop: every note's text, place and cluster, the clusters."""
    with Store.open(path, readonly=True) as store:
        doc = store.document()
    return (
        doc.workshop,
        tuple((n.id, n.text, n.x, n.y, n.cluster_id, n.votes) for n in doc.notes),
        tuple((c.id, c.name, c.parent_id) for c in doc.clusters),
    )


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "orebro.samverkan"
    doc = read_source(SEED)
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    return path


def _edit(path: Path, dx: float) -> None:
    with Store.open(path) as store:
        store.move_notes({n.id: (n.x + dx, n.y) for n in store.notes()[:40]})
        store.update_notes({n.id: {"votes": n.votes + 1} for n in store.notes()[:5]})


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("spill", [False, True], ids=["in-cache", "spilled-into-file"])
def test_a_crash_mid_write_opens_at_the_last_commit(workshop: Path, spill: bool):
    _edit(workshop, 30)
    committed = snapshot(workshop)
    crash_while_writing(workshop, spill)
    assert snapshot(workshop) == committed  # read-only, through a copy
    with Store.open(workshop) as store:
        assert "HALVSKRIVEN" not in {n.text for n in store.notes()}
        store.add_note("efter kraschen")
    after = snapshot(workshop)
    assert after[1][:-1] == committed[1] and after[1][-1][1] == "efter kraschen"
    assert integrity(workshop) == "ok"
    # The journal was used up (one that never got past the cache is simply overwritten).
    assert _files(workshop.parent) == ["orebro.samverkan"]


@pytest.mark.parametrize("spill", [False, True], ids=["in-cache", "spilled-into-file"])
@pytest.mark.parametrize("edits_after_backup", [0, 1, 3])
def test_a_backup_copied_over_a_crashed_file_is_opened_as_the_backup(
    workshop: Path, tmp_path: Path, spill: bool, edits_after_backup: int
):
    """The exact failure: after a crash the user copies a backup over the file while the old
    journal is still beside it. info, import and opening for editing all see the backup."""
    backup = tmp_path / "backup.samverkan"
    with Store.open(workshop) as store:
        store.save_copy(backup)
    expected = snapshot(backup)
    for i in range(edits_after_backup):
        _edit(workshop, 10 * (i + 1))
    crash_while_writing(workshop, spill)
    journal = store_file.journal_path(workshop).read_bytes()
    shutil.copyfile(backup, workshop)  # what the facilitator does in the file manager

    # Read-only (info, export): the backup as it is, and nothing on disk touched.
    before = {p.name: p.read_bytes() for p in workshop.parent.iterdir() if p.is_file()}
    assert cli.main(["info", str(workshop)]) == 0
    assert snapshot(workshop) == expected
    assert {p.name: p.read_bytes() for p in workshop.parent.iterdir() if p.is_file()} == before

    # For editing (import, the app): the stale journal is set aside, never played back.
    assert cli.main(["import", str(SEED), "--into", str(workshop)]) == 0
    assert integrity(workshop) == "ok"
    with Store.open(workshop, readonly=True) as store:
        notes = store.notes()
    kept = {n.id: (n.text, n.x, n.y, n.cluster_id, n.votes) for n in notes}
    assert {i: v for i, v in kept.items() if i <= len(expected[1])} == {
        n[0]: n[1:] for n in expected[1]
    }
    assert len(notes) == 2 * len(expected[1])
    aside = [p for p in workshop.parent.iterdir() if p.name.endswith(".old")]
    if spill:  # a hot journal is kept aside, whole, in case someone needs it
        assert len(aside) == 1 and aside[0].read_bytes() == journal
    else:  # never synced, so SQLite itself ignores it: nothing to set aside
        assert aside == []
    assert not store_file.journal_path(workshop).exists()


def test_the_journal_of_a_file_opened_through_a_link_is_the_one_beside_the_real_file(
    workshop: Path, tmp_path: Path
):
    _edit(workshop, 30)
    committed = snapshot(workshop)
    crash_while_writing(workshop, spill=True)
    elsewhere = tmp_path / "genvägar"
    elsewhere.mkdir()
    link = elsewhere / "min workshop.samverkan"
    link.symlink_to(workshop)
    assert snapshot(link) == committed  # read-only: through a rolled-back copy
    assert store_file.journal_path(workshop).exists()
    with Store.open(link) as store:  # for editing: rolled back in place, beside the real file
        with store.transaction():
            store.add_note("genom länken")
            # SQLite keeps this write's journal beside the real file too.
            assert store_file.journal_path(workshop).exists()
            assert _files(elsewhere) == ["min workshop.samverkan"]
    assert link.is_symlink()
    assert _files(workshop.parent) == ["genvägar", "orebro.samverkan"]
    with Store.open(workshop, readonly=True) as store:
        assert "genom länken" in {n.text for n in store.notes()}


@pytest.fixture
def read_only_view(tmp_path: Path):
    """A read-only view of a folder (a read-only bind mount, as a write-protected network share
    would be); skipped where this machine does not allow mounting."""
    source, view = tmp_path / "share", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting is not allowed here")
    try:
        remount = ["mount", "-o", "remount,bind,ro", str(view)]
        if subprocess.run(remount, capture_output=True).returncode != 0:
            pytest.skip("a read-only remount is not allowed here")
        yield source, view
    finally:
        subprocess.run(["umount", str(view)], capture_output=True)


def test_a_crashed_file_on_a_read_only_share_is_read_not_called_damaged(
    workshop: Path, read_only_view, capsys
):
    """An intact file whose journal cannot be played back (the folder is read-only) was called
    "skadad"; it is read as it was at its last commit, and editing it says why it can't be."""
    source, view = read_only_view
    _edit(workshop, 30)
    committed = snapshot(workshop)
    crash_while_writing(workshop, spill=True)
    for p in (workshop, store_file.journal_path(workshop)):
        shutil.copy2(p, source / p.name)
    shared = view / workshop.name
    assert snapshot(shared) == committed
    assert cli.main(["info", str(shared)]) == 0
    assert "Lappar: 216" in capsys.readouterr().out
    with pytest.raises(StoreError) as info:
        Store.open(shared)
    assert "skadad" not in str(info.value) and "\n" not in str(info.value)
    assert cli.main(["import", str(SEED), "--into", str(shared)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "skadad" not in err
