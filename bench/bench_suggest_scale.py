"""How "Suggest clusters" grows with the workshop: 1k/2k/4k/10k notes, each beside a floor.

Not a test: machines differ. The workshops are the seed's sentences recombined
(`core.analysis.evaluation.recombined_document`, seed 1, as bench_suggest.py does), laid out and
written to workshop files in a temporary folder. For each size:

- `suggest` is `suggest_clusters(doc, include_clustered=True)` in this process, the Swedish
  dictionary already open (median of --runs), split into its stages: vectors (normalise, weigh,
  expand), neighbours (the similarity graph's edges) and communities (Louvain);
- `floor` is tokenising every note once (`text.words` and lower-casing each word), the least any
  suggestion must do, timed in the same run; `ratio` is suggest / floor;
- `per n log n` is the suggest time over n log n, relative to the smallest size: a cost that
  grows at most as n log n keeps it near 1 or below;
- `cli` is `samverkan-desktop suggest FILE --all --json` as a command (a fresh interpreter:
  imports, reading the file, opening the dictionary), median of --runs. Goal: <= 5 s at 10k.

    .venv/bin/python bench/bench_suggest_scale.py [--sizes 1000,2000,4000,10000] [--runs 3]
                                                  [--no-cli] [--json FILE] [--seed FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from samverkan_desktop.core import model as m  # noqa: E402
from samverkan_desktop.core.analysis import suggest, text, vectors  # noqa: E402
from samverkan_desktop.core.analysis.evaluation import recombined_document  # noqa: E402
from samverkan_desktop.core.importers import read_source  # noqa: E402
from samverkan_desktop.core.layout import layout_document  # noqa: E402
from samverkan_desktop.core.store import Store  # noqa: E402

SIZES = (1_000, 2_000, 4_000, 10_000)
GOAL_CLI_10K_S = 5.0
SHARED_SEED = REPO.parent / "shared" / "seeds" / "000_a92cbaa44183fa4f.txt"
SAMPLE = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
CLI = Path(sys.executable).with_name("samverkan-desktop")


def median_time(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def floor(doc: m.Document) -> None:
    for note in doc.notes:
        for word in text.words(note.text):
            word.lower()


def stages(doc: m.Document) -> dict[str, float]:
    """The stages suggest_clusters runs for all notes, timed one by one."""
    texts = [n.text for n in doc.notes]
    out = {}
    started = time.perf_counter()
    vecs = vectors.vectorise(texts, background=texts)
    out["vectors"] = time.perf_counter() - started
    started = time.perf_counter()
    near = vectors.neighbours(vecs.vectors)
    out["neighbours"] = time.perf_counter() - started
    started = time.perf_counter()
    vectors.near_communities(near, seed=suggest.SEED)
    out["communities"] = time.perf_counter() - started
    return out


def cli_time(path: Path, runs: int) -> float:
    command = [str(CLI), "suggest", str(path), "--all", "--json"]
    return median_time(lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL), runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-cli", action="store_true", help="skip the command's timing")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--seed", type=Path, help="the workshop to recombine")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    seed_path = args.seed or (SHARED_SEED if SHARED_SEED.is_file() else SAMPLE)
    seed = read_source(seed_path)
    text.keys("Mötesplatser och trygghetsvandringar")  # the dictionaries open before any timing
    print(f"Suggest clusters, all notes (seed: {seed_path.name}; median of {args.runs})")
    header = (
        f"{'notes':>7} {'suggest s':>10} {'floor s':>8} {'ratio':>6} {'per nlogn':>9} "
        f"{'vectors':>8} {'neighb.':>8} {'louvain':>8} {'clusters':>8} {'cli s':>7}"
    )
    print(header)
    rows = []
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            doc = layout_document(recombined_document(seed, n, seed=1))
            found: list[suggest.Suggestion] = []

            def run(doc: m.Document = doc, found: list[suggest.Suggestion] = found) -> None:
                found[:] = suggest.suggest_clusters(doc, include_clustered=True)

            ours = median_time(run, args.runs)
            low = median_time(lambda doc=doc: floor(doc), args.runs)
            parts = stages(doc)
            per = ours / (n * math.log(n))
            base = base or per
            cli = None
            if not args.no_cli:
                path = Path(tmp) / f"{n}.samverkan"
                store = Store.create(path)
                store.add_document(doc)
                store.close()
                cli = cli_time(path, args.runs)
            rows.append(
                {
                    "notes": n,
                    "suggest_s": ours,
                    "floor_s": low,
                    "ratio": ours / low,
                    "per_nlogn_relative": per / base,
                    **{f"{k}_s": v for k, v in parts.items()},
                    "clusters": len(found),
                    "cli_s": cli,
                }
            )
            print(
                f"{n:>7,} {ours:>10.2f} {low:>8.3f} {ours / low:>6.0f} {per / base:>9.2f} "
                f"{parts['vectors']:>8.2f} {parts['neighbours']:>8.2f} "
                f"{parts['communities']:>8.2f} {len(found):>8} "
                + (f"{cli:>7.2f}" if cli is not None else f"{'-':>7}"),
                flush=True,
            )
    ten = next((r for r in rows if r["notes"] == 10_000 and r["cli_s"] is not None), None)
    if ten is not None:
        met = "met" if ten["cli_s"] <= GOAL_CLI_10K_S else "NOT met"
        print(
            f"\n`suggest --all --json` at 10k: {ten['cli_s']:.2f} s -> goal <= "
            f"{GOAL_CLI_10K_S:.0f} s: {met}"
        )
    if args.json:
        args.json.write_text(json.dumps({"seed": seed_path.name, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
