"""Fixtures for the report formats: a small workshop and the clustered seed, both via the Store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import workshops  # noqa: E402

from samverkan_desktop.core import model as m  # noqa: E402


@pytest.fixture
def small_doc(tmp_path: Path) -> m.Document:
    return workshops.small_document(tmp_path)


@pytest.fixture
def seed_doc(tmp_path: Path, seed_path: Path) -> m.Document:
    return workshops.seed_document(tmp_path, seed_path)
