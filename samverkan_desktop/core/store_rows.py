"""The rows under `Store`: the module-level helpers its parts share (snapshots from rows and
values for them, checked fields and limits, version checks, the statements a gesture runs
(built once), updates that move each row's version on, bulk inserts, ids and sequences, a
file transaction's BEGIN and stamp, the copy of every row of a workshop),
`RowMovedOn`, and `StoreParts`, what those parts (store_open, store_reads, store_writes) use of
the machinery that store.py keeps.
"""

from __future__ import annotations

import contextlib
import functools
import math
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import bindparam, delete, func, insert, literal, select, union_all, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.schema import Table
from sqlalchemy.sql.elements import BindParameter

from . import limits, store_file, store_plain, store_server
from . import model as m
from .schema import Base, ChangeLogRow, ClusterRow, GroupRow, NoteRow, WorkshopRow
from .store_file import StoreError

if TYPE_CHECKING:
    from .store_lock import WriteLock

NOTE_FIELDS = frozenset(f.name for f in fields(m.Note)) - {"id", "created_at", "updated_at"}
CLUSTER_FIELDS = frozenset(f.name for f in fields(m.Cluster)) - {"id", "created_at", "updated_at"}
# The columns in the order of the snapshot's fields: a read builds each snapshot straight from
# its row (no ORM object in between, which cost more than the rest of the read).
_NOTE_COLUMNS = tuple(NoteRow.__table__.c[f.name] for f in fields(m.Note))
_CLUSTER_COLUMNS = tuple(ClusterRow.__table__.c[f.name] for f in fields(m.Cluster))
_NOTE_SNAPSHOT = tuple(f.name for f in fields(m.Note))
_CLUSTER_SNAPSHOT = tuple(f.name for f in fields(m.Cluster))


class RowMovedOn(StoreError):
    """A write stated the version of a note or cluster it was based on, and someone else has
    changed that row since (another window, another facilitator): nothing was written. `kind`
    ("note" or "cluster") and `ids` say which rows moved on."""

    kind: str = ""
    ids: tuple[int, ...] = ()


class StoreParts:
    """What the parts of `Store` (store_open, store_reads, store_writes) use of its
    machinery (store.py): declared here for the type checker only, set and defined by `Store`."""

    path: Path
    url: str | None
    readonly: bool
    _engine: Engine
    _server: Any
    _lock: WriteLock | None
    _temp_copy: Path | None
    _pending_changed: dict[str, set[int]]
    _pending_removed: dict[str, set[int]]
    _held_versions: dict[str, dict[int, int]]

    if TYPE_CHECKING:

        def __init__(self, path: Path, engine: Engine) -> None: ...
        def close(self) -> None: ...
        def transaction(self) -> contextlib.AbstractContextManager[Session]: ...
        def _read(self) -> contextlib.AbstractContextManager[Session]: ...
        def _read_rows(self) -> contextlib.AbstractContextManager[Any]: ...
        def _snapshot(self) -> contextlib.AbstractContextManager[Any]: ...
        def _mark(
            self,
            kind: str,
            ids: Iterable[int],
            removed: bool = False,
            versions: Mapping[int, int] | None = None,
            values: Mapping[int, Mapping[str, Any]] | None = None,
        ) -> None: ...
        def workshop(self) -> m.Workshop: ...


# --------------------------------------------------------------------- row <-> snapshot helpers
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


def _check_versions(
    s: Session, table: Any, based_on: Mapping[int, int], held: dict[int, int]
) -> None:
    """Refuse the write when a row is no longer at the version it was based on. The rows stay
    locked until the transaction ends (on a server; SQLite writes one at a time anyway), so
    nobody can move them on between this check and the write."""
    _refuse_moved_on(s, table, based_on, _locked_versions(s, table, based_on, held))


def _locked_versions(
    s: Session, table: Any, ids: Iterable[int], held: dict[int, int]
) -> dict[int, int]:
    """The versions of the rows `ids` that are there, locked to the end of the transaction.
    `held`: what the transaction has read locked or written itself (`Store._held_versions`), which
    nobody else can have changed since (a file's writer holds the whole file, a server the
    locked rows); the others are read, and added to it."""
    wanted = set(ids)
    found = {i: held[i] for i in wanted if i in held}
    if len(found) < len(wanted):
        read = _versions(_plain(s), table, wanted - found.keys(), lock=True)
        held.update(read)
        found.update(read)
    return found


def _refuse_moved_on(
    s: Session, table: Any, based_on: Mapping[int, int], found: Mapping[int, int]
) -> None:
    """RowMovedOn when a row of `based_on` is not at its version in `found` (now) or gone."""
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


# Statements built once, here: building and keying a statement cost SQLAlchemy more than
# SQLite took to run it (issue 10: a gesture's reads and writes of a row or two).
_IDS: BindParameter[Any] = bindparam("ids", expanding=True)


@functools.cache
def _versions_query(row: Any, lock: bool, every: bool = False) -> Any:
    table = _table(row)
    query = select(table.c.id, table.c.version)
    if not every:
        query = query.where(table.c.id.in_(_IDS))
    return query.with_for_update() if lock else query


@functools.cache
def _rows_query(row: Any, every: bool, with_version: bool = False) -> Any:
    """The snapshot's columns of the notes or clusters (`row`: NoteRow, ClusterRow), by id;
    `with_version`: each row's version last."""
    table = _table(row)
    columns = _NOTE_COLUMNS if row is NoteRow else _CLUSTER_COLUMNS
    query = select(*columns, *([table.c.version] if with_version else [])).order_by(table.c.id)
    return query if every else query.where(table.c.id.in_(_IDS))


def _rows(conn: Any, row: Any, ids: Iterable[int] | None, with_version: bool = False) -> list[Any]:
    """The snapshot's values of the notes or clusters (`row`: NoteRow, ClusterRow) `ids`
    (None: all), by id; `with_version`: each row's version last. `conn` as `_versions`."""
    if isinstance(conn, sqlite3.Connection):
        names = _NOTE_SNAPSHOT if row is NoteRow else _CLUSTER_SNAPSHOT
        columns = (*names, "version") if with_version else names
        if ids is None:
            return store_plain.every_row(conn, _table(row), columns)
        return store_plain.rows(conn, _table(row), columns, ids)
    if ids is None:
        return list(conn.execute(_rows_query(row, True, with_version)))
    return list(conn.execute(_rows_query(row, False, with_version), {"ids": list(ids)}))


def _contents(conn: Any, frames: list[int]) -> list[tuple[str, int, int]]:
    """What the frames hold directly: ("note", id, frame) and ("cluster", id, frame)."""
    if isinstance(conn, sqlite3.Connection):
        return store_plain.contents(conn, frames)
    return [
        tuple(r) for r in conn.execute(_contents_query(), {"notes_in": frames, "frames_in": frames})
    ]


@functools.cache
def _contents_query() -> Any:
    """What frames hold directly: ("note", id, frame) and ("cluster", id, frame), of the
    frames in "notes_in" and "frames_in" (the same ids, given twice)."""
    notes, clusters = _table(NoteRow), _table(ClusterRow)
    held_notes = select(literal("note"), notes.c.id, notes.c.cluster_id).where(
        notes.c.cluster_id.in_(bindparam("notes_in", expanding=True))
    )
    held_frames = select(literal("cluster"), clusters.c.id, clusters.c.parent_id).where(
        clusters.c.parent_id.in_(bindparam("frames_in", expanding=True))
    )
    return union_all(held_notes, held_frames)


@functools.cache
def _update_statement(table: Table) -> Any:
    """Sets the columns each row's parameters name (besides "b_id", its id); the row one
    version on in the same statement."""
    return update(table).where(table.c.id == bindparam("b_id")).values(version=table.c.version + 1)


@functools.cache
def _insert_statement(row: Any) -> Any:
    return insert(_table(row))


def _add_row(s: Session, row: Any, values: Mapping[str, Any]) -> tuple[list[Any], int]:
    """Insert one row of `row`'s table (NoteRow, ClusterRow); returns its snapshot's values
    as written (those given, the defaults the insert filled in, None for the rest, its new
    id), in the order of the snapshot's fields, and its version. A Core insert: the ORM's unit
    of work for one object cost more than SQLite's commit; on a file, plain SQL (store_plain):
    SQLAlchemy's execution of the one statement was most of a new cluster's write."""
    s.flush()  # what the session has pending goes first, as it did in the ORM's flush
    conn = _plain(s)
    written: Mapping[str, Any]
    if isinstance(conn, sqlite3.Connection):
        written, new_id = store_plain.insert(conn, _table(row), values)
    else:
        result = s.connection().execute(_insert_statement(row), values)
        written = cast(Mapping[str, Any], result.last_inserted_params())  # one row: one mapping
        key = result.inserted_primary_key
        assert key is not None
        new_id = key[0]
    names = _NOTE_SNAPSHOT if row is NoteRow else _CLUSTER_SNAPSHOT
    return [new_id if f == "id" else written.get(f) for f in names], written["version"]


def _plain(s: Session) -> Any:
    """Where a transaction's statements of a gesture go (`_versions`, `_rows`,
    `_update_rows`): a file's driver connection (store_plain; Store.transaction puts it in the
    session's `info`), else the session's connection."""
    raw = s.info.get("raw")
    return raw if raw is not None else s.connection()


def _versions(
    conn: Any, table: Any, ids: Iterable[int] | None, *, lock: bool = False
) -> dict[int, int]:
    """Each row's version (of `ids`, None: every row); `lock`: locked to the end of the
    transaction (on a server). `conn`: a file's driver connection, or SQLAlchemy's."""
    if isinstance(conn, sqlite3.Connection):  # a file locks it all while it writes anyway
        return store_plain.versions(conn, _table(table), ids)
    if ids is None:
        rows = conn.execute(_versions_query(table, lock, every=True))
    else:
        rows = conn.execute(_versions_query(table, lock), {"ids": list(ids)})
    return {i: v for i, v in rows}


def _update_rows(
    s: Session,
    table: Any,
    rows: Sequence[Mapping[str, Any]],
    based_on: Mapping[int, int] | None,
    held: dict[int, int],
) -> dict[int, int]:
    """Write `rows` (each its "id" and the fields to set) to `table` (NoteRow, ClusterRow),
    every row one version on; returns the versions they are at now. StoreError when a row is
    not there, RowMovedOn when one of `based_on` (id -> version) has moved on: nothing written
    then. `held` as `_locked_versions`. One statement per set of fields (SQLAlchemy's own bulk
    update by key cost as much as the commit)."""
    ids = [r["id"] for r in rows]
    found = _require_versions(s, table, ids, based_on, held)
    alike: dict[frozenset[str], list[dict[str, Any]]] = {}
    for row in rows:
        values = {k: v for k, v in row.items() if k != "id"}
        values["b_id"] = row["id"]
        alike.setdefault(frozenset(values), []).append(values)
    conn = _plain(s)
    for group in alike.values():
        if isinstance(conn, sqlite3.Connection):
            store_plain.update(conn, _table(table), group)
        else:
            conn.execute(_update_statement(_table(table)), group)
    _forget(s, table, ids)
    return {i: found[i] + 1 for i in ids}


def _require_versions(
    s: Session,
    table: Any,
    ids: Iterable[int],
    based_on: Mapping[int, int] | None,
    held: dict[int, int],
) -> dict[int, int]:
    """The locked versions of `ids` and of `based_on`'s rows (`_locked_versions`): StoreError
    when one of `ids` is not there, RowMovedOn when one of `based_on` has moved on."""
    ids = set(ids)
    found = _locked_versions(s, table, ids | set(based_on or ()), held)
    missing = ids - found.keys()
    if missing:
        raise StoreError("store.row_missing", table=table.__tablename__, key=sorted(missing))
    if based_on:
        _refuse_moved_on(s, table, based_on, found)
    return found


def _forget(s: Session, table: Any, ids: Iterable[int]) -> None:
    """Rows written past the session (Core statements): any of them the session holds as an
    object (read by `s.get` earlier in the transaction) is read again when next used."""
    if not s.identity_map:
        return
    for i in ids:
        held = s.identity_map.get(s.identity_key(table, (i,)))
        if held is not None:
            s.expire(held)


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
    writer waits), and its version checks and writes see one state of the file. (A read of
    one statement, Store._read_rows, goes to the driver's connection and sends no BEGIN: SQLite
    runs a statement outside a transaction as one of its own.)"""
    writing = conn.get_execution_options().get("writing", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _stamp(raw: sqlite3.Connection) -> None:
    """Mark the transaction in the file's header first thing (see `store_file.next_stamp`): its
    journal then always starts with page 1, whose stamp tells whose journal it is. On the
    driver's own connection (`raw`), as the file's change log is written (store_filewatch.log):
    two statements of a file's own, which SQLAlchemy's execution cost five times what SQLite
    took to run."""
    current = raw.execute("PRAGMA user_version").fetchone()[0] or 0
    raw.execute(f"PRAGMA user_version = {store_file.next_stamp(int(current))}")


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
    missing = wanted - _versions(_plain(s), table, wanted).keys()
    if missing:
        raise StoreError("store.row_missing", table=table.__tablename__, key=sorted(missing))


def _mapped(ids: Mapping[int, int], key: int | None) -> int | None:
    return None if key is None else ids.get(key)


def _checked(values: Mapping[str, Any], allowed: frozenset[str]) -> dict[str, Any]:
    """The fields, refused when unknown or out of limits; a place (given as 100, say) as the
    float a read of it gives (`Change.written` passes them on)."""
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    checked = dict(values)
    for key, value in values.items():
        _within_limits(key, value)
        if key in _PLACES and type(value) is not float:
            checked[key] = float(value)
    return checked


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
