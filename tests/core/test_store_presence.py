"""Presence on a server workshop, the store's part (issue 14): who else has the workshop open
and what each has selected or is dragging, announced with NOTIFY (core/store_presence.py).
Against the throwaway server of tests/conftest.py."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable

import psycopg
import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Store, StoreError
from samverkan_desktop.core.store_presence import (
    MOST_IDS,
    Activity,
    Person,
    Present,
    channel,
)

WAIT = 10.0  # seconds before a test gives up (a loaded machine)
ANNA = Person("anna", "Anna Larsson")
BO = Person("bo", "Bo Ek")
CILLA = Person("cilla", "Cilla Berg")


class Seen:
    """What one store's presence last said about the others, with a way to wait for it."""

    def __init__(self) -> None:
        self.others: tuple[Present, ...] = ()
        self._changed = threading.Condition()

    def __call__(self, others: tuple[Present, ...]) -> None:
        with self._changed:
            self.others = others
            self._changed.notify_all()

    def names(self) -> list[str]:
        return [p.person.name for p in self.others]

    def wait(self, check: Callable[[tuple[Present, ...]], bool], within: float = WAIT) -> float:
        """Seconds until `check(others)` held; fails past `within`."""
        start = time.monotonic()
        with self._changed:
            if self._changed.wait_for(lambda: check(self.others), within):
                return time.monotonic() - start
        raise AssertionError(f"not seen within {within} s; present: {self.others}")


def named(name: str) -> Callable[[tuple[Present, ...]], bool]:
    return lambda others: any(p.person.name == name for p in others)


@pytest.fixture
def workshop(postgres_url):
    with Store.create_url(postgres_url, m.Workshop("Närvaro"), key="narvaro") as store:
        note = store.add_note("En lapp")
        cluster = store.add_cluster("Tema")
    return postgres_url, note.id, cluster.id


def _open(url: str, person: Person, seen: Seen, **timing: float) -> Store:
    store = Store.open_url(url, "narvaro")
    presence = store.presence(seen, person=person, **timing)
    assert presence is not None and presence.joined.wait(WAIT)
    return store


def test_two_stores_see_each_other_join_select_drag_and_leave(workshop):
    url, note, cluster = workshop
    seen_by_anna, seen_by_bo = Seen(), Seen()
    anna = _open(url, ANNA, seen_by_anna)
    bo = _open(url, BO, seen_by_bo)
    try:
        seen_by_anna.wait(named("Bo Ek"))
        seen_by_bo.wait(named("Anna Larsson"))
        (bo_there,) = seen_by_anna.others
        assert (bo_there.person.login, bo_there.person.initials) == ("bo", "BE")
        assert not bo_there.reader
        # Told apart on the board: each has a colour of their own (a moment after joining).
        seen_by_anna.wait(lambda o: o[0].colour != anna._presences[0].colour)
        seen_by_bo.wait(lambda o: o[0].colour == anna._presences[0].colour)

        anna._presences[0].set_activity(Activity(frozenset({note}), frozenset({cluster})))
        took = seen_by_bo.wait(lambda o: o[0].activity.notes == {note})
        assert took < 1.0  # the promise for what others do
        assert seen_by_bo.others[0].activity.clusters == {cluster}
        assert not seen_by_bo.others[0].activity.dragging

        anna._presences[0].set_activity(
            Activity(frozenset({note}), dragging=True, offset=(120.0, -40.0))
        )
        seen_by_bo.wait(lambda o: o[0].activity.dragging)
        assert seen_by_bo.others[0].activity.offset == (120.0, -40.0)
        assert seen_by_bo.others[0].activity.clusters == frozenset()
        anna._presences[0].set_activity(Activity())  # let go; nothing selected
        seen_by_bo.wait(lambda o: o[0].activity == Activity())
    finally:
        anna.close()
    # Closing says goodbye: gone at once, not only after the heartbeat's timeout.
    assert seen_by_bo.wait(lambda o: o == ()) < 1.0
    bo.close()


def test_a_newcomer_learns_at_once_who_is_already_there(workshop):
    """Anna and Bo beat only every 30 s: Cilla sees both at once all the same (they answer
    her hello)."""
    url, _note, _cluster = workshop
    slow = {"beat": 30.0, "ttl": 60.0}
    anna = _open(url, ANNA, Seen(), **slow)
    bo = _open(url, BO, Seen(), **slow)
    seen_by_cilla = Seen()
    cilla = _open(url, CILLA, seen_by_cilla)
    try:

        def settled(others) -> bool:  # both there, and three colours (Bo, had he Anna's, took
            # another on hearing her; his answer to Cilla may come before that)
            colours = {p.colour for p in others} | {cilla._presences[0].colour}
            return sorted(p.person.name for p in others) == ["Anna Larsson", "Bo Ek"] and (
                len(colours) == 3
            )

        took = seen_by_cilla.wait(settled)
        assert took < 1.0
    finally:
        for store in (cilla, bo, anna):
            store.close()


_KILLED = """
import sys, time
from samverkan_desktop.core.store import Store
from samverkan_desktop.core.store_presence import Person
store = Store.open_url(sys.argv[1], "narvaro")
presence = store.presence(lambda others: None, person=Person("dag", "Dag Ström"), beat=0.2, ttl=1.5)
presence.joined.wait(10)
print("here", flush=True)
time.sleep(120)
"""


def test_a_killed_client_disappears_after_its_timeout(workshop):
    """A program that dies says no goodbye; it is gone once its heartbeats stop for the time
    its announcements named (1.5 s here; 4 s in the app)."""
    url, _note, _cluster = workshop
    seen = Seen()
    watcher = _open(url, ANNA, seen)
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED, url],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "here"
        seen.wait(named("Dag Ström"))
        time.sleep(0.6)  # several heartbeats: still there
        assert seen.names() == ["Dag Ström"]
        child.send_signal(signal.SIGKILL)
        child.wait(WAIT)
        killed = time.monotonic()
        time.sleep(0.3)
        assert seen.names() == ["Dag Ström"]  # no goodbye: still shown for a moment
        seen.wait(lambda o: o == ())
        gone_after = time.monotonic() - killed
        assert 1.0 < gone_after < 1.5 + 1.0
    finally:
        if child.poll() is None:
            child.kill()
        watcher.close()


def test_a_reader_is_present_and_still_cannot_write(workshop, postgres_url):
    url, note, _cluster = workshop
    role = f"lasare_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
    Store.grant(postgres_url, "narvaro", role, "reader")
    reader_url = postgres_url.replace("//postgres@", f"//{role}@")
    seen_by_anna, seen_by_reader = Seen(), Seen()
    anna = _open(url, ANNA, seen_by_anna)
    reader = _open(reader_url, BO, seen_by_reader)
    try:
        seen_by_anna.wait(named("Bo Ek"))
        assert seen_by_anna.others[0].reader
        seen_by_reader.wait(named("Anna Larsson"))
        reader._presences[0].set_activity(Activity(frozenset({note})))
        seen_by_anna.wait(lambda o: o[0].activity.notes == {note})
        with pytest.raises(StoreError, match="behörighet saknas"):
            reader.update_note(note, text="ändrad")
        assert anna.note(note).text == "En lapp"
    finally:
        reader.close()
        anna.close()


def _listen(url: str) -> psycopg.Connection:
    conn = psycopg.connect(url, autocommit=True)
    conn.execute(f"LISTEN {channel('narvaro')}")
    return conn


def test_a_burst_of_selection_changes_is_sent_at_most_ten_times_a_second(workshop):
    url, note, _cluster = workshop
    raw = _listen(url)
    anna = _open(url, ANNA, Seen(), beat=30.0)
    try:
        list(raw.notifies(timeout=0.3))  # the hello
        start = time.monotonic()
        for i in range(200):  # a rubber band sweeping over the board for a second
            anna._presences[0].set_activity(Activity(frozenset({note, 1000 + i})))
            time.sleep(0.005)
        took = time.monotonic() - start
        sent = [json.loads(n.payload) for n in raw.notifies(timeout=0.5)]
        assert 1 <= len(sent) <= 10 * took + 2
        assert sent[-1]["notes"] == sorted({note, 1199})  # the last selection went out
    finally:
        anna.close()
        raw.close()


def test_a_large_selection_is_cut_short_and_a_stranger_on_the_channel_is_only_read(workshop):
    url, _note, _cluster = workshop
    seen = Seen()
    anna = _open(url, ANNA, seen)
    bo = _open(url, BO, Seen())
    try:
        bo._presences[0].set_activity(Activity(frozenset(range(1, 2001))))
        seen.wait(lambda o: bool(o) and bool(o[0].activity.notes))
        assert len(seen.others[0].activity.notes) == MOST_IDS
        assert seen.others[0].activity.cut_short
        with psycopg.connect(url, autocommit=True) as conn:
            for junk in (
                "not json",
                json.dumps({"kind": "here", "by": ""}),
                json.dumps({"kind": "here", "by": "x", "notes": "all"}),
                # NaN would never time out: one who could never leave the list.
                json.dumps({"kind": "here", "by": "x2", "name": "Spöke", "ttl": float("nan")}),
                json.dumps(
                    {"kind": "here", "by": "x1", "name": "<b>Eva</b>\n\x07Lund" + "a" * 200}
                ),
            ):
                conn.execute("SELECT pg_notify(%s, %s)", (channel("narvaro"), junk))
        seen.wait(lambda o: any(p.client == "x1" for p in o))  # heard after all the others
        assert "Bo Ek" in seen.names() and "Spöke" not in seen.names()
        assert len(seen.others) == 2
        stranger = next(p for p in seen.others if p.client == "x1")
        assert stranger.person.name.startswith("<b>Eva</b> Lund")  # one line, shown as typed
        assert len(stranger.person.name) == 64
    finally:
        bo.close()
        anna.close()


def test_a_file_has_no_presence_on_a_server(tmp_path):
    with Store.create(tmp_path / "lokal.samverkan") as store:
        assert store.presence(Seen()) is None


def test_a_lost_connection_empties_the_list_until_it_is_back(own_postgres_server):
    """The server stops (the council's IT restarts it): nobody is shown as here meanwhile, and
    once it is back each learns of the other again without anyone doing anything."""
    url = own_postgres_server.new_database()
    Store.create_url(url, m.Workshop("Närvaro"), key="narvaro").close()
    seen_by_anna, seen_by_bo = Seen(), Seen()
    anna = _open(url, ANNA, seen_by_anna, retry=0.2)
    bo = _open(url, BO, seen_by_bo, retry=0.2)
    try:
        seen_by_anna.wait(named("Bo Ek"))
        own_postgres_server.halt()
        seen_by_anna.wait(lambda o: o == ())
        seen_by_bo.wait(lambda o: o == ())
        own_postgres_server.start()
        seen_by_anna.wait(named("Bo Ek"))
        seen_by_bo.wait(named("Anna Larsson"))
    finally:
        bo.close()
        anna.close()
