"""What SQLite says never reaches the user as it is (issue 8, failure 7): "attempt to write a
readonly database", "database is locked", "FOREIGN KEY constraint failed" become one line in the
user's words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Store, StoreError

RAW = ("readonly database", "database is locked", "constraint failed", "sqlite", "FOREIGN")


def _one_plain_line(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text
    assert not any(raw.lower() in text.lower() for raw in RAW), text
    return text


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "ws.samverkan"
    with Store.create(path, m.Workshop("Rådslag")) as store:
        store.add_note("en lapp")
    return path


def test_writing_to_a_file_opened_read_only_says_it_is_read_only(path: Path):
    before = path.read_bytes()
    with Store.open(path, readonly=True) as store:
        with pytest.raises(StoreError) as info:
            store.add_note("till en skrivskyddad fil")
    assert "skrivskyddad" in _one_plain_line(info.value)
    assert path.read_bytes() == before


def test_a_write_while_another_program_holds_the_file_says_so_and_changes_nothing(path: Path):
    store = Store.open(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program in the middle of its own write
        with pytest.raises(StoreError) as info:
            store.add_note("väntar")
        assert "ett annat program använder filen" in _one_plain_line(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [n.text for n in store.notes()] == ["en lapp"]
    store.close()


def test_a_write_that_breaks_a_link_in_the_file_says_what_happened(path: Path):
    """A drop into a cluster that is no longer there (deleted in the meantime)."""
    with Store.open(path) as store:
        note = store.notes()[0]
        with pytest.raises(StoreError) as info:
            store.update_notes({note.id: {"cluster_id": 999}})
        assert "tagits bort" in _one_plain_line(info.value)
        assert store.note(note.id).cluster_id is None
