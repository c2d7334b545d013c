"""Translations: Swedish source strings, English through a .qm file.

The UI's own strings are written in Swedish inside `tr()`; Swedish needs a file of ours only
for its plural forms (`samverkan_sv.qm`: "1 lapp", "%n lappar"). Qt's standard dialogs and
buttons ("Cancel", "Open") come from Qt's `qtbase_sv.qm`, which PySide6 ships; without it a
Swedish window would show English buttons.

The language follows the system (Swedish if the system is Swedish, else English) until the user
picks one under Visa › Språk; see `ui_language`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# Shipped inside the package, so a wheel or a bundle carries them (a plain folder on disk).
RESOURCES = Path(str(resources.files("samverkan_desktop") / "resources"))
TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = {"sv": "Svenska", "en": "English"}


class TrContext:
    """A translation context for texts outside a QObject: `class Commands(TrContext)` in a
    module, then `Commands.tr("Ny lapp")` or `Commands.tr("Flytta %n lappar", "", n)`.

    pyside6-lupdate files `Name.tr(...)` under the context "Name" (the word before `.tr`), and
    at run time the class's own name is the context, so the two cannot drift apart. (A bare
    module-level `tr()` is filed under an empty context, which the app never asks for.)"""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)


def system_language(system: QLocale | None = None) -> str:
    """Swedish if the system speaks Swedish, else English."""
    system = system if system is not None else QLocale.system()
    return "sv" if system.language() == QLocale.Language.Swedish else "en"


def ui_language(chosen: str, system: QLocale | None = None) -> str:
    """The language to run in: the one the user chose (Visa › Språk), or the system's if none."""
    return chosen if chosen in LANGUAGES else system_language(system)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's and our translators for `language` ("sv", "en"; anything else, such as
    the unset setting "", follows the system); returns them (keep them alive)."""
    language = ui_language(language)
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
    # Without our translators the UI speaks its source language again; say so to
    # `current_language` (and to core's messages), or they would stay in the removed one.
    QLocale.setDefault(QLocale(QLocale.Language.Swedish))


def current_language() -> str:
    """The language the UI runs in ("sv" or "en"), as `install_translators` set it: for texts
    that come from core as a code (`core.messages`), e.g. `describe(error, current_language())`."""
    return "en" if QLocale().language() == QLocale.Language.English else "sv"
