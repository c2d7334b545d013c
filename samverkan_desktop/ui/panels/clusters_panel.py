"""The clusters as a list beside the board: nesting, note counts, click to go there, rename.

The panel only shows the document and reports gestures: a click asks the window to centre the
board on a cluster, an edited name asks for the same undoable rename the board uses. It follows
the model's signals, so a change made anywhere shows up here: only the rows of the clusters a
change names (and the counts of the clusters around them) are filled again, and a cluster that
is new, gone or moved to another parent moves its own row, so that the list keeps its
selection, what is expanded and where it is scrolled to. A note that only moved on the board
changes no row.

The list follows the document a turn of the event loop after the board does (following.py),
and a row to select waits for the changes heard before it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, QTimer, Signal
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
from .following import Following

ID_ROLE = Qt.ItemDataRole.UserRole
SWATCH_ROLE = Qt.ItemDataRole.UserRole + 1  # what the row's swatch was drawn from
NAME, COUNT = 0, 1


class _Siblings:
    """The cluster ids of one parent's rows, as a sequence for bisect (rows are in id order)."""

    def __init__(self, tree: QTreeWidget, parent: QTreeWidgetItem | None) -> None:
        self._tree, self._parent = tree, parent

    def __len__(self) -> int:
        if self._parent is None:
            return self._tree.topLevelItemCount()
        return self._parent.childCount()

    def __getitem__(self, index: int) -> int:
        if self._parent is None:
            item = self._tree.topLevelItem(index)
        else:
            item = self._parent.child(index)
        assert item is not None
        return item.data(NAME, ID_ROLE)


class ClustersPanel(QWidget):
    clusterActivated = Signal(int)
    renameRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DocumentModel | None = None
        self._items: dict[int, QTreeWidgetItem] = {}
        self._shape: dict[int, int | None] = {}  # each listed cluster's parent
        # What each row was last filled from of its cluster itself (its counts follow the
        # notes' signals): a cluster change that alters neither fills no row.
        self._row_facts: dict[int, tuple[str, int | None]] = {}
        # What a note's row depends on: its cluster (counts) and group (the cluster's colours).
        self._note_place: dict[int, tuple[int | None, int | None]] = {}
        self._to_select: int | None = None
        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(0)
        self._select_timer.timeout.connect(self._select_now)
        self._following = Following(self)

        self.tree = QTreeWidget()
        self.tree.setObjectName("clustersTree")
        self.tree.setAccessibleName(self.tr("Kluster"))
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
        # The counts' column is as wide as its widest count (or its title), as ResizeToContents
        # would make it; but that mode measures every row again on every count that changes
        # (0.8 ms with 500 clusters, on every drop): the panel sizes it itself, only when the
        # widest count may have changed (_count_changed).
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.Fixed)
        self._widest = 0.0  # the widest count's text (pixels) since the column was last fitted
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self._fit_counts)
        self.tree.installEventFilter(self)
        self.tree.itemExpanded.connect(self._refit_counts)
        self.tree.itemCollapsed.connect(self._refit_counts)
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

    # ----------------------------------------------------------------- the counts' column
    def _count_changed(self, old: str, item: QTreeWidgetItem | None) -> None:
        """A row's count text was `old` ("" for a new row) and is now `item`'s (None: the row
        was taken away). A count wider than any before widens the column to fit it at once;
        the widest one narrowing or going away sizes the column again from all rows, later,
        unless the column's title is what sets its width anyway (most often)."""
        metrics = self.tree.fontMetrics()
        new = item.text(COUNT) if item is not None else ""
        if item is not None and metrics.horizontalAdvance(new) > self._widest:
            self._widest = metrics.horizontalAdvance(new)
            index = self.tree.indexFromItem(item, COUNT)
            wanted = self.tree.sizeHintForIndex(index).width()
            header = self.tree.header()
            if wanted > header.sectionSize(COUNT):
                header.resizeSection(COUNT, wanted)
        elif old and metrics.horizontalAdvance(old) >= self._widest:
            header = self.tree.header()
            title = 0 if header.isHidden() else header.sectionSizeHint(COUNT)
            if header.sectionSize(COUNT) > title:
                self._refit_counts()

    def _refit_counts(self, *_: object) -> None:
        self._resize_timer.start()  # once, after the change's every row is filled

    def _fit_counts(self) -> None:
        self.tree.resizeColumnToContents(COUNT)
        metrics = self.tree.fontMetrics()
        self._widest = max(
            (metrics.horizontalAdvance(item.text(COUNT)) for item in self._items.values()),
            default=0.0,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.Show,
        ):
            self._refit_counts()
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- document
    def set_document(self, doc: DocumentModel | None) -> None:
        if self._doc is not None:
            for signal, slot in self._slots(self._doc):
                signal.disconnect(slot)
        self._doc = doc
        self._following.drop()  # (the list is made again from the new document)
        self._note_place = (
            {n.id: (n.cluster_id, n.group_id) for n in doc.notes.values()} if doc else {}
        )
        if doc is not None:
            for signal, slot in self._slots(doc):
                signal.connect(slot)
        self._rebuild()

    def _slots(self, doc: DocumentModel) -> tuple:
        later = self._following.later
        return (
            (doc.clustersChanged, later(self._on_clusters_changed)),
            (doc.clustersRemoved, later(self._on_clusters_removed)),
            (doc.notesChanged, later(self._on_notes_changed)),
            (doc.notesRemoved, later(self._on_notes_removed)),
        )

    def item_for(self, cluster_id: int) -> QTreeWidgetItem | None:
        return self._items.get(cluster_id)

    def select_cluster(self, cluster_id: int) -> None:
        """Make the cluster's row current and scroll to it on the event loop's next turn: a
        cluster just made on the board is drawn there first, the list follows."""
        self._to_select = cluster_id
        self._select_timer.start()

    def _select_now(self) -> None:
        self._following.now()  # (a cluster just made has its row first)
        item = self._items.get(self._to_select) if self._to_select is not None else None
        self._to_select = None
        if item is not None:
            with QSignalBlocker(self.tree):
                self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    # ----------------------------------------------------------------- following the model
    def _on_clusters_changed(self, ids: frozenset[int]) -> None:
        doc = self._doc
        assert doc is not None
        rows: set[int] = set()
        nested: set[int | None] = set()  # clusters new, moved to another parent, or those parents
        placed: set[int] = set()  # rows _place has just filled (from the model, as now)
        with QSignalBlocker(self.tree):
            for cluster_id in sorted(ids):
                if cluster_id not in doc.clusters:
                    continue
                parent = doc.board.parent(cluster_id)
                if cluster_id in self._items and self._shape.get(cluster_id) == parent:
                    # Its row only, and only for a new name or group: a frame moved or grown on
                    # the board (a drop pushes the frames below it) shows nothing new here.
                    if self._row_facts.get(cluster_id) != self._facts(cluster_id):
                        rows.add(cluster_id)
                    continue
                if not self._reaches_top(cluster_id):
                    # A parent the file does not have, or a cycle: list what the tree reaches.
                    self._rebuild()
                    return
                nested.update((self._shape.get(cluster_id), parent, cluster_id))
                self._place(cluster_id, parent)
                placed.add(cluster_id)
            # The counts of every cluster a moved one left or joined, at any depth.
            rows.update(self._with_ancestors(nested))
            self._fill_rows(rows - placed)
        if nested:
            self._show_shape()

    def _reaches_top(self, cluster_id: int) -> bool:
        """True when the cluster's parents lead to the board, through clusters the file has."""
        assert self._doc is not None
        seen: set[int] = set()
        current: int | None = cluster_id
        while current is not None:
            if current in seen or current not in self._doc.clusters:
                return False
            seen.add(current)
            current = self._doc.board.parent(current)
        return True

    def _on_clusters_removed(self, ids: frozenset[int]) -> None:
        doc = self._doc
        assert doc is not None
        rows: set[int] = set()
        current = self._current_id()
        with QSignalBlocker(self.tree):
            for cluster_id in ids:
                item = self._items.pop(cluster_id, None)
                parent = self._shape.pop(cluster_id, None)
                if item is None:
                    continue
                self._count_changed(item.text(COUNT), None)
                rows.update(self._with_ancestors([parent]))
                # Whatever it still holds now lies on the board itself (as in the model).
                for _, child in self._subtree(item)[1:]:
                    if child.parent() is not item:
                        continue
                    child_id = child.data(NAME, ID_ROLE)
                    if child_id in doc.clusters:
                        self._place(child_id, doc.board.parent(child_id))
                above = item.parent()
                if above is None:
                    self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
                else:
                    above.removeChild(item)
            self._fill_rows(rows - ids)
            if current in self._items and self._current_id() != current:
                self.tree.setCurrentItem(self._items[current])
        self._show_shape()

    def _on_notes_changed(self, ids: frozenset[int]) -> None:
        doc = self._doc
        assert doc is not None
        touched: set[int | None] = set()
        for note_id in ids:
            note = doc.notes.get(note_id)
            if note is None:
                continue
            place = (note.cluster_id, note.group_id)
            old = self._note_place.get(note_id)
            if old != place:  # a note that only moved on the board changes no row
                self._note_place[note_id] = place
                touched.add(note.cluster_id)
                if old is not None:
                    touched.add(old[0])
        self._fill_rows(self._with_ancestors(touched))

    def _on_notes_removed(self, ids: frozenset[int]) -> None:
        touched: set[int | None] = set()
        for note_id in ids:
            old = self._note_place.pop(note_id, None)
            if old is not None:
                touched.add(old[0])
        self._fill_rows(self._with_ancestors(touched))

    def _with_ancestors(self, cluster_ids: Iterable[int | None]) -> set[int]:
        """The listed clusters among these, and every cluster they are nested in."""
        found: set[int] = set()
        for cluster_id in cluster_ids:
            while cluster_id is not None and cluster_id in self._items and cluster_id not in found:
                found.add(cluster_id)
                cluster_id = self._shape.get(cluster_id)
        return found

    def _fill_rows(self, cluster_ids: Iterable[int]) -> None:
        doc = self._doc
        with QSignalBlocker(self.tree):
            for cluster_id in cluster_ids:
                item = self._items.get(cluster_id)
                if item is not None and doc is not None and cluster_id in doc.clusters:
                    self._fill(item, cluster_id)

    def _place(self, cluster_id: int, parent: int | None) -> None:
        """The cluster's row under its parent's (or at the top), in id order among its siblings:
        made and filled if new, otherwise moved with what is nested in it, which stays expanded
        or collapsed as it was (and current, if it was)."""
        assert self._doc is not None
        above = self._items.get(parent) if parent is not None else None
        if parent is not None and above is None:
            # The parent is new as well (one change made both): list it first.
            self._place(parent, self._doc.board.parent(parent))
            above = self._items[parent]
        item = self._items.get(cluster_id)
        collapsed: set[int] = set()
        current_id = self._current_id()
        keep_current = False
        if item is None:
            item = self._new_item(cluster_id)
            self._items[cluster_id] = item
        else:
            subtree = self._subtree(item)
            collapsed = {cid for cid, it in subtree if not it.isExpanded()}
            keep_current = current_id in {cid for cid, _ in subtree}
            old_above = item.parent()
            if old_above is None:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
            else:
                old_above.removeChild(item)
        self._shape[cluster_id] = parent
        index = bisect_left(_Siblings(self.tree, above), cluster_id)
        if above is None:
            self.tree.insertTopLevelItem(index, item)
        else:
            above.insertChild(index, item)
        for cid, it in self._subtree(item):
            it.setExpanded(cid not in collapsed)
        self._fill(item, cluster_id)
        if keep_current and current_id is not None:
            self.tree.setCurrentItem(self._items[current_id])

    @staticmethod
    def _subtree(item: QTreeWidgetItem) -> list[tuple[int, QTreeWidgetItem]]:
        """The row and every row nested in it, with their cluster ids."""
        found: list[tuple[int, QTreeWidgetItem]] = []
        pending: list[QTreeWidgetItem | None] = [item]
        while pending:
            it = pending.pop()
            if it is not None:
                found.append((it.data(NAME, ID_ROLE), it))
                pending.extend(it.child(i) for i in range(it.childCount()))
        return found

    def _show_shape(self) -> None:
        doc = self._doc
        # The expand arrows' column is only worth its width when something is nested.
        self.tree.setRootIsDecorated(any(p is not None for p in self._shape.values()))
        has_clusters = bool(self._items)
        self.tree.setVisible(has_clusters or doc is None)
        self.empty.setVisible(not has_clusters and doc is not None)

    def _rebuild(self) -> None:
        doc = self._doc
        current = self._current_id()
        collapsed = {cid for cid, item in self._items.items() if not item.isExpanded()}
        with QSignalBlocker(self.tree):
            self.tree.clear()
            self._items = {}
            if doc is not None:
                for cluster_id in sorted(doc.child_clusters(None)):
                    self._add(None, cluster_id)
            self._shape = {cid: doc.board.parent(cid) for cid in self._items} if doc else {}
            for cluster_id, item in self._items.items():
                item.setExpanded(cluster_id not in collapsed)
            if current in self._items:
                self.tree.setCurrentItem(self._items[current])
        self._refit_counts()
        self._show_shape()

    def _add(self, parent: QTreeWidgetItem | None, cluster_id: int) -> None:
        """The cluster and everything nested in it, without recursion (a file made elsewhere
        can nest deeper than Python's stack)."""
        assert self._doc is not None
        pending = [(parent, cluster_id)]
        while pending:
            above, current = pending.pop()
            if current in self._items:  # a parent cycle would otherwise go on for ever
                continue
            item = self._new_item(current)
            if above is None:
                self.tree.addTopLevelItem(item)
            else:
                above.addChild(item)
            self._items[current] = item
            self._fill(item, current)
            # Reversed onto the stack, so children are added in id order.
            children = sorted(self._doc.child_clusters(current), reverse=True)
            pending.extend((item, child) for child in children)

    @staticmethod
    def _new_item(cluster_id: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(NAME, ID_ROLE, cluster_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setTextAlignment(COUNT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _facts(self, cluster_id: int) -> tuple[str, int | None]:
        assert self._doc is not None
        cluster = self._doc.cluster(cluster_id)
        return cluster.name, cluster.group_id

    def _fill(self, item: QTreeWidgetItem, cluster_id: int) -> None:
        doc = self._doc
        assert doc is not None
        cluster = doc.cluster(cluster_id)
        self._row_facts[cluster_id] = self._facts(cluster_id)
        own = len(doc.members(cluster_id))
        total = len(doc.subtree_notes(cluster_id))
        name = cluster.name or self.tr("(namnlöst)")
        group = doc.group_index(cluster.group_id)
        main = self._main_groups(cluster_id) if group is None else ()
        tip = self.tr("%n lappar", "", total)
        if total != own:
            tip += self.tr(" (%n direkt i klustret)", "", own)
        if cluster.group_id is not None and cluster.group_id in doc.groups:
            tip += "\n" + self.tr("Gruppens eget kluster: {group}").format(
                group=doc.group(cluster.group_id).name
            )
        # Only what differs is set, so that a row that did not change is not redrawn.
        if item.text(NAME) != name:
            item.setText(NAME, name)
        old_count = item.text(COUNT)
        if old_count != str(total):
            item.setText(COUNT, str(total))
            self._count_changed(old_count, item)
        swatch = f"group {group}" if group is not None else f"notes {main}"
        if item.data(COUNT, SWATCH_ROLE) != swatch:
            item.setData(COUNT, SWATCH_ROLE, swatch)
            if group is None:
                item.setIcon(NAME, icons.cluster_swatch(main))
            else:
                item.setIcon(NAME, icons.group_swatch(group))
        name_tip = plaintext.tooltip(f"{name}\n{tip}")
        if item.toolTip(NAME) != name_tip:
            item.setToolTip(NAME, name_tip)
        count_tip = plaintext.tooltip(tip)
        if item.toolTip(COUNT) != count_tip:
            item.setToolTip(COUNT, count_tip)

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
        if cluster_id not in self._doc.clusters:  # gone a moment ago; its row goes soon
            return
        old = self._doc.cluster(cluster_id).name
        new = item.text(NAME).strip()
        # Show the model's name again; the rename command's change brings the new one.
        with QSignalBlocker(self.tree):
            item.setText(NAME, old or self.tr("(namnlöst)"))
        if new and new != old:
            self.renameRequested.emit(cluster_id, new)
