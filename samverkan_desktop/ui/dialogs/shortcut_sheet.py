"""Hjälp › Kortkommandon: every menu command that has a shortcut, grouped by menu.

Built from the window's real QActions each time it opens, so it lists what the keys do now (an
open workshop adds the board's and the suggestions' commands) and can never go stale. Key names
come from `QKeySequence.toString(NativeText)`: Qt's translation decides ("Skift" in Swedish,
"Shift" in English), the same words the menus show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import TrContext

# (menu title, [(command, keys)]) in menu order.
Section = tuple[str, list[tuple[str, str]]]


class Shortcuts(TrContext):
    """The shortcut sheet's texts. (Translation context; see TrContext.)"""


def plain_label(text: str) -> str:
    """A menu text without its mnemonic marker: "&Sök" -> "Sök", "A && B" -> "A & B"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(shortcuts: Iterable[QKeySequence]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in shortcuts if not s.isEmpty())


def menu_sections(
    menus: Iterable[QMenu], labels: dict[QAction, str] | None = None
) -> list[Section]:
    """The commands with shortcuts of each visible menu (submenus included), in menu order.

    `labels` names actions whose menu text changes with the state (undo: "Ångra Flytta ...").
    """
    labels = labels or {}
    sections: list[Section] = []
    for menu in menus:
        if not menu.menuAction().isVisible():
            continue
        rows: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for action in _walk(menu):
            keys = keys_text(action.shortcuts())
            name = labels.get(action) or plain_label(action.text())
            if keys and (name, keys) not in seen and action.isVisible():
                seen.add((name, keys))
                rows.append((name, keys))
        if rows:
            sections.append((plain_label(menu.title()), rows))
    return sections


def _walk(menu: QMenu) -> Iterable[QAction]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _walk(sub)
        else:
            yield action


class ShortcutSheet(QDialog):
    """The sheet: one heading per menu, a command and its keys per line; Esc closes it."""

    def __init__(self, sections: Sequence[Section], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(Shortcuts.tr("Kortkommandon"))
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([Shortcuts.tr("Kommando"), Shortcuts.tr("Kortkommando")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for title, rows in sections:
            heading = QTreeWidgetItem([title])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            self.tree.addTopLevelItem(heading)
            for name, keys in rows:
                heading.addChild(QTreeWidgetItem([name, keys]))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Every line in view without scrolling where the screen allows it.
        lines = len(sections) + sum(len(rows) for _, rows in sections)
        row = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height())
        width = self.tree.columnWidth(0) + self.tree.columnWidth(1) + 60
        self.resize(max(420, width), min(800, 100 + lines * row))

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) as shown, for tests and for reading aloud."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(i)
            if heading is None:
                continue
            for j in range(heading.childCount()):
                child = heading.child(j)
                if child is not None:
                    out.append((heading.text(0), child.text(0), child.text(1)))
        return out
