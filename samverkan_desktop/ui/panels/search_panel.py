"""Search and filter: find notes as you type, step through the hits, show only some groups.

Matching folds case and diacritics (`core.textfold`), so "motesplats" finds "Mötesplatser";
every word typed must occur. The panel works out which notes match and says so through
signals; the window passes that on to the board (highlight, group filter, centre on a hit).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.textfold import fold
from .. import icons
from ..board import palette
from ..document import DocumentModel

ID_ROLE = Qt.ItemDataRole.UserRole


class SearchPanel(QWidget):
    highlightChanged = Signal(object)  # frozenset of note ids, or None for "no search"
    groupFilterChanged = Signal(object)  # frozenset of group ids, or None for "all groups"
    hitRequested = Signal(int)  # a note id to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DocumentModel | None = None
        self._hits: list[int] = []
        self._cursor = -1

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Sök i lapparna…"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.next_hit)

        self.count = QLabel()
        self.count.setObjectName("searchCount")
        self.count.setWordWrap(True)
        self.next_button = QPushButton(self.tr("Nästa"))
        self.next_button.setToolTip(self.tr("Visa nästa träff (Enter)"))
        self.next_button.clicked.connect(self.next_hit)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.next_button)

        self.groups_label = QLabel(self.tr("Visa grupper"))
        self.groups = QListWidget()
        self.groups.setObjectName("groupFilter")
        self.groups.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.groups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.groups.setUniformItemSizes(True)
        self.groups.setIconSize(QSize(14, 14))
        self.groups.itemChanged.connect(self._group_toggled)

        # As tall as its content: the clusters list below gets the rest of the column.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.field)
        layout.addLayout(row)
        layout.addSpacing(6)
        layout.addWidget(self.groups_label)
        layout.addWidget(self.groups)
        layout.addStretch(1)
        self._show_count()

    # ----------------------------------------------------------------- document
    def set_document(self, doc: DocumentModel | None) -> None:
        if self._doc is not None:
            self._doc.notesChanged.disconnect(self._search)
            self._doc.notesRemoved.disconnect(self._search)
            self._doc.groupsChanged.disconnect(self._fill_groups)
        self._doc = doc
        if doc is not None:
            doc.notesChanged.connect(self._search)
            doc.notesRemoved.connect(self._search)
            doc.groupsChanged.connect(self._fill_groups)
        with QSignalBlocker(self.field):
            self.field.clear()
        self._fill_groups()
        self._search()

    def hits(self) -> list[int]:
        """Matching note ids in reading order: group by group, top to bottom."""
        return list(self._hits)

    def selected_groups(self) -> frozenset[int] | None:
        ids = set()
        all_checked = True
        for i in range(self.groups.count()):
            item = self.groups.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.add(item.data(ID_ROLE))
            else:
                all_checked = False
        return None if all_checked else frozenset(ids)

    # ----------------------------------------------------------------- searching
    def _search(self, _ids: object = None) -> None:
        doc = self._doc
        words = fold(self.field.text()).split()
        if doc is None or not words:
            self._hits = []
            self._cursor = -1
            self._show_count()
            self.highlightChanged.emit(None)
            return
        shown = self.selected_groups()
        order = {g: doc.group_index(g) for g in doc.groups}
        hits = [
            n
            for n in doc.notes.values()
            if (shown is None or n.group_id in shown) and all(w in fold(n.text) for w in words)
        ]
        hits.sort(key=lambda n: (order.get(n.group_id, len(order)), n.y, n.x, n.id))
        self._hits = [n.id for n in hits]
        self._cursor = -1
        self._show_count()
        self.highlightChanged.emit(frozenset(self._hits))

    def next_hit(self) -> None:
        if not self._hits:
            return
        self._cursor = (self._cursor + 1) % len(self._hits)
        self._show_count()
        self.hitRequested.emit(self._hits[self._cursor])

    def _show_count(self) -> None:
        searching = bool(self.field.text().strip())
        self.next_button.setEnabled(len(self._hits) > 0)
        if not searching:
            self.count.setText(self.tr("Skriv för att söka; Enter visar nästa träff."))
        elif not self._hits:
            self.count.setText(self.tr("Inga träffar"))
        elif self._cursor >= 0:
            self.count.setText(
                self.tr("Träff {n} av {total}").format(n=self._cursor + 1, total=len(self._hits))
            )
        else:
            self.count.setText(self.tr("%n träffar", "", len(self._hits)))

    # ----------------------------------------------------------------- group filter
    def _fill_groups(self, _ids: object = None) -> None:
        doc = self._doc
        hidden = {
            self.groups.item(i).data(ID_ROLE)
            for i in range(self.groups.count())
            if self.groups.item(i).checkState() != Qt.CheckState.Checked
        }
        groups = sorted(doc.groups.values(), key=lambda g: (g.position, g.id)) if doc else []
        labels = palette.group_labels(groups)
        with QSignalBlocker(self.groups):
            self.groups.clear()
            for index, group in enumerate(groups):
                count = sum(1 for n in doc.notes.values() if n.group_id == group.id)
                item = QListWidgetItem(icons.group_swatch(index), f"{group.name} ({count})")
                item.setData(ID_ROLE, group.id)
                tip = f"{labels[group.id]}: {group.name}\n" + self.tr("%n lappar", "", count)
                if group.facilitators:
                    tip += "\n" + self.tr("Samtalsledare: {names}").format(
                        names=", ".join(group.facilitators)
                    )
                item.setToolTip(tip)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Unchecked if group.id in hidden else Qt.CheckState.Checked
                )
                self.groups.addItem(item)
        rows = min(max(len(groups), 1), 10)
        self.groups.setFixedHeight(
            rows * self.groups.sizeHintForRow(0) + 2 * self.groups.frameWidth() + 2
        )
        self.groups_label.setVisible(bool(groups))
        self.groups.setVisible(bool(groups))
        self.groupFilterChanged.emit(self.selected_groups())

    def set_group_checked(self, group_id: int, checked: bool) -> None:
        for i in range(self.groups.count()):
            item = self.groups.item(i)
            if item.data(ID_ROLE) == group_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _group_toggled(self, _item: QListWidgetItem) -> None:
        self.groupFilterChanged.emit(self.selected_groups())
        self._search()
