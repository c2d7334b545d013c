"""Settings keep their types across a restart and stay in the file the test gave them."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from samverkan_desktop.ui import settings as s


def test_values_come_back_typed_after_a_restart(tmp_path):
    ini = str(tmp_path / "settings.ini")
    first = s.Settings(QSettings(ini, QSettings.Format.IniFormat))
    assert first.get(s.SAMPLE_CREATED) is False
    assert first.get(s.LANGUAGE) == ""  # unset: the UI follows the system
    first.set(s.SAMPLE_CREATED, True)
    first.set(s.WINDOW_GEOMETRY, QByteArray(b"\x01\x02"))
    first.add_recent_file("/a.samverkan")
    first.sync()

    again = s.Settings(QSettings(ini, QSettings.Format.IniFormat))
    assert again.get(s.SAMPLE_CREATED) is True
    assert again.get(s.WINDOW_GEOMETRY) == QByteArray(b"\x01\x02")
    assert again.recent_files() == ["/a.samverkan"]


def test_recent_files_are_newest_first_without_duplicates_and_capped(tmp_path):
    settings = s.Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    for i in range(12):
        settings.add_recent_file(f"/{i}.samverkan")
    settings.add_recent_file("/5.samverkan")
    recent = settings.recent_files()
    assert recent[0] == "/5.samverkan"
    assert len(recent) == s.MAX_RECENT and len(set(recent)) == len(recent)
    settings.remove_recent_file("/5.samverkan")
    assert "/5.samverkan" not in settings.recent_files()
