"""The garbage collector held back (core/collector.py): by the suggestions, and its contract."""

from __future__ import annotations

import gc

import pytest

from samverkan_desktop.core import collector
from samverkan_desktop.core.analysis.evaluation import recombined_document
from samverkan_desktop.core.analysis.suggest import cluster_texts
from samverkan_desktop.core.importers import read_source


def test_clustering_thousands_of_notes_for_suggestions_sets_off_no_collection(
    seed_path, collections
):
    texts = [n.text for n in recombined_document(read_source(seed_path), 2_000, seed=3).notes]
    gc.collect()
    collections.clear()
    found, _ = cluster_texts(texts)
    # At most the young collection as the pause ends (without the pause: 138, full ones too).
    assert len(collections) <= 1 and set(collections) <= {0}, collections
    assert sorted(i for community in found for i in community) == list(range(2_000))
    assert gc.isenabled()


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


def test_a_pause_on_another_thread_that_ends_first_does_not_end_this_one(collections):
    import threading

    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector.paused():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=other)
    worker.start()
    inside.wait(5)
    with collector.paused():
        leave.set()
        worker.join(5)  # its pause ends inside this one
        young = [[i] for i in range(20_000)]
        assert not gc.isenabled() and collections == [] and young
    assert gc.isenabled()
