"""The drawn formats on hostile content (a 5 MB note, words of 50,000 letters, a 22,000-character
cluster name) come out in seconds, cut for display, and the PDF says on its cover what it cut.

The time cap is generous on purpose (shared, noisy machines): it catches a blow-up (the 5 MB
note took 170 s), not a slowdown; bench/bench_report.py prints the real figures."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "export"))

from test_display_limits import HUGE, hostile  # noqa: E402

from samverkan_desktop.core.export import export  # noqa: E402
from samverkan_desktop.render import EXPORTERS  # noqa: E402

CAP_S = 60


@pytest.mark.parametrize("fmt", ["pdf", "png", "svg"])
def test_hostile_texts_are_drawn_in_seconds(tmp_path: Path, fmt: str, qapp) -> None:
    start = time.perf_counter()
    target = export(hostile(), EXPORTERS[fmt], tmp_path / f"rapport.{fmt}")
    assert time.perf_counter() - start < CAP_S
    if fmt == "pdf":
        reader = PdfReader(target)
        assert len(reader.pages) < 15
        text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
        assert "4 texter är längre än rapporten visar" in text
        assert " ".join(HUGE[:300].split()) in text
