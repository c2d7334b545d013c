"""A new file made with sqlite3 alone (core.store_new, the command line's import into a new
file) is the file `Store.create` and `add_document` make: the same schema, header, ids and
rows, every value of the same type; the same refusals; nothing left behind by a failure."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_file, store_filewatch, store_new
from samverkan_desktop.core.store import Store, StoreError

_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")


def _by_store(path: Path, doc: m.Document) -> Path:
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    return path


def _content(path: Path) -> dict[str, Any]:
    """Everything in the file but the moments of writing: each time of the program's own is
    named by its order of appearance (so cells that held one time still hold one), the change
    log's writer (a random name per store) left out."""
    con = sqlite3.connect(path)
    pragmas = ("user_version", "application_id", "page_size", "encoding", "freelist_count")
    found: dict[str, Any] = {p: con.execute(f"PRAGMA {p}").fetchone()[0] for p in pragmas}
    found["schema"] = con.execute(
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY rowid"
    ).fetchall()
    times: dict[str, str] = {}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        columns = [c[1] for c in con.execute(f"PRAGMA table_info({table})")]
        typed = ", ".join(f"{c}, typeof({c})" for c in columns)
        rows = []
        for row in con.execute(f"SELECT {typed} FROM {table} ORDER BY rowid"):
            cells = list(row)
            for i, cell in enumerate(cells):
                if isinstance(cell, str) and _TIME.fullmatch(cell) and not cell.startswith("20"):
                    continue  # the document's own (below: 1999)
                if isinstance(cell, str) and _TIME.fullmatch(cell):
                    cells[i] = times.setdefault(cell, f"time {len(times)}")
            if table == "change_log":
                cells[columns.index("client") * 2] = "writer"
            rows.append(tuple(cells))
        found[table] = rows
    con.close()
    return found


def _document(date: dt.date | None = dt.date(2021, 11, 10)) -> m.Document:
    """A little of everything add_document handles: a child before its parent, a cluster
    with id 0, an unknown group, the document's own times, repeated links and themes."""
    own = dt.datetime(1999, 5, 17, 8, 0, 0)
    groups = (
        m.Group(7, "Grupp Å", ("Åse Sundqvist", 'Anna "Fia" Ek'), position=5),
        m.Group(3, "Grupp B"),
    )
    clusters = (
        m.Cluster(id=5, name="barn", parent_id=0, group_id=7, x=10.5, y=20, width=300, height=200),
        m.Cluster(id=0, name="förälder", description="om", colour="#E69F00", group_id=None),
        m.Cluster(id=9, name="okänd grupp", group_id=42, created_at=own, updated_at=own),
    )
    notes = (
        m.Note(1, "Första lappen", group_id=7, cluster_id=5, x=12.0, y=40.25),
        m.Note(
            2,
            "Andra: 070-123 45 67",
            group_id=3,
            section="Utmaningar",
            source="orebro.txt:3-4",
            uncertain=True,
            comment="Skriven av Kim",
            personal_data=True,
            votes=3,
            colour="#56B4E9",
            cluster_id=0,
            created_at=own,
            updated_at=own + dt.timedelta(microseconds=5),
        ),
        m.Note(30, "Utan grupp", group_id=None, x=-5, y=1e6),
        m.Note(4, "Okänd grupp", group_id=99, cluster_id=9),
    )
    links = (
        m.Link(1, 2, m.RELATES_TO),
        m.Link(1, 2, m.RELATES_TO),
        m.Link(30, 4, sorted(m.LINK_KINDS)[-1]),
    )
    themes = (m.ThemeLink(1, 9), m.ThemeLink(1, 9), m.ThemeLink(4, 0))
    workshop = m.Workshop("Fördjupningsdag", date, "Anteckningar\nfrån grupperna.")
    return m.Document(workshop, groups, clusters, notes, links, themes)


def test_the_schema_is_the_one_the_migrations_make(tmp_path: Path):
    """Fails after a migration until SCHEMA and REVISION are written again from a file that
    the migrations made: the literal to paste is in the message."""
    path = tmp_path / "alembic.samverkan"
    Store.create(path).close()
    con = sqlite3.connect(path)
    made = tuple(
        sql
        for (sql,) in con.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        )
    )
    con.close()
    literal = "\n".join(
        "    (\n"
        + "".join(f"        {json.dumps(line)}\n" for line in sql.splitlines(keepends=True))
        + "    ),"
        for sql in made
    )
    assert made == store_new.SCHEMA, f"SCHEMA = (\n{literal}\n)"
    assert store_new.REVISION == store_file.head_revision()


@pytest.mark.parametrize("date", [dt.date(2021, 11, 10), None])
def test_a_new_file_holds_what_the_store_writes(tmp_path: Path, date: dt.date | None):
    doc = _document(date)
    by_store = _by_store(tmp_path / "store.samverkan", doc)
    store_new.create(tmp_path / "ny.samverkan", doc)
    made, expected = _content(tmp_path / "ny.samverkan"), _content(by_store)
    assert made == expected
    assert len(made["notes"]) == 4 and len(made["note_links"]) == 2  # nothing was left out
    # ... and the store reads it back as it reads its own
    with Store.open(tmp_path / "ny.samverkan", readonly=True) as new, Store.open(by_store) as old:
        assert [n.text for n in new.notes()] == [n.text for n in old.notes()]
        assert new.summary() == old.summary()


def test_an_empty_document_and_a_large_one_too(tmp_path: Path):
    empty = m.Document(m.Workshop())
    store_new.create(tmp_path / "tom.samverkan", empty)
    assert _content(tmp_path / "tom.samverkan") == _content(
        _by_store(tmp_path / "tom-store.samverkan", empty)
    )
    many = m.Document(
        m.Workshop("Stor"),
        (m.Group(1, "G"),),
        tuple(m.Cluster(id=i, name=f"k{i}", group_id=1) for i in range(300)),
        tuple(m.Note(i, f"lapp {i}", group_id=1, cluster_id=i % 300) for i in range(3000)),
    )
    store_new.create(tmp_path / "stor.samverkan", many)
    assert _content(tmp_path / "stor.samverkan") == _content(
        _by_store(tmp_path / "stor-store.samverkan", many)
    )


@pytest.mark.parametrize(
    ("broken", "code"),
    [
        ({"clusters": (m.Cluster(id=1, name="k", parent_id=8),)}, "store.missing_parent"),
        ({"links": (m.Link(1, 77),)}, "store.link_to_missing"),
        ({"links": (m.Link(1, 30, "ersätter"),)}, "store.unknown_link_kind"),
        ({"themes": (m.ThemeLink(1, 77),)}, "store.theme_to_missing"),
    ],
)
def test_it_refuses_what_the_store_refuses_and_leaves_no_file(
    tmp_path: Path, broken: dict[str, Any], code: str
):
    parts: dict[str, Any] = {"clusters": (), **broken}
    doc = m.Document(m.Workshop("W"), notes=(m.Note(1, "a"), m.Note(30, "b")), **parts)
    with pytest.raises(StoreError) as by_store:
        _by_store(tmp_path / "store.samverkan", doc)
    with pytest.raises(StoreError) as made:
        store_new.create(tmp_path / "ny.samverkan", doc)
    assert made.value.message.code == by_store.value.message.code == code
    assert not (tmp_path / "ny.samverkan").exists()  # (the store leaves its file made empty)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.samverkan"]


def test_a_failure_halfway_leaves_no_file_and_no_lock(tmp_path: Path, monkeypatch):
    def fails_after_writing(conn: sqlite3.Connection, *args: Any) -> None:
        original(conn, *args)  # every row is in ...
        failed = sqlite3.OperationalError("disk I/O error")  # ... then the disk fails
        failed.sqlite_errorcode = sqlite3.SQLITE_IOERR
        raise failed

    original = store_filewatch.log
    monkeypatch.setattr(store_filewatch, "log", fails_after_writing)
    with pytest.raises(StoreError) as failed:
        store_new.create(tmp_path / "ny.samverkan", _document())
    assert failed.value.message.code == "store.cannot_save"
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_refused_and_kept(tmp_path: Path):
    path = tmp_path / "finns.samverkan"
    path.write_bytes(b"annat")
    with pytest.raises(StoreError) as refused:
        store_new.create(path, _document())
    assert refused.value.message.code == "store.exists"
    assert path.read_bytes() == b"annat"


def test_a_schema_it_does_not_know_goes_through_the_store(tmp_path: Path, monkeypatch):
    """After a migration, until SCHEMA is written again, the store makes the file."""
    added: list[m.Document] = []
    original = Store.add_document

    def add_document(self: Store, doc: m.Document, **kw: Any) -> dict[str, dict[int, int]]:
        added.append(doc)
        return original(self, doc, **kw)

    monkeypatch.setattr(Store, "add_document", add_document)
    monkeypatch.setattr(store_new, "REVISION", "0002")
    doc = _document()
    store_new.create(tmp_path / "ny.samverkan", doc)
    assert added == [doc]
    assert _content(tmp_path / "ny.samverkan") == _content(
        _by_store(tmp_path / "store.samverkan", doc)
    )
