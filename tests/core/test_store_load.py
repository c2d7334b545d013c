"""bench/load_test.py (issue 14's load test) at a small size: clients in processes of their own
on one server workshop, one killed and started again, and every check of the full run (views
equal the database, no lost update, each note holds its last logged edit). `make load-test`
runs it at full size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load_test.py"


def test_a_small_load_test_passes_every_check(postgres_server):
    """As `make load-test` runs it: no --url, so the script starts a throwaway server of its
    own from the same binaries (`postgres_server` only says whether there are any)."""
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--clients",
            "3",
            "--edits",
            "150",
            "--notes",
            "60",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "killed halfway and started again" in done.stdout
    assert "all checks passed" in done.stdout
    assert "refused as based on an old version" in done.stdout
