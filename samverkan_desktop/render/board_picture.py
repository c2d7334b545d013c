"""The board as a picture that paints itself with QPainter, as vectors on PDF and SVG devices.

Where the app's board (`ui.board.scene.BoardScene`) is available it is what gets painted, so the
report shows the board exactly as the facilitator left it. Without it (or when it fails), a plain
overview is painted from the Document: cluster frames with their names, notes as coloured cards
with their text. Note text is drawn with QPainter.drawText: plain text, never markup.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ..core import model as m
from ..core import note_colours
from ..core.board import Board, Rect
from ..core.board.geometry import TITLE_H
from ..core.export.display import BOARD_NOTE_CHARS, NAME_CHARS, cut
from . import group_colours

MARGIN = 40.0
_TEXT = QColor("#22252A")
_MUTED = QColor("#6B6F76")
# Opaque on purpose: PDF/A-1 allows no transparency (Qt would paint a translucent fill solid).
_FRAME_FILLS = (QColor("#F0F0F1"), QColor("#E6E7E9"), QColor("#DCDDE0"))
_FRAME_BORDER = QColor("#A9ADB4")
# The app's board is built over a temporary copy of the workshop file; past this many notes and
# clusters that copy alone takes longer than the whole overview (100,000 notes: 30 s).
SCENE_ITEMS = 5_000
_PAD = 10.0


class BoardPicture(Protocol):
    kind: str  # "scene" (the app's board) or "overview" (painted here from the Document)
    source: QRectF  # the part of the board shown, in scene units

    def paint(self, painter: QPainter, target: QRectF) -> None: ...


def group_hue(index: int) -> QColor:
    """A group's full colour, as its ring on the theme map (the board's rule: group_colours)."""
    return group_colours.hue(index)


def group_colour(index: int | None) -> QColor:
    """A group's note colour, as on the board."""
    return group_colours.note_fill(index)


def own_colour(value: str) -> QColor | None:
    """The paper of a note or frame with the facilitator's own colour, as on the board."""
    if not value:
        return None
    found = note_colours.find(value)
    colour = QColor(found.fill if found else value)
    if not colour.isValid():
        return None
    colour.setAlpha(255)
    return colour


def _paint_tag(painter: QPainter, x: float, y: float, value: str) -> None:
    """The own colour's mark on its dark shade (colour is never the only cue), as on the board."""
    found = note_colours.find(value)
    if found is None:
        return
    width = painter.fontMetrics().horizontalAdvance(found.mark) + 12
    box = QRectF(x, y, width, 18)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(found.ink))
    painter.drawRoundedRect(box, 3, 3)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, found.mark)


def _fit(source: QRectF, target: QRectF) -> QRectF:
    """The largest rectangle with `source`'s proportions centred in `target`."""
    scale = min(target.width() / source.width(), target.height() / source.height())
    w, h = source.width() * scale, source.height() * scale
    return QRectF(target.center().x() - w / 2, target.center().y() - h / 2, w, h)


class ScenePicture:
    kind = "scene"

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        rect = scene.itemsBoundingRect()
        if rect.isEmpty():
            rect = QRectF(0, 0, m.NOTE_WIDTH, m.NOTE_HEIGHT)
        self.source = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def paint(self, painter: QPainter, target: QRectF) -> None:
        # Items that cache themselves as pixmaps (notes do, for smooth panning) would land in a
        # PDF or SVG as blurry bitmaps; drawn uncached they are vectors with real text.
        cached = [(item, item.cacheMode()) for item in self.scene.items()
                  if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
        for item, _mode in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            self.scene.render(painter, _fit(self.source, target), self.source,
                              Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            for item, mode in cached:
                item.setCacheMode(mode)


class OverviewPicture:
    kind = "overview"

    def __init__(self, doc: m.Document) -> None:
        self.doc = doc
        order = sorted(doc.groups, key=lambda g: (g.position, g.id))
        self.group_index = {g.id: i for i, g in enumerate(order)}
        self.frames = self._frames()
        rect = QRectF()
        for n in doc.notes:
            rect = rect.united(QRectF(n.x, n.y, m.NOTE_WIDTH, m.NOTE_HEIGHT))
        for frame in self.frames.values():
            rect = rect.united(frame)
        if rect.isEmpty():
            rect = QRectF(0, 0, m.NOTE_WIDTH, m.NOTE_HEIGHT)
        self.source = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def _frames(self) -> dict[int, QRectF]:
        """Each cluster's frame as the board draws it (one never sized wraps its notes)."""
        board = Board()
        for c in self.doc.clusters:
            board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)
        for n in self.doc.notes:
            board.put_note(n.id, n.x, n.y, m.NOTE_HEIGHT, n.cluster_id)
        frames = {}
        for c in self.doc.clusters:
            r = board.frame(c.id)
            frames[c.id] = QRectF(r.x, r.y, r.w, r.h)
        return frames

    def _depth(self, cluster: m.Cluster) -> int:
        parents = {c.id: c.parent_id for c in self.doc.clusters}
        depth, seen, parent = 0, {cluster.id}, cluster.parent_id
        while parent is not None and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = parents.get(parent)
        return depth

    def paint(self, painter: QPainter, target: QRectF) -> None:
        fitted = _fit(self.source, target)
        scale = fitted.width() / self.source.width()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(fitted.topLeft())
        painter.scale(scale, scale)
        painter.translate(-self.source.topLeft())
        painter.setClipRect(self.source)
        self._paint_frames(painter)
        self._paint_notes(painter)
        painter.restore()

    def _font(self, pixels: int, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPixelSize(pixels)
        font.setBold(bold)
        return font

    def _paint_frames(self, painter: QPainter) -> None:
        title = self._font(17, bold=True)
        for c in sorted(self.doc.clusters, key=self._depth):  # parents under their children
            frame = self.frames.get(c.id)
            if frame is None:
                continue
            painter.setPen(QPen(_FRAME_BORDER, 2))
            depth = self._depth(c)
            own = own_colour(c.colour)
            painter.setBrush(own or _FRAME_FILLS[min(depth, 2)])
            painter.drawRoundedRect(frame, 12, 12)
            bar = QRectF(frame.x() + 14, frame.y(), frame.width() - 28, TITLE_H)
            if note_colours.find(c.colour):
                painter.setFont(self._font(12, bold=True))
                _paint_tag(painter, bar.x(), bar.y() + 11, c.colour)
                bar.setLeft(bar.left() + painter.fontMetrics().horizontalAdvance(
                    note_colours.find(c.colour).mark) + 20)  # type: ignore[union-attr]
            painter.setFont(title)
            painter.setPen(_TEXT)
            name = painter.fontMetrics().elidedText(c.name, Qt.TextElideMode.ElideRight,
                                                    int(bar.width()))
            painter.drawText(bar, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)

    def _paint_notes(self, painter: QPainter) -> None:
        text_font = self._font(14)
        small = self._font(11, bold=True)
        for n in self.doc.notes:
            card = QRectF(n.x, n.y, m.NOTE_WIDTH, m.NOTE_HEIGHT)
            fill = own_colour(n.colour) or group_colour(
                self.group_index.get(n.group_id)  # type: ignore[arg-type]
            )
            painter.setPen(QPen(fill.darker(135), 1.2))
            painter.setBrush(fill)
            painter.drawRoundedRect(card, 4, 4)
            inner = card.adjusted(_PAD, _PAD, -_PAD, -_PAD)
            if note_colours.find(n.colour):
                painter.setFont(small)
                _paint_tag(painter, inner.right() - 30, inner.top() - 4, n.colour)
                inner.setRight(inner.right() - 34)
            if n.votes:
                painter.setFont(small)
                painter.setPen(_MUTED)
                painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                                 "●" * min(n.votes, 8))
                inner.setBottom(inner.bottom() - 14)
            painter.save()
            painter.setClipRect(inner)
            painter.setFont(text_font)
            painter.setPen(_TEXT)
            painter.drawText(inner, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, n.text)
            painter.restore()


def _shown(doc: m.Document) -> m.Document:
    """`doc` with texts cut to what a note card or a frame's title bar can show: laying out
    a 5 MB note only to clip it to a card took seconds."""
    notes = tuple(
        n if len(n.text) <= BOARD_NOTE_CHARS else n.with_(text=cut(n.text, BOARD_NOTE_CHARS))
        for n in doc.notes
    )
    clusters = tuple(c if len(c.name) <= NAME_CHARS else c.with_(name=cut(c.name, NAME_CHARS))
                     for c in doc.clusters)
    return replace(doc, notes=notes, clusters=clusters)


def _board_scene_class() -> tuple[type, type] | None:
    try:
        from ..ui.board.scene import BoardScene
        from ..ui.document import DocumentModel
    except ImportError:
        return None
    return BoardScene, DocumentModel


@contextlib.contextmanager
def board_picture(
    doc: m.Document, scene: QGraphicsScene | None = None, *, opaque: bool = False
) -> Iterator[BoardPicture]:
    """The picture of `doc`'s board: `scene` when given, else the app's BoardScene built over a
    temporary copy of `doc` (so a redacted document shows redacted), else the overview (also
    for a workshop too big to copy quickly). Texts are cut to what the picture can show.

    `opaque` (for PDF/A) always gives the overview: the board's frames are translucent, which
    PDF/A-1 forbids and Qt then paints solid grey over the notes.
    """
    if scene is not None and not opaque:
        yield ScenePicture(scene)
        return
    doc = _shown(doc)
    if opaque or len(doc.notes) + len(doc.clusters) > SCENE_ITEMS:
        yield OverviewPicture(doc)
        return
    classes = _board_scene_class()
    if classes is None:
        yield OverviewPicture(doc)
        return
    board_scene, document_model = classes
    from ..core.store import Store

    # A full or unwritable temporary folder only costs the board's look, not the export.
    try:
        folder = tempfile.TemporaryDirectory(prefix="samverkan-board-", ignore_cleanup_errors=True)
    except OSError:
        yield OverviewPicture(doc)
        return
    with folder:
        model = None
        try:
            store = Store.create(Path(folder.name) / "board.samverkan", doc.workshop)
        except Exception:
            yield OverviewPicture(doc)
            return
        try:
            store.add_document(doc)
            model = document_model(store)
            built = board_scene(model)
        except Exception:  # the overview is a fine picture too; the report must come out
            store.close()
            yield OverviewPicture(doc)
            return
        # The scene finishes some items (group headers) on a zero-delay timer: let it run.
        QCoreApplication.processEvents()
        try:
            yield ScenePicture(built)
        finally:
            model.close()
            # Destroyed now, with its timers, so nothing fires later on items that are gone.
            shiboken6.delete(built)
