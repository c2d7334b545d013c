"""Presence on a workshop on a PostgreSQL server: who else has it open, and what each of them
has selected or is dragging (issue 14).

Nothing is stored. Each open board announces itself with NOTIFY on the workshop's presence
channel: on joining ("hello": everyone present answers at once, so a newcomer learns who is
there within a moment), whenever its selection or drag changes (at most `MIN_GAP` apart; a drag
says which ids at its start and end, and how far they are carried a few times a second), as a
heartbeat every `beat` seconds, and "bye" on leaving. Whoever is not heard from for the `ttl`
an announcement names (a crashed program, a laptop closed, a cable pulled) is gone. NOTIFY needs
no privilege, so a reader is present as well, and no table or grant changes for it: the reader
still cannot write a note or cluster (the server refuses that, see store_server.ACCESS).

Everything here is best effort: a lost connection only empties the list until it is back, and
an announcement is never trusted (anyone who may connect may NOTIFY on the channel): it is
checked field by field, its names cut short, and it is only ever shown.
"""

from __future__ import annotations

import getpass
import json
import math
import os
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .store_server import check_key

COLOURS = 8  # how many marking colours there are; the UI has one for each index
BEAT = 1.0  # seconds between heartbeats
TTL = 4.0  # seconds without a word after which someone is gone
MIN_GAP = 0.1  # seconds between two announcements: a selection at most 10 times a second
DRAG_GAP = 0.25  # seconds between two announcements of how far a drag carries its items
MOST_IDS = 300  # ids of each kind in one announcement (a notification holds 8,000 bytes)
_LONGEST_NAME = 64


@dataclass(frozen=True)
class Person:
    """Who: the login name and the name people know them by (the login when there is none)."""

    login: str
    name: str

    @property
    def initials(self) -> str:
        """Two letters for a small badge: "Anna Larsson" -> "AL", "anna" -> "AN"."""
        words = [w for w in self.name.replace(".", " ").replace("_", " ").split() if w]
        if len(words) >= 2:
            return (words[0][0] + words[-1][0]).upper()
        word = words[0] if words else self.login or "?"
        return word[:2].upper()


@dataclass(frozen=True)
class Activity:
    """What someone has selected (note and cluster ids) and whether they are dragging it, and
    how far it is carried so far (board units; while dragging)."""

    notes: frozenset[int] = frozenset()
    clusters: frozenset[int] = frozenset()
    dragging: bool = False
    offset: tuple[float, float] = (0.0, 0.0)
    # More ids were selected than an announcement carries: these are the first of them.
    cut_short: bool = False


@dataclass(frozen=True)
class Present:
    """Someone else on the workshop, as last heard."""

    client: str
    person: Person
    colour: int
    activity: Activity = field(default_factory=Activity)
    reader: bool = False
    since: float = 0.0  # when they joined, by their clock: who keeps a colour both want


def me() -> Person:
    """This computer's user: the login name and the full name the system knows for it."""
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a service, a container): still present
        login = ""
    return Person(login or "?", _clean(_full_name(login)) or login or "?")


def _full_name(login: str) -> str:
    if sys.platform == "win32":
        import ctypes

        size = ctypes.c_ulong(0)
        secur32 = ctypes.windll.secur32  # type: ignore[attr-defined,unused-ignore]
        secur32.GetUserNameExW(3, None, ctypes.byref(size))  # NameDisplay
        buffer = ctypes.create_unicode_buffer(size.value or 1)
        if secur32.GetUserNameExW(3, buffer, ctypes.byref(size)):
            return str(buffer.value)
        return os.environ.get("USERNAME", "")
    try:
        import pwd

        return pwd.getpwnam(login).pw_gecos.split(",", 1)[0]
    except (ImportError, KeyError, OSError):
        return ""


def channel(key: str) -> str:
    """The workshop's presence channel: apart from its change channel (store_server.channel),
    whose name always starts "samverkan_"."""
    return f"presence_samverkan_{check_key(key)}"


def _clean(text: object) -> str:
    """A name from an announcement as it may be shown: printable, on one line, not too long."""
    if not isinstance(text, str):
        return ""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    return " ".join(kept.split())[:_LONGEST_NAME]


def _ids(value: object) -> frozenset[int]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return frozenset(int(i) for i in value[:MOST_IDS] if isinstance(i, int | float))


def payload(
    kind: str,
    client: str,
    person: Person,
    colour: int,
    activity: Activity,
    *,
    reader: bool,
    since: float,
    ttl: float,
) -> str:
    """An announcement as it goes on the channel (JSON)."""
    notes, clusters = sorted(activity.notes), sorted(activity.clusters)
    data: dict[str, Any] = {
        "kind": kind,
        "by": client,
        "login": person.login,
        "name": person.name,
        "colour": colour,
        "since": since,
        "ttl": ttl,
        "reader": reader,
    }
    if kind != "bye":
        data["notes"] = notes[:MOST_IDS]
        data["clusters"] = clusters[:MOST_IDS]
        data["more"] = activity.cut_short or len(notes) > MOST_IDS or len(clusters) > MOST_IDS
        if activity.dragging:
            data["drag"] = [round(activity.offset[0], 1), round(activity.offset[1], 1)]
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Announcement:
    kind: str  # "hello", "here" or "bye"
    present: Present
    ttl: float


def read(text: str) -> Announcement | None:
    """An announcement's payload, checked; None for anything that is not one."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("kind") not in ("hello", "here", "bye"):
            return None
        client = data["by"]
        if not isinstance(client, str) or not client or len(client) > 64:
            return None
        login = _clean(data.get("login")) or "?"
        person = Person(login, _clean(data.get("name")) or login)
        colour = int(data.get("colour", 0)) % COLOURS
        ttl = min(max(float(data.get("ttl", TTL)), 0.2), 60.0)
        drag = data.get("drag")
        activity = Activity()
        if data["kind"] != "bye":
            activity = Activity(
                _ids(data.get("notes", [])),
                _ids(data.get("clusters", [])),
                dragging=isinstance(drag, list),
                offset=(float(drag[0]), float(drag[1])) if isinstance(drag, list) else (0.0, 0.0),
                cut_short=bool(data.get("more")),
            )
        since = float(data.get("since", 0.0))
        present = Present(client, person, colour, activity, bool(data.get("reader")), since)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return None
    # JSON may say NaN or Infinity: a NaN ttl would never run out (someone who never leaves).
    if not all(math.isfinite(n) for n in (ttl, since, *activity.offset)):
        return None
    return Announcement(data["kind"], present, ttl)


class Announcer:
    """What both transports share (the server's `Presence`, presence_file's `FilePresence`):
    this client's activity and when it is due to be announced (a change at most `MIN_GAP`
    apart, `DRAG_GAP` when only a drag's offset changed, else a heartbeat every `beat`
    seconds), its colour (the later of two with one colour takes another), and the others as
    last heard, handed to `on_change` (a tuple of `Present`, by arrival) when they change. A
    transport only sends (`_announcement` gives the text) and hears."""

    def __init__(
        self,
        client: str,
        person: Person,
        on_change: Callable[[tuple[Present, ...]], None],
        *,
        reader: bool,
        beat: float,
        ttl: float,
    ) -> None:
        self.client, self.person, self.reader = client, person, reader
        self._on_change = on_change
        self._beat, self._ttl = beat, ttl
        self.since = time.time()
        self.colour = 0  # until the transport picks one (and then the others answer)
        self._activity = Activity()
        self._lock = threading.Lock()
        self._dirty = False
        self._urgent = False  # the ids or the drag's start or end changed, not only its offset
        self._others: dict[str, Present] = {}  # client -> as last heard
        self._shown: tuple[Present, ...] = ()
        self._stop = threading.Event()

    # ----------------------------------------------------------------- the UI's side
    def set_activity(self, activity: Activity) -> None:
        """What this client has selected or drags now; sent within `MIN_GAP` (`DRAG_GAP` when
        only a drag's offset changed), never more often."""
        with self._lock:
            old = self._activity
            if activity == old:
                return
            self._activity = activity
            self._dirty = True
            same_ids = (old.notes, old.clusters, old.dragging) == (
                activity.notes,
                activity.clusters,
                activity.dragging,
            )
            self._urgent = self._urgent or not same_ids

    def others(self) -> tuple[Present, ...]:
        return self._shown

    # ----------------------------------------------------------------- the transport's side
    def _due(self, now: float, last_sent: float) -> bool:
        """Whether to announce again at `now` (monotonic), the last time having been
        `last_sent`: a change waited its gap, or a heartbeat is due."""
        with self._lock:
            gap = MIN_GAP if self._urgent else DRAG_GAP
            return (self._dirty and now - last_sent >= gap) or now - last_sent >= self._beat

    def _announcement(self, kind: str, by: str) -> str:
        """The announcement to send now (`payload`, signed `by`); what it says is sent."""
        with self._lock:
            activity = self._activity
            self._dirty = self._urgent = False
        return payload(
            kind,
            by,
            self.person,
            self.colour,
            activity,
            reader=self.reader,
            since=self.since,
            ttl=self._ttl,
        )

    def _colour_taken_by(self, other: Present) -> bool:
        """Two with one colour: the one who came later takes another."""
        return other.colour == self.colour and (other.since, other.client) < (
            self.since,
            self.client,
        )

    def _free_colour(self) -> int:
        used = {p.colour for p in self._others.values()}
        return next((c for c in range(COLOURS) if c not in used), self.colour)

    def _publish(self, call: bool = True) -> None:
        """The others, by arrival, to `on_change` if they changed (`call`: else only kept)."""
        shown = tuple(sorted(self._others.values(), key=_order))
        if self._stop.is_set() or shown == self._shown:
            return  # stopped: whoever listened may be gone (a window closed)
        self._shown = shown
        if call:
            self._on_change(shown)


class Presence(Announcer):
    """This client on one workshop's presence channel: announces `person` and what
    `set_activity` last said, and hands the others to `on_change` (a tuple of `Present`, by
    arrival) whenever who is there or what they do changes; called on a daemon thread of its
    own (the UI hands it to its thread). `stop` says goodbye; `Store.close` stops it too."""

    def __init__(
        self,
        conninfo: str,
        key: str,
        client: str,
        person: Person,
        on_change: Callable[[tuple[Present, ...]], None],
        *,
        reader: bool = False,
        beat: float = BEAT,
        ttl: float = TTL,
        poll: float = 0.05,
        retry: float = 1.0,
    ) -> None:
        super().__init__(client, person, on_change, reader=reader, beat=beat, ttl=ttl)
        self._conninfo = conninfo  # libpq's: the store's server, password and all
        self._channel = channel(key)
        self._poll, self._retry = poll, retry
        # Until the others answer; seldom one of theirs (then the later one takes another).
        self.colour = int(client[:8], 16) % COLOURS if _hex(client[:8]) else 0
        self._expires: dict[str, float] = {}  # client -> when it is gone unless heard again
        self.joined = threading.Event()  # set while listening (and after the hello)
        self._thread = threading.Thread(target=self._run, name=self._channel, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Leave: the others are told at once (if the connection allows)."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join(2)  # a server out of reach: the others time it out instead

    # ----------------------------------------------------------------- the thread
    def _run(self) -> None:
        import psycopg  # the driver SQLAlchemy uses; only a live store needs it here

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {self._channel}")
                    self._send(conn, "hello")
                    self.joined.set()
                    self._serve(conn)
                    self._send(conn, "bye")
            except psycopg.Error:
                self.joined.clear()
                self._others.clear()
                self._expires.clear()
                self._publish()
                self._stop.wait(self._retry)
        self.joined.clear()

    def _serve(self, conn: Any) -> None:
        last_sent = time.monotonic()
        while not self._stop.is_set():
            # Read out first: the connection answers no query while notifies() waits on it.
            for note in list(conn.notifies(timeout=self._poll)):
                self._hear(conn, note.payload)
            now = time.monotonic()
            if self._due(now, last_sent):
                self._send(conn, "here")
                last_sent = now
            self._expire(now)

    def _send(self, conn: Any, kind: str) -> None:
        text = self._announcement(kind, self.client)
        conn.execute("SELECT pg_notify(%s, %s)", (self._channel, text))

    def _hear(self, conn: Any, text: str) -> None:
        heard = read(text)
        if heard is None or heard.present.client == self.client:
            return
        who = heard.present
        if heard.kind == "bye":
            self._others.pop(who.client, None)
            self._expires.pop(who.client, None)
        else:
            self._others[who.client] = who
            self._expires[who.client] = time.monotonic() + heard.ttl
            if self._colour_taken_by(who):
                self.colour = self._free_colour()
                self._send(conn, "here")
            elif heard.kind == "hello":
                self._send(conn, "here")  # a newcomer (or one back) learns at once who is here
        self._publish()

    def _expire(self, now: float) -> None:
        gone = [client for client, expires in self._expires.items() if expires < now]
        for client in gone:
            del self._others[client]
            del self._expires[client]
        if gone:
            self._publish()


def _hex(text: str) -> bool:
    return bool(text) and all(ch in "0123456789abcdef" for ch in text)


def _order(present: Present) -> tuple[Any, ...]:
    return (present.since, present.client)
