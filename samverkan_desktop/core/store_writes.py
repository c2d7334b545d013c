"""`Store`'s writes, each in one transaction: the workshop and its groups, notes, clusters
(nesting checked), links, removal and restore (`NoteRemoval`, `ClusterRemoval`), and whole
documents (an import, a merge). `StoreWrites` is a part of `Store`; use it through `Store`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from . import limits
from . import model as m
from .schema import ClusterRow, GroupRow, LinkRow, MetaRow, NoteRow, ThemeLinkRow, WorkshopRow
from .store_file import StoreError
from .store_new import check_references
from .store_reads import StoreReads
from .store_rows import (
    CLUSTER_FIELDS,
    NOTE_FIELDS,
    _add_row,
    _checked,
    _cluster,
    _cluster_values,
    _get,
    _group,
    _ids_given,
    _insert,
    _mapped,
    _note_values,
    _one,
    _require,
    _require_versions,
    _table,
    _update_rows,
    _within_limits,
)

if TYPE_CHECKING:
    from .merge import MergePlan


@dataclass(frozen=True)
class NoteRemoval:
    """Everything needed to put deleted notes back exactly as they were."""

    notes: tuple[m.Note, ...]
    links: tuple[m.Link, ...]
    themes: tuple[m.ThemeLink, ...]
    # Each note's version when it went: it comes back one on, never as an earlier version.
    versions: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ClusterRemoval:
    cluster: m.Cluster
    member_ids: tuple[int, ...]
    child_ids: tuple[int, ...]
    themes: tuple[m.ThemeLink, ...]
    version: int = 1


class StoreWrites(StoreReads):
    """`Store`'s writes (they read too: what a removal keeps, what an import maps)."""

    # ----------------------------------------------------------------- writes: workshop, groups
    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as s:
            s.merge(MetaRow(key=key, value=value))

    def set_workshop(self, workshop: m.Workshop) -> None:
        with self.transaction() as s:
            row = s.scalars(select(WorkshopRow).limit(1)).first()
            if row is None:
                row = WorkshopRow()
                s.add(row)
            row.title, row.date = workshop.title, workshop.date
            row.description = workshop.description
            self._mark("workshop", [0])

    def add_group(self, name: str, facilitators: Iterable[str] = ()) -> m.Group:
        with self.transaction() as s:
            position = len(s.scalars(select(GroupRow.id)).all())
            row = GroupRow(name=name, facilitators=list(facilitators), position=position)
            s.add(row)
            s.flush()
            self._mark("group", [row.id])
            return _group(row)

    def update_group(self, group_id: int, **changes: Any) -> m.Group:
        with self.transaction() as s:
            row = _get(s, GroupRow, group_id)
            for key, value in changes.items():
                if key not in {"name", "facilitators", "position"}:
                    raise ValueError(f"unknown group field {key}")
                setattr(row, key, list(value) if key == "facilitators" else value)
            self._mark("group", [group_id])
            return _group(row)

    def delete_groups(self, ids: Iterable[int]) -> tuple[m.Group, ...]:
        """Remove groups (undoing an import); notes and clusters left in them keep no group."""
        wanted = set(ids)
        with self.transaction() as s:
            groups = tuple(g for g in self.groups() if g.id in wanted)
            s.execute(delete(GroupRow).where(GroupRow.id.in_(wanted)))
            self._mark("group", wanted, removed=True)
            return groups

    def restore_groups(self, groups: Iterable[m.Group]) -> None:
        """Put back groups removed by `delete_groups`, with their ids."""
        groups = list(groups)
        with self.transaction() as s:
            for g in groups:
                s.add(
                    GroupRow(
                        id=g.id, name=g.name, facilitators=list(g.facilitators), position=g.position
                    )
                )
            s.flush()  # before clusters and notes that point at them join the same transaction
            _ids_given(s, GroupRow)
            self._mark("group", [g.id for g in groups])

    # ----------------------------------------------------------------- writes: notes
    def add_note(self, text: str, **values: Any) -> m.Note:
        with self.transaction() as s:
            _within_limits("text", text)
            written, version = _add_row(s, NoteRow, {"text": text, **_checked(values, NOTE_FIELDS)})
            note = m.Note(*written)
            self._mark("note", [note.id], versions={note.id: version})
            return note

    def update_note(self, note_id: int, *, based_on: int | None = None, **changes: Any) -> m.Note:
        self.update_notes({note_id: changes}, based_on=_one(note_id, based_on))
        return self.note(note_id)

    def update_notes(
        self, changes: Mapping[int, Mapping[str, Any]], *, based_on: Mapping[int, int] | None = None
    ) -> None:
        """Change fields of many notes in one transaction (a drag of 500 notes is one commit).
        `based_on`: note id -> the version (`versions`) the change was made from; when any of
        them has moved on, RowMovedOn and nothing is written."""
        if not changes:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [
            {"id": i, **_checked(c, NOTE_FIELDS), "updated_at": now} for i, c in changes.items()
        ]
        with self.transaction() as s:
            held = self._held_versions.setdefault("note", {})
            versions = _update_rows(s, NoteRow, rows, based_on, held)
            self._mark("note", changes.keys(), versions=versions, values=_by_id(rows))

    def move_notes(self, positions: Mapping[int, tuple[float, float]]) -> None:
        self.update_notes({i: {"x": x, "y": y} for i, (x, y) in positions.items()})

    def set_membership(self, membership: Mapping[int, int | None]) -> None:
        """Put notes into clusters (None: out of any cluster)."""
        self.update_notes({i: {"cluster_id": c} for i, c in membership.items()})

    def delete_notes(self, ids: Iterable[int]) -> NoteRemoval:
        ids = list(ids)
        with self.transaction() as s:
            notes = self.notes(ids)
            id_set = set(ids)
            links = tuple(lk for lk in self.links() if lk.source in id_set or lk.target in id_set)
            themes = tuple(t for t in self.themes() if t.note_id in id_set)
            versions = self.versions("note", ids)
            s.execute(delete(NoteRow).where(NoteRow.id.in_(ids)))
            self._mark("note", ids, removed=True)
            if links:
                self._mark("link", [0])
            return NoteRemoval(tuple(notes), links, themes, versions)

    def restore_notes(self, removal: NoteRemoval) -> None:
        with self.transaction() as s:
            for note in removal.notes:
                version = removal.versions.get(note.id, 0) + 1
                s.add(NoteRow(id=note.id, version=version, **_note_values(note)))
            s.flush()
            _ids_given(s, NoteRow)
            for lk in removal.links:
                s.merge(LinkRow(source_id=lk.source, target_id=lk.target, kind=lk.kind))
            for t in removal.themes:
                s.merge(ThemeLinkRow(note_id=t.note_id, cluster_id=t.cluster_id))
            self._mark("note", [n.id for n in removal.notes])
            if removal.links:
                self._mark("link", [0])
            if removal.themes:
                self._mark("theme", [0])

    # ----------------------------------------------------------------- writes: clusters
    def add_cluster(self, name: str, **values: Any) -> m.Cluster:
        with self.transaction() as s:
            _within_limits("name", name)
            if values.get("parent_id") is not None:
                self._check_parent(s, None, values["parent_id"])
            values = {"name": name, **_checked(values, CLUSTER_FIELDS)}
            written, version = _add_row(s, ClusterRow, values)
            cluster = m.Cluster(*written)
            self._mark("cluster", [cluster.id], versions={cluster.id: version})
            return cluster

    def update_cluster(
        self, cluster_id: int, *, based_on: int | None = None, **changes: Any
    ) -> m.Cluster:
        self.update_clusters({cluster_id: changes}, based_on=_one(cluster_id, based_on))
        return self.cluster(cluster_id)

    def update_clusters(
        self, changes: Mapping[int, Mapping[str, Any]], *, based_on: Mapping[int, int] | None = None
    ) -> None:
        """Change fields of many clusters in one transaction; `based_on` as `update_notes`."""
        if not changes:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [
            {"id": i, **_checked(c, CLUSTER_FIELDS), "updated_at": now} for i, c in changes.items()
        ]
        with self.transaction() as s:
            held = self._held_versions.setdefault("cluster", {})
            parents = {i: c["parent_id"] for i, c in changes.items() if "parent_id" in c}
            if parents:  # refused before anything is written; the rows are checked first
                _require_versions(s, ClusterRow, changes.keys(), based_on, held)
                for i, parent in parents.items():
                    self._check_parent(s, i, parent)
            versions = _update_rows(s, ClusterRow, rows, based_on, held)
            self._mark("cluster", changes.keys(), versions=versions, values=_by_id(rows))

    def _check_parent(self, s: Session, cluster_id: int | None, parent_id: int | None) -> None:
        """Refuse a cycle, and nesting deeper than the limit (the parent's depth plus the
        height of what is moved into it)."""
        seen = {cluster_id}
        depth = 0
        while parent_id is not None:
            if parent_id in seen:
                raise StoreError("store.cluster_in_itself")
            seen.add(parent_id)
            depth += 1
            parent_id = _get(s, ClusterRow, parent_id).parent_id
        level = [cluster_id] if cluster_id is not None else []
        height = 1
        while level:
            level = list(s.scalars(select(ClusterRow.id).where(ClusterRow.parent_id.in_(level))))
            height += 1 if level else 0
        if depth + height > limits.MAX_CLUSTER_DEPTH:
            raise StoreError("store.cluster_too_deep", most=limits.MAX_CLUSTER_DEPTH)

    def delete_cluster(self, cluster_id: int) -> ClusterRemoval:
        """Remove a cluster; its notes and children move up into the cluster around it (none
        for a top-level cluster: its notes stay on the board unclustered)."""
        with self.transaction() as s:
            row = _get(s, ClusterRow, cluster_id)
            cluster, version = _cluster(row), row.version
            members = tuple(s.scalars(select(NoteRow.id).where(NoteRow.cluster_id == cluster_id)))
            children = tuple(
                s.scalars(select(ClusterRow.id).where(ClusterRow.parent_id == cluster_id))
            )
            themes = tuple(t for t in self.themes() if t.cluster_id == cluster_id)
            s.execute(
                update(NoteRow)
                .where(NoteRow.cluster_id == cluster_id)
                .values(cluster_id=cluster.parent_id, version=NoteRow.version + 1)
            )
            s.execute(
                update(ClusterRow)
                .where(ClusterRow.parent_id == cluster_id)
                .values(parent_id=cluster.parent_id, version=ClusterRow.version + 1)
            )
            s.execute(delete(ClusterRow).where(ClusterRow.id == cluster_id))
            self._mark("cluster", [cluster_id], removed=True)
            self._mark("note", members)
            self._mark("cluster", children)
            if themes:
                self._mark("theme", [0])
            return ClusterRemoval(cluster, members, children, themes, version)

    def restore_cluster(self, removal: ClusterRemoval) -> None:
        c = removal.cluster
        with self.transaction() as s:
            s.add(ClusterRow(id=c.id, version=removal.version + 1, **_cluster_values(c)))
            s.flush()
            _ids_given(s, ClusterRow)
            if removal.member_ids:
                s.execute(
                    update(NoteRow)
                    .where(NoteRow.id.in_(removal.member_ids))
                    .values(cluster_id=c.id, version=NoteRow.version + 1)
                )
            if removal.child_ids:
                s.execute(
                    update(ClusterRow)
                    .where(ClusterRow.id.in_(removal.child_ids))
                    .values(parent_id=c.id, version=ClusterRow.version + 1)
                )
            for t in removal.themes:
                s.merge(ThemeLinkRow(note_id=t.note_id, cluster_id=t.cluster_id))
            self._mark("cluster", [c.id, *removal.child_ids])
            self._mark("note", removal.member_ids)
            if removal.themes:
                self._mark("theme", [0])

    # ----------------------------------------------------------------- writes: links
    def add_link(self, link: m.Link) -> None:
        if link.kind not in m.LINK_KINDS:
            raise StoreError("store.unknown_link_kind", kind=link.kind)
        if link.source == link.target:
            raise StoreError("store.self_link")
        with self.transaction() as s:
            s.merge(LinkRow(source_id=link.source, target_id=link.target, kind=link.kind))
            self._mark("link", [link.source, link.target])

    def remove_link(self, link: m.Link) -> None:
        with self.transaction() as s:
            s.execute(
                delete(LinkRow).where(
                    LinkRow.source_id == link.source,
                    LinkRow.target_id == link.target,
                    LinkRow.kind == link.kind,
                )
            )
            self._mark("link", [link.source, link.target])

    # ----------------------------------------------------------------- whole documents
    def add_document(
        self, doc: m.Document, *, into_clusters: Mapping[int, int] | None = None
    ) -> dict[str, dict[int, int]]:
        """Add a whole document (an import) in one transaction: all of it, or nothing.

        Ids in `doc` are its own; they are mapped to new ids here, which are returned per kind.
        The workshop's title, date and description are taken where this file has none yet.
        `into_clusters` (a merge, see `merge_document`): clusters of `doc` that are not added;
        what `doc` puts in one goes into the existing cluster it maps to (returned apart, as
        "merged_clusters", so that "clusters" stays what was added).
        """
        into = dict(into_clusters or {})
        with self.transaction() as s:
            current = self.workshop()
            merged = m.Workshop(
                current.title or doc.workshop.title,
                current.date or doc.workshop.date,
                current.description or doc.workshop.description,
            )
            if merged != current:
                self.set_workshop(merged)
            # Checked first, in the order the rows used to be added in, so that a refused
            # document says the same as before; nothing has been written then.
            cluster_keys = {c.id for c in doc.clusters} | set(into)
            _require(s, ClusterRow, into.values())
            check_references(doc, cluster_keys)
            # Each table in one executemany; the ids are the ones SQLite would have given row
            # by row (see `_insert`). Timestamps a document leaves out are the moment of import.
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            offset = len(s.scalars(select(GroupRow.id)).all())
            group_ids = _insert(
                s,
                GroupRow,
                [g.id for g in doc.groups],
                [
                    {"name": g.name, "facilitators": list(g.facilitators), "position": offset + i}
                    for i, g in enumerate(doc.groups)
                ],
            )
            cluster_rows = []
            added_clusters = [c for c in doc.clusters if c.id not in into]
            for c in added_clusters:
                values = _cluster_values(c)
                # Ids are the document's own, and 0 is one (a hand-written JSON file).
                values.update(parent_id=None, group_id=_mapped(group_ids, c.group_id))
                values.setdefault("created_at", now)
                values.setdefault("updated_at", now)
                cluster_rows.append(values)
            cluster_ids = _insert(s, ClusterRow, [c.id for c in added_clusters], cluster_rows)
            added = cluster_ids
            if into:  # what the document puts in a merged cluster goes into the existing one
                cluster_ids = {**cluster_ids, **into}
            parents = [
                {"b_id": cluster_ids[c.id], "b_parent": cluster_ids[c.parent_id]}
                for c in added_clusters
                if c.parent_id is not None
            ]
            if parents:  # after every cluster is in: a parent may come after its child
                clusters = _table(ClusterRow)
                s.execute(
                    update(clusters)
                    .where(clusters.c.id == bindparam("b_id"))
                    .values(parent_id=bindparam("b_parent")),
                    parents,
                )
            note_rows = []
            for n in doc.notes:
                values = _note_values(n)
                values["group_id"] = _mapped(group_ids, n.group_id)
                values["cluster_id"] = _mapped(cluster_ids, n.cluster_id)
                values.setdefault("created_at", now)
                values.setdefault("updated_at", now)
                note_rows.append(values)
            note_ids = _insert(s, NoteRow, [n.id for n in doc.notes], note_rows)
            # Every note here is new, so nothing in the file already links them: only the
            # document's own repeats are left out.
            links = dict.fromkeys(
                (note_ids[lk.source], note_ids[lk.target], lk.kind) for lk in doc.links
            )
            if links:
                s.execute(
                    insert(_table(LinkRow)),
                    [{"source_id": a, "target_id": b, "kind": kind} for a, b, kind in links],
                )
            themes = dict.fromkeys(
                (note_ids[t.note_id], cluster_ids[t.cluster_id]) for t in doc.themes
            )
            if themes:
                s.execute(
                    insert(_table(ThemeLinkRow)),
                    [{"note_id": a, "cluster_id": b} for a, b in themes],
                )
            self._mark("group", group_ids.values())
            self._mark("cluster", cluster_ids.values())
            self._mark("note", note_ids.values())
            self._mark("link", [0])
            result = {"groups": group_ids, "clusters": added, "notes": note_ids}
            if into:
                result["merged_clusters"] = into
            return result

    def merge_document(self, plan: MergePlan) -> dict[str, dict[int, int]]:
        """Write a merge (`core.merge.merge_into`) in one transaction, all or nothing: the
        existing notes and frames it moved or grew, then its document (`add_document` with
        `into_clusters`). Returns `add_document`'s id maps."""
        with self.transaction():
            if plan.notes_moved:
                self.update_notes({i: {"x": x, "y": y} for i, (x, y) in plan.notes_moved.items()})
            if plan.clusters_moved:
                self.update_clusters(
                    {
                        i: {"x": x, "y": y, "width": w, "height": h}
                        for i, (x, y, w, h) in plan.clusters_moved.items()
                    }
                )
            return self.add_document(plan.document, into_clusters=plan.into_clusters)


def _by_id(rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Rows written by `_update_rows`, by id: what `_mark` tells the subscribers was set."""
    return {row["id"]: row for row in rows}
