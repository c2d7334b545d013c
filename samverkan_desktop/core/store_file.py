"""A workshop file on disk before the store works on it: is it one of ours, whole, of a schema
version we know, and was a write to it cut off? Read with plain sqlite3 so that nothing is
written to a file that gets refused. Also where the Alembic scripts are and how every connection
is set up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.script import ScriptDirectory

# Written into the SQLite header so a workshop file is recognisable without guessing ("SaMv").
APPLICATION_ID = 0x53614D76
_SQLITE_MAGIC = b"SQLite format 3\x00"
_MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(Exception):
    """A workshop file that cannot be used; the message is one line meant for the user."""


class DamagedFile(StoreError):
    """The file is (or claims to be) a workshop, but what it holds cannot be read or trusted.
    The app offers the newest good backup instead; the file itself is never overwritten."""


def alembic_config(connection: Any = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def _known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


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
        raise StoreError(f"Filen {path} finns inte.")
    if path.is_dir():
        raise StoreError(f"{path} är en mapp, inte en workshopfil.")
    if not path.is_file():  # a pipe or a device would block or never end
        raise StoreError(f"{path.name} är ingen Samverkan-workshopfil.")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"Kan inte läsa {path.name}: {exc.strerror or exc}") from None
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{path.name} är ingen Samverkan-workshopfil.")


def interrupted(path: Path) -> bool:
    """Whether a hot journal lies beside the file: only a writable connection may read it now."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK
    except sqlite3.DatabaseError:
        pass  # revision() says what is wrong with it
    return False


def roll_back(path: Path) -> None:
    """Let SQLite put back the last committed state from the hot journal (it then removes it)."""
    try:
        con = sqlite3.connect(path)
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        pass  # revision() says what is wrong with it


def revision(path: Path) -> str | None:
    """The file's Alembic revision (None: no schema yet). Refuses a damaged file, another
    program's database and a file from a newer version of this program."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
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
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise StoreError(f"{path.name} används av ett annat program just nu.") from None
        intact = False
    except sqlite3.DatabaseError:
        intact = False
    if not intact:
        raise DamagedFile(f"{path.name} är en skadad databas och kan inte öppnas.")
    if app_id != APPLICATION_ID:
        raise StoreError(f"{path.name} är en SQLite-databas men ingen Samverkan-workshopfil.")
    if rev is not None and rev not in _known_revisions():
        raise StoreError(
            f"{path.name} är gjord av en nyare version av Samverkan Desktop; "
            "uppdatera programmet."
        )
    return rev
