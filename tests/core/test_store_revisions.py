"""The schema revisions read from the migration scripts' text (so that opening a current file
imports no Alembic, issue 10) are Alembic's own: the head and every known revision, with the
scripts as they are and with a later one added."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from samverkan_desktop.core import store_file


def _alembic() -> tuple[str, set[str]]:
    scripts = ScriptDirectory.from_config(store_file.alembic_config())
    return scripts.get_current_head() or "", {r.revision for r in scripts.walk_revisions()}


def test_the_scripts_as_they_are():
    assert (store_file.head_revision(), store_file._known_revisions()) == _alembic()


@pytest.mark.parametrize(
    "header",
    [
        'revision = "0004"\ndown_revision = "0003"\n',
        'revision: str = "0004"\ndown_revision: str | None = ("0003")\n',
        "revision = '0004'\ndown_revision = ('0003',)\n",
    ],
)
def test_with_a_later_revision(tmp_path: Path, monkeypatch, header: str):
    folder = tmp_path / "migrations"
    shutil.copytree(store_file._MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0004_later.py").write_text(
        f'"""Later."""\nfrom alembic import op\n\n{header}\n\ndef upgrade() -> None:\n    pass\n',
        encoding="utf-8",
    )
    (folder / "versions" / "notes.txt").write_text("not a script", encoding="utf-8")
    monkeypatch.setattr(store_file, "_MIGRATIONS", folder)
    assert store_file.head_revision() == "0004"
    assert (store_file.head_revision(), store_file._known_revisions()) == _alembic()
