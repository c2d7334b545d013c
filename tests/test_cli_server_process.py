"""The real program on a workshop on a server, as an IT department would script it and as a
facilitator types it: a new process importing into the server and exporting from it, and one
on a real terminal (a pty) asking for a password that the server wants, without echoing it."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from samverkan_desktop.core.store import Store

from .program import run_program

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "vår-2022"


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_MESSAGES": "sv_SE.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("PGPASSFILE", None)
    # Whatever keyring the computer has stays untouched: one that holds nothing.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    return env


def _run(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_program(*args, cwd=cwd, env=_env())


def test_import_into_and_export_from_a_server_through_the_real_program(
    postgres_url, seed_path, tmp_path
):
    address = f"{postgres_url}?workshop=orebro"
    made = _run("import", seed_path, "--into", address, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    assert "i workshoppen orebro på" in made.stdout
    exported = _run("export", address, "--output", "orebro.json", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    notes = json.loads((tmp_path / "orebro.json").read_text(encoding="utf-8"))["notes"]
    assert len(notes) == 216
    missing = _run("info", f"{postgres_url}?workshop=saknas", cwd=tmp_path)
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1 and "ingen workshop som heter saknas" in missing.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a pty is POSIX")
def test_on_a_terminal_the_program_asks_for_the_password_and_does_not_echo_it(
    postgres_url, seed_path, password_role
):
    import pty

    with Store.create_url(postgres_url, key="motet"):
        pass
    role = password_role(PASSWORD)
    Store.grant(postgres_url, "motet", role, "reader")
    address = make_url(postgres_url).set(username=role).render_as_string(hide_password=False)
    argv = [sys.executable, "-m", "samverkan_desktop", "info", f"{address}?workshop=motet"]
    env = _env()
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the program, on the pty as its terminal
        try:
            os.chdir(REPO)
            os.execve(sys.executable, argv, env)
        finally:
            os._exit(127)
    seen = b""

    def read_until(done: bytes | None, seconds: float = 60) -> None:
        nonlocal seen
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (done is None or done not in seen):
            ready, _, _ = select.select([terminal], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(terminal, 4096)
                except OSError:  # the program ended and the pty closed
                    return
                if not chunk:
                    return
                seen += chunk

    try:
        read_until(f"Lösenord för {role}@".encode())
        assert f"Lösenord för {role}@".encode() in seen, seen
        os.write(terminal, PASSWORD.encode() + b"\n")
        read_until(None)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(terminal)
    out = seen.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, out
    assert "Workshop: motet på" in out and "Lappar: 0" in out
    assert PASSWORD not in out  # not echoed, not printed
