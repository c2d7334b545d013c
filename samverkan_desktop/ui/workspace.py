"""One open workshop in the window: its DocumentModel, the board on it, and the board's view.

The window makes a `Workspace` when a file opens and closes it when the file is left, so
everything that lives exactly as long as an open file is made and torn down in one place. The
board's zoom and centre are kept in the file's meta (they travel with the workshop), written a
moment after panning stops and on close.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from ..core.messages import describe
from ..core.store import Store, StoreError
from .backups import BackupKeeper
from .board.actions import BoardActions
from .board.scene import BoardScene
from .board.view import BoardView
from .document import DocumentModel
from .i18n import current_language
from .read_only import OFFLINE, READER, LockKeeper, ReadOnly, refusal_text
from .suggestions import SuggestionActions

VIEW_META_KEY = "board/view"
VIEW_SAVE_DELAY_MS = 1500


FREEZE_FROM = 2_000  # notes: from here a full collection after opening pays for itself
# Notes: from here the board's notes out of view get their items after its first paint (see
# BoardScene's `later_from`).
LATER_FROM = 2_000


class Workspace(QObject):
    # A one-line problem for the status bar (the view could not be kept, a command failed).
    problem = Signal(str)
    # The workshop turned read-only (`read_only` says why).
    readOnlyChanged = Signal()

    def __init__(self, store: Store, path: Path, window: QMainWindow) -> None:
        # Reads every note: a value that turns out damaged raises before anything is made.
        doc = DocumentModel(store)
        super().__init__(window)
        doc.setParent(self)
        self.path = path
        self.doc = doc
        self.scene = BoardScene(self.doc, later_from=LATER_FROM)
        self.view = BoardView(self.scene)
        self.view.setObjectName("boardView")
        self.actions = BoardActions(self.view, self.doc)
        # Suggested clusters, "where does this note belong", near-duplicates, the theme map.
        self.suggestions = SuggestionActions(self.view, self.doc, window)
        self.doc.errorOccurred.connect(self.problem)
        # On open, every ten minutes of editing and on close (not when read-only).
        self.backups = BackupKeeper(self.doc, self)
        self.backups.problem.connect(self.problem)
        # One writer per file: keep the write lock alive; losing it turns this one read-only.
        self.read_only: ReadOnly | None = None
        self.lock = LockKeeper(self.doc, self)
        self.lock.lost.connect(self.set_read_only)
        # On a server: a reader's login is read-only from the start; a lost connection makes
        # the board read-only until it is back (nothing done before is lost: it is saved).
        if store.url is not None and store.readonly:
            self.set_read_only(ReadOnly(READER))
        self.doc.connectionChanged.connect(self._connection_changed)
        self._view_restored = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(VIEW_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_view_state)
        # Not only on close: the view then survives a crash or a killed session too.
        for signal in (
            self.view.zoomChanged,
            self.view.horizontalScrollBar().valueChanged,
            self.view.verticalScrollBar().valueChanged,
        ):
            signal.connect(self._view_moved)
        # The snapshot and the board just made live as long as the workshop is open: keep the
        # garbage collector from walking them all again (a full pass over a 10,000-note board
        # took 125 ms, landing on the first keystroke after opening). A small board is not
        # worth the full collection this costs on every open. Once every note has its item:
        # after the first paint, not before it (that collection was 0.13 s of opening).
        self._frozen = self._closed = False
        if len(self.doc.notes) >= FREEZE_FROM:
            if self.scene.building():
                self.scene.built.connect(self._freeze)
            else:
                self._freeze()

    def _freeze(self) -> None:
        if not self._frozen and not self._closed:
            self._frozen = True
            gc.collect()
            gc.freeze()

    def _view_moved(self, *_: object) -> None:
        self._save_timer.start()  # not start(value): the signals carry a zoom or a pixel offset

    def close(self) -> None:
        """Keep the view in the file, then close the file; the workspace is done after this."""
        self._closed = True
        self._save_timer.stop()
        self.lock.stop()
        self.save_view_state()
        self.suggestions.close()  # its worker thread reads the document: stop it first
        self.backups.close()
        self.view.deleteLater()
        self.scene.deleteLater()
        self.actions.deleteLater()
        self.doc.close()
        self.deleteLater()
        if self._frozen:
            gc.unfreeze()  # what this workshop held may be collected again

    # ----------------------------------------------------------------- the view in the file
    def restore_view_state(self) -> None:
        """Zoom and centre as they were left; the board's full width the first time. Call once the
        view has its size (the window is shown)."""
        if self._view_restored:
            return
        self._view_restored = True
        saved = self.doc.store.get_meta(VIEW_META_KEY)
        try:
            state = json.loads(saved) if saved else None
        except ValueError:
            state = None
        if isinstance(state, dict):
            self.view.restore_view_state(state)
        else:
            self.view.first_view()

    def set_read_only(self, state: ReadOnly) -> None:
        """Nothing can be saved from here on: every edit is refused with the reason, and what the
        undo stack holds can no longer be undone in the file."""
        self.read_only = state
        self.lock.stop()
        self.doc.set_refusal(refusal_text(state))
        self.doc.undo_stack.clear()
        self.actions.update_enabled()
        self.readOnlyChanged.emit()

    def _connection_changed(self, up: bool) -> None:
        if self.read_only is not None and self.read_only.why == READER:
            return
        state = None if up else ReadOnly(OFFLINE, reason=self.doc.store.url or "")
        self.read_only = state
        self.doc.set_refusal(refusal_text(state) if state is not None else "")
        # Kept for when the connection is back, but not offered meanwhile: an undo could not
        # be saved, and the stack would step past it all the same.
        self.doc.undo_stack.setActive(up)
        self.actions.update_enabled()
        self.readOnlyChanged.emit()

    def save_view_state(self) -> None:
        if not self._view_restored or self.doc.read_only:
            # Not yet shown: what the view holds now is not what the user left. Read-only: the
            # file is not ours to write, not even the view.
            return
        try:
            self.doc.store.set_meta(VIEW_META_KEY, json.dumps(self.view.view_state()))
        except StoreError as exc:  # the view is a convenience; never block closing on it
            self.problem.emit(describe(exc, current_language()))

    # ----------------------------------------------------------------- going places
    def go_to_cluster(self, cluster_id: int) -> None:
        self.scene.select_clusters([cluster_id])
        self.view.center_on_cluster(cluster_id)

    def show_notes(self, note_ids: list[int]) -> None:
        """Select the notes and bring them into view (a search hit, an import)."""
        items = [i for i in (self.scene.note_item(n) for n in note_ids) if i is not None]
        if not items:
            return
        self.scene.select_notes(note_ids)
        rect = items[0].sceneBoundingRect()
        for item in items[1:]:
            rect = rect.united(item.sceneBoundingRect())
        if len(items) == 1:
            # A hit is only found when it can be read: at 100 %, or as close as the board was.
            self.view.show_rect(rect, most=max(1.0, self.view.zoom()))
        else:
            self.view.fit_rect(rect)

    def selected_cluster(self) -> int | None:
        """The one cluster selected on the board (and nothing else), if so."""
        clusters = self.scene.selected_cluster_ids()
        if len(clusters) == 1 and not self.scene.selected_note_ids():
            return clusters[0]
        return None

    def focus_board(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
