"""Navigating the board: zoom around the pointer, fit, 100 %, panning, selecting."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from samverkan_desktop.ui.board import BoardScene, BoardView
from samverkan_desktop.ui.board.view import FIRST_VIEW_READABLE_ZOOM

CTRL = Qt.KeyboardModifier.ControlModifier


def wheel(board, point: QPointF, steps: int, modifiers=CTRL) -> None:
    """A wheel turn at a scene point, as the mouse delivers it."""
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pos = QPointF(board.at(point.x(), point.y()))
    viewport = board.view.viewport()
    event = QWheelEvent(
        pos,
        QPointF(viewport.mapToGlobal(pos.toPoint())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_ctrl_wheel_zooms_around_the_pointer(board):
    spot = board.note_centre("a1")
    pixel = board.at(spot.x(), spot.y())
    wheel(board, spot, 2)
    assert board.view.zoom() > 1.3
    # The note under the pointer stays under the pointer.
    after = board.view.mapToScene(pixel)
    assert abs(after.x() - spot.x()) < 2 and abs(after.y() - spot.y()) < 2
    wheel(board, spot, -4)
    assert board.view.zoom() < 1.0


def test_a_plain_wheel_scrolls_instead_of_zooming(board):
    before = board.view.verticalScrollBar().value()
    wheel(board, QPointF(600, 400), -1, Qt.KeyboardModifier.NoModifier)
    assert board.view.zoom() == 1.0
    assert board.view.verticalScrollBar().value() > before


def test_zoom_to_fit_and_100_percent_from_the_keyboard(board):
    board.store.add_note("Långt bort", x=6000.0, y=4000.0)
    board.key(Qt.Key.Key_0, CTRL)
    visible = board.view.mapToScene(board.view.viewport().rect()).boundingRect()
    for item in board.scene.note_items() + board.scene.cluster_items():
        assert visible.contains(item.scene_rect()), item
    assert board.view.zoom() < 0.3
    board.key(Qt.Key.Key_1, CTRL)
    assert board.view.zoom() == 1.0


def test_first_view_shows_the_top_left_close_enough_to_read(board):
    with board.store.transaction():  # one commit, not 180 each synced to disk
        for column in range(6):  # tall columns, as an imported workshop has
            for row in range(30):
                board.store.add_note(f"Lapp {row}", x=column * 460.0, y=200.0 + row * 150.0)
    board.view.zoom_to_fit()
    fit_all = board.view.zoom()
    board.view.first_view()
    visible = board.view.mapToScene(board.view.viewport().rect()).boundingRect()
    content = board.scene.content_rect()
    assert fit_all < 0.3 and board.view.zoom() >= FIRST_VIEW_READABLE_ZOOM
    assert visible.left() <= content.left() < visible.left() + 100  # left column in sight
    assert visible.top() - 100 < content.top() < visible.top() + 100  # the top row is in sight


def test_view_state_round_trips_into_another_view(board, qtbot):
    board.view.set_zoom(0.5)
    board.view.centerOn(QPointF(900, 300))
    state = board.view.view_state()
    other = BoardView(BoardScene(board.doc))
    qtbot.addWidget(other)
    other.resize(board.view.size())
    other.show()
    other.restore_view_state(state)
    assert other.zoom() == 0.5
    centre = other.mapToScene(other.viewport().rect().center())
    assert abs(centre.x() - 900) <= 4 and abs(centre.y() - 300) <= 4  # a pixel is 2 units
    other.restore_view_state({"zoom": "nonsense"})  # ignored, no error
    assert other.zoom() == 0.5


def drag_pixels(board, start: QPoint, end: QPoint, button=Qt.MouseButton.LeftButton) -> None:
    """A drag in viewport pixels: while panning, scene points move under the mouse."""
    viewport = board.view.viewport()
    QTest.mousePress(viewport, button, Qt.KeyboardModifier.NoModifier, start)
    for t in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(viewport, start + (end - start) * t)
    QTest.mouseRelease(viewport, button, Qt.KeyboardModifier.NoModifier, end)


def test_space_and_drag_pans_even_over_a_note(board):
    h = board.view.horizontalScrollBar().value()
    QTest.keyPress(board.view.viewport(), Qt.Key.Key_Space)
    start = board.at(board.note_centre("a1").x(), board.note_centre("a1").y())
    drag_pixels(board, start, start + QPoint(-200, 0))
    QTest.keyRelease(board.view.viewport(), Qt.Key.Key_Space)
    assert board.view.horizontalScrollBar().value() == h + 200
    assert board.doc.undo_stack.count() == 0  # the note did not move
    board.drag(board.note_centre("a1"), board.note_centre("a1") + QPointF(0, 300))
    assert board.doc.undo_stack.count() == 1  # and after Space, dragging moves notes again


def test_middle_mouse_pans(board):
    v = board.view.verticalScrollBar().value()
    start = board.at(600, 500)
    drag_pixels(board, start, start + QPoint(0, -150), Qt.MouseButton.MiddleButton)
    assert board.view.verticalScrollBar().value() == v + 150


def test_rubber_band_inside_a_frame_selects_its_notes_not_the_frame(board):
    board.drag(QPointF(755, 200), QPointF(305, 35))  # around a1 and a2, from inside A
    assert board.scene.selected_note_ids() == sorted([board.ids["a1"], board.ids["a2"]])
    assert board.scene.selected_cluster_ids() == []


def test_rubber_band_around_a_whole_frame_selects_it(board):
    board.drag(QPointF(-40, -40), QPointF(780, 380))
    assert board.ids["A"] in board.scene.selected_cluster_ids()
    assert board.ids["n1"] in board.scene.selected_note_ids()


def test_ctrl_a_selects_everything(board):
    board.key(Qt.Key.Key_A, CTRL)
    assert len(board.scene.selected_note_ids()) == 7
    assert len(board.scene.selected_cluster_ids()) == 3


def test_center_on_cluster(board):
    board.view.center_on_cluster(board.ids["C"])
    centre = board.view.mapToScene(board.view.viewport().rect().center())
    frame = board.scene.cluster_item(board.ids["C"]).scene_rect()
    assert abs(centre.x() - frame.center().x()) <= 2
    assert abs(centre.y() - frame.center().y()) <= 2


def test_search_highlight_and_group_filter(board):
    board.scene.set_highlight([board.ids["a1"]])
    assert board.scene.note_item(board.ids["a1"]).opacity() == 1.0
    assert board.scene.note_item(board.ids["n1"]).opacity() < 0.5
    assert board.scene.cluster_item(board.ids["A"]).opacity() == 1.0
    assert board.scene.cluster_item(board.ids["B"]).opacity() < 1.0
    board.scene.set_highlight(None)
    assert board.scene.note_item(board.ids["n1"]).opacity() == 1.0

    board.scene.set_group_filter([board.ids["g2"]])
    assert not board.scene.note_item(board.ids["n1"]).isVisible()
    assert board.scene.note_item(board.ids["a1"]).isVisible()
    board.key(Qt.Key.Key_A, CTRL)
    assert board.ids["n1"] not in board.scene.selected_note_ids()
    board.scene.set_group_filter(None)
    assert board.scene.note_item(board.ids["n1"]).isVisible()


def test_a_trackpad_pinch_zooms_around_the_fingers(board):
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
    from PySide6.QtWidgets import QApplication

    spot = board.note_centre("a2")
    pos = QPointF(board.at(spot.x(), spot.y()))
    viewport = board.view.viewport()
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        QPointF(viewport.mapToGlobal(pos.toPoint())),
        0.5,
        QPointF(),
        0,
    )
    QApplication.sendEvent(viewport, event)
    assert board.view.zoom() == 1.5
    after = board.view.mapToScene(pos.toPoint())
    assert abs(after.x() - spot.x()) < 2 and abs(after.y() - spot.y()) < 2


def test_zoomed_out_a_clusters_name_label_can_be_grabbed_to_move_it(board):
    board.view.set_zoom(0.25)
    board.view.centerOn(QPointF(600, 400))
    frame = board.scene.cluster_item(board.ids["A"])
    label_px = board.view.mapFromScene(frame.pos()) + QPoint(30, 16)  # low in the label
    assert board.view.mapToScene(label_px).y() - frame.pos().y() > 40  # below the title bar
    start = board.view.mapToScene(label_px)
    board.drag(start, start + QPointF(0, 1200))
    assert board.stored_cluster("A").y == 1200
    assert board.stored_note("a1").y == 1240


def test_dragging_a_scroll_bar_pans_the_board(board):
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    bar = board.view.horizontalScrollBar()
    assert bar.isVisible() and bar.maximum() > bar.minimum()
    value = bar.value()
    before = board.view.mapToScene(board.view.viewport().rect().center())
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    slider = QStyle.SubControl.SC_ScrollBarSlider
    style = bar.style()
    handle = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, slider, bar).center()
    QTest.mousePress(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle)
    for step in range(1, 5):
        QTest.mouseMove(bar, handle + QPoint(15 * step, 0))
    QTest.mouseRelease(
        bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle + QPoint(60, 0)
    )
    assert bar.value() > value
    after = board.view.mapToScene(board.view.viewport().rect().center())
    assert after.x() > before.x() + 20 and after.y() == before.y()
    assert board.doc.undo_stack.count() == 0


def test_the_room_to_scroll_grows_with_the_board_and_qts_index_keeps_its_room(board):
    # The views scroll over the scene's extent; the scene rect (the room of Qt's item index,
    # rebuilt whole when it changes) is kept larger, so that a board growing a little at its
    # edge does not change it.
    from samverkan_desktop.ui import commands as cmd

    view, scene = board.view, board.scene
    assert view.sceneRect() == scene.extent()
    index_room = scene.sceneRect()
    assert index_room.contains(scene.extent())
    before = scene.extent()
    below = before.bottom() - 1500 + 100  # just below everything: the room grows a little
    board.doc.push(cmd.MoveCommand(board.doc, notes={board.ids["n4"]: (0.0, below)}))
    note = scene.note_item(board.ids["n4"]).scene_rect()
    assert view.sceneRect() == scene.extent()
    assert scene.extent().contains(note.adjusted(-1500, -1500, 1500, 1500))
    assert scene.extent() != before and scene.extent().contains(before)  # it only grows
    assert scene.sceneRect() == index_room
    view.centerOn(note.center())  # the view can go there
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(note)
    board.doc.undo_stack.undo()
    assert view.sceneRect() == scene.extent() and scene.extent().contains(note)


def test_the_dot_grid_from_a_tile_drawn_at_the_zoom_is_the_plain_grid_pixel_for_pixel(
    board, monkeypatch
):
    """At the zooms where the view repeats a grid tile drawn at that zoom (a fifth of the
    time), every pixel of the board is what the plain fill under the zoomed transform gives,
    scrolled to several places, and the tile is really used there."""
    from samverkan_desktop.ui.board import view as view_module

    view = board.view
    used = []
    scaled = view_module._scaled_grid_brush

    def counting(device):
        brush = scaled(device)
        used.append(brush is not None)
        return brush

    def grab():
        view.resetCachedContent()
        return view.viewport().grab().toImage()

    for zoom in view_module.PIXEL_GRID_ZOOMS:
        view.set_zoom(1.0)
        view.set_zoom(zoom)
        assert view.zoom() == zoom
        for dx, dy in ((0, 0), (37, -13), (-251, 119)):
            bar_x, bar_y = view.horizontalScrollBar(), view.verticalScrollBar()
            bar_x.setValue(bar_x.value() + dx)
            bar_y.setValue(bar_y.value() + dy)
            used.clear()
            monkeypatch.setattr(view_module, "_scaled_grid_brush", counting)
            tiled = grab()
            assert any(used), (zoom, dx, dy)
            monkeypatch.setattr(view_module, "_scaled_grid_brush", lambda device: None)
            plain = grab()
            assert tiled == plain, (zoom, dx, dy)
    # Where it would not be the same pixels, the plain fill draws.
    view.set_zoom(1.0)
    view.set_zoom(0.75)
    monkeypatch.setattr(view_module, "_scaled_grid_brush", counting)
    used.clear()
    grab()
    assert used and not any(used)


def test_the_view_paints_every_pixel_itself_so_nothing_behind_it_shows(board):
    """Qt paints nothing behind the board's view (it says it is opaque: 0.2 ms of every
    paint): whatever the view is scrolled or zoomed to, even past the board's edge, each
    pixel is the view's own. Drawn over magenta, none of it may be left."""
    from PySide6.QtGui import QColor, QPixmap
    from PySide6.QtWidgets import QWidget

    view = board.view
    viewport = view.viewport()
    assert viewport.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    magenta = QColor(255, 0, 255)

    def left_over() -> int:
        canvas = QPixmap(viewport.size())
        canvas.fill(magenta)
        viewport.render(canvas, QPoint(), renderFlags=QWidget.RenderFlag.DrawChildren)
        image = canvas.toImage()
        return sum(
            image.pixelColor(x, y) == magenta
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        )

    for zoom in (1.0, 0.6, 0.3, 0.05):
        view.set_zoom(zoom)
        for dx, dy in ((0, 0), (4000, 3000), (-8000, -6000)):
            view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
            view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)
            assert left_over() == 0, (zoom, dx, dy)
