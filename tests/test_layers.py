"""The layers hold: cli -> ui -> render -> core, core without Qt, only the store on SQLite,
the panels below the suggestions.

The contracts live in pyproject.toml ([tool.importlinter]); this runs import-linter's own
`lint-imports` on them, so `make test` fails on an import that breaks one, and shows that each
contract would see such an import (a contract naming a module that does not exist, or a layer
list in the wrong order, would otherwise pass quietly).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import importlinter.api  # noqa: F401 (sets import-linter up, as its own command does)
import pytest
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.layers import LayersContract
from importlinter.contracts.protected import ProtectedContract

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "importlinter"
]
CONTRACTS = {c["name"]: c for c in CONFIG["contracts"]}
KINDS = {"layers": LayersContract, "forbidden": ForbiddenContract, "protected": ProtectedContract}


def test_every_import_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in done.stdout


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph(CONFIG["root_package"], include_external_packages=True, cache_dir=None)


@pytest.fixture
def graph() -> grimp.ImportGraph:
    return _graph()  # a new one for each test: a check takes its ignored imports out of it


def _kept(graph: grimp.ImportGraph, name: str) -> bool:
    options = dict(CONTRACTS[name])
    contract = KINDS[options.pop("type")](
        name=name,
        session_options={
            "root_packages": [CONFIG["root_package"]],
            "include_external_packages": str(CONFIG["include_external_packages"]),
        },
        contract_options=options,
    )
    return contract.check(graph, verbose=False).kept


@pytest.mark.parametrize(
    ("contract", "importer", "imported"),
    [
        (
            "cli -> ui -> render -> core: no import back up",
            "samverkan_desktop.core.labels",
            "samverkan_desktop.render.group_colours",
        ),
        (
            "cli -> ui -> render -> core: no import back up",
            "samverkan_desktop.render.theme_picture",
            "samverkan_desktop.ui.settings",
        ),
        (
            "cli -> ui -> render -> core: no import back up",
            "samverkan_desktop.ui.app",
            "samverkan_desktop.cli_text",
        ),
        (
            "the panels do not import the suggestions that show them (ui.suggestions)",
            "samverkan_desktop.ui.panels.theme_map",
            "samverkan_desktop.ui.suggestions",
        ),
        ("core imports no Qt", "samverkan_desktop.core.board.geometry", "PySide6"),
        (
            "only the store talks to SQLite: core.store*, its tables (core.schema) and the "
            "migrations",
            "samverkan_desktop.ui.document",
            "sqlite3",
        ),
        (
            "only the store talks to SQLite: core.store*, its tables (core.schema) and the "
            "migrations",
            "samverkan_desktop.core.exchange",
            "sqlalchemy",
        ),
        (
            "the tables are the store's: core.schema is imported by core.store and the "
            "migrations only",
            "samverkan_desktop.core.merge",
            "samverkan_desktop.core.schema",
        ),
    ],
)
def test_each_contract_fails_on_an_import_that_breaks_it(graph, contract, importer, imported):
    assert _kept(_graph(), contract)
    graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="")
    assert not _kept(graph, contract)
