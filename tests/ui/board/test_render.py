"""The real Örebro workshop on the board, rendered as a user would see it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

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
