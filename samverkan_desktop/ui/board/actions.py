"""The board's QActions, with Swedish texts and shortcuts, enabled by what is selected.

The main window puts them into its menus; they are also added to the view (so their shortcuts
work while the board has focus) and make up the board's right-click menu.
Single-key shortcuts (N, Del, +, -) only fire while the board has focus, so they never eat
letters typed into a search field.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QInputDialog, QMenu

from ...core import model as m
from ...core import note_colours
from ...core.board import gestures
from ...core.board.place import innermost_cluster
from ...core.text_split import split_point
from .. import commands as cmd
from ..document import DocumentModel
from ..i18n import current_language
from . import moving
from .view import BoardView

# Asked which group a new note belongs to when the selection does not tell; None: cancel.
ChooseGroup = Callable[[Sequence[m.Group]], int | None]


def _swatch(fill: str, shade: str, mark: str) -> QIcon:
    """The menu's picture of a colour: its paper with its tag's mark, as on the board."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(shade))
    painter.setBrush(QColor(fill))
    painter.drawRoundedRect(1, 1, 30, 30, 5, 5)
    font = painter.font()
    font.setPixelSize(15)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return QIcon(pixmap)


def _ask_group(parent: BoardView) -> ChooseGroup:
    def choose(groups: Sequence[m.Group]) -> int | None:
        names = [g.name for g in groups]
        name, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("BoardView", "Ny lapp"),
            QCoreApplication.translate("BoardView", "Vilken grupp kommer lappen från?"),
            names,
            0,
            False,
        )
        return groups[names.index(name)].id if ok and name in names else None

    return choose


class BoardActions(QObject):
    def __init__(
        self,
        view: BoardView,
        doc: DocumentModel,
        choose_group: ChooseGroup | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.board()
        self.doc = doc
        self.choose_group = choose_group or _ask_group(view)
        self._last_group: int | None = None  # the group of the last note added here
        S = QKeySequence.StandardKey
        board_only = Qt.ShortcutContext.WidgetWithChildrenShortcut

        self.group_as_cluster = self._make(self.tr("Gruppera som kluster"), "Ctrl+G", self._group)
        self.move_to_cluster = self._make(
            self.tr("Flytta till kluster…"), "Ctrl+Shift+M", self._move_to_cluster
        )
        self.rename_cluster = self._make(self.tr("Byt namn på kluster"), "F2", self._rename)
        self.tidy_cluster = self._make(self.tr("Ordna klustret"), "Ctrl+Shift+O", self._tidy)
        self.merge_clusters = self._make(
            self.tr("Slå ihop kluster"), "Ctrl+Shift+J", self._merge_clusters
        )
        self.delete_cluster = self._make(
            self.tr("Ta bort kluster (behåll lapparna)"), "Shift+Del", self._delete_clusters
        )
        self.new_note = self._make(self.tr("Ny lapp"), "N", self._new_note, board_only)
        self.edit_note = self._make(self.tr("Redigera lapp"), "Return", self._edit, board_only)
        self.split_note = self._make(self.tr("Dela lapp i två"), "Ctrl+Shift+D", self._split)
        self.merge_notes = self._make(self.tr("Slå ihop lappar"), "Ctrl+J", self._merge_notes)
        self.add_vote = self._make(
            self.tr("Lägg till prickröst"), "+", lambda: self._votes(+1), board_only
        )
        self.remove_vote = self._make(
            self.tr("Ta bort prickröst"), "-", lambda: self._votes(-1), board_only
        )
        self.delete = self._make(self.tr("Ta bort"), S.Delete, self._delete, board_only)
        self.select_all = self._make(self.tr("Markera allt"), S.SelectAll, self.scene.select_all)
        self.zoom_to_fit = self._make(self.tr("Visa hela tavlan"), "Ctrl+0", view.zoom_to_fit)
        self.zoom_100 = self._make(self.tr("Verklig storlek (100 %)"), "Ctrl+1", view.zoom_100)
        self.zoom_in = self._make(self.tr("Zooma in"), S.ZoomIn, lambda: view.zoom_step(1.25))
        self.zoom_out = self._make(self.tr("Zooma ut"), S.ZoomOut, lambda: view.zoom_step(0.8))
        self.colour_menu = QMenu(self.tr("Färg"), view)
        self.colour_actions: dict[str, QAction] = {}
        for colour in note_colours.PALETTE:
            action = self.colour_menu.addAction(
                _swatch(colour.fill, colour.ink, colour.mark), colour.name(current_language())
            )
            action.triggered.connect(lambda _c=False, value=colour.hue: self._colour(value))
            self.colour_actions[colour.hue] = action
        self.colour_menu.addSeparator()
        no_colour = self.colour_menu.addAction(self.tr("Ingen (gruppens färg)"))
        no_colour.triggered.connect(lambda _c=False: self._colour(""))
        self.colour_actions[""] = no_colour
        self.colour = self.colour_menu.menuAction()
        self.add_vote.setShortcuts(
            [QKeySequence("+"), QKeySequence(Qt.Key.Key_Plus | Qt.KeyboardModifier.KeypadModifier)]
        )
        self.remove_vote.setShortcuts(
            [QKeySequence("-"), QKeySequence(Qt.Key.Key_Minus | Qt.KeyboardModifier.KeypadModifier)]
        )
        self.delete.setShortcuts([QKeySequence(S.Delete), QKeySequence(Qt.Key.Key_Backspace)])
        self.edit_note.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )

        view.set_context_actions(self.context_menu_actions())
        self.scene.selectionChanged.connect(self.update_enabled)
        self.scene.editingChanged.connect(self.update_enabled)
        view.focusedItemChanged.connect(self.update_enabled)
        self.scene.newNoteRequested.connect(self._new_note_at)
        doc.undo_stack.indexChanged.connect(self.update_enabled)
        self.update_enabled()

    def _make(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey,
        slot: Callable[[], object],
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action

    def all_actions(self) -> list[QAction]:
        return [a for a in self.context_menu_actions() if a is not None] + [
            self.select_all,
            self.zoom_to_fit,
            self.zoom_100,
            self.zoom_in,
            self.zoom_out,
        ]

    def context_menu_actions(self) -> list[QAction | None]:
        """In menu order; None marks a separator."""
        return [
            self.new_note,
            self.edit_note,
            self.split_note,
            self.merge_notes,
            self.add_vote,
            self.remove_vote,
            self.colour,
            None,
            self.group_as_cluster,
            self.move_to_cluster,
            self.rename_cluster,
            self.tidy_cluster,
            self.merge_clusters,
            self.delete_cluster,
            None,
            self.delete,
        ]

    # ----------------------------------------------------------------- enabling
    def update_enabled(self) -> None:
        if not shiboken6.isValid(self.scene):
            return  # a scene being destroyed still announces that its selection went away
        # Only what the model still has: a change may be half-way through reaching the scene.
        notes = [i for i in self.scene.selected_note_ids() if i in self.doc.notes]
        clusters = [i for i in self.scene.selected_cluster_ids() if i in self.doc.clusters]
        editing = self.scene.active_editor()
        one_note = len(notes) == 1
        focused = self._focused()
        self.group_as_cluster.setEnabled(bool(notes or clusters))
        self.move_to_cluster.setEnabled(bool(notes or clusters or focused))
        self.rename_cluster.setEnabled(len(clusters) == 1)
        self.tidy_cluster.setEnabled(bool(clusters))
        self.merge_clusters.setEnabled(len(clusters) >= 2)
        self.delete_cluster.setEnabled(bool(clusters))
        self.edit_note.setEnabled(one_note or focused is not None)
        self.split_note.setEnabled(
            (one_note and _splittable(self.doc.note(notes[0]).text))
            or (editing is not None and editing[0] == "note")
        )
        self.merge_notes.setEnabled(len(notes) >= 2)
        self.add_vote.setEnabled(bool(notes))
        self.remove_vote.setEnabled(any(self.doc.note(i).votes > 0 for i in notes))
        self.delete.setEnabled(bool(notes or clusters))
        self.colour.setEnabled(bool(notes or clusters))
        if self.doc.read_only:  # nothing can be saved: looking, selecting and zooming stay
            for action in self.context_menu_actions():
                if action is not None:
                    action.setEnabled(False)

    # ----------------------------------------------------------------- slots
    def _group(self) -> None:
        self.scene.group_selection()

    def _rename(self) -> None:
        clusters = self.scene.selected_cluster_ids()
        if len(clusters) == 1:
            self.scene.rename_cluster(clusters[0])

    def _tidy(self) -> None:
        clusters = self.scene.selected_cluster_ids()
        if not clusters:
            return
        stack = self.doc.undo_stack
        if len(clusters) > 1:
            stack.beginMacro(self.tr("Ordna %n kluster", "", len(clusters)))
        for cid in clusters:
            if cid in self.doc.clusters:
                draft = gestures.tidy(self.doc.board, cid)
                self.doc.push(cmd.TidyClusterCommand(self.doc, cid, draft))
        if len(clusters) > 1:
            stack.endMacro()

    def _merge_clusters(self) -> None:
        clusters = self.scene.selected_cluster_ids()
        if len(clusters) >= 2:
            draft, target = gestures.merge_clusters(self.doc.board, clusters)
            command = cmd.MergeClustersCommand(self.doc, draft, target)
            if self.doc.push(command):
                self.scene.select_clusters([command.target])

    def _delete_clusters(self) -> None:
        clusters = self.scene.selected_cluster_ids()
        if clusters:
            self.doc.push(cmd.DeleteClusterCommand(self.doc, clusters))

    def _delete(self) -> None:
        notes, clusters = self.scene.selected_note_ids(), self.scene.selected_cluster_ids()
        if notes or clusters:
            self.doc.push(cmd.DeleteCommand(self.doc, notes, clusters))

    def _colour(self, colour: str) -> None:
        notes = [i for i in self.scene.selected_note_ids() if self.doc.note(i).colour != colour]
        clusters = [
            i for i in self.scene.selected_cluster_ids() if self.doc.cluster(i).colour != colour
        ]
        if notes or clusters:
            self.doc.push(cmd.SetColourCommand(self.doc, notes, clusters, colour))

    def _focused(self) -> tuple[str, int] | None:
        """The note or frame the keyboard is on, if the model still has it."""
        key = self.view.keys.key
        if key is None:
            return None
        known = self.doc.notes if key[0] == "note" else self.doc.clusters
        return key if key[1] in known else None

    def _edit(self) -> None:
        """Enter: the selected note's text, else the focused note's text or frame's name."""
        notes = self.scene.selected_note_ids()
        focused = self._focused()
        if focused is not None and (len(notes) != 1 or focused == ("note", notes[0])):
            if focused[0] == "note":
                self.scene.edit_note(focused[1])
            else:
                self.scene.rename_cluster(focused[1])
        elif len(notes) == 1:
            self.scene.edit_note(notes[0])

    def _move_to_cluster(self) -> None:
        moving.move_to_cluster(self.view, self._focused())

    def _votes(self, step: int) -> None:
        notes = self.scene.selected_note_ids()
        if notes:
            votes = {i: max(0, self.doc.note(i).votes + step) for i in notes}
            if any(votes[i] != self.doc.note(i).votes for i in notes):
                self.doc.push(cmd.SetVotesCommand(self.doc, votes))

    def _split(self) -> None:
        editing = self.scene.active_editor()
        if editing is not None and editing[0] == "note" and (note_id := editing[1]) is not None:
            editor = editing[2]
            text, at = editor.text(), editor.cursor_position()
            self.scene.close_editor()
            if split_point(text, at) and text[:at].strip() and text[at:].strip():
                self.doc.push(split_note(self.doc, note_id, at, text))
            return
        notes = self.scene.selected_note_ids()
        if len(notes) == 1 and split_point(self.doc.note(notes[0]).text):
            self.doc.push(split_note(self.doc, notes[0]))

    def _merge_notes(self) -> None:
        notes = self.scene.selected_note_ids()
        if len(notes) >= 2:
            command = cmd.MergeNotesCommand(self.doc, notes)
            if self.doc.push(command):
                self.scene.select_notes([command.keep_id])

    def _new_note(self) -> None:
        clusters = self.scene.selected_cluster_ids()
        self._new_note_at(self._new_note_place(), clusters)

    def _new_note_at(self, at: QPointF, clusters: Sequence[int] = ()) -> None:
        doc = self.doc
        if doc.refuse_if_read_only():  # a double-click on the board: no editor to type into
            return
        groups = [doc.note(i).group_id for i in self.scene.selected_note_ids()]
        frame = innermost_cluster(doc.board, at.x(), at.y())
        for cid in [*clusters, *([frame] if frame is not None else [])]:
            cluster = doc.cluster(cid)
            if cluster.group_id is not None:
                groups.append(cluster.group_id)
            groups += [doc.note(i).group_id for i in doc.subtree_notes(cid)]
        group = self._choose_group(groups)
        if group is not False:
            self._last_group = group if isinstance(group, int) else self._last_group
            self.scene.start_new_note(group, at)

    def _choose_group(self, hints: Sequence[int | None]) -> int | None | bool:
        """The group most of `hints` belong to, else the last one used, else ask.

        False: the user cancelled.
        """
        known = [g for g in hints if g is not None and g in self.doc.groups]
        if known:
            return Counter(known).most_common(1)[0][0]
        ordered = sorted(self.doc.groups.values(), key=lambda g: (g.position, g.id))
        if not ordered:
            return None
        if len(ordered) == 1:
            return ordered[0].id
        if self._last_group in self.doc.groups:
            return self._last_group
        chosen = self.choose_group(ordered)
        return False if chosen is None else chosen

    def _new_note_place(self) -> QPointF:
        view = self.view
        pos = view.last_mouse_pos
        if pos is not None and view.viewport().rect().contains(pos):
            return view.mapToScene(pos)
        return view.mapToScene(view.viewport().rect().center())


def split_note(
    doc: DocumentModel, note_id: int, at: int | None = None, text: str | None = None
) -> cmd.SplitNoteCommand:
    """The note (or `text`, its text being edited) cut at `at`, else where core.text_split
    says; the second part beside the first (core.board.gestures.split_note)."""
    note = doc.note(note_id)
    full = note.text if text is None else text
    cut = split_point(full, at)
    first, second = full[:cut].strip(), full[cut:].strip()
    first_h = doc.note_height(m.Note(0, first, votes=note.votes))
    second_h = doc.note_height(m.Note(0, second))
    draft, new = gestures.split_note(doc.board, note_id, first_h, second_h)
    return cmd.SplitNoteCommand(doc, note_id, first, second, draft, new)


@functools.lru_cache(maxsize=64)
def _splittable(text: str) -> bool:
    """Whether a note's text has a place to cut it in two. Asked for the selected note after
    every change to the board (0.1 ms for a note of a few sentences: every break tried at every
    character), so worked out once per text."""
    return split_point(text) > 0
