"""Visa › Hög kontrast and Visa › Textstorlek driven through the real window: the app and the board
change, the choice is remembered, larger text makes notes taller without anything overlapping
(and without an undo step), Normal gives the notes their height back, and the exported picture
keeps the normal look."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QImage, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Store
from samverkan_desktop.render.board_image import write_png
from samverkan_desktop.ui import appearance
from samverkan_desktop.ui import commands as cmd
from samverkan_desktop.ui.board import metrics as mt
from samverkan_desktop.ui.board import palette as pal
from samverkan_desktop.ui.main_window import MainWindow
from samverkan_desktop.ui.settings import HIGH_CONTRAST, TEXT_SIZE

from .board.conftest import drawn_violations

CTRL = Qt.KeyboardModifier.ControlModifier
NATIVE = QKeySequence.SequenceFormat.NativeText


def _entry(window: MainWindow, *path: str) -> QAction:
    """A menu entry by its visible path, e.g. ("&Visa", "Textstorlek", "Större")."""
    actions = window.menuBar().actions()
    for name in path:
        found = next((a for a in actions if a.text() == name), None)
        assert found is not None, f"no menu entry {name!r} in {[a.text() for a in actions]}"
        if found.menu() is None:
            return found
        actions = found.menu().actions()
    raise AssertionError(f"{path} is a menu, not an entry")


def _heights(window: MainWindow) -> dict[int, float]:
    return {i.note_id: i.rect().height() for i in window.scene.note_items()}


def _activate(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def restore_palette(qapp):
    """Whatever a test turns on, the application's own palette and style come back."""
    palette, style = QPalette(qapp.palette()), qapp.style().name()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_larger_text_makes_notes_taller_with_nothing_overlapping_and_normal_restores(
    qtbot, seed_window, settings
):
    window = seed_window
    doc = window.doc
    before = _heights(window)
    places = {n.id: (n.x, n.y) for n in doc.notes.values()}
    _activate(qtbot, window)
    view = window.view
    for _ in range(3):  # Ctrl+> three times: 115, 130, 150 %
        QTest.keyClick(view, Qt.Key.Key_Greater, CTRL)
    assert settings.get(TEXT_SIZE) in (150, "150")
    assert window.scene.look.text_scale == pytest.approx(1.5)
    after = _heights(window)
    grown = [i for i in after if after[i] > before[i]]
    assert len(grown) > 20, "larger text should make the wordier notes taller"
    assert all(after[i] >= before[i] for i in after)
    assert max(after.values()) > mt.max_height(1.0)  # taller than any note at normal size
    # Nothing overlaps: what was in a taller note's way moved, and the file says so.
    assert drawn_violations(doc.store, window.scene) == []
    moved = [n.id for n in doc.store.notes() if (n.x, n.y) != places[n.id]]
    assert moved
    for note in doc.store.notes():
        item = window.scene.note_item(note.id)
        assert (item.pos().x(), item.pos().y()) == (note.x, note.y)
    # A display preference is no edit: nothing to undo.
    assert doc.undo_stack.count() == 0
    # Visa › Textstorlek › Normal: every note as tall as at normal size again.
    _entry(window, "&Visa", "Textstorlek", "Normal").trigger()
    assert settings.get(TEXT_SIZE) in (100, "100")
    normal = _heights(window)
    assert normal == {n.id: mt.note_height(n) for n in doc.notes.values()}
    assert normal == before
    assert drawn_violations(doc.store, window.scene) == []


def test_smaller_text_keeps_notes_their_size_and_the_menu_knows_the_ends(
    qtbot, seed_window, settings
):
    window = seed_window
    before = _heights(window)
    smaller = _entry(window, "&Visa", "Textstorlek", "Mindre")
    normal = _entry(window, "&Visa", "Textstorlek", "Normal")
    assert not normal.isEnabled()
    smaller.trigger()  # 85 %: the smallest step
    assert settings.get(TEXT_SIZE) in (85, "85")
    assert not smaller.isEnabled() and normal.isEnabled()
    assert window.scene.look.text_scale == pytest.approx(0.85)
    after = _heights(window)
    assert all(after[i] <= before[i] for i in after)
    assert all(h >= mt.NOTE_H for h in after.values())  # a note never gets shorter than a note
    assert drawn_violations(window.doc.store, window.scene) == []
    larger = _entry(window, "&Visa", "Textstorlek", "Större")
    for _ in range(10):
        larger.trigger()
    assert settings.get(TEXT_SIZE) in (200, "200") and not larger.isEnabled()
    assert drawn_violations(window.doc.store, window.scene) == []


def test_the_text_size_is_remembered_for_the_next_window(qtbot, ctx, seed_workshop):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    assert first.open_path(seed_workshop)
    _entry(first, "&Visa", "Textstorlek", "Större").trigger()
    first.close()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.open_path(seed_workshop)
    try:
        assert second.scene.look.text_scale == pytest.approx(1.15)
        for note in second.doc.notes.values():
            expected = mt.note_height(note, 1.15)
            assert second.scene.note_item(note.id).rect().height() == expected
            assert second.doc.board.note(note.id).h == expected  # the rules see the same
        assert drawn_violations(second.doc.store, second.scene) == []
    finally:
        second.close_document()


def test_text_size_keys_do_not_clash_with_zoom_or_anything_else(qtbot, seed_window):
    window = seed_window
    keys: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            keys.setdefault(key.toString(), []).append(action.text())
    for wanted in (appearance.LARGER_KEYS, appearance.SMALLER_KEYS):
        assert len(keys[QKeySequence(wanted).toString()]) == 1, keys[wanted]
    # Ctrl++ still zooms, and leaves the text size alone.
    _activate(qtbot, window)
    zoom = window.view.transform().m11()
    QTest.keyClick(window.view, Qt.Key.Key_Plus, CTRL)
    assert window.view.transform().m11() > zoom
    assert window.scene.look.text_scale == pytest.approx(1.0)
    # The shortcut sheet lists the new entries with their keys.
    window.show_shortcuts()
    rows = window.shortcut_sheet.rows()
    larger = QKeySequence(appearance.LARGER_KEYS).toString(NATIVE)
    assert any(r[1] == "Större" and r[2] == larger for r in rows), rows


def test_high_contrast_from_the_menu_turns_the_app_and_the_board_black_on_white(
    qtbot, seed_window, settings, qapp, restore_palette
):
    window = seed_window
    before = QPalette(qapp.palette())
    entry = _entry(window, "&Visa", "Hög kontrast")
    assert entry.isCheckable() and not entry.isChecked()
    entry.trigger()
    assert entry.isChecked() and settings.get(HIGH_CONTRAST) == "on"
    p = qapp.palette()
    roles = QPalette.ColorRole
    for text, paper in (
        (roles.Text, roles.Base),
        (roles.WindowText, roles.Window),
        (roles.ButtonText, roles.Button),
        (roles.HighlightedText, roles.Highlight),
        (roles.ToolTipText, roles.ToolTipBase),
    ):
        assert pal.contrast_ratio(p.color(text), p.color(paper)) >= 7.0, (text, paper)
    disabled = p.color(QPalette.ColorGroup.Disabled, roles.Text)
    assert pal.contrast_ratio(disabled, p.color(QPalette.ColorGroup.Disabled, roles.Base)) >= 7
    assert window.scene.look.high_contrast
    assert all(i.fill().name() == "#ffffff" for i in window.scene.note_items())
    entry.trigger()  # and off again: the app's own palette is back
    assert settings.get(HIGH_CONTRAST) == "off" and not window.scene.look.high_contrast
    assert qapp.palette().color(roles.Base) == before.color(roles.Base)
    assert qapp.palette().color(roles.Highlight) == before.color(roles.Highlight)
    assert any(i.fill().name() != "#ffffff" for i in window.scene.note_items())


def test_high_contrast_follows_the_system_until_the_user_chooses(
    qtbot, ctx, seed_workshop, monkeypatch, restore_palette
):
    monkeypatch.setattr(appearance, "system_high_contrast", lambda: True)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(seed_workshop)
    try:
        entry = _entry(window, "&Visa", "Hög kontrast")
        assert entry.isChecked() and window.scene.look.high_contrast
        assert ctx.settings.get(HIGH_CONTRAST) == "auto"
        entry.trigger()  # the user's "off" wins over the system's wish
        assert ctx.settings.get(HIGH_CONTRAST) == "off"
        assert not window.scene.look.high_contrast
    finally:
        window.close()


def test_the_exported_board_picture_keeps_the_normal_look(
    qtbot, seed_window, tmp_path, restore_palette
):
    window = seed_window
    _entry(window, "&Visa", "Hög kontrast").trigger()
    _entry(window, "&Visa", "Textstorlek", "Större").trigger()
    assert window.scene.look == pal.BoardLook(True, pytest.approx(1.15))
    png = tmp_path / "tavla.png"
    with Store.open(window.path, readonly=True) as store:
        write_png(store.document(), png)
    image = QImage(str(png))
    assert not image.isNull()
    # The group tints are there: the report's picture is not black and white (the scan stops
    # at the first pixel of the tint).
    tint = pal.note_fill(0).name()
    assert any(
        image.pixelColor(x, y).name() == tint
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    )


def test_the_note_editor_writes_at_the_readers_text_size(qtbot, seed_window):
    window = seed_window
    _entry(window, "&Visa", "Textstorlek", "Större").trigger()
    note_id = next(iter(window.doc.notes))
    window.scene.edit_note(note_id)
    kind, edited, editor = window.scene.active_editor()
    assert (kind, edited) == ("note", note_id)
    assert editor.font().pixelSize() == mt.sizes(1.15)[0] > mt.TEXT_SIZES[0]
    window.scene.close_editor()


def test_the_notes_follow_a_larger_system_text_size(qtbot, qapp, ctx, seed_workshop):
    usual = QFont(qapp.font())
    large = QFont(usual)
    large.setPointSizeF(mt._USUAL_POINTS.get(sys.platform, 11.0) * 1.3)  # "Make text bigger"
    qapp.setFont(large)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_path(seed_workshop)
        assert window.scene.look.text_scale == pytest.approx(1.3)
        heights = _heights(window)
        assert max(heights.values()) > mt.max_height(1.0)
        assert drawn_violations(window.doc.store, window.scene) == []
        _entry(window, "&Visa", "Textstorlek", "Större").trigger()  # and on top of that
        assert window.scene.look.text_scale == pytest.approx(1.3 * 1.15, abs=0.01)
    finally:
        window.close()
        qapp.setFont(usual)
    assert mt.system_scale() == 1.0  # the tests' own font is not larger than usual


def test_undoing_an_earlier_move_at_larger_text_still_overlaps_nothing(
    qtbot, empty_window, tmp_path
):
    path = tmp_path / "undo.samverkan"
    long_text = " ".join(["Trygghet i parker och på torg när det är mörkt"] * 3)
    with Store.create(path, m.Workshop("Ångra")) as store:
        group = store.add_group("Grupp").id
        tall = store.add_note(long_text, group_id=group, x=0.0, y=0.0).id
        moved = store.add_note("Kort lapp", group_id=group, x=0.0, y=160.0).id
    window = empty_window
    assert window.open_path(path)
    doc = window.doc
    # At normal size: the short note is dragged away (one undo step) ...
    doc.push(cmd.MoveCommand(doc, notes={moved: (600.0, 0.0)}))
    # ... then the text grows: the long note now reaches down past where the short one was.
    for _ in range(3):
        _entry(window, "&Visa", "Textstorlek", "Större").trigger()
    assert window.scene.note_item(tall).rect().height() > 160
    assert drawn_violations(doc.store, window.scene) == []
    # Ctrl+Z brings the short note back to its old place, which the long note now covers:
    # it makes room instead of hiding under it.
    window.undo_action.trigger()
    back = doc.store.note(moved)
    assert back.x == 0.0 and back.y >= window.scene.note_item(tall).rect().height()
    assert drawn_violations(doc.store, window.scene) == []
    window.redo_action.trigger()
    assert (doc.store.note(moved).x, doc.store.note(moved).y) == (600.0, 0.0)
    assert drawn_violations(doc.store, window.scene) == []
