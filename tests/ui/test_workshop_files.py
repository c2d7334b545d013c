"""Making workshop files: the sample, from a transcript, never over an existing one."""

from __future__ import annotations

import pytest

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui import workshop_files as files


def test_the_sample_is_made_once_and_then_reused(tmp_path):
    folder = tmp_path / "Dokument" / "Samverkan"
    path = files.ensure_sample(folder)
    assert path == folder / "orebro-2021-11-10.samverkan"
    with Store.open(path) as store:
        assert len(store.notes()) == 216
        store.set_meta("marker", "kept")
    assert files.ensure_sample(folder) == path
    with Store.open(path) as store:
        assert store.get_meta("marker") == "kept"


def test_a_broken_sample_is_left_alone_and_a_new_one_made_beside_it(tmp_path):
    broken = tmp_path / "orebro-2021-11-10.samverkan"
    broken.write_text("inte en databas")
    path = files.ensure_sample(tmp_path)
    assert path.name == "orebro-2021-11-10 (2).samverkan"
    assert broken.read_text() == "inte en databas"


def test_a_bad_source_leaves_no_file_and_says_why_in_one_line(tmp_path):
    source = tmp_path / "anteckningar.txt"
    source.write_bytes(b"%PDF-1.7 binary")
    target = tmp_path / "anteckningar.samverkan"
    with pytest.raises(files.FileProblem) as err:
        files.create_from_source(source, target)
    assert "PDF" in str(err.value) and "\n" not in str(err.value)
    assert not target.exists()


def test_free_path_never_returns_an_existing_file(tmp_path):
    (tmp_path / "a.samverkan").touch()
    (tmp_path / "a (2).samverkan").touch()
    assert files.free_path(tmp_path / "a.samverkan") == tmp_path / "a (3).samverkan"
    assert files.with_suffix(tmp_path / "b") == tmp_path / "b.samverkan"
