"""No lost update on a shared workshop: a gesture's first run is based on the notes and
clusters as this board showed them, and is re-based or refused when someone else has changed
them since (a commit this board has not heard of yet, within the live window of a second).

A command states, as it is made, what it writes to which existing row (`Basis.add`), and the
version of that row the board last read (`DocumentModel.seen_versions`). Its first run checks
those versions at the start of its transaction (the store locks the rows to its end). A row
that has moved on is

- re-based (the write goes ahead, on top of the other person's change) when none of the
  fields the gesture writes has changed, counting a note's place (x, y, its cluster) as one
  field and a frame's place (x, y, width, height, its parent) as one, and when a note whose
  place, text or votes the gesture writes is still as tall as the gesture made room for (its
  text and votes decide its height, and with it where the notes below go);
- refused otherwise, and always for a row the gesture removes or copies (delete, split,
  merge): nothing is written, the command does not go on the undo stack, the board reads the
  row again and the status bar names it ("”Flytta 1 lapp” gjordes inte: någon annan ändrade
  lappen ”…” just nu. Lappen visas nu som den är.").

Undo and redo are checked by ui/versions.py (per-person undo). A store whose rows nobody else
can change (`Store.shared` false) is not checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...core import model as m
from ...core.store import RowMovedOn
from ..document import DocumentModel
from ..i18n import TrContext
from ..plaintext import one_line

_KINDS = ("note", "cluster")
Row = m.Note | m.Cluster
# kind -> id -> (version, row) as the board showed them (`shown`).
Shown = Mapping[str, Mapping[int, tuple[int, Row]]]
# Fields that are one thing to the user: changing any of them changes the place.
_PLACE = {
    "note": frozenset({"x", "y", "cluster_id"}),
    "cluster": frozenset({"x", "y", "width", "height", "parent_id"}),
}
# A note's fields that decide its height, or where it and its neighbours are.
_HEIGHT_MATTERS = frozenset({"x", "y", "cluster_id", "text", "votes"})


class Conflict(TrContext):
    """The messages of a gesture refused on its first run. (Translation context.)"""


@dataclass
class _Based:
    version: int
    row: m.Note | m.Cluster  # as the board showed it
    writes: dict[str, Any] | None  # field -> new value; None: the whole row (removed, copied)


class Basis:
    """What a command's first run is based on: for each existing note and cluster it writes,
    the version and the row as the board showed them, and what it writes there."""

    def __init__(self, doc: DocumentModel) -> None:
        self.doc = doc
        self.rows: dict[str, dict[int, _Based]] = {kind: {} for kind in _KINDS}
        # What each frame the command moves or resizes held as the board showed it: a note
        # someone else has just put in it would be left behind (its row is not the frame's).
        self.held: dict[int, frozenset[tuple[str, int]]] = {}
        # Rows to read again when the command is refused (what was put in such a frame).
        self.stale: dict[str, set[int]] = {kind: set() for kind in _KINDS}

    def add(self, kind: str, writes: Mapping[int, Mapping[str, Any] | None]) -> None:
        """The command writes these fields (None: removes or copies the whole row) of these
        notes or clusters (`kind`), as the board shows them now."""
        shown: Mapping[int, m.Note | m.Cluster] = (
            self.doc.notes if kind == "note" else self.doc.clusters
        )
        seen, rows = self.doc.seen_versions.get(kind, {}), self.rows[kind]
        for i, fields in writes.items():
            if i not in shown or i not in seen:
                continue  # made by this very command, or not known to this board
            if kind == "cluster" and fields is not None and set(fields) & _PLACE[kind]:
                self.held.setdefault(i, self._holds(i))
            based = rows.get(i)
            if based is None:
                rows[i] = _Based(seen[i], shown[i], None if fields is None else dict(fields))
            elif based.writes is not None:
                if fields is None:
                    based.writes = None
                else:
                    based.writes.update(fields)

    def _holds(self, cluster_id: int) -> frozenset[tuple[str, int]]:
        doc = self.doc
        notes = {("note", i) for i in doc.members(cluster_id)}
        return frozenset(notes | {("cluster", i) for i in doc.child_clusters(cluster_id)})

    def add_whole(self, kind: str, ids: Iterable[int]) -> None:
        self.add(kind, dict.fromkeys(ids))

    def since(self, started: Shown) -> None:
        """Base the rows in `started` on how the board showed them when the gesture began
        (`shown`: an editor opening, a drag picking up), not when it ended: a change heard
        while the user was typing or dragging is someone else's all the same."""
        for kind, rows in started.items():
            for i, (version, row) in rows.items():
                based = self.rows[kind].get(i)
                if based is not None:
                    based.version, based.row = version, row

    def check(self) -> None:
        """In the command's transaction: RowMovedOn (naming the rows) when a row has moved on
        and the change cannot be re-based on it; the rows stay locked to the end."""
        store = self.doc.store
        if not store.shared:
            return
        for kind in _KINDS:
            rows = self.rows[kind]
            try:
                store.check_versions(kind, {i: b.version for i, b in rows.items()})
            except RowMovedOn as moved:
                now = store.notes(moved.ids) if kind == "note" else store.clusters(moved.ids)
                current: dict[int, m.Note | m.Cluster] = {r.id: r for r in now}
                refused = tuple(
                    i for i in moved.ids if not self._rebases(kind, rows[i], current.get(i))
                )
                if refused == moved.ids:
                    raise
                if refused:
                    raise _moved_on(kind, refused, current) from None
        if self.held:
            holding = store.contents(self.held)
            changed = tuple(sorted(c for c, held in self.held.items() if holding.get(c) != held))
            if changed:
                for c in changed:
                    for kind, i in holding.get(c, frozenset()) ^ self.held[c]:
                        self.stale[kind].add(i)
                raise _moved_on("cluster", changed, {c.id: c for c in store.clusters(changed)})

    def _rebases(self, kind: str, based: _Based, now: m.Note | m.Cluster | None) -> bool:
        if now is None or based.writes is None:
            return False
        fields = set(based.writes)
        if fields & _PLACE[kind]:
            fields |= _PLACE[kind]
        if any(getattr(now, f) != getattr(based.row, f) for f in fields):
            return False
        if isinstance(now, m.Note) and isinstance(based.row, m.Note) and fields & _HEIGHT_MATTERS:
            size = {f: v for f, v in based.writes.items() if f in ("text", "votes")}
            height = self.doc.note_height
            return bool(height(now.with_(**size)) == height(based.row.with_(**size)))
        return True


def shown(doc: DocumentModel, notes: Iterable[int] = (), clusters: Iterable[int] = ()) -> Shown:
    """The versions and rows of these notes and clusters as the board shows them now, for a
    gesture that goes on for a while (`Basis.since`)."""
    out: dict[str, dict[int, tuple[int, Row]]] = {}
    for kind, ids, rows in (("note", notes, doc.notes), ("cluster", clusters, doc.clusters)):
        seen = doc.seen_versions.get(kind, {})
        out[kind] = {i: (seen[i], rows[i]) for i in ids if i in seen and i in rows}
    return out


def _moved_on(
    kind: str, ids: tuple[int, ...], current: Mapping[int, m.Note | m.Cluster]
) -> RowMovedOn:
    """RowMovedOn for the rows refused of those that moved on (the others were re-based)."""
    if len(ids) > 1:
        error = RowMovedOn(f"store.{kind}s_moved_on", count=len(ids))
    else:
        row = current.get(ids[0])
        label = "" if row is None else row.text if isinstance(row, m.Note) else row.name
        error = RowMovedOn(f"store.{kind}_moved_on", label=one_line(label, 40))
    error.kind, error.ids = kind, ids
    return error


def refused(doc: DocumentModel, error: RowMovedOn, action: str, basis: Basis) -> None:
    """The gesture `action` (the command's text) was refused on its first run: show the rows
    as they are now and say so on the status bar."""
    doc.reread(error.kind, error.ids)
    for kind, ids in basis.stale.items():
        if ids:
            doc.reread(kind, ids)
    doc.errorOccurred.emit(refusal(doc, error, action))


def refusal(doc: DocumentModel, error: RowMovedOn, action: str) -> str:
    ids, notes = error.ids, error.kind == "note"
    if len(ids) > 1:
        if notes:
            text = Conflict.tr(
                "”{action}” gjordes inte: någon annan ändrade %n av lapparna just nu. "
                "De visas nu som de är.",
                "",
                len(ids),
            )
        else:
            text = Conflict.tr(
                "”{action}” gjordes inte: någon annan ändrade %n av klustren just nu. "
                "De visas nu som de är.",
                "",
                len(ids),
            )
        return text.format(action=action)
    found = (doc.notes if notes else doc.clusters).get(ids[0]) if ids else None
    if found is None:
        if notes:
            text = Conflict.tr("”{action}” gjordes inte: någon annan tog bort lappen just nu.")
        else:
            text = Conflict.tr("”{action}” gjordes inte: någon annan tog bort klustret just nu.")
        return text.format(action=action)
    label = one_line(found.text if isinstance(found, m.Note) else found.name, 40)
    if notes:
        text = Conflict.tr(
            "”{action}” gjordes inte: någon annan ändrade lappen ”{label}” just nu. "
            "Lappen visas nu som den är."
        )
    else:
        text = Conflict.tr(
            "”{action}” gjordes inte: någon annan ändrade klustret ”{label}” just nu. "
            "Klustret visas nu som det är."
        )
    return text.format(action=action, label=label)
