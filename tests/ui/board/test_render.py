"""The real Örebro workshop on the board, rendered as a user would see it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board import BoardScene, BoardView, palette
from samverkan_desktop.ui.board.cluster_item import ClusterLabel
from samverkan_desktop.ui.document import DocumentModel


@pytest.fixture
def seed_view(qtbot, tmp_path, seed_path):
    store = Store.create(tmp_path / "orebro.samverkan")
    store.add_document(read_source(seed_path))
    doc = DocumentModel(store)
    view = BoardView(BoardScene(doc))
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    yield view
    doc.close()


def colours(image) -> set[int]:
    return {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }


def test_the_seed_at_100_percent_shows_readable_group_coloured_notes(seed_view, tmp_path):
    view = seed_view
    scene = view.board()
    assert len(scene.note_items()) == 216 and len(scene.cluster_items()) == 16
    labels = {i.style.label for i in scene.note_items()}
    assert labels == {"AI1", "AI2", "BT1", "BT2", "PO", "KL"}

    first = min(scene.note_items(), key=lambda i: (i.pos().x(), i.pos().y()))
    view.set_zoom(1.0)
    view.centerOn(first.scene_rect().center() + QPointF(500, 300))
    image = view.grab().toImage()
    image.save(str(tmp_path / "seed-100.png"))
    corner = view.mapFromScene(first.pos() + QPointF(150, 120))
    assert QColor(image.pixel(corner)) == palette.note_fill(0)
    # Text is drawn: the note's area holds dark pixels.
    top_left = view.mapFromScene(first.pos() + QPointF(10, 26))
    dark = [
        QColor(image.pixel(top_left.x() + dx, top_left.y() + dy)).lightness() < 100
        for dx in range(0, 150)
        for dy in range(0, 20)
    ]
    assert sum(dark) > 40
    assert all(i.lines.pixels >= 12 for i in scene.note_items())


def test_the_seed_zoomed_out_shows_every_cluster_name(seed_view, tmp_path):
    view = seed_view
    view.zoom_to_fit()
    assert view.zoom() < 0.3
    image = view.grab().toImage()
    image.save(str(tmp_path / "seed-fit.png"))
    labels = [i for i in view.board().items() if isinstance(i, ClusterLabel)]
    assert len(labels) == 16 and all(label.isVisible() for label in labels)
    assert len(colours(image)) > 20
    view.zoom_100()
    assert not any(label.isVisible() for label in labels)


def test_zoom_to_fit_leaves_room_for_the_group_headers_above_the_columns(seed_view):
    from samverkan_desktop.ui.board.headers import GroupHeader

    view = seed_view
    view.zoom_to_fit()
    area = QRectF(view.viewport().rect())
    headers = [i for i in view.board().items() if isinstance(i, GroupHeader)]
    assert len(headers) == 6
    for header in headers:
        on_screen = header.deviceTransform(view.viewportTransform()).mapRect(header.boundingRect())
        assert area.contains(on_screen), on_screen


def _blend_shadows(monkeypatch, items) -> None:
    """Every note's shadow blended over what is under it, as before notes drew it on a clear
    picture of themselves."""
    from samverkan_desktop.render import board_paint

    paint = board_paint.paint_note
    monkeypatch.setattr(
        board_paint, "paint_note", lambda *a, **k: paint(*a, **{**k, "clear": False})
    )
    for item in items:
        item.update()


@pytest.mark.parametrize("zoom", [0.5, 0.57, 1.0, 2.0])
def test_note_shadows_look_exactly_as_when_blended(seed_view, monkeypatch, zoom):
    """A note's cached picture is drawn on a clear picture of it alone, its shadow replacing
    what is under it (fast on two cores); on screen that gives the very pixels of the shadow
    blended, at any zoom, selected or not."""
    view = seed_view
    scene = view.board()
    items = scene.note_items()
    first = min(items, key=lambda i: (i.pos().y(), i.pos().x()))
    view.set_zoom(zoom)
    view.centerOn(first.scene_rect().center() + QPointF(300, 200))
    first.setSelected(True)
    fast = view.grab().toImage()
    _blend_shadows(monkeypatch, items)
    assert fast == view.grab().toImage()
    assert len(colours(fast)) > 20  # not a blank board


def test_a_rendered_board_keeps_the_background_under_the_note_shadows(seed_view, monkeypatch):
    """`scene.render` (a picture of the board) draws the notes' cached pictures, or the notes
    straight when they have none: either way the shadows lie over the board's colour as when
    blended, never cut holes in it."""
    scene = seed_view.board()
    first = min(scene.note_items(), key=lambda i: (i.pos().y(), i.pos().x()))
    area = first.scene_rect().adjusted(-20, -20, 420, 300)

    def rendered() -> QImage:
        image = QImage(440, 300 + int(first.height()), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#E8E4DA"))
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), area)
        painter.end()
        return image

    fast = rendered()
    _blend_shadows(monkeypatch, scene.note_items())
    assert fast == rendered()
    # Notes drawn straight onto the picture (not cached) blend their shadows too.
    monkeypatch.undo()
    for item in scene.note_items():
        item.setCacheMode(item.CacheMode.NoCache)
    straight = rendered()
    _blend_shadows(monkeypatch, scene.note_items())
    assert straight == rendered()
    assert all(QColor(fast.pixel(x, y)).alpha() == 255 for x in range(0, 440, 5) for y in (2, 150))
