""" "Flytta till kluster…": pick a cluster by typing part of its name, or make a new one.

The line edit filters the list as one types (case and diacritics folded: "trygg" finds
"Trygghet"); Up and Down move in the list without leaving the line edit; Enter chooses, Escape
cancels. The last entry makes a new cluster: named after what was typed, or, with nothing
typed, the dialog asks for the name. Nested clusters show their path ("Trygghet › Belysning").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.textfold import fold

NEW = -1  # the list entry that makes a new cluster
_LIST_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}


class MoveToClusterDialog(QDialog):
    def __init__(
        self,
        clusters: Sequence[tuple[int, str]],
        notes: int,
        frames: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Flytta till kluster"))
        self._clusters = [(cid, label, fold(label)) for cid, label in clusters]
        self._chosen: int | None = None
        self._new_name = ""

        self.pages = QStackedWidget(self)
        choose = QWidget()
        what = self._what(notes, frames)
        self.prompt = QLabel(self.tr("Flytta {what} till:").format(what=what))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Skriv en del av klustrets namn"))
        self.filter.setAccessibleName(self.tr("Sök kluster"))
        self.filter.setClearButtonEnabled(True)
        self.prompt.setBuddy(self.filter)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Kluster"))
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(choose)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.pages.addWidget(choose)

        naming = QWidget()
        self.name_label = QLabel(self.tr("Namn på det nya klustret:"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Namn på det nya klustret"))
        self.name_label.setBuddy(self.name)
        self.name_error = QLabel()
        self.name_error.setWordWrap(True)
        layout = QVBoxLayout(naming)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.name)
        layout.addWidget(self.name_error)
        layout.addStretch(1)
        self.pages.addWidget(naming)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Flytta"))
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        outer.addWidget(self.buttons)

        self.filter.textChanged.connect(self._refill)
        self.filter.returnPressed.connect(self._choose)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self._choose())
        self.name.returnPressed.connect(self._choose)
        self._refill()
        self.filter.setFocus()
        self.resize(420, 420)

    def _what(self, notes: int, frames: int) -> str:
        # Qt's plural forms; the singular names the one thing ("lappen", "the note").
        if notes and frames:
            return self.tr("%n lappar och kluster", "", notes + frames)
        if frames:
            return self.tr("%n kluster", "de valda klustren", frames)
        return self.tr("%n lappar", "de valda lapparna", notes)

    # ----------------------------------------------------------------- the list
    def _refill(self) -> None:
        typed = self.filter.text().strip()
        wanted = fold(typed)
        self.list.clear()
        for cid, label, folded in self._clusters:
            if wanted in folded:
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, cid)
                self.list.addItem(item)
        if typed:
            new = QListWidgetItem(self.tr("Nytt kluster »{name}«").format(name=typed))
        else:
            new = QListWidgetItem(self.tr("Nytt kluster…"))
        new.setData(Qt.ItemDataRole.UserRole, NEW)
        font = new.font()
        font.setItalic(True)  # not a cluster that is there: set apart by more than its place
        new.setFont(font)
        self.list.addItem(new)
        self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _LIST_KEYS:
                # The list moves; the keyboard stays in the line edit, to go on typing.
                copy = QKeyEvent(event.type(), event.key(), event.modifiers())
                QApplication.sendEvent(self.list, copy)
                return True
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- choosing
    def _choose(self) -> None:
        if self.pages.currentIndex() == 1:
            name = " ".join(self.name.text().split())
            if not name:
                self.name_error.setText(self.tr("Skriv ett namn på klustret."))
                return
            self._new_name = name
            self.accept()
            return
        item = self.list.currentItem()
        if item is None:
            return
        cid = item.data(Qt.ItemDataRole.UserRole)
        if cid != NEW:
            self._chosen = int(cid)
            self.accept()
            return
        typed = " ".join(self.filter.text().split())
        if typed:
            self._new_name = typed
            self.accept()
            return
        self.pages.setCurrentIndex(1)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Skapa"))
        self.name.setFocus()

    def chosen(self) -> int | None:
        """The cluster chosen (None: a new one, or nothing)."""
        return self._chosen

    def new_name(self) -> str:
        """The name of the new cluster to make ("" unless "Nytt kluster" was chosen)."""
        return self._new_name
