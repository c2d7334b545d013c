"""The open workshop as the UI sees it: the store, its undo stack and Qt signals for each change.

`DocumentModel` keeps a snapshot of every note, cluster and group, refreshed from the store after
each committed change, so that the board and the panels read plain dicts instead of querying
SQLite while they paint, and keeps `board` (core.board: the cluster tree and every note's and
frame's place) in step with it, for the placement rules. Nothing here writes to the store:
commands do (see `commands.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core import collector
from ..core import model as m
from ..core.board import Board, Rect
from ..core.messages import describe
from ..core.store import Change, Store, StoreError, Written
from .i18n import current_language

Row = TypeVar("Row", m.Note, m.Cluster)


def _with_fields(row: Row, fields: Mapping[str, object]) -> Row:
    """`dataclasses.replace(row, **fields)` for the store's own field names, without going
    through `__init__` again (3.4 µs a row against 0.6: 88 notes of a Ctrl+G)."""
    new = object.__new__(type(row))
    new.__dict__.update(row.__dict__)
    new.__dict__.update(fields)
    return new


class DocumentModel(QObject):
    """Owns the `Store` and the `QUndoStack`; re-emits store changes as signals.

    Signals carry the frozenset of ids touched. They fire after the cache is up to date, in an
    order that lets a listener rely on clusters existing before the notes that point at them.
    """

    groupsChanged = Signal(object)
    clustersChanged = Signal(object)
    notesChanged = Signal(object)
    notesRemoved = Signal(object)
    clustersRemoved = Signal(object)
    linksChanged = Signal()
    themesChanged = Signal()
    workshopChanged = Signal()
    # A command that could not be carried out; one line for the status bar.
    errorOccurred = Signal(str)
    # A command is about to change the file: a listener may find first that the file is no
    # longer ours to write (the write lock was lost) and turn the store read-only.
    writeRequested = Signal()
    # Another client's committed change, heard on the store's thread; queued to this one.
    _heard = Signal(object)
    # On a server: the connection was lost (False; read-only until it is back) or is back.
    connectionChanged = Signal(bool)
    _connection = Signal(bool)  # from the store's thread

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        note_height: Callable[[m.Note], float] | None = None,
    ) -> None:
        """`note_height`: how tall a note is drawn (default: the board's own text measure)."""
        super().__init__(parent)
        if note_height is None:
            from .board import metrics  # here: the board package imports this module

            note_height = metrics.note_height
        self.note_height: Callable[[m.Note], float] = note_height
        self._store = store
        self._undo = QUndoStack(self)
        self._notes: dict[int, m.Note] = {}
        self._clusters: dict[int, m.Cluster] = {}
        self._groups: dict[int, m.Group] = {}
        self.board = Board()
        self._group_order: dict[int, int] = {}
        self._closed = False
        self._refusal = ""
        self._offline = False
        self._workshop = m.Workshop()
        # The version this board's own last write left each note and cluster at (kind -> id
        # -> version): what its undo and redo are based on (versions.py).
        self.own_versions: dict[str, dict[int, int]] = {}
        # The version of each note and cluster as this board last read it (kind -> id ->
        # version): what a gesture's first run is based on (commands/conflicts.py). Read with
        # the rows themselves after a change (before them when the whole workshop is read),
        # so that it is never newer than what the board shows.
        self.seen_versions: dict[str, dict[int, int]] = {"note": {}, "cluster": {}}
        # On a server, and on a file open shared with other windows: the others' changes come
        # the same way as our own (a file open alone has none to watch). Watched from before
        # the first read, so that nothing committed in between is missed (what is heard
        # meanwhile is read once more, after the first read: the same rows again).
        self._heard.connect(self._on_heard)
        self._connection.connect(self._on_connection)
        self._stop_watching = store.watch(self._heard.emit, connected=self._connection.emit)
        self._reload()
        self._unsubscribe = store.subscribe(self._on_change)

    # ----------------------------------------------------------------- ownership
    @property
    def store(self) -> Store:
        return self._store

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    def close(self) -> None:
        """Stop following the store and close it; the model must not be used afterwards."""
        if self._closed:
            return
        self._closed = True
        self._stop_watching()
        self._undo.clear()
        self._unsubscribe()
        self._store.close()

    def push(self, command: QUndoCommand) -> bool:
        """Carry out `command` and put it on the undo stack; False when the store refused it.

        Qt deletes a command that merged into the previous one or failed, so success is read
        from a plain Python attribute that `StoreCommand` sets, not from the command itself.
        A read-only workshop refuses every command before it runs, and says why.
        """
        self.writeRequested.emit()
        if self.refuse_if_read_only():
            return False
        # A store command is carried out before it goes on the stack: one that is refused
        # leaves the stack as it was (commands/base.py, StoreCommand.run_first).
        run_first = getattr(command, "run_first", None)
        if run_first is not None and not run_first():
            return False
        self._undo.push(command)
        return not getattr(command, "failed", False)

    def set_note_height(self, note_height: Callable[[m.Note], float]) -> list[int]:
        """Measure notes another way from now on (the reader's text size changed); the board
        takes the new heights at once. Returns the notes whose height changed."""
        self.note_height = note_height
        changed = []
        for note in self._notes.values():
            height = note_height(note)
            if height != self.board.note(note.id).h:
                self.board.set_height(note.id, height)
                changed.append(note.id)
        return changed

    # ----------------------------------------------------------------- read-only
    @property
    def read_only(self) -> bool:
        """Nothing can be saved: the file is open for writing elsewhere, or cannot be written,
        or the server is out of reach."""
        return self._store.readonly or self._offline

    @property
    def offline(self) -> bool:
        """On a server: the connection is lost (until it is back)."""
        return self._offline

    def set_refusal(self, text: str) -> None:
        """The status-bar line that says why an edit is refused while read-only."""
        self._refusal = text

    def refuse_if_read_only(self) -> bool:
        """True (and the reason on the status bar) when the workshop is read-only; gestures that
        would only lead to a refused command (an editor opening) ask this first."""
        if not self.read_only:
            return False
        self.errorOccurred.emit(
            self._refusal or self.tr("Workshoppen är skrivskyddad; ändringen sparades inte.")
        )
        return True

    def report_error(self, error: Exception) -> None:
        self.errorOccurred.emit(describe(error, current_language()))

    # ----------------------------------------------------------------- cached reads
    @property
    def notes(self) -> Mapping[int, m.Note]:
        return MappingProxyType(self._notes)

    @property
    def clusters(self) -> Mapping[int, m.Cluster]:
        return MappingProxyType(self._clusters)

    @property
    def groups(self) -> Mapping[int, m.Group]:
        return MappingProxyType(self._groups)

    @property
    def workshop(self) -> m.Workshop:
        return self._workshop

    def note(self, note_id: int) -> m.Note:
        return self._notes[note_id]

    def cluster(self, cluster_id: int) -> m.Cluster:
        return self._clusters[cluster_id]

    def group(self, group_id: int) -> m.Group:
        return self._groups[group_id]

    def snapshot(self) -> m.Document:
        """The whole document as plain data, read on the UI thread, for work on another thread
        (suggestions, the theme map): a worker never sees SQLite."""
        return m.Document(
            self._workshop,
            tuple(sorted(self._groups.values(), key=lambda g: (g.position, g.id))),
            tuple(self._clusters[i] for i in sorted(self._clusters)),
            tuple(self._notes[i] for i in sorted(self._notes)),
            tuple(self._store.links()),
            tuple(self._store.themes()),
        )

    def group_index(self, group_id: int | None) -> int | None:
        """The group's place in the workshop order (its column and colour), None if none."""
        return self._group_order.get(group_id) if group_id is not None else None

    def members(self, cluster_id: int) -> frozenset[int]:
        """Ids of the notes directly in the cluster."""
        return self.board.members(cluster_id)

    def child_clusters(self, cluster_id: int | None) -> frozenset[int]:
        """Ids of the clusters directly inside `cluster_id` (None: the top-level clusters)."""
        return self.board.children(cluster_id)

    def descendants(self, cluster_id: int) -> Iterator[int]:
        """Ids of every cluster nested (at any depth) inside `cluster_id`."""
        return self.board.descendants(cluster_id)

    def subtree_notes(self, cluster_id: int) -> set[int]:
        """Notes in the cluster or in any cluster nested inside it."""
        return self.board.subtree_notes(cluster_id)

    def ancestors(self, cluster_id: int | None) -> Iterator[int]:
        """The cluster's parent, grandparent and so on (not the cluster itself)."""
        return self.board.ancestors(cluster_id)

    def depth(self, cluster_id: int) -> int:
        """0 for a top-level cluster, 1 for one nested inside it, and so on."""
        return self.board.depth(cluster_id)

    # ----------------------------------------------------------------- following the store
    def _reload(self) -> None:
        with collector.paused():  # every row at once: see collector.py
            self._read_all()

    def _read_all(self) -> None:
        self._workshop = self._store.workshop()
        self._set_groups(self._store.groups())
        self._clusters = {}
        self._notes = {}
        self.board = Board()
        self.seen_versions = {kind: self._store.versions(kind) for kind in ("note", "cluster")}
        self._put_clusters(self._store.clusters())
        self._put_notes(self._store.notes())

    def _set_groups(self, groups: list[m.Group]) -> None:
        self._groups = {g.id: g for g in groups}
        ordered = sorted(groups, key=lambda g: (g.position, g.id))
        self._group_order = {g.id: i for i, g in enumerate(ordered)}

    def _put_notes(self, notes: Iterable[m.Note]) -> None:
        held, height = self._notes, self.note_height
        rows = []
        for note in notes:
            held[note.id] = note
            rows.append((note.id, note.x, note.y, height(note), note.cluster_id))
        self.board.put_notes(rows)

    def _drop_notes(self, ids: Iterable[int]) -> None:
        for note_id in ids:
            self._notes.pop(note_id, None)
            self.board.remove_note(note_id)

    def _put_clusters(self, clusters: Iterable[m.Cluster]) -> None:
        for c in clusters:
            self._clusters[c.id] = c
            self.board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)

    def _drop_clusters(self, ids: Iterable[int]) -> None:
        for cluster_id in ids:
            self._clusters.pop(cluster_id, None)
            self.board.remove_frame(cluster_id)

    def _on_change(self, change: Change) -> None:
        try:
            self._apply(change)
        except StoreError as exc:  # the file went away under us; say so rather than crash
            self.report_error(exc)

    def _see(self, kind: str, versions: Mapping[int, int], gone: frozenset[int]) -> None:
        seen = self.seen_versions[kind]
        for i in gone:
            seen.pop(i, None)
        seen.update(versions)

    def reread(self, kind: str, ids: Iterable[int]) -> None:
        """Read these notes or clusters (`kind`) again now and show them as the store has them
        (a gesture refused because someone else changed them a moment ago, before this board
        heard of it): those gone are taken off the board."""
        ids = frozenset(ids)
        try:
            there = frozenset(self._store.versions(kind, ids))
            self._on_change(Change({kind: there}, {kind: ids - there}))
        except StoreError as exc:
            self.report_error(exc)

    def _rows(
        self,
        kind: str,
        ids: frozenset[int],
        written: Mapping[int, Written],
        held: Mapping[int, Row],
        read: Callable[[list[int]], tuple[list[Row], dict[int, int]]],
    ) -> tuple[list[Row], dict[int, int]]:
        """The rows `ids` as the store has them now, with their versions: one this model holds
        at the version a commit of its own changed only by setting fields gets them set (88
        notes of a Ctrl+G at 10,000 notes were read back in 0.5 ms); the others are read."""
        seen = self.seen_versions[kind]
        rows: list[Row] = []
        versions: dict[int, int] = {}
        unread = []
        for i in ids:
            done, old = written.get(i), held.get(i)
            if done is not None and old is not None and seen.get(i) == done.since:
                rows.append(_with_fields(old, done.fields))
                versions[i] = done.version
            else:
                unread.append(i)
        if unread:
            more, more_versions = read(unread)
            rows += more
            versions.update(more_versions)
        return rows, versions

    def _on_heard(self, change: Change) -> None:
        """Another client's commit, now on the UI thread: re-read what it changed (everything
        when the listener could not say what) and tell the board as for our own edits."""
        if self._closed:
            return
        if change.everything:
            try:
                change = self._everything()
            except StoreError as exc:
                self.report_error(exc)
                return
        self._on_change(change)

    def _on_connection(self, up: bool) -> None:
        if self._closed or up != self._offline:
            return
        self._offline = not up
        self.connectionChanged.emit(up)

    def _everything(self) -> Change:
        """A change naming every row now in the store, and as removed what the cache has and
        the store no longer has."""
        notes = frozenset(self._store.versions("note"))
        clusters = frozenset(self._store.versions("cluster"))
        groups = frozenset(g.id for g in self._store.groups())
        return Change(
            {
                "workshop": frozenset({0}),
                "group": groups,
                "cluster": clusters,
                "note": notes,
                "link": frozenset({0}),
                "theme": frozenset({0}),
            },
            {
                "note": frozenset(self._notes) - notes,
                "cluster": frozenset(self._clusters) - clusters,
                "group": frozenset(self._groups) - groups,
            },
        )

    def _apply(self, change: Change) -> None:
        changed, removed = change.changed, change.removed
        note_ids = frozenset(changed.get("note", ())) - frozenset(removed.get("note", ()))
        cluster_ids = frozenset(changed.get("cluster", ())) - frozenset(removed.get("cluster", ()))
        group_ids = frozenset(changed.get("group", ()))
        gone_notes = frozenset(removed.get("note", ()))
        gone_clusters = frozenset(removed.get("cluster", ()))
        gone_groups = frozenset(removed.get("group", ()))

        if "workshop" in changed:
            self._workshop = self._store.workshop()
        if group_ids or gone_groups:
            self._set_groups(self._store.groups())
        self._drop_notes(gone_notes)
        self._drop_clusters(gone_clusters)
        # Each row with its version, in one read: the version is never newer than the row
        # the board shows (what a gesture on it is based on, commands/conflicts.py).
        written = change.written
        clusters, cluster_versions = self._rows(
            "cluster",
            cluster_ids,
            written.get("cluster", {}),
            self._clusters,
            self._store.clusters_and_versions,
        )
        notes, note_versions = self._rows(
            "note", note_ids, written.get("note", {}), self._notes, self._store.notes_and_versions
        )
        self._see("note", note_versions, gone_notes)
        self._see("cluster", cluster_versions, gone_clusters)
        self._put_clusters(clusters)
        self._put_notes(notes)

        if "workshop" in changed:
            self.workshopChanged.emit()
        if group_ids or gone_groups:
            self.groupsChanged.emit(group_ids | gone_groups)
        if cluster_ids:
            self.clustersChanged.emit(cluster_ids)
        if note_ids:
            self.notesChanged.emit(note_ids)
        if gone_notes:
            self.notesRemoved.emit(gone_notes)
        if gone_clusters:
            self.clustersRemoved.emit(gone_clusters)
        if "link" in changed or "link" in removed:
            self.linksChanged.emit()
        if "theme" in changed or "theme" in removed:
            self.themesChanged.emit()
