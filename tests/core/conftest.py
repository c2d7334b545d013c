"""Fixtures for core tests that need odd things on disk, and a real PostgreSQL server."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest


class Pipe:
    """A named pipe that nobody writes to. Code that opens it to read would wait forever; a
    helper thread lets such a reader go after `GRACE` seconds, so a regression fails the test
    (`elapsed()` is too long) instead of hanging the run."""

    GRACE = 2.0

    def __init__(self, path: Path) -> None:
        self.path = path
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._release_readers, daemon=True)
        self._thread.start()

    def _release_readers(self) -> None:
        self._stop.wait(self.GRACE)
        while not self._stop.is_set():
            try:  # succeeds only while a reader waits in open(); it then reads end-of-file
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
            self._stop.wait(0.05)

    def elapsed(self) -> float:
        return time.monotonic() - self._started

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


@pytest.fixture
def pipe(tmp_path: Path) -> Iterator[Pipe]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are a POSIX thing")
    path = tmp_path / "rör.txt"
    os.mkfifo(path)
    p = Pipe(path)
    yield p
    p.stop()


def crashed_copy(source: Path, target: Path) -> None:
    """Leave `target` as a crash in the middle of a large write to a copy of `source` leaves it:
    partly overwritten, with its hot journal beside it (`source` may be `target`)."""
    folder = Path(tempfile.mkdtemp(prefix="samverkan-crash-"))
    working = folder / "working.samverkan"
    shutil.copyfile(source, working)
    con = sqlite3.connect(working, isolation_level=None)
    try:
        con.execute("PRAGMA cache_size=1")  # spill changed pages into the file before commit
        con.execute("BEGIN")
        con.execute("UPDATE notes SET text = 'HALVSKRIVEN'")
        con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                        ((f"k{i}", "x" * 3000) for i in range(100)))
        shutil.copyfile(working, target)
        journal = target.with_name(target.name + "-journal")
        shutil.copyfile(folder / "working.samverkan-journal", journal)
    finally:
        con.execute("ROLLBACK")
        con.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def crash():
    """`crash(source, target)`: see `crashed_copy`."""
    return crashed_copy


# ------------------------------------------------------------------------ a PostgreSQL server
def _postgres_binaries() -> Path | None:
    """The folder of initdb, pg_ctl and postgres: the pgserver wheel's (a test dependency, so
    `make test` has it on a fresh machine; found without importing it, which would set up
    things of its own), else a system installation (Debian's postgresql)."""
    spec = importlib.util.find_spec("pgserver")
    if spec is not None and spec.origin:
        found = Path(spec.origin).parent / "pginstall" / "bin"
        if (found / "pg_ctl").exists():
            return found
    system = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: p.parts[-3])
    return system[-1].parent if system else None


class PostgresServer:
    """A throwaway PostgreSQL cluster in a temporary folder, on a free local port, trusting
    local logins (nothing else can reach it). PostgreSQL refuses to run as root, so under root
    (CI) it runs as the user `nobody`; from a copy of the binaries when that user cannot reach
    them where they are installed."""

    def __init__(self, binaries: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="samverkan-pg-"))
        self._as: dict[str, object] = {}
        self.bin = binaries
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            import pwd

            nobody = pwd.getpwnam("nobody")
            os.chmod(self.folder, 0o755)
            self._as = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
            self._owner = (nobody.pw_uid, nobody.pw_gid)
            try:
                self._run(self.bin / "initdb", "--version")
            except (OSError, RuntimeError):
                self.bin = self._copy_binaries(binaries)
        self.data = self.folder / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _copy_binaries(self, binaries: Path) -> Path:
        """pgserver's binaries find their libraries at ../../../pgserver.libs: copied as laid."""
        install = binaries.parent
        package = install.parent
        shutil.copytree(install, self.folder / package.name / install.name, symlinks=True)
        libs = package.parent / f"{package.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, self.folder / libs.name, symlinks=True)
        return self.folder / package.name / install.name / binaries.name

    def _run(self, *args: object) -> None:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"}
        done = subprocess.run(
            [str(a) for a in args], capture_output=True, text=True, env=env, timeout=60,
            **self._as,  # type: ignore[arg-type]
        )
        if done.returncode:
            log = self.folder / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()}\n{tail}")

    def start(self) -> None:
        """Make the cluster (the first time) and start the server; back at once when it was
        only halted."""
        if not self.data.exists():
            self.data.mkdir()
            if self._as:
                for path in (self.data, self.folder):
                    os.chown(path, *self._owner)
            self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--no-sync", "--no-instructions")
        # Speed over durability: the cluster is thrown away with the test run.
        options = (f"-p {self.port} -h 127.0.0.1 -k {self.folder} -F "
                   "-c full_page_writes=off -c synchronous_commit=off -c max_connections=200")
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.folder / "log", "-w",
                  "-t", "60", "-o", options, "start")

    def halt(self) -> None:
        """Stop the server, as a council's IT department or a crash might: every connection
        is cut; `start` brings it back with its data."""
        if (self.data / "postmaster.pid").exists():
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        try:
            self.halt()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def new_database(self) -> str:
        """A fresh, empty database on the server; its URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + f"/{name}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _no_server(reason: str) -> NoReturn:
    """Skip a test that needs a server where none can be had; in CI, which installs the test
    extra (pgserver), fail instead: there a missing server is a broken set-up."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _started_server() -> PostgresServer:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_server("psycopg is not installed (pip install 'psycopg[binary]')")
    binaries = _postgres_binaries()
    if binaries is None:
        _no_server("no PostgreSQL binaries: install the test extra (pgserver) or postgresql")
    server = PostgresServer(binaries)
    try:
        server.start()
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        server.stop()
        _no_server(f"the PostgreSQL server did not start: {exc}")
    return server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole run, started on first use and stopped at the end.
    Tests that need it are skipped, saying why, where no server can be had."""
    server = _started_server()
    yield server
    server.stop()


@pytest.fixture
def own_postgres_server() -> Iterator[PostgresServer]:
    """A server of this test's own, which it may halt and start again."""
    server = _started_server()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a database of its own for this test, on the session's server."""
    return postgres_server.new_database()
