"""The board's own words in an exported picture ("1 lapp", "3 lappar", "Namnlöst kluster") are in
the export's language, from the command line (no translator installed) and from an English
window alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.layout import layout_document
from samverkan_desktop.render.board_image import write_svg


def _doc() -> m.Document:
    group = m.Group(id=1, name="Trygghet")
    clusters = (m.Cluster(id=1, name="Belysning", group_id=1), m.Cluster(id=2, name="", group_id=1))
    notes = (
        m.Note(id=1, text="Lampor i parken", group_id=1, cluster_id=1),
        *(m.Note(id=i, text=f"Lapp {i}", group_id=1, cluster_id=2) for i in (2, 3, 4)),
    )
    return layout_document(m.Document(m.Workshop("W"), (group,), clusters, notes))


def _words(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text("utf-8")).split())


@pytest.mark.parametrize(
    "language, one, three, unnamed",
    [
        ("sv", "1 lapp", "3 lappar", "Namnlöst kluster"),
        ("en", "1 note", "3 notes", None),
    ],
)
def test_a_frames_count_is_in_the_pictures_language(qapp, tmp_path, language, one, three, unnamed):
    out = tmp_path / "tavla.svg"
    write_svg(_doc(), out, language=language)
    words = _words(out)
    assert one in words and three in words
    assert "1 lappar" not in words and "1 notes" not in words
    if unnamed:
        assert unnamed in words


def test_a_swedish_picture_from_an_english_window_is_swedish(qapp, tmp_path):
    from samverkan_desktop.ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "en")
    try:
        out = tmp_path / "tavla.svg"
        write_svg(_doc(), out, language="sv")
        words = _words(out)
    finally:
        remove_translators(qapp, translators)
    assert "3 lappar" in words and "1 lapp" in words and "Namnlöst kluster" in words
    assert "notes" not in words
