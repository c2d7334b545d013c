"""The board's cluster tree: which frame holds which notes and frames, kept right through every
change, and drafts (`copy()`) that never change the board they came from."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core.board import Board, Rect, frame_key, note_key
from samverkan_desktop.core.board.geometry import MIN_FRAME_H, MIN_FRAME_W, NOTE_H, frame_around


def tree() -> Board:
    """1 > 2 > 3 nested, 4 on its own; notes 1-2 in 1, 3 in 2, 4-5 in 3, 6 in 4, 7 loose."""
    board = Board()
    board.put_frame(1, Rect(0, 0, 1000, 1000))
    board.put_frame(2, Rect(20, 40, 900, 900), 1)
    board.put_frame(3, Rect(40, 80, 800, 800), 2)
    board.put_frame(4, Rect(2000, 0, 300, 300))
    for n, home in ((1, 1), (2, 1), (3, 2), (4, 3), (5, 3), (6, 4), (7, None)):
        board.put_note(n, 0.0, 0.0, NOTE_H, home)
    return board


def test_the_tree_is_read_back_as_it_was_put():
    board = tree()
    assert board.members(1) == {1, 2}
    assert board.members(3) == {4, 5}
    assert board.members(None) == {7}
    assert board.children(None) == {1, 4}
    assert board.children(1) == {2} and board.children(2) == {3} and board.children(3) == set()
    assert list(board.ancestors(3)) == [2, 1]
    assert list(board.ancestors(1)) == []
    assert set(board.descendants(1)) == {2, 3}
    assert set(board.descendants(3)) == set()
    assert [board.depth(c) for c in (None, 1, 2, 3, 4)] == [-1, 0, 1, 2, 0]
    assert board.subtree_notes(1) == {1, 2, 3, 4, 5}
    assert board.subtree_notes(2) == {3, 4, 5}
    assert board.subtree_notes(4) == {6}
    assert board.is_within(3, 1) and board.is_within(1, 1) and not board.is_within(4, 1)
    assert board.container(note_key(4)) == 3 and board.container(frame_key(2)) == 1
    assert board.count(1) == 3 and board.count(None) == 3
    assert set(board.contents(2)) == {note_key(3), frame_key(3)}


def test_set_home_moves_the_note_from_one_member_set_to_the_other():
    board = tree()
    board.set_home(4, 4)
    assert board.home(4) == 4
    assert board.members(3) == {5} and board.members(4) == {4, 6}
    assert board.subtree_notes(1) == {1, 2, 3, 5}
    board.set_home(4, None)
    assert board.members(None) == {4, 7} and board.members(4) == {6}
    board.set_home(4, None)  # again: nothing doubles
    assert board.members(None) == {4, 7}


def test_put_note_again_changes_its_home_and_place():
    board = tree()
    board.put_note(1, 5.0, 6.0, 140.0, 2)
    assert board.members(1) == {2} and board.members(2) == {1, 3}
    assert board.note_rect(1) == Rect(5.0, 6.0, 200.0, 140.0)


def test_set_parent_moves_a_frame_with_everything_it_holds_in_the_tree():
    board = tree()
    board.set_parent(2, 4)  # 2 (and 3 inside it) now in 4
    assert board.children(1) == set() and board.children(4) == {2}
    assert list(board.ancestors(3)) == [2, 4]
    assert board.depth(3) == 2 and board.depth(2) == 1
    assert set(board.descendants(4)) == {2, 3}
    assert set(board.descendants(1)) == set()
    assert board.subtree_notes(4) == {3, 4, 5, 6}
    assert board.subtree_notes(1) == {1, 2}
    board.set_parent(2, None)
    assert board.children(None) == {1, 2, 4} and board.depth(3) == 1


def test_removing_a_nested_frame_moves_what_it_held_up_into_the_frame_around_it():
    board = tree()
    place = board.frame(3)
    note_place = board.note_rect(3)
    board.remove_frame(2)
    assert not board.has_cluster(2)
    assert board.home(3) == 1 and board.members(1) == {1, 2, 3}
    assert board.parent(3) == 1 and board.children(1) == {3}
    assert board.frame(3) == place and board.note_rect(3) == note_place
    assert list(board.ancestors(3)) == [1] and board.depth(3) == 1
    assert board.subtree_notes(1) == {1, 2, 3, 4, 5}


def test_removing_a_top_level_frame_leaves_what_it_held_on_the_board():
    board = tree()
    board.remove_frame(1)
    assert board.home(1) is None and board.members(None) == {1, 2, 7}
    assert board.parent(2) is None and board.children(None) == {2, 4}


def test_removing_a_note_takes_it_out_of_its_frame():
    board = tree()
    board.remove_note(4)
    assert not board.has_note(4)
    assert board.members(3) == {5}
    assert board.subtree_notes(1) == {1, 2, 3, 5}
    board.remove_note(4)  # already gone: nothing happens
    assert board.members(3) == {5}


def test_moving_a_frame_moves_everything_inside_it_at_any_depth():
    board = tree()
    board.move_note(4, 100.0, 200.0)
    board.move(frame_key(2), 10.0, -5.0)
    assert board.frame(2) == Rect(30, 35, 900, 900)
    assert board.frame(3) == Rect(50, 75, 800, 800)
    assert board.note_rect(4).x == 110.0 and board.note_rect(4).y == 195.0
    assert board.frame(1) == Rect(0, 0, 1000, 1000)  # the parent stays
    assert board.note_rect(1).x == 0.0  # and so does its own note


def test_a_frame_without_a_size_is_drawn_around_its_notes():
    board = Board()
    board.put_frame(1, Rect(300, 300, 0, 0))
    assert board.frame(1) == Rect(300, 300, MIN_FRAME_W, MIN_FRAME_H)  # empty: its least size
    board.put_note(1, 100.0, 100.0, NOTE_H, 1)
    board.put_note(2, 400.0, 120.0, 140.0, 1)
    assert board.frame(1) == frame_around([board.note_rect(1), board.note_rect(2)])
    board.move_note(2, 500.0, 120.0)
    assert board.frame(1).right == 500.0 + 200.0 + 20.0


def test_new_things_get_ids_below_zero_that_nothing_has():
    board = Board()
    board.put_note(-1, 0.0, 0.0)
    board.put_frame(-2, Rect(0, 0, 300, 300))
    draft = board.copy()
    a = draft.new_note(0.0, 500.0)
    b = draft.new_frame(Rect(0, 900, 300, 300))
    c = draft.new_note(0.0, 1500.0, NOTE_H, b)
    assert len({a, b, c, -1, -2}) == 5 and max(a, b, c) < 0
    assert draft.members(b) == {c}


# ---------------------------------------------------------------------------- drafts
def test_changing_a_copy_does_not_change_the_board_it_came_from():
    board = tree()
    before = {
        "notes": {n: board.note(n) for n in board.note_ids()},
        "frames": {c: (board.frame(c), board.parent(c)) for c in board.cluster_ids()},
        "members": {c: board.members(c) for c in (None, 1, 2, 3, 4)},
        "children": {c: board.children(c) for c in (None, 1, 2, 3, 4)},
    }
    draft = board.copy()
    assert draft.base is board and board.base is None
    draft.set_home(4, 1)  # a nested member set changes in the draft...
    draft.set_parent(3, None)  # ...and a child set
    draft.move(frame_key(1), 50.0, 50.0)
    draft.remove_note(7)
    draft.remove_frame(4)
    new = draft.new_note(0.0, 0.0, NOTE_H, 2)
    draft.set_height(1, 146.0)
    after = {
        "notes": {n: board.note(n) for n in board.note_ids()},
        "frames": {c: (board.frame(c), board.parent(c)) for c in board.cluster_ids()},
        "members": {c: board.members(c) for c in (None, 1, 2, 3, 4)},
        "children": {c: board.children(c) for c in (None, 1, 2, 3, 4)},
    }
    assert after == before
    # and the draft has what was done to it
    assert draft.members(1) == {1, 2, 4} and draft.members(3) == {5}
    assert draft.children(None) == {1, 3} and draft.members(None) == {6}
    assert draft.subtree_notes(1) == {1, 2, 3, 4, new}  # 3 (with 5) left for the board


def test_a_draft_of_a_draft_leaves_both_boards_it_comes_from_alone():
    board = tree()
    first = board.copy()
    first.set_home(1, 4)
    second = first.copy()
    second.set_home(1, 3)
    second.set_home(2, 3)
    assert board.members(1) == {1, 2} and board.members(4) == {6} and board.members(3) == {4, 5}
    assert first.members(1) == {2} and first.members(4) == {1, 6} and first.members(3) == {4, 5}
    assert second.members(3) == {1, 2, 4, 5} and second.members(4) == {6}
    assert second.members(1) == set()
    # changes() is against the board the draft was copied from
    assert set(second.changes().notes) == {1, 2}
    assert second.changes().notes[1] == {"cluster_id": 3}


def test_a_frame_that_only_changed_parent_is_in_the_drafts_changes():
    """Nesting a frame elsewhere, or removing the frame around it, moves no rect: its new
    parent is still a change to save."""
    board = tree()
    draft = board.copy()
    draft.set_parent(3, None)
    assert draft.changes().clusters == {3: {"parent_id": None}}
    draft = board.copy()
    draft.remove_frame(2)  # 3 (with its notes) moves up into 1
    changes = draft.changes()
    assert changes.removed_clusters == {2}
    assert changes.clusters == {3: {"parent_id": 1}}
    assert changes.notes == {3: {"cluster_id": 1}}


# ---------------------------------------------------------------- the spatial index
_COORD = st.floats(min_value=-900.0, max_value=900.0, allow_nan=False).map(lambda v: round(v, 1))
_STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("note"), st.integers(1, 12), _COORD, _COORD, st.integers(0, 4)),
        st.tuples(st.just("move"), st.integers(1, 12), _COORD, _COORD, st.just(0)),
        st.tuples(st.just("drop"), st.integers(1, 12), _COORD, _COORD, st.just(0)),
        st.tuples(st.just("frame"), st.integers(1, 4), _COORD, _COORD, st.integers(0, 3)),
        st.tuples(st.just("unframe"), st.integers(1, 4), _COORD, _COORD, st.just(0)),
        st.tuples(st.just("draft"), st.just(0), _COORD, _COORD, st.just(0)),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(
    _STEPS,
    st.lists(st.tuples(_COORD, _COORD, _COORD, _COORD, st.sampled_from([0.0, 10.0])), max_size=6),
)
def test_what_overlaps_a_rect_is_found_through_the_index_after_any_changes(steps, probes):
    board = Board()
    for kind, i, x, y, extra in steps:
        if kind == "note":
            board.put_note(i, x, y, NOTE_H, extra if board.has_cluster(extra) else None)
        elif kind == "move" and board.has_note(i):
            board.move_note(i, x, y)
        elif kind == "drop" and board.has_note(i):
            board.remove_note(i)
        elif kind == "frame":
            size = (0.0, 0.0) if extra == 0 else (abs(x) + 50.0, abs(y) * extra + 100.0)
            parent = extra if extra != i and board.has_cluster(extra) else None
            if parent is not None and board.is_within(parent, i):
                parent = None
            board.put_frame(i, Rect(x, y, *size), parent)
        elif kind == "unframe":
            board.remove_frame(i)
        elif kind == "draft":
            board = board.copy()
    keys = [*map(note_key, board.note_ids()), *map(frame_key, board.cluster_ids())]
    for x, y, w, h, margin in probes:
        rect = Rect(x, y, abs(w), abs(h))
        for level in [None, *board.cluster_ids()]:
            expected = {
                k
                for k in keys
                if board.container(k) == level and board.rect(k).overlaps(rect, margin)
            }
            found = board.overlapping(rect, level, margin)
            assert len(found) == len(set(found))
            assert set(found) == expected
            among = set(keys[::2])
            assert set(board.overlapping(rect, level, margin, among)) == expected & among


_ROWS = st.lists(
    st.tuples(
        st.integers(1, 12),  # ids repeat: a note put again moves, and may change its cluster
        _COORD,
        _COORD,
        st.sampled_from([NOTE_H, 180.0, 400_000.0]),  # the last: over too many cells to index
        st.sampled_from([None, 1, 2]),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(_ROWS, st.booleans(), st.lists(st.tuples(_COORD, _COORD, _COORD, _COORD), max_size=4))
def test_notes_put_all_at_once_make_the_board_they_make_one_by_one(rows, draft, probes):
    def made(bulk: bool) -> Board:
        board = Board()
        board.put_frame(1, Rect(0, 0, 400, 300))
        board.put_frame(2, Rect(500, 0, 0, 0), 1)  # drawn around its notes
        board.put_note(5, 10, 10, NOTE_H, 2)
        if draft:
            board = board.copy()
        if bulk:
            board.put_notes(rows)
        else:
            for row in rows:
                board.put_note(*row)
        return board

    one_by_one, at_once = made(False), made(True)
    ids = sorted(one_by_one.note_ids())
    assert sorted(at_once.note_ids()) == ids
    assert [at_once.note(i) for i in ids] == [one_by_one.note(i) for i in ids]
    for level in (None, 1, 2):
        assert at_once.members(level) == one_by_one.members(level)
        for x, y, w, h in probes:
            rect = Rect(x, y, abs(w), abs(h))
            assert sorted(at_once.overlapping(rect, level)) == sorted(
                one_by_one.overlapping(rect, level)
            )
    if draft:  # what the gesture did, as the board under it reports it
        assert at_once.changes() == one_by_one.changes()
    # A gesture on a draft of it finds the notes where they are and leaves the board alone.
    for board in (at_once, one_by_one):
        gesture = board.copy()
        for i in ids:
            gesture.move(note_key(i), 5, 5)
        assert {i: gesture.note(i).x for i in ids} == {i: board.note(i).x + 5 for i in ids}
        assert set(gesture.changes().notes) == set(ids)


@settings(max_examples=200, deadline=None)
@given(
    parents=st.lists(st.integers(0, 12), min_size=1, max_size=12),
    homes=st.lists(st.integers(0, 13), max_size=40),
    wanted=st.sets(st.integers(0, 45)),
)
def test_the_frames_holding_some_notes_are_those_whose_subtree_holds_one(parents, homes, wanted):
    """(A search lights every frame holding a hit, at any depth.)"""
    board = Board()
    for cid, parent in enumerate(parents, start=1):  # a parent made before it, or the board
        board.put_frame(cid, Rect(0, 0, 400, 300), parent if 0 < parent < cid else None)
    for nid, home in enumerate(homes):
        board.put_note(nid, 0.0, 0.0, NOTE_H, home if 0 < home <= len(parents) else None)
    expected = {c for c in board.cluster_ids() if board.subtree_notes(c) & wanted}
    assert board.frames_holding(frozenset(wanted)) == expected
