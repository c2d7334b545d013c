"""The PyInstaller folder as a council laptop gets it: started headless with no network and no
Python of ours around, it imports the sample it carries, writes the PDF report, suggests
clusters and places notes from its Swedish dictionaries, its window opens a workshop without
a crash, and it reads and writes a workshop on a PostgreSQL server (its own libpq, through the
throwaway server's Unix socket, which the missing network does not hide).

`make bundle-test` builds dist/samverkan-desktop/ and runs this file with SAMVERKAN_BUNDLE set
to it (.ci/run does so after `make test`); without that variable these tests are skipped.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BUNDLE = os.environ.get("SAMVERKAN_BUNDLE", "")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not BUNDLE, reason="needs the PyInstaller bundle: make bundle-test"),
]
SAMPLE = "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"


@pytest.fixture(scope="module")
def program() -> Path:
    folder = Path(BUNDLE).resolve()
    exe = folder / ("samverkan-desktop.exe" if sys.platform == "win32" else "samverkan-desktop")
    assert exe.is_file(), f"no bundle at {folder}: run make bundle"
    return exe


@pytest.fixture(scope="module")
def sample(program: Path) -> Path:
    """The sample as the bundle carries it (PyInstaller puts data under _internal/)."""
    (path,) = program.parent.glob(f"*/{SAMPLE}")
    return path


def test_bundle_imports_the_sample_and_writes_its_pdf(
    program: Path, sample: Path, offline, tmp_path: Path, pdf_text, sample_texts
) -> None:
    imported = offline([program, "import", sample, "--into", "w.samverkan"], cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert (tmp_path / "w.samverkan").is_file()
    exported = offline(
        [program, "export", "w.samverkan", "--format", "pdf", "--output", "r.pdf"], cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    text = pdf_text(tmp_path / "r.pdf")
    for line in sample_texts:
        assert line in text
    # Suggestions read simplemma's Swedish lemmas and our stop words from inside the bundle.
    suggested = offline([program, "suggest", "w.samverkan", "--json"], cwd=tmp_path)
    assert suggested.returncode == 0, suggested.stderr
    found = json.loads(suggested.stdout)["suggestions"]
    assert found and all(s["note_ids"] and s["name"] for s in found)
    # Placing the rest reads wordfreq's Swedish lists and the synonyms from the bundle too.
    placed = offline([program, "suggest", "w.samverkan", "--place", "--json"], cwd=tmp_path)
    assert placed.returncode == 0, placed.stderr
    placements = json.loads(placed.stdout)["placements"]
    assert placements and any(p["terms"] for p in placements)
    for result in (imported, exported, suggested, placed):
        assert "Traceback" not in result.stderr


def test_bundle_window_opens_a_workshop_and_keeps_running(
    program: Path, sample: Path, offline, tmp_path: Path
) -> None:
    """The GUI, offscreen: it opens the file (takes its write lock, makes the backup it makes
    on opening), stays up, and prints no traceback. There is no window to close from here,
    so it is stopped with SIGTERM once it has shown it works."""
    made = offline([program, "import", sample, "--into", "w.samverkan"], cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    env = offline.env  # type: ignore[attr-defined]
    backups = Path(env["SAMVERKAN_DATA_DIR"]) / "backups"

    def backups_made() -> set[Path]:
        return set(backups.rglob("*.samverkan")) if backups.exists() else set()

    before = backups_made()
    err = tmp_path / "gui.err"
    with err.open("w", encoding="utf-8") as stderr:
        gui = subprocess.Popen(
            [*offline.prefix, str(program), "w.samverkan"],  # type: ignore[attr-defined]
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and gui.poll() is None:
                if backups_made() - before:
                    break
                time.sleep(0.2)
            assert gui.poll() is None, f"the window ended early:\n{err.read_text('utf-8')}"
            assert backups_made() - before, "the window did not open the workshop in 60 s"
            assert (tmp_path / ".~lock.w.samverkan#").is_file()
            time.sleep(3)  # painting, the suggestion worker, the first timers
            assert gui.poll() is None, f"the window ended:\n{err.read_text('utf-8')}"
        finally:
            if gui.poll() is None:
                gui.send_signal(signal.SIGTERM)
            gui.wait(timeout=30)
    assert "Traceback" not in err.read_text("utf-8"), err.read_text("utf-8")


def test_bundle_reads_a_workshop_on_a_server_through_a_unix_socket(
    program: Path, sample: Path, offline, tmp_path: Path, postgres_server, password_role
) -> None:
    """psycopg with its own libpq, SQLAlchemy's and Alembic's PostgreSQL parts, from inside the
    bundle and with no network: the throwaway server's Unix socket is a file, which the network
    namespace does not hide. The password of a role that needs one comes from PGPASSFILE (the
    bundle's libpq reads it); without it, one line. keyring's backends are in the bundle."""
    from PyInstaller.archive.readers import pkg_archive_contents

    name = postgres_server.new_database().rsplit("/", 1)[1]
    socket = f"postgresql:///{name}?host={postgres_server.folder}&port={postgres_server.port}"
    workshop = f"{socket}&user=postgres&workshop=orebro"
    imported = offline([program, "import", sample, "--into", workshop], cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    info = offline([program, "info", workshop], cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    assert info.stdout.startswith("Workshop: orebro på postgresql:///")
    assert "Lappar: 216" in info.stdout

    role = password_role("bundlad")
    import psycopg

    with psycopg.connect(postgres_server.url.rsplit("/", 1)[0] + f"/{name}") as conn:
        conn.execute(f"GRANT USAGE ON SCHEMA orebro TO {role}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA orebro TO {role}")
    as_role = f"{socket}&user={role}&workshop=orebro"
    refused = offline([program, "info", as_role], cwd=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and f"vill ha ett lösenord för {role}" in refused.stderr
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{role}:bundlad\n")
    pgpass.chmod(0o600)
    offline.env["PGPASSFILE"] = str(pgpass)  # type: ignore[attr-defined]
    try:
        read = offline([program, "info", as_role], cwd=tmp_path)
    finally:
        del offline.env["PGPASSFILE"]  # type: ignore[attr-defined]
    assert read.returncode == 0, read.stderr
    assert "Lappar: 216" in read.stdout
    for result in (imported, info, refused, read):
        assert "Traceback" not in result.stderr

    carried = set(pkg_archive_contents(str(program)))
    backends = {"SecretService", "Windows", "macOS", "kwallet", "chainer", "null", "fail"}
    assert {f"keyring.backends.{b}" for b in backends} <= carried
    assert {
        "psycopg",
        "sqlalchemy.dialects.postgresql.psycopg",
        "alembic.ddl.postgresql",
    } <= carried
