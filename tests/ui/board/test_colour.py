"""The facilitator's own colour: chosen from the board's right-click menu for notes and frames,
painted with its mark, undone and redone, kept in the file and named in every export."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from samverkan_desktop.core import model as m
from samverkan_desktop.core import note_colours
from samverkan_desktop.core.export import csv_export, docx_export, export, markdown
from samverkan_desktop.core.store import Store
from samverkan_desktop.render import EXPORTERS
from samverkan_desktop.render.board_picture import board_picture
from samverkan_desktop.ui.board import metrics as mt

from .conftest import Board

ORANGE = note_colours.PALETTE[0]
CTRL = Qt.KeyboardModifier.ControlModifier


def _pick_from_context_menu(board: Board, at: QPointF, path: tuple[str, ...]) -> None:
    """Right-click at `at` and click through the menus by their texts, as a user would."""
    clicked: list[str] = []

    def click_next() -> None:
        menu = QApplication.activePopupWidget()
        wanted = path[len(clicked)]
        found = [a for a in menu.actions() if a.text() == wanted] if isinstance(menu, QMenu) else []
        if not found:  # the menu (or the submenu) is not open yet
            QTimer.singleShot(20, click_next)
            return
        action = found[0]
        clicked.append(wanted)
        QTest.mouseClick(
            menu,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            menu.actionGeometry(action).center(),
        )
        if len(clicked) < len(path):
            QTimer.singleShot(50, click_next)

    QTimer.singleShot(50, click_next)
    viewport = board.view.viewport()
    pos = board.at(at.x(), at.y())
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, pos)
    # The window system turns the right click into this event; QTest does not.
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    )
    board.qtbot.waitUntil(
        lambda: len(clicked) == len(path) and QApplication.activePopupWidget() is None
    )


def _pixel(board: Board, x: float, y: float) -> QColor:
    QApplication.processEvents()
    return board.view.viewport().grab().toImage().pixelColor(board.at(x, y))


def _note_corner(board: Board, name: str) -> tuple[float, float]:
    item = board.scene.note_item(board.ids[name])
    assert item is not None
    r = item.scene_rect()
    return r.right() - 6, r.bottom() - 6


def _near(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(
        abs(x - y) <= tolerance
        for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    )


def test_every_colour_reads_and_has_a_mark() -> None:
    for colour in note_colours.PALETTE:
        assert note_colours.contrast(colour.fill, note_colours.TEXT) >= 4.5, colour.sv
        assert note_colours.contrast(colour.ink, "#FFFFFF") >= 4.5, colour.sv
        assert colour.mark and colour.sv and colour.en
    assert len({c.mark for c in note_colours.PALETTE}) == len(note_colours.PALETTE)
    assert len({c.fill for c in note_colours.PALETTE}) == len(note_colours.PALETTE)


def test_colour_two_notes_and_a_frame_from_the_context_menu(board: Board) -> None:
    n1, n2 = board.note_centre("n1"), board.note_centre("n2")
    corner = _note_corner(board, "n1")
    frame_body = (740.0, 340.0)  # inside frame A, beside its notes
    before_note = _pixel(board, *corner)
    before_frame = _pixel(board, *frame_body)

    board.click(n1)
    board.click(n2, CTRL)
    board.click(board.title_point("A"), CTRL)
    assert set(board.scene.selected_note_ids()) == {board.ids["n1"], board.ids["n2"]}
    assert board.scene.selected_cluster_ids() == [board.ids["A"]]

    _pick_from_context_menu(board, n2, ("Färg", "Orange"))

    assert board.stored_note("n1").colour == ORANGE.hue
    assert board.stored_note("n2").colour == ORANGE.hue
    assert board.stored_cluster("A").colour == ORANGE.hue
    assert board.stored_note("n3").colour == ""
    stack = board.doc.undo_stack
    assert stack.text(stack.index() - 1) == "Färglägg 2 lappar och 1 kluster"
    assert _near(_pixel(board, *corner), QColor(ORANGE.fill))
    frame_now = _pixel(board, *frame_body)
    assert frame_now != before_frame and frame_now.red() - frame_now.blue() > 60
    item = board.scene.note_item(board.ids["n1"])
    assert item is not None and "Orange" in item.toolTip()

    # Ångra and Gör om as the main window makes them (its Redo also takes Ctrl+Y).
    undo = board.doc.undo_stack.createUndoAction(board.view)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = board.doc.undo_stack.createRedoAction(board.view)
    redo.setShortcut(QKeySequence("Ctrl+Y"))
    board.view.addActions([undo, redo])
    board.key(Qt.Key.Key_Z, CTRL)
    assert board.stored_note("n1").colour == ""
    assert board.stored_cluster("A").colour == ""
    assert _near(_pixel(board, *corner), before_note)
    assert _near(_pixel(board, *frame_body), before_frame)

    board.key(Qt.Key.Key_Y, CTRL)
    assert board.stored_note("n2").colour == ORANGE.hue
    assert _near(_pixel(board, *corner), QColor(ORANGE.fill))

    # Back to the group's colour, again from the menu.
    board.click(n1)
    _pick_from_context_menu(board, n1, ("Färg", "Ingen (gruppens färg)"))
    assert board.stored_note("n1").colour == ""
    assert board.stored_note("n2").colour == ORANGE.hue
    assert stack.text(stack.index() - 1) == "Ta bort färgen på 1 lapp"
    assert _near(_pixel(board, *corner), before_note)


def test_the_colour_is_kept_in_the_file_and_named_in_exports(
    board: Board, tmp_path: Path, qapp
) -> None:
    board.click(board.note_centre("a1"))
    _pick_from_context_menu(board, board.note_centre("a1"), ("Färg", "Orange"))
    path = board.path
    board.doc.close()

    with Store.open(path, readonly=True) as store:
        assert store.note(board.ids["a1"]).colour == ORANGE.hue
        doc = store.document()

    csv_path = tmp_path / "lappar.csv"
    csv_export.write(doc, csv_path)
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][-1] == "Färg"
    by_text = {r[1]: r for r in rows[1:]}
    assert by_text["Belysning!"][-1] == "Orange"
    assert by_text["Fler vuxna ute"][-1] == ""

    md_path = tmp_path / "rapport.md"
    markdown.write(doc, md_path)
    line = next(x for x in md_path.read_text(encoding="utf-8").splitlines() if "Belysning" in x)
    assert "Orange" in line
    english = tmp_path / "report.md"
    markdown.write(doc, english, language="en")
    assert "Orange" in english.read_text(encoding="utf-8")

    docx_path = tmp_path / "rapport.docx"
    docx_export.write(doc, docx_path)
    with zipfile.ZipFile(docx_path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "[Orange]" in xml

    png = export(doc, EXPORTERS["png"], tmp_path / "tavla.png")
    image = QImage(str(png))
    source = board_picture(doc).source
    note = next(n for n in doc.notes if n.id == board.ids["a1"])
    other = next(n for n in doc.notes if n.id == board.ids["a2"])
    scale = image.width() / source.width()

    def at(n: m.Note) -> QPoint:
        return QPoint(
            int((n.x + mt.NOTE_W - 6 - source.x()) * scale),
            int((n.y + mt.NOTE_H - 6 - source.y()) * scale),
        )

    assert _near(image.pixelColor(at(note)), QColor(ORANGE.fill))
    assert not _near(image.pixelColor(at(other)), QColor(ORANGE.fill))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_colour_names_follow_the_report_language(language: str) -> None:
    assert note_colours.colour_name(note_colours.PALETTE[1].hue, language) == (
        "Himmelsblå" if language == "sv" else "Sky blue"
    )
    assert note_colours.colour_name("", language) == ""
    assert note_colours.colour_name("#123456", language) == "#123456"


def test_the_pdfa_picture_paints_the_colour_too(qapp) -> None:
    """PDF/A's board (opaque: no shadows, frames flattened) shows the colour as well."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    note = m.Note(1, "Belysning!", x=0.0, y=0.0, colour=ORANGE.hue)
    plain = m.Note(2, "Fler vuxna ute", x=300.0, y=0.0)
    doc = m.Document(m.Workshop("Test"), notes=(note, plain))
    picture = board_picture(doc, opaque=True)
    size = picture.source.size().toSize()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    picture.paint(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    corner = QPoint(
        int(m.NOTE_WIDTH - 6 - picture.source.x()), int(m.NOTE_HEIGHT - 6 - picture.source.y())
    )
    assert _near(image.pixelColor(corner), QColor(ORANGE.fill))
    assert not _near(image.pixelColor(corner + QPoint(300, 0)), QColor(ORANGE.fill))
