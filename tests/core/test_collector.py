"""The garbage collector held back (core/collector.py): by the suggestions, and its contract."""

from __future__ import annotations

import gc

import pytest

from samverkan_desktop.core import collector
from samverkan_desktop.core.analysis.evaluation import recombined_document
from samverkan_desktop.core.analysis.suggest import suggest_clusters
from samverkan_desktop.core.importers import read_source


def test_suggesting_clusters_for_thousands_of_notes_sets_off_no_collection(seed_path, collections):
    doc = recombined_document(read_source(seed_path), 2_000, seed=3)
    gc.collect()
    collections.clear()
    found = suggest_clusters(doc, include_clustered=True)
    assert len(collections) <= 2 and set(collections) <= {0}, collections  # (unpaused: dozens)
    assert found and gc.isenabled()


def test_the_collector_runs_again_after_a_failure_and_stays_off_if_it_was(collections):
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("a damaged value")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
