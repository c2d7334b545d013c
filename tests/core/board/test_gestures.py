"""What a facilitator sees each gesture do: where the notes and frames end up, which frame they
belong to, and what makes room."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from samverkan_desktop.core.board import Board, Rect, frame_key, note_key, settle, violations
from samverkan_desktop.core.board import gestures as g
from samverkan_desktop.core.board.geometry import (
    COLUMN_GAP,
    COLUMN_WIDTH,
    GAP,
    GROUP_HEADER,
    MIN_FRAME_H,
    MIN_FRAME_W,
    NOTE_H,
    NOTE_W,
    PAD,
    TITLE_H,
    frame_around,
)
from samverkan_desktop.core.board.place import pack


def inside(board: Board, key, cluster_id: int) -> bool:
    """Drawn inside the frame, below its title bar."""
    frame = board.frame(cluster_id)
    below_title = Rect(frame.x, frame.y + TITLE_H, frame.w, frame.h - TITLE_H)
    return below_title.contains(board.rect(key))


def on_any_frame(board: Board, note_id: int) -> list[int]:
    rect = board.note_rect(note_id)
    return [c for c in board.cluster_ids() if board.frame(c).overlaps(rect)]


def framed(
    board: Board,
    cluster_id: int,
    x: float,
    y: float,
    notes: list[int],
    children: tuple[int, ...] = (),
    parent: int | None = None,
) -> Rect:
    """A frame at (x, y) holding new `notes` and the frames `children` packed in a grid, as
    the board shows a tidy frame."""
    board.put_frame(cluster_id, Rect(x, y, 0.0, 0.0), parent)
    for n in notes:
        board.put_note(n, 0.0, 0.0, NOTE_H, cluster_id)
    for c in children:
        board.set_parent(c, cluster_id)
    board.set_frame(cluster_id, pack(board, (x, y), notes, list(children)))
    return board.frame(cluster_id)


def column_board() -> Board:
    """Two group columns as the first layout of an import makes them: 12 loose notes each,
    two to a row, under room for the group's name."""
    board = Board()
    for column in range(2):
        x0 = column * (COLUMN_WIDTH + COLUMN_GAP)
        for i in range(12):
            row, col = divmod(i, 2)
            n = column * 100 + i + 1
            board.put_note(n, x0 + PAD + col * (NOTE_W + GAP), GROUP_HEADER + row * (NOTE_H + GAP))
    assert violations(board) == []
    return board


# ---------------------------------------------------------------------------- drop
def test_a_multi_note_drop_onto_a_frame_puts_every_note_in_it_and_inside_it():
    board = Board()
    framed(board, 1, 0, 0, [1])
    for n, x in ((2, 900.0), (3, 1120.0), (4, 1340.0)):  # a row of loose notes far right
        board.put_note(n, x, 0.0)
    selection = g.Selection.of(board, [2, 3, 4], [])
    # The pressed note (2) is let go over the frame; its neighbours hang off to the right.
    dx = board.frame(1).x + 30 - board.note_rect(2).x
    draft, target = g.drop(board, selection, dx, 60.0, lead=note_key(2))
    assert target == 1
    for n in (2, 3, 4):
        assert draft.home(n) == 1
        assert inside(draft, note_key(n), 1), n
    assert violations(draft) == []
    # The note that was there before did not move for the newcomers.
    assert draft.note_rect(1) == board.note_rect(1)


def test_a_drop_outside_every_frame_takes_all_out_and_none_lands_on_a_frame():
    board = Board()
    framed(board, 1, 0, 0, [1, 2, 3, 4])
    framed(board, 2, 600, 0, [5, 6])
    selection = g.Selection.of(board, [1, 2, 3], [])
    # Let go between the two frames, so that the notes fall partly over frame 2.
    draft, target = g.drop(board, selection, 440.0, 400.0, lead=note_key(1))
    assert target is None
    for n in (1, 2, 3):
        assert draft.home(n) is None
        assert on_any_frame(draft, n) == [], n
    assert draft.home(4) == 1 and draft.members(1) == {4}
    assert violations(draft) == []


def test_a_large_frame_dropped_onto_a_smaller_one_nests_in_it_and_the_smaller_one_grows():
    board = Board()
    small = framed(board, 1, 0, 0, [1])
    big = framed(board, 2, 1000, 0, [2, 3, 4, 5, 6, 7])
    assert big.w > small.w and big.h > small.h
    selection = g.Selection.of(board, [], [2])
    pointer = (small.x + 60, small.y + 60)  # the pointer is over the small frame
    dx, dy = small.x + 40 - big.x, small.y + 40 - big.y
    draft, target = g.drop(board, selection, dx, dy, lead=frame_key(2), point=pointer)
    assert target == 1
    assert draft.parent(2) == 1
    assert inside(draft, frame_key(2), 1)
    assert draft.frame(1).w > small.w and draft.frame(1).h > small.h
    # It keeps what it holds, where it holds it.
    assert draft.members(2) == board.members(2)
    for n in board.members(2):
        assert inside(draft, note_key(n), 2)
    assert draft.note_rect(1) == board.note_rect(1)
    assert violations(draft) == []


# ---------------------------------------------------------------------------- group (Ctrl+G)
def test_group_of_adjacent_notes_forms_the_frame_around_them_without_moving_them():
    board = Board()
    board.put_note(1, 100.0, 100.0)
    board.put_note(2, 100.0 + NOTE_W + GAP, 100.0)
    board.put_note(3, 100.0, 100.0 + NOTE_H + GAP)
    board.put_note(9, 1000.0, 100.0)  # not chosen, well away
    draft, new = g.group(board, [1, 2, 3])
    assert draft.members(new) == {1, 2, 3}
    for n in (1, 2, 3, 9):
        assert draft.note_rect(n) == board.note_rect(n)
    assert draft.frame(new) == frame_around(board.note_rect(n) for n in (1, 2, 3))
    assert draft.home(9) is None
    assert violations(draft) == []


def test_group_of_scattered_notes_in_a_column_gathers_them_in_the_column_and_pushes_down():
    board = column_board()
    chosen = [3, 6, 10]  # rows 1, 2 and 4 of the first column, both sides
    first = board.note_rect(3)
    draft, new = g.group(board, chosen)
    frame = draft.frame(new)
    assert draft.members(new) == set(chosen)
    # At the first one's place, in the same column.
    assert frame.y == first.y
    assert 0.0 <= frame.x and frame.right <= COLUMN_WIDTH
    for n in chosen:
        assert inside(draft, note_key(n), new)
    # What it covered is pushed down, in its place in the column: not to the right.
    for n in range(1, 13):
        if n in chosen:
            continue
        before, after = board.note_rect(n), draft.note_rect(n)
        assert after.x == before.x, n
        assert after.y >= before.y, n
        assert not after.overlaps(frame), n
    # On each side of the column, the notes keep their order top to bottom.
    for x in (PAD, PAD + NOTE_W + GAP):
        side = [n for n in range(1, 13) if n not in chosen and board.note(n).x == x]
        assert sorted(side, key=lambda n: draft.note(n).y) == side
    # The next column is not disturbed.
    for n in range(101, 113):
        assert draft.note_rect(n) == board.note_rect(n)
    assert violations(draft) == []


def test_group_with_origin_gathers_the_notes_there():
    board = column_board()
    draft, new = g.group(board, [1, 2, 5], origin=(2000.0, 500.0))
    frame = draft.frame(new)
    assert (frame.x, frame.y) == (2000.0, 500.0)
    assert all(inside(draft, note_key(n), new) for n in (1, 2, 5))
    assert violations(draft) == []


# ---------------------------------------------------------------------------- growing frames
def test_a_frame_growing_sideways_pushes_the_neighbour_on_its_right_to_the_right():
    board = Board()
    left = framed(board, 1, 0, 0, [1])
    right = framed(board, 2, left.right + GAP, 0, [2])
    wide = framed(board, 3, 0, 1000, [3, 4, 5, 6])  # two notes wide: wider than frame 1
    assert wide.w > left.w
    selection = g.Selection.of(board, [], [3])
    pointer = (left.x + 50, left.y + 60)
    draft, target = g.drop(
        board, selection, left.x + 30 - wide.x, left.y + 50 - wide.y, frame_key(3), pointer
    )
    assert target == 1
    grown = draft.frame(1)
    assert grown.right > right.x  # it grew over where its neighbour stood...
    pushed = draft.frame(2)
    assert pushed.y == right.y  # ...and the neighbour went right, not down
    assert pushed.x >= grown.right + GAP - 0.01
    # What the neighbour holds went with it.
    dx = pushed.x - right.x
    assert draft.note_rect(2) == board.note_rect(2).translated(dx, 0.0)
    assert violations(draft) == []


def test_a_frame_growing_down_pushes_the_frame_below_it_down_with_what_it_holds():
    board = Board()
    upper = framed(board, 1, 0, 0, [1, 2])  # one full row of two notes
    lower = framed(board, 2, 0, upper.bottom + GAP, [3, 4, 5])
    third = framed(board, 3, 0, lower.bottom + GAP, [6, 7])
    board.put_note(8, 2000.0, 0.0)
    assert violations(board) == []
    draft = g.move_into(board, 8, 1)  # no room in the row: the frame grows a row down
    assert draft.home(8) == 1 and inside(draft, note_key(8), 1)
    grown = draft.frame(1)
    assert grown.h > upper.h and (grown.x, grown.y) == (upper.x, upper.y)
    pushed = draft.frame(2)
    assert pushed.x == lower.x and pushed.y >= grown.bottom + GAP - 0.01
    dy = pushed.y - lower.y
    assert dy > 0
    for n in (3, 4, 5):
        assert draft.note_rect(n) == board.note_rect(n).translated(0.0, dy)
    # and the one below that makes room in turn
    assert draft.frame(3).y >= pushed.bottom + GAP - 0.01
    assert draft.frame(3).x == third.x
    assert violations(draft) == []


def test_a_note_growing_taller_pushes_the_note_it_now_covers_down():
    board = Board()
    board.put_note(1, 0.0, 0.0)
    board.put_note(2, 0.0, NOTE_H + 5.0)  # closer than a grown note reaches
    draft = g.resize_notes(board, {1: NOTE_H + 16})
    assert draft.note(1).h == NOTE_H + 16
    assert draft.note_rect(1).x == 0.0 and draft.note_rect(1).y == 0.0
    assert draft.note_rect(2).x == 0.0
    assert draft.note_rect(2).y >= NOTE_H + 16 + GAP - 0.01
    assert violations(draft) == []


# ---------------------------------------------------------------------------- nudge
def test_a_nudge_over_the_frames_edge_takes_the_note_out_of_the_frame_and_outside_it():
    board = Board()
    framed(board, 1, 0, 0, [1, 2])
    outer = board.frame(1)
    n = min(board.members(1), key=lambda k: board.note(k).x)  # the left one
    assert board.note_rect(n).x == outer.x + PAD
    draft = g.nudge(board, g.Selection.of(board, [n], []), -10.0, 0.0)
    assert draft.home(n) is None
    assert not draft.frame(1).overlaps(draft.note_rect(n))
    assert draft.home(3 - n) == 1
    assert violations(draft) == []


def test_a_nudge_out_of_a_nested_frame_puts_the_note_in_the_frame_around_it():
    board = Board()
    inner = framed(board, 2, 0, 0, [1])
    framed(board, 1, 0, 0, [2], children=(2,))
    inner = board.frame(2)
    assert violations(board) == [] and board.parent(2) == 1
    assert board.note_rect(1).x == inner.x + PAD  # at the inner frame's left edge
    draft = g.nudge(board, g.Selection.of(board, [1], []), -10.0, 0.0)
    assert draft.home(1) == 1
    assert inside(draft, note_key(1), 1)
    assert not draft.frame(2).overlaps(draft.note_rect(1))
    assert draft.members(2) == set()
    assert violations(draft) == []


def test_a_nudge_inside_the_frame_keeps_the_note_in_it_and_does_not_grow_it():
    board = Board()
    board.put_frame(1, Rect(0, 0, 500, 400))
    board.put_note(1, 100.0, 100.0, NOTE_H, 1)
    draft = g.nudge(board, g.Selection.of(board, [1], []), 10.0, 0.0)
    assert draft.home(1) == 1
    assert draft.note_rect(1) == Rect(110.0, 100.0, NOTE_W, NOTE_H)
    assert draft.frame(1) == board.frame(1)
    assert draft.changes().clusters == {}


# ---------------------------------------------------------------------------- new notes
def test_a_new_note_dropped_on_another_lands_at_the_nearest_free_place():
    board = Board()
    board.put_note(1, 0.0, 0.0)
    board.put_note(2, 500.0, 0.0)
    draft, new = g.add_note(board, 5.0, 5.0, NOTE_H, None)
    # Right under the one it was dropped on: the nearest place clear of it.
    assert draft.note_rect(new) == Rect(5.0, NOTE_H + GAP, NOTE_W, NOTE_H)
    assert draft.note_rect(1) == board.note_rect(1)
    assert violations(draft) == []


def test_a_new_note_on_a_free_spot_stays_where_it_was_put():
    board = Board()
    board.put_note(1, 0.0, 0.0)
    draft, new = g.add_note(board, 600.0, 300.0, NOTE_H, None)
    assert draft.note_rect(new) == Rect(600.0, 300.0, NOTE_W, NOTE_H)


def test_a_new_note_in_a_full_frame_stays_in_it_and_the_frame_grows_down_not_sideways():
    board = Board()
    frame = framed(board, 1, 0, 0, [1, 2])  # one full row of two notes
    # Put over the right-hand note, nearer to the frame's right edge than to its bottom.
    x = frame.x + PAD + NOTE_W + GAP + 100.0
    draft, new = g.add_note(board, x, frame.y + TITLE_H, NOTE_H, 1)
    assert draft.home(new) == 1
    assert inside(draft, note_key(new), 1)
    assert draft.frame(1).w == frame.w and draft.frame(1).h > frame.h
    assert draft.note_rect(new).y >= board.note_rect(2).bottom + GAP - 0.01
    assert violations(draft) == []


def test_split_note_puts_the_second_part_beside_the_first_in_the_same_frame():
    board = Board()
    board.put_frame(1, Rect(0, 0, 500, 300))
    board.put_note(1, 20.0, 40.0, 146.0, 1)
    draft, new = g.split_note(board, 1, NOTE_H, 140.0)
    assert draft.note(1).h == NOTE_H and draft.note_rect(1).x == 20.0
    assert draft.home(new) == 1
    assert draft.note_rect(new) == Rect(20.0 + NOTE_W + GAP, 40.0, NOTE_W, 140.0)
    assert violations(draft) == []


# ---------------------------------------------------------------------------- tidy, merge
def test_tidy_puts_the_notes_in_a_grid_and_fits_the_frame():
    board = Board()
    board.put_frame(1, Rect(100.0, 100.0, 480.0, 900.0))  # room for two notes a row
    spots = [(130, 150), (350, 700), (200, 420), (360, 160), (120, 730)]
    for n, (x, y) in enumerate(spots, start=1):
        board.put_note(n, float(x), float(y), NOTE_H + (n == 3) * 10, 1)
    draft = g.tidy(board, 1)
    frame = draft.frame(1)
    assert (frame.x, frame.y, frame.w) == (100.0, 100.0, 480.0)
    left = frame.x + PAD
    top = frame.y + TITLE_H
    # In reading order (1 and 4 at the top, 3 in the middle, 5 and 2 at the bottom), two a
    # row; a row is as high as its tallest note (3).
    order = [1, 4, 3, 5, 2]
    row_h = [NOTE_H, NOTE_H + 10, NOTE_H]
    y = top
    for row in range(3):
        for col, n in enumerate(order[2 * row : 2 * row + 2]):
            assert draft.note_rect(n).x == left + col * (NOTE_W + GAP), n
            assert draft.note_rect(n).y == y, n
        y += row_h[row] + GAP
    assert frame.bottom == y - GAP + PAD  # fitted: no empty space left at the bottom
    assert violations(draft) == []


def test_tidy_puts_sub_frames_below_the_notes():
    board = Board()
    board.put_frame(1, Rect(0, 0, 700, 900))
    board.put_note(1, 300.0, 600.0, NOTE_H, 1)
    board.put_frame(2, Rect(30, 60, 240, 190), 1)
    board.put_note(2, 50.0, 100.0, NOTE_H, 2)
    draft = g.tidy(board, 1)
    note, sub = draft.note_rect(1), draft.frame(2)
    assert note.y == TITLE_H and sub.y >= note.bottom + GAP
    assert draft.note_rect(2).y - sub.y == board.note_rect(2).y - board.frame(2).y
    assert violations(draft) == []


def test_merge_clusters_takes_every_note_into_the_biggest_frame():
    board = Board()
    framed(board, 1, 0, 0, [1])
    big = framed(board, 2, 600, 0, [2, 3, 4, 8])
    framed(board, 4, 0, 1200, [7])
    framed(board, 3, 0, 600, [5, 6], children=(4,))
    assert violations(board) == []
    draft, target = g.merge_clusters(board, [1, 2, 3])
    assert target == 2
    assert set(draft.cluster_ids()) == {2, 4}
    assert draft.members(2) == {1, 2, 3, 4, 5, 6, 8}
    assert draft.parent(4) == 2 and draft.members(4) == {7}
    assert (draft.frame(2).x, draft.frame(2).y) == (big.x, big.y)
    for n in (1, 2, 3, 4, 5, 6, 8):
        assert inside(draft, note_key(n), 2)
    assert inside(draft, frame_key(4), 2)
    changes = draft.changes()
    assert changes.removed_clusters == {1, 3}
    assert violations(draft) == []


# ---------------------------------------------------------------------------- settle
def _pile(x: float, y: float) -> Board:
    """Everything in one place: frames nested three deep, notes in and out of them."""
    board = Board()
    board.put_frame(1, Rect(x, y, 220, 100))
    board.put_frame(2, Rect(x, y, 220, 100), 1)
    board.put_frame(3, Rect(x, y, 220, 100), 2)
    board.put_frame(4, Rect(x, y, 220, 100))
    for n in range(1, 31):
        board.put_note(n, x, y, NOTE_H + n % 17, [None, 1, 2, 3, 4][n % 5])
    return board


@pytest.mark.parametrize("x,y", [(0.0, 0.0), (-5000.0, -12345.5), (1e9, 1e9), (-1e9, 1e9)], ids=str)
def test_settle_everything_fixes_a_board_where_everything_overlaps(x, y):
    board = _pile(x, y)
    assert violations(board) != []
    settle(board, everything=True)
    assert violations(board) == []
    homes = {n: board.home(n) for n in board.note_ids()}
    assert homes == {n: [None, 1, 2, 3, 4][n % 5] for n in range(1, 31)}


HOSTILE_BOARDS = """
import json, resource, time
from samverkan_desktop.core.board import Board, Rect, settle, violations
from samverkan_desktop.core.board.geometry import NOTE_H
try:  # a regression must fail, not eat the machine's memory
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
except (ValueError, OSError):
    pass
boards = {}
b = boards["frame as big as the board"] = Board()
b.put_frame(1, Rect(0, 0, 1e8, 1e8))
b.put_note(1, 5.0, 5.0)
b.put_note(2, 5.0, 5.0, NOTE_H, 1)
b = boards["note far from its frame"] = Board()
b.put_frame(1, Rect(-1e8, -1e8, 220, 100))
b.put_note(1, 1e8, 1e8, NOTE_H, 1)
b.put_note(2, 0.0, 0.0)
b = boards["frame without a size, notes far apart"] = Board()
b.put_frame(1, Rect(0, 0, 0, 0))
b.put_note(1, -1e8, -1e8, NOTE_H, 1)
b.put_note(2, 1e8, 1e8, NOTE_H, 1)
b = boards["scattered at 1e9"] = Board()
b.put_frame(1, Rect(-1e9, -1e9, 220, 100))
b.put_frame(2, Rect(1e9, 0, 220, 100), 1)  # far outside its parent
b.put_note(1, 1e9, 1e9, NOTE_H, 1)
b.put_note(2, -1e9, 1e9, NOTE_H, 2)
b.put_note(3, 0.0, 0.0)
b.put_note(4, 0.0, 0.0)
found = {}
for name, board in boards.items():
    started = time.monotonic()
    settle(board, everything=True)
    found[name] = (time.monotonic() - started, violations(board))
print(json.dumps(found))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="limits the child's memory the POSIX way")
def test_settle_everything_copes_with_places_spread_across_the_whole_board():
    """A file from elsewhere may hold a frame 1e8 wide (the largest place the store takes), or
    notes far from their frame: settling it must neither hang nor run out of memory, and must
    leave nothing to fix. (In a child process: a regression fails instead of hanging.)"""
    done = subprocess.run(
        [sys.executable, "-c", HOSTILE_BOARDS],
        cwd=Path(__file__).resolve().parents[3],  # where samverkan_desktop is
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout)
    assert len(found) == 4
    for name, (seconds, broken) in found.items():
        assert seconds < 5.0, name
        assert broken == [], name


def test_settle_everything_keeps_a_frame_without_a_size_around_all_it_holds():
    """A cluster saved without a size (drawn around its notes) that holds a sub-frame: the
    sub-frame ends up inside it, not above it."""
    board = Board()
    board.put_frame(1, Rect(0, 0, 0, 0))  # no size: drawn around its notes
    board.put_frame(2, Rect(0, 0, MIN_FRAME_W, MIN_FRAME_H), 1)
    board.put_note(1, 0.0, 0.0, NOTE_H, 1)
    settle(board, everything=True)
    assert violations(board) == []
    assert inside(board, frame_key(2), 1) and inside(board, note_key(1), 1)


def test_settle_leaves_a_board_that_keeps_its_promise_alone():
    board = column_board()
    draft = board.copy()
    settle(draft, everything=True)
    assert not draft.changes()


# ---------------------------------------------------------------------------- changes()
def test_changes_report_only_what_changed():
    board = Board()
    board.put_frame(1, Rect(0, 0, 500, 400))
    board.put_frame(2, Rect(600, 0, 500, 400))
    board.put_note(1, 20.0, 40.0, NOTE_H, 1)
    board.put_note(2, 240.0, 40.0, NOTE_H, 1)
    board.put_note(3, 1000.0, 1000.0)
    draft = board.copy()
    draft.move_note(1, 30.0, 50.0)
    draft.set_home(2, 2)
    draft.set_height(3, 146.0)  # a height is the UI's measure, not the file's
    draft.set_frame(2, Rect(600, 0, 520, 400))
    changes = draft.changes()
    assert changes.notes == {1: {"x": 30.0, "y": 50.0}, 2: {"cluster_id": 2}}
    assert changes.clusters == {2: {"x": 600, "y": 0, "width": 520, "height": 400}}
    assert not changes.removed_notes and not changes.removed_clusters
    assert changes


def test_changes_report_removed_and_new_things():
    board = Board()
    board.put_frame(1, Rect(0, 0, 500, 400))
    board.put_frame(2, Rect(600, 0, 500, 400), 1)
    board.put_note(1, 20.0, 40.0, NOTE_H, 1)
    board.put_note(2, 1000.0, 1000.0)
    draft = board.copy()
    draft.remove_note(2)
    draft.remove_frame(1)  # what it held stays, now in no cluster
    new_frame = draft.new_frame(Rect(0, 900, 300, 200))
    new_note = draft.new_note(20.0, 940.0, NOTE_H, new_frame)
    assert new_frame < 0 and new_note < 0
    changes = draft.changes()
    assert changes.removed_notes == {2}
    assert changes.removed_clusters == {1}
    assert changes.clusters == {
        2: {"parent_id": None},
        new_frame: {"x": 0, "y": 900, "width": 300, "height": 200, "parent_id": None},
    }
    assert changes.notes == {
        1: {"cluster_id": None},
        new_note: {"x": 20.0, "y": 940.0, "cluster_id": new_frame},
    }


def test_changes_of_an_untouched_copy_are_empty_and_a_board_that_is_no_copy_has_none():
    board = column_board()
    assert not board.copy().changes()
    with pytest.raises(ValueError):
        board.changes()


def test_changes_of_a_frame_without_a_size_report_where_it_is_drawn():
    board = Board()
    board.put_frame(1, Rect(0, 0, 0, 0))
    board.put_note(1, 100.0, 100.0, NOTE_H, 1)
    draft = board.copy()
    draft.move(frame_key(1), 50.0, 0.0)
    fields = draft.changes().clusters[1]
    assert (fields["x"], fields["y"]) == (board.frame(1).x + 50.0, board.frame(1).y)
    assert draft.changes().notes == {1: {"x": 150.0, "y": 100.0}}
