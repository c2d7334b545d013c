"""Test set-up shared by every test: headless Qt and no writes to the user's real settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Set before anything imports Qt: tests must not depend on the caller's environment.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Backups and other per-user files go to a fresh folder, never the user's real one
    (subprocesses of the test inherit it through the environment)."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("SAMVERKAN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """`run_cli(*args, cwd=None)`: the command line's `main` in this process, reported as
    `subprocess.run` reports the real program (exit code, stdout, stderr), but without starting
    a new Python for each call (about half a second each). Tests of a refusal or an output use
    it; each command keeps one test through the real program in a new process, and tests that
    need a process of their own (a lock held, a kill, a resource limit) keep theirs."""
    from samverkan_desktop import cli

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        argv = [str(a) for a in args]
        capsys.readouterr()  # what the test printed before is not the program's
        with monkeypatch.context() as patch:
            if cwd is not None:
                patch.chdir(cwd)
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # as `python -m samverkan_desktop` would exit
                code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["samverkan-desktop", *argv], code, out, err)

    return run


_HOLD = """
import sys
from samverkan_desktop.core.store import Store
store = Store.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
store.close()
print("closed", flush=True)
"""


class Holder:
    """Another program with a workshop open for writing: a real process, closed on request."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _HOLD, str(path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        line = self.process.stdout.readline()
        assert line.strip() == "ready", self.process.stderr.read()
        self.pid = self.process.pid

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            assert self.process.stdout.readline().strip() == "closed"
        self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


@pytest.fixture
def hold_open():
    """`hold_open(path)`: a separate process opens the workshop for writing and keeps it open
    until `.close()` (or the end of the test)."""
    holders: list[Holder] = []

    def start(path: Path) -> Holder:
        holder = Holder(path)
        holders.append(holder)
        return holder

    yield start
    for holder in holders:
        holder.close()
