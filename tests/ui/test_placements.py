"""Sortera › Placera resten on the seed, through the real widgets: ghosts for the notes above
the threshold, Godta alla över gränsen, undo, accept one, Avvisa, and a note moved out of the
cluster it was placed in not proposed there again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from samverkan_desktop.core.board.board import Board as CoreBoard
from samverkan_desktop.core.board.geometry import Rect
from samverkan_desktop.core.board.invariants import violations
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board import BoardActions, BoardScene, BoardView
from samverkan_desktop.ui.document import DocumentModel
from samverkan_desktop.ui.suggestions import SuggestionActions

LEFT = Qt.MouseButton.LeftButton
PSYKISK = "Psykisk ohälsa/ofrivillig ensamhet"


@dataclass
class Shell:
    window: QMainWindow
    doc: DocumentModel
    scene: BoardScene
    view: BoardView
    suggestions: SuggestionActions

    def drawn_violations(self) -> list[str]:
        """The board's promise checked on what is drawn (as tests/ui/board/conftest.py does)."""
        drawn = CoreBoard()
        for c in self.doc.store.clusters():
            r = self.scene.cluster_item(c.id).scene_rect()
            drawn.put_frame(c.id, Rect(r.x(), r.y(), r.width(), r.height()), c.parent_id)
        for n in self.doc.store.notes():
            r = self.scene.note_item(n.id).scene_rect()
            drawn.put_note(n.id, r.x(), r.y(), r.height(), n.cluster_id)
        return violations(drawn)

    def loose(self) -> set[int]:
        group = next(g.id for g in self.doc.groups.values() if g.name == PSYKISK)
        return {
            n.id for n in self.doc.notes.values() if n.group_id == group and n.cluster_id is None
        }


@pytest.fixture
def shell(qtbot, seed_workshop: Path):
    doc = DocumentModel(Store.open(seed_workshop))
    window = QMainWindow()
    scene = BoardScene(doc)
    view = BoardView(scene)
    window.setCentralWidget(view)
    BoardActions(view, doc)
    suggestions = SuggestionActions(view, doc, window)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield Shell(window, doc, scene, view, suggestions)
    suggestions.runner.cancel()
    suggestions.runner.wait()
    doc.close()


def _place(qtbot, shell: Shell) -> None:
    shell.suggestions.place_rest.trigger()
    qtbot.waitUntil(lambda: bool(shell.suggestions.placements.cards), timeout=20_000)


def test_place_the_rest_accept_above_threshold_and_undo(qtbot, shell: Shell) -> None:
    layer = shell.suggestions.placements
    loose = shell.loose()
    before = {i: (n.x, n.y, n.cluster_id) for i, n in shell.doc.notes.items()}
    assert shell.suggestions.place_rest in shell.suggestions.all_actions()
    _place(qtbot, shell)

    assert layer.panel.isVisible()
    assert set(layer.cards) == loose  # every loose note of the sorting group has a card
    above = layer.above_threshold()
    assert 0 < len(above) < len(loose)  # some reach 50 %, some stay where they are
    assert set(layer.ghosts) == set(above)
    for note_id, ghost in layer.ghosts.items():
        frame = shell.scene.cluster_item(above[note_id]).scene_rect()
        # The ghost sits in the proposed frame's column, below its title; the note has not moved.
        assert frame.left() <= ghost.spot.left() and ghost.spot.right() <= frame.right()
        assert ghost.spot.top() > frame.top()
        assert ghost.origin == shell.scene.note_item(note_id).scene_rect()

    def in_frame(rect, cluster_id):  # a place relative to the frame's corner
        return rect.translated(-shell.scene.cluster_item(cluster_id).scene_rect().topLeft())

    spots = {i: in_frame(g.spot, above[i]) for i, g in layer.ghosts.items()}
    qtbot.mouseClick(layer.panel.accept_all, LEFT)
    for note_id, cluster_id in above.items():
        assert shell.doc.note(note_id).cluster_id == cluster_id
        # Each went where its ghost showed it in its frame (which may have been pushed down).
        item = shell.scene.note_item(note_id)
        assert in_frame(item.scene_rect(), cluster_id) == spots[note_id]
        assert shell.scene.cluster_item(cluster_id).scene_rect().contains(item.scene_rect())
    assert shell.doc.store.note(next(iter(above))).cluster_id == next(iter(above.values()))
    for note_id in loose - set(above):
        assert shell.doc.note(note_id).cluster_id is None  # below the threshold: stays
    assert shell.drawn_violations() == []
    assert not layer.ghosts and set(layer.cards) == loose - set(above)

    shell.doc.undo_stack.undo()  # one step takes them all back
    assert {i: (n.x, n.y, n.cluster_id) for i, n in shell.doc.notes.items()} == before
    assert set(layer.ghosts) == set(above)  # proposed again
    assert shell.drawn_violations() == []


def test_accept_one_from_its_card_and_reject_one(qtbot, shell: Shell) -> None:
    layer = shell.suggestions.placements
    _place(qtbot, shell)
    first, second = sorted(layer.cards)[:2]
    card = layer.cards[first]
    best = layer.open_candidates(next(p for p in layer.placements if p.note_id == first))
    qtbot.mouseClick(card.buttons[1], LEFT)  # the second proposal, chosen by hand
    assert shell.doc.note(first).cluster_id == best[1].cluster
    assert first not in layer.cards
    assert shell.drawn_violations() == []

    card = layer.cards[second]
    qtbot.mouseClick(card.text_label, LEFT)  # the note's text shows it on the board
    seen = shell.view.mapToScene(shell.view.viewport().rect()).boundingRect()
    assert seen.contains(shell.scene.note_item(second).scene_rect().center())
    assert shell.scene.selected_note_ids() == [second]
    card = layer.cards[second]
    proposed = card.candidates[0].cluster
    steps = shell.doc.undo_stack.count()
    qtbot.mouseClick(card.reject_button, LEFT)
    assert shell.doc.undo_stack.count() == steps + 1  # Avvisa is an undo step too
    assert shell.doc.note(second).cluster_id is None
    assert proposed not in {c.cluster for c in layer.cards[second].candidates}
    shell.doc.undo_stack.undo()
    assert layer.cards[second].candidates[0].cluster == proposed


def test_a_note_moved_out_of_its_placement_is_not_proposed_there_again(qtbot, shell) -> None:
    layer = shell.suggestions.placements
    _place(qtbot, shell)
    above = layer.above_threshold()
    note_id, cluster_id = next(iter(above.items()))
    qtbot.mouseClick(layer.cards[note_id].buttons[0], LEFT)
    assert shell.doc.note(note_id).cluster_id == cluster_id

    # The facilitator drags it back out onto the board: that pairing was wrong.
    item = shell.scene.note_item(note_id)
    shell.view.centerOn(item)
    start = shell.view.mapFromScene(item.scene_rect().center())
    frame = shell.scene.cluster_item(cluster_id).scene_rect()
    end = shell.view.mapFromScene(frame.bottomRight()) + type(start)(120, 60)
    from PySide6.QtTest import QTest

    QTest.mousePress(shell.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(shell.view.viewport(), start + (end - start) * step / 10)
    QTest.mouseRelease(shell.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, end)
    assert shell.doc.note(note_id).cluster_id != cluster_id
    assert (note_id, cluster_id) in shell.suggestions.placing.rejected

    # Placera resten again: the note is proposed, but not for that cluster.
    layer.clear()
    _place(qtbot, shell)
    if shell.doc.note(note_id).cluster_id is None:
        assert cluster_id not in {c.cluster for c in layer.cards[note_id].candidates}
    assert layer.above_threshold().get(note_id) != cluster_id


def test_sortera_placera_resten_in_the_main_window_from_the_keyboard(
    qtbot, ctx, seed_workshop: Path
) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from samverkan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(seed_workshop)
    try:
        layer = window.workspace.suggestions.placements
        assert "Placera resten" in [a.text() for a in window.sort_menu.actions()]
        before = {i: (n.x, n.y, n.cluster_id) for i, n in window.doc.notes.items()}
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(window, Qt.Key.Key_P, ctrl_shift)
        qtbot.waitUntil(lambda: bool(layer.cards), timeout=20_000)
        assert window.doc.undo_stack.count() == 0  # only shown
        above = layer.above_threshold()
        qtbot.mouseClick(layer.panel.accept_all, LEFT)
        assert {i: window.doc.note(i).cluster_id for i in above} == above
        assert window.undo_action.text() == f"Ångra Placera {len(above)} lappar"
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert {i: (n.x, n.y, n.cluster_id) for i, n in window.doc.notes.items()} == before
    finally:
        window.close_document()
