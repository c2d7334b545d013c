"""The inline text editor used for a cluster's name and a note's text.

Enter commits, Escape cancels, clicking elsewhere commits; Shift+Enter starts a new line in a
note. Only the plain text is ever read back, whatever was pasted in.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem, QWidget

from . import palette as pal

EDITOR_Z = 5000.0


class InlineEditor(QGraphicsTextItem):
    committed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        text: str,
        font: QFont,
        width: float,
        *,
        multiline: bool,
        background: QColor,
        min_height: float = 0.0,
    ) -> None:
        super().__init__()
        self.multiline = multiline
        self.background = QColor(background)
        self.min_height = min_height
        self.finished = False
        self.setFont(font)
        self.setDefaultTextColor(pal.TEXT)
        self.setPlainText(text)
        self.setTextWidth(width)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(EDITOR_Z)
        self.document().setDocumentMargin(8)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def text(self) -> str:
        return self.toPlainText()

    def cursor_position(self) -> int:
        return self.textCursor().position()

    def commit(self) -> None:
        if not self.finished:
            self.finished = True
            self.committed.emit(self.toPlainText())

    def cancel(self) -> None:
        if not self.finished:
            self.finished = True
            self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.multiline and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
            else:
                self.commit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A popup (the context menu) takes focus for a moment; that is no reason to commit.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        if rect.height() < self.min_height:
            rect.setHeight(self.min_height)
        return rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(pal.ACCENT, 2))
        painter.setBrush(self.background)
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 4, 4)
        # Without the focus/selection frame Qt would draw a dashed box of its own.
        option.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        # PySide6's stub wants a QWidget; Qt passes none when it paints off screen (a grab).
        super().paint(painter, option, widget)  # type: ignore[arg-type]
