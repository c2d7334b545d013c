"""A workshop file on disk before the store works on it: is it one of ours, whole, of a schema
version we know, and was a write to it cut off? Read with plain sqlite3 so that nothing is
written to a file that gets refused. Also where the Alembic scripts are and how every connection
is set up.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from . import oserrors, store_cells
from .messages import CoreError, Message, message

if TYPE_CHECKING:
    from alembic.config import Config

SUFFIX = ".samverkan"
# Written into the SQLite header so a workshop file is recognisable without guessing ("SaMv").
APPLICATION_ID = 0x53614D76
_SQLITE_MAGIC = b"SQLite format 3\x00"
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(CoreError):
    """A workshop file that cannot be used; `message` is one line meant for the user."""


class FileReadOnly(StoreError):
    """The workshop file itself may not be written (marked read-only, no rights to it): it can
    still be read."""


class DamagedFile(StoreError):
    """The file is (or claims to be) a workshop, but what it holds cannot be read or trusted.
    The app offers the newest good backup instead; the file itself is never overwritten."""


def is_server_url(location: object) -> bool:
    """Whether `location` (a path or a string) names a PostgreSQL server rather than a file
    (here, not in store_server, so that a command given a file need not load SQLAlchemy)."""
    return isinstance(location, str) and location.split("://", 1)[0].split("+", 1)[0] in (
        "postgresql",
        "postgres",
    )


# A value that could not be turned into Python (a bad date, a number that is text): the file
# holds something this program never wrote.
DAMAGED_VALUE = (ValueError, TypeError, OverflowError, UnicodeDecodeError)
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_FORMAT}
_REASONS = {  # message codes (core/messages_store.py)
    sqlite3.SQLITE_READONLY: "db.read_only",
    sqlite3.SQLITE_BUSY: "db.busy",
    sqlite3.SQLITE_LOCKED: "db.busy",
    sqlite3.SQLITE_FULL: "db.full",
    sqlite3.SQLITE_IOERR: "db.io",
    sqlite3.SQLITE_CANTOPEN: "db.cant_open",
    sqlite3.SQLITE_PERM: "db.no_rights",
    sqlite3.SQLITE_CONSTRAINT: "db.constraint",
    sqlite3.SQLITE_TOOBIG: "db.too_big",
    sqlite3.SQLITE_NOMEM: "db.no_memory",
    sqlite3.SQLITE_NOTFOUND: "db.not_found",
}


def failure(code: str, exc: BaseException, name: str, reading: bool = False) -> StoreError:
    """The user's words for what SQLite (or a value it returned) said about the file `name`,
    never its own text; `exc` as sqlite3 raised it or as SQLAlchemy wrapped it. A value that
    cannot be turned into Python is damage when read, a refusal when written (a number too
    large for the file)."""
    damaged_value = reading and isinstance(exc, DAMAGED_VALUE)
    if damaged_value or _code(exc) in _DAMAGE_CODES or _undecodable(exc):
        return DamagedFile("store.damaged_content", name=name)
    return StoreError(code, name=name, why=reason(exc))


def _code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind an exception, if it came from SQLite."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _undecodable(exc: BaseException) -> bool:
    """The driver's own failure to turn a fetched cell into Python (text that is not UTF-8):
    raised by Python's sqlite3 itself, so it carries no SQLite result code."""
    orig = getattr(exc, "orig", exc)
    return isinstance(orig, sqlite3.OperationalError) and _code(orig) is None


def reason(exc: BaseException) -> Message:
    """Why SQLite refused (`exc` as sqlite3 raised it or as SQLAlchemy wrapped it)."""
    code = _code(exc)
    if code in _REASONS:
        return message(_REASONS[code])
    orig = getattr(exc, "orig", None)
    if isinstance(orig, OverflowError) or isinstance(exc, OverflowError):
        return message("db.number_too_big")
    return message("db.unexpected")


def alembic_config(connection: Any = None) -> Config:
    # Alembic is imported here, when a file is made or upgraded: importing it takes longer
    # than everything else `samverkan-desktop info` does (issue 10).
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest schema revision: the one no other migration follows."""
    scripts = _revisions()
    followed = {down for downs in scripts.values() for down in downs}
    heads = [rev for rev in scripts if rev not in followed]
    if len(heads) != 1:  # none or branches: Alembic's own answer (and its error)
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""
    return heads[0]


def _known_revisions() -> set[str]:
    return set(_revisions())


# The files Alembic takes for migration scripts (alembic.script.base, without sourceless).
_SCRIPT_NAME = re.compile(r"(?!\.\#|__init__)(.*\.py)$")


def _revisions() -> dict[str, tuple[str, ...]]:
    """Every migration's revision -> the revisions it follows, read from the scripts' text
    (their module-level `revision` and `down_revision`) instead of importing Alembic, which
    imports each script; tests/core/test_store_revisions.py holds the two answers equal.
    Read once while the folder stays as it is (opening a file asks three times)."""
    versions = _MIGRATIONS / "versions"
    return dict(_read_revisions(versions, versions.stat().st_mtime_ns))


@functools.lru_cache(maxsize=4)
def _read_revisions(versions: Path, _changed: int) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for script in sorted(versions.iterdir()):
        if not _SCRIPT_NAME.match(script.name) or not script.is_file():
            continue
        values: dict[str, Any] = {}
        for node in ast.parse(script.read_bytes(), str(script)).body:
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets, value = [node.target], node.value
            else:
                continue
            for target in targets:
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                    values[target.id] = ast.literal_eval(value)
        down = values.get("down_revision")
        downs = () if down is None else (down,) if isinstance(down, str) else tuple(down)
        found[str(values["revision"])] = downs
    return found


def on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # A rollback journal, not WAL: the .samverkan file alone is the whole document when closed.
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def check_path(path: Path) -> None:
    """Refuse what plainly is no workshop file: missing, a folder, a pipe or device, not SQLite."""
    if not path.exists():
        raise StoreError("store.missing", path=str(path))
    if path.is_dir():
        raise StoreError("store.is_folder", path=str(path))
    if not path.is_file():  # a pipe or a device would block or never end
        raise StoreError("store.not_workshop", name=path.name)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError("store.cannot_read", name=path.name, why=oserrors.why(exc)) from None
    if head != _SQLITE_MAGIC:
        raise StoreError("store.not_workshop", name=path.name)


def sqlite_uri(path: Path, mode: str) -> str:
    """A SQLite URI for the file at `path`: every character a file name may hold ("%20", "#",
    "?", spaces, å) is escaped, so no name can point SQLite at another file. Windows drive
    paths become file:///C:/... and UNC paths file:////server/share/... as SQLite wants them."""
    text = path.as_posix()
    if not text.startswith("/"):
        text = "/" + text
    return f"file://{quote(text, safe='/:')}?mode={mode}"


def connect(path: Path, mode: str = "ro") -> sqlite3.Connection:
    """A plain sqlite3 connection through `sqlite_uri` (mode "ro", "rw" or "rwc")."""
    return sqlite3.connect(sqlite_uri(path, mode), uri=True, check_same_thread=False)


def check_name(path: Path) -> None:
    """Refuse a name SQLite cannot write under: its journal, "<name>-journal", must be a legal
    name too (255 bytes on Linux and macOS, 255 characters on Windows)."""
    journal = f"{path.name}-journal"
    size = len(journal) if os.name == "nt" else len(os.fsencode(journal))
    if size > 255:
        raise StoreError("store.name_too_long", name=path.name)


def beside(real: Path, suffix: str) -> Path:
    """`<name><suffix>` beside the file, with the name shortened (and a short hash of it kept)
    where the whole would be longer than a file name may be."""
    name = f"{real.name}{suffix}"
    if len(os.fsencode(name)) <= 255:
        return real.with_name(name)
    import hashlib  # only here, as shutil and tempfile below: `info` starts without them

    digest = hashlib.sha1(os.fsencode(real.name)).hexdigest()[:8]
    stem = real.name
    while len(os.fsencode(f"{stem}~{digest}{suffix}")) > 255:
        stem = stem[:-1]
    return real.with_name(f"{stem}~{digest}{suffix}")


def temporary_beside(real: Path, purpose: str) -> Path:
    """A hidden working file in the file's folder (so the final rename stays on one disk), with
    a short name that fits whatever the file is called."""
    return real.with_name(f".samverkan-{purpose}-{os.getpid()}.tmp")


def journal_path(real: Path) -> Path:
    """Where SQLite keeps the rollback journal: beside the real file, never beside a link."""
    return real.with_name(f"{real.name}-journal")


JournalState = Literal["none", "hot", "stale"]


def journal_state(real: Path) -> JournalState:
    """What the journal beside `real` means.

    "hot": a write to this very file was cut off; SQLite must play the journal back to get the
    last committed state. "stale": a hot journal that was not written for the file as it is now,
    typically because a backup was copied over the file after a crash; playing it back would
    write pages of the old file into the backup and destroy it. "none": nothing to do.
    """
    if not _is_hot(real):
        return "none"
    return "hot" if _belongs(real) and _rolls_back_cleanly(real) else "stale"


def _is_hot(real: Path) -> bool:
    """Whether SQLite sees a hot journal: only a writable connection may read the file now."""
    try:
        con = connect(real, "ro")
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK
    except sqlite3.DatabaseError:
        pass  # revision() says what is wrong with the file
    return False


def _belongs(real: Path) -> bool:
    """Whether the journal was written while the file was in its present state.

    SQLite never writes a page into the file before it has saved the page's old content in the
    journal. When page 1 was saved (it is at commit time: its change counter goes up), the
    file's page 1 holds either that saved counter or the counter plus one. When it was not, the
    file's page 1 is still the one the transaction started from, so the page count in it is the
    one the journal recorded at the start.
    """
    try:
        with journal_path(real).open("rb") as fh:
            journal = fh.read()
        with real.open("rb") as fh:
            header = fh.read(100)
        file_size = real.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or len(journal) < 28 or journal[:8] != _JOURNAL_MAGIC:
        return False
    page_size = _page_size(header)
    if int.from_bytes(journal[24:28], "big") != page_size:
        return False
    first_page = _journalled_page_one(journal, page_size)
    if first_page is None:
        initial_pages = int.from_bytes(journal[16:20], "big")
        counted = header[24:28] == header[92:96]
        pages_now = int.from_bytes(header[28:32], "big") if counted else file_size // page_size
        return pages_now == initial_pages
    saved_counter, counter = _counter(first_page), _counter(header)
    saved_stamp, stamp = _stamp(first_page), _stamp(header)
    if counter == saved_counter:  # page 1 not written yet: the file's is the saved one
        return stamp == saved_stamp
    # Page 1 written: the counter went one up, the stamp one step on (a writer other than the
    # store, such as a migration, leaves the stamp as it was).
    stepped = (saved_stamp, next_stamp(saved_stamp))
    return counter == (saved_counter + 1) % 2**32 and stamp in stepped


def _counter(page_one: bytes) -> int:
    return int.from_bytes(page_one[24:28], "big")


def _stamp(page_one: bytes) -> int:
    return int.from_bytes(page_one[60:64], "big", signed=True)


def next_stamp(stamp: int) -> int:
    """The stamp the next write transaction puts into the header's user_version field.

    Every write of the store first moves the stamp one step along a fixed sequence, so the
    journal's saved page 1 holds the stamp before the write and the file's page 1 holds either
    that stamp (not yet written) or the next one (written). A backup copied over the file holds
    the stamp of an older state, which matches neither.
    """
    return (stamp * 1103515245 + 12345) % 2**31


def _journalled_page_one(journal: bytes, page_size: int) -> bytes | None:
    """The original page 1 saved in a rollback journal, if any (every segment is searched)."""
    offset = 0
    while offset + 28 <= len(journal) and journal[offset : offset + 8] == _JOURNAL_MAGIC:
        records = int.from_bytes(journal[offset + 8 : offset + 12], "big")
        sector = int.from_bytes(journal[offset + 20 : offset + 24], "big") or 512
        position = offset + sector
        record_size = 4 + page_size + 4
        if records == 0xFFFFFFFF:  # "as many as the file holds" (no-sync journals)
            records = (len(journal) - position) // record_size
        for _ in range(records):
            if position + record_size > len(journal):
                return None
            if int.from_bytes(journal[position : position + 4], "big") == 1:
                return journal[position + 4 : position + 4 + page_size]
            position += record_size
        offset = -(-position // sector) * sector  # the next segment starts on a sector
    return None


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _rolls_back_cleanly(real: Path) -> bool:
    """Play the journal back into a copy: a journal of this file always gives a sound file,
    down to every index matching its table (integrity_check; rare, so its cost is fine)."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="samverkan-check-"))
    try:
        copy = folder / "check.samverkan"
        shutil.copyfile(real, copy)
        shutil.copyfile(journal_path(real), journal_path(copy))
        try:
            roll_back(copy)
        except StoreError:
            return False
        try:
            revision(copy)
            con = connect(copy, "ro")
            try:
                if con.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
                    return False
            finally:
                con.close()
        except DamagedFile:
            return False
        except StoreError:
            pass  # a newer program's file, say: the caller refuses the file as it is
        return True
    except OSError:
        return False
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def set_aside_journal(real: Path) -> Path:
    """Rename a stale journal so that SQLite never plays it back; kept, not deleted."""
    journal = journal_path(real)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = beside(real, f"-journal.{stamp}.old")
    try:
        journal.replace(target)
    except OSError as exc:
        raise StoreError("store.foreign_journal", name=real.name, why=oserrors.why(exc)) from None
    return target


def roll_back(real: Path) -> None:
    """Let SQLite put back the last committed state from the hot journal (it then removes it)."""
    try:
        con = connect(real, "rw")
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        pass  # the caller checks what is left
    if journal_path(real).exists() and _is_hot(real):
        raise StoreError("store.hot_journal_read_only_folder", name=real.name)


def revision(path: Path, name: str | None = None) -> str | None:
    """The file's Alembic revision (None: no schema yet). Refuses a damaged file, another
    program's database and a file from a newer version of this program."""
    name = name or path.name
    try:
        con = connect(path, "ro")
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            query = "SELECT name FROM sqlite_master WHERE type='table'"
            tables = {r[0] for r in con.execute(query)}
            rev = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                rev = row[0] if row else None
            # Damage deeper in the file would otherwise surface later, halfway through a read
            # or an import; a quick check of every page costs ~10 ms for 10,000 notes.
            intact = con.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
            # The cell rules describe the current schema; an older file is checked once it
            # has been brought up to date (Store._upgrade).
            intact = intact and (rev != head_revision() or store_cells.sound(con, tables))
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise StoreError("store.busy", name=name) from None
        if code == sqlite3.SQLITE_READONLY_ROLLBACK:
            raise StoreError("store.hot_journal_needs_write", name=name) from None
        if code == sqlite3.SQLITE_CANTOPEN:
            raise StoreError("store.cannot_open", name=name) from None
        intact = False
    except sqlite3.DatabaseError:
        intact = False
    if intact and not _whole(path):
        intact = False  # cut short: SQLite reads the missing end as zeros and says nothing
    if not intact:
        raise DamagedFile("store.damaged_database", name=name)
    if app_id != APPLICATION_ID:
        raise StoreError("store.other_database", name=name)
    if rev is not None and rev not in _known_revisions():
        raise StoreError("store.newer_version", name=name)
    return rev


def _whole(path: Path) -> bool:
    """Whether the file is as long as its header says: a whole number of pages, and exactly the
    page count the header records when that count is valid (SQLite >= 3.7.0 keeps it so)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    page_size = _page_size(header)
    if len(header) < 100 or page_size < 512 or size % page_size:
        return False
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    return not (counter_valid and pages and pages * page_size != size)
