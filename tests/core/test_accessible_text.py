"""The facts a screen reader's sentence about a note or a cluster is made of."""

from __future__ import annotations

from samverkan_desktop.core import model as m
from samverkan_desktop.core.accessible_text import (
    cluster_facts,
    cluster_path,
    note_facts,
    one_line,
)

CLUSTERS = {
    1: m.Cluster(1, "Trygghet"),
    2: m.Cluster(2, "Belysning\n i parken", parent_id=1),
    3: m.Cluster(3, "", parent_id=2, group_id=7),
}


def test_a_nested_cluster_is_named_by_its_path_from_the_outermost():
    assert cluster_path(CLUSTERS, 2) == ("Trygghet", "Belysning i parken")
    assert cluster_path(CLUSTERS, 3) == ("Trygghet", "Belysning i parken", "")
    assert cluster_path(CLUSTERS, None) == ()
    assert cluster_path(CLUSTERS, 99) == ()


def test_a_cluster_loop_in_a_damaged_tree_does_not_hang():
    loop = {1: m.Cluster(1, "A", parent_id=2), 2: m.Cluster(2, "B", parent_id=1)}
    assert cluster_path(loop, 1) == ("B", "A")


def test_note_facts_read_group_label_cluster_path_votes_and_marks():
    note = m.Note(
        5,
        "Fler vuxna\nute på\tkvällarna",
        group_id=7,
        votes=2,
        cluster_id=2,
        colour="orange",
        comment="Från  lapp 3",
        uncertain=True,
    )
    facts = note_facts(note, {7: "AI1"}, CLUSTERS)
    assert facts.text == "Fler vuxna ute på kvällarna"
    assert (facts.group, facts.votes) == ("AI1", 2)
    assert facts.cluster == ("Trygghet", "Belysning i parken")
    assert (facts.colour, facts.comment, facts.uncertain, facts.personal_data) == (
        "orange",
        "Från lapp 3",
        True,
        False,
    )
    loose = note_facts(m.Note(6, "", group_id=None), {7: "AI1"}, CLUSTERS)
    assert (loose.text, loose.group, loose.cluster, loose.votes) == ("", "", (), 0)


def test_a_long_note_is_cut_at_a_word_with_an_ellipsis():
    text = "ord " * 200
    spoken = one_line(text, limit=50)
    assert spoken.endswith("…") and len(spoken) <= 51
    assert spoken[:-1].split() == ["ord"] * len(spoken[:-1].split())
    assert one_line("kort  text\n") == "kort text"


def test_cluster_facts_count_all_notes_and_direct_subclusters():
    facts = cluster_facts(CLUSTERS[1], CLUSTERS, notes=12, subclusters=2, group_labels={})
    assert (facts.path, facts.notes, facts.subclusters, facts.group) == (("Trygghet",), 12, 2, "")
    facts = cluster_facts(CLUSTERS[3], CLUSTERS, notes=0, subclusters=0, group_labels={7: "KL"})
    assert facts.path[-1] == "" and facts.group == "KL"
