"""The clusters as a list beside the board: nesting, note counts, click to go there, rename.

The panel only shows the document and reports gestures: a click asks the window to centre the
board on a cluster, an edited name asks for the same undoable rename the board uses. It follows
the model's signals, so a change made anywhere shows up here.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import icons, plaintext
from ..document import DocumentModel

ID_ROLE = Qt.ItemDataRole.UserRole
NAME, COUNT = 0, 1


class ClustersPanel(QWidget):
    clusterActivated = Signal(int)
    renameRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DocumentModel | None = None
        self._items: dict[int, QTreeWidgetItem] = {}
        self._shape: dict[int, int | None] = {}

        self.tree = QTreeWidget()
        self.tree.setObjectName("clustersTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Kluster"), self.tr("Lappar")])
        self.tree.setUniformRowHeights(True)
        self.tree.setIconSize(QSize(14, 14))
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.headerItem().setTextAlignment(COUNT, Qt.AlignmentFlag.AlignRight)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_clicked)
        self.tree.itemChanged.connect(self._on_item_changed)

        group_keys = QKeySequence("Ctrl+G").toString(QKeySequence.SequenceFormat.NativeText)
        self.empty = QLabel(
            self.tr("Inga kluster ännu.\nMarkera lappar på tavlan och tryck {keys}.").format(
                keys=group_keys
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        self.empty.hide()

    # ----------------------------------------------------------------- document
    def set_document(self, doc: DocumentModel | None) -> None:
        if self._doc is not None:
            for signal in self._signals(self._doc):
                signal.disconnect(self._refresh)
        self._doc = doc
        if doc is not None:
            for signal in self._signals(doc):
                signal.connect(self._refresh)
        self._rebuild()

    @staticmethod
    def _signals(doc: DocumentModel) -> tuple:
        return (doc.clustersChanged, doc.clustersRemoved, doc.notesChanged, doc.notesRemoved)

    def item_for(self, cluster_id: int) -> QTreeWidgetItem | None:
        return self._items.get(cluster_id)

    def select_cluster(self, cluster_id: int) -> None:
        item = self._items.get(cluster_id)
        if item is not None:
            with QSignalBlocker(self.tree):
                self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    # ----------------------------------------------------------------- showing
    def _refresh(self, _ids: object = None) -> None:
        doc = self._doc
        shape = {c.id: c.parent_id for c in doc.clusters.values()} if doc else {}
        if shape != self._shape:
            self._rebuild()
            return
        with QSignalBlocker(self.tree):
            for cluster_id, item in self._items.items():
                self._fill(item, cluster_id)

    def _rebuild(self) -> None:
        doc = self._doc
        current = self._current_id()
        collapsed = {cid for cid, item in self._items.items() if not item.isExpanded()}
        with QSignalBlocker(self.tree):
            self.tree.clear()
            self._items = {}
            self._shape = {c.id: c.parent_id for c in doc.clusters.values()} if doc else {}
            if doc is not None:
                for cluster_id in sorted(doc.children(None)):
                    self._add(None, cluster_id)
            for cluster_id, item in self._items.items():
                item.setExpanded(cluster_id not in collapsed)
            # The expand arrows' column is only worth its width when something is nested.
            self.tree.setRootIsDecorated(any(p is not None for p in self._shape.values()))
            if current in self._items:
                self.tree.setCurrentItem(self._items[current])
        has_clusters = bool(self._items)
        self.tree.setVisible(has_clusters or doc is None)
        self.empty.setVisible(not has_clusters and doc is not None)

    def _add(self, parent: QTreeWidgetItem | None, cluster_id: int) -> None:
        """The cluster and everything nested in it, without recursion (a file made elsewhere
        can nest deeper than Python's stack)."""
        assert self._doc is not None
        pending = [(parent, cluster_id)]
        while pending:
            above, current = pending.pop()
            if current in self._items:  # a parent cycle would otherwise go on for ever
                continue
            item = QTreeWidgetItem()
            item.setData(NAME, ID_ROLE, current)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setTextAlignment(
                COUNT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            if above is None:
                self.tree.addTopLevelItem(item)
            else:
                above.addChild(item)
            self._items[current] = item
            self._fill(item, current)
            # Reversed onto the stack, so children are added in id order.
            pending.extend((item, child) for child in sorted(self._doc.children(current))[::-1])

    def _fill(self, item: QTreeWidgetItem, cluster_id: int) -> None:
        doc = self._doc
        assert doc is not None
        cluster = doc.cluster(cluster_id)
        own = len(doc.members(cluster_id))
        total = len(doc.subtree_notes(cluster_id))
        name = cluster.name or self.tr("(namnlöst)")
        item.setText(NAME, name)
        item.setText(COUNT, str(total))
        group = doc.group_index(cluster.group_id)
        if group is None:
            item.setIcon(NAME, icons.cluster_swatch(self._main_groups(cluster_id)))
        else:
            item.setIcon(NAME, icons.group_swatch(group))
        tip = self.tr("%n lappar", "", total)
        if total != own:
            tip += self.tr(" (%n direkt i klustret)", "", own)
        if cluster.group_id is not None and cluster.group_id in doc.groups:
            tip += "\n" + self.tr("Gruppens eget kluster: {group}").format(
                group=doc.group(cluster.group_id).name
            )
        item.setToolTip(NAME, plaintext.tooltip(f"{name}\n{tip}"))
        item.setToolTip(COUNT, plaintext.tooltip(tip))

    def _main_groups(self, cluster_id: int) -> tuple[int, ...]:
        """The groups most of a cluster's notes come from (at most three), by palette index."""
        doc = self._doc
        assert doc is not None
        counts = Counter(
            doc.group_index(doc.note(i).group_id) for i in doc.subtree_notes(cluster_id)
        )
        return tuple(sorted(g for g, _ in counts.most_common(3) if g is not None))

    def _current_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(NAME, ID_ROLE) if item is not None else None

    def sizeHint(self) -> QSize:
        return QSize(320, 420)

    # ----------------------------------------------------------------- gestures
    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.clusterActivated.emit(item.data(NAME, ID_ROLE))

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != NAME or self._doc is None:
            return
        cluster_id = item.data(NAME, ID_ROLE)
        old = self._doc.cluster(cluster_id).name
        new = item.text(NAME).strip()
        # Show the model's name again; the rename command's change brings the new one.
        with QSignalBlocker(self.tree):
            item.setText(NAME, old or self.tr("(namnlöst)"))
        if new and new != old:
            self.renameRequested.emit(cluster_id, new)
