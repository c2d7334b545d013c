"""Importing notes into the open workshop as one undoable step.

The import itself is written before the command is pushed (`ImportCommand.run`), so a file the
store refuses never leaves a command on the stack; undo then removes exactly what was added and
redo puts it back with the same ids, so later commands on the stack still find their notes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping

from ...core import model as m
from ...core.merge import MergePlan, merge_into
from ...core.store import ClusterRemoval, NoteRemoval, Store
from ..document import DocumentModel
from ..i18n import current_language
from .base import StoreCommand


class ImportCommand(StoreCommand):
    """Undo removes what an import added; redo restores it. The first redo is the import."""

    def __init__(
        self,
        doc: DocumentModel,
        added: dict[str, dict[int, int]],
        workshop_before: m.Workshop,
        text: str,
        plan: MergePlan | None = None,
    ) -> None:
        super().__init__(doc, text)
        # A merge also moved or grew existing notes and frames: undo puts them back.
        self._plan = plan
        self.warnings: tuple[str, ...] = tuple(
            warning.text(current_language()) for warning in (plan.warnings if plan else ())
        )
        self._notes = list(added.get("notes", {}).values())
        self._clusters = list(added.get("clusters", {}).values())
        self._groups = list(added.get("groups", {}).values())
        self._workshop_before = workshop_before
        self._workshop_after: m.Workshop | None = None
        self._removed: tuple[NoteRemoval, list[ClusterRemoval], tuple[m.Group, ...]] | None = None

    @classmethod
    def run(
        cls, doc: DocumentModel, document: m.Document, text: str, *, merge: bool = True
    ) -> ImportCommand:
        """Add `document` to the workshop now (a StoreError leaves the file as it was).

        Push the returned command to make the import undoable. Move `document` with
        `layout.place_right_of` first so that it lands beside what is already on the board.
        With `merge` (another workshop, a JSON export), a top-level cluster named as one in the
        workshop joins it instead of being added again (`core.merge`); `warnings` then says
        what else the user should know (groups of the same name).
        """
        before = doc.store.workshop()
        if merge:
            store = doc.store
            # On a shared workshop the existing notes and frames the merge moves are those read
            # here, in its transaction: one that someone else changes meanwhile refuses it.
            with store.transaction() if store.shared else contextlib.nullcontext():
                seen = {k: store.versions(k) for k in ("note", "cluster")} if store.shared else {}
                plan = merge_into(store.document(), document)
                if seen:
                    _check(store, "note", seen["note"], plan.notes_moved)
                    _check(store, "cluster", seen["cluster"], plan.clusters_moved)
                    _check(store, "cluster", seen["cluster"], plan.into_clusters.values())
                added = store.merge_document(plan) if plan.merges else store.add_document(document)
            return cls(doc, added, before, text, plan)
        added = doc.store.add_document(document)
        return cls(doc, added, before, text)

    def note_ids(self) -> list[int]:
        return list(self._notes)

    def _redo(self) -> None:
        if self._removed is None:
            return  # `run` has already written the import
        store = self.doc.store
        notes, clusters, groups = self._removed
        store.restore_groups(groups)
        for removal in reversed(clusters):  # parents come back after their children
            store.restore_cluster(removal)
        store.restore_notes(notes)
        if self._plan is not None:
            self._place(self._plan.notes_moved, self._plan.clusters_moved)
        if self._workshop_after is not None:
            store.set_workshop(self._workshop_after)
        self._removed = None

    def _undo(self) -> None:
        store = self.doc.store
        current = store.workshop()
        notes = store.delete_notes(self._notes)
        clusters = [store.delete_cluster(c) for c in self._clusters]
        groups = store.delete_groups(self._groups)
        if self._plan is not None:
            self._place(self._plan.notes_before, self._plan.clusters_before)
        if current != self._workshop_before:
            self._workshop_after = current
            store.set_workshop(self._workshop_before)
        self._removed = (notes, clusters, groups)

    def _place(
        self,
        notes: Mapping[int, tuple[float, float]],
        clusters: Mapping[int, tuple[float, float, float, float]],
    ) -> None:
        """Existing notes and frames a merge moved: where they go (redo) or were (undo)."""
        store = self.doc.store
        store.update_notes({i: {"x": x, "y": y} for i, (x, y) in notes.items()})
        store.update_clusters(
            {i: {"x": x, "y": y, "width": w, "height": h} for i, (x, y, w, h) in clusters.items()}
        )


def _check(store: Store, kind: str, seen: Mapping[int, int], ids: Iterable[int]) -> None:
    store.check_versions(kind, {i: seen[i] for i in ids if i in seen})
