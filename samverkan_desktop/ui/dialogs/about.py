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
    return meta.get("License-Expression") or meta.get("License") or "MIT"


class AboutDialog(QDialog):
    def __init__(self, settings_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("Om Samverkan Desktop"))
        heading = QLabel(f"Samverkan Desktop {__version__}")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        blurb = QLabel(
            self.tr(
                "Samverkan Desktop sorterar workshoppars lappar i teman.\n"
                "Allt sparas direkt i workshopfilen (.samverkan) på den här datorn; "
                "inget skickas över nätet."
            )
        )
        blurb.setTextFormat(Qt.TextFormat.PlainText)
        blurb.setWordWrap(True)
        self.details = QPlainTextEdit(self.details_text(settings_path))
        self.details.setObjectName("aboutDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lines = self.details.toPlainText().splitlines()
        metrics = QFontMetricsF(self.details.font())
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        self.details.setMinimumWidth(min(900, round(widest) + 40))
        self.details.setFixedHeight(round(metrics.lineSpacing() * (len(lines) + 1) + 16))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Kopiera"))
        self.copy_button.setToolTip(self.tr("Kopiera uppgifterna till urklipp"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(blurb)
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

    def copy(self) -> None:
        """Everything the dialog says, as plain text, on the clipboard."""
        QGuiApplication.clipboard().setText(f"Samverkan Desktop {__version__}\n"
                                            + self.details.toPlainText())
        self.copy_button.setText(self.tr("Kopierat"))
