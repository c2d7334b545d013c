"""Suggested clusters on the board, before anyone agrees to them ("ghost frames").

Each suggestion gets a number and a colour. On the board its notes get a dashed, translucent
frame in that colour with the number in a corner (so colour is never the only cue). The
proposed names, with Godta / Byt namn / Avvisa, are cards in a panel pinned to the board's top
right corner: a suggestion's notes lie all over the board, and cards pinned to them would pile
up on each other; in the panel they stay readable at any zoom.

Nothing changes the document until Godta: that pushes the board's group-as-cluster command
(undoable), with the notes gathered at a free spot next to them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsObject,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from ..core.analysis.suggest import Suggestion
from ..core.board.gestures import group, spot_beside
from . import commands as cmd
from .board import metrics as mt
from .board.rects import qrect, united
from .document import DocumentModel

GHOST_Z = 3500.0  # above notes and frames, below cluster labels (4000) and editors (5000)
OUTLINE_PAD = 6.0
BADGE_R = 11.0
PANEL_W = 300
# Okabe-Ito, darker than the groups' pastel notes so a ghost never looks like a group colour.
_GHOST_HUES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8C6D00", "#56B4E9", "#6A3D9A")


def ghost_colour(index: int) -> QColor:
    return QColor(_GHOST_HUES[index % len(_GHOST_HUES)])


class GhostFrame(QGraphicsObject):
    """The dashed frames around one suggestion's notes, numbered; clicks pass to the notes."""

    def __init__(self, suggestion: Suggestion, number: int, rects: dict[int, QRectF]) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.number = number
        self.name = suggestion.name
        self.colour = ghost_colour(number - 1)
        self.note_ids = list(suggestion.note_ids)
        self.rects = dict(rects)
        self.homes: dict[int, int | None] = {}  # each note's cluster when it was suggested
        self.hovered = False
        self.setZValue(GHOST_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rects(self, rects: dict[int, QRectF]) -> None:
        self.prepareGeometryChange()
        self.rects = dict(rects)
        self.note_ids = [i for i in self.note_ids if i in rects]
        self.update()

    def set_hovered(self, hovered: bool) -> None:
        self.hovered = hovered
        self.update()

    def area(self) -> QRectF:
        return united(self.rects.values())

    def boundingRect(self) -> QRectF:
        grow = OUTLINE_PAD + BADGE_R + 2
        return self.area().adjusted(-grow, -grow, grow, grow)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # nothing to hit: the notes underneath stay clickable

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        fill = QColor(self.colour)
        fill.setAlpha(70 if self.hovered else 36)
        pen = QPen(self.colour, 3.5 if self.hovered else 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(mt.label_font())
        font.setPixelSize(12)
        painter.setFont(font)
        for rect in self.rects.values():
            outline = rect.adjusted(-OUTLINE_PAD, -OUTLINE_PAD, OUTLINE_PAD, OUTLINE_PAD)
            painter.setPen(pen)
            painter.setBrush(QBrush(fill))
            painter.drawRoundedRect(outline, 10, 10)
            badge = QRectF(
                outline.right() - 2 * BADGE_R + 4, outline.top() - 4, 2 * BADGE_R, 2 * BADGE_R
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour)
            painter.drawEllipse(badge)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(self.number))


class SuggestionCard(QFrame):
    """One suggestion in the panel: number, name, what it is made of, and the three buttons."""

    def __init__(self, frame: GhostFrame, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame = frame
        colour = frame.colour.name()
        self.setObjectName("suggestionCard")
        self.setStyleSheet(
            f"#suggestionCard {{ border: 2px dashed {colour}; border-radius: 8px;"
            " background: rgba(255, 255, 255, 235); }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        badge = QLabel(str(frame.number))
        badge.setFixedSize(22, 22)
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setStyleSheet(f"background: {colour}; color: white; border-radius: 11px;")
        self.name_label = QLabel()
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        bold = self.name_label.font()
        bold.setBold(True)
        self.name_label.setFont(bold)
        self.name_edit = QLineEdit()
        self.name_edit.hide()
        top.addWidget(badge)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.name_edit, 1)
        layout.addLayout(top)
        terms = ", ".join(frame.suggestion.terms)
        self.detail = QLabel(
            self.tr("%n lappar · {terms}", "", len(frame.note_ids)).format(terms=terms)
        )
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Godta"))
        self.accept_button.setDefault(True)
        self.rename_button = QPushButton(self.tr("Byt namn"))
        self.dismiss_button = QPushButton(self.tr("Avvisa"))
        for button in (self.accept_button, self.rename_button, self.dismiss_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.show_name()

    def show_name(self) -> None:
        self.name_label.setText(self.frame.name)
        self.name_label.show()
        self.name_edit.hide()

    def enterEvent(self, event: object) -> None:
        self.frame.set_hovered(True)

    def leaveEvent(self, event: object) -> None:
        self.frame.set_hovered(False)


class CardPanel(QFrame):
    """A panel of cards over the board's viewport: a title, a hide button, any rows a subclass
    adds (`add_rows`), then the cards in a scroll area. It keeps its place (`place`) when the
    viewport is resized."""

    def __init__(self, view: QGraphicsView, hide_text: str, width: int) -> None:
        super().__init__(view)
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.hide_button = QPushButton(hide_text)
        header.addWidget(self.title, 1)
        header.addWidget(self.hide_button)
        layout.addLayout(header)
        self.add_rows(layout)
        self.cards_scroll = QScrollArea()
        self.cards_scroll.setWidgetResizable(True)
        self.cards_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.cards_layout = QVBoxLayout(self.body)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.addStretch(1)
        self.cards_scroll.setWidget(self.body)
        layout.addWidget(self.cards_scroll)
        self.setFixedWidth(width)
        view.viewport().installEventFilter(self)
        self.hide()

    def add_rows(self, layout: QVBoxLayout) -> None:
        """Rows between the title and the cards (none here)."""

    def place(self) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False


class SuggestionPanel(CardPanel):
    """The cards, pinned to the top right of the board's viewport."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, self.tr("Dölj alla"), PANEL_W)

    def add(self, card: SuggestionCard) -> None:
        self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)

    def update_title(self, count: int) -> None:
        self.title.setText(self.tr("Förslag på kluster ({n})").format(n=count))
        self.setVisible(count > 0)
        self.place()

    def place(self) -> None:
        viewport = self.view.viewport()
        height = min(viewport.height() - 16, self.body.sizeHint().height() + 60)
        self.setFixedHeight(max(120, height))
        corner = viewport.mapTo(self.view, viewport.rect().topRight())
        self.move(corner.x() - self.width() - 8, corner.y() + 8)
        self.raise_()


class GhostLayer(QObject):
    """One round of suggestions on a board: the frames, the cards, and what the buttons do."""

    accepted = Signal(int)  # the id of the cluster Godta made
    dismissed = Signal(str)
    changed = Signal()

    def __init__(self, view: QGraphicsView, doc: DocumentModel) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.scene()
        self.doc = doc
        self.frames: list[GhostFrame] = []
        self.cards: dict[GhostFrame, SuggestionCard] = {}
        self.panel = SuggestionPanel(view)
        self.panel.hide_button.clicked.connect(self.clear)
        doc.notesChanged.connect(self._follow)
        doc.notesRemoved.connect(self._follow)

    def show(self, suggestions: Iterable[Suggestion]) -> None:
        self.clear()
        for suggestion in suggestions:
            rects = self._rects(suggestion.note_ids)
            if len(rects) < 2:
                continue
            frame = GhostFrame(suggestion, len(self.frames) + 1, rects)
            frame.homes = {i: self.doc.note(i).cluster_id for i in rects}
            self.scene.addItem(frame)
            self.frames.append(frame)
            card = SuggestionCard(frame)
            card.accept_button.clicked.connect(lambda _=False, f=frame: self.accept(f))
            card.rename_button.clicked.connect(lambda _=False, f=frame: self.rename(f))
            card.dismiss_button.clicked.connect(lambda _=False, f=frame: self.dismiss(f))
            card.name_edit.returnPressed.connect(lambda f=frame: self._renamed(f))
            card.name_edit.editingFinished.connect(lambda f=frame: self._renamed(f))
            self.cards[frame] = card
            self.panel.add(card)
        self.panel.update_title(len(self.frames))
        self.changed.emit()

    def clear(self) -> None:
        for frame in list(self.frames):
            self._remove(frame, announce=False)
        self.panel.update_title(0)
        self.changed.emit()

    def card(self, number: int) -> SuggestionCard:
        return next(c for f, c in self.cards.items() if f.number == number)

    def _rects(
        self, note_ids: Iterable[int], homes: dict[int, int | None] | None = None
    ) -> dict[int, QRectF]:
        """Where the notes are; with `homes`, only those still in the cluster they were in
        when suggested (a note sorted some other way since has left the suggestion)."""
        notes = (self.doc.notes.get(i) for i in note_ids)
        return {
            n.id: qrect(self.doc.board.note_rect(n.id))
            for n in notes
            if n is not None and (homes is None or homes.get(n.id) == n.cluster_id)
        }

    def _follow(self, _ids: object = None) -> None:
        """Notes moved, were sorted or deleted: the frames keep up, or go."""
        for frame in list(self.frames):
            rects = self._rects(frame.note_ids, frame.homes)
            if len(rects) < 2:
                self._remove(frame)
            elif rects != frame.rects:
                frame.set_rects(rects)

    def _remove(self, frame: GhostFrame, announce: bool = True) -> None:
        if frame not in self.frames:
            return
        self.frames.remove(frame)
        if frame.scene() is not None:
            self.scene.removeItem(frame)
        card = self.cards.pop(frame, None)
        if card is not None:
            card.hide()
            card.deleteLater()
        if announce:
            self.panel.update_title(len(self.frames))
            self.changed.emit()

    # ----------------------------------------------------------------- the three buttons
    def accept(self, frame: GhostFrame) -> int | None:
        """The suggestion becomes a cluster, as one undoable command."""
        ids = [i for i in frame.note_ids if i in self.doc.notes]
        self._remove(frame)
        if len(ids) < 2:
            return None
        draft, new = group(self.doc.board, ids, (), self._spot(ids))
        command = cmd.GroupAsClusterCommand(self.doc, draft, new, frame.name)
        if not self.doc.push(command) or command.cluster_id is None:
            return None
        board = self.scene
        if hasattr(board, "select_clusters"):
            board.select_clusters([command.cluster_id])
        self._show_beside_panel(qrect(command.frame))
        self.accepted.emit(command.cluster_id)
        return command.cluster_id

    def _show_beside_panel(self, rect: QRectF) -> None:
        """Bring the new cluster into sight, left of the cards pinned over the board's right."""
        self.view.ensureVisible(rect, 40, 40)
        if not self.panel.isVisible():
            return
        on_screen = self.view.mapFromScene(rect).boundingRect()
        overlap = on_screen.right() + 20 - self.panel.geometry().left()
        if overlap > 0 and on_screen.top() < self.panel.geometry().bottom():
            bar = self.view.horizontalScrollBar()
            bar.setValue(bar.value() + min(overlap, max(0, on_screen.left() - 20)))

    def dismiss(self, frame: GhostFrame) -> None:
        self._remove(frame)
        self.dismissed.emit(frame.name)

    def rename(self, frame: GhostFrame) -> QLineEdit:
        card = self.cards[frame]
        card.name_label.hide()
        card.name_edit.setText(frame.name)
        card.name_edit.show()
        card.name_edit.selectAll()
        card.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return card.name_edit

    def _renamed(self, frame: GhostFrame) -> None:
        card = self.cards.get(frame)
        if card is None or not card.name_edit.isVisible():
            return
        name = " ".join(card.name_edit.text().split())
        if name:
            frame.name = name
        card.show_name()

    def _spot(self, ids: list[int]) -> tuple[float, float]:
        """Where the new cluster goes: a free area to the right of the notes it gathers."""
        return spot_beside(self.doc.board, ids)
