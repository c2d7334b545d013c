"""A workshop file's whole document read with plain sqlite3, for the commands that only read it
(`suggest`): importing SQLAlchemy and opening a store was 0.5-0.9 s of a 4-5 s `suggest` at
10,000 notes (issue 10).

`read` takes a file as `store_summary.read` does: one of the current schema with nothing to play
back, checked as `Store.open(readonly=True)` checks it (every page, every cell, the revision), is
read here, each column as the store's SQLAlchemy types give it (a date, a timestamp, a boolean,
JSON; tests/core/test_store_document.py holds the two reads to the same document); any other
file goes through `Store.open` as before.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from . import model as m
from . import store_file

# The statements the store's reads send (store_reads.py), in the same order of rows.
_WORKSHOP = "SELECT title, date, description FROM workshop LIMIT 1"
_GROUPS = "SELECT id, name, facilitators, position FROM groups ORDER BY position, id"
_CLUSTERS = (
    "SELECT id, name, description, colour, x, y, width, height, parent_id, group_id, "
    "created_at, updated_at FROM clusters ORDER BY id"
)
_NOTES = (
    "SELECT id, text, group_id, section, source, uncertain, comment, personal_data, votes, "
    "colour, x, y, cluster_id, created_at, updated_at FROM notes ORDER BY id"
)
_LINKS = "SELECT note_links.source_id, note_links.target_id, note_links.kind FROM note_links"
_THEMES = "SELECT note_themes.note_id, note_themes.cluster_id FROM note_themes"


def read(path: Path) -> m.Document:
    """The document in the workshop file at `path`, which is refused as `Store.open` refuses
    it (StoreError, DamagedFile) and never written."""
    store_file.check_path(path)
    real = path.resolve()  # a link's journal belongs to the real file
    if (
        store_file.journal_state(real) == "none"
        and store_file.revision(real, path.name) == store_file.head_revision()
    ):
        try:
            con = store_file.connect(real, "ro")
        except sqlite3.Error as exc:
            raise store_file.failure("store.cannot_read_db", exc, path.name) from None
        try:
            store_file.on_connect(con, None)
            con.execute("BEGIN")  # one state of the file for every table
            return _document(con)
        except (sqlite3.Error, *store_file.DAMAGED_VALUE) as exc:  # as the store reads: damage
            raise store_file.failure("store.cannot_read_db", exc, path.name, True) from None
        finally:
            con.close()
    from .store import Store  # only here: it loads SQLAlchemy (and Alembic for the copy)

    with Store.open(path, readonly=True) as store:
        return store.document()


def workshop(con: sqlite3.Connection) -> m.Workshop:
    """The workshop's title, date and description (`info` reads them so too)."""
    row = con.execute(_WORKSHOP).fetchone()
    return m.Workshop() if row is None else m.Workshop(row[0], _date(row[1]), row[2])


def groups(con: sqlite3.Connection) -> tuple[m.Group, ...]:
    return tuple(
        m.Group(i, name, tuple(_json(people) or ()), position)
        for i, name, people, position in con.execute(_GROUPS)
    )


def _document(con: sqlite3.Connection) -> m.Document:
    clusters = tuple(
        m.Cluster(
            i, name, about, colour, x, y, w, h, parent, group, _moment(made), _moment(changed)
        )
        for i, name, about, colour, x, y, w, h, parent, group, made, changed in con.execute(
            _CLUSTERS
        )
    )
    notes = tuple(
        m.Note(
            i,
            text,
            group,
            section,
            source,
            bool(uncertain),  # (NOT NULL columns: SQLAlchemy's Boolean gives bool(value))
            comment,
            bool(personal),
            votes,
            colour,
            x,
            y,
            home,
            _moment(made),
            _moment(changed),
        )
        for (
            i,
            text,
            group,
            section,
            source,
            uncertain,
            comment,
            personal,
            votes,
            colour,
            x,
            y,
            home,
            made,
            changed,
        ) in con.execute(_NOTES)
    )
    links = tuple(m.Link(*r) for r in con.execute(_LINKS))
    themes = tuple(m.ThemeLink(*r) for r in con.execute(_THEMES))
    return m.Document(workshop(con), groups(con), clusters, notes, links, themes)


# As SQLAlchemy's SQLite types read them (the cell checks have held each to its form).
def _moment(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)
