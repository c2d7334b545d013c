"""Search and filter: find notes as you type, step through the hits, show only some groups.

Matching folds case and diacritics (`core.textfold`), so "motesplats" finds "Mötesplatser";
every word typed must occur. The panel works out which notes match and says so through
signals; the window passes that on to the board (highlight, group filter, centre on a hit).

Each note's folded text is kept (by note id, folded again when its text changes), so a keystroke
costs a substring test per note, not a fold; the texts are folded a few thousand at a time while
the window is idle after a workshop opens, so that not even the first keystroke folds them all.
The signals fire only when what they carry changes:
with an empty box a committed change costs nothing here, and the group counts follow the notes
that changed, not a count of every note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import model as m
from ...core.textfold import FoldCache, fold
from .. import icons, plaintext
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
        self._in_order = True
        self._cursor = -1
        self._folded = FoldCache()
        # The last search's words and what it found (id, folded text): a longer query looks
        # only at these (see _typed); any other search starts afresh.
        self._last: tuple[list[str], list[tuple[int, str]]] | None = None
        self._unfolded: list[int] = []  # notes still to fold while idle
        # Every note's folded text, once each has been folded (while idle, see _fold_some), kept
        # up to date from the document's signals: a search's first key then looks at 10,000
        # strings in one comprehension, not at each note and its text (2 against 9 ms).
        self._every: dict[int, str] = {}
        self._warm_up = QTimer(self)
        self._warm_up.setInterval(0)
        self._warm_up.timeout.connect(self._fold_some)
        # What the highlight last said (None: no search), so that it is said only on a change.
        self._highlight: frozenset[int] | None = None
        # Each note's group, and the notes per group, for the counts in the group filter.
        self._note_group: dict[int, int | None] = {}
        self._group_counts: Counter[int | None] = Counter()

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        find_keys = QKeySequence(QKeySequence.StandardKey.Find)
        self.field.setPlaceholderText(
            self.tr("Sök i lapparna ({keys})").format(
                keys=find_keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.field.setClearButtonEnabled(True)
        # The placeholder goes once something is typed; a screen reader needs a lasting name.
        self.field.setAccessibleName(self.tr("Sök i lapparna"))
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.next_hit)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.field, self.field.clear)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)

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
        self.groups = QTreeWidget()
        self.groups.setObjectName("groupFilter")
        self.groups.setAccessibleName(self.tr("Visa grupper"))
        self.groups.setColumnCount(2)
        self.groups.setHeaderHidden(True)
        self.groups.setRootIsDecorated(False)
        self.groups.setUniformRowHeights(True)
        self.groups.setIconSize(QSize(14, 14))
        self.groups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.groups.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
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
            self._doc.notesChanged.disconnect(self._on_notes_changed)
            self._doc.notesRemoved.disconnect(self._on_notes_removed)
            self._doc.groupsChanged.disconnect(self._fill_groups)
        self._doc = doc
        self._folded.clear()
        self._every = {}
        self._unfolded = list(doc.notes) if doc else []
        if self._unfolded:
            self._warm_up.start()
        else:
            self._warm_up.stop()
        self._note_group = {n.id: n.group_id for n in doc.notes.values()} if doc else {}
        self._group_counts = Counter(self._note_group.values())
        if doc is not None:
            doc.notesChanged.connect(self._on_notes_changed)
            doc.notesRemoved.connect(self._on_notes_removed)
            doc.groupsChanged.connect(self._fill_groups)
        with QSignalBlocker(self.field):
            self.field.clear()
        self._fill_groups()
        self._search(force=True)  # a new board knows no highlight yet: say so in any case

    def _fold_some(self, count: int = 2000) -> None:
        """Fold a batch of the notes' texts ahead of the first search."""
        doc = self._doc
        batch, self._unfolded = self._unfolded[-count:], self._unfolded[:-count]
        if doc is not None:
            notes, every = doc.notes, self._every
            for note_id in batch:
                note = notes.get(note_id)
                if note is not None:
                    every[note_id] = self._folded.get(note_id, note.text)
        if not self._unfolded or doc is None:
            self._unfolded = []
            self._warm_up.stop()

    def _on_notes_changed(self, ids: frozenset[int]) -> None:
        doc = self._doc
        assert doc is not None
        groups = set()
        every = self._every
        for note_id in ids:
            note = doc.notes.get(note_id)
            if note is None:
                continue
            every[note_id] = self._folded.get(note_id, note.text)
            known = note_id in self._note_group
            if not known or self._note_group[note_id] != note.group_id:
                if known:
                    old = self._note_group[note_id]
                    self._group_counts[old] -= 1
                    groups.add(old)
                self._group_counts[note.group_id] += 1
                self._note_group[note_id] = note.group_id
                groups.add(note.group_id)
        self._show_group_counts(groups)
        self._search()

    def _on_notes_removed(self, ids: frozenset[int]) -> None:
        self._folded.forget(ids)
        groups = set()
        for note_id in ids:
            self._every.pop(note_id, None)
            if note_id in self._note_group:
                group_id = self._note_group.pop(note_id)
                self._group_counts[group_id] -= 1
                groups.add(group_id)
        self._show_group_counts(groups)
        self._search()

    def hits(self) -> list[int]:
        """Matching note ids in reading order: group by group, top to bottom."""
        return list(self._ordered())

    def selected_groups(self) -> frozenset[int] | None:
        ids = set()
        all_checked = True
        for item in self._group_items():
            if item.checkState(0) == Qt.CheckState.Checked:
                ids.add(item.data(0, ID_ROLE))
            else:
                all_checked = False
        return None if all_checked else frozenset(ids)

    # ----------------------------------------------------------------- searching
    def _typed(self, _text: str) -> None:
        # A key typed at the end of a word narrows the search: only the last hits are looked
        # at again (nothing else changed since, or that search would have been done afresh).
        self._search(narrowing=True)

    def _search(self, _ids: object = None, *, force: bool = False, narrowing: bool = False) -> None:
        doc = self._doc
        words = fold(self.field.text()).split()
        last, self._last = self._last, None
        if doc is None or not words:
            self._hits = []
            self._cursor = -1
            self._show_count()
            if force or self._highlight is not None:
                self._highlight = None
                self.highlightChanged.emit(None)
            return
        if narrowing and last is not None and _narrower(words, last[0]):
            found = _holding(last[1], words)
        else:
            shown = self.selected_groups()
            if shown is None and len(self._every) == len(doc.notes):  # every note folded
                found = _holding(self._every.items(), words)
            else:
                notes: Iterable[m.Note] = doc.notes.values()
                if shown is not None:
                    notes = [n for n in notes if n.group_id in shown]
                found = self._folded.holding(notes, words)
        self._hits = [i for i, _ in found]
        self._last = (words, found)
        self._in_order = False  # put in reading order when someone steps through them
        self._cursor = -1
        self._show_count()
        highlight = frozenset(self._hits)
        if force or highlight != self._highlight:
            self._highlight = highlight
            self.highlightChanged.emit(highlight)

    def _ordered(self) -> list[int]:
        """The hits in reading order: group by group, top to bottom (sorted once per search)."""
        if not self._in_order and self._doc is not None:
            doc = self._doc
            order = {g: doc.group_index(g) for g in doc.groups}
            last = len(order)

            def place(note_id: int) -> tuple:
                n = doc.note(note_id)
                index = order.get(n.group_id, last) if n.group_id is not None else last
                return (index, n.y, n.x, n.id)

            self._hits.sort(key=place)
            self._in_order = True
        return self._hits

    def next_hit(self) -> None:
        if not self._ordered():
            return
        self._cursor = (self._cursor + 1) % len(self._hits)
        self._show_count()
        self.hitRequested.emit(self._hits[self._cursor])

    def _show_count(self) -> None:
        searching = bool(self.field.text().strip())
        self.next_button.setEnabled(len(self._hits) > 0)
        if not searching:
            self.count.setText("")
        elif not self._hits:
            self.count.setText(self.tr("Inga träffar"))
        elif self._cursor >= 0:
            self.count.setText(
                self.tr("Träff {n} av {total}").format(n=self._cursor + 1, total=len(self._hits))
            )
        else:
            self.count.setText(self.tr("%n träffar", "", len(self._hits)))

    # ----------------------------------------------------------------- group filter
    def _group_items(self) -> list[QTreeWidgetItem]:
        tree = self.groups
        return [
            item
            for i in range(tree.topLevelItemCount())
            if (item := tree.topLevelItem(i)) is not None
        ]

    def _fill_groups(self, _ids: object = None) -> None:
        doc = self._doc
        hidden = {
            item.data(0, ID_ROLE)
            for item in self._group_items()
            if item.checkState(0) != Qt.CheckState.Checked
        }
        groups = sorted(doc.groups.values(), key=lambda g: (g.position, g.id)) if doc else []
        labels = palette.group_labels(groups)
        with QSignalBlocker(self.groups):
            self.groups.clear()
            for index, group in enumerate(groups):
                item = QTreeWidgetItem([f"{labels[group.id]}  {group.name}", ""])
                item.setIcon(0, icons.group_swatch(index))
                item.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                item.setData(0, ID_ROLE, group.id)
                self._show_group_count(item, group.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    0, Qt.CheckState.Unchecked if group.id in hidden else Qt.CheckState.Checked
                )
                self.groups.addTopLevelItem(item)
        rows = min(max(len(groups), 1), 10)
        row_height = self.groups.sizeHintForRow(0) if groups else 20
        self.groups.setFixedHeight(rows * row_height + 2 * self.groups.frameWidth() + 2)
        self.groups_label.setVisible(bool(groups))
        self.groups.setVisible(bool(groups))
        self.groupFilterChanged.emit(self.selected_groups())

    def _show_group_counts(self, group_ids: set[int | None]) -> None:
        if not group_ids:
            return
        with QSignalBlocker(self.groups):
            for item in self._group_items():
                group_id = item.data(0, ID_ROLE)
                if group_id in group_ids:
                    self._show_group_count(item, group_id)

    def _show_group_count(self, item: QTreeWidgetItem, group_id: int) -> None:
        assert self._doc is not None
        group = self._doc.group(group_id)
        count = self._group_counts[group_id]
        item.setText(1, str(count))
        tip = f"{group.name}\n" + self.tr("%n lappar", "", count)
        if group.facilitators:
            tip += "\n" + self.tr("Samtalsledare: {names}").format(
                names=", ".join(group.facilitators)
            )
        item.setToolTip(0, plaintext.tooltip(tip))

    def set_group_checked(self, group_id: int, checked: bool) -> None:
        for item in self._group_items():
            if item.data(0, ID_ROLE) == group_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(0, state)

    def _group_toggled(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.groupFilterChanged.emit(self.selected_groups())
        self._search()

    def sizeHint(self) -> QSize:
        return QSize(320, super().sizeHint().height())


def _holding(found: Iterable[tuple[int, str]], words: list[str]) -> list[tuple[int, str]]:
    """Those (id, folded text) pairs whose text holds every one of `words`."""
    if len(words) == 1:  # (no generator a hit: 8,000 of those were 10 ms a key)
        word = words[0]
        return [(i, f) for i, f in found if word in f]
    return [(i, f) for i, f in found if all(w in f for w in words)]


def _narrower(words: list[str], than: list[str]) -> bool:
    """Whether every note these words find is among those `than` found: each word of `than`
    is within one of them."""
    return all(any(old in new for new in words) for old in than)
