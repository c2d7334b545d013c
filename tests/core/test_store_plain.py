"""A file's gesture statements run as plain SQL on the driver's connection (store_plain): what
they write is stored exactly as SQLAlchemy stores it, and what they read is what SQLAlchemy
reads, so a file written by either reads the same in the other (and in older versions)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.schema import ClusterRow, NoteRow
from samverkan_desktop.core.store import Store, StoreError
from samverkan_desktop.core.store_rows import _rows_query, _table, _update_statement

WHEN = dt.datetime(2024, 3, 5, 9, 30)  # no microseconds: SQLAlchemy still writes ".000000"


@pytest.fixture
def store(tmp_path: Path):
    s = Store.create(tmp_path / "w.samverkan")
    yield s
    s.close()


def _stored(store: Store, table: str, key: int) -> dict[str, tuple[str, str]]:
    """The row as the file holds it: each column's SQLite type and literal (not its id, nor
    when it was made)."""
    raw = store._engine.raw_connection()
    try:
        columns = [c[1] for c in raw.execute(f"PRAGMA table_info({table})").fetchall()]
        columns = [c for c in columns if c not in ("id", "created_at")]
        picks = ", ".join(f"typeof({c}) || ' ' || quote({c})" for c in columns)
        row = raw.execute(f"SELECT {picks} FROM {table} WHERE id = ?", (key,)).fetchone()
        return dict(zip(columns, row, strict=True))
    finally:
        raw.close()


def test_a_written_row_is_stored_as_sqlalchemy_stores_it(store: Store):
    cluster = store.add_cluster("Ram")
    a, b, c = store.add_note("a"), store.add_note("b"), store.add_note("c")
    fields = {
        "text": "Långt ”citat”",
        "uncertain": True,
        "personal_data": False,
        "votes": 3,
        "x": 12,  # an int, stored as the float the column holds
        "y": 4.5,
        "cluster_id": cluster.id,
        "colour": "#ff0000",
    }
    store.update_notes({a.id: fields, c.id: fields})  # the plain statement (its time shared)
    when = store.note(a.id).updated_at
    with store._engine.begin() as conn:  # SQLAlchemy's own
        conn.execute(
            _update_statement(_table(NoteRow)), [{**fields, "updated_at": when, "b_id": b.id}]
        )
    assert _stored(store, "notes", a.id) == _stored(store, "notes", b.id)
    assert _stored(store, "notes", c.id) == _stored(store, "notes", b.id)
    assert store.versions("note") == {a.id: 2, b.id: 2, c.id: 2}


def test_an_added_row_is_stored_as_sqlalchemys_insert_stores_it(store: Store):
    """A note and a cluster added by the plain statement: the same columns, types and literals
    (the defaults filled in alike) as SQLAlchemy's own insert of the same fields, and what
    the store returns is what it reads back."""
    from sqlalchemy import insert

    given = {
        NoteRow: {"text": "Långt ”citat”", "uncertain": True, "votes": 3, "x": 12, "y": 4.5},
        ClusterRow: {"name": "Ram", "description": "", "width": 300, "colour": "#ff0000"},
    }
    for row, fields in given.items():
        values = dict(fields)
        if row is NoteRow:
            added = store.add_note(values.pop("text"), **values)
            assert store.note(added.id) == added
        else:
            added = store.add_cluster(values.pop("name"), **values)
            assert store.cluster(added.id) == added
        with store._engine.begin() as conn:
            other = conn.execute(insert(_table(row)), fields).inserted_primary_key[0]
        table = _table(row).name
        raw = store._engine.raw_connection()
        try:  # (when each was made differs, and only that)
            for column in ("created_at", "updated_at"):
                raw.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (WHEN, added.id))
                raw.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (WHEN, other))
            raw.commit()
        finally:
            raw.close()
        assert _stored(store, table, added.id) == _stored(store, table, other)
        kind = "note" if row is NoteRow else "cluster"
        assert store.versions(kind)[added.id] == 1


def test_rows_read_are_the_rows_sqlalchemy_reads(store: Store):
    cluster = store.add_cluster("Ram", x=1.5, width=300)
    notes = [store.add_note(f"n{i}", uncertain=i % 2 == 0, votes=i) for i in range(3)]
    store.update_notes({notes[0].id: {"cluster_id": cluster.id}})
    with store._engine.begin() as conn:
        conn.execute(
            _update_statement(_table(NoteRow)), [{"updated_at": WHEN, "b_id": notes[0].id}]
        )
        conn.execute(
            _update_statement(_table(ClusterRow)), [{"updated_at": WHEN, "b_id": cluster.id}]
        )
    with store._engine.connect() as conn:
        for row, read in ((NoteRow, store.notes), (ClusterRow, store.clusters)):
            expected = [tuple(r) for r in conn.execute(_rows_query(row, every=True))]
            assert [tuple(vars(r).values()) for r in read()] == expected
            ids = [r[0] for r in expected]
            assert [tuple(vars(r).values()) for r in read(ids)] == expected
    assert store.note(notes[0].id).updated_at == WHEN
    assert store.note(notes[2].id).uncertain is True and store.note(notes[1].id).uncertain is False


def test_many_rows_are_read_and_written_in_one_go(store: Store):
    with store.transaction():
        ids = [store.add_note(f"n{i}").id for i in range(1203)]
    store.move_notes({i: (float(i), 1.0) for i in ids})
    notes, versions = store.notes_and_versions(reversed(ids))
    assert [n.id for n in notes] == ids and [n.x for n in notes] == [float(i) for i in ids]
    assert versions == dict.fromkeys(ids, 2) == store.versions("note", ids)
    frame = store.add_cluster("Ram")
    store.set_membership(dict.fromkeys(ids, frame.id))
    assert store.contents([frame.id]) == {frame.id: frozenset(("note", i) for i in ids)}
    assert not store._engine.raw_connection().driver_connection.in_transaction


def test_a_value_its_column_cannot_take_is_refused_in_the_users_words(store: Store):
    note = store.add_note("a")
    with pytest.raises(StoreError) as refused:
        store.update_note(note.id, uncertain="kanske")
    assert refused.value.message.code == "store.cannot_save"
    assert store.note(note.id) == m.Note(
        note.id, "a", created_at=note.created_at, updated_at=note.updated_at
    )


def _open_handles(path: Path) -> int:
    """This process's open handles on the file (Linux: /proc/self/fd)."""
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        try:
            count += fd.resolve() == path.resolve()
        except OSError:
            continue
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_a_file_store_keeps_one_connection_for_its_writes_and_lets_it_go_on_close(
    tmp_path: Path,
):
    """Writes and reads between them run on one connection held open (no pool round per
    transaction); a write refused because another program held the file leaves it usable,
    and closing the store leaves the file open nowhere in this process."""
    path = tmp_path / "w.samverkan"
    Store.create(path).close()
    assert _open_handles(path) == 0
    store = Store.open(path, shared=True)
    note = store.add_note("a")
    held = _open_handles(path)
    for i in range(20):
        store.update_note(note.id, text=f"a{i}")
        store.notes_and_versions([note.id])
    assert _open_handles(path) == held
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program in the middle of its own write
        with pytest.raises(StoreError):
            store.update_note(note.id, text="refused")
        other.execute("ROLLBACK")
        store.update_note(note.id, text="saved")  # the file free again: the next write goes in
        assert other.execute("SELECT text, version FROM notes").fetchall() == [("saved", 22)]
    finally:
        other.close()
    store.close()
    assert _open_handles(path) == 0


def test_what_500_frames_hold_is_read_under_older_sqlites_limit_of_999_variables(store: Store):
    # SQLite before 3.32 (still the system library of some Linux machines) takes at most 999
    # variables a statement; the conflict check of a gesture over 500 frames asks what they hold.
    with store.transaction():
        frames = [store.add_cluster(f"Ram {i}").id for i in range(500)]
        inner = store.add_cluster("Inne", parent_id=frames[-1])
        note = store.add_note("Lapp", cluster_id=frames[0])
    store.notes([])  # the file's connection is made
    store._driver(store._held).setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    held = store.contents(frames)
    assert held[frames[0]] == frozenset({("note", note.id)})
    assert held[frames[-1]] == frozenset({("cluster", inner.id)})
    assert sum(len(h) for h in held.values()) == 2
    assert len(store.versions("cluster", frames)) == 500
