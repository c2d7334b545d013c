"""What an import will create, shown before anything is written, with the fixes a facilitator
makes most: leave notes out, merge two that were split wrongly, split one, move notes to another
group and, for a table (CSV, Excel), read other columns.

The dialog only edits a copy of the parser's `ParseResult`; `edited_result()` is what the user
confirmed. The caller turns it into a Document and imports it as one undoable command
(`ui.importing.import_parse_result`), so Cancel leaves the workshop file exactly as it was.

Possible duplicates: a note whose text (folded, spacing evened out, as `repeat.normalised`
compares) is already in the open workshop, or comes a second time in the import, is marked and
left out by default; the user may tick it back in.

Note text is plain text everywhere here: the tree, the editor and the tooltips never read HTML.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.importers.repeat import normalised
from ...core.importers.result import ImportRefused, ParsedGroup, ParsedNote, ParseResult
from ...core.messages import describe
from ...core.text_split import split_point
from .. import plaintext
from ..i18n import TrContext, current_language

# Columns of the tree.
TEXT, SECTION, CLUSTER, LINE, REMARK = range(5)
WRAPPED = (TEXT, REMARK)  # the columns whose text wraps; the others show one line
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1

# A table's fields, in the order the mapping shows them (see ParseResult.mapping).
FIELDS = ("text", "group", "section", "cluster", "tags", "votes", "author", "comment", "uncertain")

# The soft yellow a possible duplicate is marked with (dark text stays readable on it).
DUPLICATE_TINT = QColor("#fff4c2")

Reparse = Callable[[dict[str, int]], ParseResult]


class Preview(TrContext):
    """The import preview's texts. (Translation context; see TrContext.)"""


def field_label(name: str) -> str:
    labels = {
        "text": Preview.tr("Text"),
        "group": Preview.tr("Grupp"),
        "section": Preview.tr("Avsnitt"),
        "cluster": Preview.tr("Kluster"),
        "tags": Preview.tr("Taggar"),
        "votes": Preview.tr("Röster"),
        "author": Preview.tr("Skribent"),
        "comment": Preview.tr("Kommentar"),
        "uncertain": Preview.tr("Osäker"),
    }
    return labels.get(name, name)


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text in the column's width: a long note reads whole
    instead of ending in "…" (Qt sizes a row for one line otherwise)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() in WRAPPED or not index.parent().isValid():
            option.textElideMode = Qt.TextElideMode.ElideNone
        else:  # the section and clusters repeat from row to row: one line, "…", a tooltip
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
            option.textElideMode = Qt.TextElideMode.ElideRight

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text or not index.parent().isValid() or index.column() not in WRAPPED:
            return size  # a group's row: one line across the tree
        style = self.tree.style()
        width = self.tree.header().sectionSize(index.column())
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        width -= 2 * margin + 2
        if index.column() == TEXT:
            width -= (
                self.tree.indentation()
                + style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self.tree)
                + 3 * margin
            )
        metrics = self.tree.fontMetrics()
        bound = metrics.boundingRect(
            QRect(0, 0, max(24, width), 1_000_000), Qt.TextFlag.TextWordWrap, str(text)
        )
        return QSize(size.width(), max(size.height(), bound.height() + 4))


@dataclass
class _Entry:
    """One note as the preview holds it: the parsed note (a copy), whether it is taken, and
    why it may be a duplicate ("" when it is not)."""

    note: ParsedNote
    included: bool = True
    duplicate: str = ""


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        result: ParseResult,
        *,
        name: str = "",
        existing_texts: Iterable[str] = (),
        reparse: Reparse | None = None,
        notice: str = "",
        accept_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name or result.source_name
        self.setWindowTitle(
            Preview.tr("Förhandsgranska importen – {name}").format(name=self.name)
            if self.name
            else Preview.tr("Förhandsgranska importen")
        )
        self.setObjectName("importPreview")
        self._existing = {t for t in (normalised(x) for x in existing_texts) if t}
        self._reparse = reparse
        self._accept_text = accept_text
        self._source = result
        self._groups: list[ParsedGroup] = []
        self._entries: list[_Entry] = []
        self._loading = False
        self._editing: _Entry | None = None

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.notice = QLabel(notice)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # names a file, which may hold "<"
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        help_text = QLabel(
            Preview.tr(
                "Inget sparas förrän du importerar. Bocka ur lappar som inte ska med; markera två "
                "lappar för att slå ihop dem, en för att redigera eller dela den."
            )
        )
        help_text.setWordWrap(True)
        help_text.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        # ---- a table's columns: which column each field is read from
        self.mapping_box = QGroupBox(Preview.tr("Kolumner i tabellen"))
        self.mapping_combos: dict[str, QComboBox] = {}
        grid = QGridLayout(self.mapping_box)
        # The fields the table's parser reads, in the order above.
        mapped = [f for f in FIELDS if f in result.mapping]
        mapped += [f for f in result.mapping if f not in FIELDS]
        for i, field in enumerate(mapped):
            combo = QComboBox()
            combo.setObjectName(f"mapping_{field}")
            combo.setAccessibleName(field_label(field))
            combo.currentIndexChanged.connect(self._mapping_changed)
            label = QLabel(field_label(field) + ":")
            label.setBuddy(combo)
            row, col = divmod(i, 4)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(combo, row, col * 2 + 1)
            self.mapping_combos[field] = combo
        self.mapping_error = QLabel()
        self.mapping_error.setTextFormat(Qt.TextFormat.PlainText)
        self.mapping_error.setWordWrap(True)
        self.mapping_error.setStyleSheet("color: #b00020;")
        self.mapping_error.hide()
        grid.addWidget(self.mapping_error, len(mapped) // 4 + 1, 0, 1, 8)

        # ---- the notes, by group
        self.tree = QTreeWidget()
        self.tree.setObjectName("importNotes")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                Preview.tr("Lapp"),
                Preview.tr("Avsnitt"),
                Preview.tr("Kluster"),
                Preview.tr("Rad"),
                Preview.tr("Anmärkning"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)  # long notes wrap in their column instead of running off
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, chars in ((SECTION, 26), (CLUSTER, 16), (REMARK, 24)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().averageCharWidth() * chars)
        header.setSectionResizeMode(LINE, QHeaderView.ResizeMode.ResizeToContents)
        # Rows wrap to the new width when a column is resized.
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemSelectionChanged.connect(self._selection_changed)

        # ---- what to do with the selected notes
        self.merge_button = QPushButton(Preview.tr("Slå ihop markerade"))
        self.merge_button.setToolTip(Preview.tr("Lapparna blir en; texterna läggs efter varandra."))
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button = QPushButton(Preview.tr("Dela lappen"))
        self.split_button.setToolTip(
            Preview.tr("Delar vid markören i texten nedan, annars vid meningen närmast mitten.")
        )
        self.split_button.clicked.connect(self.split_selected)
        self.move_label = QLabel(Preview.tr("Flytta markerade till:"))
        self.move_box = QComboBox()
        self.move_box.setObjectName("moveTo")
        self.move_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.move_label.setBuddy(self.move_box)
        self.move_button = QPushButton(Preview.tr("Flytta"))
        self.move_button.clicked.connect(self.move_selected)
        self.duplicates_button = QPushButton(Preview.tr("Ta med dubbletterna"))
        self.duplicates_button.setToolTip(
            Preview.tr("Bocka i alla lappar som är markerade som möjliga dubbletter.")
        )
        self.duplicates_button.clicked.connect(self.include_duplicates)
        actions = QHBoxLayout()
        actions.addWidget(self.merge_button)
        actions.addWidget(self.split_button)
        actions.addSpacing(12)
        actions.addWidget(self.move_label)
        actions.addWidget(self.move_box)
        actions.addWidget(self.move_button)
        actions.addStretch(1)
        actions.addWidget(self.duplicates_button)

        # ---- the selected note's text, editable (plain text)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteText")
        self.editor.setAccessibleName(Preview.tr("Den markerade lappens text"))
        self.editor.setPlaceholderText(
            Preview.tr("Markera en lapp för att se och ändra dess text.")
        )
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._text_edited)
        editor_box = QGroupBox(Preview.tr("Markerad lapp"))
        QVBoxLayout(editor_box).addWidget(self.editor)

        # ---- what the parser noticed, with the line or row it is about
        self.warnings = QListWidget()
        self.warnings.setObjectName("importWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setAlternatingRowColors(True)
        self.warnings_box = QGroupBox()
        QVBoxLayout(self.warnings_box).addWidget(self.warnings)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(editor_box)
        bottom.addWidget(self.warnings_box)
        bottom.setChildrenCollapsible(False)
        bottom.setSizes([500, 500])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(bottom)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 150])
        split.setChildrenCollapsible(False)
        self.splitter = split

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(Preview.tr("Avbryt"))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.notice)
        layout.addWidget(help_text)
        layout.addWidget(self.mapping_box)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.buttons)
        self.resize(1100, 760)

        self._load(result)

    # ----------------------------------------------------------------- state
    def _load(self, result: ParseResult) -> None:
        """Show `result` afresh (at the start, and after the columns were read again)."""
        self._source = result
        self._groups = copy.deepcopy(result.groups)
        self._entries = [_Entry(copy.deepcopy(n)) for n in result.notes]
        self._mark_duplicates()
        for entry in self._entries:
            entry.included = not entry.duplicate
        self._show_mapping()
        self._show_warnings()
        self._fill_move_box()
        self._rebuild()

    def _mark_duplicates(self) -> None:
        seen: set[str] = set()
        for entry in self._entries:
            text = normalised(entry.note.text)
            if text and text in self._existing:
                entry.duplicate = Preview.tr("Möjlig dubblett: finns redan i workshoppen")
            elif text and text in seen:
                entry.duplicate = Preview.tr("Möjlig dubblett: står två gånger i importen")
            else:
                entry.duplicate = ""
            seen.add(text)

    def _show_mapping(self) -> None:
        columns = list(self._source.columns)
        self.mapping_box.setVisible(bool(columns) and self._reparse is not None)
        self._loading = True
        try:
            for field, combo in self.mapping_combos.items():
                combo.clear()
                combo.addItem(Preview.tr("(ingen)"), -1)
                for i, column in enumerate(columns):
                    combo.addItem(column or Preview.tr("kolumn {n}").format(n=i + 1), i)
                combo.setCurrentIndex(max(0, combo.findData(self._source.mapping.get(field, -1))))
        finally:
            self._loading = False

    def _show_warnings(self) -> None:
        self.warnings.clear()
        for warning in self._source.warnings:
            if warning.line:
                text = Preview.tr("rad {line}: {message}").format(
                    line=warning.line, message=warning.message.text(current_language())
                )
            else:
                text = warning.message.text(current_language())
            self.warnings.addItem(text)
        count = len(self._source.warnings)
        self.warnings_box.setTitle(
            Preview.tr("Varningar ({n})").format(n=count) if count else Preview.tr("Varningar")
        )
        if not count:
            self.warnings.addItem(Preview.tr("Inga varningar."))

    def _fill_move_box(self) -> None:
        self.move_box.clear()
        for i, group in enumerate(self._groups):
            self.move_box.addItem(group.name or Preview.tr("Grupp {n}").format(n=i + 1), i)

    def _group_title(self, index: int, shown: int, taken: int) -> str:
        if 0 <= index < len(self._groups):
            group = self._groups[index]
            title = group.name or Preview.tr("Grupp {n}").format(n=index + 1)
            if group.facilitators:
                title += " – " + Preview.tr("samtalsledare: {names}").format(
                    names=", ".join(group.facilitators)
                )
        else:
            title = Preview.tr("Utan grupp")
        return (
            title + "  " + Preview.tr("({taken} av %n lappar med)", "", shown).format(taken=taken)
        )

    def _rebuild(self) -> None:
        """Fill the tree from the entries: one row per group, its notes under it."""
        selected = {id(e) for e in self.selected_entries()}
        self._loading = True
        self.tree.clear()
        try:
            order = list(range(len(self._groups)))
            strays = [e for e in self._entries if not 0 <= e.note.group < len(self._groups)]
            if strays:
                order.append(-1)
            bold = QFont(self.tree.font())
            bold.setBold(True)
            keep: list[QTreeWidgetItem] = []
            for index in order:
                members = [
                    e
                    for e in self._entries
                    if (e.note.group == index if index >= 0 else e in strays)
                ]
                group_item = QTreeWidgetItem(self.tree)
                group_item.setText(
                    TEXT, self._group_title(index, len(members), sum(e.included for e in members))
                )
                group_item.setFont(TEXT, bold)
                group_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group_item.setFirstColumnSpanned(True)
                group_item.setData(TEXT, ENTRY_ROLE, -1)
                for entry in members:
                    item = self._note_item(entry, group_item)
                    if id(entry) in selected:
                        keep.append(item)
                group_item.setExpanded(True)
            for item in keep:
                item.setSelected(True)
            if keep:
                self.tree.setCurrentItem(
                    keep[0], 0, self.tree.selectionModel().SelectionFlag.NoUpdate
                )
        finally:
            self._loading = False
        self._update_summary()
        self._selection_changed()

    def _note_item(self, entry: _Entry, parent: QTreeWidgetItem) -> QTreeWidgetItem:
        note = entry.note
        item = QTreeWidgetItem(parent)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setData(TEXT, ENTRY_ROLE, self._entries.index(entry))
        item.setText(TEXT, note.text)
        item.setToolTip(TEXT, _plain_tooltip(note.text))
        item.setCheckState(
            TEXT, Qt.CheckState.Checked if entry.included else Qt.CheckState.Unchecked
        )
        item.setText(SECTION, note.section)
        item.setToolTip(SECTION, _plain_tooltip(note.section))
        clusters = [c for c in (note.cluster, *note.themes) if c.strip()]
        item.setText(CLUSTER, ", ".join(dict.fromkeys(clusters)))
        if note.end_line > note.line:
            item.setText(LINE, f"{note.line}–{note.end_line}")
        elif note.line:
            item.setText(LINE, str(note.line))
        top = Qt.AlignmentFlag.AlignTop
        for column in (TEXT, SECTION, CLUSTER, REMARK):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignLeft | top)
        item.setTextAlignment(LINE, Qt.AlignmentFlag.AlignRight | top)
        item.setToolTip(CLUSTER, _plain_tooltip(item.text(CLUSTER)))
        item.setToolTip(REMARK, _plain_tooltip(item.text(REMARK)))
        remarks = []
        if entry.duplicate:
            remarks.append(entry.duplicate)
        if note.uncertain:
            remarks.append(Preview.tr("osäker tolkning"))
        if note.personal_data:
            remarks.append(Preview.tr("personuppgifter"))
        if note.votes:
            remarks.append(Preview.tr("röster: {n}").format(n=note.votes))
        if note.author:
            remarks.append(Preview.tr("av {name}").format(name=note.author))
        item.setText(REMARK, "; ".join(remarks))
        if entry.duplicate:
            for column in range(self.tree.columnCount()):
                item.setBackground(column, QBrush(DUPLICATE_TINT))
                item.setForeground(column, QBrush(QColor("black")))
        if not entry.included:
            item.setForeground(TEXT, self.palette().brush(QPalette.ColorRole.PlaceholderText))
        return item

    def _update_summary(self) -> None:
        taken = [e for e in self._entries if e.included]
        groups = {e.note.group for e in taken}
        text = Preview.tr(
            "{taken} av %n lappar importeras, i {used} av {all} grupper.", "", len(self._entries)
        ).format(taken=len(taken), used=len(groups), all=len(self._groups))
        left_out = sum(1 for e in self._entries if e.duplicate and not e.included)
        if left_out:
            text += " " + Preview.tr(
                "Möjliga dubbletter som lämnas utanför: {n}. Bocka i dem om de ska med."
            ).format(n=left_out)
        self.summary.setText(text)
        self.import_button.setText(
            self._accept_text
            or Preview.tr("Importera {taken} av {total}").format(
                taken=len(taken), total=len(self._entries)
            )
        )
        self.import_button.setEnabled(bool(taken))
        self.duplicates_button.setVisible(any(e.duplicate for e in self._entries))
        self.duplicates_button.setEnabled(left_out > 0)
        # The group rows count what is taken.
        for i in range(self.tree.topLevelItemCount()):
            group_item = self.tree.topLevelItem(i)
            if group_item is None:
                continue
            members = [self._entry(row) for row in _children(group_item)]
            index = i if i < len(self._groups) else -1
            was = self._loading
            self._loading = True
            group_item.setText(
                TEXT, self._group_title(index, len(members), sum(e.included for e in members))
            )
            self._loading = was

    def _entry(self, item: QTreeWidgetItem) -> _Entry:
        return self._entries[item.data(TEXT, ENTRY_ROLE)]

    def selected_entries(self) -> list[_Entry]:
        """The selected notes, in the order of the import."""
        chosen = {
            item.data(TEXT, ENTRY_ROLE)
            for item in self.tree.selectedItems()
            if item.data(TEXT, ENTRY_ROLE) is not None and item.data(TEXT, ENTRY_ROLE) >= 0
        }
        return [e for i, e in enumerate(self._entries) if i in chosen]

    def note_items(self) -> list[QTreeWidgetItem]:
        """The tree's note rows, top to bottom (for tests and for reading the list)."""
        items: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            group_item = self.tree.topLevelItem(i)
            if group_item is not None:
                items.extend(_children(group_item))
        return items

    # ----------------------------------------------------------------- reactions
    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != TEXT:
            return
        index = item.data(TEXT, ENTRY_ROLE)
        if index is None or index < 0:
            return
        entry = self._entries[index]
        included = item.checkState(TEXT) == Qt.CheckState.Checked
        if included != entry.included:
            entry.included = included
            self._loading = True
            brush = (
                self.tree.palette().brush(QPalette.ColorRole.Text)
                if not entry.duplicate
                else QBrush(QColor("black"))
            )
            if not included:
                brush = self.palette().brush(QPalette.ColorRole.PlaceholderText)
            item.setForeground(TEXT, brush)
            self._loading = False
            self._update_summary()

    def _selection_changed(self) -> None:
        if self._loading:
            return
        chosen = self.selected_entries()
        self.merge_button.setEnabled(len(chosen) >= 2)
        one = chosen[0] if len(chosen) == 1 else None
        self.split_button.setEnabled(one is not None and split_point(one.note.text) > 0)
        movable = bool(chosen) and len(self._groups) > 1
        for widget in (self.move_box, self.move_button, self.move_label):
            widget.setEnabled(movable)
        if chosen and 0 <= chosen[0].note.group < len(self._groups):
            self.move_box.setCurrentIndex(self.move_box.findData(chosen[0].note.group))
        self._editing = None
        self.editor.blockSignals(True)
        self.editor.setPlainText(one.note.text if one else "")
        self.editor.blockSignals(False)
        self.editor.setReadOnly(one is None)
        self._editing = one

    def _text_edited(self) -> None:
        entry = self._editing
        if entry is None:
            return
        entry.note.text = self.editor.toPlainText()
        item = next((i for i in self.note_items() if self._entry(i) is entry), None)
        if item is not None:
            self._loading = True
            item.setText(TEXT, entry.note.text)
            item.setToolTip(TEXT, _plain_tooltip(entry.note.text))
            self._loading = False
        self.split_button.setEnabled(split_point(entry.note.text) > 0)

    def _mapping_changed(self) -> None:
        if self._loading or self._reparse is None:
            return
        mapping = {field: combo.currentData() for field, combo in self.mapping_combos.items()}
        try:
            result = self._reparse(mapping)
        except ImportRefused as exc:
            said = describe(exc, current_language())
            self.mapping_error.setText(
                said.strip().splitlines()[0]
                if said.strip()
                else Preview.tr("Kolumnerna gick inte att läsa så.")
            )
            self.mapping_error.show()
            return
        self.mapping_error.hide()
        self._load(result)

    def _context_menu(self, pos: QPoint) -> None:
        chosen = self.selected_entries()
        if not chosen:
            return
        menu = QMenu(self)
        menu.addAction(self.merge_button.text(), self.merge_selected).setEnabled(
            self.merge_button.isEnabled()
        )
        menu.addAction(self.split_button.text(), self.split_selected).setEnabled(
            self.split_button.isEnabled()
        )
        move = menu.addMenu(Preview.tr("Flytta till"))
        move.setEnabled(len(self._groups) > 1)
        for i in range(self.move_box.count()):

            def move_here(_: bool = False, g: int | None = self.move_box.itemData(i)) -> None:
                self._move_to(g)

            move.addAction(self.move_box.itemText(i), move_here)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    # ----------------------------------------------------------------- edits
    def merge_selected(self) -> None:
        """The selected notes become the first of them, their texts one after the other."""
        chosen = self.selected_entries()
        if len(chosen) < 2:
            return
        first, rest = chosen[0], chosen[1:]
        notes = [e.note for e in chosen]
        merged = replace(
            first.note,
            text=" ".join(n.text.strip() for n in notes if n.text.strip()),
            line=min((n.line for n in notes if n.line), default=0),
            end_line=max((max(n.line, n.end_line) for n in notes), default=0),
            uncertain=any(n.uncertain for n in notes),
            personal_data=any(n.personal_data for n in notes),
            comment="\n".join(dict.fromkeys(n.comment for n in notes if n.comment)),
            cluster=next((n.cluster for n in notes if n.cluster), ""),
            themes=list(dict.fromkeys(t for n in notes for t in n.themes)),
            votes=sum(n.votes for n in notes),
            author=", ".join(dict.fromkeys(n.author for n in notes if n.author)),
        )
        first.note = merged
        first.included = True
        self._entries = [e for e in self._entries if not any(e is r for r in rest)]
        self._mark_duplicates()
        self._select_after_rebuild([first])

    def split_selected(self) -> None:
        """The selected note in two: at the cursor in its text, else at the sentence nearest
        its middle."""
        chosen = self.selected_entries()
        if len(chosen) != 1:
            return
        entry = chosen[0]
        text = entry.note.text
        cursor = self.editor.textCursor().position()
        at = (
            cursor
            if 0 < cursor < len(text) and text[:cursor].strip() and text[cursor:].strip()
            else None
        )
        cut = split_point(text, at)
        first, second = text[:cut].strip(), text[cut:].strip()
        if not first or not second:
            return
        entry.note.text = first
        twin = _Entry(
            replace(entry.note, text=second, themes=list(entry.note.themes)), included=True
        )
        self._entries.insert(self._entries.index(entry) + 1, twin)
        self._mark_duplicates()
        for part in (entry, twin):
            if part.duplicate:
                part.included = False
        self._select_after_rebuild([entry])

    def move_selected(self) -> None:
        self._move_to(self.move_box.currentData())

    def _move_to(self, group: int | None) -> None:
        if group is None:
            return
        chosen = self.selected_entries()
        for entry in chosen:
            if entry.note.group != group:
                # A group's own cluster stays with that group; themes go along.
                entry.note.group = group
                entry.note.cluster = ""
        self._select_after_rebuild(chosen)

    def include_duplicates(self) -> None:
        for entry in self._entries:
            if entry.duplicate:
                entry.included = True
        self._rebuild()

    def _select_after_rebuild(self, entries: list[_Entry]) -> None:
        self.tree.clearSelection()
        wanted = {id(e) for e in entries}
        self._rebuild()
        items = [i for i in self.note_items() if id(self._entry(i)) in wanted]
        for item in items:
            item.setSelected(True)
        if items:
            self.tree.setCurrentItem(items[0], 0, self.tree.selectionModel().SelectionFlag.NoUpdate)
            self.tree.scrollToItem(items[0])

    # ----------------------------------------------------------------- the outcome
    def edited_result(self) -> ParseResult:
        """The parse result as the user left it: only the notes ticked, in the groups they were
        moved to; a group that had notes and has none left is dropped."""
        taken = [e.note for e in self._entries if e.included]
        had_notes = {n.group for n in self._source.notes}
        used = {n.group for n in taken}
        kept = [i for i in range(len(self._groups)) if i in used or i not in had_notes]
        new_index = {old: new for new, old in enumerate(kept)}
        notes = [replace(n, group=new_index.get(n.group, -1), themes=list(n.themes)) for n in taken]
        return replace(
            self._source,
            groups=[copy.deepcopy(self._groups[i]) for i in kept],
            notes=notes,
            warnings=list(self._source.warnings),
            columns=list(self._source.columns),
            mapping=dict(self._source.mapping),
        )

    def _confirm(self) -> None:
        if any(e.included for e in self._entries):
            self.accept()


def _plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt reads a tooltip that looks like HTML as HTML."""
    return plaintext.tooltip(text) if text else ""


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The rows under a group row, top to bottom."""
    return [row for j in range(item.childCount()) if (row := item.child(j)) is not None]


def preview_import(
    parent: QWidget | None,
    result: ParseResult,
    *,
    name: str = "",
    existing_texts: Iterable[str] = (),
    reparse: Reparse | None = None,
    notice: str = "",
    accept_text: str = "",
) -> ParseResult | None:
    """Show the preview; the result as the user confirmed it, or None when cancelled."""
    dialog = ImportPreviewDialog(
        result,
        name=name,
        existing_texts=existing_texts,
        reparse=reparse,
        notice=notice,
        accept_text=accept_text,
        parent=parent,
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edited_result()
    finally:
        dialog.deleteLater()
