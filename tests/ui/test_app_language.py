"""The command line's --language reaches the window for that run, without changing the setting."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from samverkan_desktop import cli
from samverkan_desktop.ui import app as app_module
from samverkan_desktop.ui.main_window import MainWindow
from samverkan_desktop.ui.settings import LANGUAGE


def _menus_when_shown() -> list[list[str]]:
    seen: list[list[str]] = []

    def close_it() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen.append([a.text().replace("&", "") for a in w.menuBar().actions()])
                w.close()

    QTimer.singleShot(200, close_it)
    return seen


def test_an_explicit_language_opens_the_window_in_it_and_leaves_the_setting(
    qapp, ctx, seed_workshop, tmp_path
):
    path = tmp_path / "kopia.samverkan"
    shutil.copyfile(seed_workshop, path)
    ctx.settings.set(LANGUAGE, "sv")
    seen = _menus_when_shown()
    assert app_module.main(str(path), ctx=ctx, language="en") == 0
    assert seen and seen[0][0] == "File"
    assert ctx.settings.get(LANGUAGE) == "sv"  # for this run only
    seen = _menus_when_shown()
    assert app_module.main(str(path), ctx=ctx) == 0  # the next start: the setting again
    assert seen and seen[0][0] == "Arkiv"


def test_the_command_line_hands_only_an_explicit_language_to_the_window(monkeypatch, tmp_path):
    calls: list[dict] = []
    monkeypatch.setattr(app_module, "main", lambda path, **kw: calls.append(kw) or 0)
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert cli.main(["--language", "sv", str(tmp_path / "a.samverkan")]) == 0
    assert cli.main([str(tmp_path / "a.samverkan"), "--language", "en"]) == 0
    assert cli.main([str(tmp_path / "a.samverkan")]) == 0  # the environment: the window decides
    assert [c["language"] for c in calls] == ["sv", "en", None]
