"""`suggest` reads a workshop file with sqlite3 alone (core/store_document.py): the document
the store reads, value for value, and the file refused as the store refuses it."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_document
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import DamagedFile, Store

FIXTURES = Path(__file__).with_name("fixtures")


def _stored(path: Path) -> m.Document:
    with Store.open(path, readonly=True) as store:
        return store.document()


def test_the_sample_is_read_as_the_store_reads_it_and_left_as_it_was(
    tmp_path: Path, seed_path: Path
):
    doc = read_source(seed_path)
    path = tmp_path / "w.samverkan"
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
        note = store.notes()[0]
        store.update_note(note.id, text="Ändrad <b>text</b>", uncertain=True, votes=3)
    before = path.read_bytes()
    read = store_document.read(path)
    assert read == _stored(path)
    assert read.workshop.date is not None and any(g.facilitators for g in read.groups)
    assert read.notes[0].text == "Ändrad <b>text</b>" and read.notes[0].uncertain is True
    assert read.notes[0].updated_at > read.notes[0].created_at
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["w.samverkan"]


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=30, deadline=None)
@given(
    date=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    people=st.lists(_TEXT, max_size=3),
    notes=st.lists(
        st.tuples(_TEXT, st.booleans(), st.booleans(), st.integers(0, 9), st.integers(0, 3)),
        min_size=1,
        max_size=12,
    ),
    nested=st.booleans(),
    kinds=st.lists(st.sampled_from(sorted(m.LINK_KINDS)), max_size=3, unique=True),
)
def test_any_document_is_read_as_the_store_reads_it(
    tmp_path_factory, date, people, notes, nested, kinds
):
    """Dates or none, facilitators, flags, votes, colours, nested clusters, links, themes."""
    groups = (m.Group(1, "Grupp", tuple(people), 0), m.Group(2, "Andra", (), 1))
    clusters = (
        m.Cluster(1, "Tema", colour="#ffcc00", x=10.5, y=-3.25, width=400, height=300),
        m.Cluster(2, "Under", parent_id=1 if nested else None, group_id=2),
    )
    doc = m.Document(
        m.Workshop("Workshop", date, "Beskrivning"),
        groups,
        clusters,
        tuple(
            m.Note(
                i + 1,
                text,
                group_id=(i % 2) + 1,
                uncertain=uncertain,
                personal_data=personal,
                votes=votes,
                colour="#00aaff" if votes else "",
                x=i * 210.0,
                cluster_id=home or None if home <= 2 else None,
            )
            for i, (text, uncertain, personal, votes, home) in enumerate(notes)
        ),
        tuple(m.Link(1, len(notes), kind) for kind in kinds if len(notes) > 1),
        (m.ThemeLink(1, 1),),
    )
    path = tmp_path_factory.mktemp("d") / "w.samverkan"
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    assert store_document.read(path) == _stored(path)


def test_an_older_file_is_read_through_the_store_and_left_as_it_was(tmp_path: Path):
    oldest = sorted(FIXTURES.glob("schema-*.samverkan"))[0]
    path = tmp_path / "gammal.samverkan"
    shutil.copy2(oldest, path)
    before = path.read_bytes()
    read = store_document.read(path)
    assert len(read.notes) > 0 and read == _stored(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE notes SET updated_at = '2021-02-29 10:00:00.000000' WHERE id = 3",
        "UPDATE notes SET text = CAST(x'e4ff' AS TEXT) WHERE id = 3",
    ],
)
def test_a_damaged_file_is_refused_as_the_store_refuses_it(
    tmp_path: Path, seed_path: Path, damage: str
):
    doc = read_source(seed_path)
    path = tmp_path / "w.samverkan"
    with Store.create(path, doc.workshop) as store:
        store.add_document(doc)
    con = sqlite3.connect(path)
    con.execute(damage)
    con.commit()
    con.close()
    with pytest.raises(DamagedFile) as plain:
        store_document.read(path)
    with pytest.raises(DamagedFile) as stored:
        _stored(path)
    assert plain.value.message.code == stored.value.message.code
