"""No edit makes what no import may bring in (core/limits.py): whatever the program writes can
be exported and imported again, and a refused edit changes no byte of the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from samverkan_desktop.core import limits
from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import DamagedFile, Store, StoreError


@pytest.fixture
def store(tmp_path: Path):
    store = Store.create(tmp_path / "ws.samverkan", m.Workshop("Rådslag"))
    yield store
    store.close()


def _refused(store: Store, write, says: str) -> None:
    before = store.path.read_bytes()
    with pytest.raises(StoreError, match=says) as info:
        write()
    assert "\n" not in str(info.value)
    assert store.path.read_bytes() == before


def test_text_longer_than_the_limit_is_refused_in_every_write(store: Store):
    long = "å" * (limits.MAX_TEXT_CHARS + 1)
    note = store.add_note("kort")
    cluster = store.add_cluster("Tema")
    _refused(store, lambda: store.add_note(long), "högst 10 000 tecken")
    _refused(store, lambda: store.update_notes({note.id: {"text": long}}), "10 001")
    _refused(store, lambda: store.update_notes({note.id: {"comment": long}}), "tecken")
    _refused(store, lambda: store.add_cluster(long), "tecken")
    _refused(store, lambda: store.update_clusters({cluster.id: {"name": long}}), "tecken")
    store.update_notes({note.id: {"text": "å" * limits.MAX_TEXT_CHARS}})  # the limit itself is fine
    assert len(store.note(note.id).text) == limits.MAX_TEXT_CHARS


@pytest.mark.parametrize("votes", [-1, limits.MAX_VOTES + 1, 2**63])
def test_votes_outside_the_range_are_refused(store: Store, votes: int):
    note = store.add_note("lapp")
    _refused(store, lambda: store.update_notes({note.id: {"votes": votes}}), "Röster")


@pytest.mark.parametrize("x", [float("inf"), float("nan"), 2 * limits.MAX_COORDINATE])
def test_places_off_the_board_are_refused(store: Store, x: float):
    note = store.add_note("lapp")
    cluster = store.add_cluster("Tema")
    _refused(store, lambda: store.move_notes({note.id: (x, 0.0)}), "utanför tavlan")
    _refused(store, lambda: store.update_clusters({cluster.id: {"width": x}}), "utanför tavlan")


def test_nesting_deeper_than_the_limit_is_refused(store: Store):
    chain = [store.add_cluster("Nivå 1")]
    for level in range(2, limits.MAX_CLUSTER_DEPTH + 1):
        chain.append(store.add_cluster(f"Nivå {level}", parent_id=chain[-1].id))
    _refused(store, lambda: store.add_cluster("en för djupt", parent_id=chain[-1].id), "32 nivåer")
    # Moving a frame that holds one more into the second deepest level goes one too deep too.
    pair = store.add_cluster("Ytter")
    store.add_cluster("Inner", parent_id=pair.id)
    _refused(
        store, lambda: store.update_clusters({pair.id: {"parent_id": chain[-1].id}}), "32 nivåer"
    )
    store.update_clusters({pair.id: {"parent_id": chain[-3].id}})  # 30 + 2 levels: just fits


def test_a_file_with_clusters_inside_each_other_in_a_circle_is_damaged(tmp_path: Path):
    path = tmp_path / "ring.samverkan"
    with Store.create(path) as store:
        a = store.add_cluster("A")
        b = store.add_cluster("B", parent_id=a.id)
    con = sqlite3.connect(path)
    con.execute("UPDATE clusters SET parent_id = ? WHERE id = ?", (b.id, a.id))  # another program
    con.commit()
    con.close()
    before = path.read_bytes()
    for readonly in (True, False):
        with pytest.raises(DamagedFile):
            Store.open(path, readonly=readonly)
    assert path.read_bytes() == before
