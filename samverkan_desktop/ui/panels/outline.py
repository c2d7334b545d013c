"""Disposition: the whole workshop as a tree beside (or instead of) the board.

Clusters, nested as on the board, hold their notes; below them "Ej sorterade" holds every note
outside a cluster, one branch per group. The outline is in step with the board both ways: what
is selected in one is selected in the other (and brought into view), and every change, made
anywhere, shows here at once (`OutlineModel` follows the document row by row).

Everything the outline changes goes through the same undoable commands as the board, placed by
core.board's rules (`gestures.send_to`): a note sent to a cluster takes the frame's first free
place and the frame grows; a note sent out of its cluster keeps its place on the board if free.
Keys: F2 renames a cluster, Ctrl+X then Ctrl+V (on a cluster or "Ej sorterade") moves what was
cut, drag and drop does the same with the mouse, Ctrl+Shift+M chooses the cluster in a dialog
(when the app has it).
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsItem,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...core.board import gestures
from ...core.board.gestures import Selection
from .. import commands as cmd
from ..board.scene import BoardScene
from ..board.scrolling import reveal
from ..board.view import BoardView
from ..document import DocumentModel
from .outline_model import (
    CLUSTER,
    COUNT,
    GROUP,
    NAME,
    NOTE,
    UNSORTED_KEY,
    OutlineModel,
    id_of,
    key,
    kind_of,
)

CUT = QKeySequence("Ctrl+X")
PASTE = QKeySequence("Ctrl+V")
MOVE_DIALOG = QKeySequence("Ctrl+Shift+M")
# Beyond this many rows selected on the board, only the first is unfolded in the outline.
EXPAND_AT_MOST = 50


def send_command(
    doc: DocumentModel, note_ids: Iterable[int], cluster_ids: Iterable[int], target: int | None
) -> cmd.MoveCommand | None:
    """The one undoable move that sends notes and clusters into `target` (None: out of every
    cluster), placed by core.board's rules; None when nothing would change."""
    board = doc.board
    notes, clusters = sorted(set(note_ids)), sorted(set(cluster_ids))
    try:
        draft = gestures.send_to(board, notes, clusters, target)
    except ValueError:  # a cluster into itself: the outline refuses that drop before
        return None
    changes = draft.changes()
    if not changes.notes and not changes.clusters:
        return None
    return cmd.MoveCommand.of(doc, draft, Selection.of(board, notes, clusters))


def _keys(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class OutlineTree(QTreeView):
    """The tree; it keeps the keys it acts on from the window's shortcuts while it has focus
    (F2 renames here, not on the board)."""

    cutRequested = Signal()
    pasteRequested = Signal()
    moveDialogRequested = Signal()
    cancelRequested = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            keys = _keys(event)
            if keys in (CUT, PASTE, MOVE_DIALOG, QKeySequence("F2")) or event.matches(
                QKeySequence.StandardKey.SelectAll
            ):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = _keys(event)
        if self.state() != QAbstractItemView.State.EditingState:
            if keys == CUT:
                self.cutRequested.emit()
                return
            if keys == PASTE:
                self.pasteRequested.emit()
                return
            if keys == MOVE_DIALOG:
                self.moveDialogRequested.emit()
                return
            if event.key() == Qt.Key.Key_Escape:
                self.cancelRequested.emit()
        super().keyPressEvent(event)


class OutlinePanel(QWidget):
    """The Disposition dock's content; `set_board` follows an open workshop (None: none)."""

    # A one-line message for the status bar (what was cut, why nothing moved).
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: DocumentModel | None = None
        self.scene: BoardScene | None = None
        self.view: BoardView | None = None
        self._syncing = False
        self._cut: tuple[list[int], list[int]] | None = None
        self._kept: tuple[set[int], int | None, list[int]] | None = None

        self.model = OutlineModel(self)
        self.model.renameRequested.connect(self._rename)
        self.model.moveRequested.connect(self.send)

        self.tree = OutlineTree()
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.model)
        # After the view's own: it forgets what was expanded on a reset, then this restores it.
        self.model.modelAboutToBeReset.connect(self._keep_state)
        self.model.modelReset.connect(self._restore_state)
        self.tree.setUniformRowHeights(True)  # 10,000 rows scroll without measuring each
        self.tree.setAlternatingRowColors(True)
        self.tree.setIconSize(QSize(14, 14))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # A fixed width: sizing to contents would read a thousand rows after every change.
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COUNT, self.fontMetrics().horizontalAdvance("00000") + 16)
        self.tree.setAccessibleName(self.tr("Disposition"))
        self.tree.setAccessibleDescription(
            self.tr(
                "Kluster med sina lappar, sedan lappar utan kluster per grupp. F2 byter namn "
                "på ett kluster; Ctrl+X och sedan Ctrl+V på ett kluster flyttar lappar dit."
            )
        )
        self.tree.selectionModel().selectionChanged.connect(self._outline_selected)
        self.tree.cutRequested.connect(self.cut)
        self.tree.pasteRequested.connect(self.paste)
        self.tree.moveDialogRequested.connect(self.open_move_dialog)
        self.tree.cancelRequested.connect(self._cancel_cut)

        # The same as the keys, on the right-click menu (the keys themselves are the tree's own).
        self.cut_action = self._action(self.tr("Klipp ut"), CUT, self.cut)
        self.paste_action = self._action(self.tr("Klistra in här"), PASTE, self.paste)
        self.rename_action = self._action(
            self.tr("Byt namn på kluster"), QKeySequence("F2"), self._edit_current
        )
        self.move_action = self._action(
            self.tr("Flytta till kluster…"), MOVE_DIALOG, self.open_move_dialog
        )
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.hint = QLabel(
            self.tr("Dra lappar till ett kluster, eller Ctrl+X och Ctrl+V. F2 byter namn.")
        )
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(4, 2, 4, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tree)
        layout.addWidget(self.hint)

    def sizeHint(self) -> QSize:
        return QSize(340, 480)

    def _action(self, text: str, keys: QKeySequence, slot) -> QAction:
        action = QAction(text, self.tree)
        action.setShortcut(keys)
        # Shown in the menu only: the tree takes these keys itself (OutlineTree.event).
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.tree.addAction(action)
        return action

    def _edit_current(self) -> None:
        index = self.tree.currentIndex()
        node = self.model.node_of(index)
        if node is not None and kind_of(node) == CLUSTER:
            self.tree.edit(index.siblingAtColumn(NAME))

    # ----------------------------------------------------------------- the open workshop
    def set_board(
        self,
        doc: DocumentModel | None,
        scene: BoardScene | None = None,
        view: BoardView | None = None,
    ) -> None:
        if self.scene is not None and shiboken6.isValid(self.scene):
            self.scene.selectionChanged.disconnect(self._board_selected)
        self.doc, self.scene, self.view = doc, scene, view
        self._cut = None
        self._kept = None  # nothing of the last workshop's tree is kept for this one
        self.model.set_document(doc)
        self.model.set_following(self.isVisible())
        if scene is not None:
            scene.selectionChanged.connect(self._board_selected)
        if doc is not None:
            self._first_expansion()
            self._board_selected()

    # A hidden outline (its dock closed, or behind another tab) follows neither the document
    # nor the board's selection; shown again, it is built afresh and selects what the board has.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.doc is not None and not self.model.following:
            self.model.set_following(True)
            self._board_selected()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # not a minimised window: that stays visible to Qt
            self.model.set_following(False)

    def _first_expansion(self) -> None:
        """Top-level clusters and "Ej sorterade" open, so the first look shows the notes."""
        model = self.model
        for row in range(model.rowCount()):
            self.tree.expand(model.index(row, NAME))

    # ----------------------------------------------------------------- kept over a reset
    def _keep_state(self) -> None:
        model = self.model
        if self.doc is None or not model.rowCount():
            self._kept = None
            return
        expanded: set[int] = set()
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, NAME, parent)
                node = model.node_of(index)
                if node is not None and kind_of(node) != NOTE and self.tree.isExpanded(index):
                    expanded.add(node)
                    pending.append(index)
        current = model.node_of(self.tree.currentIndex())
        selected = [
            n
            for n in (model.node_of(i) for i in self.tree.selectionModel().selectedRows())
            if n is not None
        ]
        self._kept = (expanded, current, selected)

    def _restore_state(self) -> None:
        kept, self._kept = self._kept, None
        if kept is None:
            return
        expanded, current, selected = kept
        for node in expanded:
            if self.model.has(node):
                self.tree.expand(self.model.index_of(node))
        self._syncing = True
        try:
            self._select_nodes(selected, current)
        finally:
            self._syncing = False

    # ----------------------------------------------------------------- outline -> board
    def _outline_selected(self, *_: object) -> None:
        if self._syncing or self.scene is None or not shiboken6.isValid(self.scene):
            return
        notes, clusters = self.model.split(self.tree.selectionModel().selectedRows())
        self._syncing = True
        try:
            self._select_on_board(notes, clusters)
        finally:
            self._syncing = False
        self._show_on_board(self.model.node_of(self.tree.currentIndex()))

    def _select_on_board(self, notes: list[int], clusters: list[int]) -> None:
        scene = self.scene
        assert scene is not None
        if not clusters:
            scene.select_notes(notes)
            return
        if not notes:
            scene.select_clusters(clusters)
            return
        scene.blockSignals(True)
        try:
            scene.select_notes(notes)
            for cid in clusters:
                item = scene.cluster_item(cid)
                if item is not None:
                    item.setSelected(True)
        finally:
            scene.blockSignals(False)
        scene.selectionChanged.emit()

    def _show_on_board(self, node: int | None) -> None:
        """Scroll the board (its zoom kept) so that the row's note or frame is in view; a frame
        larger than the view shows its title."""
        view, scene = self.view, self.scene
        if node is None or view is None or scene is None:
            return
        kind = kind_of(node)
        item: QGraphicsItem | None = None
        if kind == NOTE:
            item = scene.note_item(id_of(node))
        elif kind == CLUSTER:
            item = scene.cluster_item(id_of(node))
        if item is None:
            return
        reveal(view, item.sceneBoundingRect(), 20)

    # ----------------------------------------------------------------- board -> outline
    def _board_selected(self) -> None:
        scene = self.scene
        if self._syncing or scene is None or not shiboken6.isValid(scene):
            return
        if not self.model.following:
            return  # hidden: showEvent selects what the board has then
        nodes = [key(CLUSTER, c) for c in scene.selected_cluster_ids()]
        nodes += [key(NOTE, n) for n in scene.selected_note_ids()]
        nodes = [n for n in nodes if self.model.has(n)]
        self._syncing = True
        try:
            self._select_nodes(nodes, nodes[0] if nodes else None, expand=True)
        finally:
            self._syncing = False

    def _select_nodes(self, nodes: list[int], current: int | None, expand: bool = False) -> None:
        """Select these rows (as few ranges as they make), unfold what holds them (the first
        EXPAND_AT_MOST), make `current` current and scroll to it."""
        model = self.model
        by_parent: dict[int | None, list[int]] = {}
        for node in nodes:
            if model.has(node):
                by_parent.setdefault(model.parent_node(node), []).append(model.row_of(node))
        selection = QItemSelection()
        for parent, rows in by_parent.items():
            parent_index = model.index_of(parent)
            rows.sort()
            start = prev = rows[0]
            for row in [*rows[1:], None]:
                if row is not None and row == prev + 1:
                    prev = row
                    continue
                selection.select(
                    model.index(start, NAME, parent_index), model.index(prev, COUNT, parent_index)
                )
                if row is not None:
                    start = prev = row
        if expand:
            for node in nodes[:EXPAND_AT_MOST]:
                self._unfold_to(node)
        flags = QItemSelectionModel.SelectionFlag
        chooser = self.tree.selectionModel()
        if current is not None and model.has(current):
            index = model.index_of(current)
            chooser.setCurrentIndex(index, flags.NoUpdate)
            self.tree.scrollTo(index)
        chooser.select(selection, flags.ClearAndSelect | flags.Rows)

    def _unfold_to(self, node: int) -> None:
        parent = self.model.parent_node(node)
        chain = []
        while parent is not None:
            chain.append(parent)
            parent = self.model.parent_node(parent)
        for above in reversed(chain):
            self.tree.expand(self.model.index_of(above))

    # ----------------------------------------------------------------- edits
    def _rename(self, cluster_id: int, name: str) -> None:
        if self.doc is not None:
            self.doc.push(cmd.RenameClusterCommand(self.doc, cluster_id, name))

    def send(self, note_ids: list[int], cluster_ids: list[int], target: int | None) -> bool:
        """Notes and clusters into `target` (None: out of every cluster), one undo step."""
        doc = self.doc
        if doc is None:
            return False
        command = send_command(doc, note_ids, cluster_ids, target)
        if command is None:
            return False
        if not doc.push(command):
            return False
        if target is not None:
            self.tree.expand(self.model.index_of(key(CLUSTER, target)))
        return True

    def _selected(self) -> tuple[list[int], list[int]]:
        return self.model.split(self.tree.selectionModel().selectedRows())

    def cut(self) -> None:
        """Ctrl+X: remember the selected notes and clusters; nothing changes until Ctrl+V."""
        notes, clusters = self._selected()
        if not notes and not clusters:
            return
        self._cut = (notes, clusters)
        self.message.emit(
            self.tr(
                "{what} klipptes ut: välj ett kluster eller Ej sorterade och tryck {keys}."
            ).format(what=self._what(notes, clusters), keys=_native(PASTE))
        )

    def paste(self) -> None:
        """Ctrl+V on a row: what was cut goes into that cluster (a note's row: its cluster;
        "Ej sorterade" or a group: out of every cluster)."""
        if self._cut is None:
            self.message.emit(
                self.tr("Inget är utklippt: markera lappar och tryck {keys} först.").format(
                    keys=_native(CUT)
                )
            )
            return
        ok, target = self.model.drop_target(self.tree.currentIndex())
        notes, clusters = self._cut
        if not ok:
            return
        board = self.doc.board if self.doc is not None else None
        if (
            target is not None
            and board is not None
            and any(board.is_within(target, c) for c in clusters if board.has_cluster(c))
        ):
            self.message.emit(self.tr("Ett kluster kan inte läggas i sig självt."))
            return
        self._cut = None
        if self.send(notes, clusters, target):
            self._select_nodes(
                [key(CLUSTER, c) for c in clusters] + [key(NOTE, n) for n in notes],
                key(NOTE, notes[0]) if notes else key(CLUSTER, clusters[0]),
                expand=True,
            )

    def _cancel_cut(self) -> None:
        if self._cut is not None:
            self._cut = None
            self.message.emit(self.tr("Utklippningen avbröts."))

    def open_move_dialog(self) -> bool:
        """Ctrl+Shift+M: the outline's selection into a cluster chosen by typing in the
        "Flytta till kluster" dialog (the board's), or into a new cluster named there."""
        doc = self.doc
        notes, clusters = self._selected()
        if doc is None or (not notes and not clusters) or doc.refuse_if_read_only():
            return False
        from ..board.moving import destinations
        from ..dialogs.move_to_cluster import MoveToClusterDialog

        dialog = MoveToClusterDialog(destinations(doc, clusters), len(notes), len(clusters), self)
        try:
            if not dialog.exec():
                return False
            chosen, name = dialog.chosen(), dialog.new_name()
        finally:
            dialog.deleteLater()
        self.tree.setFocus()
        if chosen is not None:
            return self.send(notes, clusters, chosen)
        if name:
            draft, new = gestures.group(doc.board, notes, clusters)
            command = cmd.GroupAsClusterCommand(doc, draft, new, name)
            if doc.push(command) and command.cluster_id is not None:
                self._select_nodes(
                    [key(CLUSTER, command.cluster_id)],
                    key(CLUSTER, command.cluster_id),
                    expand=True,
                )
                return True
        return False

    def _what(self, notes: list[int], clusters: list[int]) -> str:
        parts = []
        if notes:
            parts.append(self.tr("%n lappar", "", len(notes)))
        if clusters:
            parts.append(self.tr("%n kluster", "", len(clusters)))
        return self.tr(" och ").join(parts)

    def current_node(self) -> int | None:
        return self.model.node_of(self.tree.currentIndex())


def _native(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


__all__ = ["GROUP", "UNSORTED_KEY", "OutlinePanel", "OutlineTree", "send_command"]
