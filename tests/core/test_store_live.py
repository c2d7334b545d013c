"""Live co-editing on a server, the store's part (issue 14): each commit tells the other
clients on the workshop which ids it changed (PostgreSQL NOTIFY), and `Store.watch` hands
them over as the same `Change`s the store gives its own subscribers; after a lost connection,
"read everything again". The board's part (applying them) builds on this.
"""

from __future__ import annotations

import statistics
import time

import psycopg
import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Change, Store, StoreError

# Heard waits 10 s for a notification before it fails (a loaded CI machine).
from .heard import Heard, watching


@pytest.fixture
def pair(postgres_url):
    """Anna and Bo on one workshop; Bo watches."""
    anna = Store.create_url(postgres_url, m.Workshop("Levande"), key="levande")
    with watching(anna, Store.open_url(postgres_url, "levande")) as pair:
        yield pair


def test_what_one_client_commits_the_other_hears_by_id(pair):
    anna, bo, heard = pair
    note = anna.add_note("Anna skrev")
    assert heard.next() == Change({"note": frozenset({note.id})}, {})
    cluster = anna.add_cluster("Trygghet")
    assert heard.next().changed == {"cluster": {cluster.id}}
    anna.set_membership({note.id: cluster.id})  # Ctrl+G on Anna's board
    assert heard.next().changed == {"note": {note.id}}
    anna.move_notes({note.id: (40.0, 50.0)})  # a drag
    assert heard.next().changed == {"note": {note.id}}
    anna.update_cluster(cluster.id, name="Trygghet i parken")  # a rename
    assert heard.next().changed == {"cluster": {cluster.id}}
    removal = anna.delete_notes([note.id])
    assert heard.next().removed == {"note": {note.id}}
    anna.restore_notes(removal)
    assert heard.next().changed == {"note": {note.id}}
    # What Bo hears, Bo can read: the ids are of rows as they are now.
    assert bo.note(note.id) == anna.note(note.id)
    assert bo.cluster(cluster.id).name == "Trygghet i parken"


def test_a_client_does_not_hear_its_own_commits_through_watch(pair):
    anna, bo, heard = pair
    own: list[Change] = []
    bo.subscribe(own.append)
    bo.add_note("Bo skrev")
    assert len(own) == 1  # its own subscribers hear it once, as before
    anna.add_note("Anna skrev")
    assert heard.next().changed["note"] != own[0].changed["note"]
    assert heard.nothing()


def test_a_transaction_that_rolls_back_tells_nobody_anything(pair):
    anna, _bo, heard = pair
    with pytest.raises(StoreError):
        with anna.transaction():
            anna.add_note("aldrig sparad")
            anna.update_note(4711, text="finns inte")
    with pytest.raises(RuntimeError):
        with anna.transaction():
            anna.add_cluster("aldrig sparad")
            raise RuntimeError("avbrott")
    note = anna.add_note("sparad")
    assert heard.next() == Change({"note": frozenset({note.id})}, {})
    assert heard.nothing()


def test_one_transaction_is_one_notification(pair):
    anna, _bo, heard = pair
    with anna.transaction():
        a, b = anna.add_note("a"), anna.add_note("b")
        c = anna.add_cluster("Tema")
        anna.set_membership({a.id: c.id, b.id: c.id})
    assert heard.next() == Change(
        {"note": frozenset({a.id, b.id}), "cluster": frozenset({c.id})}, {}
    )
    assert heard.nothing()


def test_an_import_too_large_to_name_says_read_everything(pair):
    anna, bo, heard = pair
    anna.add_document(m.Document(notes=tuple(m.Note(i, f"lapp {i}") for i in range(2000))))
    assert heard.next() == Change({}, {}, everything=True)
    assert len(bo.notes()) == 2000


def test_a_notification_that_is_not_ours_is_ignored(pair, postgres_url):
    anna, _bo, heard = pair
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for junk in ("", "{", "[1]", '{"by": "x", "changed": {"note": ["a"]}, "removed": {}}'):
            conn.execute("SELECT pg_notify('samverkan_levande', %s)", (junk,))
    note = anna.add_note("riktig")
    assert heard.next().changed == {"note": {note.id}}


def test_changes_are_heard_within_a_second(pair, capsys):
    anna, _bo, heard = pair
    note = anna.add_note("a")
    heard.next()
    delays = []
    for i in range(20):
        sent = time.monotonic()
        anna.move_notes({note.id: (float(i), 0.0)})
        at, _change = heard.next_at()
        delays.append(at - sent)
    median = statistics.median(delays)
    with capsys.disabled():
        print(f"\ncommit -> heard: median {median * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms")
    assert median < 1.0


def test_stopping_the_watch_stops_the_calls(pair):
    anna, bo, _heard = pair
    later = Heard()
    stop = bo.watch(later)
    anna.add_note("a")
    later.next()
    stop()
    anna.add_note("b")
    assert later.nothing()


def test_after_a_lost_connection_the_watcher_says_read_everything(own_postgres_server):
    url = own_postgres_server.new_database()
    anna = Store.create_url(url, key="avbrott")
    bo = Store.open_url(url, "avbrott")
    heard = Heard()
    bo.watch(heard)
    try:
        anna.add_note("före")
        heard.next()
        own_postgres_server.halt()
        assert heard.nothing(1.0)
        own_postgres_server.start()
        # What was committed while Bo was away cannot be named: everything is read again.
        assert heard.next() == Change({}, {}, everything=True)
        note = anna.add_note("efter")
        assert heard.next().changed == {"note": {note.id}}
    finally:
        bo.close()
        anna.close()
