"""A note on the board: a sticky note in its group's colour, with its group's label and marks.

The item only shows a `model.Note`, painted by render/board_paint.py (as the exports paint it);
moving, editing and selecting are the scene's business.
"""

from __future__ import annotations

import dataclasses
import html
import operator

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from ...core import model as m
from ...core import note_colours
from ...render import board_paint as bp
from ...render.board_paint import NoteStyle  # noqa: F401 (the scene makes the notes' styles)
from ..i18n import TrContext, current_language
from . import metrics as mt

NOTE_Z = 1000.0
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
# (An enum member looked up through its class in PySide6 is ~2 µs: once here, not per note.)
_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_NO_PEN = QPen(Qt.PenStyle.NoPen)

# What a note shows: every field of it but where it lies, in which cluster, and when it was
# made or changed (one getter, not a copy of the note to compare: a drop moves dozens).
_look = operator.attrgetter(
    *(
        f.name
        for f in dataclasses.fields(m.Note)
        if f.name not in ("x", "y", "cluster_id", "created_at", "updated_at")
    )
)


def _bounds(height: float) -> QRectF:
    """A note's bounding rect: the note, its ring and its shadow."""
    return QRectF(-3, -3, mt.NOTE_W + 7, height + 8)


class NoteTip(TrContext):
    """A note's tooltip. (Translation context; see TrContext.)"""


class LiftShadow(QGraphicsItem):
    """The longer shadow a note casts while it is dragged, an item of its own under the note
    (made at the note's first lift, shown only while it is lifted). Were it part of the note's
    own painting, picking the note up and letting it go would each draw the note's cached
    picture again (0.3 ms of the first paint after every drag or drop)."""

    def __init__(self, note: NoteItem) -> None:
        super().__init__(note)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-1.0)  # under the note's face, which also lies behind the note
        self.hide()

    def _height(self) -> float:
        note = self.parentItem()
        return note.height() if isinstance(note, NoteItem) else mt.NOTE_H

    def boundingRect(self) -> QRectF:
        return QRectF(4, 7, mt.NOTE_W + 2, self._height() + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) >= bp.FAR_LOD:
            bp.paint_lift_shadow(painter, self._height())


class NoteFace(QGraphicsRectItem):
    """What a note shows (paper, label, marks, text), drawn behind its NoteItem into a cached
    picture of its own, once the note has been selected; the NoteItem then draws only its ring
    while it is selected. Qt forgets an item's cached picture whenever it is selected or
    deselected, and a note's picture takes ~65 µs to draw again: Ctrl+G deselects 20 notes, a
    rubber band hundreds. (Made at the first selection, not for every note: 10,000 faces
    would add 0.1 s to opening a board.)"""

    def __init__(self, note: NoteItem, bounds: QRectF) -> None:
        super().__init__(bounds, note)
        self.setPen(_NO_PEN)  # (its bounding rect is then its rect, worked out by Qt)
        # (It takes no clicks: the scene's hit test looks for NoteItems, and Qt passes a click
        # it ignores on to what lies below.)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.setCacheMode(_CACHED)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        note = self.parentItem()
        assert isinstance(note, NoteItem)
        bp.paint_note(
            painter,
            note.note,
            note.style,
            note.height(),
            lod=option.levelOfDetailFromTransform(painter.worldTransform()),
            # Qt draws a cached item into a clear picture of it alone, and then with no widget.
            clear=widget is None and self.cacheMode() == _CACHED,
        )


class NoteItem(QGraphicsRectItem):
    """A note on the board. Its rect in Qt is its bounding rect (the note with its ring and
    shadow), so that Qt works that out itself in every paint and change, without calling into
    Python (a tenth of a full repaint); `rect()` here is the note's own."""

    # What every note starts with is set here, once, not on each of 10,000 (an attribute set
    # on a Qt item goes through its wrapper).
    _lifted = False
    _shadow: LiftShadow | None = None
    _far = False
    face: NoteFace | None = None
    # Its tooltip is written when it is first asked for (the scene's helpEvent): writing
    # 10,000 of them was a tenth of opening a big board.
    _tip_written = False

    def __init__(self, note: m.Note, style: NoteStyle) -> None:
        height = mt.note_height(note, style.look.text_scale)
        super().__init__(_bounds(height))
        self.setPen(_NO_PEN)
        self.note = note
        self.style = style
        self._height = height
        # (It has no flags yet: setFlags is a third of what setFlag costs, 10,000 times.)
        self.setFlags(_SELECTABLE)
        # Its picture repaints only when it changes or the zoom does, not on every scroll; from
        # its first selection on, not when it is (de)selected either (see NoteFace).
        self.setCacheMode(_CACHED)
        self.setZValue(NOTE_Z)
        self.setPos(note.x, note.y)

    @property
    def picture(self) -> QGraphicsItem:
        """The item that draws the note into its cached picture: its face, once it has one."""
        return self if self.face is None else self.face

    @property
    def note_id(self) -> int:
        return self.note.id

    def height(self) -> float:
        return self._height

    @property
    def lines(self) -> mt.TextLines:
        """The text broken into lines (laid out when first painted; cached by text)."""
        return bp.note_lines(self.note, self.style)

    def rect(self) -> QRectF:  # type: ignore[override]  # (the note's; Qt's: its bounds)
        return QRectF(0, 0, mt.NOTE_W, self._height)

    def scene_rect(self) -> QRectF:
        return self.rect().translated(self.pos())

    def set_note(self, note: m.Note, style: NoteStyle | None = None) -> None:
        old, old_style = self.note, self.style
        if style is not None:
            self.style = style
        # A note that only moved (or went into another cluster) looks as it did: Qt moves its
        # cached picture instead of drawing it again, and its tooltip stays (a drop that pushes
        # a column down moves dozens of notes).
        same_look = self.style is old_style and _look(old) == _look(note)
        # Its height follows its text, votes and style: one that looks the same keeps it.
        height = self._height if same_look else mt.note_height(note, self.style.look.text_scale)
        if height != self._height:
            if self._shadow is not None:
                self._shadow.prepareGeometryChange()  # (its bounds follow the note's height)
            self.setRect(_bounds(height))
            if self.face is not None:
                self.face.setRect(_bounds(height))
        self.note, self._height = note, height
        self.setPos(note.x, note.y)
        if not same_look:
            self._tip_written = False
            if self.face is not None:
                self.face.update()
            self.update()  # (with a face: its ring, in the look's contrast)

    def toolTip(self) -> str:  # noqa: N802 (Qt's name; Qt itself asks through the scene)
        self.write_tooltip()
        return super().toolTip()

    def write_tooltip(self) -> None:
        """Give the note its tooltip, if it has changed since it was last written."""
        if self._tip_written:
            return
        self._tip_written = True
        n = self.note
        parts = [f"<p style='white-space:pre-wrap'>{html.escape(n.text)}</p>"]
        details = [self.style.group_name]
        if n.section:
            details.append(n.section)
        if n.source:
            details.append(n.source)
        parts.append(
            "<p style='color:#555'>" + "<br>".join(html.escape(d) for d in details if d) + "</p>"
        )
        if n.colour:
            name = note_colours.colour_name(n.colour, current_language())
            label = NoteTip.tr("Färg:")
            parts.append(f"<p>{label} {html.escape(name)}</p>")
        if n.comment:
            label = NoteTip.tr("Kommentar:")
            parts.append(f"<p><i>{label}</i> {html.escape(n.comment)}</p>")
        if n.uncertain:
            label = NoteTip.tr("Osäker läsning av originalet")
            parts.append(f"<p><i>{label}</i></p>")
        if n.personal_data:
            label = NoteTip.tr("Innehåller personuppgifter")
            parts.append(f"<p><i>{label}</i></p>")
        self.setToolTip("".join(parts))

    # ----------------------------------------------------------------- painting
    def fill(self) -> QColor:
        """The note's colour: the facilitator's own, else its group's (high contrast: white)."""
        return bp.note_paper(self.note, self.style)

    def set_far(self, far: bool) -> None:
        """Far out the board's overview draws this note (see overview.py); it paints nothing
        itself, except while it is dragged."""
        if far == self._far:
            return  # (what it shows follows from _far and the rest: nothing to change)
        self._far = far
        self._show_contents()

    def set_ringed(self, ringed: bool, in_view: bool = True) -> None:
        """The scene says whether the note is selected, as soon as that changes; a selected
        note gets its face unless the scene says it is out of view in a big selection
        (scene.FACES_AT_ONCE)."""
        if self.face is None:
            if not (ringed and in_view):
                return  # (it draws its ring into its own picture)
            self.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # its face keeps it from now on
            self.face = NoteFace(self, _bounds(self._height))
        self._show_contents()

    def _show_contents(self) -> None:
        hidden = self._far and not self._lifted
        if self.face is None:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, hidden)
            return
        self.face.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, hidden)
        shown = self.isSelected() and not hidden  # (its ring: all it draws itself)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not shown)

    def set_lifted(self, lifted: bool) -> None:
        """While it is dragged, a note casts a longer shadow: it is in the hand, not the wall."""
        if lifted != self._lifted:
            self._lifted = lifted
            if self._shadow is None:
                self._shadow = LiftShadow(self)
            self._shadow.setVisible(lifted)
            self._show_contents()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.rect())
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.face is None:  # the whole note, into its cached picture
            bp.paint_note(
                painter,
                self.note,
                self.style,
                self._height,
                lod=lod,
                selected=self.isSelected(),
                # Qt draws a cached item into a clear picture of it alone, with no widget.
                clear=widget is None and self.cacheMode() == _CACHED,
            )
        elif self.isSelected():  # the rest of the note is its face's
            bp.paint_ring(painter, self.rect(), self.style.look, lod)
