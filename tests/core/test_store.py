"""What only a workshop file has: the file and folder around it, and files that are not ours.
Everything a file and a server workshop share is in test_store_contract.py, run on both."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Store, StoreError

DATE = dt.date(2021, 11, 10)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.samverkan"


@pytest.fixture
def store(path: Path):
    s = Store.create(path, m.Workshop("Fördjupningsdag om samverkan", DATE, "Anteckningar"))
    yield s
    s.close()


def _fill(store: Store) -> None:
    """A small workshop, written as an import writes one (add_document): the way a note's
    "also relates to" theme gets into a file (the app has no gesture that makes one)."""
    ids = store.add_document(
        m.Document(
            groups=(
                m.Group(1, "Arbetsmarknad grupp 1", ("Anette Valdemarsson", "Fredrik Wouda")),
                m.Group(2, "Trygghet grupp 2", ("Lovisa Strand",), position=1),
            ),
            clusters=(
                m.Cluster(1, "Trygghet", group_id=2, x=10, y=20, width=300, height=200),
                m.Cluster(2, "Belysning", parent_id=1),
            ),
            notes=(
                m.Note(1, "Mötesplatser behövs", group_id=1, source="orebro.txt:30", x=5, y=6),
                m.Note(2, "Belysning!", group_id=2, cluster_id=2, uncertain=True),
                m.Note(3, "Ring Anna 070-123 45 67", group_id=2, personal_data=True, votes=3),
            ),
            links=(m.Link(1, 2, m.RELATES_TO), m.Link(3, 1, m.DUPLICATE_OF)),
            themes=(m.ThemeLink(1, 1),),
        )
    )
    assert store.themes() == [m.ThemeLink(ids["notes"][1], ids["clusters"][1])]


# ------------------------------------------------------------------------ create, open, close
def test_create_refuses_an_existing_file_and_a_missing_folder(store: Store, path: Path, tmp_path):
    before = path.read_bytes()
    with pytest.raises(StoreError, match="finns redan"):
        Store.create(path)
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="finns inte"):
        Store.create(tmp_path / "saknas" / "x.samverkan")


def test_closed_file_is_the_whole_document_with_nothing_beside_it(store: Store, path: Path):
    _fill(store)
    store.close()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    # A bare sqlite3 connection sees everything: nothing is waiting in a -wal file.
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM notes").fetchone()[0] == 3
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        con.close()


def test_readonly_store_reads_but_refuses_writes_and_leaves_the_file_alone(store, path):
    _fill(store)
    store.close()
    before = path.read_bytes()
    with Store.open(path, readonly=True) as ro:
        assert len(ro.notes()) == 3
        with pytest.raises(StoreError):
            ro.add_note("ny lapp")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


# ------------------------------------------------------------------------ files that are not ours
def _refused_unchanged(file: Path, match: str) -> None:
    before = file.read_bytes()
    names = sorted(p.name for p in file.parent.iterdir())
    for readonly in (False, True):
        with pytest.raises(StoreError, match=match) as info:
            Store.open(file, readonly=readonly)
        assert "\n" not in str(info.value)
    assert file.read_bytes() == before
    assert sorted(p.name for p in file.parent.iterdir()) == names


def test_a_text_file_is_not_a_workshop(tmp_path: Path):
    file = tmp_path / "anteckningar.samverkan"
    file.write_text("Fördjupningsdag om samverkan 2021-11-10\n", encoding="utf-8")
    _refused_unchanged(file, "ingen Samverkan-workshopfil")


def test_an_empty_file_is_not_a_workshop(tmp_path: Path):
    file = tmp_path / "tom.samverkan"
    file.write_bytes(b"")
    _refused_unchanged(file, "ingen Samverkan-workshopfil")


def test_some_other_sqlite_database_is_not_a_workshop(tmp_path: Path):
    file = tmp_path / "annan.sqlite"
    con = sqlite3.connect(file)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes (text) VALUES ('hej')")
    con.commit()
    con.close()
    _refused_unchanged(file, "SQLite-databas men ingen Samverkan-workshopfil")


def test_a_damaged_database_is_refused(tmp_path: Path, store: Store, path: Path):
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 500)  # right header, garbage pages
    _refused_unchanged(path, "skadad databas")


def test_a_file_from_a_newer_version_is_refused_and_left_alone(store: Store, path: Path):
    _fill(store)
    store.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    _refused_unchanged(path, "nyare version")


def test_missing_file_and_folder_are_refused(tmp_path: Path):
    with pytest.raises(StoreError, match="finns inte"):
        Store.open(tmp_path / "saknas.samverkan")
    with pytest.raises(StoreError, match="mapp"):
        Store.open(tmp_path)
