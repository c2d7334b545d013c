"""Running the program as a user installed it (a wheel in its own venv, the PyInstaller folder):
as a separate process, outside the checkout, headless and without a network."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader

# Lines of the shipped sample, as its report must show them.
SAMPLE_TEXTS = (
    "Fördjupningsdag om samverkan",
    "Enkla jobb har försvunnit",
    "Mötesplatser behövs för integration och samtal",
)

# Any proxy-aware code gets a port nothing listens on: a download fails at once, loudly.
_NOWHERE = "http://127.0.0.1:9"


@functools.cache
def _no_network_prefix() -> tuple[str, ...]:
    """`unshare -n` (a network namespace with no interfaces up) where we may: as root on Linux."""
    unshare = shutil.which("unshare")
    if unshare is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return ()
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
    return (unshare, "-n") if probe.returncode == 0 else ()


@pytest.fixture(scope="module")
def offline(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run a command headless with no network, its own home, settings and data folder, no
    PYTHONPATH, in a folder outside the checkout; returns the finished process."""
    tmp_path = tmp_path_factory.mktemp("offline")
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
    env.pop("PYTHONPATH", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        SAMVERKAN_DATA_DIR=str(tmp_path / "data"),
        http_proxy=_NOWHERE,
        https_proxy=_NOWHERE,
        HTTP_PROXY=_NOWHERE,
        HTTPS_PROXY=_NOWHERE,
        ALL_PROXY=_NOWHERE,
        PIP_NO_INDEX="1",
    )

    def run(
        cmd: Sequence[str | Path], *, cwd: Path = tmp_path, timeout: float = 120, **kw: object
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*_no_network_prefix(), *map(str, cmd)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            **kw,  # type: ignore[call-overload]
        )

    run.env = env  # type: ignore[attr-defined]
    run.prefix = _no_network_prefix()  # type: ignore[attr-defined]
    return run


@pytest.fixture
def pdf_text() -> Callable[[Path], str]:
    def read(path: Path) -> str:
        reader = PdfReader(path)
        # Qt's PDFs have word gaps pypdf reads as tabs, and lines break inside names.
        return " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages)

    return read


@pytest.fixture
def sample_texts() -> tuple[str, ...]:
    return SAMPLE_TEXTS
