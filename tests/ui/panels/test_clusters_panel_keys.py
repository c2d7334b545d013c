"""In the window, F2 on the clusters list renames the cluster in the list (the board's
window-wide F2 does not take the key while the list has the focus), as one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit


def test_f2_in_the_clusters_list_renames_the_cluster_there(qtbot, seed_window):
    window = seed_window
    panel = window.clusters_panel
    panel.parentWidget().show()
    tree = panel.tree
    item = tree.topLevelItem(0)
    cluster_id = next(cid for cid, it in panel._items.items() if it is item)
    before = window.doc.store.cluster(cluster_id).name
    tree.setCurrentItem(item)
    tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert tree.state() == QAbstractItemView.State.EditingState  # edited in the list
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Nytt namn")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the list commits on its next turn
    qtbot.waitUntil(lambda: window.doc.store.cluster(cluster_id).name == "Nytt namn")
    assert item.text(0).startswith("Nytt namn")
    window.doc.undo_stack.undo()  # one undo step, as a rename on the board
    assert window.doc.store.cluster(cluster_id).name == before
