"""Fixtures for the Qt-drawn formats: the same workshops as tests/core/export, via the Store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "export"))

import workshops  # noqa: E402

from samverkan_desktop.core import model as m  # noqa: E402


@pytest.fixture
def small_doc(tmp_path: Path) -> m.Document:
    return workshops.small_document(tmp_path)


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory: pytest.TempPathFactory) -> m.Document:
    seed = Path(__file__).resolve().parents[2] / (
        "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
    )
    return workshops.seed_document(tmp_path_factory.mktemp("seed"), seed)
