"""The statements every gesture on a file runs, as plain SQL on the driver's connection: the
versions of the rows it writes, its UPDATE of them, and the rows and versions the board reads
back. SQLAlchemy's execution of one such statement (compiling from its cache, events, the
result's machinery) took several times what SQLite took to run it (issue 10: a gesture on a
note or a frame must cost little more than SQLite's own write).

The values go in and come out exactly as SQLAlchemy's own SQLite types turn them (each
column's bind and result processors, taken from the dialect), so that a row written or read
here is the row a statement of `store_rows` writes or reads. A server runs the same statements
through SQLAlchemy (store_rows); only a file's driver connection comes here.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import StatementError
from sqlalchemy.schema import Table

# Ids per "IN (...)": below SQLite's limit on a statement's variables (999 in older builds),
# and the statement for a given count is prepared once (sqlite3 caches it by its text).
_CHUNK = 500
_DIALECT = sqlite.dialect()


@functools.cache
def _bind(table: Table, column: str) -> Callable[[Any], Any] | None:
    processor: Callable[[Any], Any] | None = (
        table.c[column].type.dialect_impl(_DIALECT).bind_processor(_DIALECT)
    )
    return processor


@functools.cache
def _results(table: Table, columns: tuple[str, ...]) -> tuple[Callable[[Any], Any] | None, ...]:
    return tuple(
        table.c[c].type.dialect_impl(_DIALECT).result_processor(_DIALECT, None) for c in columns
    )


def _processed(
    processors: tuple[Callable[[Any], Any] | None, ...], rows: list[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    # Only the columns that have a processor are touched (a note: 4 of 18).
    todo = [(i, p) for i, p in enumerate(processors) if p is not None]
    if not todo:
        return rows
    out = []
    for row in rows:
        values = list(row)
        for i, p in todo:
            v = values[i]
            if v is not None:
                values[i] = p(v)
        out.append(tuple(values))
    return out


def _chunks(raw: sqlite3.Connection, ids: Iterable[int], size: int = _CHUNK) -> Iterator[list[int]]:
    """`ids` in order, `size` at a time; more than one chunk outside a transaction is read
    in one (a deferred BEGIN: one snapshot, as one statement would have been)."""
    wanted = sorted(set(ids))
    if len(wanted) <= size:
        if wanted:
            yield wanted
        return
    own = not raw.in_transaction
    if own:
        raw.execute("BEGIN")
    try:
        for start in range(0, len(wanted), size):
            yield wanted[start : start + size]
    finally:
        if own and raw.in_transaction:
            raw.execute("COMMIT")  # nothing written: only the read ends


def _in(count: int) -> str:
    return ", ".join("?" * count)


def versions(raw: sqlite3.Connection, table: Table, ids: Iterable[int] | None) -> dict[int, int]:
    """Each row's version (of `ids`; None: every row)."""
    if ids is None:
        return dict(raw.execute(f"SELECT id, version FROM {table.name}").fetchall())
    found: dict[int, int] = {}
    for chunk in _chunks(raw, ids):
        sql = f"SELECT id, version FROM {table.name} WHERE id IN ({_in(len(chunk))})"
        found.update(raw.execute(sql, chunk).fetchall())
    return found


def rows(
    raw: sqlite3.Connection, table: Table, columns: tuple[str, ...], ids: Iterable[int]
) -> list[tuple[Any, ...]]:
    """The `columns` of the rows `ids`, by id, each value as SQLAlchemy's type gives it."""
    processors = _results(table, columns)
    out: list[tuple[Any, ...]] = []
    for chunk in _chunks(raw, ids):
        sql = (
            f"SELECT {', '.join(columns)} FROM {table.name} "
            f"WHERE id IN ({_in(len(chunk))}) ORDER BY id"
        )
        out.extend(_processed(processors, raw.execute(sql, chunk).fetchall()))
    return out


def _same(done: Any, _value: Any) -> Any:
    return done


def update(raw: sqlite3.Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Set the columns each row of `rows` names (all the same ones; "b_id": the row's id) and
    move the row one version on: one statement for them all. The column names come from the
    store's own field lists (`store_rows._checked`), never from outside."""
    names = [k for k in rows[0] if k != "b_id"]
    sets = ", ".join(f"{n} = ?" for n in names)
    sql = f"UPDATE {table.name} SET {sets}, version = version + 1 WHERE id = ?"
    processors = [_bind(table, n) for n in names]
    first = rows[0]
    try:
        # A value every row shares (the same `updated_at`) is turned into SQLite's once.
        for index, name in enumerate(names):
            shared, p = first[name], processors[index]
            if p is not None and shared is not None and all(r[name] is shared for r in rows):
                processors[index] = functools.partial(_same, p(shared))
        params = [
            [v if p is None or v is None else p(v) for p, v in zip(processors, values, strict=True)]
            for values in ([r[n] for n in names] for r in rows)
        ]
    except (TypeError, ValueError) as exc:  # a value its column cannot take: as SQLAlchemy says
        raise StatementError(str(exc), sql, rows, exc) from None
    for param, row in zip(params, rows, strict=True):
        param.append(row["b_id"])
    raw.executemany(sql, params)


@functools.cache
def _defaults(table: Table) -> tuple[tuple[str, Any], ...]:
    """The columns (not the key) that SQLAlchemy fills in on an insert, with their defaults."""
    found = []
    for column in table.c:
        default = column.default
        if column.primary_key or default is None:
            continue
        if not (default.is_scalar or default.is_callable):  # (none of the store's tables)
            raise NotImplementedError(f"{table.name}.{column.name}: a default of SQL")
        found.append((column.name, default))
    return tuple(found)


def insert(
    raw: sqlite3.Connection, table: Table, values: Mapping[str, Any]
) -> tuple[dict[str, Any], int]:
    """Add one row: the columns `values` names and, for the others, the defaults SQLAlchemy's
    insert would fill in. Returns what was written (those given and the defaults) and the
    row's new id. The column names come from the store's own field lists, as in `update`."""
    written = dict(values)
    for name, default in _defaults(table):
        if name not in written:
            written[name] = default.arg(None) if default.is_callable else default.arg
    names = list(written)
    marks = ", ".join("?" * len(names))
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
    try:
        params = [
            value if value is None or (p := _bind(table, name)) is None else p(value)
            for name, value in written.items()
        ]
    except (TypeError, ValueError) as exc:  # a value its column cannot take: as SQLAlchemy says
        raise StatementError(str(exc), sql, values, exc) from None
    cursor = raw.execute(sql, params)
    key = cursor.lastrowid
    assert key is not None
    return written, key


def every_row(
    raw: sqlite3.Connection, table: Table, columns: tuple[str, ...]
) -> list[tuple[Any, ...]]:
    """The `columns` of every row, by id, as `rows`."""
    processors = _results(table, columns)
    sql = f"SELECT {', '.join(columns)} FROM {table.name} ORDER BY id"
    return _processed(processors, raw.execute(sql).fetchall())


def contents(raw: sqlite3.Connection, frames: Iterable[int]) -> list[tuple[str, int, int]]:
    """What the frames `frames` hold directly: ("note", id, frame) and ("cluster", id, frame)."""
    out: list[tuple[str, int, int]] = []
    for chunk in _chunks(raw, frames, _CHUNK // 2):  # each chunk goes in twice
        marks = _in(len(chunk))
        sql = (
            f"SELECT 'note', id, cluster_id FROM notes WHERE cluster_id IN ({marks}) "
            f"UNION ALL SELECT 'cluster', id, parent_id FROM clusters WHERE parent_id IN ({marks})"
        )
        out.extend(raw.execute(sql, chunk + chunk).fetchall())
    return out
