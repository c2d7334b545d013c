"""How long redaction takes on hostile text, next to baselines measured in the same run.

Not a test: machines differ. Each hostile input (a long token without "@", long digit runs, long
runs of separators, "a@a@a@...", phone-shaped runs) is redacted at two sizes; beside it stand
`str.lower()` over the same text (a pass that reads every character once) and the seed
transcript redacted as a whole. Linear means: ten times the text, about ten times the time,
and never more than a small multiple of the baseline per character.

    .venv/bin/python bench/bench_redact.py [--sizes 60000 600000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from samverkan_desktop.core.export.redact import Redactor  # noqa: E402

SEED = REPO / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
NAMES = ("Anette Valdemarsson", "Lovisa Strand", "Åse Sundqvist", "Anna Fogel")

# name -> what one unit of the input repeats
HOSTILE: dict[str, Callable[[int], str]] = {
    "token without @": lambda n: "x" * n,
    "URL-like token": lambda n: ("https://example.se/" + "a.b-c_" * n)[:n],
    "digit run": lambda n: "7" * n,
    "zero run": lambda n: "0" * n,
    "'0 ' repeated": lambda n: ("0 " * n)[:n],
    "separators": lambda n: ("- . / ( ) " * n)[:n],
    "a@a@a@": lambda n: ("a@" * n)[:n],
    "a.a.a@": lambda n: ("a." * n)[: n - 1] + "@",
    "phone-like runs": lambda n: ("070-123 45 67 " * n)[:n],
    # every number different, so phonenumbers judges each one (no cache hits)
    "varied phone numbers": lambda n: "".join(f"070-{i:07d} " for i in range(n // 12 + 1))[:n],
    "dates and numbers": lambda n: ("850707-7890 2021-11-10 15:30 " * n)[:n],
    "name-like words": lambda n: ("Anna Strand strand ANNA " * n)[:n],
}


def _time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[60_000, 600_000])
    parser.add_argument("--runs", type=int, default=3)
    ns = parser.parse_args()
    clean = Redactor(NAMES)
    seed = SEED.read_text("utf-8")
    print(
        f"seed transcript ({len(seed):,} chars) redacted: "
        f"{_time(lambda: clean(seed), ns.runs) * 1000:8.1f} ms"
    )
    header = "".join(f"{f'{size:,} chars':>24}" for size in ns.sizes)
    print(f"{'input':<22}{header}")
    print(f"{'':<22}" + f"{'redact / str.lower()':>24}" * len(ns.sizes))
    for name, make in HOSTILE.items():
        cells = []
        for size in ns.sizes:
            text = make(size)
            redact = _time(lambda t=text: clean(t), ns.runs)
            lower = _time(lambda t=text: t.lower(), ns.runs)
            cells.append(f"{redact * 1000:10.1f} / {lower * 1000:6.2f} ms")
        print(f"{name:<22}" + "".join(f"{c:>24}" for c in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
