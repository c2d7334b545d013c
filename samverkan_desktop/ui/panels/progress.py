"""How far the sorting has come: "N av M lappar klustrade", for the status bar.

The clustered notes are counted once when a workshop is shown and then kept up to date from the
ids each change names, so a change costs what it touched, not a count of every note; a turn of
the event loop after the board has shown it (following.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QWidget

from ..document import DocumentModel
from .following import Following


class ProgressIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DocumentModel | None = None
        self._clustered: set[int] = set()
        self._following = Following(self)
        self.label = QLabel()
        self.label.setObjectName("progressLabel")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(140)
        self.bar.setFixedHeight(10)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.update_counts()

    def set_document(self, doc: DocumentModel | None) -> None:
        later = self._following.later
        if self._doc is not None:
            self._doc.notesChanged.disconnect(later(self._on_notes_changed))
            self._doc.notesRemoved.disconnect(later(self._on_notes_removed))
        self._following.drop()
        self._doc = doc
        self._clustered = (
            {n.id for n in doc.notes.values() if n.cluster_id is not None} if doc else set()
        )
        if doc is not None:
            doc.notesChanged.connect(later(self._on_notes_changed))
            doc.notesRemoved.connect(later(self._on_notes_removed))
        self.update_counts()

    def counts(self) -> tuple[int, int]:
        if self._doc is None:
            return 0, 0
        return len(self._clustered), len(self._doc.notes)

    def _on_notes_changed(self, ids: frozenset[int]) -> None:
        assert self._doc is not None
        notes = self._doc.notes
        for note_id in ids:
            note = notes.get(note_id)
            if note is not None and note.cluster_id is not None:
                self._clustered.add(note_id)
            else:
                self._clustered.discard(note_id)
        self.update_counts()

    def _on_notes_removed(self, ids: frozenset[int]) -> None:
        self._clustered.difference_update(ids)
        self.update_counts()

    def update_counts(self, _ids: object = None) -> None:
        done, total = self.counts()
        self.setVisible(self._doc is not None)
        self.label.setText(self.tr("{done} av %n lappar klustrade", "", total).format(done=done))
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        percent = round(100 * done / total) if total else 0
        self.setToolTip(
            self.tr("{percent} % av lapparna ligger i ett kluster").format(percent=percent)
        )
