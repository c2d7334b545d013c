"""The import, cold-start and store-write benchmarks (issue 10) in their quick mode, so that
they cannot rot: they run, produce every figure beside its floor, and the command they time did
its work. What the figures are is the benchmark's business, never a test's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Each benchmark in a new process, a few seconds each: `make test` and .ci/run still run them.
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_import_benchmark_at_1k(tmp_path: Path):
    figures = tmp_path / "import.json"
    out = _run(
        "bench_import.py", "--no-inputs", "--sizes", "1000", "--runs", "1", "--json", str(figures)
    )
    (row,) = json.loads(figures.read_text(encoding="utf-8"))["scale"]
    assert row["notes"] == 1000  # the benchmark checks the imported file holds them all
    for key in ("cli_import_s", "load_s", "store_s", "store_floor_s", "read_s", "read_floor_s"):
        assert row[key] > 0
    assert "SELECT *" in out and "floor" in out


def test_the_cold_start_benchmark(tmp_path: Path):
    figures = tmp_path / "start.json"
    out = _run("bench_cli_start.py", "--runs", "1", "--json", str(figures))
    result = json.loads(figures.read_text(encoding="utf-8"))
    assert set(result["median_s"]) >= {"info", "floor: import sqlalchemy.orm"}
    assert result["alembic"] is False and "alembic imported by info: no" in out
    assert result["sqlalchemy"] is False and "sqlalchemy imported by info: no" in out


def test_the_store_write_benchmark_on_a_small_workshop():
    out = _run("bench_store_write.py", "--notes", "300", "--runs", "3")
    assert out.startswith("300 notes, 200 clusters")  # the workshop it made holds them all
    for figure in ("empty write transaction", "move 1 note", "rename 1 cluster", "read 1 note"):
        (line,) = [row for row in out.splitlines() if row.startswith(figure + " ")]
        store, raw, ratio, cpu_store, cpu_raw = (float(v) for v in line[len(figure) :].split())
        assert min(store, raw, ratio, cpu_store, cpu_raw) > 0
