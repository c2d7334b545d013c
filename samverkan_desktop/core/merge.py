"""Merging another workshop (a `.samverkan` file or a JSON export) into the open one.

Facilitators on separate laptops digitise different groups and then combine their files. What
the incoming document holds is added as an import is (`Store.add_document`), with one
difference: a top-level cluster that belongs to no group and whose name (case-, accent- and
whitespace-insensitive, `textfold.fold`) equals that of such a cluster already in the workshop is
not added again: its notes and sub-clusters join the existing cluster, placed in the free spots
of its frame, which grows (and pushes what is beside it) as `core.board.settle` has it.

Groups are never merged, even with the same name: a group is who said what, and two laptops may
well both have a "Grupp 1" that are different groups (with the same facilitator, too: one person
may lead two sessions). Notes from two groups mixed in one could not be told apart again, while
two groups of the same name can be renamed. A clash of names is reported as a warning instead.
A cluster a group made itself ("(klustrat)", `group_id` set) belongs to that group, so it is
never merged either: only the workshop-wide clusters (themes) are.

Nothing is written here: `merge_into` returns a `MergePlan`, which `Store.merge_document` writes
in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from . import layout
from . import model as m
from .board import Board, Rect, frame_key, note_key, settle
from .board.geometry import GAP, NOTE_H, NOTE_W, PAD, TITLE_H
from .board.place import first_free_inside, frame_order, reading_order
from .messages import Message, message
from .textfold import fold

Geometry = tuple[float, float, float, float]  # x, y, width, height


@dataclass(frozen=True)
class MergePlan:
    """What merging a document into a workshop adds and changes.

    `document` is the incoming document, placed, with its own ids; a row of it that refers to a
    cluster in `into_clusters` refers to the existing cluster instead, and those clusters are not
    added. `notes_moved`/`clusters_moved` are existing notes and frames the merge moved or grew
    (their new places), `before` their places until then (what undo puts back)."""

    document: m.Document
    into_clusters: Mapping[int, int] = field(default_factory=dict)
    notes_moved: Mapping[int, tuple[float, float]] = field(default_factory=dict)
    clusters_moved: Mapping[int, Geometry] = field(default_factory=dict)
    notes_before: Mapping[int, tuple[float, float]] = field(default_factory=dict)
    clusters_before: Mapping[int, Geometry] = field(default_factory=dict)
    warnings: tuple[Message, ...] = ()  # each equals its Swedish text; .text(language)

    @property
    def merges(self) -> bool:
        """True when anything joins an existing cluster (else a plain `add_document` will do)."""
        return bool(self.into_clusters)

    def merged_names(self) -> list[tuple[str, int]]:
        """The merged clusters' names with how many notes each got (directly or nested)."""
        doc = self.document
        names = {c.id: c.name for c in doc.clusters}
        parent = {c.id: c.parent_id for c in doc.clusters}
        counts = dict.fromkeys(self.into_clusters, 0)
        for n in doc.notes:
            cid, seen = n.cluster_id, set()
            while cid is not None and cid not in counts and cid not in seen:
                seen.add(cid)
                cid = parent.get(cid)
            if cid is not None and cid in counts:
                counts[cid] += 1
        return [(names[c], k) for c, k in counts.items()]


def name_key(name: str) -> str:
    """What two names must share to count as the same: 'Trygghet ', 'TRYGGHET' and 'trygghet'."""
    return fold(" ".join(name.split()))


def merge_into(existing: m.Document, incoming: m.Document) -> MergePlan:
    """Plan adding `incoming` to `existing`, same-named clusters merged (see the module).

    `incoming` is first moved right of what `existing` has on the board unless it lies there
    already (`layout.place_right_of`, as an import does)."""
    incoming = _beside(incoming, existing)
    warnings = _group_warnings(existing, incoming)
    into = _matches(existing, incoming)
    if not into:
        return MergePlan(incoming, warnings=tuple(warnings))
    return _place(existing, incoming, into, tuple(warnings))


def _beside(incoming: m.Document, existing: m.Document) -> m.Document:
    mine, theirs = layout.content_bounds(incoming), layout.content_bounds(existing)
    if mine is None or theirs is None or mine[0] >= layout.next_free_x(existing) - 0.5:
        return incoming
    return layout.place_right_of(incoming, existing)


def _group_warnings(existing: m.Document, incoming: m.Document) -> list[Message]:
    names = {name_key(g.name) for g in existing.groups if g.name.strip()}
    return [
        message("merge.group_exists", group=g.name)
        for g in incoming.groups
        if g.name.strip() and name_key(g.name) in names
    ]


def _matches(existing: m.Document, incoming: m.Document) -> dict[int, int]:
    """Incoming top-level theme clusters -> the existing one of the same name (the oldest,
    should the workshop have two)."""
    targets: dict[str, int] = {}
    for c in sorted(existing.clusters, key=lambda c: c.id):
        key = name_key(c.name)
        if c.parent_id is None and c.group_id is None and key:
            targets.setdefault(key, c.id)
    return {
        c.id: targets[name_key(c.name)]
        for c in incoming.clusters
        if c.parent_id is None and c.group_id is None and name_key(c.name) in targets
    }


def _place(
    existing: m.Document, incoming: m.Document, into: dict[int, int], warnings: tuple[Message, ...]
) -> MergePlan:
    # One board with both: the existing rows by their ids, the incoming ones by ids below zero
    # (an incoming document's ids are its own and may be anything, 0 included).
    note_ids = {n.id: -1 - i for i, n in enumerate(incoming.notes)}
    cluster_ids = {c.id: -1 - i for i, c in enumerate(incoming.clusters)}
    board = Board()
    for c in existing.clusters:
        board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)
    for n in existing.notes:
        board.put_note(n.id, n.x, n.y, NOTE_H, n.cluster_id)
    for c in incoming.clusters:
        parent = cluster_ids.get(c.parent_id) if c.parent_id is not None else None
        board.put_frame(cluster_ids[c.id], Rect(c.x, c.y, c.width, c.height), parent)
    for n in incoming.notes:
        home = cluster_ids.get(n.cluster_id) if n.cluster_id is not None else None
        board.put_note(note_ids[n.id], n.x, n.y, NOTE_H, home)

    draft = board.copy()
    placed = []
    for incoming_id, target in into.items():
        placed += _move_in(draft, cluster_ids[incoming_id], target)
    settle(draft, anchors=placed)

    changes = draft.changes()
    old_notes = {n.id: n for n in existing.notes}
    old_clusters = {c.id: c for c in existing.clusters}
    notes_moved = {
        i: (f["x"], f["y"]) for i, f in changes.notes.items() if i in old_notes and "x" in f
    }
    clusters_moved = {
        i: (f["x"], f["y"], f["width"], f["height"])
        for i, f in changes.clusters.items()
        if i in old_clusters and "x" in f
    }
    notes = tuple(
        replace(n, x=draft.note(b).x, y=draft.note(b).y)
        if (b := note_ids[n.id]) in changes.notes and "x" in changes.notes[b]
        else n
        for n in incoming.notes
    )
    clusters = []
    for c in incoming.clusters:
        b = cluster_ids[c.id]
        f = changes.clusters.get(b)
        if c.id not in into and f is not None and "x" in f:
            c = replace(c, x=f["x"], y=f["y"], width=f["width"], height=f["height"])
        clusters.append(c)
    return MergePlan(
        replace(incoming, notes=notes, clusters=tuple(clusters)),
        into_clusters=into,
        notes_moved=notes_moved,
        clusters_moved=clusters_moved,
        notes_before={i: (old_notes[i].x, old_notes[i].y) for i in notes_moved},
        clusters_before={
            i: (old_clusters[i].x, old_clusters[i].y, old_clusters[i].width, old_clusters[i].height)
            for i in clusters_moved
        },
        warnings=warnings,
    )


def _move_in(board: Board, source: int, target: int) -> list[tuple[str, int]]:
    """Everything directly in frame `source` into frame `target`: notes in its free spots (under
    what it holds once it is full), sub-frames below them; `source` is then removed. Returns
    what was placed (settle's anchors: each has a free place inside `target`)."""
    board.set_frame(target, board.frame(target))  # one drawn around its notes keeps that size
    frame = board.frame(target)
    taken = [board.rect(k) for k in board.contents(target)]
    placed: list[tuple[str, int]] = []
    left = frame.x + PAD
    columns = max(1, int((frame.w - 2 * PAD + GAP) // (NOTE_W + GAP)))
    full = False  # once no free spot is left inside, the rest go in rows below
    row: list[Rect] = []
    for n in reading_order(board, board.members(source)):
        h = board.note(n).h
        if not full:
            x, y = first_free_inside(board, target, h, taken)
            full = y + h > frame.bottom - PAD
        if full:  # (first_free_inside looks at all that is taken: fine once, slow for each)
            if row and len(row) < columns:
                x, y = row[-1].right + GAP, row[-1].y
            else:
                bottom = max((r.bottom for r in taken), default=frame.y + TITLE_H - GAP)
                x, y, row = left, max(bottom + GAP, frame.y + TITLE_H), []
        board.put_note(n, x, y, h, target)
        taken.append(board.note_rect(n))
        if full:
            row.append(board.note_rect(n))
        placed.append(note_key(n))
    x, shelf_y = left, None  # the row of sub-frames being filled
    for child in frame_order(board, board.children(source)):
        rect = board.frame(child)
        if shelf_y is None or (x > left and x + rect.w > frame.right - PAD):
            bottom = max((r.bottom for r in taken), default=frame.y + TITLE_H - GAP)
            x, shelf_y = left, max(bottom + GAP, frame.y + TITLE_H)
        board.set_parent(child, target)
        board.move_to(frame_key(child), x, shelf_y)
        moved = board.frame(child)
        taken.append(moved)
        placed.append(frame_key(child))
        x += moved.w + GAP
    board.remove_frame(source)
    return placed
