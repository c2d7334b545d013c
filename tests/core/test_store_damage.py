"""Damaged cell values (issue 8, failure 4): a file cut by one byte (quick_check passes), bit
flips, a bad date, a blob in a text column gave 20-42-line tracebacks from info, export, suggest
and import. Every command now says in one line that the file is damaged, and changes nothing."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from samverkan_desktop import cli
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import DamagedFile, Store, StoreError

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("mall") / "orebro.samverkan"
    doc = read_source(SEED)
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    return path


def _sql(statement: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        con = sqlite3.connect(path)
        con.execute(statement)
        con.commit()
        con.close()

    return damage


def _cut_one_byte(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-1])


DAMAGE = {
    "cut by one byte": _cut_one_byte,
    "bad date": _sql("UPDATE notes SET created_at = '2021-13-45 25:61:00.000000' WHERE id = 7"),
    "impossible day": _sql("UPDATE workshop SET date = '2021-02-30'"),
    "blob in a text column": _sql("UPDATE notes SET text = X'00FF10' WHERE id = 3"),
    "text in a number column": _sql("UPDATE notes SET votes = 'många' WHERE id = 4"),
    "text as a coordinate": _sql("UPDATE clusters SET x = 'vänster' WHERE id = 2"),
    "infinite coordinate": _sql("UPDATE notes SET y = 9e999 WHERE id = 5"),
    "facilitators not a list": _sql("UPDATE groups SET facilitators = '{\"a\": 1' WHERE id = 1"),
    "invalid UTF-8": _sql("UPDATE notes SET text = CAST(X'C328' AS TEXT) WHERE id = 9"),
}


def _copy(template: Path, folder: Path) -> Path:
    path = folder / "orebro.samverkan"
    path.write_bytes(template.read_bytes())
    return path


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below `folder`, with its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


COMMANDS = {
    "info": lambda f, out: ["info", str(f)],
    "export": lambda f, out: ["export", str(f), "--format", "md", "--output", str(out / "r.md")],
    "export-json": lambda f, out: ["export", str(f), "--output", str(out / "r.json")],
    "suggest": lambda f, out: ["suggest", str(f), "--json"],
    "import": lambda f, out: ["import", str(SEED), "--into", str(f)],
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_file_is_refused_in_one_line_by_every_command(
    template: Path, tmp_path: Path, damage: str, capsys
):
    path = _copy(template, tmp_path)
    DAMAGE[damage](path)
    out = tmp_path / "ut"
    out.mkdir()
    before = _state(tmp_path)
    for name, argv in COMMANDS.items():
        assert cli.main(argv(path, out)) == 1, name
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "skadad" in err, (name, err)
        assert "Traceback" not in err and "sqlite" not in err.lower()
    assert _state(tmp_path) == before
    with pytest.raises(DamagedFile):
        # Text that is not UTF-8 is only found when it is read (SQLite cannot tell on open).
        with Store.open(path, readonly=True) as store:
            store.document()


def test_the_real_program_says_one_line_for_a_bad_date_and_a_blob(template: Path, tmp_path: Path):
    path = _copy(template, tmp_path)
    DAMAGE["bad date"](path)
    DAMAGE["blob in a text column"](path)
    before = _state(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for argv in (["info", path], ["suggest", path, "--json"], ["import", SEED, "--into", path]):
        done = subprocess.run(
            [sys.executable, "-m", "samverkan_desktop", *map(str, argv)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
        )
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr == (
            "samverkan-desktop: fel: orebro.samverkan är en skadad databas och kan inte öppnas.\n"
        )
    assert _state(tmp_path) == before


def test_bit_flips_anywhere_give_a_working_file_or_one_line(template: Path, tmp_path: Path, capsys):
    """200 files, each with a few bits flipped at random places: every command either works or
    says in one line what is wrong, and never changes the damaged file."""
    data = template.read_bytes()
    rng = random.Random(8)
    out = tmp_path / "ut"
    out.mkdir()
    outcomes = {0: 0, 1: 0}
    for i in range(200):
        damaged = bytearray(data)
        for _ in range(rng.choice((1, 2, 8))):
            position = rng.randrange(100, len(damaged))  # the header has its own checks
            damaged[position] ^= 1 << rng.randrange(8)
        path = tmp_path / f"flip{i}.samverkan"
        path.write_bytes(bytes(damaged))
        for name in ("info", "export-json", "suggest"):
            code = cli.main(COMMANDS[name](path, out))
            err = capsys.readouterr().err
            assert code in (0, 1), (i, name)
            assert err.count("\n") == code and "Traceback" not in err, (i, name, err)
            outcomes[code] += 1
        assert path.read_bytes() == bytes(damaged)
        path.unlink()
    assert outcomes[1] > 0  # some flips hit data that matters, and were caught


def test_damage_found_after_opening_is_a_damaged_file_error(template: Path, tmp_path: Path):
    path = _copy(template, tmp_path)
    with Store.open(path, readonly=True) as store:
        DAMAGE["bad date"](path)
        with pytest.raises(DamagedFile, match="orebro.samverkan är skadad"):
            store.notes()
        with pytest.raises(StoreError):
            store.document()
