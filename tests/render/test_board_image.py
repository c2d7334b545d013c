"""The board as PNG and SVG: a picture someone can open, with the notes on it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import workshops
from PySide6.QtGui import QImage

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import export
from samverkan_desktop.render import EXPORTERS
from samverkan_desktop.render.board_picture import board_picture


def _svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def test_png_shows_the_board_in_colour(seed_doc: m.Document, tmp_path: Path, qapp) -> None:
    out = export(seed_doc, EXPORTERS["png"], tmp_path / "tavla.png")
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() > 2000 and image.width() * image.height() <= 24_000_000
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 97)
        for y in range(0, image.height(), 89)
    }
    assert len(colours) > 5  # group colours, frames, text: not a blank page


def test_svg_is_vectors_with_the_notes_text(small_doc: m.Document, tmp_path: Path, qapp) -> None:
    out = export(small_doc, EXPORTERS["svg"], tmp_path / "tavla.svg")
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = _svg_text(out)
    assert "Belysning!" in text
    assert "Mötesplatser" in text
    # Markup in a note is text in the SVG, not an element.
    assert not any(el.tag.endswith("img") or el.tag.endswith("image") for el in root.iter())


def test_redacted_pictures_hide_names_and_contact_details(
    small_doc: m.Document, tmp_path: Path, qapp
) -> None:
    svg = export(small_doc, EXPORTERS["svg"], tmp_path / "tavla.svg", redact=True)
    text = _svg_text(svg)
    for secret in (*workshops.FACILITATORS, workshops.EMAIL, workshops.PHONE, "Lovisa"):
        assert secret not in text
    assert "[borttaget]" in text


def test_the_picture_holds_every_frame_note_and_group_header(small_doc: m.Document, qapp) -> None:
    picture = board_picture(small_doc)
    inside = picture.source.adjusted(40, 40, -40, -40)  # the margin is empty board
    for c in small_doc.clusters:
        frame = picture.board.frame(c.id)
        assert inside.contains(frame.x, frame.y) and inside.contains(frame.right, frame.bottom)
    for n in small_doc.notes:
        assert inside.contains(n.x, n.y)
    # The groups with notes still at home have their header above them, as on the board.
    assert {h.group_id for h in picture.headers} == {
        n.group_id for n in small_doc.notes if n.cluster_id is None
    } | {c.group_id for c in small_doc.clusters if c.group_id and c.parent_id is None}
