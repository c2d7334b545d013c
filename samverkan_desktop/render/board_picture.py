"""The board as a picture that paints itself with QPainter: vectors on PDF and SVG devices,
pixels for PNG.

It is painted straight from the document: every note's and frame's place from core.board (a
frame never sized wraps its notes), each note as tall as render/board_text measures it, the
group headers where core/board/headers.py puts them, each thing by the painter that paints it
on the app's board (board_paint.py). So the report shows the board as the facilitator left it,
always in the normal look (not the reader's high contrast or text size). Note text is drawn as
plain text, never markup, and cut to what a note card or a frame's title bar can show.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from ..core import model as m
from ..core.board import Board, Rect
from ..core.board.headers import header_places
from ..core.export.display import BOARD_NOTE_CHARS, NAME_CHARS, cut
from ..core.labels import group_labels
from . import board_look as lk
from . import board_paint as bp
from . import board_text as bt
from . import group_colours

MARGIN = 40.0


def group_hue(index: int) -> QColor:
    """A group's full colour, as its ring on the theme map (the board's rule: group_colours)."""
    return group_colours.hue(index)


def group_colour(index: int | None) -> QColor:
    """A group's note colour, as on the board."""
    return group_colours.note_fill(index)


def _fit(source: QRectF, target: QRectF) -> tuple[QPointF, float]:
    """Where `source` goes, scaled to the largest size that fits `target` and centred in it:
    the top left corner and the scale. (Reckoned as QGraphicsScene.render reckons, so that
    the board lands on the same pixels as the app's: no slack is left by rounding.)"""
    scale = min(target.width() / source.width(), target.height() / source.height())
    slack_x = target.width() - source.width() * scale
    slack_y = target.height() - source.height() * scale
    return QPointF(
        target.left() + (slack_x / 2 if slack_x > 1e-6 else 0.0),
        target.top() + (slack_y / 2 if slack_y > 1e-6 else 0.0),
    ), scale


def _translate(painter: QPainter, x: float, y: float) -> None:
    """To a thing's place on the board, reckoned as the app's board does for its items (the
    place, then the board's transform), so that curves and text land on the same pixels."""
    painter.setWorldTransform(QTransform.fromTranslate(x, y) * painter.worldTransform())


def _qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


class BoardPicture:
    """`doc`'s board. `opaque` (PDF/A-1, which allows no transparency; Qt would paint a
    translucent fill solid): every frame's paper is what its translucent fill shows over what
    lies below, the notes cast no shadow and their grey marks are mixed into their paper."""

    def __init__(self, doc: m.Document, *, opaque: bool = False) -> None:
        doc = _shown(doc)
        self.doc = doc
        self.opaque = opaque
        order = sorted(doc.groups, key=lambda g: (g.position, g.id))
        self.group_index = {g.id: i for i, g in enumerate(order)}
        self.labels = group_labels(order)
        self.groups = {g.id: g for g in order}
        self.styles: dict[int | None, bp.NoteStyle] = {None: bp.group_style(None, "", "")}
        for g in order:
            self.styles[g.id] = bp.group_style(self.group_index[g.id], self.labels[g.id], g.name)
        board = Board()
        for c in doc.clusters:
            board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)
        self.heights = {n.id: bt.note_height(n) for n in doc.notes}
        for n in doc.notes:
            home = n.cluster_id if board.has_cluster(n.cluster_id) else None
            board.put_note(n.id, n.x, n.y, self.heights[n.id], home)
        self.board = board
        clusters = {c.id: c for c in doc.clusters}
        self.headers = [
            h for h in header_places(doc.notes, clusters, board) if h.group_id in self.groups
        ]
        rect = QRectF()
        for n in doc.notes:  # with the shadow
            rect = rect.united(QRectF(n.x - 3, n.y - 3, bt.NOTE_W + 7, self.heights[n.id] + 8))
        for c in doc.clusters:
            rect = rect.united(_qrect(board.frame(c.id)).adjusted(-3, -3, 3, 3))
        for h in self.headers:
            height = bp.header_height()
            rect = rect.united(QRectF(h.x, h.bottom - height, h.width, height))
        if rect.isEmpty():
            rect = QRectF(0, 0, bt.NOTE_W, bt.NOTE_H)
        self.source = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def paint(self, painter: QPainter, target: QRectF) -> None:
        """The board fitted into `target`, keeping its proportions."""
        source = self.source
        corner, scale = _fit(source, target)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setClipRect(QRectF(corner, source.size() * scale), Qt.ClipOperation.IntersectClip)
        painter.setWorldTransform(
            QTransform()
            .translate(corner.x(), corner.y())
            .scale(scale, scale)
            .translate(-source.left(), -source.top()),
            True,
        )
        painter.fillRect(self.source, lk.BOARD_BACKGROUND)
        # The detail the board shows at this zoom, as the app's items would see it.
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        self._paint_frames(painter, lod)
        self._paint_notes(painter, lod)
        for h in self.headers:
            painter.save()
            _translate(painter, h.x, h.bottom)
            bp.paint_header(
                painter,
                self.groups[h.group_id],
                self.labels[h.group_id],
                self.group_index[h.group_id],
                h.width,
            )
            painter.restore()
        painter.restore()

    def _paint_frames(self, painter: QPainter, lod: float) -> None:
        board = self.board
        papers: dict[int, QColor] = {}  # opaque: each frame's paper as it shows
        depth = {c.id: board.depth(c.id) for c in self.doc.clusters}
        for c in sorted(self.doc.clusters, key=lambda c: depth[c.id]):  # parents first
            paper = None
            if self.opaque:
                parent = board.parent(c.id)
                under = papers.get(parent, lk.BOARD_BACKGROUND) if parent else lk.BOARD_BACKGROUND
                paper = papers[c.id] = bp.over(bp.frame_paper(c, depth[c.id]), under)
            index = self.group_index.get(c.group_id) if c.group_id is not None else None
            frame = board.frame(c.id)
            painter.save()
            _translate(painter, frame.x, frame.y)
            bp.paint_frame(
                painter,
                c,
                frame.w,
                frame.h,
                depth=depth[c.id],
                count=bp.count_text(len(board.subtree_notes(c.id)), len(board.children(c.id))),
                group_label=self.labels.get(c.group_id, "") if c.group_id else "",
                group_colour=group_colours.note_fill(index) if index is not None else None,
                lod=lod,
                paper=paper,
            )
            painter.restore()

    def _paint_notes(self, painter: QPainter, lod: float) -> None:
        for n in self.doc.notes:
            painter.save()
            _translate(painter, n.x, n.y)
            style = self.styles.get(n.group_id) or self.styles[None]
            bp.paint_note(painter, n, style, self.heights[n.id], lod=lod, opaque=self.opaque)
            painter.restore()


def _shown(doc: m.Document) -> m.Document:
    """`doc` with texts cut to what a note card or a frame's title bar can show: laying out
    a 5 MB note only to clip it to a card took seconds."""
    notes = tuple(
        n if len(n.text) <= BOARD_NOTE_CHARS else n.with_(text=cut(n.text, BOARD_NOTE_CHARS))
        for n in doc.notes
    )
    clusters = tuple(
        c if len(c.name) <= NAME_CHARS else c.with_(name=cut(c.name, NAME_CHARS))
        for c in doc.clusters
    )
    return replace(doc, notes=notes, clusters=clusters)


def board_picture(doc: m.Document, *, opaque: bool = False) -> BoardPicture:
    """The picture of `doc`'s board; `opaque` for PDF/A (see BoardPicture)."""
    return BoardPicture(doc, opaque=opaque)
