"""The only code that talks to the database: one workshop, one transaction per change.

A workshop is a SQLite file or a schema on a PostgreSQL server (`Store.open_url`); the same
tables, migrations and methods serve both. Reads return the plain snapshots of `model`; writes
commit at once and then tell subscribers what changed, so the board (or anything else) can
follow the document. Whether a file on disk is a workshop that can be opened at all is
`store_file`'s question; what is particular to a server, `store_server`'s.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool
from sqlalchemy.schema import Table

from . import (
    atomic,
    limits,
    oserrors,
    server_login,
    store_file,
    store_filewatch,
    store_server,
    store_summary,
)
from . import model as m
from .schema import (
    Base,
    ChangeLogRow,
    ClusterRow,
    GroupRow,
    LinkRow,
    MetaRow,
    NoteRow,
    ThemeLinkRow,
    WorkshopRow,
)
from .store_file import (  # noqa: F401 (re-exported)
    APPLICATION_ID,
    SUFFIX,
    DamagedFile,
    FileReadOnly,
    StoreError,
)
from .store_lock import (  # noqa: F401 (re-exported)
    FileLocked,
    LockOwner,
    LockUnavailable,
    WriteLock,
)

if TYPE_CHECKING:
    from . import store_presence
    from .merge import MergePlan

NOTE_FIELDS = frozenset(f.name for f in fields(m.Note)) - {"id", "created_at", "updated_at"}
CLUSTER_FIELDS = frozenset(f.name for f in fields(m.Cluster)) - {"id", "created_at", "updated_at"}
# The columns in the order of the snapshot's fields: a read builds each snapshot straight from
# its row (no ORM object in between, which cost more than the rest of the read).
_NOTE_COLUMNS = tuple(NoteRow.__table__.c[f.name] for f in fields(m.Note))
_CLUSTER_COLUMNS = tuple(ClusterRow.__table__.c[f.name] for f in fields(m.Cluster))


@dataclass(frozen=True)
class Change:
    """What one committed transaction changed: entity kind -> ids (removed ids kept apart).
    `everything`: what changed is not known (another client's change heard by `watch` that
    had too many ids to send, or changes missed while the connection was lost): read it all."""

    changed: Mapping[str, frozenset[int]] = field(default_factory=dict)
    removed: Mapping[str, frozenset[int]] = field(default_factory=dict)
    everything: bool = False


class RowMovedOn(StoreError):
    """A write stated the version of a note or cluster it was based on, and someone else has
    changed that row since (another window, another facilitator): nothing was written. `kind`
    ("note" or "cluster") and `ids` say which rows moved on."""

    kind: str = ""
    ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class NoteRemoval:
    """Everything needed to put deleted notes back exactly as they were."""

    notes: tuple[m.Note, ...]
    links: tuple[m.Link, ...]
    themes: tuple[m.ThemeLink, ...]
    # Each note's version when it went: it comes back one on, never as an earlier version.
    versions: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ClusterRemoval:
    cluster: m.Cluster
    member_ids: tuple[int, ...]
    child_ids: tuple[int, ...]
    themes: tuple[m.ThemeLink, ...]
    version: int = 1


class Store:
    """An open workshop file. Use `Store.create` or `Store.open`; close it (or use `with`)."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self._engine = engine
        self._session: Session | None = None
        self._pending_changed: dict[str, set[int]] = {}
        self._pending_removed: dict[str, set[int]] = {}
        self._subscribers: list[Callable[[Change], None]] = []
        self._temp_copy: Path | None = None
        self.readonly = False
        self._lock: WriteLock | None = None  # held from open/create for writing until close
        # A workshop on a server: the server as shown to the user (no password); `path` is then
        # the workshop's key (its schema), so that messages name it as they name a file.
        self.url: str | None = None
        self._server: Any = None  # its SQLAlchemy URL, password and all (never shown)
        self._client = uuid.uuid4().hex  # this store's name in its notifications
        self._listeners: list[store_server.Listener | store_filewatch.Watcher] = []
        self._presences: list[store_presence.Presence] = []

    # ----------------------------------------------------------------- opening and closing
    @classmethod
    def create(cls, path: str | os.PathLike[str], workshop: m.Workshop | None = None) -> Store:
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
    ) -> Store:
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
    def _open_file(cls, path: Path, *, readonly: bool) -> Store:
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
    def _open_copy(cls, path: Path, real: Path, *, with_journal: bool) -> Store:
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
    def _connect(cls, path: Path, mode: str = "rw", shown: Path | None = None) -> Store:
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
    ) -> Store:
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

    def publish(self, url: str, *, key: str | None = None) -> Store:
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
        admin = store_server.engine(server, None)
        try:
            with admin.begin() as conn:
                store_server.grant(conn, server, key, role, access)
        except SQLAlchemyError as exc:
            raise store_server.unreachable(server, exc) from None
        finally:
            admin.dispose()

    @classmethod
    def _create_on_server(
        cls, url: str, title: str, key: str | None, fill: Callable[[Any], object]
    ) -> Store:
        return server_login.logged_in(
            store_server.server_url(url),
            lambda server: cls._create_schema_on(server, title, key, fill),
        )

    @classmethod
    def _create_schema_on(
        cls, server: Any, title: str, key: str | None, fill: Callable[[Any], object]
    ) -> Store:
        admin = store_server.engine(server, None)
        try:
            with admin.begin() as conn:
                key = store_server.check_key(key) if key else store_server.new_key(conn, title)
                store_server.create_schema(conn, key)
                conn.execute(text(f"SET LOCAL search_path TO {key}"))
                _upgrade_schema(conn, key)
                fill(conn)
                store_server.catch_up_sequences(conn, _NUMBERED)
        except SQLAlchemyError as exc:
            raise store_server.unreachable(server, exc) from None
        finally:
            admin.dispose()
        return cls._on_server(server, key, readonly=False)

    @classmethod
    def open_url(cls, url: str, key: str, *, readonly: bool = False) -> Store:
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
    def _open_on_server(cls, server: Any, key: str, *, readonly: bool) -> Store:
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
        admin = store_server.engine(server, None, readonly=True)
        try:
            with admin.connect() as conn:
                return store_server.workshops(conn)
        except SQLAlchemyError as exc:
            raise store_server.unreachable(server, exc) from None
        finally:
            admin.dispose()

    @classmethod
    def _on_server(cls, server: Any, key: str, *, readonly: bool) -> Store:
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

    def close(self) -> None:
        for presence in self._presences:
            presence.stop()  # says goodbye while the connection is still there
        self._presences.clear()
        for listener in self._listeners:
            listener.stop()
        self._listeners.clear()
        self._engine.dispose()
        if self._temp_copy is not None:
            shutil.rmtree(self._temp_copy.parent, ignore_errors=True)
            self._temp_copy = None
        if self._lock is not None:  # after the connections are gone, never before
            self._lock.release()
            self._lock = None

    def refresh_lock(self) -> bool:
        """The write lock's heartbeat: call it every `store_lock.HEARTBEAT` seconds while the file
        is open for writing. False when there is no lock (read-only) or it is no longer ours
        (taken over while this computer slept, or deleted); the store then reads the file through
        a read-only connection, so that no later write can land on the new owner's work. On a
        server, which takes no lock (it keeps writers apart itself): whether it may write."""
        if self.url is not None:
            return not self.readonly
        if self._lock is None:
            return False
        if self._lock.refresh():
            return True
        self._lock = None
        reader = type(self)._connect(self.path.resolve(), mode="ro", shown=self.path)
        self._engine.dispose()
        self._engine, self.readonly = reader._engine, True
        return False

    @property
    def shared(self) -> bool:
        """Others can change the rows while this store has them open (a workshop on a
        server, a file open shared with other windows): a write then states the versions it
        was based on (`based_on`, `check_versions`), so that nobody's change is overwritten
        unseen."""
        return self.url is not None or (self._lock is not None and self._lock.shared)

    def co_writers(self) -> list[LockOwner]:
        """The other windows and programs of this machine that have this file open for writing
        with this store (a shared lock); none on a server or for a file open alone."""
        return self._lock.others() if self._lock is not None else []

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- transactions and changes
    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call `callback(change)` after every committed change; returns the unsubscribe."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction; nested uses join the outer one, which commits all or nothing."""
        if self._session is not None:
            yield self._session
            return
        bind = self._engine if self.url else self._engine.execution_options(writing=True)
        session = Session(bind, expire_on_commit=False)
        self._session = session
        try:
            with session.begin():
                if self.url is None:
                    _stamp(session)
                yield session
                if self.url is None and (self._pending_changed or self._pending_removed):
                    store_filewatch.log(
                        session.connection(),
                        self._client,
                        self._pending_changed,
                        self._pending_removed,
                    )
                if self.url is not None and (self._pending_changed or self._pending_removed):
                    store_server.notify(
                        session.connection(),
                        self.path.name,
                        self._client,
                        self._pending_changed,
                        self._pending_removed,
                    )
        except (SQLAlchemyError, OverflowError) as exc:
            self._discard_pending()
            raise self._failure("store.cannot_save", exc) from None
        except BaseException:
            self._discard_pending()
            raise
        finally:
            self._session = None
            session.close()
        self._publish()

    def watch(
        self,
        callback: Callable[[Change], None],
        *,
        wait: float = 5.0,
        connected: Callable[[bool], None] | None = None,
    ) -> Callable[[], None]:
        """On a server: call `callback(change)` for every change another client (another
        window, another facilitator) commits to this workshop, a moment after its commit.
        It is called on a thread of the store's own: the UI hands it to its own thread. A
        change with `everything` set says: read it all again. Returns the stop; `close` stops
        it too. Waits up to `wait` seconds for the server to start listening, so that nothing
        committed after the return is missed. `connected(False)` when the connection to the
        server is lost, `connected(True)` when it is back (then a change with `everything`
        follows), on the same thread. On a file open shared (`open(shared=True)`): the same
        for the other windows and programs of this machine that have it open, read from the
        file's change log (`store_filewatch`); a file open alone has nothing to watch."""
        listener: store_server.Listener | store_filewatch.Watcher
        if self.url is None:
            if self._lock is None or not self._lock.shared:
                return lambda: None

            def deliver_file(found: store_filewatch.Committed) -> None:
                callback(Change(found.changed, found.removed, found.everything))

            listener = store_filewatch.Watcher(self.path.resolve(), self._client, deliver_file)
        else:

            def deliver(heard: store_server.Heard) -> None:
                callback(Change(heard.changed, heard.removed, heard.everything))

            listener = store_server.Listener(
                self._server, self.path.name, self._client, deliver, connected=connected
            )
        self._listeners.append(listener)
        listener.listening.wait(wait)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)
                listener.stop()

        return stop

    def presence(
        self,
        on_change: Callable[[tuple[store_presence.Present, ...]], None],
        *,
        person: store_presence.Person | None = None,
        **timing: float,
    ) -> store_presence.Presence | None:
        """On a server: announce this client (`person`: this computer's user by default) to
        everyone else who has the workshop open, and call `on_change` with them whenever who is
        there or what they have selected changes (on a thread of its own; see store_presence).
        `timing`: beat, ttl (seconds). Stopped by its `stop` or by `close`. None on a file."""
        from . import store_presence  # only a store on a server needs it

        if self.url is None:
            return None
        presence = store_presence.Presence(
            self._server.set(drivername="postgresql").render_as_string(hide_password=False),
            self.path.name,
            self._client,
            person or store_presence.me(),
            on_change,
            reader=self.readonly,
            **timing,
        )
        self._presences.append(presence)
        return presence

    def _mark(self, kind: str, ids: Iterable[int], removed: bool = False) -> None:
        target = self._pending_removed if removed else self._pending_changed
        target.setdefault(kind, set()).update(ids)

    def _discard_pending(self) -> None:
        self._pending_changed.clear()
        self._pending_removed.clear()

    def _publish(self) -> None:
        if not (self._pending_changed or self._pending_removed):
            return
        change = Change(
            {k: frozenset(v) for k, v in self._pending_changed.items()},
            {k: frozenset(v) for k, v in self._pending_removed.items()},
        )
        self._discard_pending()
        for callback in list(self._subscribers):
            callback(change)

    @contextlib.contextmanager
    def _read(self) -> Iterator[Session]:
        if self._session is not None:
            yield self._session
            return
        try:
            with Session(self._engine) as session:
                yield session
        # damaged or gone since it opened
        except (SQLAlchemyError, *store_file.DAMAGED_VALUE) as exc:
            raise self._failure("store.cannot_read_db", exc, reading=True) from None

    def _failure(self, code: str, exc: BaseException, reading: bool = False) -> StoreError:
        """The user's words for what SQLite (or a value it returned) said; never its own text.
        A value that cannot be turned into Python is damage when read, a refusal when written
        (a number too large for the file)."""
        if self.url is not None:
            return StoreError(code, name=self.path.name, why=store_server.reason(exc))
        return store_file.failure(code, exc, self.path.name, reading)

    # ----------------------------------------------------------------- reads
    def workshop(self) -> m.Workshop:
        with self._read() as s:
            row = s.scalars(select(WorkshopRow).limit(1)).first()
            if row is None:
                return m.Workshop()
            return m.Workshop(row.title, row.date, row.description)

    def groups(self) -> list[m.Group]:
        with self._read() as s:
            rows = s.scalars(select(GroupRow).order_by(GroupRow.position, GroupRow.id))
            return [_group(r) for r in rows]

    def notes(self, ids: Iterable[int] | None = None) -> list[m.Note]:
        with self._read() as s:
            query = select(*_NOTE_COLUMNS).order_by(NoteRow.id)
            if ids is not None:
                query = query.where(NoteRow.id.in_(list(ids)))
            return [m.Note(*r) for r in s.connection().execute(query)]

    def note(self, note_id: int) -> m.Note:
        found = self.notes([note_id])
        if not found:
            raise StoreError("store.no_note", id=note_id)
        return found[0]

    def clusters(self, ids: Iterable[int] | None = None) -> list[m.Cluster]:
        with self._read() as s:
            query = select(*_CLUSTER_COLUMNS).order_by(ClusterRow.id)
            if ids is not None:
                query = query.where(ClusterRow.id.in_(list(ids)))
            return [m.Cluster(*r) for r in s.connection().execute(query)]

    def cluster(self, cluster_id: int) -> m.Cluster:
        found = self.clusters([cluster_id])
        if not found:
            raise StoreError("store.no_cluster", id=cluster_id)
        return found[0]

    def links(self) -> list[m.Link]:
        with self._read() as s:
            query = select(LinkRow.source_id, LinkRow.target_id, LinkRow.kind)
            return [m.Link(*r) for r in s.execute(query)]

    def themes(self) -> list[m.ThemeLink]:
        with self._read() as s:
            rows = s.execute(select(ThemeLinkRow.note_id, ThemeLinkRow.cluster_id))
            return [m.ThemeLink(*r) for r in rows]

    def document(self) -> m.Document:
        with self._read():
            return m.Document(
                self.workshop(),
                tuple(self.groups()),
                tuple(self.clusters()),
                tuple(self.notes()),
                tuple(self.links()),
                tuple(self.themes()),
            )

    def summary(self) -> m.Summary:
        """Counts for `info`, by SQL: a 40,000-note file is summed up without reading its notes
        (a file's every text is read, to find text that is not UTF-8: store_summary)."""
        with self._read() as s:
            conn = s.connection()
            if self.url is None:  # the same SQL as `info` on a file without a store
                raw = conn.connection.driver_connection
                return store_summary.counted(raw, self.path.name)  # type: ignore[arg-type]
            # Plain SQL (the same on SQLite and PostgreSQL): a fresh `info` process spent more
            # compiling these three statements than SQLite spent counting 10,000 notes.
            total, clustered, uncertain, personal = conn.exec_driver_sql(
                "SELECT count(id), count(cluster_id), count(CASE WHEN uncertain THEN 1 END), "
                "count(CASE WHEN personal_data THEN 1 END) FROM notes"
            ).one()
            per_group = conn.exec_driver_sql(
                "SELECT group_id, count(id) FROM notes GROUP BY group_id"
            ).fetchall()
            members = conn.exec_driver_sql(
                "SELECT c.id, c.name, c.group_id, count(n.id) FROM clusters c "
                "LEFT OUTER JOIN notes n ON n.cluster_id = c.id GROUP BY c.id ORDER BY c.id"
            ).fetchall()
            return m.Summary(
                self.workshop(),
                tuple(self.groups()),
                total,
                clustered,
                uncertain,
                personal,
                {g: n for g, n in per_group},
                tuple((i, name, g, n) for i, name, g, n in members),
            )

    def versions(self, kind: str, ids: Iterable[int] | None = None) -> dict[int, int]:
        """Each note's or cluster's version (`kind` "note" or "cluster"), one up on every write
        of the row: what a later write states as `based_on`."""
        table = _VERSIONED[kind]
        with self._read() as s:
            query = select(table.id, table.version)
            if ids is not None:
                query = query.where(table.id.in_(list(ids)))
            return {i: v for i, v in s.execute(query)}

    def check_versions(self, kind: str, based_on: Mapping[int, int]) -> None:
        """RowMovedOn when any of the notes or clusters (`kind`) is no longer at the version in
        `based_on` (changed or deleted by someone else); the rows stay locked to the end of the
        transaction, so that a write after the check lands on the versions checked. For a
        command that writes a row more than once in one transaction (an undo)."""
        if based_on:
            with self.transaction() as s:
                _check_versions(s, _VERSIONED[kind], based_on)

    def contents(self, cluster_ids: Iterable[int]) -> dict[int, frozenset[tuple[str, int]]]:
        """What each of the clusters holds directly now: ("note", id) and ("cluster", id). A
        frame moved on what it held a moment ago would leave behind what someone else has
        just put in it (its own row unchanged)."""
        ids = list(cluster_ids)
        out: dict[int, set[tuple[str, int]]] = {c: set() for c in ids}
        if not ids:
            return {}
        with self._read() as s:
            for kind, table, column in (
                ("note", NoteRow, NoteRow.cluster_id),
                ("cluster", ClusterRow, ClusterRow.parent_id),
            ):
                for i, c in s.execute(select(table.id, column).where(column.in_(ids))):
                    if c is not None:
                        out[c].add((kind, i))
        return {c: frozenset(held) for c, held in out.items()}

    def written(self, kind: str) -> frozenset[int]:
        """Ids of `kind` that the transaction under way has changed so far (not removed)."""
        return frozenset(self._pending_changed.get(kind, ())) - frozenset(
            self._pending_removed.get(kind, ())
        )

    def get_meta(self, key: str, default: str = "") -> str:
        with self._read() as s:
            row = s.get(MetaRow, key)
            return row.value if row else default

    # ----------------------------------------------------------------- writes: workshop, groups
    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as s:
            s.merge(MetaRow(key=key, value=value))

    def set_workshop(self, workshop: m.Workshop) -> None:
        with self.transaction() as s:
            row = s.scalars(select(WorkshopRow).limit(1)).first()
            if row is None:
                row = WorkshopRow()
                s.add(row)
            row.title, row.date = workshop.title, workshop.date
            row.description = workshop.description
            self._mark("workshop", [0])

    def add_group(self, name: str, facilitators: Iterable[str] = ()) -> m.Group:
        with self.transaction() as s:
            position = len(s.scalars(select(GroupRow.id)).all())
            row = GroupRow(name=name, facilitators=list(facilitators), position=position)
            s.add(row)
            s.flush()
            self._mark("group", [row.id])
            return _group(row)

    def update_group(self, group_id: int, **changes: Any) -> m.Group:
        with self.transaction() as s:
            row = _get(s, GroupRow, group_id)
            for key, value in changes.items():
                if key not in {"name", "facilitators", "position"}:
                    raise ValueError(f"unknown group field {key}")
                setattr(row, key, list(value) if key == "facilitators" else value)
            self._mark("group", [group_id])
            return _group(row)

    def delete_groups(self, ids: Iterable[int]) -> tuple[m.Group, ...]:
        """Remove groups (undoing an import); notes and clusters left in them keep no group."""
        wanted = set(ids)
        with self.transaction() as s:
            groups = tuple(g for g in self.groups() if g.id in wanted)
            s.execute(delete(GroupRow).where(GroupRow.id.in_(wanted)))
            self._mark("group", wanted, removed=True)
            return groups

    def restore_groups(self, groups: Iterable[m.Group]) -> None:
        """Put back groups removed by `delete_groups`, with their ids."""
        groups = list(groups)
        with self.transaction() as s:
            for g in groups:
                s.add(
                    GroupRow(
                        id=g.id, name=g.name, facilitators=list(g.facilitators), position=g.position
                    )
                )
            s.flush()  # before clusters and notes that point at them join the same transaction
            _ids_given(s, GroupRow)
            self._mark("group", [g.id for g in groups])

    # ----------------------------------------------------------------- writes: notes
    def add_note(self, text: str, **values: Any) -> m.Note:
        with self.transaction() as s:
            _within_limits("text", text)
            row = NoteRow(text=text, **_checked(values, NOTE_FIELDS))
            s.add(row)
            s.flush()
            self._mark("note", [row.id])
            return _note(row)

    def update_note(self, note_id: int, *, based_on: int | None = None, **changes: Any) -> m.Note:
        self.update_notes({note_id: changes}, based_on=_one(note_id, based_on))
        return self.note(note_id)

    def update_notes(
        self, changes: Mapping[int, Mapping[str, Any]], *, based_on: Mapping[int, int] | None = None
    ) -> None:
        """Change fields of many notes in one transaction (a drag of 500 notes is one commit).
        `based_on`: note id -> the version (`versions`) the change was made from; when any of
        them has moved on, RowMovedOn and nothing is written."""
        if not changes:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [
            {"id": i, **_checked(c, NOTE_FIELDS), "updated_at": now} for i, c in changes.items()
        ]
        with self.transaction() as s:
            _require(s, NoteRow, changes.keys())
            if based_on:
                _check_versions(s, NoteRow, based_on)
            s.execute(update(NoteRow), rows)
            _bump(s, NoteRow, changes.keys())
            self._mark("note", changes.keys())

    def move_notes(self, positions: Mapping[int, tuple[float, float]]) -> None:
        self.update_notes({i: {"x": x, "y": y} for i, (x, y) in positions.items()})

    def set_membership(self, membership: Mapping[int, int | None]) -> None:
        """Put notes into clusters (None: out of any cluster)."""
        self.update_notes({i: {"cluster_id": c} for i, c in membership.items()})

    def delete_notes(self, ids: Iterable[int]) -> NoteRemoval:
        ids = list(ids)
        with self.transaction() as s:
            notes = self.notes(ids)
            id_set = set(ids)
            links = tuple(lk for lk in self.links() if lk.source in id_set or lk.target in id_set)
            themes = tuple(t for t in self.themes() if t.note_id in id_set)
            versions = self.versions("note", ids)
            s.execute(delete(NoteRow).where(NoteRow.id.in_(ids)))
            self._mark("note", ids, removed=True)
            if links:
                self._mark("link", [0])
            return NoteRemoval(tuple(notes), links, themes, versions)

    def restore_notes(self, removal: NoteRemoval) -> None:
        with self.transaction() as s:
            for note in removal.notes:
                version = removal.versions.get(note.id, 0) + 1
                s.add(NoteRow(id=note.id, version=version, **_note_values(note)))
            s.flush()
            _ids_given(s, NoteRow)
            for lk in removal.links:
                s.merge(LinkRow(source_id=lk.source, target_id=lk.target, kind=lk.kind))
            for t in removal.themes:
                s.merge(ThemeLinkRow(note_id=t.note_id, cluster_id=t.cluster_id))
            self._mark("note", [n.id for n in removal.notes])
            if removal.links:
                self._mark("link", [0])
            if removal.themes:
                self._mark("theme", [0])

    # ----------------------------------------------------------------- writes: clusters
    def add_cluster(self, name: str, **values: Any) -> m.Cluster:
        with self.transaction() as s:
            _within_limits("name", name)
            if values.get("parent_id") is not None:
                self._check_parent(s, None, values["parent_id"])
            row = ClusterRow(name=name, **_checked(values, CLUSTER_FIELDS))
            s.add(row)
            s.flush()
            self._mark("cluster", [row.id])
            return _cluster(row)

    def update_cluster(
        self, cluster_id: int, *, based_on: int | None = None, **changes: Any
    ) -> m.Cluster:
        self.update_clusters({cluster_id: changes}, based_on=_one(cluster_id, based_on))
        return self.cluster(cluster_id)

    def update_clusters(
        self, changes: Mapping[int, Mapping[str, Any]], *, based_on: Mapping[int, int] | None = None
    ) -> None:
        """Change fields of many clusters in one transaction; `based_on` as `update_notes`."""
        if not changes:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [
            {"id": i, **_checked(c, CLUSTER_FIELDS), "updated_at": now} for i, c in changes.items()
        ]
        with self.transaction() as s:
            _require(s, ClusterRow, changes.keys())
            if based_on:
                _check_versions(s, ClusterRow, based_on)
            for i, c in changes.items():
                if "parent_id" in c:
                    self._check_parent(s, i, c["parent_id"])
            s.execute(update(ClusterRow), rows)
            _bump(s, ClusterRow, changes.keys())
            self._mark("cluster", changes.keys())

    def _check_parent(self, s: Session, cluster_id: int | None, parent_id: int | None) -> None:
        """Refuse a cycle, and nesting deeper than the limit (the parent's depth plus the
        height of what is moved into it)."""
        seen = {cluster_id}
        depth = 0
        while parent_id is not None:
            if parent_id in seen:
                raise StoreError("store.cluster_in_itself")
            seen.add(parent_id)
            depth += 1
            parent_id = _get(s, ClusterRow, parent_id).parent_id
        level = [cluster_id] if cluster_id is not None else []
        height = 1
        while level:
            level = list(s.scalars(select(ClusterRow.id).where(ClusterRow.parent_id.in_(level))))
            height += 1 if level else 0
        if depth + height > limits.MAX_CLUSTER_DEPTH:
            raise StoreError("store.cluster_too_deep", most=limits.MAX_CLUSTER_DEPTH)

    def delete_cluster(self, cluster_id: int) -> ClusterRemoval:
        """Remove a cluster; its notes and children move up into the cluster around it (none
        for a top-level cluster: its notes stay on the board unclustered)."""
        with self.transaction() as s:
            row = _get(s, ClusterRow, cluster_id)
            cluster, version = _cluster(row), row.version
            members = tuple(s.scalars(select(NoteRow.id).where(NoteRow.cluster_id == cluster_id)))
            children = tuple(
                s.scalars(select(ClusterRow.id).where(ClusterRow.parent_id == cluster_id))
            )
            themes = tuple(t for t in self.themes() if t.cluster_id == cluster_id)
            s.execute(
                update(NoteRow)
                .where(NoteRow.cluster_id == cluster_id)
                .values(cluster_id=cluster.parent_id, version=NoteRow.version + 1)
            )
            s.execute(
                update(ClusterRow)
                .where(ClusterRow.parent_id == cluster_id)
                .values(parent_id=cluster.parent_id, version=ClusterRow.version + 1)
            )
            s.execute(delete(ClusterRow).where(ClusterRow.id == cluster_id))
            self._mark("cluster", [cluster_id], removed=True)
            self._mark("note", members)
            self._mark("cluster", children)
            if themes:
                self._mark("theme", [0])
            return ClusterRemoval(cluster, members, children, themes, version)

    def restore_cluster(self, removal: ClusterRemoval) -> None:
        c = removal.cluster
        with self.transaction() as s:
            s.add(ClusterRow(id=c.id, version=removal.version + 1, **_cluster_values(c)))
            s.flush()
            _ids_given(s, ClusterRow)
            if removal.member_ids:
                s.execute(
                    update(NoteRow)
                    .where(NoteRow.id.in_(removal.member_ids))
                    .values(cluster_id=c.id, version=NoteRow.version + 1)
                )
            if removal.child_ids:
                s.execute(
                    update(ClusterRow)
                    .where(ClusterRow.id.in_(removal.child_ids))
                    .values(parent_id=c.id, version=ClusterRow.version + 1)
                )
            for t in removal.themes:
                s.merge(ThemeLinkRow(note_id=t.note_id, cluster_id=t.cluster_id))
            self._mark("cluster", [c.id, *removal.child_ids])
            self._mark("note", removal.member_ids)
            if removal.themes:
                self._mark("theme", [0])

    # ----------------------------------------------------------------- writes: links
    def add_link(self, link: m.Link) -> None:
        if link.kind not in m.LINK_KINDS:
            raise StoreError("store.unknown_link_kind", kind=link.kind)
        if link.source == link.target:
            raise StoreError("store.self_link")
        with self.transaction() as s:
            s.merge(LinkRow(source_id=link.source, target_id=link.target, kind=link.kind))
            self._mark("link", [link.source, link.target])

    def remove_link(self, link: m.Link) -> None:
        with self.transaction() as s:
            s.execute(
                delete(LinkRow).where(
                    LinkRow.source_id == link.source,
                    LinkRow.target_id == link.target,
                    LinkRow.kind == link.kind,
                )
            )
            self._mark("link", [link.source, link.target])

    # ----------------------------------------------------------------- whole documents
    def add_document(
        self, doc: m.Document, *, into_clusters: Mapping[int, int] | None = None
    ) -> dict[str, dict[int, int]]:
        """Add a whole document (an import) in one transaction: all of it, or nothing.

        Ids in `doc` are its own; they are mapped to new ids here, which are returned per kind.
        The workshop's title, date and description are taken where this file has none yet.
        `into_clusters` (a merge, see `merge_document`): clusters of `doc` that are not added;
        what `doc` puts in one goes into the existing cluster it maps to (returned apart, as
        "merged_clusters", so that "clusters" stays what was added).
        """
        into = dict(into_clusters or {})
        with self.transaction() as s:
            current = self.workshop()
            merged = m.Workshop(
                current.title or doc.workshop.title,
                current.date or doc.workshop.date,
                current.description or doc.workshop.description,
            )
            if merged != current:
                self.set_workshop(merged)
            # Checked first, in the order the rows used to be added in, so that a refused
            # document says the same as before; nothing has been written then.
            cluster_keys = {c.id for c in doc.clusters} | set(into)
            _require(s, ClusterRow, into.values())
            for c in doc.clusters:
                if c.parent_id is not None and c.parent_id not in cluster_keys:
                    raise StoreError("store.missing_parent", id=c.id)
            note_keys = {n.id for n in doc.notes}
            for lk in doc.links:
                if lk.source not in note_keys or lk.target not in note_keys:
                    raise StoreError("store.link_to_missing")
                if lk.kind not in m.LINK_KINDS:
                    raise StoreError("store.unknown_link_kind", kind=lk.kind)
            for t in doc.themes:
                if t.note_id not in note_keys or t.cluster_id not in cluster_keys:
                    raise StoreError("store.theme_to_missing")
            # Each table in one executemany; the ids are the ones SQLite would have given row
            # by row (see `_insert`). Timestamps a document leaves out are the moment of import.
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            offset = len(s.scalars(select(GroupRow.id)).all())
            group_ids = _insert(
                s,
                GroupRow,
                [g.id for g in doc.groups],
                [
                    {"name": g.name, "facilitators": list(g.facilitators), "position": offset + i}
                    for i, g in enumerate(doc.groups)
                ],
            )
            cluster_rows = []
            added_clusters = [c for c in doc.clusters if c.id not in into]
            for c in added_clusters:
                values = _cluster_values(c)
                # Ids are the document's own, and 0 is one (a hand-written JSON file).
                values.update(parent_id=None, group_id=_mapped(group_ids, c.group_id))
                values.setdefault("created_at", now)
                values.setdefault("updated_at", now)
                cluster_rows.append(values)
            cluster_ids = _insert(s, ClusterRow, [c.id for c in added_clusters], cluster_rows)
            added = cluster_ids
            if into:  # what the document puts in a merged cluster goes into the existing one
                cluster_ids = {**cluster_ids, **into}
            parents = [
                {"b_id": cluster_ids[c.id], "b_parent": cluster_ids[c.parent_id]}
                for c in added_clusters
                if c.parent_id is not None
            ]
            if parents:  # after every cluster is in: a parent may come after its child
                clusters = _table(ClusterRow)
                s.execute(
                    update(clusters)
                    .where(clusters.c.id == bindparam("b_id"))
                    .values(parent_id=bindparam("b_parent")),
                    parents,
                )
            note_rows = []
            for n in doc.notes:
                values = _note_values(n)
                values["group_id"] = _mapped(group_ids, n.group_id)
                values["cluster_id"] = _mapped(cluster_ids, n.cluster_id)
                values.setdefault("created_at", now)
                values.setdefault("updated_at", now)
                note_rows.append(values)
            note_ids = _insert(s, NoteRow, [n.id for n in doc.notes], note_rows)
            # Every note here is new, so nothing in the file already links them: only the
            # document's own repeats are left out.
            links = dict.fromkeys(
                (note_ids[lk.source], note_ids[lk.target], lk.kind) for lk in doc.links
            )
            if links:
                s.execute(
                    insert(_table(LinkRow)),
                    [{"source_id": a, "target_id": b, "kind": kind} for a, b, kind in links],
                )
            themes = dict.fromkeys(
                (note_ids[t.note_id], cluster_ids[t.cluster_id]) for t in doc.themes
            )
            if themes:
                s.execute(
                    insert(_table(ThemeLinkRow)),
                    [{"note_id": a, "cluster_id": b} for a, b in themes],
                )
            self._mark("group", group_ids.values())
            self._mark("cluster", cluster_ids.values())
            self._mark("note", note_ids.values())
            self._mark("link", [0])
            result = {"groups": group_ids, "clusters": added, "notes": note_ids}
            if into:
                result["merged_clusters"] = into
            return result

    def merge_document(self, plan: MergePlan) -> dict[str, dict[int, int]]:
        """Write a merge (`core.merge.merge_into`) in one transaction, all or nothing: the
        existing notes and frames it moved or grew, then its document (`add_document` with
        `into_clusters`). Returns `add_document`'s id maps."""
        with self.transaction():
            if plan.notes_moved:
                self.update_notes({i: {"x": x, "y": y} for i, (x, y) in plan.notes_moved.items()})
            if plan.clusters_moved:
                self.update_clusters(
                    {
                        i: {"x": x, "y": y, "width": w, "height": h}
                        for i, (x, y, w, h) in plan.clusters_moved.items()
                    }
                )
            return self.add_document(plan.document, into_clusters=plan.into_clusters)

    def save_copy(self, target: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the whole document to `target` (SQLite's backup API; from
        a server, row by row from one snapshot, every id kept)."""
        if self.url is not None:
            self._save_server_copy(Path(target))
            return
        target = Path(target)
        tmp = store_file.temporary_beside(target, "copy")
        try:
            with atomic.replacing(target, tmp, leftovers=[store_file.journal_path(tmp)]):
                raw = self._engine.raw_connection()
                try:
                    dest = sqlite3.connect(tmp)
                    try:
                        raw.driver_connection.backup(dest)  # type: ignore[union-attr]
                    finally:
                        dest.close()
                finally:
                    raw.close()
        except (OSError, sqlite3.Error) as exc:
            why = oserrors.why(exc) if isinstance(exc, OSError) else store_file.reason(exc)
            raise StoreError("store.cannot_save_copy", name=target.name, why=why) from None

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[Any]:
        """A connection that sees the whole workshop as of one moment, while others write."""
        if self.url is None:  # SQLite: the engine's BEGIN holds one snapshot to the end
            with self._engine.connect() as read, read.begin():
                yield read
            return
        snapshot = {"isolation_level": "REPEATABLE READ"}
        try:
            with self._engine.connect().execution_options(**snapshot) as read, read.begin():
                yield read
        except SQLAlchemyError as exc:
            raise self._failure("store.cannot_read_db", exc, reading=True) from None

    def _save_server_copy(self, target: Path) -> None:
        tmp = store_file.temporary_beside(target, "copy")
        try:
            with atomic.replacing(target, tmp, leftovers=[store_file.journal_path(tmp)]):
                copy = Store.create(tmp)
                try:
                    with self._snapshot() as read, copy.transaction() as s:
                        _copy_rows(read, s)
                finally:
                    copy.close()
        except OSError as exc:
            raise StoreError(
                "store.cannot_save_copy", name=target.name, why=oserrors.why(exc)
            ) from None
        except SQLAlchemyError as exc:
            raise StoreError(
                "store.cannot_save_copy", name=target.name, why=store_server.reason(exc)
            ) from None


# --------------------------------------------------------------------- row <-> snapshot helpers
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


_VERSIONED: dict[str, Any] = {"note": NoteRow, "cluster": ClusterRow}
# The tables whose rows the database numbers (on a server: from a sequence each).
_NUMBERED = ("workshop", "groups", "clusters", "notes")


def _copy_rows(read: Any, write: Any) -> None:
    """Every row of every table from one workshop into a new one, ids and versions kept (the
    new one's own workshop row gives way). A cluster's parent may come after it, and a
    server checks each row at once: the parents are set once every cluster is in."""
    write.execute(delete(_table(WorkshopRow)))
    for table in Base.metadata.sorted_tables:
        if table is _table(ChangeLogRow):  # news for those who had the original open only
            continue
        rows = [dict(r._mapping) for r in read.execute(select(table))]
        if not rows:
            continue
        parents = []
        if table.name == "clusters":
            parents = [
                {"b_id": r["id"], "b_parent": r["parent_id"], "b_updated": r["updated_at"]}
                for r in rows
                if r["parent_id"] is not None
            ]
            rows = [{**r, "parent_id": None} for r in rows]
        write.execute(insert(table), rows)
        if parents:  # with its own updated_at, which the update would otherwise set to now
            write.execute(
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values(parent_id=bindparam("b_parent"), updated_at=bindparam("b_updated")),
                parents,
            )


def _one(key: int, version: int | None) -> dict[int, int] | None:
    return None if version is None else {key: version}


def _check_versions(s: Session, table: Any, based_on: Mapping[int, int]) -> None:
    """Refuse the write when a row is no longer at the version it was based on. The rows stay
    locked until the transaction ends (on a server; SQLite writes one at a time anyway), so
    nobody can move them on between this check and the write."""
    query = select(table.id, table.version).where(table.id.in_(list(based_on)))
    found = {i: v for i, v in s.execute(query.with_for_update())}
    moved = tuple(sorted(i for i, v in based_on.items() if found.get(i) != v))
    if not moved:
        return
    kind = "note" if table is NoteRow else "cluster"
    if len(moved) > 1:
        error = RowMovedOn(f"store.{kind}s_moved_on", count=len(moved))
    else:
        row = s.get(table, moved[0])
        label = "" if row is None else (row.text if table is NoteRow else row.name)
        label = label if len(label) <= 40 else label[:39] + "…"
        error = RowMovedOn(f"store.{kind}_moved_on", label=label)
    error.kind, error.ids = kind, moved
    raise error


def _bump(s: Session, table: Any, ids: Iterable[int]) -> None:
    """Every written row is one version on."""
    columns = _table(table)
    s.execute(
        update(columns).where(columns.c.id.in_(list(ids))).values(version=columns.c.version + 1)
    )


def _on_postgresql(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def _ids_given(s: Session, table: Any) -> None:
    """Rows went in with ids of their own: on a server, its sequence moves past them."""
    if _on_postgresql(s):
        store_server.catch_up_sequences(s.connection(), [table.__tablename__])


def _begin(conn: Any) -> None:
    """A file's transaction: one that writes takes the file's write lock at once (BEGIN
    IMMEDIATE), so that with another writer on the file (a shared lock) it waits its turn
    instead of failing halfway with "busy" (SQLite refuses to upgrade a read lock while another
    writer waits), and its version checks and writes see one state of the file."""
    writing = conn.get_execution_options().get("writing", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _stamp(session: Session) -> None:
    """Mark the transaction in the file's header first thing (see `store_file.next_stamp`): its
    journal then always starts with page 1, whose stamp tells whose journal it is."""
    current = session.execute(text("PRAGMA user_version")).scalar() or 0
    session.execute(text(f"PRAGMA user_version = {store_file.next_stamp(int(current))}"))


def _get(s: Session, table: type, key: int) -> Any:
    row = s.get(table, key)
    if row is None:
        name = table.__tablename__  # type: ignore[attr-defined]
        raise StoreError("store.row_missing", table=name, key=key)
    return row


# The largest rowid SQLite gives; from there on it picks unused ones at random.
_MAX_ROWID = 2**63 - 1


def _insert(
    s: Session, table: Any, keys: Sequence[int], rows: list[dict[str, Any]]
) -> dict[int, int]:
    """Insert `rows` into `table` in one executemany and map each row's key (the document's
    own id; a repeated key maps to its last row) to its new id. The new ids are the ones SQLite
    gives row by row (one above the largest in the table: no table uses AUTOINCREMENT), set
    explicitly; only when they would not fit below the largest rowid are the rows inserted one
    at a time and SQLite picks. On a server, the table's sequence gives them."""
    if not rows:
        return {}
    columns = _table(table)
    top = None if _on_postgresql(s) else s.execute(select(func.max(columns.c.id))).scalar() or 0
    if top is None or top + len(rows) <= _MAX_ROWID:
        # On a server others may be adding rows too: the ids come from the table's sequence.
        ids: Sequence[int] = (
            store_server.next_ids(s.connection(), columns.name, len(rows))
            if top is None
            else range(top + 1, top + 1 + len(rows))
        )
        for new_id, row in zip(ids, rows, strict=True):
            row["id"] = new_id
        s.execute(insert(columns), rows)
        return dict(zip(keys, ids, strict=True))
    mapped: dict[int, int] = {}
    for key, row in zip(keys, rows, strict=True):
        result = s.connection().execute(insert(columns).values(**row))
        mapped[key] = result.lastrowid
    return mapped


def _table(row: Any) -> Table:
    """The table of a row class, for statements that need no ORM objects."""
    table: Table = row.__table__
    return table


def _require(s: Session, table: Any, ids: Iterable[int]) -> None:
    wanted = set(ids)
    found = set(s.scalars(select(table.id).where(table.id.in_(wanted))))
    missing = wanted - found
    if missing:
        raise StoreError("store.row_missing", table=table.__tablename__, key=sorted(missing))


def _mapped(ids: Mapping[int, int], key: int | None) -> int | None:
    return None if key is None else ids.get(key)


def _checked(values: Mapping[str, Any], allowed: frozenset[str]) -> dict[str, Any]:
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    for key, value in values.items():
        _within_limits(key, value)
    return dict(values)


_TEXTS = frozenset({"text", "comment", "section", "source", "name", "description", "colour"})
_PLACES = frozenset({"x", "y", "width", "height"})


def _within_limits(key: str, value: Any) -> None:
    """What an import may not bring in, no edit may make either (core/limits.py): a file the
    program writes can always be exported and imported again."""
    if key in _TEXTS and isinstance(value, str) and len(value) > limits.MAX_TEXT_CHARS:
        raise StoreError("store.text_too_long", most=limits.MAX_TEXT_CHARS, length=len(value))
    if key == "votes" and not 0 <= value <= limits.MAX_VOTES:
        raise StoreError("store.votes_range", most=limits.MAX_VOTES)
    if key in _PLACES and not (math.isfinite(value) and abs(value) <= limits.MAX_COORDINATE):
        raise StoreError("store.off_board")


def _group(r: GroupRow) -> m.Group:
    return m.Group(r.id, r.name, tuple(r.facilitators or ()), r.position)


def _note(r: NoteRow) -> m.Note:
    return m.Note(
        id=r.id,
        text=r.text,
        group_id=r.group_id,
        section=r.section,
        source=r.source,
        uncertain=r.uncertain,
        comment=r.comment,
        personal_data=r.personal_data,
        votes=r.votes,
        colour=r.colour,
        x=r.x,
        y=r.y,
        cluster_id=r.cluster_id,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _cluster(r: ClusterRow) -> m.Cluster:
    return m.Cluster(
        id=r.id,
        name=r.name,
        description=r.description,
        colour=r.colour,
        x=r.x,
        y=r.y,
        width=r.width,
        height=r.height,
        parent_id=r.parent_id,
        group_id=r.group_id,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _note_values(n: m.Note) -> dict[str, Any]:
    values = {k: getattr(n, k) for k in NOTE_FIELDS}
    if n.created_at is not None:
        values["created_at"] = n.created_at
    if n.updated_at is not None:
        values["updated_at"] = n.updated_at
    return values


def _cluster_values(c: m.Cluster) -> dict[str, Any]:
    values = {k: getattr(c, k) for k in CLUSTER_FIELDS}
    if c.created_at is not None:
        values["created_at"] = c.created_at
    if c.updated_at is not None:
        values["updated_at"] = c.updated_at
    return values
