"""Placera resten on the board: each unclustered note's proposed cluster, before anyone agrees.

A note proposed with at least the chosen confidence is drawn as a ghost: dashed, at the free
place it would take inside the proposed frame, with a dashed line from where it lies now. A
panel pinned to the board's top left lists every proposal with its best three clusters (a note
below the threshold keeps its place and only gets its card). Godta alla över gränsen moves all
above the threshold at once, a cluster's button moves one note, Avvisa turns a pairing down;
each is one undo step. What the facilitator turns down, and a note moved out of a cluster it
was placed in, count against that pairing for the rest of the session (`PlacementSession`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsObject,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from ..core.analysis.placement import THRESHOLD, Candidate, NotePlacement
from ..core.board.placing import move_all_into
from .board import metrics as mt
from .board.rects import qrect
from .commands import PlaceCommand, RejectCommand
from .document import DocumentModel
from .i18n import TrContext
from .plaintext import one_line
from .suggest_items import CardPanel

GHOST_Z = 3400.0  # above notes and frames, just below the suggested clusters' ghosts
PANEL_W = 320
GHOST_COLOUR = QColor("#0072B2")


class Placing(TrContext):
    """Placera resten's texts. (Translation context; see TrContext.)"""


# ----------------------------------------------------------------------------- the session
class PlacementSession(QObject):
    """What the facilitator said about placements while this workshop is open: the pairings
    turned down, and the notes placed (a note moved out of the cluster it was placed in turns
    that pairing down too)."""

    changed = Signal()

    def __init__(self, doc: DocumentModel) -> None:
        super().__init__(doc)
        self.doc = doc
        self.rejected: set[tuple[int, int]] = set()
        self.placed: dict[int, int] = {}  # note -> the cluster a placement put it in
        doc.notesChanged.connect(self._follow)
        doc.notesRemoved.connect(self._follow)

    def reject(self, note_id: int, cluster_id: int) -> None:
        self.rejected.add((note_id, cluster_id))
        self.changed.emit()

    def unreject(self, note_id: int, cluster_id: int) -> None:
        self.rejected.discard((note_id, cluster_id))
        self.changed.emit()

    def _follow(self, ids: object) -> None:
        left = []
        for note_id in set(ids) & set(self.placed):  # type: ignore[call-overload]
            note = self.doc.notes.get(note_id)
            if note is None or note.cluster_id != self.placed[note_id]:
                left.append(note_id)
        for note_id in left:
            self.rejected.add((note_id, self.placed.pop(note_id)))
        if left:
            self.changed.emit()


# ----------------------------------------------------------------------------- on the board
class GhostNote(QGraphicsObject):
    """A note drawn dashed where it would go, with a dashed line from where it is."""

    def __init__(self, note_id: int, text: str, spot: QRectF, origin: QRectF, percent: int) -> None:
        super().__init__()
        self.note_id = note_id
        self.text = text
        self.spot = QRectF(spot)
        self.origin = QRectF(origin)
        self.percent = percent
        self.setZValue(GHOST_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self.spot.united(self.origin).adjusted(-4, -12, 4, 4)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # nothing to hit: the board underneath stays clickable

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(GHOST_COLOUR, 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        thin = QPen(GHOST_COLOUR, 1.0, Qt.PenStyle.DotLine)
        thin.setCosmetic(True)
        painter.setPen(thin)
        painter.drawLine(self.origin.center(), self.spot.center())
        fill = QColor("#FFFFFF")
        fill.setAlpha(240)
        painter.setBrush(fill)
        painter.setPen(pen)
        painter.drawRoundedRect(self.spot, 4, 4)
        font = QFont(mt.label_font())
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(QColor("#555555"))
        inner = self.spot.adjusted(8, 6, -8, -6)
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), self.text
        )
        painter.setPen(GHOST_COLOUR)
        painter.drawText(
            QRectF(self.spot.right() - 60, self.spot.top() - 16, 60, 14),
            int(Qt.AlignmentFlag.AlignRight),
            f"{self.percent} %",
        )


class GhostGrowth(QGraphicsObject):
    """A proposed frame as it would grow to hold its new notes: the new part veiled (what lies
    there now would be pushed down), the whole outlined dashed."""

    def __init__(self, grown: QRectF, now: QRectF) -> None:
        super().__init__()
        self.grown, self.now = QRectF(grown), QRectF(now)
        self.setZValue(GHOST_Z - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self.grown.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        veil = QPainterPath()
        veil.addRect(self.grown)
        kept = QPainterPath()
        kept.addRect(self.now)
        fill = QColor("#F4F4F2")
        fill.setAlpha(225)
        painter.fillPath(veil.subtracted(kept), fill)
        pen = QPen(GHOST_COLOUR, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.grown, 10, 10)


# ----------------------------------------------------------------------------- the panel
class NoteText(QLabel):
    """The note's text in its card, as plain text; a click shows the note on the board."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        bold = self.font()
        bold.setBold(True)
        self.setFont(bold)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()


class PlacementCard(QFrame):
    """One note: its text, a button per proposed cluster (best first), and Avvisa."""

    def __init__(
        self,
        doc: DocumentModel,
        placement: NotePlacement,
        candidates: Sequence[Candidate],
        above: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.note_id = placement.note_id
        self.candidates = list(candidates)
        self.setObjectName("placementCard")
        style = "solid" if above else "dotted"
        self.setStyleSheet(
            f"#placementCard {{ border: 1px {style} {GHOST_COLOUR.name()}; border-radius: 6px;"
            " background: rgba(255, 255, 255, 235); }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        self.text_label = NoteText(one_line(doc.note(placement.note_id).text, 70))
        self.text_label.setToolTip(Placing.tr("Visa lappen på tavlan"))
        layout.addWidget(self.text_label)
        if not above:
            below = QLabel(Placing.tr("Under gränsen: lappen ligger kvar."))
            below.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(below)
        self.buttons: list[QPushButton] = []
        for c in self.candidates:
            name = " ".join(doc.cluster(c.cluster).name.split())  # type: ignore[arg-type]
            words = ", ".join(c.terms) or Placing.tr("inga gemensamma ord")
            percent = f"  ({round(100 * c.confidence)} %)"
            metrics = self.fontMetrics()
            room = PANEL_W - 70 - metrics.horizontalAdvance("→ " + percent)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            button = QPushButton(f"→ {shown}{percent}".replace("&", "&&"))
            button.setStyleSheet("text-align: left; padding: 2px 6px;")
            button.setToolTip(Placing.tr("Placera lappen här · delar: {words}").format(words=words))
            layout.addWidget(button)
            self.buttons.append(button)
        self.reject_button = QPushButton(Placing.tr("Avvisa"))
        self.reject_button.setToolTip(
            Placing.tr("Föreslå inte lappen för det första klustret igen")
        )
        layout.addWidget(self.reject_button)


class PlacementPanel(CardPanel):
    """The threshold, Godta alla över gränsen, and a card per note; pinned to the top left."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, Placing.tr("Dölj"), PANEL_W)
        self.cards_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def add_rows(self, layout: QVBoxLayout) -> None:
        limit = QHBoxLayout()
        limit_label = QLabel(Placing.tr("Säkerhet minst"))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setSingleStep(5)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(round(100 * THRESHOLD))
        limit_label.setBuddy(self.threshold)
        limit.addWidget(limit_label)
        limit.addWidget(self.threshold)
        limit.addStretch(1)
        layout.addLayout(limit)
        self.accept_all = QPushButton()
        layout.addWidget(self.accept_all)

    def place(self) -> None:
        viewport = self.view.viewport()
        self.setFixedHeight(max(160, viewport.height() - 16))
        corner = viewport.mapTo(self.view, viewport.rect().topLeft())
        self.move(corner.x() + 8, corner.y() + 8)
        self.raise_()


class PlacementLayer(QObject):
    """One round of Placera resten on a board: ghosts, cards, and what the buttons do."""

    changed = Signal()

    def __init__(self, view: QGraphicsView, doc: DocumentModel, session: PlacementSession) -> None:
        super().__init__(view)
        self.view, self.doc, self.session = view, doc, session
        self.scene = view.scene()
        self.placements: list[NotePlacement] = []
        self.ghosts: dict[int, GhostNote] = {}
        self.growths: list[GhostGrowth] = []
        self.cards: dict[int, PlacementCard] = {}
        self.panel = PlacementPanel(view)
        self.panel.hide_button.clicked.connect(self.clear)
        self.panel.threshold.valueChanged.connect(lambda _v: self.refresh())
        self.panel.accept_all.clicked.connect(lambda _=False: self.accept_above())
        for signal in (
            doc.notesChanged,
            doc.notesRemoved,
            doc.clustersChanged,
            doc.clustersRemoved,
            session.changed,
        ):
            signal.connect(lambda *_: self.refresh())

    @property
    def threshold(self) -> float:
        return self.panel.threshold.value() / 100

    def show(self, placements: Sequence[NotePlacement]) -> None:
        self.placements = list(placements)
        self.refresh()
        if self.ghosts:
            self.show_note(next(iter(self.ghosts)))

    def clear(self) -> None:
        self.placements = []
        self.refresh()

    # ----------------------------------------------------------------- what is shown
    def open_candidates(self, placement: NotePlacement) -> list[Candidate]:
        """The note's proposals still open: its cluster not yet chosen, no pairing turned
        down, the cluster still there; confidences over what is left."""
        note = self.doc.notes.get(placement.note_id)
        if note is None or note.cluster_id is not None:
            return []
        left = [
            c
            for c in placement.candidates
            if c.cluster in self.doc.clusters
            and (placement.note_id, c.cluster) not in self.session.rejected
        ]
        gone = sum(c.confidence for c in placement.candidates if c not in left)
        scale = 1 / (1 - gone) if gone < 1 else 1.0
        return [
            Candidate(c.cluster, c.score, min(1.0, c.confidence * scale), c.terms) for c in left
        ]

    def above_threshold(self) -> dict[int, int]:
        """Each note whose best open proposal reaches the threshold, and that cluster."""
        out = {}
        for p in self.placements:
            left = self.open_candidates(p)
            if left and left[0].confidence >= self.threshold:
                out[p.note_id] = int(left[0].cluster)  # type: ignore[call-overload]
        return out

    def refresh(self) -> None:
        for ghost in self.ghosts.values():
            if ghost.scene() is not None:
                self.scene.removeItem(ghost)
        self.ghosts.clear()
        for growth in self.growths:
            if growth.scene() is not None:
                self.scene.removeItem(growth)
        self.growths.clear()
        for card in self.cards.values():
            card.hide()
            card.deleteLater()
        self.cards.clear()
        above = self.above_threshold()
        if above:
            # Where each would land if all above the threshold were accepted now.
            draft = move_all_into(self.doc.board, above)
            # Frames above a growing frame push it down on acceptance: each ghost is shown
            # where it will sit in its frame, with the frame where it is now.
            shift = {}
            for cluster_id in set(above.values()):
                grown, now = draft.frame(cluster_id), self.doc.board.frame(cluster_id)
                shift[cluster_id] = (now.x - grown.x, now.y - grown.y)
                shown = qrect(grown).translated(*shift[cluster_id])
                if shown != qrect(now):
                    growth = GhostGrowth(shown, qrect(now))
                    self.scene.addItem(growth)
                    self.growths.append(growth)
            for note_id, cluster_id in above.items():
                best = self.open_candidates(self._placement(note_id))[0]
                ghost = GhostNote(
                    note_id,
                    one_line(self.doc.note(note_id).text, 60),
                    qrect(draft.note_rect(note_id)).translated(*shift[cluster_id]),
                    qrect(self.doc.board.note_rect(note_id)),
                    round(100 * best.confidence),
                )
                self.scene.addItem(ghost)
                self.ghosts[note_id] = ghost
        for p in self.placements:
            left = self.open_candidates(p)
            if not left:
                continue
            card = PlacementCard(self.doc, p, left, p.note_id in above)
            for button, c in zip(card.buttons, left, strict=True):
                button.clicked.connect(
                    lambda _=False, n=p.note_id, cid=c.cluster: self.accept(n, int(cid))
                )
            card.reject_button.clicked.connect(
                lambda _=False, n=p.note_id, cid=left[0].cluster: self.reject(n, int(cid))
            )
            card.text_label.clicked.connect(lambda n=p.note_id: self.show_note(n))
            self.panel.cards_layout.insertWidget(self.panel.cards_layout.count() - 1, card)
            self.cards[p.note_id] = card
        count = len(self.cards)
        self.panel.title.setText(Placing.tr("Placera resten (%n lappar)", "", count))
        self.panel.accept_all.setText(Placing.tr("Godta alla över gränsen (%n)", "", len(above)))
        self.panel.accept_all.setEnabled(bool(above))
        if count:
            self.panel.show()
            self.panel.place()
        else:
            self.panel.hide()
        self.changed.emit()

    def show_note(self, note_id: int) -> None:
        """Bring the note, and its ghost if it has one, into sight beside the panel."""
        if note_id not in self.doc.notes:
            return
        rect = qrect(self.doc.board.note_rect(note_id))
        ghost = self.ghosts.get(note_id)
        if ghost is not None:
            rect = rect.united(ghost.spot)
        self.view.centerOn(rect.center())
        scene_tool = getattr(self.scene, "select_notes", None)
        if scene_tool is not None:
            scene_tool([note_id])

    def _placement(self, note_id: int) -> NotePlacement:
        return next(p for p in self.placements if p.note_id == note_id)

    # ----------------------------------------------------------------- the buttons
    def accept_above(self) -> bool:
        targets = self.above_threshold()
        return bool(targets) and self._place(targets)

    def accept(self, note_id: int, cluster_id: int) -> bool:
        return self._place({note_id: cluster_id})

    def _place(self, targets: Mapping[int, int]) -> bool:
        """The notes into their clusters, each at its frame's first free place."""
        draft = move_all_into(self.doc.board, targets)
        return self.doc.push(PlaceCommand.make(self.doc, self.session, targets, draft))

    def reject(self, note_id: int, cluster_id: int) -> bool:
        return self.doc.push(RejectCommand(self.session, note_id, cluster_id))


__all__ = ["PlaceCommand", "PlacementLayer", "PlacementSession", "RejectCommand"]
