"""Every user setting, declared once with its default and read through this module.

Settings belong to the user, not to a workshop: the board's zoom and centre travel with the
document (store meta), while window geometry, dock layout and recent files live here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Samverkan"
APPLICATION = "Samverkan Desktop"
MAX_RECENT = 8


@dataclass(frozen=True)
class Option:
    key: str
    default: Any


WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
RECENT_FILES = Option("files/recent", [])
LAST_DIRECTORY = Option("files/last_directory", "")
SAMPLE_CREATED = Option("start/sample_created", False)
# "" until the user picks a language: the UI then follows the system (ui.i18n.ui_language).
LANGUAGE = Option("ui/language", "")
# Visa › Hög kontrast: "auto" (follow the system's contrast setting) until the user picks
# "on" or "off". Visa › Textstorlek: the note text in percent of normal (ui/appearance.py).
HIGH_CONTRAST = Option("view/high_contrast", "auto")
TEXT_SIZE = Option("view/text_size", 100)
# Arkiv › Öppna delad workshop…: the last server address, never with a password in it.
SERVER_ADDRESS = Option("server/address", "")

OPTIONS = (
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    RECENT_FILES,
    LAST_DIRECTORY,
    SAMPLE_CREATED,
    LANGUAGE,
    HIGH_CONTRAST,
    TEXT_SIZE,
    SERVER_ADDRESS,
)


def default_qsettings() -> QSettings:
    """The user's own settings file (an INI file, so it is readable and alike on every OS)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


class Settings:
    """Typed access to the options above; everything else in the UI goes through this."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else default_qsettings()

    def get(self, option: Option) -> Any:
        value = self.qsettings.value(option.key, option.default)
        return _coerce(value, option.default)

    def set(self, option: Option, value: Any) -> None:
        self.qsettings.setValue(option.key, value)

    def sync(self) -> None:
        self.qsettings.sync()

    # Recent files are the one option with behaviour of its own.
    def recent_files(self) -> list[str]:
        return list(self.get(RECENT_FILES))

    def set_recent_files(self, paths: list[str]) -> None:
        self.set(RECENT_FILES, list(paths)[:MAX_RECENT])

    def add_recent_file(self, path: str) -> None:
        self.set_recent_files([path, *(p for p in self.recent_files() if p != path)])

    def remove_recent_file(self, path: str) -> None:
        self.set_recent_files([p for p in self.recent_files() if p != path])


def _coerce(value: Any, default: Any) -> Any:
    """QSettings hands back strings from INI files; give callers the type of the default."""
    if value is None:
        return default
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"true", "1", "yes"}
        return bool(value)
    if isinstance(default, list):
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value]
    if isinstance(default, QByteArray):
        return value if isinstance(value, QByteArray) else QByteArray(value)
    if isinstance(default, str):
        return str(value)
    return value
