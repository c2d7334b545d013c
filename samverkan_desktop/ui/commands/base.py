"""The thin commands every user action is made of: each stores old and new values and writes
them through the store; nothing here decides where anything goes.

A command that does several things is a parent with these as children (made with
`parent=`): redo runs the children in order, undo in reverse. Only the outermost command opens
the store transaction and reports a refusal, so an action is all or nothing, and a command the
store refuses is dropped from the stack with a message. Deleted things come back with the same
ids (the store's removal records), so the commands further up the stack still point at the
right notes and clusters. On a shared workshop a command's first run is based on the rows as
the board showed them (conflicts.py), its undo and redo on what it wrote (ui/versions.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from ...core.board import Changes
from ...core.store import ClusterRemoval, NoteRemoval, RowMovedOn, StoreError
from ..document import DocumentModel
from ..i18n import TrContext
from ..versions import SeenVersions, report
from .conflicts import Basis, refused

FieldChanges = Mapping[int, Mapping[str, Any]]


class Undo(TrContext):
    """The undo texts and messages of the commands. (Translation context; see TrContext.)"""


def notes_n(n: int) -> str:
    """ "1 lapp" / "3 lappar": Qt's plural forms (samverkan_sv.ts, samverkan_en.ts), for texts
    that name notes and clusters together; a text with one number says it whole."""
    return Undo.tr("%n lappar", "", n)


def clusters_n(n: int) -> str:
    return Undo.tr("%n kluster", "", n)


def quoted(name: str) -> str:
    # Swedish quotes a name »so«; English “so”.
    return Undo.tr("»{name}«").format(name=name.strip() or Undo.tr("namnlöst"))


class StoreCommand(QUndoCommand):
    """Runs `_redo`/`_undo` in one store transaction; a refused command leaves the stack.

    As a child of another command it runs inside its parent's transaction, and a refusal
    fails the parent. By default `_redo`/`_undo` run the children (in order, and back).

    The children are the parent's Python list `steps`, not Qt's child commands: PySide6 leaves
    a child made with `QUndoCommand(text, parent)` owned by Python, so once the parent's Python
    object is gone (the stack keeps only the C++ one) the child is deleted under the stack,
    which crashes when the stack deletes the parent. (tests/ui/test_commands.py, composite
    commands after their Python objects are gone.)"""

    def __init__(self, doc: DocumentModel, text: str, parent: StoreCommand | None = None) -> None:
        super().__init__(text)
        self.doc = doc
        self.failed = False
        self.steps: list[StoreCommand] = []
        self.is_child = parent is not None
        if parent is not None:
            parent.steps.append(self)
        # Per-person undo on a shared workshop: an undo or redo over someone else's change
        # since is refused (ui/versions.py).
        self.seen = SeenVersions()
        # No lost update: the first run is based on the rows as the board shows them now
        # (conflicts.py); the children add to their parent's basis.
        self.basis: Basis = parent.basis if parent is not None else Basis(doc)
        self._first = True  # the next redo is the first run
        self._done = False  # carried out by run_first: the stack's own redo on push is that

    def run_first(self) -> bool:
        """Carry the command out for the first time, before it goes on the undo stack
        (DocumentModel.push), so that a refused one leaves the stack as it was, the steps
        that could be redone too. False when it was refused."""
        self.redo()
        self._done = not self.failed
        return not self.failed

    def redo(self) -> None:
        if self.is_child:
            self._redo()
            return
        if self._done:
            self._done = False
            return
        first, self._first = self._first, False
        try:
            with self.seen.transaction(self.doc):
                if first:
                    self.basis.check()
                self._redo()
        except StoreError as exc:
            self.failed = True
            self.setObsolete(True)
            if first and isinstance(exc, RowMovedOn):
                refused(self.doc, exc, self.text(), self.basis)
            else:
                report(self.doc, exc, self.text(), undoing=False)

    def undo(self) -> None:
        if self.is_child:
            self._undo()
            return
        try:
            with self.seen.transaction(self.doc):
                self._undo()
        except StoreError as exc:
            # Someone else changed its rows since: the command leaves the stack, not applied.
            self.setObsolete(isinstance(exc, RowMovedOn))
            report(self.doc, exc, self.text(), undoing=True)

    def _redo(self) -> None:
        for step in self.steps:
            step.redo()

    def _undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()


def merge_changes(target: dict[int, dict[str, Any]], changes: FieldChanges) -> None:
    for i, c in changes.items():
        target.setdefault(i, {}).update(c)


def places(changes: Changes) -> tuple[FieldChanges, FieldChanges]:
    """The new places and sizes of what was on the board before (nothing made or removed, no
    memberships: the command that uses them changes those itself)."""
    notes = {
        i: {f: v for f, v in c.items() if f in ("x", "y")}
        for i, c in changes.notes.items()
        if i >= 0 and "x" in c
    }
    clusters = {
        i: {f: v for f, v in c.items() if f in ("x", "y", "width", "height")}
        for i, c in changes.clusters.items()
        if i >= 0 and "x" in c
    }
    return notes, clusters


class EditCommand(StoreCommand):
    """Changes fields of notes and clusters; undo puts the old values back."""

    def __init__(
        self,
        doc: DocumentModel,
        text: str,
        notes: FieldChanges | None = None,
        clusters: FieldChanges | None = None,
        parent: StoreCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.after_notes = {i: dict(c) for i, c in (notes or {}).items()}
        self.after_clusters = {i: dict(c) for i, c in (clusters or {}).items()}
        self.before_notes = {
            i: {f: getattr(doc.note(i), f) for f in c} for i, c in self.after_notes.items()
        }
        self.before_clusters = {
            i: {f: getattr(doc.cluster(i), f) for f in c} for i, c in self.after_clusters.items()
        }
        self.basis.add("note", self.after_notes)
        self.basis.add("cluster", self.after_clusters)

    def _redo(self) -> None:
        self._apply(self.after_notes, self.after_clusters)

    def _undo(self) -> None:
        self._apply(self.before_notes, self.before_clusters)

    def _apply(self, notes: FieldChanges, clusters: FieldChanges) -> None:
        store = self.doc.store
        reparented = [i for i, c in clusters.items() if "parent_id" in c]
        if reparented:
            # Detach first, so that swapping who holds whom is not mistaken for a cycle.
            store.update_clusters({i: {"parent_id": None} for i in reparented})
        store.update_clusters(clusters)
        store.update_notes(notes)


class CreateNoteCommand(StoreCommand):
    """A new note with `values` (store.add_note's fields); undo removes it, redo brings it back
    with the same id."""

    def __init__(
        self, doc: DocumentModel, text: str, values: Mapping[str, Any], parent: StoreCommand
    ) -> None:
        super().__init__(doc, "", parent)
        self.note_text, self.values = text, dict(values)
        self.note_id: int | None = None
        self._removal: NoteRemoval | None = None

    def _redo(self) -> None:
        if self._removal is None:
            self.note_id = self.doc.store.add_note(self.note_text, **self.values).id
        else:
            self.doc.store.restore_notes(self._removal)

    def _undo(self) -> None:
        assert self.note_id is not None
        self._removal = self.doc.store.delete_notes([self.note_id])


class RemoveNotesCommand(StoreCommand):
    def __init__(self, doc: DocumentModel, note_ids: Iterable[int], parent: StoreCommand) -> None:
        super().__init__(doc, "", parent)
        self.note_ids = list(note_ids)
        self._removal: NoteRemoval | None = None
        self.basis.add_whole("note", self.note_ids)

    def _redo(self) -> None:
        self._removal = self.doc.store.delete_notes(self.note_ids)

    def _undo(self) -> None:
        assert self._removal is not None
        self.doc.store.restore_notes(self._removal)


class CreateClusterCommand(StoreCommand):
    """A new cluster at `frame` (x, y, width, height) holding `note_ids` and `cluster_ids`;
    undo gives them back their old clusters and removes it."""

    def __init__(
        self,
        doc: DocumentModel,
        name: str,
        frame: tuple[float, float, float, float],
        parent_id: int | None,
        note_ids: Iterable[int],
        cluster_ids: Iterable[int],
        parent: StoreCommand,
    ) -> None:
        super().__init__(doc, "", parent)
        self.name, self.frame, self.parent_id = name, frame, parent_id
        self.old_membership = {i: doc.note(i).cluster_id for i in note_ids}
        self.old_parents = {c: doc.cluster(c).parent_id for c in cluster_ids}
        # (The new cluster's id is not known yet; only which fields are written matters here.)
        self.basis.add("note", {i: {"cluster_id": None} for i in self.old_membership})
        self.basis.add("cluster", {c: {"parent_id": None} for c in self.old_parents})
        self.cluster_id: int | None = None
        self._removal: ClusterRemoval | None = None

    def _redo(self) -> None:
        store = self.doc.store
        if self._removal is None:
            x, y, w, h = self.frame
            created = store.add_cluster(
                self.name, x=x, y=y, width=w, height=h, parent_id=self.parent_id
            )
            self.cluster_id = created.id
        else:
            store.restore_cluster(self._removal)
        store.set_membership({i: self.cluster_id for i in self.old_membership})
        if self.old_parents:
            store.update_clusters({c: {"parent_id": self.cluster_id} for c in self.old_parents})

    def _undo(self) -> None:
        store = self.doc.store
        assert self.cluster_id is not None
        store.set_membership(self.old_membership)
        if self.old_parents:
            store.update_clusters({c: {"parent_id": p} for c, p in self.old_parents.items()})
        self._removal = store.delete_cluster(self.cluster_id)


class RemoveClustersCommand(StoreCommand):
    """Clusters removed in turn; their notes and children move up (store.delete_cluster)."""

    def __init__(
        self, doc: DocumentModel, cluster_ids: Iterable[int], parent: StoreCommand
    ) -> None:
        super().__init__(doc, "", parent)
        self.cluster_ids = list(cluster_ids)
        self._removals: list[ClusterRemoval] = []
        self.basis.add_whole("cluster", self.cluster_ids)

    def _redo(self) -> None:
        self._removals = [self.doc.store.delete_cluster(c) for c in self.cluster_ids]

    def _undo(self) -> None:
        for removal in reversed(self._removals):
            self.doc.store.restore_cluster(removal)
