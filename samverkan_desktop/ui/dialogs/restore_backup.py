"""Arkiv › Återställ från säkerhetskopia…: the open workshop's backups, newest first, with
when each was taken and how many notes and clusters it holds.

The dialog only picks: a backup and what to do with it (a new file, or in place of the open
file). `FileActions` asks the follow-up questions and does the work once it has closed, so the
workshop can be closed and reopened with no dialog holding on to it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.store_backup import Backup, backup_folder
from ..i18n import TrContext

AS_NEW = "new"
REPLACE = "replace"


class Restore(TrContext):
    """The restore dialog's texts. (Translation context; see TrContext.)"""


def when(moment: dt.datetime, now: dt.datetime | None = None, seconds: bool = False) -> str:
    """ "i dag 10.42", "i går 16.05", else "2026-11-24 10.42" (the Swedish time with a dot)."""
    now = now or dt.datetime.now()
    clock = moment.strftime("%H.%M.%S" if seconds else "%H.%M")
    days = (now.date() - moment.date()).days
    if days == 0:
        return Restore.tr("i dag {time}").format(time=clock)
    if days == 1:
        return Restore.tr("i går {time}").format(time=clock)
    return f"{moment:%Y-%m-%d} {clock}"


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return Restore.tr("{n} kB").format(n=max(1, round(size / 1024)))
    return Restore.tr("{n} MB").format(n=round(size / (1024 * 1024)))


class RestoreBackupDialog(QDialog):
    def __init__(
        self,
        document: Path,
        backups: list[Backup],
        parent: QWidget | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(Restore.tr("Återställ från säkerhetskopia"))
        self.backups = backups
        self.choice: tuple[str, Backup] | None = None

        intro = QLabel(
            Restore.tr(
                "Säkerhetskopior av {name}, den senaste först. En tas när workshoppen öppnas "
                "och var tionde minut medan du arbetar."
            ).format(name=document.name)
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)  # a file name may hold "<"
        intro.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [
                Restore.tr("Sparad"),
                Restore.tr("Lappar"),
                Restore.tr("Kluster"),
                Restore.tr("Storlek"),
            ]
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        times = [when(b.taken_at, now) for b in backups]
        for backup, time in zip(backups, times, strict=True):
            if times.count(time) > 1:  # a restore takes two in a minute: tell them apart
                time = when(backup.taken_at, now, seconds=True)
            item = QTreeWidgetItem(
                [time, str(backup.notes), str(backup.clusters), size_text(backup.size)]
            )
            item.setToolTip(0, f"{backup.taken_at:%Y-%m-%d %H.%M.%S}")
            for column in (1, 2, 3):
                item.setTextAlignment(column, right)
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self.list.headerItem().setTextAlignment(column, right)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda *_: self._choose(AS_NEW))

        self.empty = QLabel(
            Restore.tr("Det finns inga säkerhetskopior av den här workshoppen ännu.")
        )
        self.empty.setVisible(not backups)
        self.list.setVisible(bool(backups))

        folder = backup_folder(document)
        where = QLabel(Restore.tr("De sparas i {folder}").format(folder=folder))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setToolTip(
            Restore.tr(
                "En säkerhetskopia är en vanlig workshopfil: kopiera den vart "
                "du vill och öppna den."
            )
        )
        where.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # aside, not a choice

        self.as_new_button = QPushButton(Restore.tr("Återställ som ny fil…"))
        self.as_new_button.setToolTip(
            Restore.tr(
                "Öppna säkerhetskopian som en ny workshopfil; den öppna filen lämnas som den är."
            )
        )
        self.replace_button = QPushButton(Restore.tr("Ersätt den öppna filen"))
        self.replace_button.setToolTip(
            Restore.tr(
                "Den öppna filen sparas först som en säkerhetskopia, så "
                "att du kan gå tillbaka till den härifrån."
            )
        )
        self.as_new_button.clicked.connect(lambda: self._choose(AS_NEW))
        self.replace_button.clicked.connect(lambda: self._choose(REPLACE))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.as_new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.resize(560, 380)

        if backups:
            self.select(0)
        self._update_buttons()

    def selected(self) -> Backup | None:
        rows = [self.list.indexOfTopLevelItem(i) for i in self.list.selectedItems()]
        return self.backups[rows[0]] if rows else None

    def select(self, index: int) -> None:
        item = self.list.topLevelItem(index)
        if item is not None:
            self.list.setCurrentItem(item)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.as_new_button.setEnabled(chosen)
        self.replace_button.setEnabled(chosen)

    def _choose(self, what: str) -> None:
        backup = self.selected()
        if backup is None:
            return
        self.choice = (what, backup)
        self.accept()


def choose_backup(
    parent: QWidget | None, document: Path, backups: list[Backup]
) -> tuple[str, Backup] | None:
    """Show the dialog; what to do with which backup, or None when closed."""
    dialog = RestoreBackupDialog(document, backups, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice
    finally:
        dialog.deleteLater()
