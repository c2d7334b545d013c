"""How long `samverkan-desktop info FILE` takes from a cold interpreter, next to floors measured
in the same run: an interpreter that does nothing, and one that only imports SQLAlchemy's ORM
(what the commands that open the store load; `info` on a file of the current schema reads it
with sqlite3 alone, core/store_summary.py). Not a test: machines differ.

Each figure is the median wall time of --runs fresh interpreters, taken in turn (info, floors,
info, ...) so that a busy machine weighs on all of them alike. The file is the schema fixture
(tests/core/fixtures), current schema. `-X importtime` then lists the largest imports and says
whether Alembic (needed only to make or upgrade a file) was among them. --compare SRC times the
same command with the code of another checkout (e.g. a `git worktree` of an older commit).
`info` is also timed on a workshop of --notes notes (40,000 by default; made as bench_scale.py
makes its workshops): what grows with the file there is the damage check (quick_check, every
cell's rules in core/store_cells.py, every note's text decoded as UTF-8) and the counts.
Goal (issue 10): info <= 0.4 s, at 40,000 notes too.

    .venv/bin/python bench/bench_cli_start.py [--runs 5] [--notes 40000] [--compare SRC]
        [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The newest released schema: a file that needs no upgrade (an upgrade would load Alembic).
FIXTURE = max((REPO / "tests" / "core" / "fixtures").glob("schema-*.samverkan"))
GOAL_S = 0.4


def _info(src: Path, path: Path) -> str:
    return (
        f"import sys; sys.path.insert(0, {str(src)!r}); "
        f"from samverkan_desktop.cli import main; sys.exit(main(['info', {str(path)!r}]))"
    )


def _upgrade(src: Path, path: Path) -> str:
    return (
        f"import sys; sys.path.insert(0, {str(src)!r}); "
        "from samverkan_desktop.core.store import Store; "
        f"Store.open({str(path)!r}).close()"
    )


def _make_workshop(notes: int, path: Path) -> None:
    """A workshop as bench_scale.py makes them (recombined sample notes, half in clusters)."""
    sys.path.insert(0, str(REPO / "bench"))
    import bench_scale

    doc = bench_scale.workshop(bench_scale.read_source(bench_scale.SEED), notes)
    bench_scale.write_workshop(doc, path)


def _wall(code: str, *flags: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *flags, "-c", code], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, done.stderr


def _imports(code: str, top: int) -> tuple[list[tuple[int, str]], bool, bool]:
    """The `top` largest top-level imports (cumulative microseconds) and whether Alembic and
    SQLAlchemy were imported at all."""
    _, err = _wall(code, "-X", "importtime")
    rows = []
    for line in err.splitlines():
        found = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if found and len(found.group(2)) <= 3:  # imported by the command itself
            rows.append((int(found.group(1)), found.group(3)))
    names = set(re.findall(r"\|\s+(alembic|sqlalchemy)\b", err))
    return sorted(rows, reverse=True)[:top], "alembic" in names, "sqlalchemy" in names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another checkout's root to time as well")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--notes", type=int, default=40_000, help="also time info on a workshop this big (0: not)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workshop.samverkan"
        shutil.copyfile(FIXTURE, path)
        # A copy brought to the current schema first: info on a file that needs an upgrade
        # would time the upgrade (and Alembic) instead.
        subprocess.run(
            [sys.executable, "-c", _upgrade(REPO, path)],
            check=True,
            capture_output=True,
            env={**os.environ, "SAMVERKAN_DATA_DIR": str(Path(folder) / "userdata")},
        )
        cases = {"info": _info(REPO, path)}
        if args.compare:
            cases["info (--compare)"] = _info(args.compare.resolve(), path)
        if args.notes:
            big = Path(folder) / "big.samverkan"
            _make_workshop(args.notes, big)
            cases[f"info, {args.notes:,} notes"] = _info(REPO, big)
            if args.compare:
                cases[f"info, {args.notes:,} notes (--compare)"] = _info(
                    args.compare.resolve(), big
                )
        cases["floor: python -c pass"] = "pass"
        cases["floor: import sqlalchemy.orm"] = "import sqlalchemy.orm"
        for code in cases.values():  # warm the disk cache and the .pyc files
            _wall(code)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, code in cases.items():
                times[name].append(_wall(code)[0])
        medians = {name: statistics.median(t) for name, t in times.items()}
        largest, alembic, sqlalchemy = _imports(cases["info"], 8)
    print(f"cold start, median of {args.runs} (s)")
    for name, took in medians.items():
        print(f"  {name:32} {took:6.3f}")
    bare = medians["floor: python -c pass"]
    print(f"  info over the bare interpreter: {medians['info'] - bare:.3f} s")
    print("largest imports of info (-X importtime, cumulative ms):")
    for micro, name in largest:
        print(f"  {micro / 1000:8.1f}  {name}")
    print(f"alembic imported by info: {'yes' if alembic else 'no'}")
    print(f"sqlalchemy imported by info: {'yes' if sqlalchemy else 'no'}")
    for name, took in medians.items():
        if name.startswith("info") and "--compare" not in name:
            print(f"goal: {name} <= {GOAL_S} s -> {'met' if took <= GOAL_S else 'missed'}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"median_s": medians, "alembic": alembic, "sqlalchemy": sqlalchemy}, indent=2
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
