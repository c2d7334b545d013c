"""The board as plain data: where every note and frame is, and which frame holds what.

`Board` is the cluster tree (which cluster is in which, which note in which cluster) and the
geometry of every note and frame, without Qt. The board on screen keeps one up to date with the
file; a gesture works on a `copy()` of it (cheap: the notes and the spatial index are read
through to the board's own, a draft keeps only what it wrote; nested sets are copied only when
changed), and `changes()` says what the gesture did, for one undoable command.

A note's height comes from the text it holds, which only the UI can measure: whoever puts a
note on the board gives its height.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .geometry import EPS, MIN_FRAME_H, MIN_FRAME_W, NOTE_H, NOTE_W, Rect, frame_around

Key = tuple[str, int]  # ("note", id) or ("frame", id): one thing on the board
Cell = tuple[int, int]
CELL = 250.0  # the side of a cell of the board's spatial index
MAX_CELLS = 1024  # a rectangle over more cells than this is not put in cells but always looked at


def cells_of(rect: Rect, margin: float = 0.0) -> list[Cell] | None:
    """The index cells `rect` (grown by `margin`) touches; None when they are too many."""
    return cells_at(rect.x, rect.y, rect.w, rect.h, margin)


def cells_at(x: float, y: float, w: float, h: float, margin: float = 0.0) -> list[Cell] | None:
    """`cells_of` a rect given by its numbers (a board read from its file: no Rect asked)."""
    floor = math.floor  # (asked for every thing settling moves: `right`/`bottom` written out)
    x0, x1 = floor((x - margin) / CELL), floor((x + w + margin) / CELL)
    y0, y1 = floor((y - margin) / CELL), floor((y + h + margin) / CELL)
    if x0 == x1 and y0 == y1:
        return [(x0, y0)]
    if (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS:
        return None
    return [(cx, cy) for cx in range(x0, x1 + 1) for cy in range(y0, y1 + 1)]


def _slots(rect: Rect) -> list[Cell] | None:
    """The cells the spatial index keeps a thing at `rect` in; None: in none of them but among
    those always looked at (huge, or a frame drawn around its notes: its rect follows them)."""
    return cells_of(rect) if rect.w > 0 and rect.h > 0 else None


_NOTHING: Mapping[Any, Any] = MappingProxyType({})  # what a board that is no draft reads through to
_UNREAD: Any = object()  # (Board._write_note: the old box not looked up yet)


def note_key(note_id: int) -> Key:
    return ("note", note_id)


def frame_key(cluster_id: int) -> Key:
    return ("frame", cluster_id)


@dataclass(frozen=True, slots=True)
class NoteBox:
    x: float
    y: float
    h: float
    home: int | None  # the cluster it is in
    rect: Rect = field(init=False, compare=False, repr=False)  # made once: asked for often

    def __post_init__(self) -> None:
        object.__setattr__(self, "rect", Rect(self.x, self.y, NOTE_W, self.h))


@dataclass
class Changes:
    """What a gesture did to a board: changed fields by id, in the store's field names.

    Ids below zero are things the gesture made (`Board.new_note`/`new_frame`); a field may
    point at one (`cluster_id`, `parent_id`)."""

    notes: dict[int, dict[str, Any]] = field(default_factory=dict)
    clusters: dict[int, dict[str, Any]] = field(default_factory=dict)
    removed_notes: set[int] = field(default_factory=set)
    removed_clusters: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.notes or self.clusters or self.removed_notes or self.removed_clusters)


class Board:
    def __init__(self) -> None:
        # Every note (None: removed by this draft), over `_notes_under`: a draft reads through
        # to the notes of the board it was copied from and keeps here only those it wrote (a
        # copy of 10,000 notes for every gesture was 0.1 ms and more, its walk by the collector).
        self._notes: dict[int, NoteBox | None] = {}
        self._notes_under: Mapping[int, NoteBox] = _NOTHING
        self._frames: dict[int, Rect] = {}  # as saved; zero width: drawn around its notes
        self._parent: dict[int, int | None] = {}
        self._members: dict[int | None, set[int]] = {None: set()}
        self._children: dict[int | None, set[int]] = {None: set()}
        self._owned: set[tuple[str, Any]] = {("m", None), ("c", None), ("a", None)}
        self._cells: dict[Cell, set[Key]] = {}  # the spatial index: what lies in each cell
        self._cells_under: Mapping[Cell, set[Key]] = _NOTHING  # read through, as `_notes_under`
        self._always: set[Key] = set()  # huge rects, and frames drawn around their notes
        self._touched: set[Key] = set()  # what changed since copy()
        self._base: Board | None = None
        self._next_id = -1

    # ----------------------------------------------------------------- reading
    def __contains__(self, key: Key) -> bool:
        kind, i = key
        return self._box(i) is not None if kind == "note" else i in self._frames

    def note_ids(self) -> Iterable[int]:
        if self._notes_under is _NOTHING:
            return self._notes.keys()  # (no None in it: only a draft keeps those)
        own = self._notes
        return [
            *(i for i in self._notes_under if i not in own),
            *(i for i, box in own.items() if box is not None),
        ]

    def cluster_ids(self) -> Iterable[int]:
        return self._frames.keys()

    def has_note(self, note_id: int) -> bool:
        return self._box(note_id) is not None

    def has_cluster(self, cluster_id: int | None) -> bool:
        return cluster_id in self._frames

    def note(self, note_id: int) -> NoteBox:
        box = self._box(note_id)
        if box is None:
            raise KeyError(note_id)
        return box

    def note_rect(self, note_id: int) -> Rect:
        return self.note(note_id).rect

    def home(self, note_id: int) -> int | None:
        return self.note(note_id).home

    def _box(self, note_id: int) -> NoteBox | None:
        """The note's box; None when it is not on the board."""
        box = self._notes.get(note_id)
        if box is None and note_id not in self._notes:
            return self._notes_under.get(note_id)
        return box

    def parent(self, cluster_id: int) -> int | None:
        return self._parent[cluster_id]

    def frame(self, cluster_id: int) -> Rect:
        """The frame on the board; one without a size yet is drawn around its notes."""
        rect = self._frames[cluster_id]
        if rect.w > 0 and rect.h > 0:
            return rect
        around = frame_around(self.note_rect(n) for n in self._members.get(cluster_id, ()))
        return around if around is not None else Rect(rect.x, rect.y, MIN_FRAME_W, MIN_FRAME_H)

    def rect(self, key: Key) -> Rect:
        kind, i = key
        return self.note_rect(i) if kind == "note" else self.frame(i)

    def container(self, key: Key) -> int | None:
        """The cluster a note or frame sits in (None: the board itself)."""
        kind, i = key
        return self.note(i).home if kind == "note" else self._parent[i]

    def near(self, rect: Rect, margin: float = 0.0) -> set[Key]:
        """Everything that may lie within `margin` of `rect` (more, never less): ask `rect()`."""
        cells = cells_of(rect, margin)
        if cells is None:
            return {*map(note_key, self.note_ids()), *map(frame_key, self._frames)}
        found = set(self._always)
        own, under = self._cells, self._cells_under
        for cell in cells:
            keys = own.get(cell)
            if keys is None:
                keys = under.get(cell)
            if keys:
                found |= keys
        return found

    def overlapping(
        self,
        rect: Rect,
        container: int | None,
        margin: float = 0.0,
        among: AbstractSet[Key] | None = None,
    ) -> list[Key]:
        """What lies directly in `container` (None: on the board) and overlaps `rect` (closer
        than `margin`): every k `near` it with `self.rect(k).overlaps(rect, margin)`, in no
        particular order; with `among`, only those in it. Settling asks this for every thing
        it places and every step it pushes one, so it is worked out here in one pass, with the
        comparisons of `Rect.overlaps` written out (same operands, same order: same answer)."""
        notes, under, parent = self._notes, self._notes_under, self._parent
        right = rect.x + rect.w + margin - EPS  # `other.right + margin - EPS` in `overlaps`
        bottom = rect.y + rect.h + margin - EPS
        x, y = rect.x, rect.y
        found = []
        for key in self.near(rect, margin):
            if among is not None and key not in among:
                continue
            kind, i = key
            if kind == "note":
                # `_box(i)` written out: whatever is in the index is on the board
                box = notes.get(i) or under[i]
                if box.home != container:
                    continue
                r = box.rect
            else:
                if parent[i] != container:
                    continue
                r = self.frame(i)
            if (
                r.x < right
                and x < r.x + r.w + margin - EPS
                and r.y < bottom
                and y < r.y + r.h + margin - EPS
            ):
                found.append(key)
        return found

    def members(self, cluster_id: int | None) -> frozenset[int]:
        """Notes directly in the cluster (None: the notes in no cluster)."""
        return frozenset(self._members.get(cluster_id, ()))

    def children(self, cluster_id: int | None) -> frozenset[int]:
        """Clusters directly inside `cluster_id` (None: the top-level clusters)."""
        return frozenset(self._children.get(cluster_id, ()))

    def contents(self, cluster_id: int | None) -> list[Key]:
        """Everything directly in a frame (None: directly on the board)."""
        return [note_key(n) for n in self._members.get(cluster_id, ())] + [
            frame_key(c) for c in self._children.get(cluster_id, ())
        ]

    def count(self, cluster_id: int | None) -> int:
        return len(self._members.get(cluster_id, ())) + len(self._children.get(cluster_id, ()))

    def descendants(self, cluster_id: int) -> Iterator[int]:
        """Every cluster nested (at any depth) inside `cluster_id`."""
        stack, seen = [cluster_id], {cluster_id}
        while stack:
            for child in self._children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
                    yield child

    def subtree_notes(self, cluster_id: int) -> set[int]:
        ids = set(self._members.get(cluster_id, ()))
        for child in self.descendants(cluster_id):
            ids.update(self._members.get(child, ()))
        return ids

    def frames_holding(self, note_ids: AbstractSet[int]) -> set[int]:
        """Every frame holding one of these notes, directly or in a frame nested in it: those
        whose `subtree_notes` meet `note_ids`, found from each frame's own notes (a search's
        first key, holding most of 10,000 notes, asked each of 552 frames for its subtree)."""
        found: set[int] = set()
        members, parent, frames = self._members, self._parent, self._frames
        for cluster_id in self.cluster_ids():
            own = members.get(cluster_id)
            if not own or own.isdisjoint(note_ids):
                continue
            current: int | None = cluster_id
            while current is not None and current not in found and current in frames:
                found.add(current)
                current = parent.get(current)
        return found

    def ancestors(self, cluster_id: int | None) -> Iterator[int]:
        """The cluster's parent, grandparent and so on (not the cluster itself)."""
        seen: set[int] = set()
        current = self._parent.get(cluster_id) if cluster_id is not None else None
        while current is not None and current not in seen and current in self._frames:
            seen.add(current)
            yield current
            current = self._parent.get(current)

    def depth(self, cluster_id: int | None) -> int:
        """0 for a top-level cluster, 1 inside one, ...; -1 for the board itself."""
        return -1 if cluster_id is None else sum(1 for _ in self.ancestors(cluster_id))

    def is_within(self, cluster_id: int | None, outer: int) -> bool:
        """True when `cluster_id` is `outer` or nested (at any depth) inside it."""
        return cluster_id == outer or outer in self.ancestors(cluster_id)

    # ----------------------------------------------------------------- changing
    def put_note(
        self, note_id: int, x: float, y: float, h: float = NOTE_H, home: int | None = None
    ) -> None:
        old = self._box(note_id)
        if old is not None and old.home != home:
            self._set("m", old.home).discard(note_id)
        if old is None or old.home != home:
            self._set("m", home).add(note_id)
        self._write_note(note_id, NoteBox(x, y, h, home), old)

    def put_notes(self, rows: Iterable[tuple[int, float, float, float, int | None]]) -> None:
        """Many notes at once, (id, x, y, h, home) each, as `put_note` puts them one by one: a
        board read from its file (10,000 notes one by one were 0.45 s of opening one)."""
        if self._base is not None:  # a draft keeps what it copies: one by one
            for row in rows:
                self.put_note(*row)
            return
        notes, members, cells, owned, touched = (
            self._notes,
            self._members,
            self._cells,
            self._owned,
            self._touched,
        )
        for note_id, x, y, h, home in rows:
            if note_id in notes:  # (already on the board: it may move out of a cluster)
                self.put_note(note_id, x, y, h, home)
                continue
            notes[note_id] = NoteBox(x, y, h, home)
            if ("m", home) not in owned:
                self._set("m", home)
            members[home].add(note_id)
            key = ("note", note_id)
            touched.add(key)
            # (_slots of the box's rect, from its numbers: a note is NOTE_W wide)
            slots = cells_at(x, y, NOTE_W, h) if h > 0 else None
            if slots is None:
                self._own_always().add(key)
                continue
            for cell in slots:
                keys = cells.get(cell)
                if keys is None:
                    keys = cells[cell] = set()
                    owned.add(("g", cell))
                keys.add(key)

    def remove_note(self, note_id: int) -> None:
        old = self._box(note_id)
        if old is not None:
            self._set("m", old.home).discard(note_id)
            self._write_note(note_id, None)

    def put_frame(self, cluster_id: int, rect: Rect, parent: int | None = None) -> None:
        if cluster_id in self._frames:
            old = self._parent[cluster_id]
            if old != parent:
                self._set("c", old).discard(cluster_id)
                self._set("c", parent).add(cluster_id)
        else:
            self._set("c", parent).add(cluster_id)
        self._parent[cluster_id] = parent
        self._write_frame(cluster_id, rect)

    def remove_frame(self, cluster_id: int) -> None:
        """The frame goes; what it held stays where it is and moves up into the frame around it
        (none for a top-level frame), as the store does: it is still drawn where it belongs."""
        if cluster_id not in self._frames:
            return
        for n in list(self._members.get(cluster_id, ())):
            box = self.note(n)
            self.put_note(n, box.x, box.y, box.h, self._parent[cluster_id])
        for c in list(self._children.get(cluster_id, ())):
            self.put_frame(c, self._frames[c], self._parent[cluster_id])
        self._set("c", self._parent[cluster_id]).discard(cluster_id)
        self._write_frame(cluster_id, None)
        del self._parent[cluster_id]

    def move_note(self, note_id: int, x: float, y: float) -> None:
        box = self.note(note_id)
        self._write_note(note_id, NoteBox(x, y, box.h, box.home), box)

    def set_home(self, note_id: int, home: int | None) -> None:
        box = self.note(note_id)
        self.put_note(note_id, box.x, box.y, box.h, home)

    def set_height(self, note_id: int, h: float) -> None:
        box = self.note(note_id)
        self._write_note(note_id, NoteBox(box.x, box.y, h, box.home))

    def set_frame(self, cluster_id: int, rect: Rect) -> None:
        """The frame's new place and size; what it holds does not move."""
        self._write_frame(cluster_id, rect)

    def set_parent(self, cluster_id: int, parent: int | None) -> None:
        self.put_frame(cluster_id, self.frame(cluster_id), parent)

    def move(self, key: Key, dx: float, dy: float) -> None:
        """A note, or a frame with everything in it, moved by (dx, dy)."""
        kind, i = key
        if kind == "note":
            box = self.note(i)
            self._write_note(i, NoteBox(box.x + dx, box.y + dy, box.h, box.home), box)
            return
        for cid in (i, *self.descendants(i)):
            self._write_frame(cid, self.frame(cid).translated(dx, dy))
            for n in self._members.get(cid, ()):
                box = self.note(n)
                self._write_note(n, NoteBox(box.x + dx, box.y + dy, box.h, box.home), box)

    def move_to(self, key: Key, x: float, y: float) -> None:
        rect = self.rect(key)
        self.move(key, x - rect.x, y - rect.y)

    def new_note(self, x: float, y: float, h: float = NOTE_H, home: int | None = None) -> int:
        """A note that is not in the file yet; its id is below zero."""
        note_id = self._fresh_id()
        self.put_note(note_id, x, y, h, home)
        return note_id

    def new_frame(self, rect: Rect, parent: int | None = None) -> int:
        cluster_id = self._fresh_id()
        self.put_frame(cluster_id, rect, parent)
        return cluster_id

    def _fresh_id(self) -> int:
        while self.has_note(self._next_id) or self._next_id in self._frames:
            self._next_id -= 1
        fresh = self._next_id
        self._next_id -= 1
        return fresh

    def _write_note(self, note_id: int, box: NoteBox | None, old: Any = _UNREAD) -> None:
        """The one place a note's box changes: keeps the spatial index and `changes()` true.
        `old`: its box now, when the caller has it at hand."""
        key = ("note", note_id)
        if old is _UNREAD:
            old = self._box(note_id)
        if box is None:
            if note_id in self._notes_under:
                self._notes[note_id] = None  # gone from this draft, not from the board under it
            else:
                self._notes.pop(note_id, None)
        else:
            self._notes[note_id] = box
        self._reindex(key, None if old is None else old.rect, None if box is None else box.rect)
        self._touched.add(key)

    def _write_frame(self, cluster_id: int, rect: Rect | None) -> None:
        key = frame_key(cluster_id)
        old = self._frames.get(cluster_id)
        if rect is None:
            self._frames.pop(cluster_id, None)
        else:
            self._frames[cluster_id] = rect
        self._reindex(key, old, rect)
        self._touched.add(key)

    def _reindex(self, key: Key, old: Rect | None, new: Rect | None) -> None:
        """Move `key` in the spatial index from where `old` put it to where `new` does (None:
        not on the board). Only the cells that differ are touched: a thing pushed a step down
        mostly stays in the cells it was in, and each cell a draft changes is copied first."""
        was = _slots(old) if old is not None else []
        now = _slots(new) if new is not None else []
        if was == now:
            return
        if was is None or now is None:  # huge, or a frame drawn around its notes: `_always`
            if was is None:
                self._own_always().discard(key)
            else:
                for cell in was:
                    self._cell(cell).discard(key)
            if now is None:
                self._own_always().add(key)
            else:
                for cell in now:
                    self._cell(cell).add(key)
            return
        kept = set(was) & set(now)
        for cell in was:
            if cell not in kept:
                self._cell(cell).discard(key)
        for cell in now:
            if cell not in kept:
                self._cell(cell).add(key)

    def _own_always(self) -> set[Key]:
        if ("a", None) not in self._owned:
            self._always = set(self._always)
            self._owned.add(("a", None))
        return self._always

    def _cell(self, cell: Cell) -> set[Key]:
        if ("g", cell) not in self._owned:
            keys = self._cells.get(cell)
            if keys is None:
                keys = self._cells_under.get(cell)
            self._cells[cell] = set(keys or ())
            self._owned.add(("g", cell))
        return self._cells[cell]

    def _set(self, kind: str, key: int | None) -> set[int]:
        """The member ("m") or child ("c") set of a cluster, copied first if shared with a base."""
        index = self._members if kind == "m" else self._children
        if (kind, key) not in self._owned:
            index[key] = set(index.get(key, ()))
            self._owned.add((kind, key))
        return index.setdefault(key, set())

    # ----------------------------------------------------------------- drafts
    @property
    def base(self) -> Board | None:
        """The board this draft was copied from (None for a board that is no draft)."""
        return self._base

    def copy(self) -> Board:
        """A draft to try a gesture on; this board is not touched by what is done to it. It
        must not change while the draft is used: the draft reads through to it (and shares
        the sets it has not changed)."""
        draft = Board.__new__(Board)
        if self._notes_under is _NOTHING:  # a board that is no draft: read through to it all
            draft._notes, draft._notes_under = {}, self._notes  # type: ignore[assignment]
            draft._cells, draft._cells_under = {}, self._cells
        else:  # a draft of a draft: what the first one wrote, over the same board
            draft._notes, draft._notes_under = dict(self._notes), self._notes_under
            draft._cells, draft._cells_under = dict(self._cells), self._cells_under
        draft._frames = dict(self._frames)
        draft._parent = dict(self._parent)
        draft._members = dict(self._members)
        draft._children = dict(self._children)
        draft._always = self._always
        draft._touched = set()
        draft._owned = set()
        draft._base = self
        draft._next_id = self._next_id
        return draft

    def changes(self) -> Changes:
        """What this draft changed against the board it was copied from."""
        base = self._base
        if base is None:
            raise ValueError("changes() is for a copy of a board")
        out = Changes()
        for i in [i for kind, i in self._touched if kind == "note"]:
            box = self._box(i)
            if box is None:
                if base.has_note(i):
                    out.removed_notes.add(i)
                continue
            old = base._box(i)
            if old is None:
                out.notes[i] = {"x": box.x, "y": box.y, "cluster_id": box.home}
                continue
            if old == box:
                continue
            fields: dict[str, Any] = {}
            if (old.x, old.y) != (box.x, box.y):
                fields.update(x=box.x, y=box.y)
            if old.home != box.home:
                fields["cluster_id"] = box.home
            if fields:
                out.notes[i] = fields
        # (A frame given another parent is touched too: put_frame writes it.)
        for i in {i for kind, i in self._touched if kind == "frame"}:
            rect = self._frames.get(i)
            if rect is None:
                if i in base._frames:
                    out.removed_clusters.add(i)
                continue
            old_rect, parent = base._frames.get(i), self._parent[i]
            if old_rect is None:
                out.clusters[i] = {**_geometry(rect), "parent_id": parent}
                continue
            fields = {}
            if old_rect != rect and base.frame(i) != self.frame(i):
                fields.update(_geometry(self.frame(i)))
            if base._parent[i] != parent:
                fields["parent_id"] = parent
            if fields:
                out.clusters[i] = fields
        return out


def _geometry(rect: Rect) -> dict[str, float]:
    return {"x": rect.x, "y": rect.y, "width": rect.w, "height": rect.h}
