"""Every released schema version opens (issue 8, "Migrations"); an upgrade keeps a .bak and a
failed upgrade changes no byte of the file; a newer or foreign file is refused untouched.

`fixtures/schema-0001.samverkan` is the sample workshop as version 0.1.0 (schema 0001) wrote it,
made with that release's own code; `schema-0002.samverkan` is that file upgraded to row versions
and `schema-0003.samverkan` that one upgraded to the change log (issue 14). When a migration is
added, add the fixture of the schema it makes. The upgrade path is also exercised with a
revision 0004 that exists only here.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from samverkan_desktop import cli
from samverkan_desktop.core import store_file
from samverkan_desktop.core.store import Store, StoreError

FIXTURES = Path(__file__).with_name("fixtures")
RELEASED = sorted(FIXTURES.glob("schema-*.samverkan"))
SEED = Path(__file__).resolve().parents[2] / (
    "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
)


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def _copy(fixture: Path, folder: Path) -> Path:
    path = folder / "workshop.samverkan"
    shutil.copy2(fixture, path)
    return path


def _table_names(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_every_released_schema_opens_with_its_notes(fixture: Path, tmp_path: Path):
    path = _copy(fixture, tmp_path)
    before = _state(tmp_path)
    with Store.open(path, readonly=True) as store:
        doc = store.document()
    assert _state(tmp_path) == before  # reading never changes an older file
    assert len(doc.notes) == 216 and len(doc.groups) == 6 and len(doc.clusters) == 16
    assert doc.workshop.date.isoformat() == "2021-11-10"
    with Store.open(path) as store:
        store.add_note("efter uppgraderingen")
    with Store.open(path, readonly=True) as store:
        assert len(store.notes()) == 217
    assert store_file.revision(path) == store_file.head_revision()


def test_there_is_a_fixture_for_the_current_schema():
    assert FIXTURES / f"schema-{store_file.head_revision()}.samverkan" in RELEASED


_ADD_TABLE = """
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("mood", sa.Text(), nullable=False, server_default=""))
"""

_FAILS_HALFWAY = (
    _ADD_TABLE
    + """
    raise RuntimeError("the disk went away in the middle of the upgrade")
"""
)


@pytest.fixture
def next_schema(tmp_path: Path, monkeypatch):
    """The store's migrations plus a revision 0004 (its body given by the test)."""

    def install(body: str) -> None:
        folder = tmp_path / "migrations"
        shutil.copytree(
            store_file._MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__")
        )
        (folder / "versions" / "0004_test.py").write_text(body, encoding="utf-8")
        monkeypatch.setattr(store_file, "_MIGRATIONS", folder)

    return install


def test_an_older_file_is_upgraded_and_the_original_kept_as_bak(next_schema, tmp_path: Path):
    next_schema(_ADD_TABLE)
    folder = tmp_path / "ws"
    folder.mkdir()
    path = _copy(RELEASED[0], folder)
    original = path.read_bytes()
    with Store.open(path) as store:
        assert len(store.notes()) == 216
    assert store_file.revision(path) == "0004"
    assert "tags" in _table_names(path)
    bak = folder / "workshop.samverkan.0001.bak"
    assert bak.read_bytes() == original
    assert sorted(p.name for p in folder.iterdir()) == sorted([bak.name, "workshop.samverkan"])


def test_an_older_file_opened_read_only_is_read_through_an_upgraded_copy(
    next_schema, tmp_path: Path
):
    next_schema(_ADD_TABLE)
    folder = tmp_path / "ws"
    folder.mkdir()
    path = _copy(RELEASED[0], folder)
    before = _state(folder)
    with Store.open(path, readonly=True) as store:
        assert len(store.notes()) == 216
    assert _state(folder) == before


def test_a_failed_upgrade_changes_no_byte_of_the_file(next_schema, tmp_path: Path, capsys):
    """The landed code migrated in place: SQLite ran the schema change outside the transaction,
    so a failure left the file with a new table."""
    next_schema(_FAILS_HALFWAY)
    folder = tmp_path / "ws"
    folder.mkdir()
    path = _copy(RELEASED[0], folder)
    before = _state(folder)
    with pytest.raises(StoreError, match="Kan inte uppdatera workshop.samverkan") as info:
        Store.open(path)
    assert "\n" not in str(info.value) and "disk went away" not in str(info.value)
    assert _state(folder) == before
    assert cli.main(["import", str(SEED), "--into", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Kan inte uppdatera workshop.samverkan" in err
    assert _state(folder) == before


def _newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_framtid'")
    con.commit()
    con.close()


def _foreign(path: Path) -> None:
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes (text) VALUES ('en annan apps data')")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("make", "says"),
    [(_newer, "nyare version"), (_foreign, "ingen Samverkan-workshopfil")],
    ids=["newer", "foreign"],
)
def test_a_newer_or_foreign_file_is_refused_untouched(tmp_path: Path, make, says, capsys):
    folder = tmp_path / "ws"
    folder.mkdir()
    path = _copy(RELEASED[0], folder)
    make(path)
    before = _state(folder)
    for readonly in (False, True):
        with pytest.raises(StoreError, match=says):
            Store.open(path, readonly=readonly)
    for argv in (["info", str(path)], ["import", str(SEED), "--into", str(path)]):
        assert cli.main(argv) == 1
        assert says in capsys.readouterr().err
    assert _state(folder) == before


def test_the_longest_file_name_is_upgraded_with_a_bak_whose_name_fits(next_schema, tmp_path):
    next_schema(_ADD_TABLE)
    folder = tmp_path / "ws"
    folder.mkdir()
    path = folder / ("å" * 118 + ".samverkan")  # the longest name a workshop may have
    shutil.copy2(RELEASED[0], path)
    original = path.read_bytes()
    with Store.open(path) as store:
        assert len(store.notes()) == 216
    [bak] = [p for p in folder.iterdir() if p.name.endswith(".0001.bak")]
    assert bak.read_bytes() == original and len(bak.name.encode()) <= 255
    assert sorted(p.name for p in folder.iterdir()) == sorted([path.name, bak.name])
