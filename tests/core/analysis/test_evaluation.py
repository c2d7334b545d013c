"""The two measures the benchmark rests on, checked against values worked out by hand."""

from __future__ import annotations

import math

import pytest

from samverkan_desktop.core.analysis.evaluation import (
    adjusted_rand_index,
    clustered_groups,
    normalised_mutual_information,
)


def test_the_same_partition_under_other_names_scores_one() -> None:
    truth = ["a", "a", "b", "b", "c"]
    found = [7, 7, 1, 1, 3]
    assert adjusted_rand_index(truth, found) == pytest.approx(1.0)
    assert normalised_mutual_information(truth, found) == pytest.approx(1.0)


def test_known_values() -> None:
    # scikit-learn's documented examples for adjusted_rand_score.
    assert adjusted_rand_index([0, 0, 1, 2], [0, 0, 1, 1]) == pytest.approx(0.5714285714285714)
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    # One cluster against two halves: no information shared.
    assert normalised_mutual_information([0, 0, 1, 1], [0, 0, 0, 0]) == pytest.approx(0.0)
    # Halves against quarters: I = ln 2, H = ln 2 and ln 4, arithmetic mean.
    nmi = normalised_mutual_information([0, 0, 1, 1], [0, 1, 2, 3])
    assert nmi == pytest.approx(math.log(2) / ((math.log(2) + math.log(4)) / 2))


def test_the_seed_offers_two_groups_that_clustered_their_own_notes(seed_result) -> None:
    groups = clustered_groups(seed_result)
    assert [g.name for g in groups] == [
        "Brottsförebyggande/Trygghetsfrämjande grupp 2",
        "Psykisk ohälsa/ofrivillig ensamhet",
    ]
    assert [len(set(g.labels)) for g in groups] == [6, 10]
    assert all("" not in g.labels for g in groups)
