"""The clusters list beside the board: what it lists, and renaming there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.commands import (
    RenameClusterCommand,
    SetMembershipCommand,
    SetParentCommand,
)
from samverkan_desktop.ui.document import DocumentModel
from samverkan_desktop.ui.panels.clusters_panel import COUNT, NAME, ClustersPanel


@pytest.fixture
def panel(qtbot, doc):
    widget = ClustersPanel()
    qtbot.addWidget(widget)
    widget.set_document(doc)
    widget.resize(300, 500)
    widget.show()
    return widget


def rows(panel):
    tree = panel.tree
    return [
        (tree.topLevelItem(i).text(NAME), int(tree.topLevelItem(i).text(COUNT)))
        for i in range(tree.topLevelItemCount())
    ]


def test_lists_every_cluster_with_its_note_count(panel, doc):
    expected = [(c.name, len(doc.members(c.id))) for c in doc.clusters.values()]
    assert sorted(rows(panel)) == sorted(expected)
    assert ("Mötesplatser", 4) in rows(panel)
    assert len(rows(panel)) == 16


def test_counts_follow_membership_changes_and_undo(panel, doc):
    target = next(c for c in doc.clusters.values() if c.name == "Mötesplatser")
    loose = [n.id for n in doc.notes.values() if n.cluster_id is None][:3]
    doc.push(SetMembershipCommand(doc, {i: target.id for i in loose}))
    assert panel.item_for(target.id).text(COUNT) == "7"
    doc.undo_stack.undo()
    assert panel.item_for(target.id).text(COUNT) == "4"


def test_nesting_shows_as_children_with_totals(panel, doc):
    parent = next(c for c in doc.clusters.values() if c.name == "Samverkan")
    child = next(c for c in doc.clusters.values() if c.name == "Mötesplatser")
    doc.push(SetParentCommand(doc, child.id, parent.id))
    parent_item = panel.item_for(parent.id)
    assert [parent_item.child(i).text(NAME) for i in range(parent_item.childCount())] == [
        "Mötesplatser"
    ]
    assert parent_item.text(COUNT) == "16"  # 12 of its own and 4 in Mötesplatser
    assert "Mötesplatser" not in [name for name, _ in rows(panel)]
    doc.undo_stack.undo()
    assert ("Mötesplatser", 4) in rows(panel)


def test_renaming_in_the_list_is_one_undoable_command(qtbot, panel, doc):
    cluster = next(c for c in doc.clusters.values() if c.name == "Övrigt")
    item = panel.item_for(cluster.id)
    panel.renameRequested.connect(lambda cid, name: doc.push(RenameClusterCommand(doc, cid, name)))
    panel.tree.setCurrentItem(item)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = panel.tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "Övrigt"
    editor.selectAll()
    qtbot.keyClicks(editor, "Blandat")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on the next event loop turn

    qtbot.waitUntil(lambda: doc.store.cluster(cluster.id).name == "Blandat")
    assert panel.item_for(cluster.id).text(NAME) == "Blandat"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert panel.item_for(cluster.id).text(NAME) == "Övrigt"


def test_click_asks_to_go_to_the_cluster(qtbot, panel, doc):
    cluster = next(c for c in doc.clusters.values() if c.name == "Trygghet")
    item = panel.item_for(cluster.id)
    rect = panel.tree.visualItemRect(item)
    with qtbot.waitSignal(panel.clusterActivated) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [cluster.id]


def test_an_empty_workshop_says_how_to_make_a_cluster(qtbot, tmp_path):
    model = DocumentModel(Store.create(tmp_path / "tom.samverkan"))
    widget = ClustersPanel()
    qtbot.addWidget(widget)
    widget.set_document(model)
    widget.show()
    assert widget.empty.isVisible()
    assert "Ctrl+G" in widget.empty.text()
    model.close()


def test_a_facilitators_cluster_shows_the_colour_of_the_group_its_notes_came_from(panel, doc):
    from PySide6.QtGui import QColor

    from samverkan_desktop.ui.board import palette
    from samverkan_desktop.ui.commands import GroupAsClusterCommand

    first = min(doc.groups.values(), key=lambda g: g.position)
    notes = [n.id for n in doc.notes.values() if n.group_id == first.id][:3]
    command = GroupAsClusterCommand(doc, notes, name="Språkstöd")
    doc.push(command)
    image = panel.item_for(command.cluster_id).icon(NAME).pixmap(14, 14).toImage()
    middle = QColor(image.pixel(image.width() // 2, image.height() * 2 // 3))
    assert middle.name() == palette.note_fill(doc.group_index(first.id)).darker(108).name()
