"""The board's promise under random use: after every gesture nothing overlaps, everything is
drawn inside the frame it belongs to (and on no frame it does not belong to), and the changes a
gesture reports are exactly what the board shows once the UI has written them to the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan_desktop.core.board import Board, Changes, Rect, frame_key, note_key, violations
from samverkan_desktop.core.board import gestures as g
from samverkan_desktop.core.board.geometry import MAX_NOTE_H, TITLE_H, content_area
from samverkan_desktop.core.board.invariants import _name
from samverkan_desktop.core.board.place import innermost_cluster, pack
from samverkan_desktop.core.board.settle import _Level, settle

NOTE_HEIGHTS = st.floats(min_value=130.0, max_value=146.0, allow_nan=False)
MAX_DEPTH = 3  # depth() of the deepest frame: four frames nested in each other


# ---------------------------------------------------------------------------- helpers
def below_title(frame: Rect) -> Rect:
    return Rect(frame.x, frame.y + TITLE_H, frame.w, max(0.0, frame.h - TITLE_H))


def snapshot(board: Board) -> dict:
    """Everything a user sees of the board: every place, size and home."""
    return {
        "notes": {n: (board.note_rect(n), board.home(n)) for n in board.note_ids()},
        "frames": {c: (board.frame(c), board.parent(c)) for c in board.cluster_ids()},
        "tree": {c: (board.members(c), board.children(c)) for c in [None, *board.cluster_ids()]},
    }


def apply_changes(start: Board, changes: Changes, heights: dict[int, float]) -> Board:
    """What the UI does with a gesture's changes: write them to the file and draw the board
    again from it. A note's height is not in the file (the UI measures its text): `heights`."""
    board = start.copy()
    for c in changes.removed_clusters:
        board.remove_frame(c)
    for n in changes.removed_notes:
        board.remove_note(n)
    for c, fields in changes.clusters.items():
        if board.has_cluster(c):
            old = board.frame(c)
            rect = Rect(
                fields.get("x", old.x),
                fields.get("y", old.y),
                fields.get("width", old.w),
                fields.get("height", old.h),
            )
            board.put_frame(c, rect, fields.get("parent_id", board.parent(c)))
        else:
            rect = Rect(fields["x"], fields["y"], fields["width"], fields["height"])
            board.put_frame(c, rect, fields["parent_id"])
    for n, fields in changes.notes.items():
        if board.has_note(n):
            box = board.note(n)
            board.put_note(
                n,
                fields.get("x", box.x),
                fields.get("y", box.y),
                heights[n],
                fields.get("cluster_id", box.home),
            )
        else:
            board.put_note(n, fields["x"], fields["y"], heights[n], fields["cluster_id"])
    for n in board.note_ids():
        if board.note(n).h != heights[n]:
            board.set_height(n, heights[n])
    return board


def check_promise(draft: Board) -> None:
    assert violations(draft) == []
    # A note is drawn on a frame exactly when it belongs to that frame or to one inside it.
    frames = {c: draft.frame(c) for c in draft.cluster_ids()}
    for n in draft.note_ids():
        rect, home = draft.note_rect(n), draft.home(n)
        own = set() if home is None else {home, *draft.ancestors(home)}
        for c, frame in frames.items():
            if c in own:
                assert below_title(frame).contains(rect), (n, c)
            else:
                assert not frame.overlaps(rect), (n, c)


@dataclass
class Expect:
    """What a gesture promised: notes and frames it put in a frame (None: onto the board)."""

    homes: dict[int, int | None] = field(default_factory=dict)
    parents: dict[int, int | None] = field(default_factory=dict)
    new_notes: int = 0
    new_frames: int = 0
    removed_frames: set[int] = field(default_factory=set)


def check_gesture(start: Board, before: dict, draft: Board, expect: Expect) -> None:
    check_promise(draft)
    for n, home in expect.homes.items():
        assert draft.home(n) == home, (n, draft.home(n), home)
        if home is not None:
            assert below_title(draft.frame(home)).contains(draft.note_rect(n)), n
    for c, parent in expect.parents.items():
        assert draft.parent(c) == parent, (c, draft.parent(c), parent)
        if parent is not None:
            assert below_title(draft.frame(parent)).contains(draft.frame(c)), c
    # Nothing is lost or made that the gesture did not say.
    new_notes = set(draft.note_ids()) - set(start.note_ids())
    assert set(start.note_ids()) <= set(draft.note_ids())
    assert len(new_notes) == expect.new_notes
    assert set(start.cluster_ids()) - set(draft.cluster_ids()) == expect.removed_frames
    assert len(set(draft.cluster_ids()) - set(start.cluster_ids())) == expect.new_frames
    # The board the gesture was tried on is untouched (drafts are copy-on-write).
    assert snapshot(start) == before
    # The UI applies changes() through the store: it must see what settle decided.
    heights = {n: draft.note(n).h for n in draft.note_ids()}
    replayed = apply_changes(start, draft.changes(), heights)
    assert snapshot(replayed) == snapshot(draft)


# ---------------------------------------------------------------------------- boards
@st.composite
def valid_boards(draw: st.DrawFn) -> Board:
    """A random board that keeps its promise: frames nested up to four deep (some empty),
    0-60 notes of 130-146 px, laid out by packing or by settling a scattered board."""
    board = Board()
    n_frames = draw(st.integers(0, 12), label="frames")
    depth: dict[int, int] = {}
    for c in range(1, n_frames + 1):
        parent = draw(st.sampled_from([None, *[p for p in depth if depth[p] < MAX_DEPTH]]))
        depth[c] = 0 if parent is None else depth[parent] + 1
        board.put_frame(c, Rect(0.0, 0.0, 0.0, 0.0), parent)
    n_notes = draw(st.integers(0, 60), label="notes")
    for n in range(1, n_notes + 1):  # note ids overlap cluster ids, as in the file
        home = draw(st.sampled_from([None, *depth]))
        board.put_note(n, 0.0, 0.0, draw(NOTE_HEIGHTS), home)
    if draw(st.booleans(), label="packed"):
        for c in sorted(depth, key=lambda c: -depth[c]):
            width = draw(st.sampled_from([0.0, 300.0, 460.0, 700.0]))
            rect = pack(
                board, (0.0, 0.0), sorted(board.members(c)), sorted(board.children(c)), width
            )
            board.set_frame(c, rect)
        x0 = y0 = draw(st.floats(-3000, 3000))
        x, y, row_h = x0, y0, 0.0
        row_w = draw(st.floats(400, 3000))
        for key in sorted(board.contents(None)):
            r = board.rect(key)
            if x > x0 and x + r.w > x0 + row_w:
                x, y, row_h = x0, y + row_h + draw(st.floats(0, 100)), 0.0
            board.move_to(key, x, y)
            x += r.w + draw(st.floats(0, 100))
            row_h = max(row_h, r.h)
    else:
        coord = st.floats(-1500, 3000)
        for c in sorted(depth, key=lambda c: depth[c]):  # outer first: the inner ones move along
            board.move_to(frame_key(c), draw(coord), draw(coord))
            if draw(st.booleans()):
                r = board.frame(c)
                board.set_frame(c, Rect(r.x, r.y, draw(st.floats(0, 900)), draw(st.floats(0, 900))))
        for n in board.note_ids():
            box = board.note(n)
            if box.home is None:
                board.move_note(n, draw(coord), draw(coord))
            else:
                f = board.frame(box.home)
                board.move_note(n, f.x + draw(st.floats(-50, 600)), f.y + draw(st.floats(-50, 600)))
        settle(board, everything=True)
    assert violations(board) == []
    check_promise(board)
    return board


# ---------------------------------------------------------------------------- gestures
def draw_ids(data: st.DataObject, board: Board) -> tuple[list[int], list[int]]:
    """Some notes and/or frames (never nothing, unless the board is empty)."""
    notes = sorted(board.note_ids())
    frames = sorted(board.cluster_ids())
    if not notes and not frames:
        return [], []
    with_notes = bool(notes) and (not frames or data.draw(st.booleans(), label="notes?"))
    chosen_notes = (
        data.draw(st.lists(st.sampled_from(notes), min_size=1, unique=True)) if with_notes else []
    )
    least = 0 if with_notes else 1
    chosen_frames = (
        data.draw(st.lists(st.sampled_from(frames), min_size=least, max_size=3, unique=True))
        if frames
        else []
    )
    return chosen_notes, chosen_frames


def draw_selection(data: st.DataObject, board: Board) -> g.Selection:
    return g.Selection.of(board, *draw_ids(data, board))


def do_drop(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    selection = draw_selection(data, board)
    if not selection:
        return None
    dx = data.draw(st.floats(-1500, 1500), label="dx")
    dy = data.draw(st.floats(-1500, 1500), label="dy")
    leads = [note_key(n) for n in selection.notes] + [frame_key(c) for c in selection.clusters]
    lead = data.draw(st.sampled_from(leads), label="lead")
    point = None
    if lead[0] == "frame":
        r = board.frame(lead[1]).translated(dx, dy)
        point = (r.x + r.w * data.draw(st.floats(0, 1)), r.y + r.h * data.draw(st.floats(0, 1)))
    draft, target = g.drop(board, selection, dx, dy, lead, point)
    if lead[0] == "note" and lead[1] in selection.free_notes:
        moved = board.note_rect(lead[1]).translated(dx, dy)
        # Where the pressed note's centre was let go, in the board before the drop.
        assert target == innermost_cluster(board, *moved.center, exclude=selection.clusters)
    return draft, Expect(
        homes={n: target for n in selection.free_notes},
        parents={c: target for c in selection.root_clusters},
    )


def do_nudge(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    selection = draw_selection(data, board)
    if not selection:
        return None
    dx, dy = data.draw(st.sampled_from([(10.0, 0.0), (-10.0, 0.0), (0.0, 10.0), (0.0, -10.0)]))
    draft = g.nudge(board, selection, dx, dy)
    # A frame nudged keeps its parent. A note that leaves its frame's inside is out of it, in
    # the frame around it; any other note stays in its frame or goes into one inside it.
    expect = Expect(parents={c: board.parent(c) for c in selection.root_clusters})
    for n in selection.free_notes:
        home, moved = board.home(n), board.note_rect(n).translated(dx, dy)
        if home is not None and not content_area(board.frame(home)).contains(moved):
            expect.homes[n] = board.parent(home)
        else:
            new = draft.home(n)
            assert new == home or (new is not None and (home is None or board.is_within(new, home)))
    return draft, expect


def do_group(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    chosen_notes, chosen_frames = draw_ids(data, board)
    if not chosen_notes and not chosen_frames:
        return None
    origin = None
    if data.draw(st.booleans(), label="origin"):
        origin = (data.draw(st.floats(-2000, 3000)), data.draw(st.floats(-2000, 3000)))
    draft, new = g.group(board, chosen_notes, chosen_frames, origin)
    tops = [c for c in chosen_frames if not any(a in chosen_frames for a in board.ancestors(c))]
    carried = set().union(*(board.subtree_notes(c) for c in tops)) if tops else set()
    expect = Expect(
        homes={n: new for n in chosen_notes if n not in carried},
        parents={c: new for c in tops},
        new_frames=1,
    )
    # What a frame carried into the new one stays in it.
    for c in tops:
        assert draft.subtree_notes(c) == board.subtree_notes(c)
    return draft, expect


def do_add_note(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    x = data.draw(st.floats(-2000, 4000), label="x")
    y = data.draw(st.floats(-2000, 4000), label="y")
    holding = sorted(c for c in board.cluster_ids() if board.frame(c).holds_point(x, y))
    home = data.draw(st.sampled_from([None, *holding]), label="home")
    draft, new = g.add_note(board, x, y, data.draw(NOTE_HEIGHTS), home)
    assert new not in board.note_ids()
    return draft, Expect(homes={new: home}, new_notes=1)


def do_split(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    notes = sorted(board.note_ids())
    if not notes:
        return None
    n = data.draw(st.sampled_from(notes), label="split")
    first, second = data.draw(NOTE_HEIGHTS), data.draw(NOTE_HEIGHTS)
    draft, new = g.split_note(board, n, first, second)
    assert draft.note(n).h == first and draft.note(new).h == second
    return draft, Expect(homes={n: board.home(n), new: board.home(n)}, new_notes=1)


def do_resize(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    notes = sorted(board.note_ids())
    if not notes:
        return None
    grown = data.draw(st.lists(st.sampled_from(notes), min_size=1, max_size=4, unique=True))
    draft = g.resize_notes(board, {n: MAX_NOTE_H for n in grown})
    for n in grown:
        assert draft.note(n).h == MAX_NOTE_H
    return draft, Expect(homes={n: board.home(n) for n in grown})


def do_move_into(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    notes, frames = sorted(board.note_ids()), sorted(board.cluster_ids())
    if not notes or not frames:
        return None
    n = data.draw(st.sampled_from(notes), label="note")
    c = data.draw(st.sampled_from(frames), label="into")
    return g.move_into(board, n, c), Expect(homes={n: c})


def do_tidy(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    frames = sorted(board.cluster_ids())
    if not frames:
        return None
    c = data.draw(st.sampled_from(frames), label="tidy")
    draft = g.tidy(board, c)
    # The frame keeps its top-left corner; it is what the others make room for.
    assert (draft.frame(c).x, draft.frame(c).y) == pytest.approx(
        (board.frame(c).x, board.frame(c).y), abs=1e-6
    )
    return draft, Expect(
        homes={n: c for n in board.members(c)},
        parents={k: c for k in board.children(c)},
    )


def do_merge(data: st.DataObject, board: Board) -> tuple[Board, Expect] | None:
    frames = sorted(board.cluster_ids())
    if len(frames) < 2:
        return None
    chosen = data.draw(st.lists(st.sampled_from(frames), min_size=2, max_size=4, unique=True))
    draft, target = g.merge_clusters(board, chosen)
    others = set(chosen) - {target}
    notes = set().union(*(board.members(c) for c in chosen))
    children = set().union(*(board.children(c) for c in chosen))
    children -= set(chosen) | set(board.ancestors(target))
    return draft, Expect(
        homes={n: target for n in notes},
        parents={k: target for k in children},
        removed_frames=others,
    )


GESTURES = {  # drop first: what a shrinking example falls back to is the richest gesture
    "drop": do_drop,
    "nudge": do_nudge,
    "group": do_group,
    "merge_clusters": do_merge,
    "tidy": do_tidy,
    "move_into": do_move_into,
    "resize_notes": do_resize,
    "split_note": do_split,
    "add_note": do_add_note,
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_boards())
def test_random_boards_keep_the_promise(board: Board) -> None:
    """The start boards themselves: settle(everything) and packing leave nothing to fix."""
    draft = board.copy()
    settle(draft, everything=True)
    check_promise(draft)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(valid_boards(), st.data())
def test_every_gesture_keeps_the_promise(board: Board, data: st.DataObject) -> None:
    steps = data.draw(st.integers(5, 15), label="steps")
    done = 0
    for _ in range(steps * 3):
        if done == steps:
            break
        name = data.draw(st.sampled_from(list(GESTURES)), label="gesture")
        before = snapshot(board)
        result = GESTURES[name](data, board)
        if result is None:
            continue
        draft, expect = result
        check_gesture(board, before, draft, expect)
        board = draft
        done += 1


# ---------------------------------------------------------------------------- the same places
def plain_hits(self, rect: Rect, margin: float = 0.0, among=None) -> list:
    """What settling asked before `Board.overlapping`: every thing near, looked at one by one."""
    board, level, hidden = self.board, self.level, self.hidden
    return [
        k
        for k in board.near(rect, margin)
        if k not in hidden
        and board.container(k) == level
        and board.rect(k).overlaps(rect, margin)
        and (among is None or k in among)
    ]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(valid_boards(), st.data())
def test_settling_places_everything_where_the_plain_reference_does(board, data) -> None:
    """The gestures that settle most (a drop, Ctrl+G, a frame given a new size), worked out
    with the board's one-pass overlap query and with the plain one it replaced: the same
    places, to the last bit."""
    selection = draw_selection(data, board)
    dx, dy = data.draw(st.floats(-1500, 1500)), data.draw(st.floats(-1500, 1500))
    origin = None
    if data.draw(st.booleans(), label="origin"):
        origin = (data.draw(st.floats(-2000, 3000)), data.draw(st.floats(-2000, 3000)))
    frames = sorted(board.cluster_ids())
    resized = data.draw(st.sampled_from(frames)) if frames else None
    grow = (data.draw(st.floats(0, 900)), data.draw(st.floats(0, 900)))

    def gestures() -> list[dict]:
        boards = []
        if selection:
            lead = note_key(selection.notes[0]) if selection.notes else None
            lead = lead or frame_key(selection.clusters[0])
            point = board.rect(lead).translated(dx, dy).center
            boards.append(g.drop(board, selection, dx, dy, lead, point)[0])
            boards.append(g.group(board, selection.free_notes, selection.root_clusters, origin)[0])
        if resized is not None:
            r = board.frame(resized)
            boards.append(
                g.resize_frame(board, resized, Rect(r.x, r.y, r.w + grow[0], r.h + grow[1]))
            )
        return [snapshot(b) for b in boards]

    fast = gestures()
    with mock.patch.object(_Level, "hits", plain_hits):
        plain = gestures()
    assert fast == plain


# ---------------------------------------------------------------------------- the check itself
def _overlaps_pairwise(board: Board) -> list[str]:
    """The overlaps `violations` reports, found as its sweep found them before it compared the
    edges itself: Rect.overlaps on each pair of the sweep, in the sweep's order."""
    found = []
    for level in [None, *board.cluster_ids()]:
        rects = sorted(((board.rect(k), k) for k in board.contents(level)), key=lambda rk: rk[0].x)
        for i, (a, ka) in enumerate(rects):
            for b, kb in rects[i + 1 :]:
                if b.x >= a.right:
                    break
                if a.overlaps(b):
                    found.append(f"{_name(ka)} och {_name(kb)} överlappar")
    return found


# Places on a coarse grid, sizes near a note's, so that touching edges, EPS apart and equal
# x's (the sweep's ties) all come up.
COORD = st.integers(0, 12).map(lambda i: i * 50.0) | st.sampled_from([0.005, 99.995, 100.02])
SIZE = st.sampled_from([50.0, 100.0, 100.005, 130.0, 149.99])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(COORD, COORD, SIZE), max_size=25), st.integers(0, 3))
def test_the_sweep_finds_the_overlaps_rect_overlaps_finds(notes, frames):
    board = Board()
    for c in range(frames):
        board.put_frame(c, Rect(c * 200.0, 0.0, 260.0, 400.0))
    for n, (x, y, h) in enumerate(notes):
        board.put_note(n, x, y, h, n % (frames + 1) if n % (frames + 1) < frames else None)
    overlaps = [v for v in violations(board, limit=10_000) if v.endswith("överlappar")]
    assert overlaps == _overlaps_pairwise(board)
