"""Hjälp › Om Samverkan Desktop: the version, the licence, and where the program keeps its files.

Someone helping a user over the phone needs the version and the paths of the settings file and
the backups folder: they are plain, selectable text, and "Kopiera" puts all of it on the
clipboard for an e-mail or a bug report.
"""

from __future__ import annotations

import platform
from importlib import metadata

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...core.userdata import backup_dir

DISTRIBUTION = "samverkan-desktop"


def licence() -> str:
    """The licence the package declares (pyproject's `license`), MIT if it cannot be read."""
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "MIT"
    for field in ("License-Expression", "License"):
        found = meta.get_all(field)  # PackageMetadata has no get(); it reads as a Message
        if found:
            return str(found[0])
    return "MIT"


class AboutDialog(QDialog):
    def __init__(
        self, title: str, summary: str, settings_path: str, parent: QWidget | None = None
    ) -> None:
        """`summary`: the name, version and what the program does, in the UI's language."""
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(title)
        self.summary = QLabel(summary)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self.details_text(settings_path))
        self.details.setObjectName("aboutDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lines = self.details.toPlainText().splitlines()
        metrics = QFontMetricsF(self.details.font())
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        self.details.setMinimumWidth(min(900, max(460, round(widest) + 40)))
        self.details.setFixedHeight(round(metrics.lineSpacing() * (len(lines) + 1) + 16))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Kopiera"))
        self.copy_button.setToolTip(self.tr("Kopiera uppgifterna till urklipp"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.details)
        column.addWidget(buttons)

    def details_text(self, settings_path: str) -> str:
        rows = [
            (self.tr("Version"), __version__),
            (self.tr("Licens"), licence()),
            (self.tr("Qt"), f"{qVersion()} (PySide6 {PySide6.__version__})"),
            (self.tr("Python"), platform.python_version()),
            (self.tr("Inställningar"), settings_path),
            (self.tr("Säkerhetskopior"), str(backup_dir())),
        ]
        return "\n".join(f"{name}: {value}" for name, value in rows)

    def text(self) -> str:
        """Everything the dialog says, as plain text."""
        return f"{self.summary.text()}\n\n{self.details.toPlainText()}"

    def copy(self) -> None:
        """Everything the dialog says on the clipboard, for an e-mail or a bug report."""
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Kopierat"))
