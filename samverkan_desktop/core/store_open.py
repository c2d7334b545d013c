"""How a `Store` comes to be: creating and opening a workshop file (its lock, journal, older
schema and read-only copy), and a workshop on a PostgreSQL server (create, open, publish,
grant, list), with the migrations that bring either to the current tables. `StoreOpening` is
a part of `Store`; use it through `Store`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import QueuePool

from . import atomic, oserrors, server_login, store_file, store_server
from . import model as m
from .schema import WorkshopRow
from .store_file import APPLICATION_ID, FileReadOnly, StoreError
from .store_lock import WriteLock
from .store_rows import _NUMBERED, StoreParts, _begin, _copy_rows, _table


class StoreOpening(StoreParts):
    """`Store`'s class methods that make or open one, and its migrations."""

    # ----------------------------------------------------------------- opening and closing
    @classmethod
    def create(cls, path: str | os.PathLike[str], workshop: m.Workshop | None = None) -> Self:
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise StoreError("store.exists", name=path.name)
        if not path.parent.is_dir():
            raise StoreError("store.no_folder", folder=str(path.parent))
        store_file.check_name(path)
        lock = WriteLock.acquire(path)
        try:
            store = cls._connect(path, mode="rwc")
        except BaseException:
            lock.release()
            raise
        store._lock = lock  # given up by store.close() below, should the making fail
        try:
            store._migrate()
            with store.transaction() as s:
                w = workshop or m.Workshop()
                s.add(WorkshopRow(title=w.title, date=w.date, description=w.description))
        except BaseException:
            store.close()
            for leftover in (path, store_file.journal_path(path.resolve())):
                with contextlib.suppress(OSError):  # a name too long for "-journal", say
                    leftover.unlink(missing_ok=True)
            raise
        return store

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, readonly: bool = False, shared: bool = False
    ) -> Self:
        """Open a workshop file. For writing, the file's write lock is taken first (FileLocked
        when another program or window has it open for writing, LockUnavailable when the folder
        takes no lock file) and held until `close`; a read-only open neither takes nor needs it.
        `shared`: together with other windows and programs of this machine that opened it
        shared too (`watch` then hears their commits)."""
        path = Path(path)
        if readonly:
            return cls._open_file(path, readonly=True)
        store_file.check_path(path)  # no lock file beside what is not a workshop
        # Before anything below may write (journal, upgrade).
        lock = WriteLock.acquire(path, shared=shared)
        try:
            store = cls._open_file(path, readonly=False)
        except BaseException:
            lock.release()
            raise
        store._lock = lock
        return store

    @classmethod
    def _open_file(cls, path: Path, *, readonly: bool) -> Self:
        store_file.check_path(path)
        real = path.resolve()  # a link's journal, backup and upgrade all belong to the real file
        journal = store_file.journal_state(real)
        if readonly and journal != "none":
            return cls._open_copy(path, real, with_journal=journal == "hot")
        if not readonly and not os.access(real, os.W_OK):
            raise FileReadOnly("store.read_only", name=path.name)
        if not readonly:
            store_file.check_name(real)
        if journal == "stale":
            # Most likely a backup copied over the file after a crash: never play the old
            # journal into it; keep it aside instead.
            store_file.set_aside_journal(real)
        elif journal == "hot":
            # A write was cut off (a crash, a lost network drive): put back the last commit.
            store_file.roll_back(real)
        rev = store_file.revision(real, path.name)
        if rev != store_file.head_revision():
            if readonly:
                return cls._open_copy(path, real, with_journal=False)
            cls._upgrade(real, rev, path.name)
        return cls._connect(real, mode="ro" if readonly else "rw", shown=path)

    @classmethod
    def _open_copy(cls, path: Path, real: Path, *, with_journal: bool) -> Self:
        """Read a file that needs a change first (a journal to play back or to ignore, an older
        schema) through a private copy, so that the original stays exactly as it is."""
        copy = Path(tempfile.mkdtemp(prefix="samverkan-")) / "copy.samverkan"
        try:
            shutil.copyfile(real, copy)
            if with_journal:
                shutil.copyfile(store_file.journal_path(real), store_file.journal_path(copy))
                store_file.roll_back(copy)
            rev = store_file.revision(copy, path.name)
            if rev != store_file.head_revision():
                cls._upgrade(copy, rev, path.name, keep_backup=False)
            store = cls._connect(copy, mode="ro", shown=path)
        except OSError as exc:
            shutil.rmtree(copy.parent, ignore_errors=True)
            raise StoreError("store.cannot_read", name=path.name, why=oserrors.why(exc)) from None
        except BaseException:
            shutil.rmtree(copy.parent, ignore_errors=True)
            raise
        store._temp_copy = copy
        return store

    @classmethod
    def _upgrade(cls, real: Path, rev: str | None, name: str, keep_backup: bool = True) -> None:
        """Bring an older file to the current schema on a copy, then put the copy in its place.

        SQLite runs some schema changes outside the transaction, so a migration that fails
        halfway would leave the file changed; on a copy, a failure changes nothing, and the
        original stays beside it as `<name>.<revision>.bak`.
        """
        work = store_file.temporary_beside(real, "upgrade")
        try:
            with atomic.replacing(real, work, leftovers=[store_file.journal_path(work)]):
                shutil.copy2(real, work)
                upgraded = cls._connect(work, mode="rw", shown=Path(name))
                try:
                    upgraded._migrate()
                finally:
                    upgraded.close()
                store_file.revision(work, name)  # the upgraded copy must be sound before use
                if keep_backup and rev is not None:
                    shutil.copy2(real, store_file.beside(real, f".{rev}.bak"))
        except OSError as exc:
            raise StoreError("store.cannot_upgrade", name=name, why=oserrors.why(exc)) from None

    @classmethod
    def _connect(cls, path: Path, mode: str = "rw", shown: Path | None = None) -> Self:
        """An engine on the file at `path` (mode "ro", "rw" or "rwc"); `shown` is the path the
        user gave, whose name messages use."""
        uri = store_file.sqlite_uri(path.resolve(), mode)
        engine = create_engine(
            "sqlite://",
            # isolation_level=None: the driver opens no transactions of its own, so that the
            # BEGIN below covers every statement, PRAGMAs and schema changes included.
            creator=lambda: sqlite3.connect(
                uri, uri=True, check_same_thread=False, isolation_level=None
            ),
            poolclass=QueuePool,
        )
        event.listen(engine, "connect", store_file.on_connect)
        event.listen(engine, "begin", _begin)
        store = cls(shown or path, engine)
        store.readonly = mode == "ro"
        return store

    # ----------------------------------------------------------------- workshops on a server
    @classmethod
    def create_url(
        cls, url: str, workshop: m.Workshop | None = None, *, key: str | None = None
    ) -> Self:
        """A new workshop on a PostgreSQL server (`postgresql://host/db`): its own schema,
        named `key` (by default made from the title), with the tables of a file made by the
        same migrations, all in one transaction: it is there whole, or not at all."""
        w = workshop or m.Workshop()
        return cls._create_on_server(
            url,
            w.title,
            key,
            lambda conn: conn.execute(
                insert(_table(WorkshopRow)),
                {"title": w.title, "date": w.date, "description": w.description},
            ),
        )

    def publish(self, url: str, *, key: str | None = None) -> Self:
        """Copy this whole workshop (a file's or another server's) to a new workshop on a
        server, every row with its id and version, in one transaction (Arkiv › Publicera på
        server…); returns the new workshop, open for writing. `key` as for `create_url`."""
        title = self.workshop().title
        with self._snapshot() as read:
            return type(self)._create_on_server(
                url, title, key, lambda conn: _copy_rows(read, conn)
            )

    @classmethod
    def grant(cls, url: str, key: str, role: str, access: str) -> None:
        """Give the PostgreSQL role `role` `access` to the workshop `key`: "reader" (open and
        export, every write refused by the server), "facilitator" (change too) or "none". Run
        as the workshop's owner (who made it) or an administrator."""
        server_login.logged_in(
            store_server.server_url(url), lambda server: cls._grant(server, key, role, access)
        )

    @classmethod
    def _grant(cls, server: Any, key: str, role: str, access: str) -> None:
        with store_server.administering(server) as conn:
            store_server.grant(conn, server, key, role, access)

    @classmethod
    def _create_on_server(
        cls, url: str, title: str, key: str | None, fill: Callable[[Any], object]
    ) -> Self:
        return server_login.logged_in(
            store_server.server_url(url),
            lambda server: cls._create_schema_on(server, title, key, fill),
        )

    @classmethod
    def _create_schema_on(
        cls, server: Any, title: str, key: str | None, fill: Callable[[Any], object]
    ) -> Self:
        with store_server.administering(server) as conn:
            key = store_server.check_key(key) if key else store_server.new_key(conn, title)
            store_server.create_schema(conn, key)
            conn.execute(text(f"SET LOCAL search_path TO {key}"))
            _upgrade_schema(conn, key)
            fill(conn)
            store_server.catch_up_sequences(conn, _NUMBERED)
        return cls._on_server(server, key, readonly=False)

    @classmethod
    def open_url(cls, url: str, key: str, *, readonly: bool = False) -> Self:
        """Open the workshop `key` on a PostgreSQL server. For writing, a workshop of an older
        schema is brought up to date first (in one transaction, one client at a time) when the
        login may act as the workshop's owner, and refused ("server.needs_upgrade": run
        `samverkan-desktop upgrade`) when it may not; a reader's login opens one this version
        reads (store_server.READS_FROM) read-only as it is. A read-only store is refused every
        write by the server itself."""
        server = store_server.server_url(url)
        store_server.check_key(key)
        return server_login.logged_in(
            server, lambda server: cls._open_on_server(server, key, readonly=readonly)
        )

    @classmethod
    def _open_on_server(cls, server: Any, key: str, *, readonly: bool) -> Self:
        store = cls._on_server(server, key, readonly=readonly)
        try:
            with store._engine.begin() as conn:
                if not readonly:  # two clients opening an old workshop upgrade it once
                    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": key})
                if not store_server.is_workshop(conn, key):
                    raise store_server.ServerError(
                        "server.no_workshop", key=key, server=store_server.shown(server)
                    )
                if not store_server.may_read(conn, key):
                    raise store_server.ServerError(
                        "server.no_access", key=key, server=store_server.shown(server)
                    )
                rev = store_server.revision(conn)
                if rev is not None and rev not in store_file._known_revisions():
                    raise StoreError("store.newer_version", name=key)
                # A reader's login: the board shows it read-only from the start (the server
                # would refuse its first write anyway).
                store.readonly = readonly or not store_server.may_write(conn)
                # An older workshop: read as it is by a reader, where this version reads it;
                # upgraded by a login that may act as its owner; else the one line that says
                # who can upgrade it (a facilitator may change rows, not tables).
                old = rev != store_file.head_revision()
                if old and not (store.readonly and store_server.readable(rev)):
                    if readonly or not store_server.as_owner(conn, key):
                        raise store_server.ServerError(
                            "server.needs_upgrade",
                            key=key,
                            server=store_server.shown(server),
                            address=store_server.upgrade_address(server, key),
                        )
                    _upgrade_schema(conn, key)
                    conn.execute(text("RESET ROLE"))
        except BaseException as exc:
            store.close()
            if isinstance(exc, SQLAlchemyError):
                raise store_server.unreachable(server, exc) from None
            raise
        return store

    @classmethod
    def list_workshops(cls, url: str) -> list[store_server.ListedWorkshop]:
        """The workshops on a PostgreSQL server's database (key, title, date), by key."""
        return server_login.logged_in(store_server.server_url(url), cls._list_workshops_on)

    @classmethod
    def _list_workshops_on(cls, server: Any) -> list[store_server.ListedWorkshop]:
        with store_server.administering(server, readonly=True) as conn:
            return store_server.workshops(conn)

    @classmethod
    def _on_server(cls, server: Any, key: str, *, readonly: bool) -> Self:
        store = cls(Path(key), store_server.engine(server, key, readonly=readonly))
        store.url = store_server.shown(server)
        store._server = server
        store.readonly = readonly
        return store

    def _migrate(self) -> None:
        from alembic import command  # only here: importing it costs more than opening a file

        try:
            with self._engine.begin() as conn:
                command.upgrade(store_file.alembic_config(conn), "head")
                conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
        except Exception as exc:  # noqa: BLE001 - whatever a migration raised, the file is safe
            raise StoreError(
                "store.cannot_upgrade_db", name=self.path.name, why=store_file.reason(exc)
            ) from None


def _upgrade_schema(conn: Any, key: str) -> None:
    """Bring a workshop schema on a server to the current tables, in the caller's transaction
    (PostgreSQL changes tables transactionally: a failed step leaves the schema as it was)."""
    from alembic import command

    try:
        command.upgrade(store_file.alembic_config(conn), "head")
    except Exception as exc:  # noqa: BLE001 - whatever a migration raised, nothing changed
        raise StoreError(
            "store.cannot_upgrade_db", name=key, why=store_server.reason(exc)
        ) from None
