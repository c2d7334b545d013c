"""How long the seed workshop's report takes as PDF, next to baselines measured in the same run.

Not a test: machines differ, so the PDF time is printed beside the Markdown export of the same
report and a plain QTextDocument of the same text printed to PDF. Goal: the PDF under 2 s.

    .venv/bin/python bench/bench_report.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "core" / "export"))

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import workshops  # noqa: E402  (the clustered seed, as the tests build it)

from samverkan_desktop.core.export import markdown  # noqa: E402
from samverkan_desktop.render import pdf_report  # noqa: E402
from samverkan_desktop.render.qt_app import ensure_app  # noqa: E402

GOAL_S = 2.0


def _time(fn, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _plain_pdf(text: str, path: Path) -> None:
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc = QTextDocument()
    doc.setPlainText(text)
    doc.print_(writer)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    ensure_app()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        doc = workshops.seed_document(tmp, REPO / "resources" / "samples" / "orebro-2021-11-10.txt")
        print(f"Seed: {len(doc.notes)} lappar, {len(doc.clusters)} kluster, "
              f"{len(doc.groups)} grupper")
        pdf_report.write(doc, tmp / "warm.pdf")  # first use loads fonts and modules
        pdf = _time(lambda: pdf_report.write(doc, tmp / "r.pdf"), runs)
        pdfa = _time(lambda: pdf_report.write(doc, tmp / "a.pdf", pdfa=True), runs)
        redacted = _time(lambda: pdf_report.write(doc, tmp / "x.pdf", redact=True), runs)
        md = _time(lambda: markdown.write(doc, tmp / "r.md"), runs)
        text = (tmp / "r.md").read_text("utf-8")
        plain = _time(lambda: _plain_pdf(text, tmp / "plain.pdf"), runs)
        pages = len(__import__("pypdf").PdfReader(tmp / "r.pdf").pages)
    print(f"PDF-rapport ({pages} sidor):        {pdf:6.3f} s   (mål < {GOAL_S:.0f} s)")
    print(f"PDF-rapport, PDF/A:             {pdfa:6.3f} s")
    print(f"PDF-rapport, personuppg. bort:  {redacted:6.3f} s")
    print(f"Baslinje: Markdown av rapporten {md:6.3f} s")
    print(f"Baslinje: samma text som enkel QTextDocument-PDF {plain:6.3f} s")
    print(f"Median av {runs} körningar.")
    return 0 if pdf < GOAL_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
