"""`Store.add_document` adds each table in one statement (issue 10): the ids, the order, the
timestamps and the all-or-nothing are those of adding the rows one by one."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Store, StoreError

MOMENT = dt.datetime(2021, 11, 10, 9, 30, 0, 250000)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.create(tmp_path / "workshop.samverkan", m.Workshop("Stor workshop"))
    yield s
    s.close()


def _document(notes: int) -> m.Document:
    return m.Document(
        groups=(m.Group(7, "Sju"), m.Group(3, "Tre", ("Anna", "Bo"))),
        clusters=(
            m.Cluster(5, "Barn", parent_id=9, group_id=3),  # its parent comes after it
            m.Cluster(9, "Förälder", group_id=7, created_at=MOMENT, updated_at=MOMENT),
        ),
        notes=tuple(
            m.Note(
                100 - i,
                f"lapp {i}",
                group_id=(7, 3)[i % 2],
                cluster_id=(5, None)[i % 2],
                votes=i,
                uncertain=bool(i % 3),
                x=float(i),
                y=2.5 * i,
            )
            for i in range(notes)
        ),
        links=(m.Link(100, 99), m.Link(100, 99), m.Link(99, 100, m.DUPLICATE_OF)),
        themes=(m.ThemeLink(98, 9), m.ThemeLink(98, 9)),
    )


def test_new_ids_follow_the_largest_in_the_file_in_the_document_order(store: Store):
    kept = store.add_note("finns redan")
    gone = store.add_note("tas bort")
    store.delete_notes([gone.id])  # SQLite gives the freed largest id again, and so do we
    store.add_group("Befintlig")
    ids = store.add_document(_document(50))
    assert ids["notes"] == {100 - i: kept.id + 1 + i for i in range(50)}
    assert ids["groups"] == {7: 2, 3: 3} and ids["clusters"] == {5: 1, 9: 2}
    notes = {n.id: n for n in store.notes()}
    assert notes[ids["notes"][100]].text == "lapp 0" and notes[ids["notes"][51]].votes == 49
    assert notes[ids["notes"][99]].cluster_id is None
    assert notes[ids["notes"][98]].cluster_id == 1 and notes[ids["notes"][98]].group_id == 2
    assert [(g.name, g.position, g.facilitators) for g in store.groups()] == [
        ("Befintlig", 0, ()),
        ("Sju", 1, ()),
        ("Tre", 2, ("Anna", "Bo")),
    ]
    child, parent = store.clusters()
    assert (child.parent_id, child.group_id, parent.group_id) == (2, 3, 2)
    assert parent.created_at == MOMENT  # a time the document brings is kept
    assert all(n.created_at is not None and n.updated_at is not None for n in notes.values())
    a, b = ids["notes"][100], ids["notes"][99]
    assert sorted(store.links(), key=lambda lk: lk.kind) == [
        m.Link(b, a, m.DUPLICATE_OF),
        m.Link(a, b),
    ]
    assert store.themes() == [m.ThemeLink(ids["notes"][98], 2)]


def test_a_repeated_id_maps_to_its_last_row_as_before(store: Store):
    doc = m.Document(
        groups=(m.Group(1, "först"), m.Group(1, "sedan")), notes=(m.Note(1, "a", group_id=1),)
    )
    ids = store.add_document(doc)
    assert ids["groups"] == {1: 2}
    assert store.notes()[0].group_id == 2 and len(store.groups()) == 2


@pytest.mark.parametrize(
    ("broken", "says"),
    [
        ({"themes": (m.ThemeLink(100, 4711),)}, "temakoppling"),
        ({"links": (m.Link(100, 4711),)}, "länk"),
        ({"links": (m.Link(100, 99, "hates"),)}, "länktyp"),
        ({"clusters": (m.Cluster(5, "Barn", parent_id=4711),)}, "förälder"),
    ],
)
def test_a_broken_document_adds_nothing(store: Store, tmp_path: Path, broken, says):
    store.add_note("finns redan")
    before = store.document()
    doc = _document(30)
    with pytest.raises(StoreError, match=says):
        store.add_document(m.Document(**{**doc.__dict__, **broken}))
    assert store.document() == before


def test_a_value_sqlite_refuses_adds_nothing(store: Store):
    doc = _document(30)
    notes = (*doc.notes, m.Note(1, "för stort", votes=2**70))
    with pytest.raises(StoreError, match="för stort"):
        store.add_document(m.Document(**{**doc.__dict__, "notes": notes}))
    assert store.notes() == [] and store.groups() == []


def test_ids_at_the_end_of_the_range_are_left_to_sqlite(store: Store):
    path = store.path
    store.close()
    con = sqlite3.connect(path)
    top = 2**63 - 1  # SQLite picks free ids at random from here on
    con.execute(
        "INSERT INTO notes (id, text, section, source, uncertain, comment, "
        "personal_data, votes, colour, x, y, created_at, updated_at) VALUES "
        f"({top}, 'sist', '', '', 0, '', 0, 0, '', 0, 0, "
        "'2021-11-10 09:30:00.000000', '2021-11-10 09:30:00.000000')"
    )
    con.commit()
    con.close()
    with Store.open(path) as reopened:
        ids = reopened.add_document(_document(3))
        notes = {n.id: n for n in reopened.notes()}
    assert len(notes) == 4 and notes[top].text == "sist"
    assert sorted(ids["notes"]) == [98, 99, 100]
    assert {notes[ids["notes"][100 - i]].text for i in range(3)} == {"lapp 0", "lapp 1", "lapp 2"}


def test_reading_many_notes_gives_the_snapshots_one_by_one_reads_give(store: Store):
    store.add_document(_document(300))
    every = store.notes()
    assert [n.id for n in every] == sorted(n.id for n in every)
    assert every[5:9] == store.notes([n.id for n in every[5:9]])
    assert every[0] == store.note(every[0].id)
    assert isinstance(every[0].uncertain, bool) and isinstance(every[0].x, float)
    assert isinstance(every[0].created_at, dt.datetime)
    assert store.clusters()[1] == store.cluster(store.clusters()[1].id)
