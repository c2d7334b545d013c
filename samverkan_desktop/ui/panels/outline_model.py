"""The workshop as a tree: clusters (nested) with their notes, then the unsorted notes by group.

`OutlineModel` follows the DocumentModel's signals and changes only the rows a change names:
a note that joins another cluster is one row moved (`beginMoveRows`, so that the view keeps it
selected and current), a new name is one row repainted, and the counts of the clusters around
them are repainted. Only a change that touches very many rows at once (an import, its undo) is
shown by one reset. A note that only moved on the board changes no row.

Each row is a node key (outline_rows.py: an int holding the id and the kind), kept in
`QModelIndex.internalId()`. Rows are kept in id order (clusters before notes), so a row is
found by bisection. The model reports gestures (`moveRequested`, `renameRequested`) and never
changes the document itself.
"""

from __future__ import annotations

import json
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QPalette

from ...core.labels import group_labels
from .. import plaintext
from ..document import DocumentModel
from .outline_rows import (
    CLUSTER,
    GROUP,
    NO_GROUP,
    NOTE,
    UNSORTED,
    UNSORTED_KEY,
    OutlineText,
    RowTexts,
    id_of,
    key,
    kind_of,
)

MIME = "application/x-samverkan-outline"
# A change that puts more rows than this in new places is shown by one reset.
RESET_AT = 400
KEY_ROLE = Qt.ItemDataRole.UserRole
NAME, COUNT = 0, 1

Index = QModelIndex | QPersistentModelIndex
_F = Qt.ItemFlag
# Flags by row kind, made once: a view asks for them for every row it lays out.
_ROW_FLAGS = _F.ItemIsEnabled | _F.ItemIsSelectable
_NOTE_FLAGS = _ROW_FLAGS | _F.ItemIsDragEnabled | _F.ItemNeverHasChildren
_CLUSTER_FLAGS = _ROW_FLAGS | _F.ItemIsDragEnabled | _F.ItemIsDropEnabled
_CLUSTER_NAME_FLAGS = _CLUSTER_FLAGS | _F.ItemIsEditable
_BRANCH_FLAGS = _ROW_FLAGS | _F.ItemIsDropEnabled
_R = Qt.ItemDataRole
_ROLES = frozenset(
    {
        _R.DisplayRole,
        _R.EditRole,
        _R.ToolTipRole,
        _R.AccessibleTextRole,
        _R.TextAlignmentRole,
        _R.DecorationRole,
        _R.FontRole,
        _R.ForegroundRole,
    }
)
_TOP = QModelIndex()  # the invisible root


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class _Branch:
    """A row's children: clusters (id order) above notes (id order); the top also ends with the
    unsorted row, which holds group rows (in the workshop's group order)."""

    __slots__ = ("clusters", "notes")

    def __init__(self) -> None:
        self.clusters: list[int] = []
        self.notes: list[int] = []

    def __len__(self) -> int:
        return len(self.clusters) + len(self.notes)


class OutlineModel(QAbstractItemModel):
    # (note ids, cluster ids, target cluster or None: out of every cluster / onto the top)
    moveRequested = Signal(object, object, object)
    renameRequested = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: DocumentModel | None = None
        self._following = False  # connected to the document's changes (see set_following)
        self.rows = RowTexts(self)
        self.resets = 0  # how many times the whole tree was built again (tests, figures)
        self._clear()

    def _clear(self) -> None:
        self._branches: dict[int | None, _Branch] = {None: _Branch()}
        self._parent: dict[int, int | None] = {}  # node -> parent node (None: the top)
        self._groups: list[int] = []  # group rows under "Ej sorterade", in group order
        self._group_rank: dict[int, tuple[int, int]] = {}
        self.labels: dict[int, str] = {}  # short group labels ("AI1")
        self._counts: dict[int, int] = {}  # cluster node -> notes in its subtree (cache)

    # ----------------------------------------------------------------- document
    def set_document(self, doc: DocumentModel | None) -> None:
        if self._doc is not None and self._following:
            for signal, slot in self._slots(self._doc):
                signal.disconnect(slot)
        self._doc = doc
        self._following = doc is not None
        if doc is not None:
            for signal, slot in self._slots(doc):
                signal.connect(slot)
        self._rebuild()

    @property
    def following(self) -> bool:
        return self._following

    def set_following(self, on: bool) -> None:
        """Follow the document change by change (on), or not at all while nobody sees the tree:
        a hidden outline then costs a gesture nothing (at 10,000 notes, Ctrl+G's 20 row moves
        were 80 ms), and is built again once, as a reset that keeps what was unfolded, when
        it is followed again."""
        doc = self._doc
        if doc is None or on == self._following:
            return
        self._following = on
        for signal, slot in self._slots(doc):
            if on:
                signal.connect(slot)
            else:
                signal.disconnect(slot)
        if on:
            self._rebuild()

    @property
    def doc(self) -> DocumentModel | None:
        return self._doc

    def _slots(self, doc: DocumentModel) -> tuple:
        return (
            (doc.groupsChanged, self._on_groups),
            (doc.clustersChanged, self._on_clusters),
            (doc.notesChanged, self._on_notes),
            (doc.notesRemoved, self._on_notes_removed),
            (doc.clustersRemoved, self._on_clusters_removed),
        )

    def _rebuild(self) -> None:
        self.beginResetModel()
        self.resets += 1
        self._clear()
        doc = self._doc
        if doc is not None:
            self._read_groups()
            for cluster_id in sorted(doc.clusters):
                self._attach(key(CLUSTER, cluster_id), self._home_of_cluster(cluster_id))
            self._parent[UNSORTED_KEY] = None
            for group in self._groups:
                self._parent[key(GROUP, group)] = UNSORTED_KEY
                self._branches[key(GROUP, group)] = _Branch()
            for note_id in sorted(doc.notes):
                node = key(NOTE, note_id)
                home = self._home_of_note(note_id)
                self._ensure_group(home, signal=False)
                self._attach(node, home)
        self.endResetModel()

    def _read_groups(self) -> None:
        doc = self._doc
        assert doc is not None
        ordered = sorted(doc.groups.values(), key=lambda g: (g.position, g.id))
        self._group_rank = {g.id: (i, g.id) for i, g in enumerate(ordered)}
        self.labels = group_labels(ordered)
        self._groups = [g.id for g in ordered]

    # ----------------------------------------------------------------- where things belong
    def _home_of_cluster(self, cluster_id: int) -> int | None:
        """The node a cluster's row sits under: its parent's, or the top (a parent the file
        does not have, or a cycle, puts it at the top)."""
        doc = self._doc
        assert doc is not None
        parent = doc.board.parent(cluster_id)
        if parent is None or parent not in doc.clusters:
            return None
        seen = {cluster_id}
        current: int | None = parent
        while current is not None:
            if current in seen or current not in doc.clusters:
                return None
            seen.add(current)
            current = doc.board.parent(current)
        return key(CLUSTER, parent)

    def _home_of_note(self, note_id: int) -> int:
        doc = self._doc
        assert doc is not None
        note = doc.notes[note_id]
        if note.cluster_id is not None and note.cluster_id in doc.clusters:
            return key(CLUSTER, note.cluster_id)
        group = note.group_id if note.group_id in doc.groups else NO_GROUP
        return key(GROUP, group if group is not None else NO_GROUP)

    # ----------------------------------------------------------------- the tree's bookkeeping
    def _branch(self, node: int | None) -> _Branch:
        branch = self._branches.get(node)
        if branch is None:
            branch = self._branches[node] = _Branch()
        return branch

    def _row_in(self, node: int, parent: int | None) -> int:
        """Where `node` sits (or would be inserted) among `parent`'s rows."""
        if parent == UNSORTED_KEY:
            return bisect_left([self._rank(g) for g in self._groups], self._rank(id_of(node)))
        branch = self._branch(parent)
        if kind_of(node) == CLUSTER:
            return bisect_left(branch.clusters, id_of(node))
        return len(branch.clusters) + bisect_left(branch.notes, id_of(node))

    def _attach(self, node: int, parent: int | None) -> None:
        """Into the bookkeeping only (the caller tells the view)."""
        if kind_of(node) == CLUSTER and parent is not None and parent not in self._parent:
            # The parent is new as well (one change made both): list it first.
            self._attach(parent, self._home_of_cluster(id_of(parent)))
        self._parent[node] = parent
        if kind_of(node) == GROUP:
            insort(self._groups, id_of(node), key=self._rank)
            self._branch(node)
            return
        branch = self._branch(parent)
        insort(branch.clusters if kind_of(node) == CLUSTER else branch.notes, id_of(node))
        if kind_of(node) == CLUSTER:
            self._branch(node)

    def _rank(self, group_id: int) -> tuple[int, int]:
        """A group row's place: the workshop's group order; notes without a group last."""
        return self._group_rank.get(group_id, (1 << 30, group_id))

    def _detach(self, node: int) -> None:
        parent = self._parent.pop(node)
        if kind_of(node) == GROUP:
            self._groups.remove(id_of(node))
            return
        branch = self._branch(parent)
        ids = branch.clusters if kind_of(node) == CLUSTER else branch.notes
        del ids[bisect_left(ids, id_of(node))]

    def _ensure_group(self, node: int, signal: bool = True) -> None:
        """A group row under "Ej sorterade" for an unsorted note whose group has none yet."""
        if kind_of(node) != GROUP or node in self._parent:
            return
        if signal:
            row = self._row_in(node, UNSORTED_KEY)
            self.beginInsertRows(self.index_of(UNSORTED_KEY), row, row)
        self._attach(node, UNSORTED_KEY)
        if signal:
            self.endInsertRows()

    def _insert(self, node: int, parent: int | None) -> None:
        if kind_of(node) == NOTE:
            self._ensure_group(parent)  # type: ignore[arg-type]
        elif parent is not None and parent not in self._parent:
            self._insert(parent, self._home_of_cluster(id_of(parent)))
        row = self._row_in(node, parent)
        self.beginInsertRows(self.index_of(parent), row, row)
        self._attach(node, parent)
        self.endInsertRows()

    def _remove(self, node: int) -> None:
        parent = self._parent[node]
        row = self.row_of(node)
        self.beginRemoveRows(self.index_of(parent), row, row)
        self._detach(node)
        self.endRemoveRows()

    def _move(self, node: int, parent: int | None) -> None:
        """The row (and what it holds) under another parent; the view keeps its selection."""
        old = self._parent[node]
        if old == parent:
            return
        if kind_of(node) == NOTE:
            self._ensure_group(parent)  # type: ignore[arg-type]
        elif parent is not None and parent not in self._parent:
            self._insert(parent, self._home_of_cluster(id_of(parent)))
        row = self.row_of(node)
        dest = self._row_in(node, parent)
        ok = self.beginMoveRows(self.index_of(old), row, row, self.index_of(parent), dest)
        if not ok:  # a cluster into its own subtree: the document never has that
            return
        self._detach(node)
        self._attach(node, parent)
        self.endMoveRows()

    def row_of(self, node: int) -> int:
        parent = self._parent[node]
        if node == UNSORTED_KEY:
            return len(self._branch(None))
        if parent == UNSORTED_KEY:
            return self._groups.index(id_of(node))
        return self._row_in(node, parent)

    def index_of(self, node: int | None, column: int = NAME) -> QModelIndex:
        """The index of a node's row (invalid for the top, or a node the tree does not have)."""
        if node is None or node not in self._parent:
            return QModelIndex()
        return self.createIndex(self.row_of(node), column, node)

    def node_of(self, index: Index) -> int | None:
        return index.internalId() if index.isValid() else None

    def has(self, node: int) -> bool:
        return node in self._parent

    def parent_node(self, node: int) -> int | None:
        return self._parent.get(node)

    # ----------------------------------------------------------------- following the document
    def _on_groups(self, ids: frozenset[int]) -> None:
        doc = self._doc
        assert doc is not None
        self._read_groups_keep_rows()
        if self._groups != sorted(self._groups, key=self._rank):
            self._rebuild()  # groups in a new order: only an import or its undo does that
            return
        for group in sorted(ids):
            node = key(GROUP, group)
            if group in doc.groups and node not in self._parent:
                self._ensure_group(node)
            elif node in self._parent:
                self._changed(node)
        self._changed_all_groups()
        self._prune_groups()

    def _read_groups_keep_rows(self) -> None:
        """New ranks and labels; the rows already listed keep their order (a group's place in
        the workshop changes only with an import, which resets)."""
        doc = self._doc
        assert doc is not None
        ordered = sorted(doc.groups.values(), key=lambda g: (g.position, g.id))
        self._group_rank = {g.id: (i, g.id) for i, g in enumerate(ordered)}
        self.labels = group_labels(ordered)

    def _changed_all_groups(self) -> None:
        if self._groups:
            parent = self.index_of(UNSORTED_KEY)
            self.dataChanged.emit(
                self.index(0, NAME, parent), self.index(len(self._groups) - 1, COUNT, parent)
            )

    def _on_clusters(self, ids: frozenset[int]) -> None:
        doc = self._doc
        assert doc is not None
        present = [c for c in sorted(ids) if c in doc.clusters]
        moving = [
            c for c in present if self._parent.get(key(CLUSTER, c), -1) != self._home_of_cluster(c)
        ]
        if len(moving) > RESET_AT:
            self._rebuild()
            return
        touched: set[int | None] = set()
        for cluster_id in moving:
            node = key(CLUSTER, cluster_id)
            home = self._home_of_cluster(cluster_id)
            if node in self._parent:
                touched.add(self._parent[node])
                self._move(node, home)
            else:
                self._insert(node, home)
            touched.add(home)
        for cluster_id in present:
            self._changed(key(CLUSTER, cluster_id))
        self._recount(touched)

    def _on_clusters_removed(self, ids: frozenset[int]) -> None:
        doc = self._doc
        assert doc is not None
        touched: set[int | None] = set()
        for cluster_id in sorted(ids):
            node = key(CLUSTER, cluster_id)
            if node not in self._parent:
                continue
            # Whatever it still lists goes where the document now has it.
            branch = self._branch(node)
            for child in list(branch.clusters):
                if child in doc.clusters:
                    self._move(key(CLUSTER, child), self._home_of_cluster(child))
                else:
                    self._on_clusters_removed(frozenset([child]))
            for note_id in list(branch.notes):
                if note_id in doc.notes:
                    self._move(key(NOTE, note_id), self._home_of_note(note_id))
            touched.add(self._parent[node])
            self._remove(node)
            self._branches.pop(node, None)
        self._recount(touched)

    def _on_notes(self, ids: frozenset[int]) -> None:
        doc = self._doc
        assert doc is not None
        moves: list[tuple[int, int]] = []
        for note_id in ids:
            if note_id not in doc.notes:
                continue
            node = key(NOTE, note_id)
            home = self._home_of_note(note_id)
            if self._parent.get(node, -1) != home:
                moves.append((node, home))
            else:
                self._changed(node)
        if len(moves) > RESET_AT:
            self._rebuild()
            return
        touched: set[int | None] = set()
        for node, home in sorted(moves):
            if node in self._parent:
                touched.add(self._parent[node])
                self._move(node, home)
            else:
                self._insert(node, home)
            touched.add(home)
        self._recount(touched)
        self._prune_groups()

    def _on_notes_removed(self, ids: frozenset[int]) -> None:
        gone = [key(NOTE, i) for i in ids if key(NOTE, i) in self._parent]
        if len(gone) > RESET_AT:
            self._rebuild()
            return
        touched: set[int | None] = set()
        for node in sorted(gone):
            touched.add(self._parent[node])
            self._remove(node)
        self._recount(touched)
        self._prune_groups()

    def _prune_groups(self) -> None:
        """A group row goes when its group is gone and it holds no notes any more."""
        doc = self._doc
        assert doc is not None
        for group in list(self._groups):
            node = key(GROUP, group)
            if group not in doc.groups and not self._branch(node):
                self._remove(node)
                self._branches.pop(node, None)

    def _changed(self, node: int) -> None:
        if node in self._parent:
            self.dataChanged.emit(self.index_of(node, NAME), self.index_of(node, COUNT))

    def _recount(self, nodes: Iterable[int | None]) -> None:
        """The counts of these rows and every cluster row around them."""
        seen: set[int] = set()
        for node in nodes:
            while node is not None and node not in seen and node in self._parent:
                seen.add(node)
                self._counts.pop(node, None)
                node = self._parent[node]
        for node in seen:
            index = self.index_of(node, COUNT)
            self.dataChanged.emit(index, index)
        if any(kind_of(n) == GROUP for n in seen):
            index = self.index_of(UNSORTED_KEY, COUNT)
            self.dataChanged.emit(index, index)

    def count(self, node: int) -> int:
        """Notes in a cluster and every cluster nested in it; unsorted notes of a group."""
        kind = kind_of(node)
        if kind == GROUP:
            return len(self._branch(node).notes)
        if kind == UNSORTED:
            return sum(len(self._branch(key(GROUP, g)).notes) for g in self._groups)
        cached = self._counts.get(node)
        if cached is None:
            assert self._doc is not None
            cached = self._counts[node] = len(self._doc.subtree_notes(id_of(node)))
        return cached

    # ----------------------------------------------------------------- QAbstractItemModel
    def index(self, row: int, column: int, parent: Index = _TOP) -> QModelIndex:
        if column not in (NAME, COUNT) or row < 0:
            return QModelIndex()
        node = self.node_of(parent)
        if node is None:
            branch = self._branch(None)
            if self._doc is None:
                return QModelIndex()
            if row < len(branch.clusters):
                return self.createIndex(row, column, key(CLUSTER, branch.clusters[row]))
            if row == len(branch):
                return self.createIndex(row, column, UNSORTED_KEY)
            return QModelIndex()
        if node == UNSORTED_KEY:
            if row < len(self._groups):
                return self.createIndex(row, column, key(GROUP, self._groups[row]))
            return QModelIndex()
        if kind_of(node) == NOTE:
            return QModelIndex()
        branch = self._branch(node)
        if row < len(branch.clusters):
            return self.createIndex(row, column, key(CLUSTER, branch.clusters[row]))
        row_n = row - len(branch.clusters)
        if row_n < len(branch.notes):
            return self.createIndex(row, column, key(NOTE, branch.notes[row_n]))
        return QModelIndex()

    def parent(self, index: Index = _TOP) -> QModelIndex:  # type: ignore[override]
        node = self.node_of(index)
        if node is None:
            return QModelIndex()
        return self.index_of(self._parent.get(node))

    def rowCount(self, parent: Index = _TOP) -> int:
        if parent.isValid() and parent.column() != NAME:
            return 0
        node = self.node_of(parent)
        if node is None:
            return 0 if self._doc is None else len(self._branch(None)) + 1
        if node == UNSORTED_KEY:
            return len(self._groups)
        if kind_of(node) == NOTE:
            return 0
        return len(self._branch(node))

    def hasChildren(self, parent: Index = _TOP) -> bool:
        return self.rowCount(parent) > 0

    def columnCount(self, parent: Index = _TOP) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NAME:
                return OutlineText.tr("Kluster och lappar")
            return OutlineText.tr("Antal")
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _F.ItemIsDropEnabled
        kind = index.internalId() & 3
        if kind == NOTE:
            return _NOTE_FLAGS
        if kind == CLUSTER:
            return _CLUSTER_NAME_FLAGS if index.column() == NAME else _CLUSTER_FLAGS
        return _BRANCH_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == KEY_ROLE:
            return self.node_of(index)
        if role not in _ROLES:
            return None
        node = self.node_of(index)
        doc = self._doc
        if node is None or doc is None:
            return None
        column = index.column()
        kind = kind_of(node)
        if (kind == NOTE and id_of(node) not in doc.notes) or (
            kind == CLUSTER and id_of(node) not in doc.clusters
        ):
            return None  # gone from the document; its row goes with the signal on its way
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COUNT:
                if kind == NOTE:
                    return self.rows.group_label(doc.notes[id_of(node)].group_id)
                return str(self.count(node))
            return self.rows.title(node)
        if role == Qt.ItemDataRole.EditRole and kind == CLUSTER and column == NAME:
            return doc.clusters[id_of(node)].name
        if role == Qt.ItemDataRole.ToolTipRole:
            return plaintext.tooltip(self.rows.tooltip(node))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.rows.spoken(node)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return self.rows.icon(node)
        if role == Qt.ItemDataRole.FontRole and kind in (CLUSTER, UNSORTED) and column == NAME:
            return _bold()
        if role == Qt.ItemDataRole.ForegroundRole and kind == GROUP and not self.count(node):
            return QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node_of(index)
        doc = self._doc
        if node is None or doc is None or role != Qt.ItemDataRole.EditRole:
            return False
        if kind_of(node) != CLUSTER or id_of(node) not in doc.clusters:
            return False
        name = str(value).strip()
        if not name or name == doc.clusters[id_of(node)].name:
            return False
        # The rename command's change repaints the row with the new name.
        self.renameRequested.emit(id_of(node), name)
        return True

    # ----------------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        notes, clusters = self.split(indexes)
        data = QMimeData()
        data.setData(MIME, QByteArray(json.dumps({"notes": notes, "clusters": clusters}).encode()))
        # Other programs get the notes' text (plain) for what was dragged.
        doc = self._doc
        if doc is not None:
            data.setText("\n".join(doc.notes[i].text for i in notes if i in doc.notes))
        return data

    def split(self, indexes: Iterable[Index]) -> tuple[list[int], list[int]]:
        """The note ids and cluster ids of these rows (each once, in id order)."""
        notes: set[int] = set()
        clusters: set[int] = set()
        for index in indexes:
            node = self.node_of(index)
            if node is None:
                continue
            if kind_of(node) == NOTE:
                notes.add(id_of(node))
            elif kind_of(node) == CLUSTER:
                clusters.add(id_of(node))
        return sorted(notes), sorted(clusters)

    @staticmethod
    def _payload(data: QMimeData) -> tuple[list[int], list[int]] | None:
        if not data.hasFormat(MIME):
            return None
        try:
            found = json.loads(bytes(data.data(MIME).data()).decode())
            notes = [int(i) for i in found.get("notes", [])]
            clusters = [int(i) for i in found.get("clusters", [])]
        except (ValueError, TypeError, AttributeError):
            return None
        return notes, clusters

    def drop_target(self, parent: Index) -> tuple[bool, int | None]:
        """(True, cluster id) for a drop into a cluster, (True, None) for "out of any cluster"
        (onto "Ej sorterade", a group row or a note there), (False, None) when nothing can
        be dropped there. A drop onto a note goes to the note's own place."""
        node = self.node_of(parent)
        if node is None:
            return True, None
        if kind_of(node) == NOTE:
            node = self._parent.get(node)
            if node is None:
                return False, None
        if kind_of(node) == CLUSTER:
            return True, id_of(node)
        return True, None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        payload = self._payload(data)
        ok, target = self.drop_target(parent)
        if payload is None or not ok or self._doc is None:
            return False
        notes, clusters = payload
        if target is not None:
            board = self._doc.board
            if any(board.is_within(target, c) for c in clusters if board.has_cluster(c)):
                return False  # a cluster into itself or one nested in it
        return bool(notes or clusters)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        payload = self._payload(data)
        assert payload is not None
        _, target = self.drop_target(parent)
        self.moveRequested.emit(payload[0], payload[1], target)
        # The view must not remove the dragged rows itself: the move's change moves them.
        return False
