"""The report model: what every format prints, in the order the council should read it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import workshops

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export.redact import REMOVED, WITHHELD
from samverkan_desktop.core.export.report import build_report
from samverkan_desktop.core.store import Store


def _strings(obj: object) -> list[str]:
    """Every string anywhere in the report, to search it like a reader would."""
    if isinstance(obj, str):
        return [obj]
    if dataclasses.is_dataclass(obj):
        return [s for f in dataclasses.fields(obj) for s in _strings(getattr(obj, f.name))]
    if isinstance(obj, (tuple, list)):
        return [s for item in obj for s in _strings(item)]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    return []


def test_summary_ranks_clusters_by_votes_then_size_and_counts_nested_notes(
    small_doc: m.Document,
) -> None:
    report = build_report(small_doc)
    rows = [(r.number, r.name, r.notes, r.votes) for r in report.summary]
    assert rows == [
        ("1", "Mötesplatser", 4, 8),  # 2 own notes + 2 in "Unga och fritid"
        ("1.1", "Unga och fritid", 2, 4),
        ("2", "Språk och integration", 2, 5),
        ("3", "Trygghet", 2, 2),
        ("4", "Tomt kluster", 0, 0),
    ]
    assert report.summary[0].groups == ("Arbetsmarknad grupp 1", "Trygghet grupp 2", "Klimat")
    assert report.summary[0].depth == 0 and report.summary[1].depth == 1


def test_sections_nest_and_carry_each_notes_details(small_doc: m.Document) -> None:
    report = build_report(small_doc)
    meet = report.sections[0]
    assert [n.text for n in meet.notes] == [
        "Mötesplatser behövs för integration och samtal",  # 3 votes before 1 vote
        "Gemensamma mötesplatser i alla stadsdelar",
    ]
    young = meet.children[0]
    assert young.name == "Unga och fritid" and young.depth == 1 and young.number == "1.1"
    unsure = young.notes[1]
    assert (unsure.group, unsure.section, unsure.uncertain, unsure.comment) == (
        "Trygghet grupp 2",
        "Mötesplatser",
        True,
        "Svårläst i originalet",
    )
    assert report.sections[2].own_group == "Trygghet grupp 2"


def test_unclustered_notes_are_listed_by_group_in_workshop_order(small_doc: m.Document) -> None:
    report = build_report(small_doc)
    assert [(g.group, [n.text for n in g.notes]) for g in report.unclustered] == [
        ("Arbetsmarknad grupp 1", ["Digitaliseringen"]),
        ("Klimat", ["Skogen", "Energi och koldioxidutsläpp"]),
    ]


def test_cover_lists_groups_with_facilitators_and_counts(small_doc: m.Document) -> None:
    cover = build_report(small_doc, today=dt.date(2024, 3, 1)).cover
    assert cover.title == "Fördjupningsdag om samverkan"
    assert cover.date == dt.date(2021, 11, 10)
    assert cover.groups[0].facilitators == ("Anette Valdemarsson", "Fredrik Wouda")
    assert (cover.note_count, cover.cluster_count, cover.vote_count) == (11, 5, 16)
    assert cover.created == dt.date(2024, 3, 1)


def test_labels_are_swedish_by_default_and_english_on_request(small_doc: m.Document) -> None:
    assert build_report(small_doc).labels["summary"] == "Sammanfattning"
    english = build_report(small_doc, language="en")
    assert english.labels["summary"] == "Summary"
    assert english.labels["page"].format(page=3, pages=12) == "Page 3 of 12"


def test_redacted_report_holds_no_contact_details_or_names(small_doc: m.Document) -> None:
    report = build_report(small_doc, redact=True)
    text = "\n".join(_strings(report))
    for secret in (*workshops.FACILITATORS, workshops.EMAIL, workshops.PHONE, "Anette", "Strand"):
        assert secret not in text
    assert f"Fråga {REMOVED}, ring {REMOVED} eller mejla {REMOVED}" in text
    assert report.cover.redacted
    # What is not personal stays, or the report is useless.
    assert "Belysning!" in text and "Mötesplatser" in text


def test_redaction_withholds_notes_marked_as_personal_data(tmp_path: Path) -> None:
    with Store.create(tmp_path / "w.samverkan", m.Workshop("W")) as store:
        store.add_note("Kalle på Storgatan 3 är sjuk", personal_data=True, comment="Sa Kalle")
        store.add_note("Belysning!")
        doc = store.document()
    notes = build_report(doc, redact=True).unclustered[0].notes
    assert [(n.text, n.comment) for n in notes] == [(WITHHELD, ""), ("Belysning!", "")]
    assert build_report(doc).unclustered[0].notes[0].text == "Kalle på Storgatan 3 är sjuk"


def test_empty_workshop_still_gives_a_report(tmp_path: Path) -> None:
    with Store.create(tmp_path / "w.samverkan") as store:
        report = build_report(store.document())
    assert report.title == "Workshop utan titel"
    assert report.summary == () and report.sections == () and report.unclustered == ()


def test_seed_report_has_every_note_once(seed_doc: m.Document) -> None:
    report = build_report(seed_doc)
    in_clusters = [n.id for s in report.all_sections() for n in s.notes]
    loose = [n.id for g in report.unclustered for n in g.notes]
    assert sorted(in_clusters + loose) == sorted(n.id for n in seed_doc.notes)
    assert len(report.summary) == len(seed_doc.clusters) >= 12
    votes = [r.votes for r in report.summary if r.depth == 0]
    assert votes == sorted(votes, reverse=True)


def test_one_note_and_one_vote_are_said_in_the_singular(
    small_doc: m.Document, tmp_path: Path
) -> None:
    from samverkan_desktop.core.export.report import section_facts

    report = build_report(small_doc)
    facts = {s.name: section_facts(s, report.labels) for s in report.all_sections()}
    assert facts["Mötesplatser"] == (
        "4 lappar, 8 röster · Arbetsmarknad grupp 1, Trygghet grupp 2, Klimat"
    )
    assert facts["Tomt kluster"] == "0 lappar, 0 röster"
    with Store.create(tmp_path / "one.samverkan", m.Workshop("W")) as store:
        one = store.add_cluster("Ensam")
        store.add_note("Belysning!", cluster_id=one.id, votes=1)
        doc = store.document()
    [section] = build_report(doc).sections
    assert section_facts(section, build_report(doc).labels) == "1 lapp, 1 röst"
    english = build_report(doc, language="en")
    assert section_facts(english.sections[0], english.labels) == "1 note, 1 vote"
