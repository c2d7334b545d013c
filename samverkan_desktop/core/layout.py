"""First layout of an imported workshop: one column per group, never a pile.

Each group gets a column (groups left to right in their order) with room for its name on top.
The clusters a group made itself become frames holding their notes; the group's other notes
follow below in a grid. Clusters that belong to no group get a column of their own after the
groups, and notes with no group end up in a last column. The result depends only on the
document, so the same import always looks the same.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from . import model as m
from .board import Board, Rect, settle, violations
from .board.geometry import COLUMN_GAP, COLUMN_WIDTH, GAP, GROUP_HEADER, NOTE_H, PAD
from .board.geometry import TITLE_H as CLUSTER_HEADER

BIG_GROUP = 200  # notes; a group with more is laid out as a block, not a two-note column


class _Placer:
    def __init__(self, doc: m.Document) -> None:
        self.notes: dict[int, tuple[float, float]] = {}
        self.frames: dict[int, tuple[float, float, float, float]] = {}
        self.children: dict[int | None, list[m.Cluster]] = {}
        for c in doc.clusters:
            self.children.setdefault(c.parent_id, []).append(c)
        self.members: dict[int | None, list[m.Note]] = {}
        for n in doc.notes:
            self.members.setdefault(n.cluster_id, []).append(n)

    def grid(self, notes: Sequence[m.Note], x: float, y: float, width: float) -> float:
        """Place notes in rows inside `width` from (x, y); returns the height used."""
        if not notes:
            return 0.0
        per_row = max(1, int((width + GAP) // (m.NOTE_WIDTH + GAP)))
        for i, note in enumerate(notes):
            row, col = divmod(i, per_row)
            self.notes[note.id] = (x + col * (m.NOTE_WIDTH + GAP), y + row * (m.NOTE_HEIGHT + GAP))
        rows = math.ceil(len(notes) / per_row)
        return rows * m.NOTE_HEIGHT + (rows - 1) * GAP

    def cluster(self, c: m.Cluster, x: float, y: float, width: float, seen: set[int]) -> float:
        """Frame a cluster with its notes and (nested) sub-clusters; returns its height.

        Depth first with a stack of its own rather than recursion: a file from elsewhere may nest
        clusters deeper than Python's recursion limit."""
        seen.add(c.id)
        stack = [self._open(c, x, y, width)]
        while True:
            frame = stack[-1]
            child = next((k for k in frame.children if k.id not in seen), None)
            if child is not None:  # `seen` also stops a cycle of parents from looping for ever
                seen.add(child.id)
                stack.append(self._open(child, frame.x + PAD, frame.inner, _inside(frame.width)))
                continue
            height = max(frame.inner - GAP + PAD, frame.y + CLUSTER_HEADER + PAD) - frame.y
            self.frames[frame.cluster.id] = (frame.x, frame.y, frame.width, height)
            stack.pop()
            if not stack:
                return height
            stack[-1].inner += height + GAP

    def _open(self, c: m.Cluster, x: float, y: float, width: float) -> _Frame:
        """Start a cluster's frame: its own notes go in first, the sub-clusters below them."""
        inner = y + CLUSTER_HEADER
        used = self.grid(self.members.get(c.id, []), x + PAD, inner, width - 2 * PAD)
        inner += used + (GAP if used else 0.0)
        return _Frame(c, x, y, width, inner, iter(self.children.get(c.id, [])))


def column_width(notes: int) -> float:
    """A group's column: two notes wide, as a wall of paper; a group of hundreds of notes (a
    city-wide dialogue) gets a block about as tall as it is wide instead of a column so tall
    that the whole board could not be seen at once."""
    if notes <= BIG_GROUP:
        return COLUMN_WIDTH
    per_row = math.ceil(math.sqrt(notes * (m.NOTE_HEIGHT + GAP) / (m.NOTE_WIDTH + GAP)))
    return per_row * (m.NOTE_WIDTH + GAP) - GAP + 2 * PAD


def _inside(width: float) -> float:
    """Width of a sub-cluster: narrower than its parent, but never too narrow for a note (deep
    nesting then sticks out to the right instead of giving frames a negative width)."""
    return max(width - 2 * PAD, m.NOTE_WIDTH + 2 * PAD)


@dataclass
class _Frame:
    """A cluster being laid out: where it is and where its next sub-cluster goes."""

    cluster: m.Cluster
    x: float
    y: float
    width: float
    inner: float  # top of the next sub-cluster
    children: Iterator[m.Cluster]


def layout_document(doc: m.Document, x_offset: float = 0.0, y_offset: float = 0.0) -> m.Document:
    """Give every note a place and every cluster a frame; ids and everything else unchanged."""
    placer = _Placer(doc)
    group_ids = [g.id for g in doc.groups]
    known_groups = set(group_ids)
    cluster_ids = {c.id for c in doc.clusters}
    roots = [c for c in doc.clusters if c.parent_id is None or c.parent_id not in cluster_ids]
    seen: set[int] = set()

    # Each group's clusters and loose notes gathered in one pass (not one pass per group).
    own: dict[int | None, list[m.Cluster]] = {}
    for c in roots:
        own.setdefault(c.group_id, []).append(c)
    loose: dict[int | None, list[m.Note]] = {}
    for n in doc.notes:
        if n.cluster_id not in cluster_ids:
            loose.setdefault(n.group_id, []).append(n)
    columns: list[tuple[list[m.Cluster], list[m.Note]]] = [
        (own.get(gid, []), loose.get(gid, [])) for gid in group_ids
    ]
    for c in roots:
        if c.group_id not in known_groups:
            columns.append(([c], []))
    homeless = [
        n for n in doc.notes if n.group_id not in known_groups and n.cluster_id not in cluster_ids
    ]
    if homeless:
        columns.append(([], homeless))

    x = x_offset
    for frames, notes_below in columns:
        y = y_offset + GROUP_HEADER
        for c in frames:
            y += placer.cluster(c, x, y, COLUMN_WIDTH, seen) + 2 * GAP
        width = column_width(len(notes_below))
        placer.grid(notes_below, x + PAD, y, width - 2 * PAD)
        x += width + COLUMN_GAP

    # Clusters only reachable through a cycle of parents: still give them a place.
    for c in doc.clusters:
        if c.id not in seen:
            placer.cluster(c, x, y_offset + GROUP_HEADER, COLUMN_WIDTH, seen)
            x += COLUMN_WIDTH + COLUMN_GAP

    notes = tuple(
        replace(n, x=placer.notes[n.id][0], y=placer.notes[n.id][1]) if n.id in placer.notes else n
        for n in doc.notes
    )
    clusters = tuple(
        replace(c, x=f[0], y=f[1], width=f[2], height=f[3]) if (f := placer.frames.get(c.id)) else c
        for c in doc.clusters
    )
    return replace(doc, notes=notes, clusters=clusters)


def content_bounds(doc: m.Document) -> tuple[float, float, float, float] | None:
    """(left, top, right, bottom) of everything on the board, or None for an empty board."""
    boxes = [(n.x, n.y, n.x + m.NOTE_WIDTH, n.y + m.NOTE_HEIGHT) for n in doc.notes]
    boxes += [(c.x, c.y, c.x + c.width, c.y + c.height) for c in doc.clusters if c.width > 0]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def next_free_x(existing: m.Document) -> float:
    """Where new groups go when added to a file: right of what is already on the board."""
    bounds = content_bounds(existing)
    return 0.0 if bounds is None else bounds[2] + COLUMN_GAP


def is_pile(doc: m.Document) -> bool:
    """True when the notes have no real places yet (all at one point), e.g. a hand-made JSON."""
    return len(doc.notes) > 1 and len({(n.x, n.y) for n in doc.notes}) == 1


def shift(doc: m.Document, dx: float, dy: float = 0.0) -> m.Document:
    """Move everything by (dx, dy), keeping the arrangement."""
    if not dx and not dy:
        return doc
    return replace(
        doc,
        notes=tuple(replace(n, x=n.x + dx, y=n.y + dy) for n in doc.notes),
        clusters=tuple(replace(c, x=c.x + dx, y=c.y + dy) for c in doc.clusters),
    )


def place_right_of(doc: m.Document, existing: m.Document) -> m.Document:
    """`doc` moved so that it starts right of everything `existing` has on the board."""
    bounds = content_bounds(doc)
    if bounds is None or content_bounds(existing) is None:
        return doc
    return shift(doc, next_free_x(existing) - bounds[0])


def settle_document(doc: m.Document) -> m.Document:
    """Places from a file made elsewhere, made to keep the board's promise (core.board.settle):
    nothing overlaps, every note lies inside its cluster's frame below the title. A document
    that keeps it already comes back unchanged. Notes count at their usual height here (only
    the board can measure text); one that grows taller stays clear of the GAP below it."""
    board = Board()
    for c in doc.clusters:
        board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)
    for n in doc.notes:
        board.put_note(n.id, n.x, n.y, NOTE_H, n.cluster_id)
    if not violations(board, limit=1):  # the usual case (our own export): one sweep
        return doc
    draft = board.copy()
    settle(draft, everything=True)
    changes = draft.changes()
    if not changes:
        return doc
    notes = tuple(
        replace(n, x=f["x"], y=f["y"]) if (f := changes.notes.get(n.id)) and "x" in f else n
        for n in doc.notes
    )
    clusters = tuple(
        replace(c, x=f["x"], y=f["y"], width=f["width"], height=f["height"])
        if (f := changes.clusters.get(c.id)) and "x" in f
        else c
        for c in doc.clusters
    )
    return replace(doc, notes=notes, clusters=clusters)
