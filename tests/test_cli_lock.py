"""The command line and a workshop that another program has open for writing: an import into it
is refused in one line naming who has it, with the file untouched; reading it goes on working."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import pytest

from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store

from .program import run_program

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"


pytestmark = pytest.mark.usefixtures("swedish")  # these tests read the program's Swedish


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_program(*args, cwd=cwd)


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "Möte #2 ?.samverkan"
    doc = read_source(SEED)
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    return path


def test_import_into_a_file_open_elsewhere_is_refused_and_changes_nothing(
    workshop: Path, tmp_path: Path, hold_open, run_cli
):
    holder = hold_open(workshop)
    before = (workshop.read_bytes(), workshop.stat().st_mtime_ns)
    done = run("import", SEED, "--into", workshop, cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    user = json.loads(workshop.with_name(f".~lock.{workshop.name}#").read_text())["user"]
    assert done.stderr.startswith(
        f"samverkan-desktop: fel: {workshop.name} är öppen för redigering av {user} på "
        f"{socket.gethostname()} sedan kl. "
    ), done.stderr
    assert (workshop.read_bytes(), workshop.stat().st_mtime_ns) == before

    # Reading needs no lock: info, export and suggest go on while the other has it open
    # (through `cli.main` in this process: the refusal above was the real program's).
    info = run_cli("info", workshop, cwd=tmp_path)
    assert (info.returncode, info.stderr) == (0, "") and "Lappar: 216" in info.stdout
    out = tmp_path / "lappar.csv"
    exported = run_cli("export", workshop, "--format", "csv", "--output", out, cwd=tmp_path)
    assert (exported.returncode, exported.stderr) == (0, "") and out.exists()
    suggested = run_cli("suggest", workshop, "--json", cwd=tmp_path)
    assert suggested.returncode == 0, suggested.stderr
    assert (workshop.read_bytes(), workshop.stat().st_mtime_ns) == before

    holder.close()
    again = run_cli("import", SEED, "--into", workshop, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Filen har nu 432 lappar." in again.stdout
    assert not workshop.with_name(f".~lock.{workshop.name}#").exists()
