"""Inline editing on the board: a cluster's name, a note's text, a new note being typed.

One editor at a time. What is typed becomes one command when the editor commits (Enter, or a
click elsewhere); Escape leaves the document as it was.

A new cluster's name (Ctrl+G) is made and put on the board only once the board has shown the
new frame (`rename_cluster(..., soon=True)`): the first paint after Ctrl+G does not wait for
the editor. A key typed, a click or a look at the editor before then makes and shows it first,
so nothing typed goes anywhere else; a commit or cancel before then (another edit begins, an
undo takes the cluster away) leaves it unmade.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer

from ...core import model as m
from ...core.board import gestures
from ...core.board.place import innermost_cluster
from .. import commands as cmd
from ..commands import conflicts
from . import metrics as mt
from . import palette as pal
from .editor import InlineEditor

if TYPE_CHECKING:
    from .scene import BoardScene


# What reaches the scene from the user: an editor made but not shown yet is shown first.
_INPUT = frozenset(
    {
        QEvent.Type.ShortcutOverride,  # before a shortcut: the editor takes Delete, Ctrl+A...
        QEvent.Type.KeyPress,
        QEvent.Type.InputMethod,
        QEvent.Type.GraphicsSceneMousePress,
        QEvent.Type.GraphicsSceneMouseDoubleClick,
        QEvent.Type.GraphicsSceneContextMenu,
    }
)


class _ShowOnInput(QObject):
    """On the scene while an editor waits to be shown: input shows it before it is handled."""

    def __init__(self, editing: InlineEditing) -> None:
        super().__init__()
        self.editing = editing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.editing.show_waiting()
        return False  # the event goes on, to the editor if it now has the focus


class InlineEditing:
    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.editor: InlineEditor | None = None
        self.what: tuple[str, int | None] | None = None
        # An editor to be made and put on the board after the next paint: what does it, and
        # what it will edit (see the module's docstring).
        self._waiting: Callable[[], None] | None = None
        self._waiting_for: tuple[str, int | None] | None = None
        self._show_on_input = _ShowOnInput(self)
        # A timer of its own, not a posted call: Qt runs timers after the paint that the
        # change just made asked for (posted calls run before it).
        self._show_timer = QTimer(scene)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self.show_waiting)

    def active(self) -> tuple[str, int | None, InlineEditor] | None:
        self.show_waiting()  # whoever asks sees it as the user will: on the board, focused
        if self.editor is None or self.what is None:
            return None
        return self.what[0], self.what[1], self.editor

    def show_waiting(self) -> None:
        """Make and show an editor that waits for the next paint now (see the module's
        docstring)."""
        show = self._drop_waiting()
        if show is not None:
            show()

    def _later(self, what: tuple[str, int | None], show: Callable[[], None]) -> None:
        self._waiting, self._waiting_for = show, what
        self.scene.installEventFilter(self._show_on_input)
        self._show_timer.start(0)

    def _drop_waiting(self) -> Callable[[], None] | None:
        show, self._waiting, self._waiting_for = self._waiting, None, None
        if show is not None:
            self._show_timer.stop()
            self.scene.removeEventFilter(self._show_on_input)
        return show

    def commit(self) -> None:
        self._drop_waiting()  # (an editor not shown yet has nothing typed to keep)
        if self.editor is not None:
            self.editor.commit()

    def cancel(self) -> None:
        self._drop_waiting()
        if self.editor is not None:
            self.editor.cancel()

    def forget(self, kind: str, ids: frozenset[int]) -> None:
        """What was being edited has gone (an undo removed it): close without applying."""
        waiting = self._waiting_for
        if waiting is not None and waiting[0] == kind and waiting[1] in ids:
            self._drop_waiting()
        if self.what is not None and self.what[0] == kind and self.what[1] in ids:
            self.cancel()

    def rename_cluster(self, cluster_id: int, *, soon: bool = False) -> None:
        """Open the cluster's name for typing; `soon`: made and shown after the next paint
        (Ctrl+G, see the module's docstring)."""
        if soon:
            self._later(("cluster", cluster_id), lambda: self.rename_cluster(cluster_id))
            return
        scene, doc = self.scene, self.scene.doc
        item = scene.cluster_item(cluster_id)
        if item is None:
            return
        editor = InlineEditor(
            doc.cluster(cluster_id).name,
            mt.title_font(),
            max(180.0, item.rect().width() - 16),
            multiline=False,
            background=pal.BOARD_BACKGROUND.lighter(104),
        )
        editor.setPos(item.pos() + QPointF(6, 4))

        started = conflicts.shown(doc, clusters=[cluster_id])

        def done(text: str) -> None:
            name = " ".join(text.split())
            current = doc.clusters.get(cluster_id)
            if name and current is not None and name != current.name:
                command = cmd.RenameClusterCommand(doc, cluster_id, name)
                command.basis.since(started)  # a rename heard while typing is not overwritten
                doc.push(command)

        self._open(editor, ("cluster", cluster_id), done)

    def edit_note(self, note_id: int) -> None:
        scene, doc = self.scene, self.scene.doc
        item = scene.note_item(note_id)
        if item is None:
            return
        editor = InlineEditor(
            doc.note(note_id).text,
            mt.note_font(mt.sizes(scene.look.text_scale)[0]),  # the reader's text size
            mt.NOTE_W,
            multiline=True,
            background=item.style.fill,
            min_height=item.height(),
        )
        editor.setPos(item.pos())

        started = conflicts.shown(doc, notes=[note_id])

        def done(text: str) -> None:
            text = text.strip()
            current = doc.notes.get(note_id)
            if text and current is not None and text != current.text:
                command = cmd.EditNoteTextCommand(doc, note_id, text)
                command.basis.since(started)  # a change heard while typing is not overwritten
                doc.push(command)

        self._open(editor, ("note", note_id), done)

    def new_note(self, group_id: int | None, at: QPointF) -> None:
        scene, doc = self.scene, self.scene.doc
        top_left = at - QPointF(mt.NOTE_W / 2, mt.NOTE_H / 2)
        editor = InlineEditor(
            "",
            mt.note_font(mt.sizes(scene.look.text_scale)[0]),
            mt.NOTE_W,
            multiline=True,
            background=scene.note_style(group_id).fill,
            min_height=mt.NOTE_H,
        )
        editor.setPos(top_left)

        def done(text: str) -> None:
            if not text.strip():
                return
            probe = m.Note(0, text.strip(), x=top_left.x(), y=top_left.y())
            height = doc.note_height(probe)
            cluster = innermost_cluster(
                doc.board, top_left.x() + mt.NOTE_W / 2, top_left.y() + height / 2
            )
            draft, new = gestures.add_note(doc.board, top_left.x(), top_left.y(), height, cluster)
            command = cmd.AddNoteCommand(doc, text, group_id, draft, new)
            if doc.push(command) and command.note_id is not None:
                scene.select_notes([command.note_id])

        self._open(editor, ("new", group_id), done)

    def _open(
        self,
        editor: InlineEditor,
        what: tuple[str, int | None],
        on_commit: Callable[[str], None],
    ) -> None:
        scene = self.scene
        if scene.doc.refuse_if_read_only():  # typing that could never be saved: say so at once
            return
        self.commit()
        self.editor, self.what = editor, what

        def finish(text: str | None) -> None:
            if self.editor is not editor:
                return
            self.editor, self.what = None, None
            editor.hide()
            scene.editingChanged.emit()
            # Removing an item inside its own key or focus handler is not safe; do it next.
            QTimer.singleShot(
                0, lambda: scene.removeItem(editor) if editor.scene() is scene else None
            )
            for view in scene.views():
                view.setFocus()
            if text is not None:
                on_commit(text)

        editor.committed.connect(finish)
        editor.cancelled.connect(lambda: finish(None))
        for view in scene.views():
            view.ensureVisible(editor.sceneBoundingRect(), 30, 30)
        scene.addItem(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        scene.editingChanged.emit()
