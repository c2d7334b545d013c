"""What a screen reader hears on the board: a sentence per note and frame, read through the
view (graphics items have no accessibility interface of their own), updated as the keyboard's
focus moves. Keys only, no mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from samverkan_desktop.core.board.focus_order import focus_order
from samverkan_desktop.ui.i18n import install_translators, remove_translators

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description
SHIFT = Qt.KeyboardModifier.ShiftModifier


def heard(view) -> tuple[str, str]:
    """The view's name and description as the accessibility bridge reads them."""
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface is not None
    return iface.text(NAME), iface.text(DESCRIPTION)


def press(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)


def test_the_note_in_focus_is_announced_with_group_cluster_and_votes(board):
    store, ids = board.store, board.ids
    store.update_note(ids["a1"], votes=2, comment="Från mötet", colour="orange")
    assert heard(board.view)[0] == "Tavla"
    order = focus_order(board.doc.board)
    while board.view.keys.key != ("note", ids["a1"]):
        press(Qt.Key.Key_Tab)
        assert len(board.view.keys.key) == 2 and board.view.keys.key in order
    name, description = heard(board.view)
    assert name == "Lapp: Belysning!, grupp KL, i kluster Trygghet, 2 röster, markerad"
    assert "Kommentar: Från mötet" in description and "Färg: " in description
    # Ctrl+arrow moves the focus without selecting: no "markerad". (With a screen reader
    # listening, the move is also sent to the accessibility bridge as a focus event.)
    QAccessible.setActive(True)
    try:
        press(Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    finally:
        QAccessible.setActive(False)
    assert heard(board.view)[0] == "Lapp: Fler vuxna ute, grupp KL, i kluster Trygghet"


def test_frames_are_announced_with_their_path_and_counts(board):
    ids = board.ids
    board.view.keys.set_focus(("frame", ids["B"]), "only")
    assert heard(board.view)[0] == "Kluster: Samverkan, 1 lapp, 1 underkluster, markerat"
    press(Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert board.view.keys.key == ("frame", ids["C"])
    assert heard(board.view)[0] == "Kluster: Samverkan › Mötesplatser, 1 lapp"
    press(Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert heard(board.view)[0] == (
        "Lapp: Mötas i ögonhöjd, grupp KL, i kluster Samverkan › Mötesplatser"
    )


def test_the_announcement_follows_a_change_to_the_focused_note(board):
    ids = board.ids
    board.view.keys.set_focus(("note", ids["n2"]), "none")
    assert heard(board.view)[0] == "Lapp: Lös lapp 2, grupp AI1"
    board.store.update_note(ids["n2"], text="Ny text\när här", votes=1)
    # The sentence is worked out right after the board has painted the change (keyboard.py),
    # not only once the longest wait (50 ms) is over.
    board.view.viewport().repaint()
    QCoreApplication.processEvents()
    assert heard(board.view)[0] == "Lapp: Ny text är här, grupp AI1, 1 röst"
    board.store.delete_notes([ids["n2"]])
    assert heard(board.view)[0] == "Tavla"


def test_every_item_of_the_sample_is_announced_as_tab_reaches_it(seed_board):
    board = seed_board
    doc = board.doc
    order = focus_order(doc.board)
    for key in order:
        press(Qt.Key.Key_Tab)
        assert board.view.keys.key == key
        name = heard(board.view)[0]
        if key[0] == "note":
            text = " ".join(doc.note(key[1]).text.split())
            assert name.startswith("Lapp: " + text[:200])
        else:
            assert name.startswith("Kluster: " + doc.cluster(key[1]).name.strip())
            assert f"{len(doc.subtree_notes(key[1]))} lapp" in name
    # Past the last one the keyboard leaves the board (the next widget gets Tab).
    assert not board.view.keys.go(forward=True)


@pytest.fixture
def english(qapp):
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def test_the_sentences_are_translated(board, english):
    ids = board.ids
    board.store.update_note(ids["a1"], votes=2)
    board.view.keys.set_focus(("note", ids["a1"]), "only")
    assert heard(board.view)[0] == (
        "Note: Belysning!, group KL, in cluster Trygghet, 2 votes, selected"
    )
    board.view.keys.set_focus(("frame", ids["B"]), "none")
    assert heard(board.view)[0] == "Cluster: Samverkan, 1 note, 1 subcluster"


def test_the_focused_note_dragged_into_a_frame_is_heard_there_once_the_board_has_painted(board):
    ids = board.ids
    board.view.keys.set_focus(("note", ids["n1"]), "none")
    assert heard(board.view)[0] == "Lapp: Lös lapp 1, grupp AI1"
    board.drag(board.note_centre("n1"), QPointF(530, 260))  # into frame A, "Trygghet"
    assert board.stored_note("n1").cluster_id == ids["A"]
    board.qtbot.waitUntil(
        lambda: heard(board.view)[0].startswith("Lapp: Lös lapp 1, grupp AI1, i kluster Trygghet")
    )


def test_a_cluster_made_with_ctrl_g_is_heard_once_the_board_has_drawn_it(board):
    """Ctrl+G moves the focus to the new frame with the selection; what it is, is said once the
    board has painted it (not before: 0.2 ms of the gesture)."""
    ids = board.ids
    board.view.keys.set_focus(("note", ids["n1"]), "none")
    board.scene.select_notes([ids["n1"], ids["n2"]])
    at_paint: list[str] = []  # what the view says as each paint ends
    board.scene.shown.connect(lambda: at_paint.append(heard(board.view)[0]))
    board.key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    made = board.scene.selected_cluster_ids()
    assert board.view.keys.key == ("frame", made[0])
    said = "Kluster: Nytt kluster, 2 lappar"
    board.qtbot.waitUntil(lambda: heard(board.view)[0].startswith(said))
    assert heard(board.view)[0].endswith("markerat")
    assert at_paint and not at_paint[0].startswith(said)  # the first paint came first


def test_a_focused_notes_sentence_follows_its_frame_being_renamed(board):
    ids = board.ids
    board.view.keys.set_focus(("note", ids["a1"]), "none")
    assert "i kluster Trygghet" in heard(board.view)[0]
    board.store.update_cluster(ids["A"], name="Trygga platser")
    board.qtbot.waitUntil(lambda: "i kluster Trygga platser" in heard(board.view)[0])
