"""A new workshop file made from a whole document with sqlite3 alone: what the command line's
`import SOURCE --into NEW.samverkan` writes (issue 10: that import took 3 s at 10,000 notes, of
which loading SQLAlchemy and Alembic took a third and SQLAlchemy's executemany of the rows
another sixth).

The file is the one `Store.create(path, doc.workshop)` and then `add_document(doc)` make, row
for row and id for id: the schema as the migrations leave it (SCHEMA, the statements of
sqlite_master of a file Alembic made, in their order), the workshop row in a transaction of
its own, then the document's rows in one transaction with its change log row, each value
written as SQLAlchemy's SQLite types write it, and the header's stamp after those two
transactions. tests/core/test_store_new.py holds the two ways to the same file, and fails
when a migration changes the schema and SCHEMA is not written again. Should the migrations'
head not be REVISION (a new migration, SCHEMA not yet written again), `create` goes through
the store instead: a file of an older schema is never made here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

from . import model as m
from . import store_file, store_filewatch
from .store_file import APPLICATION_ID, StoreError
from .store_lock import WriteLock

REVISION = "0003"
# sqlite_master's statements of a file that the migrations up to REVISION made, in its order
# (SQLite makes the automatic indexes of the tables with their tables).
SCHEMA = (
    (
        "CREATE TABLE alembic_version (\n"
        "\tversion_num VARCHAR(32) NOT NULL, \n"
        "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
        ")"
    ),
    (
        "CREATE TABLE workshop (\n"
        "\tid INTEGER NOT NULL, \n"
        "\ttitle TEXT NOT NULL, \n"
        "\tdate DATE, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\tcreated_at DATETIME NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE groups (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\tfacilitators JSON NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE clusters (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\tcolour VARCHAR(32) NOT NULL, \n"
        "\tx FLOAT NOT NULL, \n"
        "\ty FLOAT NOT NULL, \n"
        "\twidth FLOAT NOT NULL, \n"
        "\theight FLOAT NOT NULL, \n"
        "\tparent_id INTEGER, \n"
        "\tgroup_id INTEGER, \n"
        "\tcreated_at DATETIME NOT NULL, \n"
        "\tupdated_at DATETIME NOT NULL, version INTEGER DEFAULT '1' NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(parent_id) REFERENCES clusters (id) ON DELETE SET NULL, \n"
        "\tFOREIGN KEY(group_id) REFERENCES groups (id) ON DELETE SET NULL\n"
        ")"
    ),
    "CREATE INDEX ix_clusters_parent_id ON clusters (parent_id)",
    (
        "CREATE TABLE notes (\n"
        "\tid INTEGER NOT NULL, \n"
        "\ttext TEXT NOT NULL, \n"
        "\tgroup_id INTEGER, \n"
        "\tsection TEXT NOT NULL, \n"
        "\tsource TEXT NOT NULL, \n"
        "\tuncertain BOOLEAN NOT NULL, \n"
        "\tcomment TEXT NOT NULL, \n"
        "\tpersonal_data BOOLEAN NOT NULL, \n"
        "\tvotes INTEGER NOT NULL, \n"
        "\tcolour VARCHAR(32) NOT NULL, \n"
        "\tx FLOAT NOT NULL, \n"
        "\ty FLOAT NOT NULL, \n"
        "\tcluster_id INTEGER, \n"
        "\tcreated_at DATETIME NOT NULL, \n"
        "\tupdated_at DATETIME NOT NULL, version INTEGER DEFAULT '1' NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(group_id) REFERENCES groups (id) ON DELETE SET NULL, \n"
        "\tFOREIGN KEY(cluster_id) REFERENCES clusters (id) ON DELETE SET NULL\n"
        ")"
    ),
    "CREATE INDEX ix_notes_group_id ON notes (group_id)",
    "CREATE INDEX ix_notes_cluster_id ON notes (cluster_id)",
    (
        "CREATE TABLE note_links (\n"
        "\tsource_id INTEGER NOT NULL, \n"
        "\ttarget_id INTEGER NOT NULL, \n"
        "\tkind VARCHAR(32) NOT NULL, \n"
        "\tPRIMARY KEY (source_id, target_id, kind), \n"
        "\tFOREIGN KEY(source_id) REFERENCES notes (id) ON DELETE CASCADE, \n"
        "\tFOREIGN KEY(target_id) REFERENCES notes (id) ON DELETE CASCADE\n"
        ")"
    ),
    (
        "CREATE TABLE note_themes (\n"
        "\tnote_id INTEGER NOT NULL, \n"
        "\tcluster_id INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (note_id, cluster_id), \n"
        "\tFOREIGN KEY(note_id) REFERENCES notes (id) ON DELETE CASCADE, \n"
        "\tFOREIGN KEY(cluster_id) REFERENCES clusters (id) ON DELETE CASCADE\n"
        ")"
    ),
    (
        "CREATE TABLE meta (\n"
        '\t"key" VARCHAR(64) NOT NULL, \n'
        "\tvalue TEXT NOT NULL, \n"
        '\tPRIMARY KEY ("key")\n'
        ")"
    ),
    (
        "CREATE TABLE change_log (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tclient VARCHAR(32) DEFAULT '' NOT NULL, \n"
        "\tids TEXT DEFAULT '' NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
)


def create(path: str | os.PathLike[str], doc: m.Document) -> None:
    """Make the workshop file `path` holding `doc` (its own ids, mapped to 1..n), as
    `Store.create(path, doc.workshop)` and `add_document(doc)` would; refused as they refuse.
    On a failure no file is left."""
    path = Path(path)
    if store_file.head_revision() != REVISION:
        from .store import Store  # a schema this module does not know: the store makes it

        with Store.create(path, doc.workshop) as store:
            store.add_document(doc)
        return
    if path.exists() or path.is_symlink():
        raise StoreError("store.exists", name=path.name)
    if not path.parent.is_dir():
        raise StoreError("store.no_folder", folder=str(path.parent))
    store_file.check_name(path)
    check_references(doc, {c.id for c in doc.clusters})  # as add_document, first
    lock = WriteLock.acquire(path)
    try:
        try:
            con = store_file.connect(path.resolve(), "rwc")
        except sqlite3.Error as exc:
            raise StoreError(
                "store.cannot_upgrade_db", name=path.name, why=store_file.reason(exc)
            ) from None
        try:
            con.isolation_level = None  # every BEGIN and COMMIT is ours, as the store's are
            store_file.on_connect(con, None)
            _make_schema(con, path.name)
            _write(con, path.name, lambda: _add_workshop(con, doc.workshop))
            _write(con, path.name, lambda: _add_document(con, doc))
        finally:
            con.close()
    except BaseException:
        for leftover in (path, store_file.journal_path(path.resolve())):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise
    finally:
        lock.release()


def check_references(doc: m.Document, cluster_keys: set[int]) -> None:
    """A document's references to clusters (`cluster_keys`: the document's and any it is
    added into) and notes, as `Store.add_document` and `create` here check them before they
    write: a missing parent, a link or theme to nothing, a link of an unknown kind."""
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


def _make_schema(con: sqlite3.Connection, name: str) -> None:
    """The migrations' work (StoreOpening._migrate): the tables, the revision, our id."""
    try:
        con.execute("BEGIN")
        for statement in SCHEMA:
            con.execute(statement)
        con.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (REVISION,))
        con.execute(f"PRAGMA application_id={APPLICATION_ID}")
        con.execute("COMMIT")
    except sqlite3.Error as exc:
        raise StoreError("store.cannot_upgrade_db", name=name, why=store_file.reason(exc)) from None


def _write(con: sqlite3.Connection, name: str, rows: Callable[[], None]) -> None:
    """One write transaction as `Store.transaction` runs it on a file: BEGIN IMMEDIATE, the
    header's stamp moved on (store_rows._stamp), the rows, COMMIT."""
    try:
        con.execute("BEGIN IMMEDIATE")
        current = con.execute("PRAGMA user_version").fetchone()[0] or 0
        con.execute(f"PRAGMA user_version = {store_file.next_stamp(int(current))}")
        rows()
        con.execute("COMMIT")
    except (sqlite3.Error, OverflowError) as exc:
        if con.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
        raise store_file.failure("store.cannot_save", exc, name) from None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)  # as core.schema's defaults


def _moment(value: dt.datetime) -> str:
    """A time as SQLAlchemy's SQLite DateTime writes it (always with its microseconds)."""
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


def _day(value: dt.date | None) -> str | None:
    """A day as SQLAlchemy's SQLite Date writes it."""
    return None if value is None else f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _add_workshop(con: sqlite3.Connection, w: m.Workshop) -> None:
    con.execute(
        "INSERT INTO workshop (title, date, description, created_at) VALUES (?, ?, ?, ?)",
        (w.title, _day(w.date), w.description, _moment(_now())),
    )


def _add_document(con: sqlite3.Connection, doc: m.Document) -> None:
    """`StoreWrites.add_document` on the new file: the workshop row already holds the
    document's title, date and description, so nothing of it changes; each table's ids are
    1..n in the document's order (the ids SQLite gives row by row in an empty table); a time
    the document leaves out is the moment of import."""
    now = _moment(_now())

    def moment(value: dt.datetime | None) -> str:
        return now if value is None else _moment(value)

    group_ids = _ids([g.id for g in doc.groups])
    con.executemany(
        "INSERT INTO groups (id, name, facilitators, position) VALUES (?, ?, ?, ?)",
        [(i + 1, g.name, json.dumps(list(g.facilitators)), i) for i, g in enumerate(doc.groups)],
    )
    cluster_ids = _ids([c.id for c in doc.clusters])
    con.executemany(
        "INSERT INTO clusters (id, name, description, colour, x, y, width, height, parent_id, "
        "group_id, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 1)",
        [
            (
                new_id,
                c.name,
                c.description,
                c.colour,
                c.x,
                c.y,
                c.width,
                c.height,
                _mapped(group_ids, c.group_id),
                moment(c.created_at),
                moment(c.updated_at),
            )
            for new_id, c in enumerate(doc.clusters, 1)
        ],
    )
    # After every cluster is in (a parent may come after its child), as the store's UPDATE,
    # which also sets updated_at (the column's onupdate).
    parents = [
        (cluster_ids[c.parent_id], _moment(_now()), cluster_ids[c.id])
        for c in doc.clusters
        if c.parent_id is not None
    ]
    con.executemany("UPDATE clusters SET parent_id = ?, updated_at = ? WHERE id = ?", parents)
    note_ids = _ids([n.id for n in doc.notes])
    con.executemany(
        "INSERT INTO notes (id, text, group_id, section, source, uncertain, comment, "
        "personal_data, votes, colour, x, y, cluster_id, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        [
            (
                new_id,
                n.text,
                _mapped(group_ids, n.group_id),
                n.section,
                n.source,
                int(n.uncertain),
                n.comment,
                int(n.personal_data),
                n.votes,
                n.colour,
                n.x,
                n.y,
                _mapped(cluster_ids, n.cluster_id),
                moment(n.created_at),
                moment(n.updated_at),
            )
            for new_id, n in enumerate(doc.notes, 1)
        ],
    )
    # Only the document's own repeats are left out: nothing else is in the file.
    links = dict.fromkeys((note_ids[lk.source], note_ids[lk.target], lk.kind) for lk in doc.links)
    con.executemany("INSERT INTO note_links (source_id, target_id, kind) VALUES (?, ?, ?)", links)
    themes = dict.fromkeys((note_ids[t.note_id], cluster_ids[t.cluster_id]) for t in doc.themes)
    con.executemany("INSERT INTO note_themes (note_id, cluster_id) VALUES (?, ?)", themes)
    changed = {
        "group": group_ids.values(),
        "cluster": cluster_ids.values(),
        "note": note_ids.values(),
        "link": [0],
    }
    store_filewatch.log(con, uuid.uuid4().hex, changed, {})


def _ids(keys: list[int]) -> dict[int, int]:
    """The document's ids -> the new ones, 1..n in its order (a repeated id: its last row's,
    as the store maps it)."""
    return dict(zip(keys, range(1, len(keys) + 1), strict=True))


def _mapped(ids: dict[int, int], key: int | None) -> int | None:
    return None if key is None else ids.get(key)
