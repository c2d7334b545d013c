"""The board on screen and the board in the exports are painted by the same painters
(render/board_paint.py): a note and a frame drawn by the app's board (a real BoardScene shown in
a view) and by the exports' board picture (no scene, straight from the document) come out the
same, pixel for pixel."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem

from samverkan_desktop.core import note_colours
from samverkan_desktop.render.board_picture import board_picture
from samverkan_desktop.ui.board import metrics as mt

from .conftest import Board


def _mark_everything(board: Board) -> None:
    """Note a1 with every mark a note can carry, frame C with a colour and a group's chip."""
    store = board.store
    store.update_note(
        board.ids["a1"],
        text="Belysning! Fler lampor längs gångvägen till skolan och vid busshållplatsen",
        votes=3,
        comment="Gäller hela vägen",
        uncertain=True,
        personal_data=True,
        colour=note_colours.PALETTE[0].hue,
    )
    store.update_cluster(
        board.ids["C"], colour=note_colours.PALETTE[2].hue, group_id=board.ids["g2"]
    )
    QApplication.processEvents()  # the group headers are placed on a zero-delay timer


def _paint_both(board: Board, scale: float) -> tuple[QImage, QImage, QRectF]:
    """The whole board painted at `scale` by the scene and by the export's picture."""
    picture = board_picture(board.doc.snapshot())
    source = picture.source
    target = QRectF(0, 0, source.width() * scale, source.height() * scale)
    size = QSize(math.ceil(target.width()), math.ceil(target.height()))
    # A note on screen keeps its painting as a bitmap for smooth panning; painted here afresh.
    for item in board.scene.items():
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    images = []
    for paint in (
        lambda p: board.scene.render(p, target, source, Qt.AspectRatioMode.KeepAspectRatio),
        lambda p: picture.paint(p, target),
    ):
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        paint(painter)
        painter.end()
        images.append(image)
    return images[0], images[1], source


def _pixels(rect: QRectF, source: QRectF, scale: float) -> QRect:
    return QRect(
        math.floor((rect.x() - source.x()) * scale),
        math.floor((rect.y() - source.y()) * scale),
        math.ceil(rect.width() * scale),
        math.ceil(rect.height() * scale),
    )


def _differing(a: QImage, b: QImage, area: QRect) -> int:
    a, b = a.copy(area), b.copy(area)
    return sum(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()) for x in range(a.width()))


@pytest.mark.parametrize("scale", [1.0, 1.7, 0.4])  # 0.4: far enough out for text bars
def test_a_note_is_painted_the_same_on_screen_and_on_paper(board: Board, scale: float) -> None:
    _mark_everything(board)
    item = board.scene.note_item(board.ids["a1"])
    assert item is not None and item.lines.elided is False and item.note.votes == 3
    screen, paper, source = _paint_both(board, scale)
    area = _pixels(item.boundingRect().translated(item.pos()), source, scale)  # with its shadow
    assert _differing(screen, paper, area) == 0
    # Not two blank pictures: the note's paper is its own colour, the text is there.
    colours = {
        screen.pixelColor(x, y).name()
        for x in range(area.left(), area.right())
        for y in range(area.top(), area.bottom())
    }
    assert QColor(note_colours.PALETTE[0].fill).name() in colours
    assert len(colours) > 20


@pytest.mark.parametrize("scale", [1.0, 1.7, 0.4])
def test_a_frame_is_painted_the_same_on_screen_and_on_paper(board: Board, scale: float) -> None:
    _mark_everything(board)
    item = board.scene.cluster_item(board.ids["C"])
    assert item is not None and item.group_label and item.depth == 1
    screen, paper, source = _paint_both(board, scale)
    # The resize handle is the screen's alone (paper cannot be dragged): left out on both.
    handle = _pixels(item.handle.sceneBoundingRect(), source, scale).adjusted(-1, -1, 1, 1)
    for image in (screen, paper):
        painter = QPainter(image)
        painter.fillRect(handle, Qt.GlobalColor.black)
        painter.end()
    frame = item.scene_rect()
    assert _differing(screen, paper, _pixels(frame.adjusted(-3, -3, 3, 3), source, scale)) == 0
    # The title bar has the group's chip, the colour's tag, the name and the count.
    bar = _pixels(QRectF(frame.x(), frame.y(), frame.width(), 40), source, scale)
    colours = {
        screen.pixelColor(x, y).name()
        for x in range(bar.left(), bar.right())
        for y in range(bar.top(), bar.bottom())
    }
    assert len(colours) > (20 if scale >= 1 else 1)


def test_the_picture_paints_the_notes_at_the_boards_heights(board: Board) -> None:
    """A long note is as tall on paper as on the board: both measure it the same way."""
    board.store.update_note(board.ids["n1"], text=" ".join(["ord"] * 80))
    item = board.scene.note_item(board.ids["n1"])
    assert item is not None and item.height() > mt.NOTE_H
    picture = board_picture(board.doc.snapshot())
    assert picture.heights[board.ids["n1"]] == item.height()
