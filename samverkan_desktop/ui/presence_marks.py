"""The marks of the others on a shared board (issue 14): what another person has selected gets
an outline in their colour and a tab with their initials, dashed while they drag it, with a
ghost where they carry it. `PresenceMark` is a child item of the note or frame (it moves with
it; only it repaints when its marks change), `PresenceTab` a screen-sized item above every note.
The exports paint from the document, so no mark is ever exported. ui/presence.py puts them on.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ..core.presence_file import LOCAL
from ..core.store_presence import Present
from .board.cluster_item import ClusterItem
from .board.note_item import NoteItem
from .i18n import TrContext
from .plaintext import tooltip

# One colour for each of core's colour indexes: strong enough to read as an outline on any
# note's paper and on the board, each with white initials at 4.5:1 or more, and none of them
# the blue of this board's own selection (board_look.ACCENT), which they must not be taken for.
COLOURS = tuple(
    QColor(c)
    for c in (
        "#007A5E",  # green
        "#B8430C",  # vermilion
        "#5B3A93",  # violet
        "#806000",  # ochre
        "#A6417F",  # reddish purple
        "#37474F",  # slate
        "#6D4C41",  # brown
        "#8E2430",  # wine
    )
)
TAB_Z = 4500.0  # above every note and the frames' names (cluster_item.LABEL_Z)
FAR = 0.3  # below this zoom the tabs are left out: the outlines say enough
GHOSTS_UP_TO = 20  # a drag of more notes and frames shows no ghosts: the outlines are enough
# LOCAL (core.presence_file): the client ids of the other windows of this machine on one file


class PresenceTexts(TrContext):
    """Who else is here, and their marks. (Translation context; see TrContext.)"""


def colour(present: Present) -> QColor:
    return COLOURS[present.colour % len(COLOURS)]


def ghosted(present: Present) -> bool:
    """Whether their drag shows ghosts (where it carries what they drag)."""
    a = present.activity
    return a.dragging and a.offset != (0.0, 0.0) and len(a.notes) + len(a.clusters) <= GHOSTS_UP_TO


def look(present: Present) -> tuple[object, ...]:
    """What a mark shows of someone: when only this changes, it repaints."""
    a = present.activity
    return (present.client, present.person, present.colour, present.reader, a.dragging,
            a.offset if ghosted(present) else None)  # fmt: skip


def who(present: Present) -> str:
    """ "Anna Larsson (anna)", and that they only read; for a window of this machine on the
    same file, that it is one."""
    person = present.person
    if present.client.startswith(LOCAL):
        return PresenceTexts.tr("{name} i ett annat fönster på den här datorn").format(
            name=person.name
        )
    text = person.name if person.name == person.login else f"{person.name} ({person.login})"
    if present.reader:
        text = PresenceTexts.tr("{name}, läser").format(name=text)
    return text


class PresenceTab(QGraphicsItem):
    """One person's tab on what they mark: their initials on their colour, the same size on
    screen at any zoom, above every note (a frame's tab would hide under its notes otherwise).
    Its position is the corner of what they mark; it hangs above and left of it. Hovered, it
    says who and what."""

    W, H = 26.0, 16.0  # pixels

    def __init__(self, target: QGraphicsItem, present: Present, index: int) -> None:
        super().__init__()
        self.target, self.present, self.index = target, present, index
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(TAB_Z)
        self._say()

    def set_present(self, present: Present) -> None:
        """The same person, doing something else (dragging, or further)."""
        said = (self.present.activity.dragging, self.present.person, self.present.colour)
        self.present = present
        if said != (present.activity.dragging, present.person, present.colour):
            self._say()
            self.update()

    def _say(self) -> None:
        present = self.present
        line = PresenceTexts.tr("{who} flyttar den") if present.activity.dragging else None
        line = line or PresenceTexts.tr("{who} har markerat den")
        self.setToolTip(tooltip(line.format(who=who(present))))

    def boundingRect(self) -> QRectF:
        return QRectF(-(self.index + 1) * (self.W + 2), -self.H, self.W, self.H)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not (shiboken6.isValid(self.target) and self.target.isVisible()):
            return  # its note is filtered out
        views = self.scene().views() if self.scene() is not None else []
        if views and views[0].transform().m11() < FAR:
            return  # far out a tab on every marked note would hide the board
        tab = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(self.present))
        painter.drawRoundedRect(tab, 3.0, 3.0)
        font = QFont(painter.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, self.present.person.initials)


class PresenceMark(QGraphicsItem):
    """The marks of everyone else on one note or frame (its parent item): an outline around it
    in each one's colour; while they drag it the outline is dashed and a dashed ghost shows
    where they are carrying it. Their tabs (`PresenceTab`) go at its top-right corner, or at
    the ghost's."""

    GAP = 4.0  # between the item and the first outline (board units)
    STEP = 5.0  # between one person's outline and the next

    def __init__(self, parent: NoteItem | ClusterItem) -> None:
        super().__init__(parent)
        self.people: tuple[Present, ...] = ()
        self.ghosts_shown = True
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def _target(self) -> QRectF:
        parent = self.parentItem()
        return parent.rect() if isinstance(parent, NoteItem | ClusterItem) else QRectF()

    def set_people(self, people: tuple[Present, ...]) -> None:
        self.prepareGeometryChange()
        self.people = people
        self.ghosts_shown = True
        self.update()

    def hide_ghosts(self) -> None:
        """The item was just moved by their drop: the ghost's offset is spent."""
        if self.ghosts_shown:
            self.prepareGeometryChange()
            self.ghosts_shown = False
            self.update()

    def sync(self) -> None:
        """The item changed size."""
        self.prepareGeometryChange()
        self.update()

    def tab_places(self) -> list[tuple[Present, QPointF, int]]:
        """Where each person's tab goes (scene point) and its place in the row there."""
        rect = self._target()
        at_ghost = dict(self._ghosts())
        stacked: dict[tuple[float, float], int] = {}
        places = []
        for p in self.people:
            corner = at_ghost.get(p.client, rect)
            anchor = (corner.right(), corner.top() - self.GAP)
            index = stacked.get(anchor, 0)
            stacked[anchor] = index + 1
            places.append((p, self.mapToScene(QPointF(*anchor)), index))
        return places

    def _ghosts(self) -> list[tuple[str, QRectF]]:
        if not self.ghosts_shown:
            return []
        rect = self._target()
        return [(p.client, rect.translated(*p.activity.offset)) for p in self.people if ghosted(p)]

    def boundingRect(self) -> QRectF:
        if not self.people:
            return QRectF()
        # Room for the widest outline far out (its pen is a few pixels, whatever the zoom).
        out = self.GAP + self.STEP * len(self.people) + 24.0
        bound = self._target().adjusted(-out, -out, out, out)
        for _client, ghost in self._ghosts():
            bound = bound.united(ghost.adjusted(-out, -out, out, out))
        return bound

    def shape(self) -> QPainterPath:
        return QPainterPath()  # nothing to hit: a click anywhere goes to the board

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = max(option.levelOfDetailFromTransform(painter.worldTransform()), 0.01)
        width = min(max(2.5, 2.5 / lod), 20.0)  # about 2.5 pixels at any zoom
        rect = self._target()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        by_client = {p.client: p for p in self.people}
        for i, p in enumerate(self.people):
            pen = QPen(colour(p), width)
            if p.activity.dragging:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            out = self.GAP + self.STEP * i
            painter.drawRoundedRect(rect.adjusted(-out, -out, out, out), 4.0, 4.0)
        for client, ghost in self._ghosts():
            ink = colour(by_client[client])
            fill = QColor(ink)
            fill.setAlpha(40)
            painter.setPen(QPen(ink, width, Qt.PenStyle.DashLine))
            painter.setBrush(fill)
            painter.drawRoundedRect(ghost, 4.0, 4.0)
