"""Backups of the open workshop while it is worked on: when it opens, every ten minutes of
editing, and on close when something changed since the last one.

Taking one is a SQLite backup of the open file into the user's data folder
(`core.store_backup`); a few milliseconds even for 10,000 notes, so it runs on the UI thread.
A read-only workshop is not backed up: nothing in it changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..core import store_backup
from ..core.messages import describe
from ..core.store import StoreError
from .document import DocumentModel
from .i18n import current_language

BACKUP_INTERVAL_MS = 10 * 60 * 1000


class BackupKeeper(QObject):
    # A backup failed; one line for the status bar (work goes on, the file itself is saved).
    problem = Signal(str)

    def __init__(
        self,
        doc: DocumentModel,
        parent: QObject | None = None,
        interval_ms: int = BACKUP_INTERVAL_MS,
        root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.root = root
        # Not of a workshop on a server: it has no file to restore over, and the server's own
        # backups (the council's IT department) keep it; Spara en kopia som… makes a file.
        self.enabled = not doc.store.readonly and doc.store.url is None
        self.last: Path | None = None
        self._changed = False
        # Single shot, started by the first change after a backup: an idle open workshop
        # takes no backups, ten minutes of editing take one.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.take)
        if self.enabled:
            doc.undo_stack.indexChanged.connect(self._on_edit)
            self._take_on_open()

    def _take_on_open(self) -> None:
        # Nobody listens yet while the workspace is being built: say a failure a moment later.
        try:
            self.last = store_backup.take_backup(self.doc.store, self.root)
        except StoreError as exc:
            message = describe(exc, current_language())
            QTimer.singleShot(0, self, lambda: self.problem.emit(message))

    def _on_edit(self, *_: object) -> None:
        self._changed = True
        if not self.timer.isActive():
            self.timer.start()

    def take(self) -> Path | None:
        """Take a backup now; its path, or None when it failed (said through `problem`)."""
        if not self.enabled:
            return None
        self.timer.stop()
        try:
            self.last = store_backup.take_backup(self.doc.store, self.root)
        except StoreError as exc:
            self.problem.emit(describe(exc, current_language()))
            return None
        self._changed = False
        return self.last

    def close(self) -> None:
        """Before the store closes: one last backup if anything changed since the last."""
        self.timer.stop()
        if self.enabled:
            self.doc.undo_stack.indexChanged.disconnect(self._on_edit)
            if self._changed:
                self.take()
        self.enabled = False
