"""The throwaway PostgreSQL server the tests start (tests/conftest.py's PostgresServer, from the
same pgserver wheel), for the bench scripts that want a server and were given none
(load_test.py without --url, bench_presence.py). Run from a script in bench/: its folder is
then on sys.path, so `from throwaway_server import throwaway_server`."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def throwaway_server():  # noqa: ANN201 - the tests' own class
    """A started server (its new_database() gives a URL; stop() ends it), or SystemExit with
    one line when the PostgreSQL binaries are not installed."""
    spec = importlib.util.spec_from_file_location(
        "samverkan_test_postgres", REPO / "tests" / "conftest.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    binaries = module._postgres_binaries()
    if binaries is None:
        raise SystemExit("no PostgreSQL binaries: install the test extra (pgserver)")
    server = module.PostgresServer(binaries)
    server.start()
    return server
