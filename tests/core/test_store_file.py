"""The workshop file on disk: damaged, cut off mid-write, or not a file at all; and that each
change is in the file the moment the call returns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, event

from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_file
from samverkan_desktop.core.schema import Base
from samverkan_desktop.core.store import Store, StoreError


def _seed_store(path: Path) -> Store:
    store = Store.create(path, m.Workshop("Workshop"))
    g = store.add_group("Grupp A", ["Anna Berg"])
    for i in range(300):
        store.add_note(f"Lapp {i} om mötesplatser och trygghet i parken", group_id=g.id)
    return store


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ------------------------------------------------------------------------ the schema
def test_the_first_migration_builds_exactly_the_tables_the_code_uses(tmp_path: Path):
    path = tmp_path / "ws.samverkan"
    Store.create(path).close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()
    assert differences == []
    assert version == store_file.head_revision()


# ------------------------------------------------------------------------ one change, one commit
def test_every_write_is_in_the_file_as_soon_as_it_returns(tmp_path: Path):
    """Another program reading the file sees each change at once, and each was one commit."""
    path = tmp_path / "ws.samverkan"
    store = Store.create(path)
    commits: list[int] = []
    event.listen(store._engine, "commit", lambda _conn: commits.append(1))
    reader = sqlite3.connect(path)

    def count(sql: str) -> int:
        return reader.execute(sql).fetchone()[0]

    def one_commit(write, sql: str, expected: int):
        commits.clear()
        result = write()
        assert len(commits) == 1, write
        assert count(sql) == expected, sql
        return result

    try:
        g = one_commit(lambda: store.add_group("Grupp A"), "SELECT count(*) FROM groups", 1)
        one_commit(
            lambda: store.update_group(g.id, name="Grupp B"),
            "SELECT count(*) FROM groups WHERE name = 'Grupp B'",
            1,
        )
        a = one_commit(lambda: store.add_note("a", group_id=g.id), "SELECT count(*) FROM notes", 1)
        b = one_commit(lambda: store.add_note("b"), "SELECT count(*) FROM notes", 2)
        c = one_commit(lambda: store.add_cluster("Tema"), "SELECT count(*) FROM clusters", 1)
        one_commit(
            lambda: store.set_membership({a.id: c.id, b.id: c.id}),
            "SELECT count(*) FROM notes WHERE cluster_id IS NOT NULL",
            2,
        )
        one_commit(
            lambda: store.move_notes({a.id: (10.0, 20.0), b.id: (30.0, 40.0)}),
            "SELECT count(*) FROM notes WHERE x > 0",
            2,
        )
        one_commit(
            lambda: store.update_notes({a.id: {"votes": 2}, b.id: {"votes": 3}}),
            "SELECT sum(votes) FROM notes",
            5,
        )
        one_commit(
            lambda: store.update_cluster(c.id, name="Trygghet"),
            "SELECT count(*) FROM clusters WHERE name = 'Trygghet'",
            1,
        )
        link = m.Link(a.id, b.id)
        one_commit(lambda: store.add_link(link), "SELECT count(*) FROM note_links", 1)
        one_commit(lambda: store.set_meta("board/view", "{}"), "SELECT count(*) FROM meta", 1)
        one_commit(
            lambda: store.set_workshop(m.Workshop("Ny titel")),
            "SELECT count(*) FROM workshop WHERE title = 'Ny titel'",
            1,
        )
        removal = one_commit(lambda: store.delete_notes([a.id]), "SELECT count(*) FROM notes", 1)
        one_commit(lambda: store.restore_notes(removal), "SELECT count(*) FROM note_links", 1)
        gone = one_commit(lambda: store.delete_cluster(c.id), "SELECT count(*) FROM clusters", 0)
        one_commit(
            lambda: store.restore_cluster(gone),
            "SELECT count(*) FROM notes WHERE cluster_id IS NOT NULL",
            2,
        )
        one_commit(lambda: store.remove_link(link), "SELECT count(*) FROM note_links", 0)
        groups = one_commit(lambda: store.delete_groups([g.id]), "SELECT count(*) FROM groups", 0)
        one_commit(lambda: store.restore_groups(groups), "SELECT count(*) FROM groups", 1)
        doc = m.Document(groups=(m.Group(1, "Grupp C"),), notes=(m.Note(1, "e", group_id=1),))
        one_commit(lambda: store.add_document(doc), "SELECT count(*) FROM notes", 3)
        # Several writes made one on purpose are one commit, seen all at once.
        commits.clear()
        with store.transaction():
            store.add_note("c")
            store.add_note("d")
            assert count("SELECT count(*) FROM notes") == 3  # not yet
        assert len(commits) == 1 and count("SELECT count(*) FROM notes") == 5
    finally:
        reader.close()
        store.close()
    assert _files(tmp_path) == ["ws.samverkan"]


# ------------------------------------------------------------------------ damaged files
def _damage_page(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = (page - 1) * size
    data[start : start + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    path.write_bytes(bytes(data))


def test_damage_deep_inside_the_file_is_refused_when_it_opens(tmp_path: Path):
    path = tmp_path / "ws.samverkan"
    _seed_store(path).close()
    con = sqlite3.connect(path)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    _damage_page(path, pages - 1)  # a page of notes, far from the schema
    before = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(StoreError, match="skadad databas") as info:
            Store.open(path, readonly=readonly)
        assert "\n" not in str(info.value)
    assert path.read_bytes() == before
    assert _files(tmp_path) == ["ws.samverkan"]


def test_a_file_that_goes_bad_after_opening_gives_a_store_error_not_a_crash(tmp_path: Path):
    path = tmp_path / "ws.samverkan"
    _seed_store(path).close()
    store = Store.open(path, readonly=True)
    try:
        path.write_bytes(path.read_bytes()[:4096])  # cut short, e.g. a network drive went away
        with pytest.raises(StoreError, match="ws.samverkan är skadad"):
            store.notes()
    finally:
        store.close()


# ------------------------------------------------------------------------ a write cut off
@pytest.fixture
def interrupted(tmp_path: Path, crash) -> Path:
    original = tmp_path / "original.samverkan"
    _seed_store(original).close()
    folder = tmp_path / "krasch"
    folder.mkdir()
    target = folder / "ws.samverkan"
    crash(original, target)
    assert _files(folder) == ["ws.samverkan", "ws.samverkan-journal"]
    return target


def test_an_interrupted_file_opens_as_it_was_before_the_write(interrupted: Path):
    with Store.open(interrupted) as store:
        texts = {n.text for n in store.notes()}
        store.add_note("efter kraschen")
    assert "HALVSKRIVEN" not in texts and len(texts) == 300
    assert _files(interrupted.parent) == ["ws.samverkan"]  # the journal was used up
    with Store.open(interrupted, readonly=True) as store:
        assert len(store.notes()) == 301


def test_an_interrupted_file_is_read_without_touching_it_when_read_only(interrupted: Path):
    before = interrupted.read_bytes()
    journal = interrupted.with_name("ws.samverkan-journal").read_bytes()
    with Store.open(interrupted, readonly=True) as store:
        notes = store.notes()
    assert len(notes) == 300 and not any(n.text == "HALVSKRIVEN" for n in notes)
    assert interrupted.read_bytes() == before
    assert interrupted.with_name("ws.samverkan-journal").read_bytes() == journal


# ------------------------------------------------------------------------ not a file
def test_a_pipe_is_refused_instead_of_waiting_for_a_writer(pipe):
    for readonly in (False, True):
        with pytest.raises(StoreError, match="ingen Samverkan-workshopfil"):
            Store.open(pipe.path, readonly=readonly)
    assert pipe.elapsed() < pipe.GRACE
