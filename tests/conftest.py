"""Test set-up shared by every test: headless Qt, no writes to the user's real settings, and a
throwaway PostgreSQL server for the tests of workshops on a server (core and ui)."""

from __future__ import annotations

import atexit
import gc
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

# Set before anything imports Qt: tests must not depend on the caller's environment.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")


def _private_home() -> Path:
    """A home folder of this test process's own (each xdist worker is one), made before Qt or
    anything else reads HOME: the settings, documents, data and keyrings of the program and of
    the subprocesses a test starts land there, never in the user's real ones nor in another
    worker's. The caches stay where they were (fonts are not indexed again per process)."""
    real_cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    home = Path(tempfile.mkdtemp(prefix="samverkan-test-home-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CACHE_HOME"] = real_cache
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ.pop(variable, None)
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return home


HOME = _private_home()

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
def swedish(monkeypatch) -> None:
    """The program speaks Swedish, whatever the locale of the one running the tests."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_MESSAGES", "sv_SE.UTF-8")


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory) -> Path:
    """The seed imported by the command line into a workshop file, once per test process:
    copy it before changing it."""
    from samverkan_desktop import cli

    target = tmp_path_factory.mktemp("mall") / "orebro.samverkan"
    assert cli.main(["import", str(SEED), "--into", str(target)]) == 0
    return target


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
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONPATH": str(REPO)},
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
        self._served = False

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
            [str(a) for a in args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
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
            self._run(
                self.bin / "initdb",
                "-D",
                self.data,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
                "--no-instructions",
            )
        # The free port was only free when asked: another test process (xdist worker) or a
        # connection may take it before the server binds it. The first start then takes
        # another port; a start after `halt` keeps its port, as the URL given out names it.
        for attempt in range(5):
            try:
                self._start_on_port()
            except RuntimeError as exc:
                if self._served or attempt == 4 or "could not bind" not in str(exc):
                    raise
                self.port = _free_port()
                self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
            else:
                self._served = True
                return

    def _start_on_port(self) -> None:
        # Speed over durability: the cluster is thrown away with the test run.
        options = (
            f"-p {self.port} -h 127.0.0.1 -k {self.folder} -F "
            "-c full_page_writes=off -c synchronous_commit=off -c max_connections=200"
        )
        self._run(
            self.bin / "pg_ctl",
            "-D",
            self.data,
            "-l",
            self.folder / "log",
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )

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


_PASSWORD_GROUP = "samverkan_password_logins"


@pytest.fixture
def password_role(postgres_server: PostgresServer):
    """`password_role(password) -> name`: a new login role on the session's server that must
    give its password (scram-sha-256), where every other login is trusted. The server is told
    so once: a pg_hba.conf line for the members of one group role, ahead of the trust lines."""
    import psycopg

    with psycopg.connect(postgres_server.url, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [_PASSWORD_GROUP])
        if not found.fetchone():
            conn.execute(f"CREATE ROLE {_PASSWORD_GROUP} NOLOGIN")
            hba = postgres_server.data / "pg_hba.conf"
            rule = f"host all +{_PASSWORD_GROUP} all scram-sha-256\n"
            rule += f"local all +{_PASSWORD_GROUP} scram-sha-256\n"
            hba.write_text(rule + hba.read_text())
            conn.execute("SELECT pg_reload_conf()")

    def make(password: str) -> str:
        name = f"pw_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(postgres_server.url, autocommit=True) as conn:
            conn.execute(
                f"CREATE ROLE {name} LOGIN PASSWORD '{password}' IN ROLE {_PASSWORD_GROUP}"
            )
        return name

    return make


@pytest.fixture
def memory_keyring():
    """The operating system's keyring, for this test, is one in memory (`.passwords`): nothing
    is read from or written to the user's. Afterwards, a keyring that holds nothing."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.backends import null

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.passwords: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.passwords.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.passwords[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.passwords.pop((service, username), None)

    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(null.Keyring())


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a database of its own for this test, on the session's server."""
    return postgres_server.new_database()


# ---------------------------------------------------------------- the suite on every core (xdist)
# `make test` runs xdist with --dist loadgroup: each test goes to whichever worker is free, a
# group stays on one worker. A module whose tests share a module- or class-scoped fixture (a
# report written once, a big workshop built once) is one group, so that the fixture is made
# once and its tests run in their order. xdist marks a group by changing the test's nodeid,
# which pytest 9 no longer allows (the marker is silently ignored); so the workers write the
# groups to a file that the controller's scheduler (below) reads.
_SHARED_SCOPES = ("class", "module", "package")
_GROUPS = "SAMVERKAN_TEST_GROUPS"  # the file, named by the controller for its workers


def pytest_configure(config: pytest.Config) -> None:
    if getattr(config.option, "dist", "no") == "loadgroup" and _GROUPS not in os.environ:
        folder = Path(tempfile.mkdtemp(prefix="samverkan-test-groups-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ[_GROUPS] = str(folder / "groups.json")  # the workers start after this


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In an xdist worker under loadgroup: group the modules that share a fixture (see above)
    and tell the controller; the slow tests (with the rest of their group) go first, so that
    the long ones do not start last while the other workers have nothing left to do."""
    if not getattr(config.option, "loadgroup", False):  # set in xdist's workers for loadgroup
        return
    groups: dict[str, str] = {}
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        if info is None:
            continue
        if any(defs[-1].scope in _SHARED_SCOPES for defs in info.name2fixturedefs.values()):
            groups[item.nodeid] = item.nodeid.split("::")[0]
    grouped = {item.path for item in items if item.nodeid in groups}
    slow = {item.path for item in items if item.get_closest_marker("slow")}

    def first(item: pytest.Item) -> bool:
        return bool(item.get_closest_marker("slow")) or item.path in grouped & slow

    items.sort(key=lambda item: not first(item))  # stable: otherwise as collected
    if _GROUPS in os.environ:  # every worker writes the same; the controller reads it later
        target = Path(os.environ[_GROUPS])
        part = target.with_name(f"{target.name}.{os.getpid()}")
        part.write_text(json.dumps(groups), encoding="utf-8")
        os.replace(part, target)


@pytest.hookimpl(optionalhook=True)  # known only while xdist is loaded (not with -p no:xdist)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """xdist's loadscope scheduling with our groups: a test of a grouped module goes with its
    module, every other test on its own."""
    if config.getvalue("dist") != "loadgroup" or _GROUPS not in os.environ:
        return None
    from xdist.scheduler import LoadScopeScheduling

    target = Path(os.environ[_GROUPS])

    class GroupScheduling(LoadScopeScheduling):  # type: ignore[misc]
        _groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self._groups is None:  # read once every worker has collected
                found = target.read_text("utf-8") if target.exists() else "{}"
                self._groups = json.loads(found)
            return self._groups.get(nodeid, nodeid)

    return GroupScheduling(config, log)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is alive once the tests are collected (Qt, SQLAlchemy, every test module: over
    100,000 objects) lives to the end: frozen, the garbage collector stops walking it again in
    every full collection, and it collects less often (a test makes many short-lived objects,
    few cycles). Measured on three UI and store files: 2.9 s of 16 s CPU in the collector
    before, 1.0 s after."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


@pytest.fixture
def collections():
    """Every collection the collector starts while the test runs."""
    started: list[int] = []

    here = threading.get_ident()

    def note(phase: str, info: dict) -> None:
        if phase == "start" and threading.get_ident() == here:  # (not a thread left running)
            started.append(info["generation"])

    # As the program runs: Python's own thresholds (the suite collects less often, conftest.py).
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    gc.callbacks.append(note)
    yield started
    gc.callbacks.remove(note)
    gc.set_threshold(*thresholds)
