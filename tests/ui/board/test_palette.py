"""Group labels and colours: short, distinct, and never the only cue."""

from __future__ import annotations

from samverkan_desktop.core import model as m
from samverkan_desktop.ui.board import palette


def test_labels_come_from_the_group_names():
    names = [
        "Arbetsmarknad och inkludering grupp 1",
        "Arbetsmarknad och inkludering grupp 2",
        "Brottsförebyggande/Trygghetsfrämjande grupp 1",
        "Psykisk ohälsa/ofrivillig ensamhet",
        "Klimat",
    ]
    groups = [m.Group(i, n) for i, n in enumerate(names, 1)]
    assert list(palette.group_labels(groups).values()) == ["AI1", "AI2", "BT1", "PO", "KL"]


def test_alike_labels_are_told_apart():
    groups = [m.Group(1, "Klimat"), m.Group(2, "Klimatet"), m.Group(3, "")]
    labels = palette.group_labels(groups)
    assert labels[1] != labels[2]
    assert labels[3]  # a nameless group still gets a label


def test_the_first_groups_get_clearly_different_light_colours(qapp):
    fills = [palette.note_fill(i) for i in range(6)]
    assert len({f.name() for f in fills}) == 6
    for fill in fills:
        assert fill.lightness() > 170  # black text stays readable on every note
