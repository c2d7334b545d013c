"""Backups of a workshop file in the user's data folder, and putting one back.

One folder per workshop (its name plus a hash of where the file is, so two "Workshop.samverkan"
in different folders never mix), one `<YYYY-MM-DD HHMMSS>.samverkan` per backup, written with
SQLite's backup API (`Store.save_copy`) so a backup taken while the workshop is being edited is
still one consistent state. A backup is itself a workshop file: copied anywhere, it opens.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import filecmp
import hashlib
import os
import re
import shutil
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import atomic, oserrors, store_file, userdata
from .messages import Message, message
from .store import SUFFIX, Store
from .store_file import StoreError
from .store_lock import WriteLock

KEEP_NEWEST = 10
KEEP_DAYS = 30
SOURCE_FILE = "source.txt"  # the workshop file the folder belongs to, for a person looking
_STAMP = "%Y-%m-%d %H%M%S"  # sorts by time and has no ':' (Windows)
_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{6})(?: \((\d+)\))?" + re.escape(SUFFIX) + r"$")
_STALE_TEMP = dt.timedelta(hours=1)
_FOLDER_NAME_LENGTH = 40
# Not allowed in Windows file names, or read as something else by a shell or a URL ("%", "#").
_UNSAFE = set('<>:"/\\|?*%#') | {"\x7f"}
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}


class BackupError(StoreError):
    """A backup could not be taken, read or put back; one line for the user."""


class BackupDamaged(BackupError):
    """The backup chosen is itself unreadable; nothing was changed."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    notes: int
    clusters: int
    size: int


# --------------------------------------------------------------------- where backups go
def backup_folder(document: Path, root: Path | None = None) -> Path:
    """The folder that holds the backups of the workshop file `document`."""
    real = Path(document).resolve()
    # normcase: on Windows C:\A\X.samverkan and c:\a\x.samverkan are one file.
    key = os.path.normcase(str(real)).encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(key).hexdigest()[:10]
    return (root or userdata.backup_dir()) / f"{_readable(real.stem)} {digest}"


def _readable(stem: str) -> str:
    """The file's name as a folder name that is valid on every system (the hash after it keeps
    it unique, so losing characters here does no harm)."""
    stem = unicodedata.normalize("NFC", stem.encode("utf-8", "replace").decode("utf-8"))
    safe = "".join("_" if c in _UNSAFE or not c.isprintable() else c for c in stem)
    safe = safe[:_FOLDER_NAME_LENGTH].strip(" .")  # Windows drops trailing dots and spaces
    if not safe or safe.upper() in _WINDOWS_RESERVED:
        safe = f"workshop {safe}".strip()
    return safe


def source_of(folder: Path) -> Path | None:
    """The workshop file whose backups `folder` holds, as recorded when the last was taken."""
    try:
        text = (folder / SOURCE_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


# --------------------------------------------------------------------- taking backups
def take_backup(store: Store, root: Path | None = None, now: dt.datetime | None = None) -> Path:
    """Write a backup of the open workshop and prune old ones; the backup's path.

    When nothing changed since the newest backup, that one is kept and returned instead: opening
    a workshop ten times must not push ten different states out of the list.
    """
    now = now or dt.datetime.now()
    folder = backup_folder(store.path, root)
    name = store.path.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _record_source(folder, store.path)
        target = _free_name(folder, now)
        store.save_copy(target)  # a temporary file renamed when complete
    except (OSError, StoreError) as exc:
        raise BackupError(_because("backup.cannot_take", exc, name=name)) from None
    previous = _newest_other(folder, target)
    if previous is not None and _same(previous, target):
        target.unlink(missing_ok=True)
        target = previous
    prune(folder, now)
    return target


def _record_source(folder: Path, document: Path) -> None:
    text = str(document.resolve())
    if source_of(folder) == Path(text):
        return
    atomic.write_atomically(folder / SOURCE_FILE, (text + "\n").encode("utf-8"))


def _free_name(folder: Path, now: dt.datetime) -> Path:
    """A backup name for `now`; " (2)" and on when a backup was taken in the same second (a
    restore takes one of the replaced file, then one when the restored file opens)."""
    stamp = now.strftime(_STAMP)
    target = folder / f"{stamp}{SUFFIX}"
    n = 2
    while target.exists():
        target = folder / f"{stamp} ({n}){SUFFIX}"
        n += 1
    return target


def _newest_other(folder: Path, taken: Path) -> Path | None:
    others = [p for _, p in _dated(folder) if p != taken]
    return others[0] if others else None


def _same(a: Path, b: Path) -> bool:
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def prune(folder: Path, now: dt.datetime | None = None) -> list[Path]:
    """Keep the newest KEEP_NEWEST backups and the newest of each of the last KEEP_DAYS days;
    delete the rest (and temporary files a crash left behind). The deleted paths."""
    now = now or dt.datetime.now()
    dated = _dated(folder)
    keep = {p for _, p in dated[:KEEP_NEWEST]}
    days_seen: set[dt.date] = set()
    for taken, path in dated:
        day = taken.date()
        if day not in days_seen and (now.date() - day).days < KEEP_DAYS:
            days_seen.add(day)
            keep.add(path)
    deleted = []
    for _, path in dated:
        if path not in keep:
            with contextlib.suppress(OSError):  # in use elsewhere: next time
                path.unlink()
                deleted.append(path)
    for leftover in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            age = now - dt.datetime.fromtimestamp(leftover.stat().st_mtime)
            if age > _STALE_TEMP:
                leftover.unlink()
    return deleted


def _dated(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """Backup files in `folder` with the time in their name, newest first; other files are not
    ours and are left alone."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            taken = dt.datetime.strptime(match.group(1), _STAMP)
        except ValueError:
            continue
        found.append((taken, int(match.group(2) or 1), path))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(taken, path) for taken, _, path in found]


# --------------------------------------------------------------------- reading the list
def list_backups(document: Path, root: Path | None = None) -> list[Backup]:
    """The workshop's backups that can be opened, newest first (a damaged one is left out)."""
    found = []
    for taken, path in _dated(backup_folder(document, root)):
        backup = _read(path, taken)
        if backup is not None:
            found.append(backup)
    return found


def newest_good_backup(document: Path, root: Path | None = None) -> Backup | None:
    """The newest backup that opens, if any."""
    for taken, path in _dated(backup_folder(document, root)):
        backup = _read(path, taken)
        if backup is not None:
            return backup
    return None


def _read(path: Path, taken: dt.datetime) -> Backup | None:
    try:
        _check(path)
        con = store_file.connect(path, "ro")
        try:
            notes = con.execute("SELECT count(*) FROM notes").fetchone()[0]
            clusters = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
        finally:
            con.close()
        size = path.stat().st_size
    except (StoreError, sqlite3.Error, OSError):
        return None
    return Backup(path, taken, notes, clusters, size)


def _check(backup: Path) -> None:
    """Refuse a backup that is not a whole, readable workshop file (with one Swedish line)."""
    try:
        store_file.check_path(backup)
        if store_file.journal_path(backup).exists():
            raise StoreError("backup.damaged", name=backup.name)  # never written by us
        store_file.revision(backup)
    except StoreError:
        raise BackupDamaged("backup.damaged", name=backup.name) from None


# --------------------------------------------------------------------- putting one back
def restore_as_new(backup: Path, target: Path) -> Path:
    """A new workshop file at `target` holding the backup; an existing file is never replaced."""
    backup, target = Path(backup), Path(target)
    _check(backup)
    if target.exists() or target.is_symlink():
        raise BackupError("backup.target_exists", name=target.name)
    store_file.check_name(target)  # written under a short name, it must be usable under its own
    tmp = store_file.temporary_beside(target, "restore")
    try:
        _copy_synced(backup, tmp)
        # Not atomic.replacing: a hard link, unlike a rename, fails when the name is taken,
        # even if it was taken a moment ago.
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise BackupError("backup.target_exists", name=target.name) from None
        except OSError:  # file systems without hard links (FAT on a USB stick)
            if target.exists():
                raise BackupError("backup.target_exists", name=target.name) from None
            os.replace(tmp, target)
        atomic.sync_folder(target.parent)
    except OSError as exc:
        raise BackupError(_because("backup.cannot_restore_to", exc, name=target.name)) from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def restore_over(backup: Path, document: Path, root: Path | None = None) -> Path | None:
    """Put the backup in place of the (closed) workshop file `document`.

    The file as it was is first kept as a backup itself (when it can be read), so the restore
    can be undone from the same list; that backup's path is returned. Any journal beside the
    real file is dealt with before the file is replaced: played back when it belongs to the
    file (the old file is then whole), set aside otherwise. Then the backup goes to a temporary
    file beside the document and is renamed over it, so a crash leaves either the old file or
    the restored one, and never the restored one with an old journal that SQLite would play
    into it.
    """
    backup, document = Path(backup), Path(document)
    _check(backup)
    real = document.resolve()  # a link stays a link: its target is what is replaced
    name = document.name
    tmp = store_file.temporary_beside(real, "restore")
    with _write_lock(document):
        try:
            with atomic.replacing(real, tmp):
                # Copied first: keeping the current file prunes, and may prune the chosen backup.
                shutil.copyfile(backup, tmp)
                kept = _keep_current(document, root)
                _clear_journal(real)
                with contextlib.suppress(OSError):
                    shutil.copymode(real, tmp)
        except OSError as exc:
            raise BackupError(_because("backup.cannot_restore", exc, name=name)) from None
    return kept


def _keep_current(document: Path, root: Path | None) -> Path | None:
    try:
        store = Store.open(document, readonly=True)  # a journal is read through a copy
    except StoreError:
        return None  # unreadable: nothing in it worth keeping as a backup
    try:
        return take_backup(store, root)
    finally:
        store.close()


def _clear_journal(real: Path) -> None:
    journal = store_file.journal_path(real)
    if not journal.exists():
        return
    if store_file.journal_state(real) == "hot":
        store_file.roll_back(real)  # the old file whole again, should the replace not happen
    if journal.exists():
        store_file.set_aside_journal(real)


@contextlib.contextmanager
def _write_lock(document: Path) -> Iterator[None]:
    """Refuse (FileLocked, one line naming who) while someone has the workshop open for
    writing, and keep everyone else out while the file is replaced."""
    lock = WriteLock.acquire(document)
    try:
        yield
    finally:
        lock.release()


def _copy_synced(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    atomic.sync_file(target)


def _because(code: str, exc: BaseException, name: str) -> Message:
    """`code` with the reason in the user's words when there is one (": disken är full");
    SQLite's and the system's own texts are not shown."""
    if isinstance(exc, OSError):
        return message(code, name=name, because=message("backup.because", why=oserrors.why(exc)))
    return message(code, name=name, because="")
