"""What `info` tells about a workshop file, read with plain sqlite3 (issue 10).

`samverkan-desktop info FILE` is a fresh process each time, and importing SQLAlchemy and setting
up its ORM took longer than SQLite takes to check and count a 40,000-note file. So `read` opens a
file of the current schema with nothing to play back as `Store.open(readonly=True)` would (the
same store_file checks: every page, every cell, the revision) and counts it without them; any
other file (a journal to play back or set aside, an older schema to bring up to date on a copy)
goes through `Store.open` like every other command. `Store.summary` counts a file with `counted`
too, so `info` and the store cannot count differently.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from . import model as m
from . import store_document, store_file

# The counts, the notes per group and each cluster's direct members: plain SQL, the same on
# SQLite and PostgreSQL (StoreReads.summary counts a server's workshop with them).
COUNTS = (
    "count(id), count(cluster_id), count(CASE WHEN uncertain THEN 1 END), "
    "count(CASE WHEN personal_data THEN 1 END)"
)
# Every note's text is read (and dropped): text that is not UTF-8 is found only when read, and
# `info` must call such a file damaged as every command does. One value per column, joined by
# SQLite and decoded by the driver in C (at 40,000 notes 27 ms of CPU instead of 37 ms a row at
# a time; joined into one value with || first, 40 ms); a newline between the notes cannot make
# bytes that are not UTF-8 into UTF-8. The counts come from the same scan of the table.
_NOTES = (
    f"SELECT {COUNTS}, "
    + ", ".join(
        f"group_concat({column}, char(10))"
        for column in ("text", "section", "source", "comment", "colour")
    )
    + " FROM notes"
)
PER_GROUP = "SELECT group_id, count(id) FROM notes GROUP BY group_id"
MEMBERS = (
    "SELECT c.id, c.name, c.group_id, count(n.id) FROM clusters c "
    "LEFT OUTER JOIN notes n ON n.cluster_id = c.id GROUP BY c.id ORDER BY c.id"
)


def read(path: Path) -> m.Summary:
    """The summary of the workshop file at `path`, which is refused as `Store.open` refuses it
    (StoreError, DamagedFile) and never written.

    The count runs on a thread and connection of its own while `store_file.revision` checks
    the file (SQLite lets go of Python's lock while it works: at 40,000 notes the count's
    ~100 ms hide behind the checks' ~170 ms on a second core). What it counted is used only
    once every check has passed; a file the checks refuse is refused with their words, and
    the thread is done before `read` returns or raises."""
    store_file.check_path(path)
    real = path.resolve()  # a link's journal belongs to the real file
    if store_file.journal_state(real) == "none":
        counting = _Counting(real, path.name)
        try:
            current = store_file.revision(real, path.name) == store_file.head_revision()
        finally:
            counting.join()
        if current:
            return counting.result()
    from .store import Store  # only here: it loads SQLAlchemy (and Alembic for the copy)

    with Store.open(path, readonly=True) as store:
        return store.summary()


class _Counting(threading.Thread):
    """`counted` on the file, on a read-only connection of its own, in one transaction."""

    def __init__(self, real: Path, name: str) -> None:
        super().__init__(name="samverkan-info-count", daemon=True)
        self._real, self._name = real, name
        self._summary: m.Summary | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            try:
                con = store_file.connect(self._real, "ro")
            except sqlite3.Error as exc:
                raise store_file.failure("store.cannot_read_db", exc, self._name) from None
            try:
                store_file.on_connect(con, None)
                con.execute("BEGIN")  # one state of the file for every count
                self._summary = counted(con, self._name)
            except sqlite3.Error as exc:
                raise store_file.failure("store.cannot_read_db", exc, self._name) from None
            finally:
                con.close()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by result()
            self._error = exc

    def result(self) -> m.Summary:
        if self._error is not None:
            raise self._error
        assert self._summary is not None
        return self._summary


def counted(con: sqlite3.Connection, name: str) -> m.Summary:
    """The summary of the workshop file open on `con` (a plain sqlite3 connection, in a
    transaction), counted by SQL; `name` is the file's name for messages."""
    try:
        total, clustered, uncertain, personal, *_texts = con.execute(_NOTES).fetchone()
        per_group = dict(con.execute(PER_GROUP).fetchall())
        members = tuple(con.execute(MEMBERS).fetchall())
        workshop = store_document.workshop(con)
        groups = store_document.groups(con)
    except (sqlite3.DatabaseError, *store_file.DAMAGED_VALUE) as exc:
        raise store_file.failure("store.cannot_read_db", exc, name, reading=True) from None
    return m.Summary(workshop, groups, total, clustered, uncertain, personal, per_group, members)
