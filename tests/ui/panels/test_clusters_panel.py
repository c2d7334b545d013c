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


def test_counts_follow_membership_changes_and_undo(panel, doc, followed):
    target = next(c for c in doc.clusters.values() if c.name == "Mötesplatser")
    loose = [n.id for n in doc.notes.values() if n.cluster_id is None][:3]
    doc.push(SetMembershipCommand(doc, {i: target.id for i in loose}))
    followed()
    assert panel.item_for(target.id).text(COUNT) == "7"
    doc.undo_stack.undo()
    followed()
    assert panel.item_for(target.id).text(COUNT) == "4"


def test_nesting_shows_as_children_with_totals(panel, doc, followed):
    parent = next(c for c in doc.clusters.values() if c.name == "Samverkan")
    child = next(c for c in doc.clusters.values() if c.name == "Mötesplatser")
    doc.push(SetParentCommand(doc, child.id, parent.id))
    followed()
    parent_item = panel.item_for(parent.id)
    assert [parent_item.child(i).text(NAME) for i in range(parent_item.childCount())] == [
        "Mötesplatser"
    ]
    assert parent_item.text(COUNT) == "16"  # 12 of its own and 4 in Mötesplatser
    assert "Mötesplatser" not in [name for name, _ in rows(panel)]
    doc.undo_stack.undo()
    followed()
    assert ("Mötesplatser", 4) in rows(panel)


def test_renaming_in_the_list_is_one_undoable_command(qtbot, panel, doc, followed):
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
    followed()
    assert panel.item_for(cluster.id).text(NAME) == "Blandat"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    followed()
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


def test_a_facilitators_cluster_shows_the_colour_of_the_group_its_notes_came_from(
    panel, doc, followed
):
    from PySide6.QtGui import QColor

    from samverkan_desktop.core.board import gestures
    from samverkan_desktop.ui.board import palette
    from samverkan_desktop.ui.commands import GroupAsClusterCommand

    first = min(doc.groups.values(), key=lambda g: g.position)
    notes = [n.id for n in doc.notes.values() if n.group_id == first.id][:3]
    command = GroupAsClusterCommand(doc, *gestures.group(doc.board, notes), name="Språkstöd")
    doc.push(command)
    followed()
    image = panel.item_for(command.cluster_id).icon(NAME).pixmap(14, 14).toImage()
    middle = QColor(image.pixel(image.width() // 2, image.height() * 2 // 3))
    assert middle.name() == palette.note_fill(doc.group_index(first.id)).darker(108).name()


# ----------------------------------------------------------------- following changes row by row
def changed_rows(panel):
    """The clusters whose rows the model says changed, collected until the test looks."""
    seen: set[int] = set()

    def note(top_left, bottom_right, _roles=()):
        for row in range(top_left.row(), bottom_right.row() + 1):
            seen.add(top_left.sibling(row, NAME).data(Qt.ItemDataRole.UserRole))

    panel.tree.model().dataChanged.connect(note)
    return seen


@pytest.fixture
def short_panel(panel, doc, followed):
    """The list too short for its rows, scrolled half-way, one row current, one nest collapsed."""
    parent = next(c for c in doc.clusters.values() if c.name == "Samverkan")
    child = next(c for c in doc.clusters.values() if c.name == "Mötesplatser")
    doc.push(SetParentCommand(doc, child.id, parent.id))
    followed()
    panel.resize(300, 150)
    panel.item_for(parent.id).setExpanded(False)
    current = max(doc.clusters)
    panel.tree.setCurrentItem(panel.item_for(current))
    bar = panel.tree.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    return panel, parent.id, current


def view_state(panel, parent_id):
    return (
        panel.tree.currentItem().data(NAME, Qt.ItemDataRole.UserRole),
        panel.item_for(parent_id).isExpanded(),
        panel.tree.verticalScrollBar().value(),
    )


def test_a_rename_changes_only_that_row_and_keeps_where_the_list_is(short_panel, doc, followed):
    panel, parent_id, _current = short_panel
    before = view_state(panel, parent_id)
    target = next(c for c in doc.clusters.values() if c.name == "Trygghet")
    others = {cid: panel.item_for(cid).text(NAME) for cid in doc.clusters if cid != target.id}
    same_item = panel.item_for(target.id)
    changed = changed_rows(panel)

    doc.push(RenameClusterCommand(doc, target.id, "Trygga platser"))
    followed()

    assert changed == {target.id}
    assert panel.item_for(target.id) is same_item  # the row itself, not a new list
    assert same_item.text(NAME) == "Trygga platser"
    assert {cid: panel.item_for(cid).text(NAME) for cid in others} == others
    assert view_state(panel, parent_id) == before

    doc.undo_stack.undo()
    followed()
    assert same_item.text(NAME) == "Trygghet"
    assert view_state(panel, parent_id) == before


def test_nesting_moves_one_row_and_keeps_where_the_list_is(short_panel, doc, followed):
    panel, parent_id, _current = short_panel
    before = view_state(panel, parent_id)
    moved = next(c for c in doc.clusters.values() if c.name == "Trygghet")
    item = panel.item_for(moved.id)
    count = int(panel.item_for(parent_id).text(COUNT))

    doc.push(SetParentCommand(doc, moved.id, parent_id))
    followed()

    assert panel.item_for(moved.id) is item
    assert item.parent() is panel.item_for(parent_id)
    children = [item.parent().child(i) for i in range(item.parent().childCount())]
    ids = [c.data(NAME, Qt.ItemDataRole.UserRole) for c in children]
    assert ids == sorted(ids)  # in id order among its new siblings, as a fresh list has them
    assert int(panel.item_for(parent_id).text(COUNT)) == count + len(doc.members(moved.id))
    assert view_state(panel, parent_id) == before

    doc.undo_stack.undo()
    followed()
    assert item.parent() is None
    assert int(panel.item_for(parent_id).text(COUNT)) == count
    assert ("Trygghet", len(doc.members(moved.id))) in rows(panel)
    assert view_state(panel, parent_id) == before


def test_moving_a_note_on_the_board_changes_no_row(panel, doc, followed):
    from samverkan_desktop.ui.commands import MoveCommand

    note = next(n for n in doc.notes.values() if n.cluster_id is not None)
    changed = changed_rows(panel)
    doc.push(MoveCommand(doc, notes={note.id: (note.x + 5, note.y)}))
    followed()
    assert doc.note(note.id).x == note.x + 5
    assert changed == set()


def test_a_note_added_or_deleted_updates_the_counts(qtbot, panel, doc, followed):
    from samverkan_desktop.core import model as m
    from samverkan_desktop.core.board import gestures
    from samverkan_desktop.ui.commands import AddNoteCommand, DeleteNotesCommand
    from samverkan_desktop.ui.panels.progress import ProgressIndicator
    from samverkan_desktop.ui.panels.search_panel import SearchPanel

    progress, search = ProgressIndicator(), SearchPanel()
    for widget in (progress, search):
        qtbot.addWidget(widget)
        widget.set_document(doc)
    cluster = next(c for c in doc.clusters.values() if c.name == "Mötesplatser")
    group = min(doc.groups.values(), key=lambda g: g.position)
    group_row = search.groups.topLevelItem(0)
    clustered, total = progress.counts()
    in_group = int(group_row.text(1))
    changed = changed_rows(panel)

    text = "Lekplats vid skolan"
    height = doc.note_height(m.Note(0, text))
    draft, new = gestures.add_note(doc.board, cluster.x + 20, cluster.y + 40, height, cluster.id)
    add = AddNoteCommand(doc, text, group.id, draft, new)
    doc.push(add)
    followed()
    assert panel.item_for(cluster.id).text(COUNT) == "5"
    assert changed == {cluster.id}
    assert progress.label.text() == f"{clustered + 1} av {total + 1} lappar klustrade"
    assert group_row.text(1) == str(in_group + 1)

    doc.push(DeleteNotesCommand(doc, [add.note_id, *sorted(doc.members(cluster.id))[:2]]))
    followed()
    assert panel.item_for(cluster.id).text(COUNT) == "2"
    assert progress.label.text() == f"{clustered - 2} av {total - 2} lappar klustrade"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    followed()
    assert panel.item_for(cluster.id).text(COUNT) == "4"
    assert progress.counts() == (clustered, total)
    assert group_row.text(1) == str(in_group)


def test_a_new_and_a_deleted_cluster_come_and_go_as_single_rows(short_panel, doc, followed):
    from samverkan_desktop.core.board import gestures
    from samverkan_desktop.ui.commands import DeleteClusterCommand, GroupAsClusterCommand

    panel, parent_id, current = short_panel
    before = view_state(panel, parent_id)
    loose = [n.id for n in doc.notes.values() if n.cluster_id is None][:3]
    make = GroupAsClusterCommand(doc, *gestures.group(doc.board, loose), name="Nytt tema")
    doc.push(make)
    followed()
    assert ("Nytt tema", 3) in rows(panel)
    assert view_state(panel, parent_id) == before
    doc.push(DeleteClusterCommand(doc, make.cluster_id))
    followed()
    assert panel.item_for(make.cluster_id) is None
    assert "Nytt tema" not in [name for name, _ in rows(panel)]
    assert view_state(panel, parent_id) == before
    doc.undo_stack.undo()
    followed()
    assert ("Nytt tema", 3) in rows(panel)
    # After every step the list is what a fresh one would show.
    fresh = ClustersPanel()
    fresh.set_document(doc)
    assert rows(fresh) == rows(panel)
    fresh.set_document(None)
    fresh.deleteLater()
    assert current in doc.clusters


def test_a_cluster_made_on_the_board_becomes_current_in_the_list_and_is_shown(
    qtbot, short_panel, doc
):
    from samverkan_desktop.core.board import gestures
    from samverkan_desktop.ui.commands import GroupAsClusterCommand

    panel, _parent_id, _current = short_panel
    panel.tree.scrollToTop()
    loose = [n.id for n in doc.notes.values() if n.cluster_id is None][:3]
    make = GroupAsClusterCommand(doc, *gestures.group(doc.board, loose), name="Nytt tema")
    doc.push(make)
    panel.select_cluster(make.cluster_id)  # as the window does when Ctrl+G made one
    # On the event loop's next turn, after the board has drawn the new frame.
    qtbot.waitUntil(lambda: panel.tree.currentItem() is panel.item_for(make.cluster_id))
    row = panel.tree.visualItemRect(panel.item_for(make.cluster_id))
    assert panel.tree.viewport().rect().contains(row)


def test_the_counts_column_fits_its_widest_count_as_counts_shrink_and_grow(
    qtbot, panel, doc, followed
):
    # The panel sizes the column itself (not on every count): it must still fit the widest.
    # Without its title the column is as wide as its counts alone.
    tree, header = panel.tree, panel.tree.header()
    tree.setHeaderHidden(True)
    header.setMinimumSectionSize(1)

    def fits() -> bool:
        return header.sectionSize(COUNT) == tree.sizeHintForColumn(COUNT)

    panel._fit_counts()
    two_digits = header.sectionSize(COUNT)
    assert fits()
    big = [c.id for c in doc.clusters.values() if len(doc.subtree_notes(c.id)) >= 10]
    assert big
    doc.push(SetMembershipCommand(doc, {n: None for c in big for n in doc.members(c)}))
    followed()
    assert max(int(panel.item_for(c).text(COUNT)) for c in doc.clusters) < 10
    qtbot.waitUntil(lambda: header.sectionSize(COUNT) < two_digits)  # one digit: narrower
    assert fits()
    doc.undo_stack.undo()
    followed()
    assert panel.item_for(big[0]).text(COUNT) == str(len(doc.members(big[0])))
    qtbot.waitUntil(lambda: header.sectionSize(COUNT) == two_digits)
    assert fits()


def test_changes_heard_in_one_turn_are_followed_in_their_order(panel, doc, followed):
    """A cluster deleted and its deletion undone before the list's turn comes: the list
    follows both, in order, and ends as a fresh list of the document."""
    from samverkan_desktop.ui.commands import DeleteClusterCommand

    cluster = next(c for c in doc.clusters.values() if c.name == "Trygghet")
    before = rows(panel)
    doc.push(DeleteClusterCommand(doc, cluster.id))
    doc.undo_stack.undo()
    doc.push(RenameClusterCommand(doc, cluster.id, "Trygga platser"))
    assert rows(panel) == before  # (not followed yet)
    followed()
    fresh = ClustersPanel()
    fresh.set_document(doc)
    assert rows(panel) == rows(fresh)
    assert ("Trygga platser", len(doc.members(cluster.id))) in rows(panel)
    fresh.set_document(None)
    fresh.deleteLater()
