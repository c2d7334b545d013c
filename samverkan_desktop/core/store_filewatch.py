"""Several windows or programs of one machine writing one workshop file (a shared lock, see
`store_lock`): how each learns what the others committed, within a second.

A server tells its clients itself (LISTEN/NOTIFY, `store_server`); a file cannot, so it keeps a
change log instead: every transaction adds one row to the `change_log` table, in the same
transaction (so the row is there exactly when the change is), naming which store wrote it and
the ids it changed and removed. A `Watcher` of each open store looks at SQLite's
`PRAGMA data_version` a few times a second, on a connection and a thread of its own: the number
changes only when another connection has committed to the file, so looking costs next to
nothing while nobody writes. When it changes, the watcher reads the log rows after the last one
it saw, leaves out its own store's, and hands on the rest as one change: the ids, each one
changed or removed as the file has it now (a note removed and put back in between is simply
changed). Only the newest `KEEP` rows are kept; a watcher that finds rows gone that it never
saw (or a log that went backwards) says "everything": read it all again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import store_file

KEEP = 1000  # log rows kept: over a thousand commits between two looks, a watcher reads all
POLL = 0.25  # seconds between two looks at data_version
# A commit whose ids take more than this (a big import) is logged as "everything".
_MOST_BYTES = 256 * 1024
# The kinds whose ids name rows: those are reported removed when the row is gone now.
_TABLES = {"note": "notes", "cluster": "clusters", "group": "groups"}
_CHUNK = 500  # ids per "IN (...)" (SQLite takes at most 999 variables in older versions)


def log(
    conn: sqlite3.Connection,
    client: str,
    changed: Mapping[str, Iterable[int]],
    removed: Mapping[str, Iterable[int]],
) -> None:
    """Note in the change log, inside the transaction that made them, the ids it changed and
    removed; the oldest rows beyond `KEEP` go."""
    ids = json.dumps(
        {
            "changed": {k: sorted(v) for k, v in changed.items()},
            "removed": {k: sorted(v) for k, v in removed.items()},
        },
        separators=(",", ":"),
    )
    if len(ids) > _MOST_BYTES:
        ids = ""
    # The table (core.schema's ChangeLogRow, migration 0003) by its name, as the watcher reads
    # it, on the driver's own connection (`conn`: the transaction's, see store_rows._stamp).
    added = conn.execute(
        "INSERT INTO change_log (client, ids) VALUES (?, ?)", (client, ids)
    ).lastrowid
    conn.execute("DELETE FROM change_log WHERE id <= ?", ((added or 0) - KEEP,))


@dataclass(frozen=True)
class Committed:
    """What others committed since the watcher last looked: ids per kind, or everything."""

    changed: dict[str, frozenset[int]] = field(default_factory=dict)
    removed: dict[str, frozenset[int]] = field(default_factory=dict)
    everything: bool = False


class Watcher:
    """Looks at one file every `poll` seconds on a daemon thread and hands what other stores
    committed to `deliver` (called on that thread). `me` is the watching store's own name in
    the log. A file that cannot be read for a moment (a writer holds it) is looked at again
    at the next turn; nothing is lost meanwhile, the log keeps it."""

    def __init__(
        self, path: Path, me: str, deliver: Callable[[Committed], None], *, poll: float = POLL
    ) -> None:
        self._uri = store_file.sqlite_uri(path, "ro")
        self._me, self._deliver, self._poll = me, deliver, poll
        self._stop = threading.Event()
        self.listening = threading.Event()  # set once the starting point is read
        self._thread = threading.Thread(target=self._run, name=f"watch {path.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        version = last = 0
        try:
            while not self._stop.is_set():
                try:
                    if conn is None:
                        # Kept only once its starting point is read: a writer holding the file
                        # meanwhile must not make it start from nothing (and hear it all again).
                        fresh = sqlite3.connect(
                            self._uri, uri=True, isolation_level=None, timeout=1
                        )
                        try:
                            version, last = _data_version(fresh), _newest(fresh)
                        except sqlite3.Error:
                            fresh.close()
                            raise
                        conn = fresh
                        self.listening.set()
                    now = _data_version(conn)
                    if now != version:
                        version = now
                        last, found = self._read(conn, last)
                        if found is not None:
                            self._deliver(found)
                except sqlite3.Error:
                    pass  # busy (a writer committing), or the file away for a moment
                self._stop.wait(self._poll)
        finally:
            if conn is not None:
                conn.close()

    def _read(self, conn: sqlite3.Connection, last: int) -> tuple[int, Committed | None]:
        """The log after row `last`, as it is now: the newest row seen, and what others did."""
        conn.execute("BEGIN")
        try:
            rows = conn.execute(
                "SELECT id, client, ids FROM change_log WHERE id > ? ORDER BY id", (last,)
            ).fetchall()
            if not rows:
                newest = _newest(conn)
                if newest < last:  # the log went backwards: another file in its place
                    return newest, Committed(everything=True)
                return last, None
            newest = rows[-1][0]
            theirs = [r for r in rows if r[1] != self._me]
            if rows[0][0] != last + 1:  # rows we never saw are gone: what they said is lost
                return newest, Committed(everything=True)
            if not theirs:
                return newest, None
            return newest, _merged(conn, [r[2] for r in theirs])
        finally:
            conn.execute("COMMIT")


def _merged(conn: sqlite3.Connection, entries: list[str]) -> Committed:
    """Several commits' ids as one change: every id each touched, changed when its row is
    there now and removed when it is not."""
    touched: dict[str, set[int]] = {}
    for entry in entries:
        try:
            data = json.loads(entry) if entry else None
            if not isinstance(data, dict):
                return Committed(everything=True)
            for part in ("changed", "removed"):
                for kind, ids in data[part].items():
                    touched.setdefault(str(kind), set()).update(int(i) for i in ids)
        except (ValueError, TypeError, KeyError, AttributeError):
            return Committed(everything=True)  # not a row this program wrote: read it all
    changed: dict[str, frozenset[int]] = {}
    removed: dict[str, frozenset[int]] = {}
    for kind, ids in touched.items():
        table = _TABLES.get(kind)
        if table is None:  # the workshop, links, themes: read again as a whole
            changed[kind] = frozenset(ids)
            continue
        there = _existing(conn, table, sorted(ids))
        if there:
            changed[kind] = frozenset(there)
        if ids - there:
            removed[kind] = frozenset(ids - there)
    return Committed(changed, removed)


def _existing(conn: sqlite3.Connection, table: str, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
        )
    return found


def _data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def _newest(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])
