"""bench/bench_scale.py --quick runs and prints every figure of issue 10 beside its floor.

Behaviour only, never timings: the command exits 0, every figure is there at 1k notes with a
positive value, floor and ratio, and the JSON says what the printed table says.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The benchmark at 1k notes in its own process (20 s): `make test` and .ci/run still run it.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench" / "bench_scale.py"


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> tuple[str, dict]:
    folder = tmp_path_factory.mktemp("bench_scale")
    out = folder / "out.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SAMVERKAN_DATA_DIR": str(folder)}
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--json", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return done.stdout, json.loads(out.read_text("utf-8"))


def _bench():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import bench_scale
    finally:
        sys.path.remove(str(REPO / "bench"))
    return bench_scale


def test_every_figure_is_measured_at_1k_with_a_floor_and_a_ratio(quick):
    _, data = quick
    bench = _bench()
    assert data["sizes"] == [1000]
    rows = data["rows"]
    assert [r["key"] for r in rows] == list(bench.FIGURES)
    for row in rows:
        assert row["notes"] == 1000
        assert row["verdict"] in ("ok", "MISS"), (row["figure"], row.get("error"))
        for field in ("value", "floor", "ratio"):
            assert isinstance(row[field], float) and row[field] > 0, (row["figure"], field)
        assert row["ratio"] == pytest.approx(row["value"] / row["floor"])
        assert row["target"] and row["floor_is"] and row["unit"]


def test_the_json_matches_the_printed_table(quick):
    stdout, data = quick
    bench = _bench()
    printed = stdout.splitlines()
    assert bench.line(bench.HEAD) in printed
    for row in data["rows"]:
        assert bench.line(bench.cells(row)) in printed, row["figure"]
    # ... and the table is nothing but those rows under the head.
    start = printed.index(bench.line(bench.HEAD)) + 1
    table = [
        x
        for x in printed[start:]
        if x.split("  ")[0].strip() in {label for label, _, _ in bench.FIGURES.values()}
    ]
    assert len(table) == len(data["rows"])


def test_the_gestures_wrote_what_they_should(quick):
    _, data = quick
    written = {r["key"]: r.get("rows_written") for r in data["rows"]}
    assert written["drag"] >= 1 and written["rename"] >= 1
    assert written["drop"] > 2  # the note, the frame, and what was pushed below it
    assert written["group"] >= 21  # the new cluster and its 20 notes


def test_the_board_figures_are_the_medians_of_their_runs():
    """Three board runs: each number of a figure (value, floor, the store's part, each part) is
    its median over the runs; a figure that failed in one run is reported as that failure."""
    bench = _bench()
    runs = [
        {
            "open": {"value": 1.9, "floor": 0.5},
            "group": {"value": 30.0, "floor": 15.0, "rows": 89, "parts": {"store": 9.0}},
            "paint_fit": {"value": 9.0, "floor": 300.0},
        },
        {
            "open": {"value": 1.2, "floor": 0.7},
            "group": {"value": 45.0, "floor": 14.0, "rows": 89, "parts": {"store": 12.0}},
            "paint_fit": {"error": "RuntimeError: no paint"},
        },
        {
            "open": {"value": 1.3, "floor": 0.6},
            "group": {"value": 33.0, "floor": 19.0, "rows": 89, "parts": {"store": 8.0}},
            "paint_fit": {"value": 11.0, "floor": 280.0},
        },
    ]
    got = bench.median_of_runs(runs)
    assert got["open"] == {"value": 1.3, "floor": 0.6}
    assert got["group"] == {"value": 33.0, "floor": 15.0, "rows": 89, "parts": {"store": 9.0}}
    assert got["paint_fit"] == {"error": "RuntimeError: no paint"}
    assert bench.median_of_runs(runs[:1]) == runs[0]


def test_each_write_of_a_gesture_floor_follows_a_pause_that_is_not_counted():
    """A commit right after another is faster than any gesture's own (bench_write_pause.py):
    each of the floor's writes starts a pause after the last one ended, and only the writes
    themselves are timed."""
    bench = _bench()
    calls: list[tuple[float, float]] = []

    def write() -> None:
        start = time.perf_counter()
        time.sleep(0.002 * (len(calls) + 1))
        calls.append((start, time.perf_counter()))

    took = bench.paused_median(write, 3, pause=0.05)
    assert len(calls) == 3
    gaps = [later[0] - earlier[1] for earlier, later in zip(calls, calls[1:], strict=False)]
    assert min(gaps) >= 0.05
    durations = sorted((end - start) * 1000 for start, end in calls)
    assert took == pytest.approx(durations[1], abs=1.0)
    assert took < 50  # the pause is not in it
