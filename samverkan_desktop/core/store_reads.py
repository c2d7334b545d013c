"""`Store`'s reads: the workshop, groups, notes, clusters, links and themes as the plain
snapshots of `model`, the whole document, the counts of `info`, row versions and what a
cluster holds. `StoreReads` is a part of `Store`; use it through `Store`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select

from . import model as m
from . import store_summary
from .schema import ClusterRow, GroupRow, LinkRow, MetaRow, NoteRow, ThemeLinkRow, WorkshopRow
from .store_file import StoreError
from .store_rows import (
    _VERSIONED,
    StoreParts,
    _check_versions,
    _contents,
    _group,
    _rows,
    _versions,
)


class StoreReads(StoreParts):
    """`Store`'s reads (and `check_versions`, which locks what it read)."""

    # ----------------------------------------------------------------- reads
    def workshop(self) -> m.Workshop:
        with self._read() as s:
            row = s.scalars(select(WorkshopRow).limit(1)).first()
            if row is None:
                return m.Workshop()
            return m.Workshop(row.title, row.date, row.description)

    def groups(self) -> list[m.Group]:
        with self._read() as s:
            rows = s.scalars(select(GroupRow).order_by(GroupRow.position, GroupRow.id))
            return [_group(r) for r in rows]

    def notes(self, ids: Iterable[int] | None = None) -> list[m.Note]:
        with self._read_rows() as conn:
            return [m.Note(*r) for r in _rows(conn, NoteRow, ids)]

    def note(self, note_id: int) -> m.Note:
        found = self.notes([note_id])
        if not found:
            raise StoreError("store.no_note", id=note_id)
        return found[0]

    def clusters(self, ids: Iterable[int] | None = None) -> list[m.Cluster]:
        with self._read_rows() as conn:
            return [m.Cluster(*r) for r in _rows(conn, ClusterRow, ids)]

    def cluster(self, cluster_id: int) -> m.Cluster:
        found = self.clusters([cluster_id])
        if not found:
            raise StoreError("store.no_cluster", id=cluster_id)
        return found[0]

    def notes_and_versions(self, ids: Iterable[int]) -> tuple[list[m.Note], dict[int, int]]:
        """`notes(ids)` and `versions("note", ids)` in one read: each version is that of
        the very row read (what follows a change reads both)."""
        with self._read_rows() as conn:
            notes = [(m.Note(*r[:-1]), r[-1]) for r in _rows(conn, NoteRow, ids, True)]
        return [n for n, _ in notes], {n.id: v for n, v in notes}

    def clusters_and_versions(self, ids: Iterable[int]) -> tuple[list[m.Cluster], dict[int, int]]:
        """`clusters(ids)` and `versions("cluster", ids)` in one read, as `notes_and_versions`."""
        with self._read_rows() as conn:
            clusters = [(m.Cluster(*r[:-1]), r[-1]) for r in _rows(conn, ClusterRow, ids, True)]
        return [c for c, _ in clusters], {c.id: v for c, v in clusters}

    def links(self) -> list[m.Link]:
        with self._read() as s:
            query = select(LinkRow.source_id, LinkRow.target_id, LinkRow.kind)
            return [m.Link(*r) for r in s.execute(query)]

    def themes(self) -> list[m.ThemeLink]:
        with self._read() as s:
            rows = s.execute(select(ThemeLinkRow.note_id, ThemeLinkRow.cluster_id))
            return [m.ThemeLink(*r) for r in rows]

    def document(self) -> m.Document:
        with self._read():
            return m.Document(
                self.workshop(),
                tuple(self.groups()),
                tuple(self.clusters()),
                tuple(self.notes()),
                tuple(self.links()),
                tuple(self.themes()),
            )

    def summary(self) -> m.Summary:
        """Counts for `info`, by SQL: a 40,000-note file is summed up without reading its notes
        (a file's every text is read, to find text that is not UTF-8: store_summary)."""
        with self._read() as s:
            conn = s.connection()
            if self.url is None:  # the same SQL as `info` on a file without a store
                raw = conn.connection.driver_connection
                return store_summary.counted(raw, self.path.name)  # type: ignore[arg-type]
            # Plain SQL: a fresh `info` process spent more compiling these three statements
            # than SQLite spent counting 10,000 notes.
            total, clustered, uncertain, personal = conn.exec_driver_sql(
                f"SELECT {store_summary.COUNTS} FROM notes"
            ).one()
            per_group = conn.exec_driver_sql(store_summary.PER_GROUP).fetchall()
            members = conn.exec_driver_sql(store_summary.MEMBERS).fetchall()
            return m.Summary(
                self.workshop(),
                tuple(self.groups()),
                total,
                clustered,
                uncertain,
                personal,
                {g: n for g, n in per_group},
                tuple((i, name, g, n) for i, name, g, n in members),
            )

    def versions(self, kind: str, ids: Iterable[int] | None = None) -> dict[int, int]:
        """Each note's or cluster's version (`kind` "note" or "cluster"), one up on every write
        of the row: what a later write states as `based_on`."""
        with self._read_rows() as conn:
            return _versions(conn, _VERSIONED[kind], None if ids is None else list(ids))

    def check_versions(self, kind: str, based_on: Mapping[int, int]) -> None:
        """RowMovedOn when any of the notes or clusters (`kind`) is no longer at the version in
        `based_on` (changed or deleted by someone else); the rows stay locked to the end of the
        transaction, so that a write after the check lands on the versions checked. For a
        command that writes a row more than once in one transaction (an undo)."""
        if based_on:
            with self.transaction() as s:
                held = self._held_versions.setdefault(kind, {})
                _check_versions(s, _VERSIONED[kind], based_on, held)

    def contents(self, cluster_ids: Iterable[int]) -> dict[int, frozenset[tuple[str, int]]]:
        """What each of the clusters holds directly now: ("note", id) and ("cluster", id). A
        frame moved on what it held a moment ago would leave behind what someone else has
        just put in it (its own row unchanged)."""
        ids = list(cluster_ids)
        out: dict[int, set[tuple[str, int]]] = {c: set() for c in ids}
        if not ids:
            return {}
        with self._read_rows() as conn:
            for kind, i, c in _contents(conn, ids):
                out[c].add((kind, i))
        return {c: frozenset(held) for c, held in out.items()}

    def written(self, kind: str) -> frozenset[int]:
        """Ids of `kind` that the transaction under way has changed so far (not removed)."""
        return frozenset(self._pending_changed.get(kind, ())) - frozenset(
            self._pending_removed.get(kind, ())
        )

    def written_versions(self, kind: str) -> dict[int, int]:
        """The version the transaction under way has left each row of `kind` it changed at
        (those it removed left out): `versions(kind, written(kind))`, mostly without reading
        them again."""
        ids = self.written(kind)
        held = self._held_versions.get(kind, {})
        versions = {i: held[i] for i in ids if i in held}
        if len(versions) < len(ids):
            versions.update(self.versions(kind, ids - versions.keys()))
        return versions

    def get_meta(self, key: str, default: str = "") -> str:
        with self._read() as s:
            row = s.get(MetaRow, key)
            return row.value if row else default
