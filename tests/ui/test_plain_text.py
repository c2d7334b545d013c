"""Note text and names are data, never markup: "<b>x</b>" shows its tags wherever it appears."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest

from samverkan_desktop.ui.panels.clusters_panel import NAME

NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def shown(tooltip: str) -> str:
    """What a person reads in a tooltip: Qt renders it as HTML when it looks like HTML."""
    if GuiQt.mightBeRichText(tooltip):
        doc = QTextDocument()
        doc.setHtml(tooltip)
        return doc.toPlainText()
    return tooltip


@pytest.fixture
def window(seed_window):
    return seed_window


def type_on_board(window, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, window.view.viewport(), Qt.Key.Key_unknown, ch, NONE
        )


def test_tags_typed_into_a_note_and_a_cluster_name_show_as_typed(window, followed):
    view, scene, store = window.view, window.scene, window.doc.store
    view.zoom_100()
    item = min(
        (i for i in scene.note_items() if i.note.cluster_id is None),
        key=lambda i: (i.pos().x(), i.pos().y()),
    )
    view.centerOn(item.scene_rect().center())
    spot = view.mapFromScene(item.scene_rect().center())

    QTest.mouseDClick(view.viewport(), LEFT, NONE, spot)
    QTest.keyClick(view.viewport(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_on_board(window, "<b>x</b> & <i>y</i>")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert store.note(item.note_id).text == "<b>x</b> & <i>y</i>"
    # On the board: the lines drawn; in its tooltip: what Qt shows.
    assert " ".join(line for _, line in item.lines.lines) == "<b>x</b> & <i>y</i>"
    assert shown(item.toolTip()).startswith("<b>x</b> & <i>y</i>")

    QTest.mouseClick(view.viewport(), LEFT, NONE, spot)
    QTest.keyClick(view.viewport(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    type_on_board(window, "<b>Tema</b>")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    cluster_id = scene.selected_cluster_ids()[0]
    assert store.cluster(cluster_id).name == "<b>Tema</b>"
    assert shown(scene.cluster_item(cluster_id).toolTip()).startswith("<b>Tema</b>")

    followed()
    row = window.clusters_panel.item_for(cluster_id)
    assert row.text(NAME) == "<b>Tema</b>"
    assert shown(row.toolTip(NAME)).startswith("<b>Tema</b>\n")
    assert shown(row.toolTip(NAME)).splitlines()[0] == "<b>Tema</b>"


def test_a_group_name_with_tags_shows_them_in_the_search_panels_tooltip(window):
    group = min(window.doc.groups.values(), key=lambda g: g.position)
    window.doc.store.update_group(group.id, name="Grupp <u>1</u>")
    groups = window.search_panel.groups
    row = next(
        groups.topLevelItem(i)
        for i in range(groups.topLevelItemCount())
        if "Grupp <u>1</u>" in groups.topLevelItem(i).text(0)
    )
    assert shown(row.toolTip(0)).splitlines()[0] == "Grupp <u>1</u>"


def test_a_message_that_quotes_a_file_name_with_tags_shows_them(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

    from samverkan_desktop.ui.context import QtInteraction

    seen = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        label = box.findChild(QLabel, "qt_msgbox_label")
        seen.append((label.textFormat(), label.text()))
        box.accept()

    QTimer.singleShot(50, read_and_close)
    QtInteraction().critical("Kan inte öppna workshoppen", "<b>x</b>.samverkan är ingen fil.")
    assert seen == [(Qt.TextFormat.PlainText, "<b>x</b>.samverkan är ingen fil.")]


def test_a_recent_file_with_an_ampersand_is_listed_by_its_real_name(window, ctx, tmp_path):
    import shutil

    odd = tmp_path / "Råd & dåd.samverkan"
    shutil.copyfile(window.path, odd)
    ctx.settings.add_recent_file(str(odd))
    window.files.recent_menu.aboutToShow.emit()
    action = window.files.recent_menu.actions()[0]
    assert action.text() == "Råd && dåd.samverkan"  # shown as "Råd & dåd.samverkan"
    action.trigger()
    assert window.path == odd
