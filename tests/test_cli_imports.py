"""What a command loads (issue 10): `info` on a current file starts without Alembic, the
exporters, the analysis, Qt or Word, which only the commands and files that need them load; an
older file is still upgraded, Alembic and all, when it is opened. Each case runs in a fresh
interpreter, since this one has loaded everything long ago."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The newest released schema: a current file.
FIXTURE = sorted((Path(__file__).with_name("core") / "fixtures").glob("schema-*.samverkan"))[-1]
MIGRATIONS = Path(__file__).resolve().parents[1] / "samverkan_desktop" / "core" / "migrations"


pytestmark = pytest.mark.usefixtures("swedish")  # these tests read the program's Swedish


# Loaded by other commands only; `info` on a file of the current schema needs none of them:
# it reads the file with sqlite3 (core.store_summary), without SQLAlchemy, the store, or what
# serves a workshop on a server or shared by several windows (logins, the keyring, psycopg).
NOT_FOR_INFO = (
    "alembic",
    "sqlalchemy",
    "psycopg",
    "keyring",
    "samverkan_desktop.core.store",
    "samverkan_desktop.core.schema",
    "samverkan_desktop.core.store_server",
    "samverkan_desktop.core.server_login",
    "samverkan_desktop.core.store_presence",
    "samverkan_desktop.core.store_filewatch",
    "samverkan_desktop.core.store_lock",
    "networkx",
    "PySide6",
    "docx",
    "numpy",
    "scipy",
    "samverkan_desktop.core.analysis",
    "samverkan_desktop.core.export",
    "samverkan_desktop.core.exchange",
    "samverkan_desktop.core.layout",
    "samverkan_desktop.core.board",
    "samverkan_desktop.render",
    "samverkan_desktop.ui",
    # what writes files (atomic replacement, a journal's trial roll-back, a long name's hash)
    "samverkan_desktop.core.atomic",
    "tempfile",
    "hashlib",
)

# An import into a new file writes it with sqlite3 alone (core.store_new), as `info` reads one.
NOT_FOR_A_NEW_FILE = (
    "alembic",
    "sqlalchemy",
    "psycopg",
    "keyring",
    "samverkan_desktop.core.store",
    "samverkan_desktop.core.schema",
    "samverkan_desktop.core.store_server",
    "PySide6",
    "samverkan_desktop.core.analysis",
    "samverkan_desktop.core.export",
    "samverkan_desktop.ui",
)

_RUN = """
import contextlib, io, json, sys
from pathlib import Path
from samverkan_desktop.core import store_file
if {migrations!r}:
    store_file._MIGRATIONS = Path({migrations!r})
from samverkan_desktop import cli
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = cli.main({argv!r})
loaded = sorted(name for name in {watched!r}
                if any(m == name or m.startswith(name + ".") for m in sys.modules))
opened = None
if {then_open!r}:
    from samverkan_desktop.core.store import Store
    with Store.open({path!r}) as store:
        opened = len(store.notes())
    opened = [opened, store_file.revision(Path({path!r}))]
print(json.dumps({{"code": code, "out": out.getvalue(), "loaded": loaded, "opened": opened}}))
"""


def _run(
    argv: list[str],
    path: Path,
    migrations: Path | None = None,
    then_open: bool = False,
    watched: tuple[str, ...] = NOT_FOR_INFO,
) -> dict:
    script = _RUN.format(
        migrations=str(migrations or ""),
        argv=argv,
        watched=watched,
        then_open=then_open,
        path=str(path),
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.samverkan"
    shutil.copy2(FIXTURE, path)
    return path


def test_info_on_a_current_file_loads_none_of_what_it_does_not_need(workshop: Path):
    result = _run(["info", str(workshop)], workshop)
    assert result["code"] == 0 and "Lappar: 216" in result["out"]
    assert result["loaded"] == []


def test_an_older_file_is_still_upgraded_when_opened(workshop: Path, tmp_path: Path):
    """A revision 0004 that exists only here makes the fixture an older file."""
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0004_test.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "0004"\n'
        'down_revision = "0003"\nbranch_labels = None\ndepends_on = None\n\n\n'
        "def upgrade() -> None:\n"
        '    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))\n',
        encoding="utf-8",
    )
    original = workshop.read_bytes()
    result = _run(["info", str(workshop)], workshop, migrations, then_open=True)
    assert result["code"] == 0 and "Lappar: 216" in result["out"]  # read through a copy
    assert "alembic" in result["loaded"]
    assert result["opened"] == [216, "0004"]  # opened for writing: upgraded in place
    bak = f"workshop.samverkan.{FIXTURE.stem.removeprefix('schema-')}.bak"
    assert (workshop.parent / bak).read_bytes() == original


def test_export_still_lists_every_format_and_refuses_as_before(workshop: Path, tmp_path: Path):
    result = _run(["export", "--help"], workshop)
    assert result["code"] == 0 and "pdf" in result["out"] and "docx" in result["out"]
    bad = _run(["export", str(workshop), "--output", str(tmp_path / "ut.xyz")], workshop)
    assert bad["code"] == 2


def test_import_into_a_new_file_loads_neither_sqlalchemy_nor_alembic(
    workshop: Path, tmp_path: Path
):
    new = tmp_path / "ny.samverkan"
    source = tmp_path / "orebro.json"
    exported = _run(["export", str(workshop), "--output", str(source)], workshop)
    assert exported["code"] == 0
    result = _run(["import", str(source), "--into", str(new)], new, watched=NOT_FOR_A_NEW_FILE)
    assert result["code"] == 0 and "Lappar: 216" in result["out"]
    assert result["loaded"] == []
    # ... and the file is one the store opens for writing as it is (no upgrade, no repair)
    assert _run(["info", str(new)], new, then_open=True)["opened"] == [
        216,
        FIXTURE.stem.removeprefix("schema-"),
    ]


# `suggest` needs the analysis, but not the store or SQLAlchemy, nor networkx (only the theme
# graph's exports and the evaluation build networkx graphs), nor what draws, exports or serves.
NOT_FOR_SUGGEST = (
    # a file of the current schema is read with sqlite3 alone (core/store_document.py)
    "sqlalchemy",
    "samverkan_desktop.core.store",
    "networkx",
    "scipy",
    "PySide6",
    "docx",
    "samverkan_desktop.core.export",
    "samverkan_desktop.render",
    "samverkan_desktop.ui",
    "alembic",
)


@pytest.mark.parametrize("options", [["--all", "--json"], ["--place", "--json"]])
def test_suggest_loads_no_networkx(workshop: Path, options: list[str]):
    result = _run(["suggest", str(workshop), *options], workshop)
    assert result["code"] == 0 and json.loads(result["out"])
    assert "samverkan_desktop.core.analysis" in result["loaded"]
    assert not set(NOT_FOR_SUGGEST) & set(result["loaded"])


# An export reads a file of the current schema with sqlite3 alone, as `suggest` does (the store
# and SQLAlchemy were 0.4 s of a PDF's cold start); hiding personal data also reads the names
# saved with the workshop, through the store.
NOT_FOR_AN_EXPORT = ("sqlalchemy", "samverkan_desktop.core.store", "alembic")


@pytest.mark.parametrize("fmt", ["pdf", "csv", "md"])
def test_an_export_loads_no_sqlalchemy(workshop: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"rapport.{fmt}"
    result = _run(
        ["export", str(workshop), "--output", str(out)], workshop, watched=NOT_FOR_AN_EXPORT
    )
    assert result["code"] == 0 and out.stat().st_size > 0
    assert result["loaded"] == []
    hidden = tmp_path / f"dold.{fmt}"
    redacted = _run(
        ["export", str(workshop), "--redact", "--output", str(hidden)],
        workshop,
        watched=NOT_FOR_AN_EXPORT,
    )
    assert redacted["code"] == 0 and hidden.stat().st_size > 0
