"""Merging another laptop's workshop: same-named clusters become one, nothing overlaps after."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.board import Board, Rect, violations
from samverkan_desktop.core.board.geometry import NOTE_H
from samverkan_desktop.core.importers import SourceError, load_source
from samverkan_desktop.core.merge import merge_into
from samverkan_desktop.core.store import Store


def _board(doc: m.Document) -> Board:
    board = Board()
    for c in doc.clusters:
        board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)
    for n in doc.notes:
        board.put_note(n.id, n.x, n.y, NOTE_H, n.cluster_id)
    return board


def _laptop_a(path: Path) -> Store:
    """Grupp 1: a full "Trygghet" frame (two notes a row) with a neighbour below it."""
    store = Store.create(path, m.Workshop(title="Samverkansdag"))
    g = store.add_group("Grupp 1", ["Anna"])
    c = store.add_cluster("Trygghet", x=0, y=0, width=460, height=370)
    for i in range(4):
        store.add_note(
            f"A trygghet {i}",
            group_id=g.id,
            cluster_id=c.id,
            x=20 + (i % 2) * 220,
            y=40 + (i // 2) * 150,
        )
    other = store.add_cluster("Bostäder", x=0, y=400, width=240, height=190)
    store.add_note("A bostad", group_id=g.id, cluster_id=other.id, x=20, y=440)
    store.add_note("A lös lapp", group_id=g.id, x=500, y=0)
    return store


def _laptop_b(path: Path) -> None:
    """Grupp 2 (and a "Grupp 1" of its own): " TRYGGHET " with a note and a nested cluster."""
    # One import's worth (add_document): the theme link ("B trygghet" also relates to Skola)
    # can only come into a file that way.
    with Store.create(path, m.Workshop(title="Dag två")) as store:
        store.add_document(
            m.Document(
                groups=(m.Group(1, "Grupp 2", ("Bo",)), m.Group(2, "grupp 1", ("Cecilia",), 1)),
                clusters=(
                    m.Cluster(1, " TRYGGHET ", x=0, y=0, width=480, height=420),
                    m.Cluster(2, "Nattbussar", parent_id=1, x=20, y=190, width=240, height=190),
                    m.Cluster(3, "Skola", x=600, y=0, width=240, height=190),
                ),
                notes=(
                    m.Note(1, "B trygghet", group_id=1, cluster_id=1, x=20, y=40),
                    m.Note(2, "B nattbuss", group_id=1, cluster_id=2, x=40, y=230, votes=3),
                    m.Note(3, "B skola", group_id=1, cluster_id=3, x=620, y=40),
                ),
                links=(m.Link(1, 2),),
                themes=(m.ThemeLink(1, 3),),
            )
        )


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Store, Path]:
    _laptop_b(tmp_path / "b.samverkan")
    return _laptop_a(tmp_path / "a.samverkan"), tmp_path / "b.samverkan"


def test_a_second_workshop_merges_into_the_first(laptops):
    a, b_path = laptops
    source = b_path.read_bytes()
    before = a.document()
    loaded = load_source(b_path)
    assert loaded.kind == "workshop" and len(loaded.document.notes) == 3

    plan = merge_into(before, loaded.document)
    assert plan.merges and plan.merged_names() == [(" TRYGGHET ", 2)]
    assert len(plan.warnings) == 1 and "grupp 1" in plan.warnings[0]
    added = a.merge_document(plan)
    after = a.document()
    a.close()

    trygghet = [c for c in after.clusters if c.name.strip().lower() == "trygghet"]
    assert len(trygghet) == 1 and trygghet[0].id == 1  # the existing one, no duplicate
    frame = trygghet[0]
    texts = {n.text: n for n in after.notes}
    assert {n.text for n in after.notes if n.cluster_id == frame.id} == {
        *(f"A trygghet {i}" for i in range(4)),
        "B trygghet",
    }
    nattbuss = next(c for c in after.clusters if c.name == "Nattbussar")
    assert nattbuss.parent_id == frame.id and texts["B nattbuss"].cluster_id == nattbuss.id
    assert texts["B nattbuss"].votes == 3
    # Groups are never merged: three groups, "grupp 1" beside "Grupp 1".
    assert [g.name for g in after.groups] == ["Grupp 1", "Grupp 2", "grupp 1"]
    assert texts["B trygghet"].group_id == after.groups[1].id
    # Links and themes follow the new ids.
    assert after.links == (m.Link(texts["B trygghet"].id, texts["B nattbuss"].id),)
    skola = next(c for c in after.clusters if c.name == "Skola")
    assert after.themes == (m.ThemeLink(texts["B trygghet"].id, skola.id),)
    assert added["merged_clusters"] == {loaded.document.clusters[0].id: frame.id}
    assert set(added["clusters"].values()) == {nattbuss.id, skola.id}
    # The existing notes did not move; the frame grew, and pushed the frame below it.
    for n in before.notes:
        if n.cluster_id == 1:
            assert (texts[n.text].x, texts[n.text].y) == (n.x, n.y)
    old = before.clusters[0]
    assert (frame.x, frame.y, frame.width) == (old.x, old.y, old.width)
    assert frame.height > old.height
    bostader = next(c for c in after.clusters if c.name == "Bostäder")
    assert bostader.y >= frame.y + frame.height
    assert violations(_board(after)) == []
    assert after.workshop.title == "Samverkansdag"
    assert b_path.read_bytes() == source  # the source file is read, never written


def test_the_notes_fill_free_spots_before_the_frame_grows(tmp_path: Path):
    with Store.create(tmp_path / "b.samverkan") as b:
        c = b.add_cluster("trygghet", x=0, y=0, width=240, height=190)
        b.add_note("ny", cluster_id=c.id, x=20, y=40)
    with Store.create(tmp_path / "a.samverkan") as a:
        c = a.add_cluster("Trygghet", x=0, y=0, width=460, height=210)
        a.add_note("gammal", cluster_id=c.id, x=20, y=40)
        plan = merge_into(a.document(), load_source(tmp_path / "b.samverkan").document)
        a.merge_document(plan)
        after = a.document()
    assert len(after.clusters) == 1 and after.clusters[0].height == 210  # room beside it
    new = next(n for n in after.notes if n.text == "ny")
    assert (new.x, new.y, new.cluster_id) == (240, 40, c.id)
    assert plan.clusters_moved == {} and plan.notes_moved == {}


def test_a_source_open_in_another_store_is_read_without_its_lock(laptops):
    a, b_path = laptops
    with Store.open(b_path) as other_window:  # another window has it open for writing
        loaded = load_source(b_path)
        assert len(loaded.document.notes) == 3
        other_window.add_note("skriven efteråt")  # its lock is still its own
    a.close()


def test_a_damaged_or_foreign_workshop_source_is_one_line_and_nothing_is_written(laptops):
    a, b_path = laptops
    a.close()
    data = bytearray(b_path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage
    b_path.write_bytes(bytes(data))
    with pytest.raises(SourceError) as info:
        load_source(b_path)
    assert "b.samverkan" in str(info.value) and "\n" not in str(info.value)
    assert b_path.read_bytes() == bytes(data)
    not_sqlite = b_path.with_name("c.samverkan")
    not_sqlite.write_text("Grupp 1\n- en lapp\n", encoding="utf-8")
    with pytest.raises(SourceError, match="c.samverkan är ingen Samverkan-workshopfil"):
        load_source(not_sqlite)


def test_a_json_export_merges_as_a_workshop_does(laptops, tmp_path: Path):
    from samverkan_desktop.core import exchange

    a, b_path = laptops
    with Store.open(b_path, readonly=True) as b:
        (tmp_path / "b.json").write_bytes(exchange.dumps(b.document()))
    plan = merge_into(a.document(), load_source(tmp_path / "b.json").document)
    assert plan.into_clusters
    a.merge_document(plan)
    after = a.document()
    a.close()
    assert sum(1 for c in after.clusters if c.name.strip().lower() == "trygghet") == 1
    assert len(after.notes) == 9
    assert violations(_board(after)) == []


def test_a_failing_merge_writes_nothing(laptops):
    a, b_path = laptops
    plan = merge_into(a.document(), load_source(b_path).document)
    before = a.document()
    a.delete_cluster(1)  # the cluster the plan merges into is gone
    between = a.document()
    with pytest.raises(Exception, match="finns inte"):
        a.merge_document(plan)
    assert a.document() == between != before
    a.close()
