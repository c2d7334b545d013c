"""Translations: Swedish source strings by default, English through a .qm file.

The UI's own strings are written in Swedish inside `tr()`, so Swedish needs no file of ours.
Qt's standard dialogs and buttons ("Cancel", "Open") come from Qt's `qtbase_sv.qm`, which
PySide6 ships; without it a Swedish window would show English buttons.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# Shipped inside the package, so a wheel or a bundle carries them (a plain folder on disk).
RESOURCES = Path(str(resources.files("samverkan_desktop") / "resources"))
TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = {"sv": "Svenska", "en": "English"}


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's and our translators for `language`; returns them (keep them alive)."""
    if language not in LANGUAGES:
        language = "sv"
    QLocale.setDefault(
        QLocale(QLocale.Language.Swedish if language == "sv" else QLocale.Language.English)
    )
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir)] if language != "en" else []
    candidates.append((f"samverkan_{language}", str(TRANSLATIONS)))
    for name, directory in candidates:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def current_language() -> str:
    """The language the UI runs in ("sv" or "en"), as `install_translators` set it: for texts
    that come from core as a code (`core.messages`), e.g. `describe(error, current_language())`."""
    return "en" if QLocale().language() == QLocale.Language.English else "sv"
