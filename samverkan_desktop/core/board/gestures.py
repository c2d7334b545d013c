"""What each gesture does to the board, decided here once, without Qt.

Every function takes the board as it is, tries the gesture on a draft (`Board.copy()`) and
returns the draft, settled (`settle`): nothing on it overlaps and everything is drawn inside the
frame it belongs to. `draft.changes()` is then the one undoable change the UI pushes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .board import Board, Key, frame_key, note_key
from .geometry import (
    COLUMN_WIDTH,
    GAP,
    MIN_FRAME_H,
    MIN_FRAME_W,
    NOTE_W,
    NOTES_PER_ROW,
    PAD,
    TITLE_H,
    Rect,
    content_area,
    frame_around,
    union,
)
from .place import (
    first_free_inside,
    frame_order,
    free_area,
    innermost_cluster,
    inside_frame,
    pack,
    reading_order,
)
from .settle import CLEARANCE, settle


@dataclass(frozen=True)
class Selection:
    """What moves when the selection moves: selected notes, selected frames and their content."""

    notes: tuple[int, ...]  # every note that moves, also those carried inside a frame
    clusters: tuple[int, ...]  # every frame that moves, also those inside a moving frame
    free_notes: tuple[int, ...]  # notes whose home the gesture decides
    root_clusters: tuple[int, ...]  # frames whose parent the gesture decides

    @classmethod
    def of(cls, board: Board, note_ids: Iterable[int], cluster_ids: Iterable[int]) -> Selection:
        clusters: set[int] = set()
        for cid in cluster_ids:
            if board.has_cluster(cid):
                clusters.add(cid)
                clusters.update(board.descendants(cid))
        notes = {n for n in note_ids if board.has_note(n)}
        for cid in clusters:
            notes |= board.members(cid)
        return cls(
            tuple(sorted(notes)),
            tuple(sorted(clusters)),
            tuple(sorted(n for n in notes if board.home(n) not in clusters)),
            tuple(sorted(c for c in clusters if board.parent(c) not in clusters)),
        )

    def __bool__(self) -> bool:
        return bool(self.notes or self.clusters)

    def keys(self) -> list[Key]:
        return [note_key(n) for n in self.free_notes] + [frame_key(c) for c in self.root_clusters]


def drop(
    board: Board,
    selection: Selection,
    dx: float,
    dy: float,
    lead: Key | None = None,
    point: tuple[float, float] | None = None,
) -> tuple[Board, int | None]:
    """The selection dragged by (dx, dy) and dropped; returns the draft and the frame it was
    dropped into (None: onto the board).

    A drop applies to the whole selection: the frame under the pressed note's centre (or under
    the pointer, for a pressed frame) becomes the home of every selected note and frame. What
    was dropped over that frame keeps its place, brought in off the frame's sides and below its
    title; what was not goes to the frame's first free place; the frame grows to hold it all.
    Dropped onto the board, each thing keeps its place if free, else takes the nearest free one.
    A frame may be dropped onto a smaller one: it nests there and the smaller one grows.
    """
    draft = board.copy()
    for key in selection.keys():
        draft.move(key, dx, dy)
    target = drop_target(draft, selection, lead, point)
    for n in selection.free_notes:
        draft.set_home(n, target)
    for c in selection.root_clusters:
        draft.set_parent(c, target)
    order = _drop_order(draft, selection, lead)
    if target is not None:
        _bring_inside(draft, target, order, lead)
    settle(draft, newcomers=order)
    return draft, target


def drop_target(
    board: Board,
    selection: Selection,
    lead: Key | None,
    point: tuple[float, float] | None,
    offset: tuple[float, float] = (0.0, 0.0),
) -> int | None:
    """The frame a drop goes into: under a pressed note's centre (moved by `offset`, when the
    board does not have it at its new place yet), or under the pointer when a frame (or a note
    inside a moving frame) is pressed; never a frame that moves with it."""
    moving = set(selection.clusters)
    if lead is not None and lead[0] == "note" and lead[1] in selection.free_notes:
        x, y = board.note_rect(lead[1]).center
        return innermost_cluster(board, x + offset[0], y + offset[1], exclude=moving)
    if point is None:
        if lead is None or lead not in board:
            return None
        x, y = board.rect(lead).center
        point = (x + offset[0], y + offset[1])
    return innermost_cluster(board, *point, exclude=moving)


def _drop_order(board: Board, selection: Selection, lead: Key | None) -> list[Key]:
    keys = selection.keys()
    keys.sort(key=lambda k: (k != lead, round(board.rect(k).y), board.rect(k).x, k))
    return keys


def _bring_inside(board: Board, target: int, order: list[Key], lead: Key | None) -> None:
    """What was dropped over the frame is brought in off its sides and below its title, all by
    one shift; the rest goes to the frame's first free places, in reading order."""
    frame = board.frame(target)
    over = [k for k in order if k == lead or frame.holds_point(*board.rect(k).center)]
    dx, dy = inside_frame(frame, [board.rect(k) for k in over])
    for k in over:
        board.move(k, dx, dy)
    arriving = set(order)
    taken = [board.rect(k) for k in board.contents(target) if k not in arriving]
    taken += [board.rect(k) for k in over]
    for k in order:
        if k in over:
            continue
        r = board.rect(k)
        if k[0] == "note":
            board.move_to(k, *first_free_inside(board, target, r.h, taken))
        else:
            bottom = max((t.bottom for t in taken), default=frame.y + TITLE_H - GAP)
            board.move_to(k, frame.x + PAD, max(frame.y + TITLE_H, bottom + GAP))
        taken.append(board.rect(k))


def nudge(board: Board, selection: Selection, dx: float, dy: float) -> Board:
    """The selection moved a small step by the arrow keys.

    Each note decides for itself: one that leaves its frame's inside is out of the frame (in the
    frame around it, at the nearest free place); one whose centre comes onto a frame further
    in joins that frame. A nudge never makes a frame grow by pushing against its edge."""
    draft = board.copy()
    moving = set(selection.clusters)
    for key in selection.keys():
        draft.move(key, dx, dy)
    for n in selection.free_notes:
        home, rect = draft.home(n), draft.note_rect(n)
        if home is not None and not content_area(draft.frame(home)).contains(rect):
            draft.set_home(n, draft.parent(home))
            continue
        inner = innermost_cluster(draft, *rect.center, exclude=moving)
        if inner is not None and inner != home and (home is None or home in draft.ancestors(inner)):
            draft.set_home(n, inner)
    settle(draft, newcomers=selection.keys())
    return draft


def group(
    board: Board,
    note_ids: Iterable[int],
    cluster_ids: Iterable[int] = (),
    origin: tuple[float, float] | None = None,
) -> tuple[Board, int]:
    """Ctrl+G: a new frame holding the notes and (nested) frames; returns the draft and the new
    frame's id (below zero until it is saved).

    The frame forms around the things where they are when it would cover nothing else. If it
    would, they are gathered into a grid where they are (at the first of them, in its group's
    column at the board's top level; below what the frame they share holds, inside one), and
    what the new frame now covers makes room. `origin` gathers them at that place instead."""
    chosen = {c for c in cluster_ids if board.has_cluster(c)}
    frames = [c for c in chosen if not any(a in chosen for a in board.ancestors(c))]
    carried: set[int] = set()
    for c in frames:
        carried |= board.subtree_notes(c)
    notes = [n for n in sorted(set(note_ids)) if board.has_note(n) and n not in carried]
    homes = {board.home(n) for n in notes} | {board.parent(c) for c in frames}
    parent = homes.pop() if len(homes) == 1 else None
    draft = board.copy()
    rects = [board.note_rect(n) for n in notes] + [board.frame(c) for c in frames]
    around = frame_around(rects)
    if origin is None and around is not None and _fits_here(board, around, notes, frames, parent):
        new = draft.new_frame(around, parent)
        _take_in(draft, new, notes, frames)
        settle(draft, anchors=[frame_key(new)])
        return draft, new
    ordered = reading_order(board, notes)
    width, columns = 0.0, 0
    if origin is None and parent is not None:
        origin, width = _below_content(board, parent, set(notes), set(frames))
    elif origin is None:
        at_top = [
            board.rect(k)
            for k in [*map(note_key, notes), *map(frame_key, frames)]
            if board.container(k) is None
        ]
        first = union(at_top or rects)
        assert first is not None
        origin = (first.x - PAD, first.y)
        columns = NOTES_PER_ROW
        width = COLUMN_WIDTH if len(notes) >= NOTES_PER_ROW else 0.0
    rect = pack(draft, origin, ordered, frame_order(board, frames), width, columns)
    new = draft.new_frame(rect, parent)
    _take_in(draft, new, notes, frames)
    settle(draft, anchors=[frame_key(new)])
    return draft, new


def _take_in(board: Board, new: int, notes: list[int], frames: list[int]) -> None:
    for n in notes:
        board.set_home(n, new)
    for c in frames:
        board.set_parent(c, new)


def _fits_here(
    board: Board, around: Rect, notes: list[int], frames: list[int], parent: int | None
) -> bool:
    """Would a frame `around` cover only the things going into it, inside the frame they share?"""
    if parent is not None and not content_area(board.frame(parent)).contains(around):
        return False
    going = {*map(note_key, notes), *map(frame_key, frames)}
    if any(board.container(k) != parent for k in going):
        return False
    # Only what lies near the frame can be under it (the board's spatial index): not every
    # loose note on the board (5,000 of them at 10,000 notes).
    return not any(
        k not in going
        and board.container(k) == parent
        and board.rect(k).overlaps(around, CLEARANCE)
        for k in board.near(around, CLEARANCE)
    )


def _below_content(
    board: Board, parent: int, notes: set[int], frames: set[int]
) -> tuple[tuple[float, float], float]:
    """Inside `parent`, left-aligned under everything that stays in it, as wide as it holds."""
    frame = board.frame(parent)
    staying = [
        board.rect(k)
        for k in board.contents(parent)
        if k[1] not in (notes if k[0] == "note" else frames)
    ]
    top = max((r.bottom for r in staying), default=frame.y + TITLE_H - GAP) + GAP
    return (frame.x + PAD, top), frame.w - 2 * PAD


def add_note(board: Board, x: float, y: float, h: float, home: int | None) -> tuple[Board, int]:
    """A new note at (x, y) in `home`, or at the nearest free place; the frame grows to hold it."""
    draft = board.copy()
    new = draft.new_note(x, y, h, home)
    settle(draft, newcomers=[note_key(new)])
    return draft, new


def split_note(board: Board, note_id: int, first_h: float, second_h: float) -> tuple[Board, int]:
    """A note cut in two: the first part stays, the second goes beside it (or the nearest free
    place), in the same frame."""
    draft = board.copy()
    box = draft.note(note_id)
    draft.set_height(note_id, first_h)
    new = draft.new_note(box.x + NOTE_W + GAP, box.y, second_h, box.home)
    settle(draft, anchors=[note_key(note_id)], newcomers=[note_key(new)])
    return draft, new


def resize_notes(board: Board, heights: dict[int, float], removed: Iterable[int] = ()) -> Board:
    """Notes whose text changed get their new height (what a taller note now covers makes
    room); `removed` notes leave the board."""
    draft = board.copy()
    for n in removed:
        draft.remove_note(n)
    for n, h in heights.items():
        draft.set_height(n, h)
    settle(draft, anchors=[note_key(n) for n in heights])
    return draft


def move_into(board: Board, note_id: int, cluster_id: int) -> Board:
    """A note into a frame's first free place (the frame grows to hold it)."""
    draft = board.copy()
    draft.set_home(note_id, cluster_id)
    taken = [draft.rect(k) for k in draft.contents(cluster_id) if k != note_key(note_id)]
    draft.move_to(
        note_key(note_id), *first_free_inside(draft, cluster_id, draft.note(note_id).h, taken)
    )
    settle(draft, newcomers=[note_key(note_id)])
    return draft


def send_to(
    board: Board, note_ids: Iterable[int], cluster_ids: Iterable[int], target: int | None
) -> Board:
    """Notes and frames sent to a frame chosen from a list (the outline, a dialog), not
    dropped at a place: each note to the frame's first free place in reading order, each frame
    below what the frame holds; the frame grows to hold them. `target` None takes them out
    onto the board, each at its place if free there, else the nearest free one (as if dragged
    off its frame). What is already directly there, or carried inside a frame that is sent
    too, stays where it is. A frame cannot be sent into itself (ValueError)."""
    chosen = {c for c in cluster_ids if board.has_cluster(c)}
    if target is not None and any(board.is_within(target, c) for c in chosen):
        raise ValueError("a frame cannot go inside itself")
    frames = sorted(
        c
        for c in chosen
        if not any(a in chosen for a in board.ancestors(c)) and board.parent(c) != target
    )
    carried: set[int] = set()
    for c in chosen:
        carried |= board.subtree_notes(c)
    notes = [
        n
        for n in reading_order(board, {n for n in note_ids if board.has_note(n)})
        if n not in carried and board.home(n) != target
    ]
    keys = [*map(note_key, notes), *map(frame_key, frame_order(board, frames))]
    draft = board.copy()
    for n in notes:
        draft.set_home(n, target)
    for c in frames:
        draft.set_parent(c, target)
    if target is not None:
        frame = draft.frame(target)
        taken = [draft.rect(k) for k in draft.contents(target) if k not in keys]
        for k in keys:
            if k[0] == "note":
                draft.move_to(k, *first_free_inside(draft, target, draft.note(k[1]).h, taken))
            else:
                bottom = max((t.bottom for t in taken), default=frame.y + TITLE_H - GAP)
                draft.move_to(k, frame.x + PAD, max(frame.y + TITLE_H, bottom + GAP))
            taken.append(draft.rect(k))
    settle(draft, newcomers=keys)
    return draft


def tidy(
    board: Board,
    cluster_id: int,
    note_ids: Iterable[int] | None = None,
    child_ids: Iterable[int] | None = None,
) -> Board:
    """The frame's notes in a grid, its sub-frames below; the frame keeps its top-left corner
    and width and gets the height its content needs. `note_ids`/`child_ids` are what it holds
    from now on (a merge)."""
    draft = board.copy()
    _tidy(draft, cluster_id, note_ids, child_ids)
    return draft


def _tidy(
    draft: Board, cluster_id: int, note_ids: Iterable[int] | None, child_ids: Iterable[int] | None
) -> None:
    if note_ids is not None:
        for n in note_ids:
            draft.set_home(n, cluster_id)
    if child_ids is not None:
        for c in child_ids:
            draft.set_parent(c, cluster_id)
    frame = draft.frame(cluster_id)
    notes = reading_order(draft, draft.members(cluster_id))
    children = frame_order(draft, draft.children(cluster_id))
    draft.set_frame(cluster_id, pack(draft, (frame.x, frame.y), notes, children, frame.w))
    settle(draft, anchors=[frame_key(cluster_id)])


def merge_clusters(board: Board, cluster_ids: Iterable[int]) -> tuple[Board, int]:
    """Frames become one: the one with most notes keeps its place and takes in the others'
    notes and sub-frames, tidily; returns the draft and that frame."""
    ids = sorted(set(cluster_ids))
    target = merge_target(board, ids)
    others = [c for c in ids if c != target]
    notes = set(board.members(target))
    children = set(board.children(target))
    for c in others:
        notes |= board.members(c)
        children |= board.children(c)
    children -= set(others) | {target} | set(board.ancestors(target))
    draft = board.copy()
    for n in notes:
        draft.set_home(n, target)
    for c in children:
        draft.set_parent(c, target)
    for c in others:
        if draft.has_cluster(c):
            draft.remove_frame(c)
    _tidy(draft, target, None, None)
    return draft, target


def smallest_frame(board: Board, cluster_id: int) -> tuple[float, float]:
    """The least width and height the frame may be given: it holds what it holds, padded."""
    frame = board.frame(cluster_id)
    width, height = MIN_FRAME_W, MIN_FRAME_H
    for key in board.contents(cluster_id):
        r = board.rect(key)
        width, height = max(width, r.right + PAD - frame.x), max(height, r.bottom + PAD - frame.y)
    return width, height


def resize_frame(board: Board, cluster_id: int, rect: Rect) -> Board:
    """The frame given a new size by its corner handle; what it now covers makes room."""
    draft = board.copy()
    width, height = smallest_frame(board, cluster_id)
    frame = board.frame(cluster_id)
    draft.set_frame(cluster_id, Rect(frame.x, frame.y, max(rect.w, width), max(rect.h, height)))
    settle(draft, anchors=[frame_key(cluster_id)])
    return draft


def spot_beside(board: Board, note_ids: Iterable[int]) -> tuple[float, float]:
    """Where notes gathered from all over the board go (an accepted suggestion): a free area
    of the board right of them, as large as their frame will be."""
    ids = [n for n in note_ids if board.has_note(n)]
    near = union(board.note_rect(n) for n in ids)
    if near is None:
        return (0.0, 0.0)
    rect = pack(board.copy(), (0.0, 0.0), reading_order(board, ids), [])
    return free_area(board, (rect.w, rect.h), near)


def merge_target(board: Board, cluster_ids: Iterable[int]) -> int:
    """Of frames to merge, the one that stays: the one with most notes (then the oldest)."""
    return max(sorted(set(cluster_ids)), key=lambda c: (len(board.subtree_notes(c)), -c))
