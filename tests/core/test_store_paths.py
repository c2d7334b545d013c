"""Any legal file name opens the file it names (issue 8, failure 1): the path went into SQLite's
URI unescaped, so "a%20b" wrote "a b", "#2" cut the name short and "?" could not be created."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_file
from samverkan_desktop.core.store import Store

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"

NAMES = [
    "a%20b.samverkan",
    "workshop #2.samverkan",
    "vad?.samverkan",
    "Möte ?#%41&x=1.samverkan",
    "file:rådslag.samverkan",
    "50% – höst;vår 'ö'.samverkan",
    "   mellanslag   .samverkan",
    "?mode=ro.samverkan",
]


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("name", NAMES)
def test_an_odd_name_is_created_opened_and_read_as_that_very_file(tmp_path: Path, name: str):
    path = tmp_path / name
    with Store.create(path, m.Workshop("Rådslag")) as store:
        store.add_note("första lappen")
    assert _listing(tmp_path) == [name]
    with Store.open(path) as store:
        store.add_note("andra lappen")
    with Store.open(path, readonly=True) as store:
        assert [n.text for n in store.notes()] == ["första lappen", "andra lappen"]
        assert store.workshop().title == "Rådslag"
    assert _listing(tmp_path) == [name]


def test_the_uri_escapes_what_sqlite_would_read_as_query_or_fragment():
    uri = store_file.sqlite_uri(Path("/tmp/a%20b #2?x.samverkan"), "ro")
    assert uri == "file:///tmp/a%2520b%20%232%3Fx.samverkan?mode=ro"


def test_windows_drive_and_network_paths_become_uris_sqlite_accepts():
    from pathlib import PureWindowsPath

    drive = store_file.sqlite_uri(PureWindowsPath(r"C:\Users\anna\Möte #2.samverkan"), "rw")
    assert drive == "file:///C:/Users/anna/M%C3%B6te%20%232.samverkan?mode=rw"
    share = store_file.sqlite_uri(PureWindowsPath(r"\\kommun\delat\ws.samverkan"), "ro")
    assert share == "file:////kommun/delat/ws.samverkan?mode=ro"


def test_opening_a_file_that_is_not_there_creates_nothing(tmp_path: Path):
    from samverkan_desktop.core.store import StoreError

    with pytest.raises(StoreError):
        Store.open(tmp_path / "workshop #2.samverkan")
    assert _listing(tmp_path) == []


# Through `cli.main` in this process (run_cli, with the folder as the working directory): the
# program's own start is tested in tests/test_cli.py, and a new Python per call took seconds.
def test_the_issues_exact_names_through_the_command_line(tmp_path: Path, run_cli):
    """`import S --into 'a%20b.samverkan'` wrote 'a b.samverkan'; `info 'workshop #2.samverkan'`
    said "no such table" and left a file 'workshop ' beside it; 'vad?.samverkan' could not be
    created and left a temporary file."""
    names = ["a%20b.samverkan", "workshop #2.samverkan", "vad?.samverkan"]
    for name in names:
        done = run_cli("import", SEED, "--into", name, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"i {name}." in done.stdout
    assert _listing(tmp_path) == sorted(names)
    for name in names:
        info = run_cli("info", name, cwd=tmp_path)
        assert info.returncode == 0, info.stderr
        assert f"Fil: {name}" in info.stdout and "Lappar: 216" in info.stdout
        out = tmp_path / "ut"
        out.mkdir(exist_ok=True)
        exported = run_cli(
            "export", name, "--format", "md", "--output", out / f"{name}.md", cwd=tmp_path
        )
        assert exported.returncode == 0, exported.stderr
    assert _listing(tmp_path) == sorted([*names, "ut"])


def test_the_longest_name_sqlite_can_write_under_works_and_a_longer_one_is_refused(
    tmp_path: Path, run_cli
):
    """A name whose "-journal" would not fit could be made but never written again; the
    temporary files of an import or a copy have short names, so they never stand in the way."""
    from samverkan_desktop.core.store import StoreError

    longest = "å" * 118 + ".samverkan"  # 246 bytes; with "-journal" 254
    too_long = "å" * 119 + ".samverkan"
    for _ in range(2):  # made, then added to (a write under its own name)
        done = run_cli("import", SEED, "--into", longest, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    with Store.open(tmp_path / longest) as store:
        assert len(store.notes()) == 2 * 216
        store.save_copy(tmp_path / too_long[:-20].replace("å", "ä"))
    refused = run_cli("import", SEED, "--into", too_long, cwd=tmp_path)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "för långt" in refused.stderr and "Traceback" not in refused.stderr
    with pytest.raises(StoreError, match="för långt"):
        Store.create(tmp_path / too_long)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [longest, too_long[:-20].replace("å", "ä")]
    )
