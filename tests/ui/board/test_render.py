"""The real Örebro workshop on the board, rendered as a user would see it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter

from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board import BoardScene, BoardView, palette
from samverkan_desktop.ui.board.cluster_item import LABEL_LOD, ClusterLabel
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


def test_a_frame_renamed_while_zoomed_in_shows_its_new_name_once_zoomed_out(seed_view):
    """The names far out are laid out only when they are shown: one renamed while the board
    was close up shows the new name (with its count, where there is room) as soon as the board
    is zoomed out."""
    from samverkan_desktop.ui.commands import RenameClusterCommand

    view = seed_view
    scene = view.board()
    cid = max(scene.doc.clusters, key=lambda c: scene.cluster_item(c).rect().width())
    label = next(i for i in scene.items() if isinstance(i, ClusterLabel) and i.cluster_id == cid)
    view.set_zoom(LABEL_LOD * 0.95)  # far enough out for the names, the widest frame's whole
    view.grab()
    old = scene.doc.cluster(cid).name
    assert label.isVisible() and label.text().startswith(old[:5])
    view.zoom_100()
    scene.doc.push(RenameClusterCommand(scene.doc, cid, "Trygga mötesplatser"))
    view.set_zoom(LABEL_LOD * 0.95)
    view.grab()
    assert label.isVisible()
    count = len(scene.doc.subtree_notes(cid))
    assert label.text() in (f"Trygga mötesplatser · {count}", "Trygga mötesplatser")
    assert label.boundingRect().width() > 100


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


def _blend_shadows(monkeypatch, scene) -> None:
    """Every note's shadow and frame's fill blended over what is under it, as before they
    were drawn replacing it on a clear picture of their own."""
    from samverkan_desktop.render import board_paint

    for name in ("paint_note", "paint_frame"):
        paint = getattr(board_paint, name)
        monkeypatch.setattr(
            board_paint, name, lambda *a, _paint=paint, **k: _paint(*a, **{**k, "clear": False})
        )
    for item in [*scene.note_items(), *scene.cluster_items()]:
        item.update()
    for item in scene.note_items():
        item.picture.update()


@pytest.mark.parametrize("zoom", [0.5, 0.57, 1.0, 2.0])
def test_notes_and_frames_look_exactly_as_when_blended(seed_view, monkeypatch, zoom):
    """Notes and frames are drawn into cached pictures of their own, their shadow and fill
    replacing what is under them (fast on two cores); on screen that gives the very pixels of
    blending them, at any zoom, selected or not."""
    view = seed_view
    scene = view.board()
    frame = min(scene.cluster_items(), key=lambda i: (i.pos().y(), i.pos().x()))
    note = next(i for i in scene.note_items() if i.note.cluster_id == frame.cluster_id)
    view.set_zoom(zoom)
    view.centerOn(note.scene_rect().center() + QPointF(150, 100))
    note.setSelected(True)
    frame.setSelected(True)
    fast = view.grab().toImage()
    _blend_shadows(monkeypatch, scene)
    assert fast == view.grab().toImage()
    assert len(colours(fast)) > 20  # not a blank board
    assert QColor(fast.pixel(view.mapFromScene(frame.pos() + QPointF(2, 60)))) != QColor(
        fast.pixel(view.mapFromScene(frame.pos() + QPointF(-30, 60)))
    )  # the frame is in view


def test_a_rendered_board_keeps_the_background_under_shadows_and_frames(seed_view, monkeypatch):
    """`scene.render` (a picture of the board) draws the cached pictures of notes and frames,
    or draws them straight when they have none: either way shadows and fills lie over the
    board's colour as when blended, never cut holes in it."""
    scene = seed_view.board()
    frame = min(scene.cluster_items(), key=lambda i: (i.pos().y(), i.pos().x()))
    area = QRectF(frame.pos() - QPointF(20, 20), QSizeF(440, 440))

    def rendered() -> QImage:
        image = QImage(440, 440, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#E8E4DA"))
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), area)
        painter.end()
        return image

    fast = rendered()
    _blend_shadows(monkeypatch, scene)
    assert fast == rendered()
    # Notes drawn straight onto the picture (not cached) blend their shadows too.
    monkeypatch.undo()
    for item in [*(n.picture for n in scene.note_items()), *scene.cluster_items()]:
        item.setCacheMode(item.CacheMode.NoCache)
    straight = rendered()
    _blend_shadows(monkeypatch, scene)
    assert straight == rendered()
    assert all(QColor(fast.pixel(x, y)).alpha() == 255 for x in range(0, 440, 5) for y in (2, 150))


@pytest.mark.parametrize("zoom", [2.0, 4.0])
def test_a_frame_bigger_than_the_view_shows_as_it_is_after_a_change_and_a_scroll(
    seed_view, qtbot, zoom
):
    """Qt keeps only part of a picture of a frame bigger than the view; a change to the frame
    (deselected) and a scroll in one go once left the rest as it was (its blue edge)."""
    view = seed_view
    scene = view.board()
    frame = max(scene.cluster_items(), key=lambda i: i.rect().height())
    view.set_zoom(zoom)
    centre = frame.scene_rect().center()
    view.centerOn(centre)
    frame.setSelected(True)
    view.viewport().repaint()
    for step in range(1, 6):
        frame.setSelected(step % 2 == 0)
        view.centerOn(centre + QPointF(step * 37.3, step * 61.7 - 200))
        assert view.grab().toImage() == _fresh_grab(qtbot, view, zoom), step


def test_a_selected_note_is_ringed_and_selecting_draws_no_note_again(seed_view, qtbot, monkeypatch):
    """Selecting and deselecting notes shows and takes away their ring, and nothing else: once
    a note has been selected, its picture is kept (drawing one again is ~65 µs; Ctrl+G
    deselects 20 notes, a rubber band hundreds)."""
    from samverkan_desktop.render import board_paint
    from samverkan_desktop.ui.board import palette as pal

    view = seed_view
    scene = view.board()
    notes = sorted(scene.note_items(), key=lambda i: (i.pos().x(), i.pos().y()))[:3]
    view.set_zoom(1.0)
    view.centerOn(notes[1].scene_rect().center() + QPointF(150, 0))
    before = view.grab().toImage()

    def ring_shown(item, image) -> bool:
        edge = view.mapFromScene(item.scene_rect().topLeft() + QPointF(60, -0.5))
        return any(QColor(image.pixel(edge.x(), edge.y() + d)) == pal.ACCENT for d in (-1, 0, 1))

    ids = [n.note_id for n in notes]
    scene.select_notes(ids)  # the first time: each note is drawn once more, as its face
    assert all(ring_shown(n, view.grab().toImage()) for n in notes)
    scene.clearSelection()
    assert view.grab().toImage() == before
    drawn = []
    paint = board_paint.paint_note
    monkeypatch.setattr(
        board_paint, "paint_note", lambda *a, **k: drawn.append(1) or paint(*a, **k)
    )
    for _ in range(2):
        scene.select_notes(ids)
        ringed = view.grab().toImage()
        assert all(ring_shown(n, ringed) for n in notes)
        scene.clearSelection()
        plain = view.grab().toImage()
        assert not any(ring_shown(n, plain) for n in notes)
        assert plain == before
    assert drawn == []


def test_notes_selected_out_of_view_show_their_ring_when_scrolled_to(seed_view, qtbot):
    """Ctrl+A: the notes in view get a picture of their own (see NoteItem.set_ringed), those
    out of view draw their ring into theirs; either way the board shows every selected note
    ringed, and none after the selection is cleared, as a fresh view of it does."""
    from samverkan_desktop.ui.board import palette as pal

    view = seed_view
    scene = view.board()
    notes = sorted(scene.note_items(), key=lambda i: (i.pos().x(), i.pos().y()))
    near, far = notes[0], notes[-1]
    view.set_zoom(2.0)
    view.centerOn(near.scene_rect().center())
    view.viewport().repaint()
    scene.select_all()
    assert near.face is not None and far.face is None  # (the case in hand)

    def ring_at(item) -> bool:
        image = view.grab().toImage()
        edge = view.mapFromScene(item.scene_rect().topLeft() + QPointF(60, -0.5))
        return any(
            QColor(image.pixel(edge.x(), edge.y() + d)) == pal.ACCENT for d in (-2, -1, 0, 1)
        )

    assert ring_at(near)
    view.centerOn(far.scene_rect().center())
    assert ring_at(far)
    scene.clearSelection()
    assert not ring_at(far)
    assert view.grab().toImage() == _fresh_grab(qtbot, view, 2.0)


def _fresh_grab(qtbot, view, zoom: float) -> QImage:
    """What a new view of the same board shows where `view` is (no picture cached yet)."""
    fresh = BoardView(view.board())
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show()
    fresh.set_zoom(zoom)
    fresh.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
    fresh.verticalScrollBar().setValue(view.verticalScrollBar().value())
    image = fresh.grab().toImage()
    fresh.close()
    return image
