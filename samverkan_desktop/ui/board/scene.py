"""The board's scene: one item per note and per cluster, following the `DocumentModel`.

Items show the model; the scene turns mouse gestures into commands (see `gestures.py`) and
updates only the items whose ids a change names.
"""

from __future__ import annotations

import itertools
import math
import weakref
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPen, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
)

from ...core import collector
from ...core import model as m
from ...core.board import Rect
from ...core.board.geometry import TITLE_H
from ...render.board_paint import group_style
from ..document import DocumentModel
from . import grouping
from . import metrics as mt
from . import palette as pal
from .cluster_item import LABEL_LOD, ClusterItem, ClusterLabel, ResizeHandle, count_text
from .dimming import Dimming
from .editing import InlineEditing
from .editor import InlineEditor
from .gestures import DragGesture, ResizeGesture, move_command, selection
from .headers import GroupHeaders
from .note_item import NOTE_Z, NoteItem, NoteStyle
from .overview import OVERVIEW_ZOOM, Overview
from .rects import qrect, united

MIN_LABEL_PX = 48.0  # on screen: a frame narrower than this far out shows no name

DIMMED = 0.18
TILE = 2000.0  # board units: the side of a NoteTile
LATER_CHUNK = 250  # notes given their items in one turn of the loop after the first paint


# A selection of more notes than this at once gives faces (note_item.NoteFace) only to the notes
# in view: 10,000 faces for Ctrl+A took 0.2 s and 27 MB.
FACES_AT_ONCE = 200


class NoteTile(QGraphicsRectItem):
    """The notes lying in one square of the board (TILE a side), held as its children.

    Each time anything on the board changes, Qt looks at every top-level item of the scene for
    what to draw again (0.5 ms at 10,000 notes, before the first paint of every gesture). Held
    in tiles, it looks at the tiles, and only in the tiles where something changed at their
    notes. A tile draws nothing and lies at the board's origin: a note's place in it is its
    place on the board; tiles lie at the notes' height (NOTE_Z), and notes never overlap, so
    they are drawn as before (a dragged note is taken out of its tile, see `lift_out`).

    Its bounding rect is its square: a paint looks at the notes of the tiles it meets, or that
    a note it meets is in (each note is found by its own rect). An empty one would have every
    tile looked at in every paint, and every note with it."""

    def __init__(self, square: QRectF) -> None:
        super().__init__(square)  # (a rect item: Qt works out its bounds without Python)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(NOTE_Z)


def _around(items: Iterable[NoteItem]) -> QRectF:
    """The rect around these notes, from their numbers: one QRectF, not one per note, and one
    pass reading attributes (a method of a Qt item is looked up through Qt's wrapper: three
    passes calling height() were 35 ms at 10,000 notes, this is 2-3)."""
    left = top = math.inf
    right = bottom = -math.inf
    for item in items:
        note = item.note
        x, y, h = note.x, note.y, item._height
        if x < left:
            left = x
        if x > right:
            right = x
        if y < top:
            top = y
        if y + h > bottom:
            bottom = y + h
    return QRectF(left, top, right + mt.NOTE_W - left, bottom - top)


class BoardScene(QGraphicsScene):
    """Follows `doc`; see the board contract in docs/ARCHITECTURE.md."""

    # A cluster was made from the selection (the main window may want to show it in a list).
    clusterCreated = Signal(int)
    # An inline editor opened or closed (actions such as "split" depend on it).
    editingChanged = Signal()
    # A double-click on empty board (or a frame's body): a new note is wanted there.
    newNoteRequested = Signal(QPointF)
    # While the selection is dragged: how far it is carried (a QPointF); None when it is let go
    # or the drag is given up. Others on a shared workshop see it (ui/presence.py).
    dragMoved = Signal(object)
    # The room to scroll over grew (a QRectF; see extent()): the board's views follow it.
    extentChanged = Signal(QRectF)
    # A view has painted the board (BoardView.paintEvent): what waits to follow a change's
    # first paint (the group headers here, the focused note's sentence) may go now.
    shown = Signal()
    # Every note has its item (see `later_from`): what waits for the whole board may go now.
    built = Signal()

    def __init__(
        self, doc: DocumentModel, parent: QObject | None = None, later_from: int | None = None
    ) -> None:
        """`later_from`: from this many notes on, a note gets its item when a view is about to
        show it, or in a turn of the loop after the first paint (LATER_CHUNK a turn), or when
        asked for (`note_item`, `note_items`), whichever comes first: opening a board of 10,000
        notes made 10,000 items before its first paint, of which a window shows a few hundred
        (0.4 s of the 1.3-1.5 s it took). None: every item at once (a board's picture)."""
        super().__init__(parent)
        self.doc = doc
        self._later_from = later_from
        # The notes with no item yet, and the turn of the loop that gives them theirs.
        self._later: set[int] = set()
        self._built_told = True  # `built` emitted since the last lazy build began
        self._later_timer = QTimer(self)
        self._later_timer.setSingleShot(True)
        self._later_timer.timeout.connect(self._make_some_later)
        # The reader's look (high contrast, text size); a board picture for a report keeps the
        # normal one. The workspace sets it with set_look, together with the document's heights.
        self.look = pal.NORMAL_LOOK
        self._notes: dict[int, NoteItem] = {}
        self._tiles: dict[tuple[int, int], NoteTile] = {}
        self._clusters: dict[int, ClusterItem] = {}
        self._labels: dict[int, ClusterLabel] = {}
        self._styles: dict[int | None, NoteStyle] = {}
        self._group_labels: dict[int, str] = {}
        self._highlight: frozenset[int] | None = None
        self._group_filter: frozenset[int] | None = None
        self._gesture: DragGesture | ResizeGesture | None = None
        self.editing = InlineEditing(self)
        self._drop_target: int | None = None
        self._zoomed_out = False
        self._far = False  # drawn from the overview (see overview.py)
        self._zoom = 1.0
        self._front = 0.0  # grows as notes are dropped; keeps the last dropped on top
        self._extent = QRectF()  # the room to scroll over; see _grow_scene_rect
        self._extent_set = False  # the scene rect (the index's room) set from it
        self._ringed: set[NoteItem] = set()  # the notes told they are selected
        self._rebuilding = False  # _rebuild: each frame's counts and name once, at its end
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(pal.BOARD_BACKGROUND)
        self._headers = GroupHeaders(self)
        self._overview = Overview(self._notes.values, self._clusters.values)
        self.addItem(self._overview)
        # Through a weak reference: a scene going away deletes its tiles, and with them their
        # notes, whose leaving the selection emits this while the scene is half gone.
        this = weakref.ref(self)

        def selection_drawn() -> None:
            scene = this()
            if scene is not None:
                scene._selection_drawn()

        self.selectionChanged.connect(selection_drawn)
        # A search's dimming: the notes in view at once, on a big board the rest a turn later.
        self._dimming = Dimming(self, self.note_opacity, self._notes.get)
        self._headers_timer = QTimer(self)
        self._headers_timer.setSingleShot(True)
        self._headers_timer.timeout.connect(self._headers_due)
        self._headers_wait = False  # for a view's paint (see _schedule_headers)
        # What changed since the headers were last placed (None: look at everything).
        self._header_notes: set[int] | None = set()
        self._header_clusters: set[int] | None = set()
        self._rebuild()
        doc.groupsChanged.connect(self._on_groups)
        doc.clustersChanged.connect(self._on_clusters)
        doc.notesChanged.connect(self._on_notes)
        doc.notesRemoved.connect(self._on_notes_removed)
        doc.clustersRemoved.connect(self._on_clusters_removed)

    def _selection_drawn(self) -> None:
        # A note draws its own ring only while selected (note_item.NoteFace): it is told.
        # The scene may be going away (a board picture's scene is made and dropped), and its
        # items with it.
        if not shiboken6.isValid(self):
            return
        ringed = {i for i in self.selectedItems() if isinstance(i, NoteItem)}
        for item in self._ringed - ringed:
            if shiboken6.isValid(item):
                item.set_ringed(False)
        new = ringed - self._ringed
        if len(new) > FACES_AT_ONCE:  # (Ctrl+A: faces for the notes in view only)
            near = Qt.ItemSelectionMode.IntersectsItemBoundingRect
            seen = [v.mapToScene(v.viewport().rect()).boundingRect() for v in self.views()]
            shown = {i for rect in seen for i in self.items(rect, near) if isinstance(i, NoteItem)}
            for item in new:
                item.set_ringed(True, item in shown)
        else:  # (a selection soon scrolled to, as Ctrl+G does: a face each)
            for item in new:
                item.set_ringed(True)
        self._ringed = ringed
        # Far out the overview draws the selection.
        if self._far and shiboken6.isValid(self._overview):
            self._overview.update()

    # ----------------------------------------------------------------- items
    def note_item(self, note_id: int) -> NoteItem | None:
        if note_id in self._later:
            self._make_later((note_id,))
        return self._notes.get(note_id)

    def cluster_item(self, cluster_id: int) -> ClusterItem | None:
        return self._clusters.get(cluster_id)

    def note_items(self) -> list[NoteItem]:
        self.make_every_item()
        return list(self._notes.values())

    def building(self) -> bool:
        """Whether some notes have no item yet (see `later_from`; `built` follows)."""
        return bool(self._later)

    def make_every_item(self) -> None:
        """Every note's item now (see `later_from`)."""
        self._make_later(list(self._later))

    def make_items_in(self, rect: QRectF) -> None:
        """The items of the notes that may lie in `rect` (see `later_from`): what a view is
        about to paint (it asks only while `building`)."""
        if self._later:
            near = self.doc.board.near(Rect(rect.x(), rect.y(), rect.width(), rect.height()))
            self._make_later([i for kind, i in near if kind == "note"])

    def _make_some_later(self) -> None:
        self._make_later(list(itertools.islice(self._later, LATER_CHUNK)))
        if self._later:
            self._later_timer.start(0)
        elif not self._built_told:
            self._built_told = True
            self.built.emit()

    def _make_later(self, ids: Iterable[int]) -> None:
        """Items for those of these notes that have none yet."""
        later = self._later
        wanted = [i for i in ids if i in later] if later else []
        if wanted:
            later.difference_update(wanted)
            notes = self.doc.notes
            with collector.paused():  # (see collector.py)
                for nid in wanted:
                    self._new_item(notes[nid])
            self._overview.invalidate()

    def _new_item(self, note: m.Note) -> NoteItem:
        item = NoteItem(note, self.note_style(note.group_id))
        item.set_far(self._far)
        self._notes[note.id] = item
        self._hold_at(item, note.x, note.y)
        self._apply_emphasis(item)
        return item

    def cluster_items(self) -> list[ClusterItem]:
        return list(self._clusters.values())

    def _rebuild(self) -> None:
        self._ringed = set()
        self._later = set()
        self._later_timer.stop()
        for item in [*self._notes.values(), *self._clusters.values(), *self._labels.values()]:
            self.removeItem(item)
        self._notes.clear()
        self._clusters.clear()
        self._labels.clear()
        self._refresh_styles()
        with collector.paused():  # every item at once: see collector.py
            self._build()

    def _build(self) -> None:
        self._rebuilding = True
        try:
            self._on_clusters(frozenset(self.doc.clusters))
            if self._later_from is not None and len(self.doc.notes) >= self._later_from:
                self._later = set(self.doc.notes)
                self._built_told = False
                self._grow_scene_rect([self._notes_rect(self._later)])
                self._later_timer.start(0)
            else:
                self._on_notes(frozenset(self.doc.notes))
        finally:
            self._rebuilding = False
        for cid in self._clusters:  # (their counts known: once, not once before the notes)
            self._update_cluster(cid)
        self._headers.refresh(self.doc)
        # That placed every header: what _on_clusters and _on_notes scheduled (every note and
        # frame again, 0.1-0.3 s at 10,000 notes right after the first paint) is done already.
        self._header_notes, self._header_clusters = set(), set()
        self._headers_timer.stop()

    def _refresh_styles(self) -> None:
        groups = self.doc.groups
        self._group_labels = pal.group_labels(sorted(groups.values(), key=lambda g: g.position))
        self._styles = {None: group_style(None, "", "", self.look)}
        for gid, group in groups.items():
            index = self.doc.group_index(gid)
            self._styles[gid] = group_style(index, self._group_labels[gid], group.name, self.look)

    def set_look(self, look: pal.BoardLook) -> None:
        """Draw the board in `look`; the document's note heights must follow the same text
        scale (ui/appearance.py does both)."""
        if look == self.look:
            return
        self.look = look
        self._on_groups(frozenset())
        for item in [*self._clusters.values(), *self._labels.values(), *self._headers.items()]:
            item.update()
        for frame in self._clusters.values():
            frame.handle.update()  # (its picture is its own, not its frame's)

    def note_style(self, group_id: int | None) -> NoteStyle:
        return self._styles.get(group_id) or self._styles[None]

    # ----------------------------------------------------------------- following the model
    def _on_groups(self, _ids: frozenset[int]) -> None:
        self._refresh_styles()
        for item in self._notes.values():
            item.set_note(item.note, self.note_style(item.note.group_id))
        for cid in self._clusters:
            self._update_cluster(cid)
        self._overview.invalidate()
        self._schedule_headers()

    def _on_clusters(self, ids: frozenset[int]) -> None:
        self._overview.invalidate()
        touched: set[int] = set()
        # The clusters whose group headers may have moved: the headers follow the frames'
        # places, groups and nesting, never their names (a rename places no header again).
        placed: set[int] = set()
        for cid in ids:
            cluster = self.doc.clusters.get(cid)
            if cluster is None:
                placed.add(cid)
                continue
            rect = qrect(self.doc.board.frame(cid))
            item = self._clusters.get(cid)
            if item is None or (
                item.scene_rect() != rect
                or item.cluster.group_id != cluster.group_id
                or item.cluster.parent_id != cluster.parent_id
            ):
                placed.add(cid)
            if item is None:
                item = ClusterItem(cluster, rect)
                item.set_far(self._far)
                self._clusters[cid] = item
                self.addItem(item)
                label = ClusterLabel(cid)
                label.set_zoom(self._zoom)
                label.setVisible(self._zoomed_out)
                self._labels[cid] = label
                self.addItem(label)
            else:
                if item.cluster.parent_id is not None:  # the old home loses the count
                    touched.add(item.cluster.parent_id)
                    touched.update(self.doc.ancestors(item.cluster.parent_id))
                item.set_cluster(cluster, rect)
            touched.add(cid)
            touched.update(self.doc.descendants(cid))  # their depth may have changed
            touched.update(self.doc.ancestors(cid))
        for cid in touched:
            self._update_cluster(cid)
        self._grow_scene_rect([self._clusters[c].scene_rect() for c in ids if c in self._clusters])
        if placed:
            self._schedule_headers(clusters=placed)

    def _update_cluster(self, cid: int) -> None:
        if self._rebuilding:
            return
        item = self._clusters.get(cid)
        if item is None or cid not in self.doc.clusters:
            return  # removed; its item goes when clustersRemoved arrives
        doc = self.doc
        cluster = doc.cluster(cid)
        item.set_depth(doc.depth(cid))
        item.set_counts(len(doc.subtree_notes(cid)), len(doc.child_clusters(cid)))
        gid = cluster.group_id
        index = doc.group_index(gid)
        item.set_group(
            self._group_labels.get(gid, "") if gid else "",
            pal.note_fill(index) if index is not None else None,
        )
        # Placed before its text is set: moving a label asks Qt for its size, which would lay
        # out the new text at once (a hidden one's waits until it is shown, see ClusterLabel).
        self._place_label(cid)
        label = self._labels[cid]
        label.set_text(cluster.name, count_text(item.notes, item.subclusters), item.rect().width())
        self._apply_emphasis_cluster(item)

    def _on_notes(self, ids: frozenset[int]) -> None:
        touched: set[int] = set()
        if self._later:  # (those with no item yet get it now, as it is)
            self._later.difference_update(ids)
        # The scene's attributes once, not once a note: each is looked up through Qt's wrapper
        # (a drop or Ctrl+G moves dozens of notes; 88 were 2.4 ms, a third of it lookups).
        notes, items, styles = self.doc.notes, self._notes, self._styles
        plain, hold_at, emphasis = styles[None], self._hold_at, self._apply_emphasis
        for nid in ids:
            note = notes.get(nid)
            if note is None:
                continue
            item = items.get(nid)
            if item is None:
                self._new_item(note)
            else:
                was_in = item.note.cluster_id
                if was_in is not None:
                    touched.add(was_in)
                item.set_note(note, styles.get(note.group_id) or plain)  # (`note_style`)
                if item.parentItem() is not None:  # not while it is dragged
                    hold_at(item, note.x, note.y)  # (`hold`: where set_note has put it)
                emphasis(item)
            if note.cluster_id is not None:
                touched.add(note.cluster_id)
        self._refresh_counts(touched)
        self._overview.invalidate()
        shown = [self._notes[n] for n in ids if n in self._notes]
        if shown:
            self._grow_scene_rect([_around(shown)])
        self._schedule_headers(notes=ids)

    def hold(self, item: NoteItem) -> None:
        """Put the note in the tile of the board it lies in (see NoteTile); a note no longer on
        the board (removed while it was in the hand) stays off it."""
        if self._notes.get(item.note_id) is not item:
            return
        pos = item.pos()
        self._hold_at(item, pos.x(), pos.y())

    def _hold_at(self, item: NoteItem, x: float, y: float) -> None:
        """`hold` for a note on the board at (x, y), its place."""
        key = (math.floor(x / TILE), math.floor(y / TILE))
        tile = self._tiles.get(key)
        if tile is None:
            square = QRectF(key[0] * TILE, key[1] * TILE, TILE, TILE)
            tile = self._tiles[key] = NoteTile(square)
            self.addItem(tile)
        if item.parentItem() is not tile:
            item.setParentItem(tile)

    def lift_out(self, item: NoteItem) -> None:
        """A note picked up lies above every other note until it is held again (`hold`): in
        its tile it would lie above its tile's notes only."""
        item.setParentItem(None)  # type: ignore[arg-type]  # (None: a top-level item)

    def _refresh_counts(self, cluster_ids: Iterable[int]) -> None:
        wanted = set()
        for cid in cluster_ids:
            if cid in self._clusters:
                wanted.add(cid)
                wanted.update(self.doc.ancestors(cid))
        for cid in wanted:
            self._update_cluster(cid)

    def _cancel_gesture_on(self, notes: frozenset[int], clusters: frozenset[int]) -> None:
        """A drag or resize whose notes or frames have just gone (another window or facilitator
        deleted them, an undo): it ends as Escape would end it, before the items leave, so that
        none of them is put back on the board afterwards."""
        gesture = self._gesture
        if isinstance(gesture, DragGesture):
            hit = bool(notes & set(gesture.moves.notes) or clusters & set(gesture.moves.clusters))
        else:
            hit = gesture is not None and gesture.item.cluster_id in clusters
        if hit:
            self.cancel_gesture()

    def _on_notes_removed(self, ids: frozenset[int]) -> None:
        self._cancel_gesture_on(ids, frozenset())
        if self._later:
            self._later.difference_update(ids)
        self._overview.invalidate()
        touched = set()
        deselected = False
        # One selectionChanged after all are gone: listeners must not see a half-removed set
        # whose notes the model no longer has.
        self.blockSignals(True)
        try:
            for nid in ids:
                item = self._notes.pop(nid, None)
                if item is not None:
                    if item.note.cluster_id is not None:
                        touched.add(item.note.cluster_id)
                    deselected = deselected or item.isSelected()
                    self.removeItem(item)
        finally:
            self.blockSignals(False)
        if deselected:
            self.selectionChanged.emit()
        self.editing.forget("note", ids)
        self._refresh_counts(touched)
        self._schedule_headers(notes=ids)

    def _on_clusters_removed(self, ids: frozenset[int]) -> None:
        self._cancel_gesture_on(frozenset(), ids)
        self._overview.invalidate()
        deselected = False
        self.blockSignals(True)  # as for notes: one selectionChanged once they are all gone
        try:
            for cid in ids:
                # The label first: it was added after its frame, so it is the last top-level
                # item, and then its frame is. Removed from the end, Qt's list of top-level
                # items stays in order; one taken from the middle makes Qt sort the whole
                # list (~0.8 ms at 10,000 notes) on the next add, i.e. the next Ctrl+G's frame.
                label = self._labels.pop(cid, None)
                if label is not None:
                    self.removeItem(label)
                item = self._clusters.pop(cid, None)
                if item is not None:
                    deselected = deselected or item.isSelected()
                    self.removeItem(item)
        finally:
            self.blockSignals(False)
        if deselected:
            self.selectionChanged.emit()
        self.editing.forget("cluster", ids)
        self._refresh_counts(self._clusters)
        self._schedule_headers(clusters=ids)

    def _schedule_headers(
        self, notes: Iterable[int] | None = None, clusters: Iterable[int] | None = None
    ) -> None:
        """Place the group headers again soon; `notes`/`clusters`: only these changed."""
        if notes is None and clusters is None:
            self._header_notes = self._header_clusters = None
        elif self._header_notes is not None and self._header_clusters is not None:
            self._header_notes.update(notes or ())
            self._header_clusters.update(clusters or ())
        # Placing them waits for a view's next paint (`painted`), which Qt makes on the next
        # turn of the loop: what the change moved shows first (placing them before it was
        # 0.3 ms of the first paint after a drop). With no view shown, or no paint by then,
        # they are placed on that turn anyway.
        self._headers_wait = any(view.isVisible() for view in self.views())
        self._headers_timer.start(0)

    def painted(self) -> None:
        """A view of the board has painted: the group headers need not wait any longer."""
        self._headers_wait = False
        self.shown.emit()

    def _headers_due(self) -> None:
        if self._headers_wait:  # not painted yet: one more turn
            self._headers_wait = False
            self._headers_timer.start(0)
            return
        self._refresh_headers()

    def _refresh_headers(self) -> None:
        notes, clusters = self._header_notes, self._header_clusters
        self._header_notes, self._header_clusters = set(), set()
        self._headers.refresh(self.doc, notes, clusters)

    def sync_items(self, note_ids: Iterable[int], cluster_ids: Iterable[int]) -> None:
        """Put items back where the model has them (after a gesture the store refused)."""
        for nid in note_ids:
            note_item, note = self._notes.get(nid), self.doc.notes.get(nid)
            if note_item is not None and note is not None:
                note_item.setPos(note.x, note.y)
                self.hold(note_item)
                self._overview.invalidate()
        for cid in cluster_ids:
            item, cluster = self._clusters.get(cid), self.doc.clusters.get(cid)
            if item is not None and cluster is not None:
                item.set_cluster(cluster, qrect(self.doc.board.frame(cid)))
                self._place_label(cid)
                self._overview.invalidate()

    def bring_to_front(self, note_ids: Iterable[int]) -> None:
        """Notes just dropped lie on top of the ones they were dropped onto."""
        for nid in note_ids:
            item = self._notes.get(nid)
            if item is not None:
                self._front += 0.001
                item.setZValue(NOTE_Z + self._front)

    def content_rect(self) -> QRectF:
        """Everything on the board (notes, frames, group headers)."""
        rects = [i.scene_rect() for i in self._clusters.values()]
        if self._notes:  # (from the notes' numbers: one QRectF, not 10,000)
            rects.append(_around(self._notes.values()))
        if self._later:
            rects.append(self._notes_rect(self._later))
        rect = united(rects)
        return rect.united(self._headers.rect()) if not self._headers.rect().isNull() else rect

    def _notes_rect(self, ids: Iterable[int]) -> QRectF:
        """The rect around these notes, from the model's boxes (as `_around` from items)."""
        box = self.doc.board.note
        left = top = math.inf
        right = bottom = -math.inf
        for nid in ids:
            b = box(nid)
            left, right = min(left, b.x), max(right, b.x)
            top, bottom = min(top, b.y), max(bottom, b.y + b.h)
        return QRectF(left, top, right + mt.NOTE_W - left, bottom - top)

    def extent(self) -> QRectF:
        """The room to scroll over (the board's views show this much, see extentChanged)."""
        return QRectF(self._extent)

    def _grow_scene_rect(self, rects: list[QRectF]) -> None:
        """Make room for `rects` (what just changed), and to pan past them."""
        if not rects:
            return
        # The rect only grows, so that the view never jumps under the user's hands.
        wanted = united(rects).adjusted(-1500, -1500, 1500, 1500)
        # (The first time: what Qt's own rect has grown to, as the items were added.)
        current = self._extent if not self._extent.isNull() else self.sceneRect()
        if not self._extent.isNull() and current.contains(wanted):
            return
        self._extent = current.united(wanted)
        # The scene rect is also the room of Qt's index of the items (a BSP tree), rebuilt
        # whole whenever it changes (16-20 ms at 10,000 notes, on the next paint): it is kept
        # a quarter larger on every side than the room to scroll, so that a column that grows
        # by a row or a frame made at the board's edge seldom changes it.
        if not self.sceneRect().contains(self._extent) or not self._extent_set:
            dx, dy = self._extent.width() / 4, self._extent.height() / 4
            self.setSceneRect(self._extent.adjusted(-dx, -dy, dx, dy))
            self._extent_set = True
        self.extentChanged.emit(QRectF(self._extent))

    # ----------------------------------------------------------------- selection
    def selected_note_ids(self) -> list[int]:
        return sorted(i.note_id for i in self.selectedItems() if isinstance(i, NoteItem))

    def selected_cluster_ids(self) -> list[int]:
        return sorted(i.cluster_id for i in self.selectedItems() if isinstance(i, ClusterItem))

    def select_notes(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        self._make_later(ids)
        self._select([self._notes[i] for i in ids if i in self._notes])

    def select_clusters(self, ids: Iterable[int]) -> None:
        self._select([self._clusters[i] for i in ids if i in self._clusters])

    def select_all(self) -> None:
        self.make_every_item()
        self._select(
            [i for i in [*self._notes.values(), *self._clusters.values()] if i.isVisible()]
        )

    def _select(self, items: list[QGraphicsItem]) -> None:
        self.blockSignals(True)
        try:
            self.clearSelection()
            for item in items:
                item.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    # ----------------------------------------------------------------- highlight and filter
    # Only items whose state changes are touched: with no search nothing is dimmed, so ending
    # a search that was not there, or saying "no search" again, does no work per item.
    def set_highlight(self, ids: Iterable[int] | None) -> None:
        """Dim every note not in `ids` (a search); None shows all again."""
        old = self._highlight
        new = None if ids is None else frozenset(ids)
        if new == old:
            return
        self._highlight = new
        if old is None or new is None:
            # Every note outside the search changes (dimmed now, or lit again).
            search = new if new is not None else old
            assert search is not None
            changed = self._notes.keys() - search
        else:
            changed = set((old ^ new) & self._notes.keys())
        # Far out the overview draws every note from its opacity: all are told at once.
        self._dimming.show(changed, everything=self._far)
        self._overview.invalidate()
        if old is None or new is None or len(changed) > len(self._clusters):
            # (every frame: empty ones are dimmed too; and asking each frame is cheaper than
            # finding the frames of many notes)
            clusters: Iterable[int] = self._clusters
        else:
            clusters = self._clusters_of(changed)
        # A frame is lit while it holds a hit (as _apply_emphasis_cluster). With fewer hits
        # than a few per frame, the frames holding them are found from the hits; with more,
        # from each frame's own notes.
        holding: set[int] = set()
        if new is not None:
            if len(new) <= 4 * len(self._clusters):
                holding = self._clusters_of(new)
            else:
                holding = self.doc.board.frames_holding(new)
        for cid in clusters:
            item = self._clusters.get(cid)
            if item is not None:
                self._light(item, new is None or cid in holding)

    def note_opacity(self, note_id: int) -> float:
        """A note's opacity for the search: dimmed when a search does not find it."""
        found = self._highlight
        return 1.0 if found is None or note_id in found else DIMMED

    def dimming_waiting(self) -> int:
        """How many notes out of view have not been dimmed or lit for the search yet."""
        return self._dimming.waiting()

    def _clusters_of(self, note_ids: Iterable[int]) -> set[int]:
        """The frames holding these notes, at any depth."""
        found: set[int] = set()
        notes = self.doc.notes  # (a note's cluster read from the model, not through its item)
        for nid in note_ids:
            note = notes.get(nid)
            cid = note.cluster_id if note is not None else None
            if cid is not None and cid not in found:
                found.add(cid)
                for above in self.doc.ancestors(cid):
                    if above in found:
                        break
                    found.add(above)
        return found

    def set_group_filter(self, ids: Iterable[int] | None) -> None:
        """Show only notes of these groups; None shows all groups."""
        old = self._group_filter
        new = None if ids is None else frozenset(ids)
        if new == old:
            return
        self._group_filter = new
        groups = {None, *self.doc.groups, *(old or ()), *(new or ())}
        flipped = {g for g in groups if (old is None or g in old) != (new is None or g in new)}
        if not flipped:
            return
        for item in self._notes.values():
            gid = item.note.group_id
            if gid in flipped:
                item.setVisible(new is None or gid in new)
        self._overview.invalidate()

    def _apply_emphasis(self, item: NoteItem) -> None:
        if self._group_filter is None and self._highlight is None:
            return  # every note is shown, and lit (set_group_filter and set_highlight see to it)
        note = item.note
        item.setVisible(self._group_filter is None or note.group_id in self._group_filter)
        item.setOpacity(self.note_opacity(note.id))

    def _apply_emphasis_cluster(self, item: ClusterItem) -> None:
        if self._highlight is None:
            self._light(item, True)
            return
        lit = bool(self.doc.subtree_notes(item.cluster_id) & self._highlight)
        self._light(item, lit)

    @staticmethod
    def _light(item: ClusterItem, lit: bool) -> None:
        """A frame lit or dimmed for the search; told only when that changes (Qt asks the
        frame's `itemChange` even for the opacity it has: 552 frames were 3 ms a key)."""
        if item.lit is not lit:
            item.lit = lit
            item.setOpacity(1.0 if lit else 0.45)

    # ----------------------------------------------------------------- zoom-dependent labels
    def set_zoom(self, zoom: float) -> None:
        """The view tells its zoom, so that cluster names stay legible far out."""
        self._zoomed_out = zoom < LABEL_LOD
        self._zoom = zoom
        far = zoom < OVERVIEW_ZOOM
        if far != self._far:
            self._far = far
            if far:
                self._dimming.finish()  # the overview draws every note as it was told
            for item in self._notes.values():
                item.set_far(far)
            for frame in self._clusters.values():
                frame.set_far(far)
            self._overview.set_shown(far)
        for cid in self._labels:
            self._place_label(cid)
        self._headers.set_zoom(zoom)

    def _place_label(self, cid: int) -> None:
        label, item = self._labels.get(cid), self._clusters.get(cid)
        if label is None or item is None:
            return
        label.setPos(item.pos() + QPointF(4, 4))
        # Far out a frame narrower on screen than a short name shows no name: a field of
        # overlapping names over specks of frames reads as nothing (and costs a paint each).
        visible = self._zoomed_out and item.rect().width() * self._zoom >= MIN_LABEL_PX
        parent = self.doc.clusters.get(item.cluster.parent_id or -1)
        if visible and parent is not None:
            # A nested frame's name would sit on its parent's: show it only where there is room.
            gap = (item.cluster.y - parent.y) * self._zoom
            visible = gap > label.boundingRect().height() + 4
        label.setVisible(visible)
        if visible:
            label.set_zoom(self._zoom)

    # ----------------------------------------------------------------- drop feedback
    def show_drop_target(self, cluster_id: int | None) -> None:
        if self._drop_target is not None and self._drop_target in self._clusters:
            self._clusters[self._drop_target].set_drop_target(False)
        self._drop_target = cluster_id
        if cluster_id is not None and cluster_id in self._clusters:
            self._clusters[cluster_id].set_drop_target(True)

    def drop_target(self) -> int | None:
        return self._drop_target

    # ----------------------------------------------------------------- mouse
    def _items_at(
        self, event: QGraphicsSceneMouseEvent | QGraphicsSceneHelpEvent
    ) -> list[QGraphicsItem]:
        """What lies under the pointer, topmost first."""
        view = event.widget().parentWidget() if event.widget() is not None else None
        # The view's transform, so that the screen-sized cluster labels are hit where they show.
        transform = view.viewportTransform() if isinstance(view, QGraphicsView) else QTransform()
        return self.items(
            event.scenePos(),
            Qt.ItemSelectionMode.IntersectsItemShape,
            Qt.SortOrder.DescendingOrder,
            transform,
        )

    def _hit(self, event: QGraphicsSceneMouseEvent) -> tuple[str, QGraphicsItem] | None:
        pos = event.scenePos()
        for item in self._items_at(event):
            if not item.isVisible():
                continue
            if isinstance(item, InlineEditor):
                return "editor", item
            if isinstance(item, ResizeHandle):
                return "resize", item.cluster_item
            if isinstance(item, ClusterLabel) and item.cluster_id in self._clusters:
                return "title", self._clusters[item.cluster_id]
            if isinstance(item, NoteItem):
                return "note", item
            if isinstance(item, ClusterItem):
                if item.mapFromScene(pos).y() <= TITLE_H:
                    return "title", item
                # A frame's body lets clicks through: a rubber band can start inside a frame.
        return None

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:  # noqa: N802
        """Qt shows the tooltip of the first item under the pointer that has one: the notes
        there write theirs first (see NoteItem.write_tooltip)."""
        for item in self._items_at(event):
            if isinstance(item, NoteItem):
                item.write_tooltip()
        super().helpEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hit = self._hit(event)
        if hit is None or hit[0] != "editor":
            self.editing.commit()
        if event.button() == Qt.MouseButton.RightButton and hit and hit[0] in ("note", "title"):
            item = hit[1]
            if not item.isSelected():
                self.clearSelection()
                item.setSelected(True)
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton or hit is None or hit[0] == "editor":
            super().mousePressEvent(event)
            return
        kind, item = hit
        if kind == "resize":
            assert isinstance(item, ClusterItem)
            self.clearSelection()
            item.setSelected(True)
            self._gesture = ResizeGesture(self, item, event.scenePos())
            event.accept()
            return
        assert isinstance(item, NoteItem | ClusterItem)
        adding = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        was_selected = item.isSelected()
        if adding:
            item.setSelected(not was_selected)
            if was_selected:
                event.accept()
                return
        elif not was_selected:
            self.clearSelection()
            item.setSelected(True)
        self._gesture = DragGesture(
            self, event.scenePos(), item, click_selects_only=was_selected and not adding
        )
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is None:
            super().mouseMoveEvent(event)
            return
        if not self._gesture.moved:
            down = event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if (event.screenPos() - down).manhattanLength() < QApplication.startDragDistance():
                return
        self._gesture.move(event.scenePos())
        if isinstance(self._gesture, DragGesture):
            self.dragMoved.emit(self._gesture.delta)
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is None:
            super().mouseReleaseEvent(event)
            return
        gesture, self._gesture = self._gesture, None
        if isinstance(gesture, DragGesture) and gesture.moved:
            self.dragMoved.emit(None)
        gesture.finish()
        event.accept()

    def cancel_gesture(self) -> bool:
        if self._gesture is None:
            return False
        gesture, self._gesture = self._gesture, None
        if isinstance(gesture, DragGesture) and gesture.moved:
            self.dragMoved.emit(None)
        gesture.cancel()
        return True

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hit = self._hit(event)
        if hit is not None and hit[0] == "note" and event.button() == Qt.MouseButton.LeftButton:
            assert isinstance(hit[1], NoteItem)
            self.edit_note(hit[1].note_id)
            event.accept()
            return
        if hit is not None and hit[0] == "title" and event.button() == Qt.MouseButton.LeftButton:
            assert isinstance(hit[1], ClusterItem)
            self.rename_cluster(hit[1].cluster_id)
            event.accept()
            return
        if hit is None and event.button() == Qt.MouseButton.LeftButton:
            self.newNoteRequested.emit(event.scenePos())  # as on a paper wall: write here
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # ----------------------------------------------------------------- keyboard-driven moves
    def move_selection(self, dx: float, dy: float) -> bool:
        """Nudge the selection (arrow keys); repeated nudges are one undo step."""
        command = move_command(self, selection(self), dx, dy, nudge=True)
        if command is None:
            return False
        self.doc.push(command)
        return True

    def group_selection(self, name: str | None = None) -> int | None:
        """Ctrl+G: a new cluster of the selection, with its name open for typing."""
        return grouping.group_selection(self, name)

    # ----------------------------------------------------------------- inline editing
    def active_editor(self) -> tuple[str, int | None, InlineEditor] | None:
        """What is being edited inline: ("note" | "cluster" | "new", id, editor), or None."""
        return self.editing.active()

    def rename_cluster(self, cluster_id: int) -> None:
        self.editing.rename_cluster(cluster_id)

    def edit_note(self, note_id: int) -> None:
        self.editing.edit_note(note_id)

    def start_new_note(self, group_id: int | None, at: QPointF) -> None:
        """An empty note centred at `at` to type into; Enter adds it as one command."""
        self.editing.new_note(group_id, at)

    def close_editor(self) -> None:
        """Close the inline editor without applying what was typed."""
        self.editing.cancel()
