"""The only code that talks to the database: one workshop, one transaction per change.

A workshop is a SQLite file or a schema on a PostgreSQL server (`Store.open_url`); the same
tables, migrations and methods serve both. Reads return the plain snapshots of `model`; writes
commit at once and then tell subscribers what changed, so the board (or anything else) can
follow the document. Whether a file on disk is a workshop that can be opened at all is
`store_file`'s question; what is particular to a server, `store_server`'s.

`Store` keeps the session, transaction and change machinery here; its other parts live beside
it: making and opening one (`store_open`), its reads (`store_reads`), its writes
(`store_writes`), the row helpers they share (`store_rows`), and the statements of a gesture
on a file as plain SQL (`store_plain`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from . import (
    atomic,
    oserrors,
    store_file,
    store_filewatch,
    store_server,
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
from .store_open import StoreOpening
from .store_rows import (  # noqa: F401 (RowMovedOn re-exported)
    RowMovedOn,
    _copy_rows,
    _plain,
    _stamp,
)
from .store_writes import ClusterRemoval, NoteRemoval, StoreWrites  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from . import store_presence


@dataclass(frozen=True)
class Change:
    """What one committed transaction changed: entity kind -> ids (removed ids kept apart).
    `everything`: what changed is not known (another client's change heard by `watch` that
    had too many ids to send, or changes missed while the connection was lost): read it all."""

    changed: Mapping[str, frozenset[int]] = field(default_factory=dict)
    removed: Mapping[str, frozenset[int]] = field(default_factory=dict)
    everything: bool = False
    # This store's own commit: the rows it changed only by setting fields (update_notes,
    # update_clusters), kind -> id -> what it wrote (see Written).
    written: Mapping[str, Mapping[int, Written]] = field(default_factory=dict)


@dataclass(frozen=True)
class Written:
    """The fields a commit set on one row (with its id), as a read gives them, and its version
    before and after: whoever holds the row at `since` may set them on it instead of reading
    it again (the row is then the store's at `version`)."""

    fields: Mapping[str, Any]
    since: int
    version: int


class Store(StoreOpening, StoreWrites):
    """An open workshop file. Use `Store.create` or `Store.open`; close it (or use `with`)."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self._engine = engine
        self._session: Session | None = None
        self._held: Connection | None = None  # a file's connection (_connection)
        self._pending_changed: dict[str, set[int]] = {}
        self._pending_removed: dict[str, set[int]] = {}
        # What the transaction under way set on each row it changed (kind -> id -> Written);
        # None: changed some other way too, to be read again.
        self._pending_written: dict[str, dict[int, Written | None]] = {}
        # Versions of notes and clusters (kind -> id -> version) the transaction under way has
        # read locked or written itself: nobody else can change those rows before it ends
        # (store_rows._locked_versions), so they need not be read again.
        self._held_versions: dict[str, dict[int, int]] = {}
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

    # ----------------------------------------------------------------- closing
    def close(self) -> None:
        for presence in self._presences:
            presence.stop()  # says goodbye while the connection is still there
        self._presences.clear()
        for listener in self._listeners:
            listener.stop()
        self._listeners.clear()
        self._drop_held()  # dispose closes only the connections in the pool
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
        self._drop_held()
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
    def _connection(self) -> Connection:
        """What a write transaction runs on. A file: one connection held from the first
        transaction to `close` (a file store is used from one thread; its watcher has a
        connection of its own), with `writing` set (its BEGIN takes the write lock at once,
        store_rows._begin): the pool's checkout and reset around every transaction cost more
        than an UPDATE of a row. A server: one from the pool (given back after the
        transaction: `_release`)."""
        if self.url is not None:
            return self._engine.connect()
        if self._held is None:
            self._held = self._engine.connect().execution_options(writing=True)
        return self._held

    def _release(self, conn: Connection) -> None:
        """After a transaction on `conn`: a server's goes back to the pool; a file's stays
        held, unless its transaction could not be ended (the file gone, the disk failing):
        then it is closed, and the next transaction gets a new one."""
        if self.url is not None:
            conn.close()
        elif conn.invalidated or conn.in_transaction() or self._driver(conn).in_transaction:
            self._drop_held()

    def _drop_held(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            with contextlib.suppress(SQLAlchemyError, sqlite3.Error):
                held.close()

    @staticmethod
    def _driver(conn: Connection) -> sqlite3.Connection:
        raw: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
        return raw

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
        conn: Connection | None = None
        session: Session | None = None
        try:
            conn = self._connection()  # a file's first: opened here, refused in the user's words
            # Bound to the transaction's connection, the session joins its transaction when
            # first used (most gestures never use it: store_rows._plain) and leaves the commit
            # to it.
            session = Session(conn, expire_on_commit=False)
            self._session = session
            with conn.begin():
                # A file's own statements go to the driver's connection (store_rows._stamp).
                raw = None if self.url else self._driver(conn)
                if raw is not None:
                    _stamp(raw)
                    session.info["raw"] = raw  # for the statements of a gesture (_plain)
                yield session
                session.flush()  # what the ORM holds goes in before the commit
                if self._pending_changed or self._pending_removed:
                    if raw is not None:
                        store_filewatch.log(
                            raw,
                            self._client,
                            self._pending_changed,
                            self._pending_removed,
                        )
                    else:
                        store_server.notify(
                            conn,
                            self.path.name,
                            self._client,
                            self._pending_changed,
                            self._pending_removed,
                        )
        except (SQLAlchemyError, sqlite3.Error, OverflowError) as exc:
            self._discard_pending()
            raise self._failure("store.cannot_save", exc) from None
        except BaseException:
            self._discard_pending()
            raise
        finally:
            self._session = None
            self._held_versions.clear()
            if session is not None:
                session.close()
            if conn is not None:
                self._release(conn)
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

    def _mark(
        self,
        kind: str,
        ids: Iterable[int],
        removed: bool = False,
        versions: Mapping[int, int] | None = None,
        values: Mapping[int, Mapping[str, Any]] | None = None,
    ) -> None:
        """The transaction under way changed (or removed) these rows of `kind`; `versions`:
        the versions it left them at, when known (the others are read again when asked);
        `values`: the fields it set on them (as a read gives them, store_rows._checked), one
        version on, when that is all it did."""
        ids = set(ids)
        target = self._pending_removed if removed else self._pending_changed
        target.setdefault(kind, set()).update(ids)
        written = self._pending_written.setdefault(kind, {})
        for i in ids:
            given = None if removed or values is None else values.get(i)
            version = None if versions is None else versions.get(i)
            if given is None or version is None:
                written[i] = None
                continue
            if i not in written:
                written[i] = Written(given, version - 1, version)
            elif (before := written[i]) is not None:
                written[i] = Written({**before.fields, **given}, before.since, version)
        held = self._held_versions.get(kind)
        if held:
            for i in ids:
                held.pop(i, None)
        if versions:
            self._held_versions.setdefault(kind, {}).update(versions)

    def _discard_pending(self) -> None:
        self._pending_changed.clear()
        self._pending_removed.clear()
        self._pending_written.clear()

    def _publish(self) -> None:
        if not (self._pending_changed or self._pending_removed):
            return
        change = Change(
            {k: frozenset(v) for k, v in self._pending_changed.items()},
            {k: frozenset(v) for k, v in self._pending_removed.items()},
            written={
                kind: known
                for kind, rows in self._pending_written.items()
                if (known := {i: w for i, w in rows.items() if w is not None})
            },
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

    @contextlib.contextmanager
    def _read_rows(self) -> Iterator[Any]:
        """A connection for a read of one statement that needs no ORM objects (for
        store_rows._rows, _versions, _contents): the transaction's own (what it has added so
        far flushed first), else one of its own for the read, without a Session's machinery or
        a BEGIN (store_rows._begin), which cost more than reading a row or two. On a file,
        the driver's connection (store_plain)."""
        if self._session is not None:
            self._session.flush()
            yield _plain(self._session)
            return
        try:
            if self.url is None:  # the held connection, between two transactions
                yield self._driver(self._connection())
            else:
                with self._engine.connect() as conn:
                    yield conn
        # damaged or gone since it opened
        except (SQLAlchemyError, sqlite3.Error, *store_file.DAMAGED_VALUE) as exc:
            raise self._failure("store.cannot_read_db", exc, reading=True) from None

    def _failure(self, code: str, exc: BaseException, reading: bool = False) -> StoreError:
        """The user's words for what SQLite (or a value it returned) said; never its own text.
        A value that cannot be turned into Python is damage when read, a refusal when written
        (a number too large for the file)."""
        if self.url is not None:
            return StoreError(code, name=self.path.name, why=store_server.reason(exc))
        return store_file.failure(code, exc, self.path.name, reading)

    # ----------------------------------------------------------------- copies
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
