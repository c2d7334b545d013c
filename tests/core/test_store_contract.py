"""One contract, two back ends: everything the board and the importers ask of the store holds
the same on a SQLite file and on a workshop schema on a real PostgreSQL server (issue 14).

`backend` is either; `store` is a new workshop on it. What only a file has (its journal, its
lock, damage checks) stays in tests/core/test_store*.py; what only a server has, in
test_store_server.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from samverkan_desktop.core import limits
from samverkan_desktop.core import model as m
from samverkan_desktop.core.messages import describe
from samverkan_desktop.core.schema import ClusterRow, NoteRow
from samverkan_desktop.core.store import Change, RowMovedOn, Store, StoreError

DATE = dt.date(2021, 11, 10)
WORKSHOP = m.Workshop("Fördjupningsdag om samverkan", DATE, "Anteckningar")


class Backend:
    """Where a test's workshop lives, and how it is opened again."""

    def __init__(self, kind: str, tmp_path: Path, url: str | None) -> None:
        self.kind = kind
        self._path = tmp_path / "workshop.samverkan"
        self._url = url

    def create(self, workshop: m.Workshop = WORKSHOP) -> Store:
        if self._url is None:
            return Store.create(self._path, workshop)
        return Store.create_url(self._url, workshop, key="verkstad")

    def open(self, *, readonly: bool = False) -> Store:
        if self._url is None:
            return Store.open(self._path, readonly=readonly)
        return Store.open_url(self._url, "verkstad", readonly=readonly)

    def reopen(self, store: Store) -> Store:
        store.close()
        return self.open()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path: Path) -> Backend:
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    return Backend(request.param, tmp_path, url)


@pytest.fixture
def store(backend: Backend):
    s = backend.create()
    yield s
    s.close()


@pytest.fixture
def changes(store: Store) -> list[Change]:
    seen: list[Change] = []
    store.subscribe(seen.append)
    return seen


def _content(doc: m.Document) -> m.Document:
    """A document without timestamps, which legitimately differ between writes."""
    return m.Document(
        workshop=doc.workshop,
        groups=doc.groups,
        clusters=tuple(c.with_(created_at=None, updated_at=None) for c in doc.clusters),
        notes=tuple(n.with_(created_at=None, updated_at=None) for n in doc.notes),
        links=tuple(sorted(doc.links, key=lambda lk: (lk.source, lk.target, lk.kind))),
        themes=tuple(sorted(doc.themes, key=lambda t: (t.note_id, t.cluster_id))),
    )


def _sorted(doc: m.Document) -> m.Document:
    """The document with links and themes in one order (neither back end promises one)."""
    return m.Document(
        doc.workshop,
        doc.groups,
        doc.clusters,
        doc.notes,
        tuple(sorted(doc.links, key=lambda lk: (lk.source, lk.target, lk.kind))),
        tuple(sorted(doc.themes, key=lambda t: (t.note_id, t.cluster_id))),
    )


def _fill(store: Store) -> dict[str, object]:
    """A small workshop, written as an import writes one (add_document)."""
    ids = store.add_document(
        m.Document(
            groups=(
                m.Group(1, "Arbetsmarknad grupp 1", ("Anette Valdemarsson", "Fredrik Wouda")),
                m.Group(2, "Trygghet grupp 2", ("Lovisa Strand",), position=1),
            ),
            clusters=(
                m.Cluster(1, "Trygghet", group_id=2, x=10, y=20, width=300, height=200),
                m.Cluster(2, "Belysning", parent_id=1),
            ),
            notes=(
                m.Note(1, "Mötesplatser behövs", group_id=1, source="orebro.txt:30", x=5, y=6),
                m.Note(2, "Belysning!", group_id=2, cluster_id=2, uncertain=True),
                m.Note(3, "Ring Anna 070-123 45 67", group_id=2, personal_data=True, votes=3),
            ),
            links=(m.Link(1, 2, m.RELATES_TO), m.Link(3, 1, m.DUPLICATE_OF)),
            themes=(m.ThemeLink(1, 1),),
        )
    )
    groups = {g.id: g for g in store.groups()}
    return {
        "g1": groups[ids["groups"][1]],
        "g2": groups[ids["groups"][2]],
        "parent": store.cluster(ids["clusters"][1]),
        "child": store.cluster(ids["clusters"][2]),
        "a": store.note(ids["notes"][1]),
        "b": store.note(ids["notes"][2]),
        "c": store.note(ids["notes"][3]),
    }


# ------------------------------------------------------------------------ create, open, close
def test_a_new_workshop_reopens_with_its_title_and_nothing_else(backend: Backend, store):
    store.close()
    with backend.open() as again:
        assert again.workshop() == WORKSHOP
        assert again.notes() == [] and again.groups() == [] and again.clusters() == []


def test_a_second_workshop_of_the_same_name_is_refused(backend: Backend, store):
    store.add_note("finns kvar")
    with pytest.raises(StoreError, match="finns redan") as info:
        backend.create(m.Workshop("Annan"))
    assert "\n" not in str(info.value)
    assert [n.text for n in store.notes()] == ["finns kvar"]


def test_reopening_gives_back_exactly_the_same_document(backend: Backend, store):
    _fill(store)
    before = store.document()
    with backend.reopen(store) as again:
        assert _sorted(again.document()) == _sorted(before)  # timestamps, floats, flags, JSON


def test_a_read_only_store_reads_but_every_write_is_refused(backend: Backend, store):
    ids = _fill(store)
    before = store.document()
    store.close()
    with backend.open(readonly=True) as ro:
        assert ro.readonly and len(ro.notes()) == 3
        writes = [
            lambda: ro.add_note("ny lapp"),
            lambda: ro.update_note(ids["a"].id, text="ändrad"),
            lambda: ro.delete_cluster(ids["parent"].id),
            lambda: ro.set_meta("view", "{}"),
        ]
        for write in writes:
            with pytest.raises(StoreError) as info:
                write()
            assert "\n" not in describe(info.value, "en")
    with backend.open() as again:
        assert _sorted(again.document()) == _sorted(before)


# ------------------------------------------------------------------------ every write method
def test_workshop_and_meta_are_saved(backend: Backend, store):
    store.set_workshop(m.Workshop("Ny titel", dt.date(2022, 1, 2), "Beskrivning"))
    store.set_meta("view", '{"zoom": 0.5}')
    store.set_meta("view", '{"zoom": 2}')  # a key written twice holds the last value
    with backend.reopen(store) as again:
        assert again.workshop() == m.Workshop("Ny titel", dt.date(2022, 1, 2), "Beskrivning")
        assert again.get_meta("view") == '{"zoom": 2}'
        assert again.get_meta("saknas", "standard") == "standard"


def test_groups_are_added_in_order_renamed_and_removed(backend: Backend, store):
    g1 = store.add_group("Grupp 1", ["Anna", "Bo"])
    g2 = store.add_group("Grupp 2")
    store.update_group(g2.id, name="Psykisk ohälsa", facilitators=["Tina Modin", "Åsa Öberg"])
    g3 = store.add_group("Grupp 3")
    removed = store.delete_groups([g3.id])
    assert [g.name for g in removed] == ["Grupp 3"]
    with backend.reopen(store) as again:
        assert again.groups() == [
            m.Group(g1.id, "Grupp 1", ("Anna", "Bo"), 0),
            m.Group(g2.id, "Psykisk ohälsa", ("Tina Modin", "Åsa Öberg"), 1),
        ]
        again.restore_groups(removed)
        assert [g.id for g in again.groups()] == [g1.id, g2.id, g3.id]
        assert again.add_group("Grupp 4").id not in {g1.id, g2.id, g3.id}


def test_note_fields_are_saved_and_updated(backend: Backend, store):
    g = store.add_group("G")
    note = store.add_note(
        "Språk – även att ”det” fastnat 😀",
        group_id=g.id,
        section="Behov",
        source="o.txt:12-14",
        uncertain=True,
        comment="svårläst",
        personal_data=True,
        votes=2,
        colour="#ffcc00",
        x=12.5,
        y=-3.0,
    )
    store.update_note(note.id, text="Språk", votes=5, uncertain=False)
    other = store.add_note("Motivation")
    store.update_notes({note.id: {"comment": ""}, other.id: {"section": "Metod"}})
    store.move_notes({note.id: (100.0, 200.0), other.id: (300.25, -400.0)})
    with backend.reopen(store) as again:
        saved = again.note(note.id)
        assert (saved.text, saved.votes, saved.uncertain, saved.comment) == ("Språk", 5, False, "")
        assert (saved.section, saved.source, saved.personal_data) == ("Behov", "o.txt:12-14", True)
        assert (saved.colour, saved.group_id, saved.x, saved.y) == ("#ffcc00", g.id, 100.0, 200.0)
        # Every field, so that a new one the store forgets to write fails here.
        assert saved.with_(created_at=None, updated_at=None) == m.Note(
            note.id,
            "Språk",
            group_id=g.id,
            section="Behov",
            source="o.txt:12-14",
            uncertain=False,
            comment="",
            personal_data=True,
            votes=5,
            colour="#ffcc00",
            x=100.0,
            y=200.0,
            cluster_id=None,
        )
        assert again.note(other.id).section == "Metod"
        assert (again.note(other.id).x, again.note(other.id).y) == (300.25, -400.0)
        assert saved.created_at is not None and saved.updated_at >= saved.created_at
        assert again.notes([other.id]) == [again.note(other.id)]


def test_text_round_trips_exactly(store: Store):
    text = "Rad ett\nRad två\t<b>inte fetstil</b> & \"citat\" 'apostrof' \\ ‰ 中文 🧩"
    note = store.add_note(text)
    assert store.note(note.id).text == text


def test_unknown_fields_missing_rows_and_values_out_of_range_are_refused(store: Store):
    note = store.add_note("a")
    with pytest.raises(ValueError):
        store.update_note(note.id, colour_name="röd")
    with pytest.raises(StoreError, match="finns inte"):
        store.update_note(9999, text="b")
    with pytest.raises(StoreError):
        store.note(9999)
    with pytest.raises(StoreError, match="högst"):
        store.update_note(note.id, text="x" * (limits.MAX_TEXT_CHARS + 1))
    with pytest.raises(StoreError):
        store.update_note(note.id, votes=-1)
    with pytest.raises(StoreError):
        store.move_notes({note.id: (float("nan"), 0.0)})
    assert store.note(note.id).text == "a" and store.note(note.id).votes == 0


def test_a_new_note_or_cluster_is_given_back_as_stored(store: Store):
    """What `add_note` and `add_cluster` return (what the board shows at once) is the row as
    it is stored, defaults and times included, at version 1; also after other new rows in the
    same transaction."""
    group = store.add_group("Grupp 1")
    with store.transaction():
        store.set_meta("vy", "{}")
        frame = store.add_cluster("Tema", x=10.0, width=300.0, group_id=group.id)
        inner = store.add_cluster("Inre", parent_id=frame.id)
        note = store.add_note("Lapp", cluster_id=inner.id, uncertain=True, votes=2)
        plain = store.add_note("")
    assert [frame, inner] == store.clusters([frame.id, inner.id])
    assert [note, plain] == store.notes([note.id, plain.id])
    assert note.created_at is not None and note.updated_at is not None
    assert (plain.text, plain.group_id, plain.cluster_id, plain.x) == ("", None, None, 0.0)
    assert store.versions("note") == {note.id: 1, plain.id: 1}
    assert store.get_meta("vy") == "{}"


def test_membership_puts_notes_in_and_out_of_clusters(backend: Backend, store):
    c = store.add_cluster("Trygghet")
    a, b = store.add_note("a"), store.add_note("b")
    store.set_membership({a.id: c.id, b.id: c.id})
    store.set_membership({b.id: None})
    with backend.reopen(store) as again:
        assert again.note(a.id).cluster_id == c.id
        assert again.note(b.id).cluster_id is None


def test_membership_in_a_missing_cluster_is_refused(store: Store):
    a = store.add_note("a")
    with pytest.raises(StoreError) as info:
        store.set_membership({a.id: 4711})
    assert "\n" not in describe(info.value, "en")
    assert store.note(a.id).cluster_id is None


def test_cluster_fields_are_saved_and_updated(backend: Backend, store):
    g = store.add_group("G")
    c = store.add_cluster(
        "Tema", description="d", colour="#abc", x=1, y=2, width=3, height=4, group_id=g.id
    )
    store.update_cluster(c.id, name="Trygghet", width=450.0)
    d = store.add_cluster("Annat")
    store.update_clusters({c.id: {"description": "Om trygghet"}, d.id: {"x": 900.0}})
    with backend.reopen(store) as again:
        saved = again.cluster(c.id)
        assert (saved.name, saved.description, saved.colour) == ("Trygghet", "Om trygghet", "#abc")
        assert (saved.x, saved.y, saved.width, saved.height, saved.group_id) == (1, 2, 450, 4, g.id)
        assert again.cluster(d.id).x == 900.0


def test_links_are_added_once_and_removed(backend: Backend, store):
    a, b = store.add_note("a"), store.add_note("b")
    store.add_link(m.Link(a.id, b.id, m.DUPLICATE_OF))
    store.add_link(m.Link(a.id, b.id, m.DUPLICATE_OF))  # twice is still one link
    store.add_link(m.Link(b.id, a.id))
    assert len(store.links()) == 2
    assert set(store.links()) == {m.Link(a.id, b.id, m.DUPLICATE_OF), m.Link(b.id, a.id)}
    store.remove_link(m.Link(a.id, b.id, m.DUPLICATE_OF))
    with backend.reopen(store) as again:
        assert again.links() == [m.Link(b.id, a.id)]


def test_bad_links_are_refused(store: Store):
    a = store.add_note("a")
    with pytest.raises(StoreError, match="sig själv"):
        store.add_link(m.Link(a.id, a.id))
    with pytest.raises(StoreError, match="länktyp"):
        store.add_link(m.Link(a.id, a.id + 1, "likes"))
    with pytest.raises(StoreError):
        store.add_link(m.Link(a.id, 4711))  # no such note
    assert store.links() == []


@pytest.mark.parametrize("parent_first", [False, True], ids=["child first", "parent first"])
def test_add_document_adds_everything_with_new_ids(store: Store, parent_first: bool):
    store.add_group("Befintlig grupp")
    old = store.add_note("redan här")
    clusters = (m.Cluster(2, "Under", parent_id=1), m.Cluster(1, "Tema", group_id=1))
    doc = m.Document(
        m.Workshop("Ignoreras", None, "Fyller i tom beskrivning"),
        groups=(m.Group(1, "Ny grupp", ("Anna",)),),
        clusters=clusters[::-1] if parent_first else clusters,
        notes=(m.Note(1, "a", group_id=1, cluster_id=2), m.Note(2, "b", group_id=1)),
        links=(m.Link(1, 2),),
        themes=(m.ThemeLink(2, 1),),
    )
    ids = store.add_document(doc)
    new_group = ids["groups"][1]
    cluster, under = ids["clusters"][1], ids["clusters"][2]
    a, b = ids["notes"][1], ids["notes"][2]
    assert old.id not in (a, b)
    assert store.workshop() == WORKSHOP  # a workshop's own title and description are kept
    assert store.workshop().title == "Fördjupningsdag om samverkan"
    assert [g.name for g in store.groups()] == ["Befintlig grupp", "Ny grupp"]
    assert store.groups()[1].position == 1
    assert store.cluster(cluster).group_id == new_group
    assert store.cluster(under).parent_id == cluster  # also when it came after its child
    assert store.note(a).cluster_id == under and store.note(b).group_id == new_group
    assert store.links() == [m.Link(a, b)]
    assert store.themes() == [m.ThemeLink(b, cluster)]
    # New rows after an import get ids of their own.
    assert store.add_note("efter").id not in {old.id, a, b}
    assert store.add_cluster("efter").id not in {cluster, under}


def test_add_document_keeps_id_0_apart_from_no_id(store: Store):
    # A hand-written JSON file may number from 0; the cluster must keep its group.
    doc = m.Document(
        groups=(m.Group(0, "Grupp noll"),),
        clusters=(m.Cluster(0, "Tema noll", group_id=0),),
        notes=(m.Note(0, "Lapp noll", group_id=0, cluster_id=0),),
    )
    ids = store.add_document(doc)
    (group,) = store.groups()
    (cluster,) = store.clusters()
    (note,) = store.notes()
    assert ids == {"groups": {0: group.id}, "clusters": {0: cluster.id}, "notes": {0: note.id}}
    assert cluster.group_id == group.id
    assert (note.group_id, note.cluster_id) == (group.id, cluster.id)


def test_add_document_with_a_dangling_link_adds_nothing(store: Store, changes):
    doc = m.Document(
        groups=(m.Group(1, "G"),), notes=(m.Note(1, "a", group_id=1),), links=(m.Link(1, 99),)
    )
    with pytest.raises(StoreError, match="saknas"):
        store.add_document(doc)
    assert store.groups() == [] and store.notes() == []
    assert changes == []


def test_summary_counts_what_the_board_shows(store: Store):
    ids = _fill(store)
    summary = store.summary()
    counts = (summary.notes, summary.clustered, summary.uncertain, summary.personal_data)
    assert counts == (3, 1, 1, 1)
    assert summary.notes_per_group == {ids["g1"].id: 1, ids["g2"].id: 2}
    assert summary == m.Summary.of(store.document())
    assert [(c[1], c[3]) for c in summary.clusters] == [("Trygghet", 0), ("Belysning", 1)]


def test_save_copy_writes_a_file_with_the_whole_document(store: Store, tmp_path: Path):
    _fill(store)
    before = store.document()
    copy = tmp_path / "kopia.samverkan"
    store.save_copy(copy)
    store.add_note("efter kopian")
    with Store.open(copy) as saved:
        assert _sorted(saved.document()) == _sorted(before)  # every id and timestamp kept
        saved.add_note("i kopian")
    assert len(store.notes()) == 4


# ------------------------------------------------------------------------ transactions, changes
def test_a_failing_write_in_a_transaction_undoes_the_earlier_ones(backend, store, changes):
    a = store.add_note("a")
    changes.clear()
    with pytest.raises(StoreError):
        with store.transaction():
            store.add_group("G")
            store.update_note(a.id, text="ändrad")
            store.add_note("b")
            store.update_note(4711, text="finns inte")
            store.add_note("c")
    assert store.groups() == []
    assert [n.text for n in store.notes()] == ["a"]
    assert changes == []  # nothing was committed, so nobody is told anything
    with backend.reopen(store) as again:
        assert [n.text for n in again.notes()] == ["a"]
        assert again.add_note("d").text == "d"  # and the workshop takes writes as before


def test_an_exception_in_a_transaction_rolls_back_too(store: Store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_note("a")
            raise RuntimeError("avbrott")
    assert store.notes() == []


def test_a_transaction_commits_once_and_notifies_once(store: Store, changes):
    with store.transaction():
        g = store.add_group("G")
        a = store.add_note("a", group_id=g.id)
        b = store.add_note("b")
        c = store.add_cluster("Tema")
        store.set_membership({b.id: c.id})
    assert len(changes) == 1
    assert changes[0].changed["note"] == {a.id, b.id}
    assert changes[0].changed["group"] == {g.id}
    assert changes[0].changed["cluster"] == {c.id}


def test_each_write_notifies_what_it_changed(store: Store, changes):
    a = store.add_note("a")
    assert changes[-1] == Change({"note": frozenset({a.id})}, {})
    store.move_notes({a.id: (1.0, 2.0)})
    assert changes[-1].changed == {"note": {a.id}}
    c = store.add_cluster("Tema")
    assert changes[-1].changed == {"cluster": {c.id}}
    store.set_workshop(m.Workshop("T"))
    assert "workshop" in changes[-1].changed
    removal = store.delete_notes([a.id])
    assert changes[-1].removed == {"note": {a.id}}
    store.restore_notes(removal)
    assert changes[-1].changed == {"note": {a.id}}
    store.delete_cluster(c.id)
    assert changes[-1].removed == {"cluster": {c.id}}


def test_a_commit_that_only_set_fields_says_what_it_set_and_the_row_is_that(store: Store, changes):
    """What a commit set on a row, with the row's version before and after: the row held at
    the version before, with those fields set, is the row a read gives (so it need not be
    read again); a row changed some other way too is named for reading, not described."""
    a, b = store.add_note("a"), store.add_note("b")
    c = store.add_cluster("Tema", x=10.0)
    before = {n.id: n for n in store.notes()}
    versions = store.versions("note", [a.id, b.id])
    with store.transaction():
        store.move_notes({a.id: (100, 200)})  # (ints: a read gives floats)
        store.set_membership({a.id: c.id, b.id: c.id})
        store.update_note(b.id, text="b igen")
        store.update_cluster(c.id, name="Nytt", width=300)
    change = changes[-1]
    assert change.changed == {"note": {a.id, b.id}, "cluster": {c.id}}
    done = change.written["note"][a.id]
    assert (done.since, done.version) == (versions[a.id], store.versions("note", [a.id])[a.id])
    assert set(done.fields) == {"id", "x", "y", "cluster_id", "updated_at"}
    assert replace(before[a.id], **done.fields) == store.note(a.id)
    assert type(done.fields["x"]) is float
    done_b = change.written["note"][b.id]
    assert replace(before[b.id], **done_b.fields) == store.note(b.id)
    assert done_b.version == done_b.since + 2  # two updates, each one version on
    assert change.written["cluster"][c.id].fields["width"] == 300.0

    store.update_note(a.id, text="a igen")
    removal = store.delete_notes([b.id])
    with store.transaction():
        store.restore_notes(removal)  # not by setting fields: read again
        store.move_notes({b.id: (5.0, 5.0)})
    assert changes[-1].changed == {"note": {b.id}}
    assert changes[-1].written == {}
    with pytest.raises(StoreError):
        with store.transaction():
            store.move_notes({a.id: (7.0, 7.0)})
            store.update_note(4711, text="finns inte")
    store.add_note("c")  # nothing of the failed one is told with the next commit
    assert changes[-1].written == {}


def test_unsubscribed_callbacks_hear_nothing(store: Store):
    heard: list[Change] = []
    unsubscribe = store.subscribe(heard.append)
    store.add_note("a")
    unsubscribe()
    store.add_note("b")
    assert len(heard) == 1


def test_reads_inside_a_transaction_see_its_own_writes(store: Store):
    with store.transaction():
        a = store.add_note("a")
        assert [n.id for n in store.notes()] == [a.id]


# ------------------------------------------------------------------------ delete and restore
def test_deleted_notes_come_back_exactly_with_their_links_and_themes(store: Store):
    ids = _fill(store)
    before = store.document()
    removal = store.delete_notes([ids["a"].id, ids["b"].id])
    assert [n.id for n in store.notes()] == [ids["c"].id]
    assert store.links() == [] and store.themes() == []
    store.restore_notes(removal)
    assert _content(store.document()) == _content(before)
    assert store.document().notes == before.notes  # timestamps too: it is the same note
    # A note added after an undo never takes the id of one that came back.
    assert store.add_note("ny").id not in {n.id for n in before.notes}


def test_deleted_cluster_comes_back_with_members_children_and_themes(store: Store):
    ids = _fill(store)
    grand = store.add_cluster("Lampor", parent_id=ids["child"].id)
    before = store.document()
    removal = store.delete_cluster(ids["child"].id)
    assert store.note(ids["b"].id).cluster_id == ids["parent"].id
    assert store.cluster(grand.id).parent_id == ids["parent"].id
    store.restore_cluster(removal)
    assert _content(store.document()) == _content(before)

    removal = store.delete_cluster(ids["parent"].id)
    assert store.themes() == []
    assert store.cluster(ids["child"].id).parent_id is None
    store.restore_cluster(removal)
    assert _content(store.document()) == _content(before)
    assert store.add_cluster("ny").id not in {c.id for c in before.clusters}


def test_a_row_written_in_a_transaction_is_read_as_written_later_in_it(store: Store):
    """A write in a transaction sees what the earlier ones wrote, also where the session
    already holds the row (a removal then keeps the frame as renamed, for its undo)."""
    outer, inner = store.add_cluster("Ute"), store.add_cluster("Inne")
    note = store.add_note("a")
    with store.transaction() as s:
        held = s.get(ClusterRow, outer.id), s.get(NoteRow, note.id)
        store.update_clusters({inner.id: {"parent_id": outer.id}})
        store.update_clusters({outer.id: {"name": "Ute 2", "x": 40.0}})
        store.move_notes({note.id: (5.0, 6.0)})
        assert (held[0].name, held[0].version, held[1].x, held[1].version) == ("Ute 2", 2, 5.0, 2)
        removal = store.delete_cluster(outer.id)
    assert (removal.cluster.name, removal.cluster.x, removal.version) == ("Ute 2", 40.0, 2)
    store.restore_cluster(removal)
    assert store.cluster(outer.id).name == "Ute 2" and store.cluster(inner.id).parent_id == outer.id
    assert store.versions("cluster") == {outer.id: 3, inner.id: 4}


def test_deleting_a_note_keeps_the_others_links(store: Store):
    ids = _fill(store)
    store.delete_notes([ids["b"].id])
    assert store.links() == [m.Link(ids["c"].id, ids["a"].id, m.DUPLICATE_OF)]


# ------------------------------------------------------------------------ nesting
def test_clusters_nest_but_never_inside_themselves(store: Store):
    top = store.add_cluster("Trygghet")
    mid = store.add_cluster("Belysning", parent_id=top.id)
    low = store.add_cluster("Gångvägar", parent_id=mid.id)
    with pytest.raises(StoreError, match="sig självt"):
        store.update_cluster(top.id, parent_id=low.id)
    with pytest.raises(StoreError, match="sig självt"):
        store.update_cluster(mid.id, parent_id=mid.id)
    assert store.cluster(top.id).parent_id is None
    store.update_cluster(low.id, parent_id=top.id)  # moving up is fine
    assert store.cluster(low.id).parent_id == top.id
    store.update_cluster(low.id, parent_id=None)  # and out of every frame
    assert store.cluster(low.id).parent_id is None


def test_a_missing_parent_and_too_deep_nesting_are_refused(store: Store):
    c = store.add_cluster("Tema")
    with pytest.raises(StoreError):
        store.update_cluster(c.id, parent_id=4711)
    assert store.cluster(c.id).parent_id is None
    parent = c
    for depth in range(2, limits.MAX_CLUSTER_DEPTH + 1):
        parent = store.add_cluster(f"nivå {depth}", parent_id=parent.id)
    with pytest.raises(StoreError):
        store.add_cluster("för djupt", parent_id=parent.id)
    assert len(store.clusters()) == limits.MAX_CLUSTER_DEPTH


# ------------------------------------------------------------------------ row versions
def test_every_write_of_a_row_moves_its_version_on_and_only_its_own(store: Store):
    a, b = store.add_note("a"), store.add_note("b")
    top = store.add_cluster("Tema")
    inner = store.add_cluster("Inre", parent_id=top.id)
    assert store.versions("note") == {a.id: 1, b.id: 1}
    store.update_note(a.id, text="a2")
    store.move_notes({a.id: (1.0, 2.0)})
    store.set_membership({b.id: inner.id})
    assert store.versions("note") == {a.id: 3, b.id: 2}
    store.update_cluster(top.id, name="Tema 2")
    assert store.versions("cluster") == {top.id: 2, inner.id: 1}
    store.delete_cluster(inner.id)  # its note and nothing else moves into the cluster around it
    assert store.versions("note", [b.id]) == {b.id: 3} and store.note(b.id).cluster_id == top.id
    assert store.versions("note", [a.id]) == {a.id: 3}


def test_rows_and_their_versions_are_read_together(store: Store):
    a, b = store.add_note("a"), store.add_note("b")
    top = store.add_cluster("Tema")
    store.move_notes({b.id: (3.0, 4.0)})
    assert store.notes_and_versions([b.id, a.id, 4711]) == (
        store.notes([a.id, b.id]),
        {a.id: 1, b.id: 2},
    )
    assert store.clusters_and_versions([top.id]) == ([store.cluster(top.id)], {top.id: 1})
    assert store.notes_and_versions([]) == ([], {})


def test_a_write_based_on_the_current_version_is_made(store: Store):
    note = store.add_note("a")
    cluster = store.add_cluster("Tema")
    store.update_note(note.id, text="b", based_on=store.versions("note")[note.id])
    store.update_clusters({cluster.id: {"x": 5.0}}, based_on=store.versions("cluster"))
    assert store.note(note.id).text == "b" and store.cluster(cluster.id).x == 5.0
    assert store.versions("note")[note.id] == 2 and store.versions("cluster")[cluster.id] == 2


def test_a_write_based_on_a_version_that_moved_on_is_refused_and_writes_nothing(
    store: Store, changes
):
    note = store.add_note("Belysning i parken behövs för att folk ska våga gå hem på kvällen")
    other = store.add_note("b")
    seen = store.versions("note")  # what one window drew
    store.move_notes({note.id: (50.0, 60.0)})  # meanwhile, another window moved it
    changes.clear()
    with pytest.raises(RowMovedOn) as info:
        store.update_notes({note.id: {"x": 0.0}, other.id: {"text": "ändrad"}}, based_on=seen)
    assert (info.value.kind, info.value.ids) == ("note", (note.id,))
    said = describe(info.value, "sv")
    assert said.startswith("Någon annan har ändrat lappen ”Belysning i parken behövs för")
    assert "…" in said and "\n" not in said
    assert "meanwhile" in describe(info.value, "en")
    assert (store.note(note.id).x, store.note(other.id).text) == (50.0, "b")
    assert store.versions("note") == {note.id: 2, other.id: 1} and changes == []


def test_clusters_that_moved_on_are_refused_by_count(store: Store):
    a, b = store.add_cluster("A"), store.add_cluster("B")
    seen = store.versions("cluster")
    store.update_clusters({a.id: {"name": "A2"}, b.id: {"name": "B2"}})
    with pytest.raises(RowMovedOn, match="2 av klustren") as info:
        store.update_clusters({a.id: {"x": 1.0}, b.id: {"x": 1.0}}, based_on=seen)
    assert info.value.ids == (a.id, b.id)
    assert [c.x for c in store.clusters()] == [0.0, 0.0]


def test_a_row_that_comes_back_by_undo_is_never_an_earlier_version(store: Store):
    note = store.add_note("a")
    cluster = store.add_cluster("Tema")
    store.update_note(note.id, text="b")
    seen = store.versions("note")  # {note: 2}
    store.restore_notes(store.delete_notes([note.id]))
    assert store.versions("note") == {note.id: 3}
    with pytest.raises(RowMovedOn):  # deleted and put back meanwhile: not what was seen
        store.update_note(note.id, text="c", based_on=seen[note.id])
    store.update_cluster(cluster.id, name="Tema 2")
    store.restore_cluster(store.delete_cluster(cluster.id))
    assert store.versions("cluster") == {cluster.id: 3}


def test_check_versions_refuses_a_transaction_over_a_row_that_moved_on(store: Store):
    """An undo writes a row more than once in one transaction: it checks first, and learns
    which rows it wrote (`written`) to read the versions it leaves."""
    note = store.add_note("a")
    cluster = store.add_cluster("Tema")
    seen = store.versions("note")
    with store.transaction():
        store.check_versions("note", seen)
        store.check_versions("cluster", {})
        store.move_notes({note.id: (1.0, 1.0)})
        store.update_cluster(cluster.id, name="Tema 2")
        assert store.written("note") == {note.id} and store.written("cluster") == {cluster.id}
    assert store.written("note") == frozenset()
    store.move_notes({note.id: (2.0, 2.0)})  # someone else, meanwhile
    with pytest.raises(RowMovedOn), store.transaction():
        store.check_versions("note", seen)
        store.update_note(note.id, text="b")
    assert store.note(note.id).text == "a"
    with store.transaction():
        gone = store.delete_notes([note.id])
        assert store.written("note") == frozenset()
    with pytest.raises(RowMovedOn):  # removed since: moved on too
        store.check_versions("note", store.versions("note") | {note.id: 3})
    store.restore_notes(gone)


def test_written_versions_are_those_the_transaction_left_its_rows_at(store: Store):
    """What an undo learns it left each row at (ui/versions.py), however the rows were
    written: by field, moved on by a frame's removal, or removed (and put back: `written`
    leaves out what the transaction removed)."""
    frame = store.add_cluster("Tema")
    a, b, c = (store.add_note(t, cluster_id=frame.id) for t in "abc")
    other = store.add_cluster("Annat")
    with store.transaction():
        store.check_versions("note", {a.id: 1, b.id: 1})
        store.move_notes({a.id: (1.0, 1.0), b.id: (2.0, 2.0)})
        store.update_clusters({frame.id: {"name": "Tema 2"}, other.id: {"x": 5.0}})
        store.delete_cluster(frame.id)  # a, b and c move out of it: each one version on
        store.restore_notes(store.delete_notes([c.id]))
        store.move_notes({b.id: (3.0, 3.0)})
        written = {kind: store.written_versions(kind) for kind in ("note", "cluster")}
        assert written == {
            "note": store.versions("note", [a.id, b.id]),
            "cluster": store.versions("cluster", [other.id]),
        }
    assert written == {"note": {a.id: 3, b.id: 4}, "cluster": {other.id: 2}}
    with store.transaction():
        store.check_versions("note", {a.id: 3})
        store.set_membership({a.id: other.id})
        with pytest.raises(RowMovedOn):  # it is one on from what was checked, by this write
            store.check_versions("note", {a.id: 3})


def test_contents_says_what_each_cluster_holds_directly(store: Store):
    """What a frame holds, read when a move of it is checked (ui/commands/conflicts.py): a
    note someone else has just put in it changes its contents, not its row."""
    outer = store.add_cluster("Ute")
    inner = store.add_cluster("Inne", parent_id=outer.id)
    empty = store.add_cluster("Tom")
    note = store.add_note("a", cluster_id=inner.id)
    store.add_note("lös")
    assert store.contents([outer.id, inner.id, empty.id]) == {
        outer.id: {("cluster", inner.id)},
        inner.id: {("note", note.id)},
        empty.id: frozenset(),
    }
    version = store.versions("cluster", [empty.id])
    store.set_membership({note.id: empty.id})
    assert store.contents([inner.id, empty.id]) == {
        inner.id: frozenset(),
        empty.id: {("note", note.id)},
    }
    assert store.versions("cluster", [empty.id]) == version  # the frame's row is unchanged
    assert store.contents([]) == {}


def test_a_file_open_alone_is_not_shared_a_server_workshop_is(backend: Backend, store: Store):
    """`shared`: others can change the rows meanwhile, so a gesture states what it was based
    on. A file open shared with other windows is too."""
    assert store.shared is (backend.kind == "postgresql")
    if backend.kind == "sqlite":
        store.close()
        with Store.open(backend._path, shared=True) as again:
            assert again.shared
