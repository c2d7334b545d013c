"""Bad input to the command line: one line on stderr, no traceback, a non-zero exit, and every
file exactly as it was (one case per command through the real program in a new process, as a
script or a facilitator runs it; the others through `cli.main` in this process).
Also: the JSON round trip through the command line, and the installed command's name."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from samverkan_desktop import cli
from samverkan_desktop.core.store import Store

from .program import run_program

pytestmark = pytest.mark.usefixtures("swedish")  # these tests read the program's Swedish


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_program(*args, cwd=cwd, timeout=60)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes (a pipe by its name only)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<not a file>")
        for p in sorted(folder.rglob("*"))
        if not p.is_dir()
    }


# ------------------------------------------------------------------------ the bad files
def _workshop(d: Path, seed: Path) -> Path:
    return d / "orebro.samverkan"  # a copy of seed_template, put there by the test


def _text_as_workshop(d: Path, seed: Path) -> Path:
    path = d / "anteckningar.samverkan"
    path.write_bytes(seed.read_bytes())  # the transcript, renamed by mistake
    return path


def _newer(d: Path, seed: Path) -> Path:
    path = d / "nyare.samverkan"
    path.write_bytes(_workshop(d, seed).read_bytes())
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099_framtid'")
    con.commit()
    con.close()
    return path


def _damaged(d: Path, seed: Path) -> Path:
    path = d / "skadad.samverkan"
    data = bytearray(_workshop(d, seed).read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = len(data) - 2 * size  # a page of notes near the end
    data[start : start + 8] = b"\x0d" + b"\xff" * 7
    path.write_bytes(bytes(data))
    return path


def _png(d: Path, seed: Path) -> Path:
    path = d / "foto.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return path


def _undecodable(d: Path, seed: Path) -> Path:
    # Bytes that are neither UTF-8, UTF-16 with a BOM, nor Windows-1252.
    path = d / "konstig.txt"
    path.write_bytes(b"Workshop\r\nGrupp A\r\n- M\x81te \x8d\x8f\x90\x9d\r\n")
    return path


def _pipe(d: Path, seed: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are a POSIX thing")
    path = d / "rör.txt"
    os.mkfifo(path)
    return path


def _locked(d: Path, seed: Path) -> Path:
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        pytest.skip("root reads a file without read permission")
    path = d / "låst.txt"
    path.write_bytes(seed.read_bytes())
    path.chmod(0)
    return path


def _newer_json(d: Path, seed: Path) -> Path:
    path = d / "framtid.json"
    path.write_text(json.dumps({"format": "samverkan-workshop", "version": 2}), encoding="utf-8")
    return path


def _missing(name: str):
    return lambda d, seed: d / name


# (command, what is bad, words the one line must hold). Export opens the file as info does, so
# it gets the cases where it does something of its own first; tests/test_cli.py has the rest.
CASES = [
    ("import-source", _missing("saknas.txt"), ("saknas.txt", "finns inte")),
    ("import-source", _png, ("foto.txt", "textfil")),
    ("import-source", _undecodable, ("konstig.txt", "teckenkodning")),
    ("import-source", _pipe, ("rör.txt", "ingen vanlig fil")),
    ("import-source", _locked, ("låst.txt", "behörighet")),
    ("import-source", _newer_json, ("framtid.json", "nyare version")),
    ("import-into", _text_as_workshop, ("anteckningar.samverkan", "ingen Samverkan-workshopfil")),
    ("import-into", _newer, ("nyare.samverkan", "nyare version")),
    ("import-into", _damaged, ("skadad.samverkan", "skadad databas")),
    ("info", _missing("saknas.samverkan"), ("saknas.samverkan", "finns inte")),
    ("info", _text_as_workshop, ("anteckningar.samverkan", "ingen Samverkan-workshopfil")),
    ("info", _newer, ("nyare.samverkan", "nyare version")),
    ("info", _damaged, ("skadad.samverkan", "skadad databas")),
    ("export", _missing("saknas.samverkan"), ("saknas.samverkan", "finns inte")),
    ("export", _newer, ("nyare.samverkan", "nyare version")),
]


IDS = [
    f"{c}-{(f.__name__ if f.__name__ != '<lambda>' else 'missing').strip('_')}" for c, f, _ in CASES
]
# One case of each command through the real program in a new process; the rest call
# `cli.main` in this process (a new Python for each took half a second). The pipe is one of
# them: were it ever opened to read, the process's timeout ends the wait.
THROUGH_THE_REAL_PROGRAM = {
    "import-source-pipe",
    "import-into-damaged",
    "info-missing",
    "export-newer",
}
assert THROUGH_THE_REAL_PROGRAM <= set(IDS)


@pytest.mark.parametrize(("command", "make_bad", "words"), CASES, ids=IDS)
def test_bad_input_is_refused_in_one_line_and_changes_nothing(
    command, make_bad, words, seed_template: Path, seed_path: Path, tmp_path: Path, run_cli, request
):
    work = tmp_path / "arbete"
    work.mkdir()
    existing = _workshop(work, seed_path)
    existing.write_bytes(seed_template.read_bytes())
    bad = make_bad(work, seed_path)
    args = {
        "import-source": ["import", bad, "--into", existing],
        "import-into": ["import", seed_path, "--into", bad],
        "info": ["info", bad],
        "export": ["export", bad, "--format", "json", "--output", work / "ut.json"],
    }[command]
    before = snapshot(work)

    real = request.node.callspec.id in THROUGH_THE_REAL_PROGRAM
    result = (run if real else run_cli)(*args, cwd=work)

    assert result.returncode == 1, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and result.stderr.endswith("\n"), result.stderr
    assert lines[0].startswith("samverkan-desktop: fel: ")
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert snapshot(work) == before  # nothing written, nothing left beside the files


# ------------------------------------------------------------------------ the JSON round trip
def test_export_import_export_through_the_command_gives_the_same_json(
    seed_template: Path, tmp_path: Path, run_cli
):
    workshop = tmp_path / "orebro.samverkan"
    workshop.write_bytes(seed_template.read_bytes())
    with Store.open(workshop) as store:  # a little sorting, so that more than the import travels
        notes = store.notes()
        # Sorted as the board would: each note inside its frame, the frames nested inside.
        theme = store.add_cluster("Mötesplatser", x=9000, y=0, width=500, height=500)
        inner = store.add_cluster(
            "Digitala", x=9020, y=200, width=300, height=200, parent_id=theme.id
        )
        store.update_notes(
            {
                notes[0].id: {"cluster_id": theme.id, "x": 9020.0, "y": 40.0},
                notes[1].id: {"cluster_id": inner.id, "x": 9040.0, "y": 240.0},
            }
        )
        store.update_note(notes[2].id, votes=3, comment="Lästes upp", personal_data=True)

    first = run_cli("export", workshop, "--format", "json", "--output", "första.json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = run_cli("import", "första.json", "--into", "kopia.samverkan", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    second = run_cli(
        "export", "kopia.samverkan", "--format", "json", "--output", "andra.json", cwd=tmp_path
    )
    assert second.returncode == 0, second.stderr

    data = (tmp_path / "första.json").read_bytes()
    assert (tmp_path / "andra.json").read_bytes() == data
    raw = json.loads(data)
    assert len(raw["notes"]) == 216 and len(raw["groups"]) == 6
    assert {"Mötesplatser", "Digitala"} <= {c["name"] for c in raw["clusters"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "andra.json",
        "första.json",
        "kopia.samverkan",
        "orebro.samverkan",
    ]


# ------------------------------------------------------------------------ the installed command
def test_the_installed_command_is_samverkan_desktop():
    (entry,) = metadata.entry_points(group="console_scripts", name="samverkan-desktop")
    assert entry.value == "samverkan_desktop.cli:main"
    script = Path(sys.executable).with_name("samverkan-desktop")
    if not script.exists():
        pytest.skip("the package is not installed into this environment")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("samverkan-desktop ")


@pytest.mark.parametrize("name", ["orebro.json", "orebro.txt", "orebro"])
def test_a_new_workshop_must_be_named_samverkan(name, seed_path: Path, tmp_path: Path, capsys):
    code = cli.main(["import", str(seed_path), "--into", str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"samverkan-desktop: fel: {name}: en ny workshopfil ska sluta på .samverkan.\n"
    assert list(tmp_path.iterdir()) == []
