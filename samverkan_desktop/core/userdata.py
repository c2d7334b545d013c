"""Where the program keeps its own files for this user (backups), outside any workshop folder.

Qt-free, so the command line and the app agree on the place. `SAMVERKAN_DATA_DIR` overrides it
(the tests point it at a temporary folder so they never touch the user's real one).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_OVERRIDE = "SAMVERKAN_DATA_DIR"


def data_dir() -> Path:
    """The per-user data folder: %LOCALAPPDATA%\\Samverkan Desktop on Windows,
    ~/Library/Application Support/Samverkan Desktop on macOS, $XDG_DATA_HOME/samverkan-desktop
    (~/.local/share/samverkan-desktop) elsewhere."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "Samverkan Desktop"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Samverkan Desktop"
    base = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return Path(base) / "samverkan-desktop"


def backup_dir() -> Path:
    return data_dir() / "backups"


def cache_dir() -> Path:
    """Files the program can make again but keeps to start faster (the dictionary's index)."""
    return data_dir() / "cache"
