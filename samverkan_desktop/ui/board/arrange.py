"""Board geometry that commands need: rectangles, frames that grow to fit, tidy grids.

Everything here reads the `DocumentModel` cache and returns plain position/geometry maps; the
commands turn them into store changes. Positions are the top-left corners in scene units.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from ...core import model as m
from ..document import DocumentModel
from .metrics import FRAME_PAD, GAP, MIN_FRAME_H, MIN_FRAME_W, NOTE_H, NOTE_W, TITLE_H, note_height

Geometry = tuple[float, float, float, float]  # x, y, width, height


def note_rect(note: m.Note, at: tuple[float, float] | None = None) -> QRectF:
    x, y = at if at is not None else (note.x, note.y)
    return QRectF(x, y, NOTE_W, note_height(note))


def cluster_rect(doc: DocumentModel, cluster: m.Cluster) -> QRectF:
    """The frame on the board; a cluster without a size yet is drawn around its notes."""
    if cluster.width > 0 and cluster.height > 0:
        return QRectF(cluster.x, cluster.y, cluster.width, cluster.height)
    inside = [note_rect(doc.note(i)) for i in doc.members(cluster.id)]
    if not inside:
        return QRectF(cluster.x, cluster.y, MIN_FRAME_W, MIN_FRAME_H)
    return frame_around(inside)


def union(rects: Iterable[QRectF]) -> QRectF:
    result = QRectF()
    for rect in rects:
        result = rect if result.isNull() else result.united(rect)
    return result


def frame_around(rects: Iterable[QRectF]) -> QRectF:
    """The frame that holds `rects` with room for the title bar and padding."""
    inner = union(rects)
    frame = inner.adjusted(-FRAME_PAD, -TITLE_H, FRAME_PAD, FRAME_PAD)
    if frame.width() < MIN_FRAME_W:
        frame.setWidth(MIN_FRAME_W)
    return frame


def geometry(rect: QRectF) -> Geometry:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def rect_of(geom: Geometry) -> QRectF:
    return QRectF(*geom)


@dataclass
class Placement:
    """New places for notes and new geometries for clusters, as one change."""

    notes: dict[int, tuple[float, float]] = field(default_factory=dict)
    clusters: dict[int, Geometry] = field(default_factory=dict)

    def update(self, other: Placement) -> None:
        self.notes.update(other.notes)
        self.clusters.update(other.clusters)


def shift_subtree(doc: DocumentModel, cluster_id: int, dx: float, dy: float) -> Placement:
    """Move a cluster with every note and cluster inside it by (dx, dy)."""
    out = Placement()
    for cid in (cluster_id, *doc.descendants(cluster_id)):
        rect = cluster_rect(doc, doc.cluster(cid)).translated(dx, dy)
        out.clusters[cid] = geometry(rect)
        for nid in doc.members(cid):
            note = doc.note(nid)
            out.notes[nid] = (note.x + dx, note.y + dy)
    return out


def grow_to_fit(
    doc: DocumentModel,
    cluster_id: int | None,
    needed: QRectF,
    pending: dict[int, Geometry],
) -> None:
    """Grow the cluster (and the clusters around it) until `needed` fits inside with padding.

    `pending` holds geometries already decided in this change and is updated in place.
    """
    seen: set[int] = set()
    while cluster_id is not None and cluster_id not in seen and cluster_id in doc.clusters:
        seen.add(cluster_id)
        cluster = doc.cluster(cluster_id)
        current = (
            rect_of(pending[cluster_id]) if cluster_id in pending else cluster_rect(doc, cluster)
        )
        want = needed.adjusted(-FRAME_PAD, -FRAME_PAD, FRAME_PAD, FRAME_PAD)
        if current.contains(want):
            return
        grown = current.united(want)
        # The title bar stays above whatever comes in from the top.
        if want.top() < current.top():
            grown.setTop(want.top() - (TITLE_H - FRAME_PAD))
        pending[cluster_id] = geometry(grown)
        needed = grown
        cluster_id = cluster.parent_id


def inside_frame(frame: QRectF, rects: list[QRectF]) -> tuple[float, float]:
    """The shift that brings `rects` (dropped into `frame`) off its edges and below its title,
    where the frame is wide enough: a drop then never widens a frame into its neighbours, nor
    raises its title into what is above. What sticks out below still grows the frame."""
    union_ = union(rects)
    dx = dy = 0.0
    left, right = frame.left() + FRAME_PAD, frame.right() - FRAME_PAD
    if union_.width() <= right - left:
        if union_.left() < left:
            dx = left - union_.left()
        elif union_.right() > right:
            dx = right - union_.right()
    if union_.top() < frame.top() + TITLE_H:
        dy = frame.top() + TITLE_H - union_.top()
    return dx, dy


def make_room(
    doc: DocumentModel,
    grown: Mapping[int, Geometry],
    skip_notes: Iterable[int] = (),
    skip_clusters: Iterable[int] = (),
) -> Placement:
    """Top-level frames and loose notes that a frame grown downwards now runs into, moved down
    out of its way (a group's clusters are stacked in its column), and whatever they push in turn.

    `skip_*` are items that this change already places (the dragged ones)."""
    walls: list[tuple[QRectF, QRectF]] = []  # (before, after) of what grew or was pushed
    for cid, geom in grown.items():
        cluster = doc.clusters.get(cid)
        if cluster is not None and cluster.parent_id is None:
            before, after = cluster_rect(doc, cluster), rect_of(geom)
            if after.bottom() > before.bottom() and after.contains(before):  # grew, not moved
                walls.append((before, after))
    out = Placement()
    if not walls:
        return out
    notes_skipped, clusters_skipped = set(skip_notes), set(skip_clusters) | set(grown)
    things = [
        (cluster_rect(doc, c), c.id, True)
        for c in doc.clusters.values()
        if c.parent_id is None and c.id not in clusters_skipped
    ]
    things += [
        (note_rect(n), n.id, False)
        for n in doc.notes.values()
        if n.cluster_id is None and n.id not in notes_skipped
    ]
    things.sort(key=lambda t: (t[0].top(), t[0].left()))
    for rect, item_id, is_cluster in things:
        dy = 0.0
        for before, after in walls:
            below = rect.top() >= before.bottom() - 0.5
            beside = rect.left() < after.right() and after.left() < rect.right()
            if below and beside and rect.top() < after.bottom() + GAP:
                dy = max(dy, after.bottom() + GAP - rect.top())
        if dy <= 0:
            continue
        if is_cluster:
            out.update(shift_subtree(doc, item_id, 0.0, dy))
        else:
            out.notes[item_id] = (rect.x(), rect.y() + dy)
        walls.append((rect, rect.translated(0.0, dy)))
    return out


def with_room(doc: DocumentModel, placement: Placement) -> Placement:
    """`placement`, and what its grown frames now run into moved out of their way."""
    out = Placement(dict(placement.notes), dict(placement.clusters))
    out.update(make_room(doc, placement.clusters, placement.notes, placement.clusters))
    return out


def reading_order(notes: Iterable[m.Note]) -> list[m.Note]:
    """Top to bottom, then left to right, as a person would read the notes off the wall."""
    return sorted(notes, key=lambda n: (round(n.y / (NOTE_H / 2)), n.x, n.id))


def pack(
    doc: DocumentModel,
    origin: QPointF,
    notes: list[m.Note],
    children: list[m.Cluster],
    width: float = 0.0,
) -> tuple[Placement, QRectF]:
    """Notes in a grid, sub-clusters (with all they hold) in rows below, in a frame at `origin`.

    The frame is at least `width` wide (0: as wide as a squarish grid needs); returns the new
    places and the frame.
    """
    out = Placement()
    inner_w = max(NOTE_W, width - 2 * FRAME_PAD)
    if width > 0:
        cols = max(1, int((inner_w + GAP) // (NOTE_W + GAP)))
        if notes and math.ceil(len(notes) / cols) > cols + 2:
            cols = max(cols, math.ceil(math.sqrt(len(notes))))
    else:
        cols = max(1, min(4, math.ceil(math.sqrt(len(notes)))))
    left = origin.x() + FRAME_PAD
    y = origin.y() + TITLE_H
    content_w = 0.0
    grid: dict[int, tuple[float, float]] = {}
    for start in range(0, len(notes), cols):
        row = notes[start : start + cols]
        for col, note in enumerate(row):
            grid[note.id] = (left + col * (NOTE_W + GAP), y)
        content_w = max(content_w, len(row) * (NOTE_W + GAP) - GAP)
        y += max(note_height(n) for n in row) + GAP
    shelf_w = max(inner_w if width > 0 else 0.0, content_w, 2 * NOTE_W + GAP)
    x, shelf_h = left, 0.0
    for child in children:
        rect = cluster_rect(doc, child)
        if x > left and x + rect.width() > left + shelf_w:
            x, y, shelf_h = left, y + shelf_h + GAP, 0.0
        out.update(shift_subtree(doc, child.id, x - rect.x(), y - rect.y()))
        content_w = max(content_w, x + rect.width() - left)
        x += rect.width() + GAP
        shelf_h = max(shelf_h, rect.height())
    out.notes.update(grid)  # the grid wins over a sub-cluster's old members
    bottom = y + shelf_h if children else y - GAP if notes else y
    frame_w = max(width, content_w + 2 * FRAME_PAD, MIN_FRAME_W)
    frame_h = max(bottom - origin.y() + FRAME_PAD, MIN_FRAME_H)
    return out, QRectF(origin.x(), origin.y(), frame_w, frame_h)


def tidy(
    doc: DocumentModel,
    cluster_id: int,
    note_ids: Iterable[int] | None = None,
    child_ids: Iterable[int] | None = None,
) -> Placement:
    """A grid of the cluster's notes inside its frame, its sub-clusters below; the frame fits.

    The frame keeps its top-left corner and never gets narrower than it is; its height becomes
    what the content needs. `note_ids`/`child_ids` replace the current members (for a merge).
    """
    cluster = doc.cluster(cluster_id)
    frame = cluster_rect(doc, cluster)
    wanted = doc.members(cluster_id) if note_ids is None else note_ids
    notes = reading_order(doc.note(i) for i in wanted)
    children = sorted(
        (doc.cluster(i) for i in (doc.children(cluster_id) if child_ids is None else child_ids)),
        key=lambda c: (c.y, c.x, c.id),
    )
    out, rect = pack(doc, frame.topLeft(), notes, children, frame.width())
    out.clusters[cluster_id] = geometry(rect)
    grow_to_fit(doc, cluster.parent_id, rect, out.clusters)
    return with_room(doc, out)


def grid_at(notes: list[m.Note], origin: QPointF, cols: int | None = None) -> Placement:
    """Notes in a grid whose top-left frame corner is `origin` (`pack` also takes clusters)."""
    out = Placement()
    if not notes:
        return out
    cols = cols or max(1, min(4, math.ceil(math.sqrt(len(notes)))))
    left = origin.x() + FRAME_PAD
    y = origin.y() + TITLE_H
    for start in range(0, len(notes), cols):
        row = notes[start : start + cols]
        for col, note in enumerate(row):
            out.notes[note.id] = (left + col * (NOTE_W + GAP), y)
        y += max(note_height(n) for n in row) + GAP
    return out


def innermost_cluster(
    doc: DocumentModel,
    point: QPointF,
    exclude: Iterable[int] = (),
    larger_than: float = 0.0,
    rects: Mapping[int, QRectF] | None = None,
) -> int | None:
    """The deepest cluster whose frame holds `point` (ties: the smallest frame).

    `exclude` are clusters that cannot be the answer (the ones being dragged); `larger_than`
    keeps a big frame from being nested into a smaller one.
    """
    excluded = set(exclude)
    best: tuple[int, float, int] | None = None
    for cluster in doc.clusters.values():
        if cluster.id in excluded:
            continue
        rect = rects[cluster.id] if rects and cluster.id in rects else cluster_rect(doc, cluster)
        area = rect.width() * rect.height()
        if area <= larger_than or not rect.contains(point):
            continue
        key = (-doc.depth(cluster.id), area, cluster.id)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _clear_of(rect: QRectF, obstacles: Iterable[QRectF], margin: float) -> bool:
    return not any(rect.intersects(o.adjusted(-margin, -margin, margin, margin)) for o in obstacles)


def free_spot_inside(frame: QRectF, height: float, taken: list[QRectF]) -> tuple[float, float]:
    """The top-left corner of the first place, in reading order, for a note `height` high inside
    `frame`: below its title, off its sides, GAP clear of every rect in `taken`. When the frame
    is full the place is under what it holds (the frame then grows to hold the note)."""
    left, right, top = frame.left() + FRAME_PAD, frame.right() - FRAME_PAD, frame.top() + TITLE_H
    columns = max(1, int((right - left + GAP) // (NOTE_W + GAP)))
    xs = {left + k * (NOTE_W + GAP) for k in range(columns)}
    xs |= {r.right() + GAP for r in taken if left <= r.right() + GAP <= right - NOTE_W}
    ys = {top} | {r.bottom() + GAP for r in taken if r.bottom() + GAP >= top}
    for y in sorted(ys):
        for x in sorted(xs):
            if _clear_of(QRectF(x, y, NOTE_W, height), taken, GAP - 1.0):
                return (x, y)
    bottom = max((r.bottom() for r in taken), default=top - GAP)
    return (left, max(top, bottom + GAP))


def free_spot_outside(
    near: tuple[float, float],
    height: float,
    frames: list[QRectF],
    taken: list[QRectF],
    anchor: tuple[float, float] | None = None,
) -> tuple[float, float]:
    """The place nearest to `near` for a note `height` high that touches no frame in `frames`
    and is clear of the notes in `taken`; the places tried line up with `anchor` (the dropped
    note a selection is dragged by)."""
    ax, ay = anchor if anchor is not None else near
    step_x, step_y = NOTE_W + GAP, NOTE_H + GAP
    i0, j0 = round((near[0] - ax) / step_x), round((near[1] - ay) / step_y)
    for reach in range(0, 60):
        ring = [
            (ax + (i0 + i) * step_x, ay + (j0 + j) * step_y)
            for i in range(-reach, reach + 1)
            for j in range(-reach, reach + 1)
            if max(abs(i), abs(j)) == reach
        ]
        ring.sort(key=lambda p: (p[0] - near[0]) ** 2 + (p[1] - near[1]) ** 2)
        for x, y in ring:
            rect = QRectF(x, y, NOTE_W, height)
            if _clear_of(rect, frames, GAP - 1.0) and _clear_of(rect, taken, GAP / 2 - 1.0):
                return (x, y)
    return near
