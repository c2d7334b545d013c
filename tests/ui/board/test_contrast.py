"""Every text on the board is readable (WCAG 2.1): 4.5:1 against what it is drawn on in the normal
look, 7:1 in high contrast; for every group colour and every colour of the facilitator's own,
checked on the styles the board really paints with. And high contrast as one sees it: white
notes with a thick black border, groups told apart by their hatching."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from samverkan_desktop.core import model as m
from samverkan_desktop.core import note_colours
from samverkan_desktop.core.store import Store
from samverkan_desktop.render import group_colours
from samverkan_desktop.ui.board import BoardScene
from samverkan_desktop.ui.board import palette as pal
from samverkan_desktop.ui.document import DocumentModel

AA, AAA = 4.5, 7.0
HIGH = pal.BoardLook(high_contrast=True)
GROUPS = group_colours.DISTINCT + 2  # every colour of its own, and the first repeats


def over(colour: QColor, base: QColor) -> QColor:
    """A translucent colour as it shows on `base`."""
    a = colour.alphaF()
    return QColor(
        round(colour.red() * a + base.red() * (1 - a)),
        round(colour.green() * a + base.green() * (1 - a)),
        round(colour.blue() * a + base.blue() * (1 - a)),
    )


def ratio(text: QColor, paper: QColor) -> float:
    return pal.contrast_ratio(text, paper)


def test_the_contrast_rule_is_wcags():
    assert note_colours.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert note_colours.contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # WCAG's own example: #767676 on white is the lightest grey that passes AA.
    assert note_colours.contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert ratio(QColor("#777777"), QColor("white")) < AA


@pytest.fixture
def scene(qapp, tmp_path):
    store = Store.create(tmp_path / "c.samverkan", m.Workshop("Kontrast"))
    with store.transaction():  # one commit, not one synced to disk per note and group
        for i in range(GROUPS):
            group = store.add_group(f"Grupp {i + 1}")
            store.add_note(f"Lapp {i + 1}", group_id=group.id, x=i * 240.0, y=0.0)
        store.add_note("Utan grupp", x=0.0, y=400.0)
    doc = DocumentModel(store)
    scene = BoardScene(doc)
    yield scene
    doc.close()


def _styles(scene: BoardScene):
    return [scene.note_style(gid) for gid in [None, *scene.doc.groups]]


def test_every_note_text_reads_at_aa_in_the_normal_look(scene):
    assert len(_styles(scene)) == GROUPS + 1
    for style in _styles(scene):
        paper = style.fill
        assert ratio(style.text, paper) >= AA, paper.name()  # the note's text
        assert ratio(style.ink, paper) >= AA, paper.name()  # its group label
        assert ratio(pal.WARNING_TEXT, paper) >= AA, paper.name()  # "PU"
    assert ratio(QColor("white"), pal.WARNING) >= AA  # "?" on its orange disc


def test_every_own_colour_reads_at_aa(scene):
    style = scene.note_style(None)
    for colour in note_colours.PALETTE:
        paper = QColor(colour.fill)
        assert ratio(style.text, paper) >= AA, colour.sv  # text and label on it
        assert ratio(pal.WARNING_TEXT, paper) >= AA, colour.sv
        assert ratio(QColor("white"), QColor(colour.ink)) >= AA, colour.sv  # the tag's mark
        frame = pal.parse_colour(colour.hue)
        frame.setAlpha(150)  # a frame of that colour is translucent over the board
        shown = over(frame, pal.BOARD_BACKGROUND)
        assert ratio(pal.TEXT, shown) >= AA, colour.sv  # its name
        assert ratio(pal.count_colour(colour.hue, False), shown) >= AA, colour.sv  # its count


def test_frame_titles_counts_chips_and_headers_read_at_aa():
    top = over(pal.frame_fill(0, False), pal.BOARD_BACKGROUND)
    nested = over(pal.frame_fill(1, False), top)
    for paper in (top, nested, over(pal.frame_fill(2, False), nested)):
        assert ratio(pal.TEXT, paper) >= AA  # the frame's name
        assert ratio(pal.count_colour("", False), paper) >= AA  # "8 lappar"
    for paper in (pal.BOARD_BACKGROUND, over(QColor(255, 255, 255, 230), pal.BOARD_BACKGROUND)):
        assert ratio(pal.TEXT, paper) >= AA and ratio(pal.MUTED_TEXT, paper) >= AA
    for index in range(GROUPS):  # group chips on frames and headers
        assert ratio(pal.TEXT, pal.note_fill(index)) >= AA
        assert ratio(pal.label_colour(index), pal.note_fill(index)) >= AA


def test_high_contrast_notes_read_at_seven_to_one_and_have_no_tint(scene):
    scene.set_look(HIGH)
    styles = _styles(scene)
    assert {s.fill.name() for s in styles} == {"#ffffff"}  # the group is not a tint any more
    for style in styles:
        assert ratio(style.text, style.fill) >= AAA
        assert ratio(style.ink, style.fill) >= AAA
    # Groups are told apart by the label and a hatching: the first groups all differ.
    patterns = [scene.note_style(g).pattern for g in scene.doc.groups][: len(pal.HC_PATTERNS)]
    assert len(set(patterns)) == len(pal.HC_PATTERNS)
    # Own colours are not painted either: every note is white, its mark boxed in black.
    item = next(iter(scene.note_items()))
    scene.doc.store.update_note(item.note_id, colour="#0072B2")
    assert scene.note_item(item.note_id).fill().name() == "#ffffff"


def test_high_contrast_frames_and_selection_read_at_seven_to_one():
    for depth in range(3):
        assert ratio(pal.HC_INK, pal.frame_fill(depth, True)) >= AAA
    assert ratio(pal.HC_ACCENT, pal.HC_PAPER) >= AAA  # the selection ring on a white note
    assert ratio(pal.HC_ACCENT, pal.frame_fill(1, True)) >= 3.0  # a ring on a nested frame


def test_high_contrast_draws_white_notes_with_a_thick_black_border_and_a_hatching(board):
    def picture():
        board.view.centerOn(QPointF(100, 150))
        return board.view.grab().toImage()

    def colour_at(image, name: str, x: float, y: float) -> QColor:
        origin = board.scene.note_item(board.ids[name]).pos()
        point = board.at(origin.x() + x, origin.y() + y)
        return QColor(image.pixel(point.x(), point.y()))

    normal = picture()
    assert colour_at(normal, "n1", 100, 100) != QColor("white")  # the group's tint
    board.scene.set_look(HIGH)
    image = picture()
    assert colour_at(image, "n1", 100, 100) == QColor("white")
    for xs, ys in ((range(0, 3), [60]), (range(197, 200), [60]), ([100], range(0, 3))):
        darkest = min(colour_at(image, "n1", x, y).lightness() for x in xs for y in ys)
        assert darkest < 60, (list(xs), list(ys))  # the border, on three sides
    # The hatched band along the bottom: black and white, not grey tint.
    band = [colour_at(image, "n1", x, 126).lightness() for x in range(20, 180)]
    assert min(band) < 60 and max(band) > 200
    board.scene.set_look(pal.NORMAL_LOOK)
    assert colour_at(picture(), "n1", 100, 100) == colour_at(normal, "n1", 100, 100)


@pytest.mark.parametrize("zoom", [0.2, 0.04])  # a note painting itself; the overview's picture
def test_far_out_a_white_note_keeps_its_black_edge(board, zoom):
    board.scene.set_look(HIGH)
    board.view.set_zoom(zoom)
    item = board.scene.note_item(board.ids["n4"])  # a loose note: board background around it
    rect = item.scene_rect()
    board.view.centerOn(rect.center())
    image = board.view.grab().toImage()
    left, top = board.at(rect.left(), rect.top()).x(), board.at(rect.left(), rect.top()).y()
    right = board.at(rect.right(), rect.bottom()).x()
    middle = board.at(rect.center().x(), rect.center().y())
    row = [QColor(image.pixel(x, middle.y())).lightness() for x in range(left - 1, right + 2)]
    assert min(row) < 100, row  # the edge shows against the light board
    assert QColor(image.pixel(middle.x(), middle.y())).lightness() > 230  # white paper
    assert top >= 0


def test_a_frames_resize_grip_is_drawn_again_in_the_new_look(board, qtbot):
    """The grip in a frame's corner keeps a picture of its own: switched to high contrast
    (and back), it shows in the new look's ink, as on a view that never saw the old look."""
    from samverkan_desktop.ui.board import BoardView

    view = board.view
    grip = board.scene.cluster_items()[0].handle
    view.centerOn(grip.sceneBoundingRect().center())

    def grip_pixels(shown: BoardView) -> object:
        spot = shown.mapFromScene(grip.sceneBoundingRect()).boundingRect().adjusted(-2, -2, 2, 2)
        return shown.viewport().grab().toImage().copy(spot)

    def fresh_pixels() -> object:
        fresh = BoardView(board.scene)
        qtbot.addWidget(fresh)
        fresh.resize(view.size())
        fresh.show()
        fresh.set_zoom(view.zoom())
        fresh.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
        fresh.verticalScrollBar().setValue(view.verticalScrollBar().value())
        pixels = grip_pixels(fresh)
        fresh.close()
        return pixels

    normal = grip_pixels(view)
    board.scene.set_look(HIGH)
    high = grip_pixels(view)
    assert high != normal
    assert high == fresh_pixels()
    board.scene.set_look(pal.NORMAL_LOOK)
    assert grip_pixels(view) == normal == fresh_pixels()
