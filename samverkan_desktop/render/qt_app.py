"""A Qt application for rendering outside the GUI (the command line, scripts, tests)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new headless one. Fonts need a QApplication (the
    board's text measure starts from its font); without a display Qt's offscreen platform
    draws just as well."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["samverkan-desktop"])
