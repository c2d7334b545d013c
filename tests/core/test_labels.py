"""Short group labels: one rule for the board, the panels and the report."""

from __future__ import annotations

from samverkan_desktop.core import model as m
from samverkan_desktop.core.labels import group_labels


def test_group_labels_are_short_and_distinct_for_the_seed_groups():
    names = [
        "Arbetsmarknad och inkludering grupp 1",
        "Arbetsmarknad och inkludering grupp 2",
        "Brottsförebyggande/Trygghetsfrämjande grupp 1",
        "Psykisk ohälsa/ofrivillig ensamhet",
        "Klimat",
        "Klimatet",
    ]
    groups = [m.Group(i + 1, name) for i, name in enumerate(names)]
    labels = group_labels(groups)
    assert [labels[g.id] for g in groups] == ["AI1", "AI2", "BT1", "PO", "KL·1", "KL·2"]
