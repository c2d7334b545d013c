"""Placera resten: the remaining notes placed in the facilitator's own clusters (the seed)."""

from __future__ import annotations

import gzip
from dataclasses import replace
from importlib import resources

from samverkan_desktop.core.analysis import placement as pl
from samverkan_desktop.core.analysis.synonyms import FILE, synonyms


def group_id(doc, name: str) -> int:
    return next(g.id for g in doc.groups if g.name == name)


def test_every_loose_note_of_a_sorting_group_gets_its_own_groups_clusters(seed_store) -> None:
    doc = seed_store.document()
    psykisk = group_id(doc, "Psykisk ohälsa/ofrivillig ensamhet")
    loose = {n.id for n in doc.notes if n.group_id == psykisk and n.cluster_id is None}
    own = {c.id for c in doc.clusters if c.group_id == psykisk}
    before = seed_store.document()

    found = pl.place_rest(doc, group_id=psykisk)

    assert loose and {p.note_id for p in found} == loose
    for p in found:
        assert 1 <= len(p.candidates) <= 3
        assert {c.cluster for c in p.candidates} <= own
        scores = [c.score for c in p.candidates]
        assert scores == sorted(scores, reverse=True)
        assert 0 < p.best.confidence <= 1
        assert sum(c.confidence for c in p.candidates) <= 1 + 1e-9
    assert seed_store.document() == before  # read-only
    # Groups that made no clusters get no placements: there is nothing of theirs to go to.
    everywhere = pl.place_rest(doc)
    groups = {n.id: n.group_id for n in doc.notes}
    assert {groups[p.note_id] for p in everywhere} <= {psykisk}


def test_a_note_goes_where_its_words_are_with_the_shared_words_as_reason(seed_store) -> None:
    doc = seed_store.document()
    brott = group_id(doc, "Brottsförebyggande/Trygghetsfrämjande grupp 2")
    note = seed_store.add_note("Mer belysning och trygghetsvandringar i parken", group_id=brott)
    [placed] = [p for p in pl.place_rest(seed_store.document()) if p.note_id == note.id]
    names = {c.id: c.name for c in doc.clusters}
    assert names[placed.best.cluster] == "Trygghet"
    assert "belysning" in placed.best.terms or "trygghetsvandring" in placed.best.terms


def test_a_turned_down_pairing_is_not_proposed_again(seed_store) -> None:
    doc = seed_store.document()
    brott = group_id(doc, "Brottsförebyggande/Trygghetsfrämjande grupp 2")
    note = seed_store.add_note("Mer belysning och trygghetsvandringar i parken", group_id=brott)
    doc = seed_store.document()
    first = next(p for p in pl.place_rest(doc) if p.note_id == note.id)
    again = next(
        p
        for p in pl.place_rest(doc, rejected=[(note.id, first.best.cluster)])
        if p.note_id == note.id
    )
    assert first.best.cluster not in {c.cluster for c in again.candidates}


def test_synonyms_are_read_both_ways_and_keep_the_dictionarys_notice() -> None:
    assert "samverkan" in synonyms("samarbete")
    assert "samarbete" in synonyms("samverkan")
    raw = resources.files("samverkan_desktop.core.analysis").joinpath(FILE).read_bytes()
    head = gzip.decompress(raw)[:2000].decode("utf-8")
    assert "Viggo Kann" in head and "MODIFIED" in head and "retained" in head


def test_general_frequencies_are_offline_and_weigh_common_words_down() -> None:
    assert pl._general_rarity("belysning") > pl._general_rarity("göra") > 0


def test_a_note_whose_only_link_is_a_clusters_name_goes_there_first() -> None:
    examples = [
        ("Fler fritidsgårdar för unga", "Mötesplatser"),
        ("Läxhjälp efter skolan", "Mötesplatser"),
        ("Öppen idrottshall på helger", "Mötesplatser"),
        ("Bättre samarbete mellan föreningar", "Samverkan"),
        ("Gemensamma möten med kommunen", "Samverkan"),
        ("Fler vuxna ute på kvällarna", "Trygg miljö"),
    ]
    names = {"Mötesplatser": "Mötesplatser", "Samverkan": "Samverkan", "Trygg miljö": "Belysning"}
    placer = pl.Placer(examples, names, [t for t, _ in examples])

    [best, *_] = placer.rank("Belysning i parken")

    assert best.cluster == "Trygg miljö"  # the smallest cluster: its name alone decides
    assert best.terms == ("belysning",)


def test_a_heading_goes_to_the_list_of_headings_and_a_note_on_its_theme_to_the_theme() -> None:
    # The facilitator's first cluster is a list of the other clusters' headings.
    examples = [
        ("Kunskap", "Organisera"),
        ("Boende", "Organisera"),
        ("Samverkan mellan föreningar och kommunen", "Organisera"),
        ("Klar målsättning", "Organisera"),
        ("Fortbildning för personal", "Kunskap"),
        ("Kunskapsutveckling om psykisk ohälsa", "Kunskap"),
        ("Fler gruppbostäder", "Boende"),
        ("Stöd i eget boende", "Boende"),
        ("Arbete för fler", "Sysselsättning"),
        ("Daglig verksamhet med meningsfulla uppgifter", "Sysselsättning"),
    ]
    names = {c: c for _, c in examples}
    names["Organisera"] = "Organisera runt gemenskap"
    texts = [t for t, _ in examples]

    def best(text: str, options: pl.Options = pl.DEFAULT) -> str:
        return str(pl.Placer(examples, names, texts, options).rank(text)[0].cluster)

    assert best("Sysselsättning") == "Organisera"
    assert best("Kunskap om psykisk ohälsa hos personal") == "Kunskap"
    # Without the headings part the heading goes to the cluster of that name.
    assert best("Sysselsättning", replace(pl.DEFAULT, headings=0.0)) == "Sysselsättning"
