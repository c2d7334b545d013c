"""Disposition (the outline): in step with the board both ways, edited by keys and drops.

A real workshop file, its board (scene and shown view) and the outline panel beside it in one
window. Board -> outline: moves made on the board (a real drag, Ctrl+Z, a rename by F2) show in
the tree at once. Outline -> board: drops (drag-enter, drag-move and drop events on the tree's
viewport, carrying the tree's own drag data), Ctrl+X / Ctrl+V, F2 and nesting change the file
through one undoable command each, and the board draws the note inside the frame.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui import commands as cmd
from samverkan_desktop.ui.board import BoardActions, BoardScene, BoardView
from samverkan_desktop.ui.document import DocumentModel
from samverkan_desktop.ui.panels.outline import OutlinePanel, send_command
from samverkan_desktop.ui.panels.outline_model import (
    CLUSTER,
    COUNT,
    GROUP,
    NAME,
    NOTE,
    UNSORTED_KEY,
    key,
)

from ..board.conftest import build_store, drawn_violations

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
MOVE = Qt.DropAction.MoveAction


class Outline:
    """The board and the outline side by side in one shown, active window."""

    def __init__(self, qtbot, path, store: Store, ids: dict[str, int]) -> None:
        self.qtbot = qtbot
        self.ids = ids
        self.doc = DocumentModel(store)
        self.scene = BoardScene(self.doc)
        self.view = BoardView(self.scene)
        self.actions = BoardActions(self.view, self.doc, choose_group=lambda gs: gs[0].id)
        self.panel = OutlinePanel()
        self.window = QWidget()
        row = QHBoxLayout(self.window)
        row.addWidget(self.view, 3)
        row.addWidget(self.panel, 1)
        qtbot.addWidget(self.window)
        self.window.resize(1500, 900)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        self.panel.set_board(self.doc, self.scene, self.view)
        self.view.set_zoom(0.8)
        self.view.centerOn(QPointF(610, 440))
        self.tree = self.panel.tree
        self.model = self.panel.model

    @property
    def store(self) -> Store:
        return self.doc.store

    # ----------------------------------------------------------------- the tree
    def node(self, name: str) -> int:
        kind = CLUSTER if name[0].isupper() else NOTE
        return key(kind, self.ids[name])

    def index(self, node: int, column: int = NAME) -> QModelIndex:
        return self.model.index_of(node, column)

    def under(self, node: int | None) -> list[str]:
        """The rows directly under `node` (None: the top), as their texts."""
        parent = self.index(node) if node is not None else QModelIndex()
        return [
            self.model.index(r, NAME, parent).data() for r in range(self.model.rowCount(parent))
        ]

    def count(self, node: int) -> str:
        return self.index(node, COUNT).data()

    def row_point(self, node: int):
        index = self.index(node)
        self.tree.scrollTo(index)
        return self.tree.visualRect(index).center()

    def click_row(self, node: int, modifiers=NONE) -> None:
        QTest.mouseClick(self.tree.viewport(), LEFT, modifiers, self.row_point(node))

    def key(self, key_: Qt.Key, modifiers=NONE) -> None:
        QTest.keyClick(self.tree, key_, modifiers)

    def drop_on(self, node: int, data: QMimeData) -> None:
        """What a drag from the tree does when let go over `node`'s row: enter, move, drop."""
        vp = self.tree.viewport()
        point = self.row_point(node)
        enter = QDragEnterEvent(point, MOVE, data, LEFT, NONE)
        QApplication.sendEvent(vp, enter)
        assert enter.isAccepted()
        over = QDragMoveEvent(point, MOVE, data, LEFT, NONE)
        QApplication.sendEvent(vp, over)
        drop = QDropEvent(QPointF(point), MOVE, data, LEFT, NONE)
        QApplication.sendEvent(vp, drop)

    def dragged(self) -> QMimeData:
        """The drag data the tree makes for its selected rows (as it does starting a drag)."""
        return self.model.mimeData(self.tree.selectionModel().selectedIndexes())

    # ----------------------------------------------------------------- the board
    def at(self, point: QPointF):
        return self.view.mapFromScene(point)

    def note_centre(self, name: str) -> QPointF:
        return self.scene.note_item(self.ids[name]).scene_rect().center()

    def title_point(self, name: str) -> QPointF:
        item = self.scene.cluster_item(self.ids[name])
        return item.pos() + QPointF(item.rect().width() / 2, 20)

    def board_drag(self, start: QPointF, end: QPointF) -> None:
        QTest.mousePress(self.view.viewport(), LEFT, NONE, self.at(start))
        for t in (0.25, 0.5, 0.75, 1.0):
            QTest.mouseMove(self.view.viewport(), self.at(start + (end - start) * t))
        QTest.mouseRelease(self.view.viewport(), LEFT, NONE, self.at(end))

    def board_click(self, point: QPointF) -> None:
        QTest.mouseClick(self.view.viewport(), LEFT, NONE, self.at(point))

    def drawn_inside(self, note: str, cluster: str) -> bool:
        frame = self.scene.cluster_item(self.ids[cluster]).scene_rect()
        return frame.contains(self.scene.note_item(self.ids[note]).scene_rect())

    def violations(self) -> list[str]:
        return drawn_violations(self.store, self.scene)


@pytest.fixture
def outline(qtbot, tmp_path, qtlog):
    path = tmp_path / "outline.samverkan"
    store, ids = build_store(path)
    o = Outline(qtbot, path, store, ids)
    # Qt's own model checker watches every signal the model sends during the test.
    tester = QAbstractItemModelTester(
        o.model, QAbstractItemModelTester.FailureReportingMode.Warning
    )
    yield o
    o.panel.set_board(None)
    o.doc.close()
    del tester
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []


def group_node(o: Outline, name: str) -> int:
    return key(GROUP, o.ids[name])


# ----------------------------------------------------------------------------- what it shows
def test_the_tree_lists_clusters_with_their_notes_then_the_unsorted_notes_by_group(outline):
    o = outline
    assert o.under(None) == ["Trygghet", "Samverkan", "Ej sorterade"]
    assert o.under(o.node("A")) == ["Belysning!", "Fler vuxna ute"]
    assert o.under(o.node("B")) == ["Mötesplatser"]
    assert o.under(o.node("C")) == ["Mötas i ögonhöjd"]
    assert o.under(UNSORTED_KEY) == ["Arbetsmarknad och inkludering grupp 1", "Klimat"]
    assert o.under(group_node(o, "g1")) == [f"Lös lapp {i}" for i in range(1, 5)]
    # Counts: a cluster counts what is nested in it; a group its notes without a cluster.
    assert [o.count(o.node(c)) for c in "ABC"] == ["2", "1", "1"]
    assert o.count(UNSORTED_KEY) == "4"
    assert o.count(group_node(o, "g1")) == "4" and o.count(group_node(o, "g2")) == "0"
    # A note's row shows its group's short label; its full text and group in the tooltip.
    assert o.index(o.node("a1"), COUNT).data() == "KL"
    tip = o.index(o.node("n1")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Lös lapp 1" in tip and "Arbetsmarknad och inkludering grupp 1" in tip
    # Screen readers hear what a row is.
    spoken = o.index(o.node("a1")).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Lapp: Belysning!, grupp Klimat"
    assert (
        o.index(o.node("A"))
        .data(Qt.ItemDataRole.AccessibleTextRole)
        .startswith("Kluster: Trygghet, 2")
    )
    assert o.tree.accessibleName() == "Disposition"


def test_note_text_is_plain_and_a_long_one_is_shortened_to_one_line(qtbot, tmp_path):
    path = tmp_path / "long.samverkan"
    store = Store.create(path, m.Workshop("W"))
    group = store.add_group("G").id
    long_text = "<b>Fet?</b>\nRad två " + "ord " * 200
    note = store.add_note(long_text, group_id=group, x=0.0, y=0.0).id
    doc = DocumentModel(store)
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_board(doc)
    shown = panel.model.index_of(key(NOTE, note)).data()
    assert shown.startswith("<b>Fet?</b> Rad två ord") and "\n" not in shown
    assert len(shown) <= 120 and shown.endswith("…")
    tip = panel.model.index_of(key(NOTE, note)).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Fet?&lt;/b&gt;" in tip  # shown as typed, not as bold
    panel.set_board(None)
    doc.close()


# ----------------------------------------------------------------------------- board -> outline
def test_a_note_dragged_into_a_frame_on_the_board_moves_under_that_cluster(outline):
    o = outline
    resets = o.model.resets
    o.board_drag(o.note_centre("n1"), QPointF(450, 250))  # into Trygghet's empty lower half
    assert o.store.note(o.ids["n1"]).cluster_id == o.ids["A"]
    # Rows are in the order the notes were written down (their ids).
    assert o.under(o.node("A")) == ["Lös lapp 1", "Belysning!", "Fler vuxna ute"]
    assert o.count(o.node("A")) == "3" and o.count(group_node(o, "g1")) == "3"

    o.doc.undo_stack.undo()  # Ctrl+Z shows in the outline too
    assert o.under(o.node("A")) == ["Belysning!", "Fler vuxna ute"]
    assert "Lös lapp 1" in o.under(group_node(o, "g1"))
    assert o.count(o.node("A")) == "2" and o.count(group_node(o, "g1")) == "4"
    o.doc.undo_stack.redo()
    assert "Lös lapp 1" in o.under(o.node("A"))
    assert o.model.resets == resets  # row by row, never the whole tree again


def test_a_cluster_renamed_on_the_board_is_renamed_in_the_outline(outline):
    o = outline
    o.board_click(o.title_point("A"))
    QTest.keyClick(o.view.viewport(), Qt.Key.Key_F2)
    for ch in "Säkerhet":
        QTest.sendKeyEvent(QTest.KeyAction.Click, o.view.viewport(), Qt.Key.Key_unknown, ch, NONE)
    QTest.keyClick(o.view.viewport(), Qt.Key.Key_Return)
    assert o.store.cluster(o.ids["A"]).name == "Säkerhet"
    assert o.under(None)[0] == "Säkerhet"
    o.doc.undo_stack.undo()
    assert o.under(None)[0] == "Trygghet"


def test_deleting_on_the_board_removes_the_rows_and_undo_brings_them_back(outline):
    o = outline
    resets = o.model.resets
    o.board_click(o.title_point("B"))
    QTest.keyClick(o.view.viewport(), Qt.Key.Key_Delete, SHIFT)  # the frame, not its content
    assert o.ids["B"] not in {c.id for c in o.store.clusters()}
    assert o.under(None) == ["Trygghet", "Mötesplatser", "Ej sorterade"]
    o.board_click(o.note_centre("a1"))
    QTest.keyClick(o.view.viewport(), Qt.Key.Key_Delete)
    assert o.under(o.node("A")) == ["Fler vuxna ute"] and o.count(o.node("A")) == "1"
    o.doc.undo_stack.undo()
    o.doc.undo_stack.undo()
    assert o.under(None) == ["Trygghet", "Samverkan", "Ej sorterade"]
    assert o.under(o.node("B")) == ["Mötesplatser"] and o.count(o.node("B")) == "1"
    assert o.under(o.node("A")) == ["Belysning!", "Fler vuxna ute"]
    assert o.model.resets == resets


def test_changes_keep_what_is_expanded_and_the_current_row(outline):
    o = outline
    o.tree.collapse(o.index(o.node("B")))
    o.tree.expand(o.index(group_node(o, "g1")))
    o.click_row(o.node("n3"))
    # Other notes move and a cluster is renamed, then undone and redone (not by selecting).
    o.doc.push(send_command(o.doc, [o.ids["n1"]], [], o.ids["C"]))
    o.doc.push(cmd.RenameClusterCommand(o.doc, o.ids["C"], "Platser"))
    o.doc.undo_stack.undo()
    o.doc.undo_stack.undo()
    o.doc.undo_stack.redo()
    assert o.under(o.node("C")) == ["Lös lapp 1", "Mötas i ögonhöjd"]
    assert not o.tree.isExpanded(o.index(o.node("B")))
    assert o.tree.isExpanded(o.index(group_node(o, "g1")))
    assert o.panel.current_node() == o.node("n3")
    # The note that moved keeps its row selected and current when the current row is it.
    o.click_row(o.node("n2"))
    o.board_drag(o.note_centre("n2"), QPointF(600, 300))
    assert o.store.note(o.ids["n2"]).cluster_id == o.ids["A"]
    assert o.panel.current_node() == o.node("n2")


def test_an_import_and_its_undo_show_at_once_keeping_expansion_and_current(outline, seed_path):
    from samverkan_desktop.core.importers import read_source
    from samverkan_desktop.ui.importing import ImportCommand

    o = outline
    o.tree.collapse(o.index(o.node("A")))
    o.click_row(o.node("n2"))
    resets = o.model.resets
    o.doc.push(ImportCommand.run(o.doc, read_source(seed_path), "Importera", merge=False))
    doc = o.doc
    top = sorted(c for c in doc.clusters if doc.cluster(c).parent_id is None)
    assert o.under(None) == [doc.cluster(c).name for c in top] + ["Ej sorterade"]
    assert len(o.under(UNSORTED_KEY)) == len(doc.groups) == 8
    loose = sum(1 for n in doc.notes.values() if n.cluster_id is None)
    assert o.count(UNSORTED_KEY) == str(loose) and loose > 4
    assert not o.tree.isExpanded(o.index(o.node("A")))
    assert o.panel.current_node() == o.node("n2")
    assert o.model.resets == resets  # 216 notes arrive row by row

    doc.undo_stack.undo()
    assert o.under(None) == ["Trygghet", "Samverkan", "Ej sorterade"]
    assert o.under(UNSORTED_KEY) == ["Arbetsmarknad och inkludering grupp 1", "Klimat"]
    assert o.count(UNSORTED_KEY) == "4"
    assert o.panel.current_node() == o.node("n2")


def test_a_very_large_change_is_one_reset_that_keeps_expansion_and_current(outline):
    from samverkan_desktop.core.importers.paste import parse_text
    from samverkan_desktop.ui.importing import import_parse_result

    o = outline
    o.tree.collapse(o.index(o.node("A")))
    o.click_row(o.node("n2"))
    resets = o.model.resets
    text = "\n".join(f"Inklistrad idé nummer {i}" for i in range(450))
    o.doc.push(import_parse_result(o.doc, parse_text(text), "Urklipp", "Klistra in"))
    assert o.model.resets == resets + 1  # 450 new rows: one reset, not 450 inserts
    assert o.count(UNSORTED_KEY) == "454"
    assert not o.tree.isExpanded(o.index(o.node("A")))
    assert o.tree.isExpanded(o.index(o.node("B")))
    assert o.panel.current_node() == o.node("n2")
    selected = [o.model.node_of(i) for i in o.tree.selectionModel().selectedRows()]
    assert selected == [o.node("n2")]


# ----------------------------------------------------------------------------- outline -> board
def test_notes_dropped_on_a_cluster_row_move_into_its_frame_in_one_undo_step(outline):
    o = outline
    o.click_row(o.node("n1"))
    o.click_row(o.node("n2"), CTRL)
    assert o.scene.selected_note_ids() == [o.ids["n1"], o.ids["n2"]]
    o.drop_on(o.node("A"), o.dragged())

    for name in ("n1", "n2"):
        assert o.store.note(o.ids[name]).cluster_id == o.ids["A"]  # the file
        assert o.drawn_inside(name, "A")  # the board
    assert o.violations() == []
    assert o.doc.undo_stack.count() == 1
    assert o.doc.undo_stack.undoText() == "Lägg 2 lappar i »Trygghet«"
    assert o.under(o.node("A")) == ["Lös lapp 1", "Lös lapp 2", "Belysning!", "Fler vuxna ute"]

    o.doc.undo_stack.undo()
    assert o.store.note(o.ids["n1"]).cluster_id is None
    assert not o.drawn_inside("n1", "A")
    assert o.store.note(o.ids["n1"]).x == 0.0 and o.store.note(o.ids["n1"]).y == 0.0
    assert o.violations() == []


def test_a_note_dropped_on_ej_sorterade_leaves_its_cluster(outline):
    o = outline
    o.click_row(o.node("c1"))
    o.drop_on(UNSORTED_KEY, o.dragged())
    assert o.store.note(o.ids["c1"]).cluster_id is None
    assert not o.drawn_inside("c1", "C") and not o.drawn_inside("c1", "B")
    assert o.violations() == []
    assert o.under(group_node(o, "g2")) == ["Mötas i ögonhöjd"]
    assert o.count(o.node("B")) == "0"
    assert o.doc.undo_stack.count() == 1
    o.doc.undo_stack.undo()
    assert o.store.note(o.ids["c1"]).cluster_id == o.ids["C"]
    assert o.drawn_inside("c1", "C")


def test_a_cluster_dropped_on_another_nests_inside_it(outline):
    o = outline
    o.click_row(o.node("A"))
    o.drop_on(o.node("B"), o.dragged())
    assert o.store.cluster(o.ids["A"]).parent_id == o.ids["B"]
    outer = o.scene.cluster_item(o.ids["B"]).scene_rect()
    assert outer.contains(o.scene.cluster_item(o.ids["A"]).scene_rect())
    assert o.drawn_inside("a1", "B") and o.drawn_inside("a1", "A")
    assert o.violations() == []
    assert o.under(o.node("B")) == ["Trygghet", "Mötesplatser"]
    assert o.under(None) == ["Samverkan", "Ej sorterade"]
    assert o.count(o.node("B")) == "3"
    assert o.doc.undo_stack.count() == 1
    assert o.doc.undo_stack.undoText() == "Lägg »Trygghet« i »Samverkan«"
    o.doc.undo_stack.undo()
    assert o.store.cluster(o.ids["A"]).parent_id is None
    assert o.under(None) == ["Trygghet", "Samverkan", "Ej sorterade"]
    # A nested cluster dropped on "Ej sorterade" comes out onto the board.
    o.click_row(o.node("C"))
    o.drop_on(UNSORTED_KEY, o.dragged())
    assert o.store.cluster(o.ids["C"]).parent_id is None
    assert (
        not o.scene.cluster_item(o.ids["B"])
        .scene_rect()
        .intersects(o.scene.cluster_item(o.ids["C"]).scene_rect())
    )
    assert o.violations() == []
    assert o.under(None) == ["Trygghet", "Samverkan", "Mötesplatser", "Ej sorterade"]


def test_a_cluster_cannot_be_dropped_into_itself_or_what_it_holds(outline):
    o = outline
    o.click_row(o.node("B"))
    data = o.dragged()
    assert not o.model.canDropMimeData(data, MOVE, -1, 0, o.index(o.node("C")))
    assert not o.model.canDropMimeData(data, MOVE, -1, 0, o.index(o.node("c1")))
    o.drop_on(o.node("C"), data)
    assert o.store.cluster(o.ids["B"]).parent_id is None
    assert o.doc.undo_stack.count() == 0


def test_ctrl_x_then_ctrl_v_on_a_cluster_row_moves_the_notes(outline):
    o = outline
    o.click_row(o.node("n3"))
    o.key(Qt.Key.Key_X, CTRL)
    assert o.store.note(o.ids["n3"]).cluster_id is None  # cutting changes nothing
    o.click_row(o.node("C"))
    o.key(Qt.Key.Key_V, CTRL)
    assert o.store.note(o.ids["n3"]).cluster_id == o.ids["C"]
    assert o.drawn_inside("n3", "C")
    assert o.violations() == []
    assert o.under(o.node("C")) == ["Lös lapp 3", "Mötas i ögonhöjd"]
    assert o.panel.current_node() == o.node("n3")  # the outline follows the note
    assert o.doc.undo_stack.count() == 1
    # A second Ctrl+V has nothing cut: it moves nothing.
    o.key(Qt.Key.Key_V, CTRL)
    assert o.doc.undo_stack.count() == 1
    o.doc.undo_stack.undo()
    assert o.store.note(o.ids["n3"]).cluster_id is None


def test_ctrl_x_on_a_clustered_note_and_ctrl_v_on_a_group_takes_it_out(outline):
    o = outline
    o.click_row(o.node("a2"))
    o.key(Qt.Key.Key_X, CTRL)
    o.tree.expand(o.index(UNSORTED_KEY))
    o.click_row(group_node(o, "g2"))
    o.key(Qt.Key.Key_V, CTRL)
    assert o.store.note(o.ids["a2"]).cluster_id is None
    assert not o.drawn_inside("a2", "A")
    assert o.violations() == []
    assert o.doc.undo_stack.count() == 1


def test_the_right_click_menu_cuts_pastes_and_renames(outline):
    o = outline
    texts = [a.text() for a in o.tree.actions()]
    assert texts == ["Klipp ut", "Klistra in här", "Byt namn på kluster", "Flytta till kluster…"]
    o.click_row(o.node("n4"))
    o.panel.cut_action.trigger()
    o.click_row(o.node("A"))
    o.panel.paste_action.trigger()
    assert o.store.note(o.ids["n4"]).cluster_id == o.ids["A"]
    assert o.drawn_inside("n4", "A")
    o.click_row(o.node("A"))
    o.panel.rename_action.trigger()
    assert o.tree.state() == o.tree.State.EditingState


def test_escape_forgets_what_was_cut(outline):
    o = outline
    o.click_row(o.node("n3"))
    o.key(Qt.Key.Key_X, CTRL)
    o.key(Qt.Key.Key_Escape)
    o.click_row(o.node("A"))
    o.key(Qt.Key.Key_V, CTRL)
    assert o.store.note(o.ids["n3"]).cluster_id is None
    assert o.doc.undo_stack.count() == 0


def test_f2_in_the_outline_renames_the_cluster_there_not_on_the_board(outline, type_text):
    o = outline
    o.click_row(o.node("C"))
    o.key(Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not o.tree and o.tree.isAncestorOf(editor)  # the tree's own editor
    assert o.scene.active_editor() is None  # not the board's
    editor.selectAll()
    type_text(editor, "Mötesplatser för alla")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # The view commits a moment later (Qt queues it), as for a user.
    o.qtbot.waitUntil(lambda: o.doc.undo_stack.count() == 1)
    assert o.store.cluster(o.ids["C"]).name == "Mötesplatser för alla"
    assert o.under(o.node("B")) == ["Mötesplatser för alla"]
    assert o.doc.undo_stack.count() == 1
    o.doc.undo_stack.undo()
    assert o.store.cluster(o.ids["C"]).name == "Mötesplatser"
    assert o.under(o.node("B")) == ["Mötesplatser"]


def test_double_click_on_a_cluster_row_renames_and_escape_keeps_the_name(outline, type_text):
    o = outline
    point = o.row_point(o.node("A"))
    QTest.mouseClick(o.tree.viewport(), LEFT, NONE, point)
    QTest.mouseDClick(o.tree.viewport(), LEFT, NONE, point)
    editor = QApplication.focusWidget()
    assert o.tree.isAncestorOf(editor)
    type_text(editor, "Något annat")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    o.qtbot.waitUntil(lambda: o.tree.state() != o.tree.State.EditingState)
    assert o.store.cluster(o.ids["A"]).name == "Trygghet"
    assert o.doc.undo_stack.count() == 0


def test_ctrl_shift_m_moves_the_outlines_selection_to_a_cluster_chosen_by_typing(
    outline, when_dialog, type_text
):
    from samverkan_desktop.ui.dialogs.move_to_cluster import MoveToClusterDialog

    o = outline
    o.click_row(o.node("n1"))
    o.click_row(o.node("n2"), CTRL)

    def drive(dialog) -> None:
        type_text(dialog.filter, "motes")  # "Mötesplatser", typed without the dots
        QTest.keyClick(dialog.filter, Qt.Key.Key_Return)

    seen = when_dialog(MoveToClusterDialog, drive)
    o.key(Qt.Key.Key_M, CTRL | SHIFT)
    assert len(seen) == 1
    for name in ("n1", "n2"):
        assert o.store.note(o.ids[name]).cluster_id == o.ids["C"]
        assert o.drawn_inside(name, "C")
    assert o.violations() == []
    assert o.under(o.node("C")) == ["Lös lapp 1", "Lös lapp 2", "Mötas i ögonhöjd"]
    assert o.doc.undo_stack.count() == 1


# ----------------------------------------------------------------------------- selection
def test_selecting_in_the_outline_selects_on_the_board_and_brings_it_into_view(outline):
    o = outline
    o.view.centerOn(QPointF(-3000, -3000))  # far from everything
    o.click_row(o.node("c1"))
    assert o.scene.selected_note_ids() == [o.ids["c1"]]
    seen = o.view.mapToScene(o.view.viewport().rect()).boundingRect()
    assert seen.contains(o.scene.note_item(o.ids["c1"]).scene_rect())

    o.click_row(o.node("A"))
    assert o.scene.selected_cluster_ids() == [o.ids["A"]]
    assert o.scene.selected_note_ids() == []
    o.click_row(o.node("n4"), CTRL)
    assert o.scene.selected_note_ids() == [o.ids["n4"]]
    assert o.scene.selected_cluster_ids() == [o.ids["A"]]


def test_selecting_on_the_board_selects_and_unfolds_in_the_outline(outline):
    o = outline
    o.tree.collapse(o.index(o.node("B")))
    o.tree.collapse(o.index(o.node("C")))
    o.board_click(o.note_centre("c1"))
    assert o.scene.selected_note_ids() == [o.ids["c1"]]
    assert o.panel.current_node() == o.node("c1")
    selected = [o.model.node_of(i) for i in o.tree.selectionModel().selectedRows()]
    assert selected == [o.node("c1")]
    assert o.tree.isExpanded(o.index(o.node("B"))) and o.tree.isExpanded(o.index(o.node("C")))

    o.board_click(o.title_point("A"))
    assert [o.model.node_of(i) for i in o.tree.selectionModel().selectedRows()] == [o.node("A")]
    o.board_click(QPointF(200, 850))  # the empty board
    assert o.tree.selectionModel().selectedRows() == []


# ----------------------------------------------------------------------------- many notes
def _many(path, notes: int, clusters: int) -> Store:
    store = Store.create(path, m.Workshop("Stor"))
    with store.transaction():
        groups = [store.add_group(f"Grupp {g + 1}").id for g in range(10)]
        frames = []
        for c in range(clusters):
            frames.append(
                store.add_cluster(
                    f"Kluster {c + 1}",
                    x=5000.0 + (c % 10) * 2000,
                    y=(c // 10) * 4000.0,
                    width=1900.0,
                    height=3900.0,
                ).id
            )
        for i in range(notes):
            home = frames[i % clusters] if i % 2 else None
            store.add_note(
                f"Lapp {i}",
                group_id=groups[i % 10],
                x=(i % 20) * 200.0,
                y=(i // 20) * 160.0,
                cluster_id=home,
            )
    return store


def test_at_2000_notes_one_move_changes_one_row_and_never_rebuilds(qtbot, tmp_path):
    doc = DocumentModel(_many(tmp_path / "many.samverkan", 2000, 20))
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show()  # a hidden outline follows nothing (see the next test)
    panel.set_board(doc)
    model = panel.model
    signals = {"reset": 0, "moved": 0, "inserted": 0, "removed": 0}
    model.modelReset.connect(lambda: signals.__setitem__("reset", signals["reset"] + 1))
    model.rowsMoved.connect(lambda *a: signals.__setitem__("moved", signals["moved"] + 1))
    model.rowsInserted.connect(lambda *a: signals.__setitem__("inserted", signals["inserted"] + 1))
    model.rowsRemoved.connect(lambda *a: signals.__setitem__("removed", signals["removed"] + 1))
    loose = min(n for n, note in doc.notes.items() if note.cluster_id is None)
    target = max(doc.clusters)

    started = time.perf_counter()
    assert doc.push(send_command(doc, [loose], [], target))
    took = time.perf_counter() - started
    assert signals == {"reset": 0, "moved": 1, "inserted": 0, "removed": 0}
    assert model.parent_node(key(NOTE, loose)) == key(CLUSTER, target)
    assert model.count(key(CLUSTER, target)) == len(doc.subtree_notes(target))
    doc.undo_stack.undo()
    assert signals["reset"] == 0 and signals["moved"] == 2
    assert model.parent_node(key(NOTE, loose)) == key(GROUP, doc.note(loose).group_id)
    assert took < 2.0, f"one move took {took:.2f} s"
    panel.set_board(None)
    doc.close()


def test_a_hidden_outline_follows_nothing_and_is_right_once_shown(qtbot, tmp_path):
    doc = DocumentModel(_many(tmp_path / "many.samverkan", 400, 10))
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_board(doc)  # hidden, as in the window until Visa › Disposition
    model = panel.model
    signals = {"reset": 0, "moved": 0}
    model.modelReset.connect(lambda: signals.__setitem__("reset", signals["reset"] + 1))
    model.rowsMoved.connect(lambda *a: signals.__setitem__("moved", signals["moved"] + 1))
    loose = sorted(n for n, note in doc.notes.items() if note.cluster_id is None)[:5]
    target = max(doc.clusters)
    assert doc.push(send_command(doc, loose, [], target))
    assert signals == {"reset": 0, "moved": 0}  # no row moved in a tree nobody sees
    assert model.parent_node(key(NOTE, loose[0])) != key(CLUSTER, target)

    panel.show()
    qtbot.waitExposed(panel)
    assert signals["reset"] == 1  # built once, from the document as it is now
    assert {model.parent_node(key(NOTE, n)) for n in loose} == {key(CLUSTER, target)}
    assert model.count(key(CLUSTER, target)) == len(doc.subtree_notes(target))
    doc.undo_stack.undo()  # shown: one row at a time again
    assert signals == {"reset": 1, "moved": 5}
    assert model.parent_node(key(NOTE, loose[0])) == key(GROUP, doc.note(loose[0]).group_id)
    panel.set_board(None)
    doc.close()


# ----------------------------------------------------------------------------- in the window
def test_visa_disposition_opens_the_dock_on_the_sample_with_ctrl_shift_l(qtbot, seed_window):
    window = seed_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    action = window.outline_dock.toggleViewAction()
    assert action in window.view_menu.actions()
    assert action.text() == "Disposition"
    assert not window.outline_dock.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(window.outline_dock.isVisible)
    panel = window.outline_panel
    doc = window.doc
    names = [panel.model.index(r, NAME).data() for r in range(panel.model.rowCount())]
    top = sorted(c for c in doc.clusters if doc.cluster(c).parent_id is None)
    assert names == [doc.cluster(c).name for c in top] + ["Ej sorterade"]
    assert panel.tree.hasFocus()  # from the keyboard, straight into the tree
    # The panel follows the window's workshop: closing it empties the tree.
    window.close_document()
    assert panel.model.rowCount() == 0
