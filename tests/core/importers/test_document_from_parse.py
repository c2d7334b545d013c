"""What a parse result becomes: groups, notes, a group's own clusters and themes across groups."""

from __future__ import annotations

from samverkan_desktop.core.importers import document_from_parse
from samverkan_desktop.core.importers.result import ParsedGroup, ParsedNote, ParseResult
from samverkan_desktop.core.layout import layout_document


def test_themes_across_groups_become_one_cluster_per_name_with_votes_and_authors():
    result = ParseResult(
        title="Tavla",
        groups=[ParsedGroup("Bord 1"), ParsedGroup("Bord 2")],
        notes=[
            ParsedNote("Fler bänkar", 0, themes=["Trygghet", "Park"], votes=3, author="Ali"),
            ParsedNote("Belysning", 1, themes=["Trygghet"]),
            ParsedNote("Språkcafé", 1),
        ],
    )
    doc = layout_document(document_from_parse(result, "tavla.csv"))
    names = {c.id: c.name for c in doc.clusters}
    assert sorted(names.values()) == ["Park", "Trygghet"]
    assert all(c.group_id is None for c in doc.clusters)  # themes belong to no one group
    by_text = {n.text: n for n in doc.notes}
    assert names[by_text["Fler bänkar"].cluster_id] == "Trygghet"
    assert names[by_text["Belysning"].cluster_id] == "Trygghet"
    assert by_text["Språkcafé"].cluster_id is None
    assert [(t.note_id, names[t.cluster_id]) for t in doc.themes] == [
        (by_text["Fler bänkar"].id, "Park")
    ]
    assert by_text["Fler bänkar"].votes == 3
    assert "Ali" in by_text["Fler bänkar"].comment
