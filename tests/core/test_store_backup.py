"""Backups in the user's data folder: taken, listed, pruned, and put back as a new file or over
the workshop, with whatever journal a crash left beside it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_backup as sb
from samverkan_desktop.core import store_file, userdata
from samverkan_desktop.core.store import Store, StoreError

T0 = dt.datetime(2026, 12, 1, 10, 42, 0)
# Restores take a backup of the replaced file at the real time: the chosen one must be older.
EARLIER = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1)


def _workshop(path: Path, notes: int = 3) -> Path:
    # One transaction: the same file as a note at a time, without 300 commits' worth of syncs.
    with Store.create(path, m.Workshop("Workshop")) as store, store.transaction():
        g = store.add_group("Grupp A")
        for i in range(notes):
            store.add_note(f"Lapp {i} om trygghet i parken", group_id=g.id)
        store.add_cluster("Trygghet")
    return path


def _texts(path: Path) -> set[str]:
    with Store.open(path, readonly=True) as store:
        return {n.text for n in store.notes()}


def _backup(path: Path, when: dt.datetime, root: Path | None = None) -> Path:
    with Store.open(path) as store:
        store.add_note(f"ändrad {when}")  # a new state each time, or it is not kept twice
        return sb.take_backup(store, root, now=when)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ------------------------------------------------------------------------ where
def test_backups_go_to_the_user_data_folder_one_folder_per_workshop(tmp_path: Path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
    a = _workshop(tmp_path / "a" / "Workshop.samverkan")
    b = _workshop(tmp_path / "b" / "Workshop.samverkan")
    folder_a, folder_b = sb.backup_folder(a), sb.backup_folder(b)
    assert folder_a.parent == folder_b.parent == userdata.backup_dir()
    assert folder_a != folder_b  # two "Workshop.samverkan" never mix
    assert folder_a.name.startswith("Workshop ")
    with Store.open(a) as store:
        taken = sb.take_backup(store, now=T0)
    assert taken == folder_a / "2026-12-01 104200.samverkan"
    assert sb.source_of(folder_a) == a.resolve()
    assert [b.path for b in sb.list_backups(a)] == [taken]
    assert sb.list_backups(b) == []


@pytest.mark.parametrize(
    "stem",
    [
        "50% klart #2?",
        'a<b>c:d"e|f*g',
        "Möte på Väster – 2021",
        "CON",
        "...",
        " x. ",
        "lång" * 80,
        "emoji 🗒️ lapp",
    ],
)
def test_odd_names_give_a_folder_name_valid_on_windows(tmp_path: Path, stem: str):
    folder = sb.backup_folder(tmp_path / f"{stem}.samverkan", root=tmp_path / "b").name
    readable, digest = folder.rsplit(" ", 1)
    assert len(digest) == 10 and len(folder) <= 60
    assert not set('<>:"/\\|?*%#') & set(folder)
    assert readable and readable == readable.strip(" .")
    assert readable.upper() not in {"CON", "PRN", "AUX", "NUL"}


def test_an_odd_name_is_backed_up_and_listed(tmp_path: Path):
    doc = _workshop(tmp_path / "50% klart #2? – Möte.samverkan")
    with Store.open(doc) as store:
        sb.take_backup(store, now=T0)
    [backup] = sb.list_backups(doc)
    assert backup.notes == 3 and backup.clusters == 1


# ------------------------------------------------------------------------ taking and listing
def test_the_list_is_newest_first_with_counts_and_sizes(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan")
    for minutes in (0, 10, 20):
        _backup(doc, T0 + dt.timedelta(minutes=minutes))
    backups = sb.list_backups(doc)
    assert [b.taken_at for b in backups] == [
        T0 + dt.timedelta(minutes=20),
        T0 + dt.timedelta(minutes=10),
        T0,
    ]
    assert [b.notes for b in backups] == [6, 5, 4]
    assert all(b.clusters == 1 for b in backups)
    assert all(b.size == b.path.stat().st_size > 0 for b in backups)
    assert sb.newest_good_backup(doc) == backups[0]


def test_an_unchanged_workshop_is_not_backed_up_twice(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan")
    with Store.open(doc) as store:
        first = sb.take_backup(store, now=T0)
        again = sb.take_backup(store, now=T0 + dt.timedelta(minutes=5))
        store.add_note("ny")
        changed = sb.take_backup(store, now=T0 + dt.timedelta(minutes=10))
    assert again == first and changed != first
    assert len(sb.list_backups(doc)) == 2


def test_two_backups_in_the_same_second_are_both_kept(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan")
    first = _backup(doc, T0)
    second = _backup(doc, T0)
    assert first.name == "2026-12-01 104200.samverkan"
    assert second.name == "2026-12-01 104200 (2).samverkan"
    assert [b.path for b in sb.list_backups(doc)] == [second, first]


def test_a_backup_is_a_workshop_file_that_opens_anywhere(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan")
    taken = _backup(doc, T0)
    copy = tmp_path / "kopia.samverkan"
    shutil.copyfile(taken, copy)
    assert _texts(copy) == _texts(doc)
    assert not list(taken.parent.glob(".*"))  # no temporary file left behind


def test_a_damaged_backup_is_left_out_of_the_list(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan", notes=200)
    older = _backup(doc, T0)
    newer = _backup(doc, T0 + dt.timedelta(hours=1))
    _damage_middle(newer)
    (newer.parent / "2026-12-01 120000.samverkan").write_bytes(b"not a database")
    (newer.parent / "anteckning.txt").write_text("mine")  # not ours: left alone
    assert [b.path for b in sb.list_backups(doc)] == [older]
    assert sb.newest_good_backup(doc).path == older
    with pytest.raises(sb.BackupDamaged, match="skadad"):
        sb.restore_as_new(newer, tmp_path / "ny.samverkan")
    assert not (tmp_path / "ny.samverkan").exists()


def _damage_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    page = len(data) // size // 2
    data[page * size : page * size + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    path.write_bytes(bytes(data))
    with pytest.raises(store_file.DamagedFile):
        store_file.revision(path)


def test_a_backup_that_cannot_be_written_is_one_swedish_line(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan")
    root = tmp_path / "inte en mapp"
    root.write_text("")
    with Store.open(doc) as store, pytest.raises(sb.BackupError) as info:
        sb.take_backup(store, root)
    assert str(info.value).startswith("Kunde inte ta en säkerhetskopia av ws.samverkan")
    assert "\n" not in str(info.value) and "Errno" not in str(info.value)
    assert isinstance(info.value, StoreError)


# ------------------------------------------------------------------------ pruning
def test_prune_keeps_the_ten_newest_and_one_a_day_for_thirty_days(tmp_path: Path):
    folder = tmp_path / "b"
    folder.mkdir()
    now = dt.datetime(2026, 12, 31, 18, 0)
    made = []
    for day in range(40):  # three backups a day, 39 days back to today
        for hour in (9, 12, 15):
            when = now.replace(hour=hour) - dt.timedelta(days=39 - day)
            path = folder / f"{when:%Y-%m-%d %H%M%S}.samverkan"
            path.write_bytes(b"x")
            made.append(when)
    (folder / "source.txt").write_text("ws")
    deleted = sb.prune(folder, now)
    kept = sorted(
        dt.datetime.strptime(p.name[:17], "%Y-%m-%d %H%M%S") for p in folder.glob("*.samverkan")
    )
    newest_ten = sorted(made)[-10:]
    daily = [now.replace(hour=15) - dt.timedelta(days=d) for d in range(30)]
    assert kept == sorted(set(newest_ten) | set(daily))
    assert len(kept) == 10 + 30 - 4  # today's three and yesterday's 15:00 are both
    assert len(deleted) == len(made) - len(kept)
    assert (folder / "source.txt").exists()


def test_taking_a_backup_prunes(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan")
    for i in range(13):
        _backup(doc, T0 + dt.timedelta(minutes=10 * i))
    backups = sb.list_backups(doc)
    assert len(backups) == 10
    assert backups[-1].taken_at == T0 + dt.timedelta(minutes=30)


# ------------------------------------------------------------------------ restoring
def test_restore_as_new_makes_a_new_file_and_never_replaces_one(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan")
    taken = _backup(doc, EARLIER)
    target = tmp_path / "återställd.samverkan"
    assert sb.restore_as_new(taken, target) == target
    assert _texts(target) == _texts(taken)
    other = _workshop(tmp_path / "annan.samverkan", notes=1)
    before = other.read_bytes()
    with pytest.raises(sb.BackupError, match="annan.samverkan finns redan"):
        sb.restore_as_new(taken, other)
    assert other.read_bytes() == before
    assert _names(tmp_path) == ["annan.samverkan", "ws.samverkan", "återställd.samverkan"]


def _interrupted(path: Path, crash) -> None:
    crash(path, path)
    assert store_file.journal_state(path) == "hot"


def test_restore_over_a_file_with_a_journal_gives_exactly_the_backup(tmp_path: Path, crash):
    doc = _workshop(tmp_path / "ws.samverkan", notes=300)
    taken = _backup(doc, EARLIER)  # 301 notes
    with Store.open(doc) as store:
        store.add_note("efter säkerhetskopian")
    current = _texts(doc)
    _interrupted(doc, crash)

    kept = sb.restore_over(taken, doc)

    assert _texts(doc) == _texts(taken)  # not the journal's old pages played into it
    assert "efter säkerhetskopian" not in _texts(doc) and "HALVSKRIVEN" not in _texts(doc)
    assert not store_file.journal_path(doc).exists()
    assert kept is not None and _texts(kept) == current  # the restore can be undone
    assert [b.path for b in sb.list_backups(doc)] == [kept, taken]
    with Store.open(doc) as store:  # and it is a sound file to go on working in
        store.add_note("vidare")
    assert store_file.revision(doc) == store_file.head_revision()


def test_restore_over_sets_aside_a_journal_that_is_not_the_files(tmp_path: Path, crash):
    doc = _workshop(tmp_path / "ws.samverkan", notes=300)
    taken = _backup(doc, EARLIER)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copyfile(doc, other / "ws.samverkan")
    _interrupted(other / "ws.samverkan", crash)
    with Store.open(doc) as store:  # the file moves on: the journal is of an older state
        store.add_note("efter")
        store.add_note("och efter det")
    shutil.copyfile(store_file.journal_path(other / "ws.samverkan"), store_file.journal_path(doc))
    assert store_file.journal_state(doc) == "stale"
    sb.restore_over(taken, doc)
    assert _texts(doc) == _texts(taken)
    [aside] = tmp_path.glob("ws.samverkan-journal.*.old")  # kept, never played
    assert not store_file.journal_path(doc).exists()


def test_a_failed_replace_leaves_the_old_file_whole(tmp_path: Path, crash, monkeypatch):
    doc = _workshop(tmp_path / "ws.samverkan", notes=300)
    taken = _backup(doc, EARLIER)
    with Store.open(doc) as store:
        store.add_note("efter säkerhetskopian")
    current = _texts(doc)
    _interrupted(doc, crash)

    replace = os.replace

    def full(src, dst):
        if Path(dst) == doc:  # the backup of the file as it is still gets written
            raise OSError(28, "No space left on device")
        replace(src, dst)

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(sb.BackupError) as info:
        sb.restore_over(taken, doc)
    monkeypatch.undo()
    assert str(info.value) == "Kunde inte återställa ws.samverkan: disken är full."
    assert _texts(doc) == current
    assert not list(tmp_path.glob(".*"))


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need rights on Windows")
def test_restore_over_a_link_replaces_the_file_it_points_to(tmp_path: Path, crash):
    (tmp_path / "data").mkdir()
    real = _workshop(tmp_path / "data" / "ws.samverkan")
    link = tmp_path / "genväg.samverkan"
    link.symlink_to(real)
    taken = _backup(link, EARLIER)
    assert taken.parent == sb.backup_folder(real)  # the link and the file share their backups
    with Store.open(link) as store:
        store.add_note("efter")
    _interrupted(real, crash)
    sb.restore_over(taken, link)
    assert link.is_symlink() and link.resolve() == real
    assert _texts(real) == _texts(taken)
    assert not store_file.journal_path(real).exists()


def test_restore_over_an_unreadable_file_replaces_it_without_a_backup_of_it(tmp_path: Path):
    doc = _workshop(tmp_path / "ws.samverkan")
    taken = _backup(doc, EARLIER)
    doc.write_bytes(b"trasig")
    assert sb.restore_over(taken, doc) is None
    assert _texts(doc) == _texts(taken)


def test_restore_over_a_file_someone_has_open_for_writing_is_refused(tmp_path: Path, hold_open):
    from samverkan_desktop.core.store_lock import FileLocked

    path = _workshop(tmp_path / "ws.samverkan")
    backup = _backup(path, dt.datetime(2026, 11, 30, 9, 0))
    holder = hold_open(path)
    before = path.read_bytes()
    with pytest.raises(FileLocked) as info:
        sb.restore_over(backup, path)
    assert "\n" not in str(info.value) and "öppen för redigering" in str(info.value)
    assert path.read_bytes() == before
    holder.close()
    sb.restore_over(backup, path)  # free again: the restore goes through


def test_restore_as_new_refuses_a_name_the_workshop_could_not_be_saved_under(tmp_path: Path):
    path = _workshop(tmp_path / "ws.samverkan")
    backup = _backup(path, dt.datetime(2026, 11, 30, 9, 0))
    with pytest.raises(StoreError, match="för långt"):
        sb.restore_as_new(backup, tmp_path / ("å" * 119 + ".samverkan"))
    assert _names(tmp_path) == ["ws.samverkan"]
