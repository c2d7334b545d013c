"""Fixtures for the analysis tests: the seed workshop as a parse result, a document, a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.importers.transcript import parse_transcript
from samverkan_desktop.core.store import Store

SEED = Path(__file__).resolve().parents[3] / (
    "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
)


@pytest.fixture
def seed_result(seed_bytes: bytes):
    return parse_transcript(seed_bytes, "orebro-2021-11-10.txt")


@pytest.fixture
def seed_store(tmp_path: Path, seed_path: Path):
    """The seed imported into a real workshop file, as the app does it."""
    store = Store.create(tmp_path / "orebro.samverkan")
    store.add_document(read_source(seed_path))
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_doc_10k():
    """10,000 notes recombined from the seed's notes (for timing and cancelling)."""
    from samverkan_desktop.core.analysis.evaluation import recombined_document

    return recombined_document(read_source(SEED), 10_000, seed=1)
