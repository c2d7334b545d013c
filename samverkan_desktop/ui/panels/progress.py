"""How far the sorting has come: "N av M lappar klustrade", for the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QWidget

from ..document import DocumentModel


class ProgressIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DocumentModel | None = None
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
        if self._doc is not None:
            self._doc.notesChanged.disconnect(self.update_counts)
            self._doc.notesRemoved.disconnect(self.update_counts)
        self._doc = doc
        if doc is not None:
            doc.notesChanged.connect(self.update_counts)
            doc.notesRemoved.connect(self.update_counts)
        self.update_counts()

    def counts(self) -> tuple[int, int]:
        if self._doc is None:
            return 0, 0
        notes = self._doc.notes.values()
        return sum(1 for n in notes if n.cluster_id is not None), len(notes)

    def update_counts(self, _ids: object = None) -> None:
        done, total = self.counts()
        self.setVisible(self._doc is not None)
        self.label.setText(
            self.tr("{done} av {total} lappar klustrade").format(done=done, total=total)
        )
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        percent = round(100 * done / total) if total else 0
        self.setToolTip(
            self.tr("{percent} % av lapparna ligger i ett kluster").format(percent=percent)
        )
