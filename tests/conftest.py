"""Test set-up shared by every test: headless Qt and no writes to the user's real settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before anything imports Qt: tests must not depend on the caller's environment.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "resources" / "samples" / "orebro-2021-11-10.txt"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Backups and other per-user files go to a fresh folder, never the user's real one
    (subprocesses of the test inherit it through the environment)."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("SAMVERKAN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def seed_path() -> Path:
    return SEED
