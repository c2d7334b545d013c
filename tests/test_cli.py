"""The command line as a facilitator (or a script) uses it: real files, real exit codes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from samverkan_desktop import cli
from samverkan_desktop.core import store_filewatch
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store, StoreError

REPO = Path(__file__).resolve().parents[1]


pytestmark = pytest.mark.usefixtures("swedish")  # these tests read the program's Swedish


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "samverkan_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or REPO,
        env=env,
        timeout=120,
    )


def call(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *words: str) -> None:
    assert err.startswith("samverkan-desktop: fel: "), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


@pytest.fixture
def workshop(seed_template: Path, tmp_path: Path) -> Path:
    """The seed imported by the command line (once per test process), copied for this test."""
    target = tmp_path / "orebro.samverkan"
    shutil.copyfile(seed_template, target)
    return target


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ------------------------------------------------------------------------ the real program
def test_import_info_export_through_the_real_command(seed_path: Path, tmp_path: Path):
    target = tmp_path / "orebro.samverkan"
    imported = run("import", seed_path, "--into", target)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr == ""
    out = imported.stdout
    assert "lappar från orebro-2021-11-10.txt i orebro.samverkan" in out
    assert "Grupper: 6" in out
    assert "Arbetsmarknad och inkludering grupp 1: 15 lappar" in out
    assert "Samtalsledare: Anette Valdemarsson, Fredrik Wouda" in out
    assert "Egna kluster: Trygghet (" in out
    assert "Varningar (" in out and "  rad " in out
    assert _files(tmp_path) == ["orebro.samverkan"]  # no temporary file, no journal

    info = run("info", target)
    assert info.returncode == 0, info.stderr
    notes = len(read_source(seed_path).notes)
    assert f"Lappar: {notes}" in info.stdout
    assert "Titel: Fördjupningsdag om samverkan" in info.stdout
    assert "Datum: 2021-11-10" in info.stdout
    assert f"Klustrade lappar: 99 av {notes}" in info.stdout

    exported = run("export", target, "--format", "json", "--output", tmp_path / "orebro.json")
    assert exported.returncode == 0, exported.stderr
    raw = json.loads((tmp_path / "orebro.json").read_text(encoding="utf-8"))
    assert raw["format"] == "samverkan-workshop" and len(raw["notes"]) == notes


def test_the_real_command_fails_with_one_line_and_no_traceback(tmp_path: Path):
    missing = run("import", tmp_path / "saknas.txt", "--into", tmp_path / "ws.samverkan")
    assert missing.returncode == 1
    assert_one_line_error(missing.stderr, "saknas.txt", "finns inte")
    assert _files(tmp_path) == []

    usage = run("export")
    assert usage.returncode == 2
    assert_one_line_error(usage.stderr, "saknas", "--help")


def test_help_is_in_swedish():
    result = run("--help")
    assert result.returncode == 0
    assert "användning: samverkan-desktop" in result.stdout
    assert "importera en transkribering" in result.stdout
    assert "usage:" not in result.stdout and "show this help" not in result.stdout


# ------------------------------------------------------------------------ import
def test_importing_again_adds_the_groups_right_of_what_is_there(workshop, seed_path, capsys):
    with Store.open(workshop, readonly=True) as store:
        before = store.document()
    code, out, err = call(capsys, "import", seed_path, "--into", workshop)
    assert code == 0, err
    assert "Lade till" in out and "importerats två gånger" in out
    assert "216 lappar har samma källa" in out and "216 av 216 lappar fanns redan" in out
    with Store.open(workshop, readonly=True) as store:
        after = store.document()
    assert len(after.groups) == 2 * len(before.groups)
    assert len(after.notes) == 2 * len(before.notes)
    right_edge = max(n.x for n in before.notes)
    old_ids = {n.id for n in before.notes}
    added = [n for n in after.notes if n.id not in old_ids]
    assert min(n.x for n in added) > right_edge
    assert after.notes[: len(before.notes)] == before.notes  # nothing old was touched


def test_a_different_transcript_adds_without_a_warning(workshop, tmp_path, capsys):
    other = tmp_path / "annan.txt"
    other.write_text("Grupp: Klimat\n- Cykelbanor året om\n- Fler laddstolpar\n", "utf-8")
    code, out, err = call(capsys, "import", other, "--into", workshop)
    assert code == 0, err
    assert "Lade till 2 lappar" in out and "Obs:" not in out


def test_a_json_export_imports_back_into_a_new_file(workshop, tmp_path, capsys):
    out_json = tmp_path / "ws.json"
    assert call(capsys, "export", workshop, "--output", out_json)[0] == 0  # format from suffix
    code, out, _ = call(capsys, "import", out_json, "--into", tmp_path / "kopia.samverkan")
    assert code == 0
    assert "från ws.json" in out
    with Store.open(workshop) as a, Store.open(tmp_path / "kopia.samverkan") as b:
        assert [n.text for n in a.notes()] == [n.text for n in b.notes()]
        assert [(n.x, n.y) for n in a.notes()] == [(n.x, n.y) for n in b.notes()]


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize(
    ("make_source", "words"),
    [
        (lambda d: d / "saknas.txt", ("saknas.txt", "finns inte")),
        (lambda d: d, ("mapp",)),
        (
            lambda d: _write(d / "bild.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
            ("bild.png", "textfil"),
        ),
        (lambda d: _write(d / "anteckningar.docx", b"PK\x03\x04" + bytes(64)), ("Word",)),
        (lambda d: _write(d / "tom.txt", b""), ("tom.txt är tom",)),
        (
            lambda d: _write(d / "trasig.json", b'{"format": "samverkan-workshop",'),
            ("trasig.json", "ogiltig JSON"),
        ),
        (
            lambda d: _write(d / "ny.json", b'{"format": "samverkan-workshop", "version": 7}'),
            ("nyare version",),
        ),
        (
            lambda d: _write(
                d / "hängande.json",
                json.dumps(
                    {
                        "format": "samverkan-workshop",
                        "version": 1,
                        "notes": [{"id": 1, "text": "a", "group_id": 3}],
                    }
                ).encode(),
            ),
            ("notes[0].group_id", "grupp 3"),
        ),
    ],
)
def test_a_failed_import_changes_nothing(workshop, tmp_path, capsys, make_source, words):
    sources = tmp_path / "källor"
    sources.mkdir()
    source = make_source(sources)
    before = _bytes(workshop)
    code, out, err = call(capsys, "import", source, "--into", workshop)
    assert code == 1
    assert out == ""
    assert_one_line_error(err, *words)
    assert _bytes(workshop) == before
    assert _files(workshop.parent) == ["källor", "orebro.samverkan"]

    new = tmp_path / "ny.samverkan"
    code, _, err = call(capsys, "import", source, "--into", new)
    assert code == 1
    assert not new.exists()
    assert _files(tmp_path) == ["källor", "orebro.samverkan"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_store_failure_halfway_through_leaves_the_file_as_it_was(
    workshop, seed_path, tmp_path, capsys, monkeypatch
):
    original = Store.add_document

    def fails_after_writing(self: Store, doc):
        with self.transaction():
            original(self, doc)  # everything written ...
            raise StoreError("Kunde inte spara i orebro.samverkan: disk I/O error")  # ... then this

    monkeypatch.setattr(Store, "add_document", fails_after_writing)
    before = _bytes(workshop)
    code, out, err = call(capsys, "import", seed_path, "--into", workshop)
    assert code == 1
    assert_one_line_error(err, "disk I/O error")
    assert _bytes(workshop) == before

    # A new file is written by core.store_new: its last write in the document's transaction,
    # the change log row, fails after the rest is in.
    original_log = store_filewatch.log

    def log_fails(conn, *args):
        original_log(conn, *args)
        raise StoreError("Kunde inte spara i ny.samverkan: disk I/O error")

    monkeypatch.setattr(store_filewatch, "log", log_fails)
    new = tmp_path / "ny.samverkan"
    code, _, err = call(capsys, "import", seed_path, "--into", new)
    assert code == 1
    assert_one_line_error(err, "disk I/O error")
    assert not new.exists()
    assert _files(tmp_path) == ["orebro.samverkan"]  # the half-built temporary file is gone


@pytest.mark.parametrize("kind", ["text", "sqlite", "newer"])
def test_import_into_a_file_that_is_not_a_workshop_changes_nothing(
    kind, tmp_path, seed_path, capsys
):
    target = tmp_path / "mål.samverkan"
    if kind == "text":
        target.write_text("inte en workshop\n", encoding="utf-8")
        words = ("ingen Samverkan-workshopfil",)
    elif kind == "sqlite":
        con = sqlite3.connect(target)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        words = ("SQLite-databas",)
    else:
        Store.create(target).close()
        con = sqlite3.connect(target)
        con.execute("UPDATE alembic_version SET version_num = '0999'")
        con.commit()
        con.close()
        words = ("nyare version",)
    before = _bytes(target)
    code, out, err = call(capsys, "import", seed_path, "--into", target)
    assert code == 1
    assert_one_line_error(err, "mål.samverkan", *words)
    assert _bytes(target) == before
    # info and export refuse it the same way
    for args in (("info", target), ("export", target, "--output", tmp_path / "x.json")):
        code, _, err = call(capsys, *args)
        assert code == 1
        assert_one_line_error(err, *words)
    assert _bytes(target) == before
    assert _files(tmp_path) == ["mål.samverkan"]


def test_import_into_a_missing_folder(seed_path, tmp_path, capsys):
    code, _, err = call(capsys, "import", seed_path, "--into", tmp_path / "saknas" / "ws.samverkan")
    assert code == 1
    assert_one_line_error(err, "finns inte")


# ------------------------------------------------------------------------ info
def test_info_summarises_without_changing_the_file(workshop, capsys):
    with Store.open(workshop) as store:
        notes = store.notes()
        store.update_notes({notes[0].id: {"personal_data": True}, notes[1].id: {"uncertain": True}})
    before = _bytes(workshop)
    code, out, err = call(capsys, "info", workshop)
    assert code == 0 and err == ""
    assert "Fil: orebro.samverkan" in out
    assert "Grupper: 6" in out and "Kluster: 16" in out
    assert "Personuppgifter: 2" in out and "Osäkra: 4" in out
    assert "Klimat: 30 lappar" in out
    assert _bytes(workshop) == before
    assert _files(workshop.parent) == ["orebro.samverkan"]


def test_info_on_a_transcript_says_to_import_it(seed_path, capsys):
    code, _, err = call(capsys, "info", seed_path)
    assert code == 1
    assert_one_line_error(err, "importera den först")


def test_info_on_a_missing_file(tmp_path, capsys):
    code, _, err = call(capsys, "info", tmp_path / "saknas.samverkan")
    assert code == 1
    assert_one_line_error(err, "finns inte")


# ------------------------------------------------------------------------ export
def test_export_redact_leaves_out_personal_data(workshop, tmp_path, capsys):
    with Store.open(workshop) as store:
        secret = store.notes()[5]
        store.update_note(secret.id, personal_data=True)
    out_json = tmp_path / "ws.json"
    code, out, _ = call(
        capsys, "export", workshop, "--format", "json", "--output", out_json, "--redact"
    )
    assert code == 0
    assert "dolda" in out
    text = out_json.read_text(encoding="utf-8")
    assert json.dumps(secret.text, ensure_ascii=False) not in text
    assert "[Personuppgifter borttagna]" in text


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--format", "xls", "--output", "{out}/ws.xls"], 2, ("okänt format", "json")),
        (["--output", "{out}/ws.xls"], 2, ("--format",)),
        (["--format", "json", "--output", "{out}/saknas/ws.json"], 1, ("finns inte",)),
        (["--format", "json", "--output", "{out}"], 1, ("mapp",)),
        (["--format", "json", "--output", "{ws}"], 1, ("samma fil",)),
        (["--format", "json"], 2, ("--output",)),
    ],
)
def test_export_errors(workshop, tmp_path, capsys, args, code, words):
    before = _bytes(workshop)
    args = [a.format(out=tmp_path, ws=workshop) for a in args]
    got, out, err = call(capsys, "export", workshop, *args)
    assert got == code
    assert out == ""
    assert_one_line_error(err, *words)
    assert _bytes(workshop) == before
    assert _files(tmp_path) == ["orebro.samverkan"]


def test_export_overwrites_an_earlier_export(workshop, tmp_path, capsys):
    out_json = tmp_path / "ws.json"
    out_json.write_text("gammal", encoding="utf-8")
    assert call(capsys, "export", workshop, "--output", out_json)[0] == 0
    assert json.loads(out_json.read_text(encoding="utf-8"))["version"] == 1
    assert _files(tmp_path) == ["orebro.samverkan", "ws.json"]


# ------------------------------------------------------------------------ usage and the GUI
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["import"], ("KÄLLA", "--into")),
        (["import", "a.txt"], ("--into",)),
        (["info"], ("FIL",)),
        (["info", "a", "b"], ("okända argument",)),
        (["export", "ws.samverkan", "--redact=ja", "--output", "x.json"], ("--redact",)),
        (["ws.samverkan", "extra"], ("okända argument",)),
        (["--okänd"], ("okända argument",)),
    ],
)
def test_usage_errors_exit_2_with_one_swedish_line(capsys, args, words):
    code, out, err = call(capsys, *args)
    assert code == 2
    assert out == ""
    assert_one_line_error(err, "--help", *words)


def test_without_a_command_the_program_opens(monkeypatch, tmp_path):
    opened: list[tuple[str | None, bool]] = []
    app = types.ModuleType("samverkan_desktop.ui.app")
    app.main = lambda path=None, sample=False, **_: opened.append((path, sample)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "samverkan_desktop.ui.app", app)
    assert cli.main([]) == 0
    assert cli.main([str(tmp_path / "ws.samverkan")]) == 0
    assert cli.main(["--sample"]) == 0
    assert opened == [(None, False), (str(tmp_path / "ws.samverkan"), False), (None, True)]


def test_version(capsys):
    code, out, _ = call(capsys, "--version")
    assert code == 0 and out.startswith("samverkan-desktop ")


def test_every_registered_format_is_offered_and_report_options_reach_the_writer(
    workshop, tmp_path, capsys
):
    code, out, _ = call(capsys, "export", "--help")
    assert code == 0
    for name in ("json", "csv", "md", "docx", "pdf", "png", "svg"):
        assert f"  {name} " in out
    csv_file = tmp_path / "lappar.csv"
    code, _, err = call(capsys, "export", workshop, "-o", csv_file, "--separator", ";")
    assert code == 0, err
    assert ";" in csv_file.read_text(encoding="utf-8-sig").splitlines()[0]
    md_file = tmp_path / "rapport.md"
    assert call(capsys, "export", workshop, "-o", md_file, "--language", "en")[0] == 0
    assert "Cluster report" in md_file.read_text(encoding="utf-8")
    code, _, err = call(capsys, "export", workshop, "-o", tmp_path / "x.json", "--separator", ";")
    assert code == 2
    assert_one_line_error(err, "--separator gäller inte formatet json")


def test_the_drawn_formats_export_through_the_real_command(workshop, tmp_path):
    # In a separate process: the PDF and PNG writers start their own headless Qt application.
    pdf = run(
        "export", workshop, "--format", "pdf", "--output", tmp_path / "rapport.pdf", "--redact"
    )
    assert pdf.returncode == 0, pdf.stderr
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    png = run("export", workshop, "--output", tmp_path / "tavla.png")
    assert png.returncode == 0, png.stderr
    assert (tmp_path / "tavla.png").read_bytes().startswith(b"\x89PNG")
    assert _files(tmp_path) == ["orebro.samverkan", "rapport.pdf", "tavla.png"]


# ------------------------------------------------------------------------ report failures, names
def test_report_into_an_unwritable_folder_is_one_line_and_writes_nothing(workshop, run_cli, qapp):
    # /proc takes no new files, even from root.
    result = run_cli("export", workshop, "--format", "pdf", "--output", "/proc/rapport.pdf")
    assert result.returncode == 1 and result.stdout == ""
    assert_one_line_error(result.stderr, "Kan inte skriva i /proc")
    assert not Path("/proc/rapport.pdf").exists()


def test_report_over_a_file_open_in_a_reader_keeps_it(workshop, tmp_path, capsys, monkeypatch):
    old = tmp_path / "rapport.docx"
    old.write_bytes(b"gammal rapport")
    replace = os.replace

    def locked(src, dst):
        if Path(dst) == old:  # what Windows does to a file open in Word
            raise PermissionError(13, "Access is denied", str(dst))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    code, out, err = call(capsys, "export", workshop, "--output", old)
    assert code == 1 and out == ""
    assert_one_line_error(err, "Kunde inte ersätta rapport.docx", "öppen i ett annat program")
    assert old.read_bytes() == b"gammal rapport"
    assert _files(tmp_path) == ["orebro.samverkan", "rapport.docx"]


def test_redact_also_removes_names_saved_in_the_file_and_given_on_the_line(
    workshop, tmp_path, run_cli
):
    from samverkan_desktop.core.export.redact import NAMES_META_KEY

    with Store.open(workshop) as store:
        store.add_note("Kalle Ek och Stina Berg ordnar lokalen; Åke Lind bjuder på fika")
        store.set_meta(NAMES_META_KEY, "Kalle Ek\nStina Berg")
    out = tmp_path / "rapport.md"
    result = run_cli("export", workshop, "-o", out, "--redact", "--redact-name", "Åke Lind")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    for name in ("Kalle", "Stina", "Åke", "Lind", "Anette Valdemarsson", "ah@hma.se"):
        assert name not in text, name
    assert "ordnar lokalen" in text
    plain = tmp_path / "plain.md"
    assert run_cli("export", workshop, "-o", plain).returncode == 0
    assert "Kalle Ek och Stina Berg" in plain.read_text(encoding="utf-8")


def test_redact_name_without_redact_is_a_usage_error(workshop, tmp_path, capsys):
    code, out, err = call(
        capsys, "export", workshop, "-o", tmp_path / "x.md", "--redact-name", "Kalle Ek"
    )
    assert code == 2 and out == ""
    assert_one_line_error(err, "--redact-name", "--redact")
    assert _files(tmp_path) == ["orebro.samverkan"]
