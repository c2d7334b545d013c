"""Inline editing on the board: a cluster's name, a note's text, a new note being typed.

One editor at a time. What is typed becomes one command when the editor commits (Enter, or a
click elsewhere); Escape leaves the document as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, QTimer

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


class InlineEditing:
    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.editor: InlineEditor | None = None
        self.what: tuple[str, int | None] | None = None

    def active(self) -> tuple[str, int | None, InlineEditor] | None:
        if self.editor is None or self.what is None:
            return None
        return self.what[0], self.what[1], self.editor

    def commit(self) -> None:
        if self.editor is not None:
            self.editor.commit()

    def cancel(self) -> None:
        if self.editor is not None:
            self.editor.cancel()

    def forget(self, kind: str, ids: frozenset[int]) -> None:
        """What was being edited has gone (an undo removed it): close without applying."""
        if self.what is not None and self.what[0] == kind and self.what[1] in ids:
            self.cancel()

    def rename_cluster(self, cluster_id: int) -> None:
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
        self, editor: InlineEditor, what: tuple[str, int | None], on_commit: Callable[[str], None]
    ) -> None:
        scene = self.scene
        if scene.doc.refuse_if_read_only():  # typing that could never be saved: say so at once
            return
        self.commit()
        self.editor, self.what = editor, what
        scene.addItem(editor)

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
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        scene.editingChanged.emit()
