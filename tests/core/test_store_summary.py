"""`Store.summary()`: what `info` shows, counted by SQL, equals the counts over the document."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_summary
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store


def _expected(doc: m.Document) -> tuple:
    members = Counter(n.cluster_id for n in doc.notes)
    return (
        sum(1 for n in doc.notes if n.cluster_id is not None),
        sum(1 for n in doc.notes if n.uncertain),
        sum(1 for n in doc.notes if n.personal_data),
        dict(Counter(n.group_id for n in doc.notes)),
        tuple(
            (c.id, c.name, c.group_id, members[c.id])
            for c in sorted(doc.clusters, key=lambda c: c.id)
        ),
    )


def _got(summary: m.Summary) -> tuple:
    return (
        summary.clustered,
        summary.uncertain,
        summary.personal_data,
        summary.notes_per_group,
        summary.clusters,
    )


def test_the_sample_is_summed_up_as_its_document(tmp_path: Path, seed_path: Path):
    doc = read_source(seed_path)
    with Store.create(tmp_path / "w.samverkan", doc.workshop) as store:
        store.add_document(doc)
        stored = store.document()
        summary = store.summary()
    assert summary.notes == len(stored.notes) > 200
    assert summary.groups == stored.groups and summary.workshop == stored.workshop
    assert summary.clustered > 0 and summary.uncertain > 0
    assert _got(summary) == _expected(stored)
    assert summary == m.Summary.of(stored)  # the import's summary counts the same way


def test_info_counts_the_file_as_the_store_does_without_opening_one(
    tmp_path: Path, seed_path: Path
):
    """`info` reads a file with sqlite3 alone (store_summary.read): the same workshop, date,
    groups and their facilitators, and counts; the file is left exactly as it was."""
    doc = read_source(seed_path)
    path = tmp_path / "w.samverkan"
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
        stored = store.document()
    before = path.read_bytes()
    summary = store_summary.read(path)
    assert summary == m.Summary.of(stored)
    assert summary.workshop.date is not None and any(g.facilitators for g in summary.groups)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "w.samverkan"
    ]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 4), st.booleans(), st.booleans()), max_size=40
    )
)
def test_counts_match_for_any_mix_of_groups_clusters_and_flags(tmp_path_factory, rows):
    """Notes in no group, in groups; in clusters or not; empty clusters count 0."""
    groups = tuple(m.Group(id=i, name=f"G{i}") for i in (1, 2, 3))
    clusters = tuple(m.Cluster(id=i, name=f"K{i}", group_id=(i % 3) or None) for i in (1, 2, 3, 4))
    notes = tuple(
        m.Note(
            id=k + 1,
            text=f"lapp {k}",
            group_id=g or None,
            cluster_id=c or None,
            uncertain=u,
            personal_data=p,
        )
        for k, (g, c, u, p) in enumerate(rows)
    )
    doc = m.Document(m.Workshop("W"), groups, clusters, notes)
    path = tmp_path_factory.mktemp("s") / "w.samverkan"
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
        stored = store.document()
        summary = store.summary()
    assert summary.notes == len(rows)
    assert _got(summary) == _expected(dataclasses.replace(stored))
    assert summary == m.Summary.of(stored)
