"""A Qt application for rendering outside the GUI (the command line, scripts, tests)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from importlib import resources

from PySide6.QtCore import QCoreApplication, QTranslator
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


class _Words(QTranslator):
    """Our texts in one language while a picture is painted: English from samverkan_en.qm;
    Swedish is the source text itself, with the plural forms ("1 lapp", "3 lappar") from
    samverkan_sv.qm. It answers before any translator the window installed, so a Swedish report
    made from an English window says "3 lappar" too; a text it does not know falls through."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self._swedish = language != "en"
        self._file = QTranslator()
        folder = resources.files("samverkan_desktop") / "resources" / "translations"
        self._file.load(f"samverkan_{'en' if language == 'en' else 'sv'}", str(folder))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(  # noqa: N802
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        found = self._file.translate(context, source, disambiguation, n) or ""  # stub: str | None
        if found or not self._swedish:
            return found
        return source if n < 0 else source.replace("%n", str(n))


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Paint our texts (a frame's "%n lappar", "Namnlöst kluster") in `language`, also from
    the command line, where no window installed a translator."""
    app = ensure_app()
    words = _Words(language)
    app.installTranslator(words)
    try:
        yield
    finally:
        app.removeTranslator(words)
