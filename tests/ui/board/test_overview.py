"""Far out the board is drawn from one picture (board/overview.py): what it shows must still be
where the notes are, follow a drag, a search and the selection, and go when zooming back in."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from samverkan_desktop.ui.board.overview import OVERVIEW_ZOOM

FAR = OVERVIEW_ZOOM * 0.6


def _shot(board) -> QImage:
    board.view.viewport().repaint()
    return board.view.viewport().grab().toImage()


def _colour_at(board, image: QImage, point: QPointF) -> QColor:
    return image.pixelColor(board.view.mapFromScene(point))


def _close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_far_out_every_note_is_drawn_in_its_colour_where_it_is(board):
    board.view.set_zoom(FAR)
    board.view.centerOn(QPointF(600, 400))
    image = _shot(board)
    # (Far out a frame's name is drawn at screen size over its frame: loose notes are looked at.)
    for name in ("n1", "n2", "n3", "n4"):
        item = board.scene.note_item(board.ids[name])
        assert (
            item.picture.flags() & item.GraphicsItemFlag.ItemHasNoContents
        )  # the picture draws it
        assert _close(_colour_at(board, image, item.scene_rect().center()), item.fill())
    empty = QPointF(150, 1200)  # below everything
    assert _close(_colour_at(board, image, empty), board.scene.backgroundBrush().color())


def test_far_out_a_dragged_note_is_drawn_at_its_new_place(board):
    board.view.set_zoom(FAR)
    board.view.centerOn(QPointF(600, 600))
    item = board.scene.note_item(board.ids["n1"])
    start = item.scene_rect().center()
    end = QPointF(start.x(), 1500)  # free board below the column
    board.drag(start, end)
    moved = board.stored_note("n1")
    assert moved.y > 1200
    board.scene.clearSelection()  # (a selected note is outlined: look at its colour)
    image = _shot(board)
    assert _close(_colour_at(board, image, item.scene_rect().center()), item.fill())
    background = board.scene.backgroundBrush().color()
    assert _close(_colour_at(board, image, start), background)  # nothing left behind
    board.doc.undo_stack.undo()
    image = _shot(board)
    assert _close(_colour_at(board, image, start), item.fill())


def test_far_out_a_search_dims_the_notes_outside_it_and_zooming_in_ends_the_picture(board):
    board.view.set_zoom(FAR)
    board.view.centerOn(QPointF(600, 400))
    lit, dim = (board.scene.note_item(board.ids[n]) for n in ("n1", "n2"))
    board.scene.set_highlight({board.ids["n1"]})
    image = _shot(board)
    assert _close(_colour_at(board, image, lit.scene_rect().center()), lit.fill())
    assert not _close(_colour_at(board, image, dim.scene_rect().center()), dim.fill())
    board.scene.set_highlight(None)
    board.view.set_zoom(1.0)
    assert not dim.picture.flags() & dim.GraphicsItemFlag.ItemHasNoContents  # it draws itself again
    board.view.centerOn(dim.scene_rect().center())
    image = _shot(board)
    assert _close(_colour_at(board, image, dim.scene_rect().center() + QPointF(0, 40)), dim.fill())


def test_far_out_a_frame_too_small_on_screen_shows_no_name_over_its_neighbours(board):
    from samverkan_desktop.ui.board.cluster_item import ClusterLabel

    labels = {i.cluster_id: i for i in board.scene.items() if isinstance(i, ClusterLabel)}
    board.view.set_zoom(0.3)  # A is 460 wide: 138 px on screen, room for its name
    assert labels[board.ids["A"]].isVisible()
    board.view.set_zoom(FAR)  # 14 px: a name there would lie over everything around it
    assert not labels[board.ids["A"]].isVisible()


def test_far_out_frames_are_drawn_from_the_picture_and_light_up_as_a_drop_target(board):
    board.view.set_zoom(FAR)
    board.view.centerOn(QPointF(600, 400))
    frame = board.scene.cluster_item(board.ids["B"])
    flag = frame.GraphicsItemFlag.ItemHasNoContents
    assert frame.flags() & flag  # the picture draws it
    assert frame.handle.flags() & flag  # and no resize handle a few pixels wide is painted
    overview = next(i for i in board.scene.items() if type(i).__name__ == "Overview")
    assert overview.isVisible() and overview.boundingRect().contains(frame.scene_rect())
    board.scene.show_drop_target(board.ids["B"])
    assert not frame.flags() & flag  # lit up, it draws itself over the picture
    board.scene.show_drop_target(None)
    assert frame.flags() & flag
    board.view.set_zoom(1.0)
    assert not frame.flags() & flag and not frame.handle.flags() & flag  # close up: both again


def test_far_out_a_selected_note_is_outlined_in_the_accent_colour(board):
    from samverkan_desktop.ui.board import palette as pal

    board.view.set_zoom(FAR)
    board.view.centerOn(QPointF(600, 400))
    item = board.scene.note_item(board.ids["n2"])
    rect = item.scene_rect()
    edge = QPointF(rect.left(), rect.center().y())  # the outline is drawn on the note's edge

    def outlined(image: QImage) -> bool:
        spot = board.view.mapFromScene(edge)
        return any(
            _close(image.pixelColor(spot.x() + dx, spot.y()), pal.ACCENT, 40) for dx in (-1, 0, 1)
        )

    board.scene.clearSelection()
    assert not outlined(_shot(board))
    item.setSelected(True)
    assert outlined(_shot(board))
