"""What the window shows when no workshop is open: the sample, open, new, and recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import plaintext


class StartPage(QWidget):
    sampleRequested = Signal()
    openRequested = Signal()
    newRequested = Signal()
    importRequested = Signal()
    recentRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")

        title = QLabel(self.tr("Samverkan Desktop"))
        title.setObjectName("startTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        lead = QLabel(
            self.tr(
                "Sortera workshoppens lappar i teman och ta fram underlaget till rapporten.\n"
                "Allt sparas direkt i workshopfilen."
            )
        )
        lead.setWordWrap(True)

        def choice(title: str, description: str) -> QCommandLinkButton:
            return QCommandLinkButton(title, description)

        self.sample_button = choice(
            self.tr("Öppna exempelworkshopen"),
            self.tr("Fördjupningsdag om samverkan, Örebro 2021-11-10: lappar från sex grupper."),
        )
        self.import_button = choice(
            self.tr("Importera anteckningar…"),
            self.tr("En utskrift av workshoppen (.txt) eller en JSON-fil blir en ny workshopfil."),
        )
        self.open_button = choice(
            self.tr("Öppna…"), self.tr("En workshopfil (.samverkan) som du redan arbetar med.")
        )
        self.new_button = choice(self.tr("Ny…"), self.tr("En tom workshop för egna lappar."))
        self.sample_button.setDefault(True)
        self.sample_button.clicked.connect(self.sampleRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.new_button.clicked.connect(self.newRequested)
        self.import_button.clicked.connect(self.importRequested)

        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        for button in (self.sample_button, self.import_button, self.open_button, self.new_button):
            buttons.addWidget(button)

        self.recent_label = QLabel(self.tr("Senast öppnade"))
        self.recent_label.setObjectName("startSection")
        font = self.recent_label.font()
        font.setBold(True)
        self.recent_label.setFont(font)
        self.recent = QListWidget()
        self.recent.setFrameShape(QFrame.Shape.NoFrame)
        # Part of the page, not a box on it: the window's own background, only as tall as needed.
        self.recent.viewport().setAutoFillBackground(False)
        self.recent.setStyleSheet("QListWidget { background: transparent; }")
        self.recent.setCursor(Qt.CursorShape.PointingHandCursor)
        self.recent.itemClicked.connect(self._recent_activated)
        self.recent.itemActivated.connect(self._recent_activated)

        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(lead)
        column.addSpacing(18)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        column.addStretch(1)

        card = QWidget()
        card.setMaximumWidth(760)
        card.setLayout(column)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 56, 24, 24)
        outer.addStretch(1)
        outer.addWidget(card, 4)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            p = Path(path)
            item = QListWidgetItem(f"{p.name}  —  {p.parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(plaintext.tooltip(path))
            if not p.exists():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(item)
        rows = max(len(paths), 1)
        self.recent.setFixedHeight(rows * self.recent.sizeHintForRow(0) + 4 if paths else 0)
        self.recent_label.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.recentRequested.emit(item.data(Qt.ItemDataRole.UserRole))
