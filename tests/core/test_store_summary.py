"""`Store.summary()`: what `info` shows, counted by SQL, equals the counts over the document."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_file, store_summary
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import DamagedFile, Store, StoreError


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


def _file(tmp_path: Path, seed_path: Path) -> Path:
    doc = read_source(seed_path)
    path = tmp_path / "w.samverkan"
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    return path


def _counting_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "samverkan-info-count"]


def test_the_count_runs_while_the_checks_run(tmp_path: Path, seed_path: Path, monkeypatch):
    """The checks (store_file.revision) wait here until the count has started: one after the
    other, they would wait in vain."""
    path = _file(tmp_path, seed_path)
    counting = threading.Event()
    original_counted, original_revision = store_summary.counted, store_file.revision

    def counted(con: sqlite3.Connection, name: str) -> m.Summary:
        counting.set()
        return original_counted(con, name)

    def revision(real: Path, name: str | None = None) -> str | None:
        assert counting.wait(30), "the count waited for the checks"
        return original_revision(real, name)

    monkeypatch.setattr(store_summary, "counted", counted)
    monkeypatch.setattr(store_file, "revision", revision)
    assert store_summary.read(path).notes > 200
    assert _counting_threads() == []


@pytest.mark.parametrize("count_fails", [False, True])
def test_a_file_the_checks_refuse_is_refused_in_their_words(
    tmp_path: Path, seed_path: Path, monkeypatch, count_fails: bool
):
    """Whatever the count made of it meanwhile (here: nothing wrong, or an error of its own),
    and no count is left running."""
    path = _file(tmp_path, seed_path)
    con = sqlite3.connect(path)
    con.execute("UPDATE notes SET updated_at = '2021-02-29 10:00:00.000000' WHERE id = 3")
    con.commit()
    con.close()
    if count_fails:

        def counted(con: sqlite3.Connection, name: str) -> m.Summary:
            raise StoreError("store.cannot_read_db", name=name, why="")

        monkeypatch.setattr(store_summary, "counted", counted)
    with pytest.raises(DamagedFile) as refused:
        store_summary.read(path)
    assert refused.value.message.code == "store.damaged_database"
    assert _counting_threads() == []


def test_text_that_is_not_utf8_is_found_by_the_count(tmp_path: Path, seed_path: Path):
    """The cell rules pass such a file (its type is text); the count reads every text."""
    path = _file(tmp_path, seed_path)
    con = sqlite3.connect(path)
    con.execute("UPDATE notes SET text = CAST(x'e4ff' AS TEXT) WHERE id = 3")
    con.commit()
    con.close()
    with pytest.raises(DamagedFile):
        store_summary.read(path)
    assert _counting_threads() == []
