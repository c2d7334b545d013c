"""Dragging notes and frames with the mouse: membership, nesting, one undo step per drag."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def test_dragging_a_note_onto_a_frame_puts_it_in_that_cluster(board):
    start = board.note_centre("n1")
    target = QPointF(530, 260)  # empty space inside frame A
    board.press(start)
    board.move(start + QPointF(40, 0))
    board.move(target)
    # While hovering, the frame under the note lights up.
    assert board.scene.drop_target() == board.ids["A"]
    assert board.scene.cluster_item(board.ids["A"]).drop_target
    board.release(target)

    assert board.stored_note("n1").cluster_id == board.ids["A"]
    assert board.scene.drop_target() is None
    item = board.scene.note_item(board.ids["n1"])
    assert item.scene_rect().center() == target
    assert board.scene.cluster_item(board.ids["A"]).notes == 3  # the frame's count says so
    assert board.doc.undo_stack.undoText() == "Lägg 1 lapp i »Trygghet«"

    board.doc.undo_stack.undo()
    assert board.stored_note("n1").cluster_id is None
    assert item.note.cluster_id is None and board.item_pos("n1") == (0.0, 0.0)
    assert board.scene.cluster_item(board.ids["A"]).notes == 2
    board.doc.undo_stack.redo()
    assert board.stored_note("n1").cluster_id == board.ids["A"]
    assert item.scene_rect().center() == target


def test_dragging_a_note_out_of_its_frame_takes_it_out(board):
    start = board.note_centre("a1")
    board.drag(start, QPointF(100, 800))
    note = board.stored_note("a1")
    assert note.cluster_id is None
    assert (note.x, note.y) == board.item_pos("a1")
    assert board.scene.cluster_item(board.ids["A"]).notes == 1
    board.doc.undo_stack.undo()
    assert board.stored_note("a1").cluster_id == board.ids["A"]
    assert board.item_pos("a1") == (320.0, 40.0)
    assert board.scene.cluster_item(board.ids["A"]).notes == 2


def test_a_drop_on_nested_frames_goes_to_the_innermost(board):
    board.drag(board.note_centre("n2"), QPointF(1100, 520))  # inside C, which is inside B
    assert board.stored_note("n2").cluster_id == board.ids["C"]
    board.drag(QPointF(1100, 520), QPointF(1100, 200))  # inside B, above C
    assert board.stored_note("n2").cluster_id == board.ids["B"]


def test_dropping_notes_near_a_frame_edge_grows_the_frame_to_hold_them(board):
    board.drag(board.note_centre("n1"), QPointF(700, 300))  # centre inside A, bottom sticks out
    frame = board.stored_cluster("A")
    note = board.stored_note("n1")
    assert note.cluster_id == board.ids["A"]
    assert frame.x + frame.width >= note.x + 200
    assert frame.y + frame.height >= note.y + 130
    assert board.doc.undo_stack.undoText() == "Lägg 1 lapp i »Trygghet«"


def test_a_drag_of_several_notes_is_one_undo_step(board):
    names = ("n1", "n2", "n3")
    before = {n: board.item_pos(n) for n in names}
    board.click(board.note_centre("n1"))
    board.click(board.note_centre("n2"), CTRL)
    board.click(board.note_centre("n3"), CTRL)
    assert len(board.scene.selected_note_ids()) == 3

    # Down past n4 (which stays), onto free board.
    board.drag(board.note_centre("n2"), board.note_centre("n2") + QPointF(0, 700))
    stack = board.doc.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Flytta 3 lappar"
    moved = {n: (board.stored_note(n).x, board.stored_note(n).y) for n in names}
    assert all(moved[n] == (before[n][0], before[n][1] + 700) for n in names)

    stack.undo()
    assert {n: (board.stored_note(n).x, board.stored_note(n).y) for n in names} == before
    assert {n: board.item_pos(n) for n in names} == before
    stack.redo()
    assert {n: board.item_pos(n) for n in names} == moved


def test_moving_a_frame_moves_its_notes_and_nested_clusters(board):
    c1_before = board.item_pos("c1")
    c_before = board.item_pos("C")
    board.drag(board.title_point("B"), board.title_point("B") + QPointF(60, 250))
    assert board.item_pos("C") == (c_before[0] + 60, c_before[1] + 250)
    assert board.item_pos("c1") == (c1_before[0] + 60, c1_before[1] + 250)
    stored = board.stored_cluster("C")
    assert (stored.x, stored.y) == board.item_pos("C")
    assert board.stored_note("c1").cluster_id == board.ids["C"]
    assert board.stored_cluster("C").parent_id == board.ids["B"]
    assert board.doc.undo_stack.count() == 1
    board.doc.undo_stack.undo()
    assert board.item_pos("c1") == c1_before
    assert (board.stored_note("c1").x, board.stored_note("c1").y) == c1_before


def test_a_frame_is_nested_by_dropping_it_into_another_and_taken_out_again(board):
    # Take C out of B: drag its title to empty board.
    board.drag(board.title_point("C"), QPointF(1010, 800))
    assert board.stored_cluster("C").parent_id is None
    assert board.stored_note("c1").cluster_id == board.ids["C"]
    assert board.doc.undo_stack.undoText() == "Ta ut »Mötesplatser« ur »Samverkan«"

    # And put it back into B (KJ super-group).
    board.drag(board.title_point("C"), QPointF(1010, 300))
    assert board.stored_cluster("C").parent_id == board.ids["B"]
    assert board.scene.cluster_item(board.ids["C"]).depth == 1
    assert board.scene.cluster_item(board.ids["B"]).notes == 1  # counts nested notes

    board.doc.undo_stack.undo()
    assert board.stored_cluster("C").parent_id is None
    assert board.scene.cluster_item(board.ids["C"]).depth == 0
    board.doc.undo_stack.undo()
    assert board.stored_cluster("C").parent_id == board.ids["B"]


def test_a_big_frame_dropped_onto_a_small_one_nests_in_it_and_the_small_one_grows(board):
    board.drag(board.title_point("A"), QPointF(1020, 330))  # the pointer lets go over C
    a, c, b = (board.stored_cluster(n) for n in "ACB")
    assert a.parent_id == c.id
    assert board.doc.undo_stack.undoText() == "Lägg »Trygghet« i »Mötesplatser«"
    # C grew to hold A below its title, B to hold C; A's notes came along inside A.
    assert c.x < a.x and a.x + a.width <= c.x + c.width
    assert c.y + 40 <= a.y and a.y + a.height <= c.y + c.height
    assert b.x < c.x and c.x + c.width <= b.x + b.width and c.y + c.height <= b.y + b.height
    assert board.violations() == []
    assert board.drawn_membership_errors() == []
    board.doc.undo_stack.undo()
    assert board.stored_cluster("A").parent_id is None
    assert board.stored_cluster("C").width == 400.0
    assert board.violations() == []


def test_resizing_a_frame_by_its_corner_handle(board):
    item = board.scene.cluster_item(board.ids["A"])
    corner = item.scene_rect().bottomRight() - QPointF(5, 5)
    board.drag(corner, corner + QPointF(100, 140))
    frame = board.stored_cluster("A")
    assert (frame.width, frame.height) == (560.0, 500.0)
    assert board.doc.undo_stack.undoText() == "Ändra storlek på »Trygghet«"
    # It cannot shrink past the notes it holds.
    corner = item.scene_rect().bottomRight() - QPointF(5, 5)
    board.drag(corner, QPointF(400, 100))
    frame = board.stored_cluster("A")
    assert frame.x + frame.width >= 540 + 200
    assert frame.y + frame.height >= 40 + 130


def test_a_click_without_moving_only_selects(board):
    board.click(board.note_centre("n1"))
    assert board.scene.selected_note_ids() == [board.ids["n1"]]
    assert board.doc.undo_stack.count() == 0
    board.click(board.title_point("A"))
    assert board.scene.selected_cluster_ids() == [board.ids["A"]]
    assert board.scene.selected_note_ids() == []


def test_escape_during_a_drag_puts_everything_back(board):
    start = board.note_centre("n1")
    before = board.item_pos("n1")
    board.press(start)
    board.move(start + QPointF(100, 100))
    board.move(start + QPointF(300, 100))
    board.key(Qt.Key.Key_Escape)
    board.release(start + QPointF(300, 100))
    assert board.item_pos("n1") == before
    assert board.doc.undo_stack.count() == 0


def overlaps(a, b) -> bool:
    return (
        a.x < b.x + b.width
        and b.x < a.x + a.width
        and a.y < b.y + b.height
        and b.y < a.y + a.height
    )


def test_a_frame_that_grows_under_a_drop_pushes_what_is_below_it_down(board):
    # D sits just under A (as a group's clusters do in its column), a loose note under D.
    below = board.store.add_cluster("Under", x=300.0, y=380.0, width=460.0, height=200.0)
    inside = board.store.add_note("I D", x=320.0, y=420.0, cluster_id=below.id)
    loose = board.store.add_note("Lös under", x=320.0, y=600.0)
    board.drag(board.note_centre("n1"), QPointF(530, 330))  # into A, near its bottom

    a, d = board.stored_cluster("A"), board.store.cluster(below.id)
    assert board.stored_note("n1").cluster_id == board.ids["A"]
    assert a.y + a.height > 360  # A grew to hold the note
    assert not overlaps(a, d) and d.y >= a.y + a.height + 20
    assert (d.x, d.width, d.height) == (300.0, 460.0, 200.0)
    moved = d.y - 380.0
    assert board.store.note(inside.id).y == 420.0 + moved  # D's note went with it
    assert board.store.note(loose.id).y >= d.y + d.height + 20
    assert board.scene.cluster_item(below.id).pos().y() == d.y
    assert board.doc.undo_stack.count() == 1
    assert board.doc.undo_stack.undoText() == "Lägg 1 lapp i »Trygghet«"

    board.doc.undo_stack.undo()
    assert board.store.cluster(below.id).y == 380.0
    assert board.store.note(inside.id).y == 420.0 and board.store.note(loose.id).y == 600.0
    assert board.stored_cluster("A").height == 360.0


def test_a_note_dropped_on_a_frames_side_edge_is_taken_inside_instead_of_widening_it(board):
    board.drag(board.note_centre("n1"), QPointF(745, 150))  # centre in A, right half beyond it
    a, b = board.stored_cluster("A"), board.stored_cluster("B")
    note = board.stored_note("n1")
    assert note.cluster_id == board.ids["A"]
    assert (a.x, a.width) == (300.0, 460.0)  # A did not grow into B
    assert a.x < note.x and note.x + 200 < a.x + a.width
    assert not overlaps(a, b)
    assert board.item_pos("n1") == (note.x, note.y)


def test_a_drag_that_settles_back_in_place_leaves_no_undo_step(board):
    # a1 and a2 sit at their frame's padding: dragged a little left or up, each is brought
    # back inside, to exactly where it was.
    stack = board.doc.undo_stack
    board.drag(board.note_centre("n4"), QPointF(100, 800))  # something real to undo
    undo_text = stack.undoText()
    for name, offset, place in (
        ("a1", QPointF(-15, 0), (320.0, 40.0)),
        ("a1", QPointF(0, -20), (320.0, 40.0)),
        ("a2", QPointF(0, -25), (540.0, 40.0)),
    ):
        start = board.note_centre(name)
        board.drag(start, start + offset)
        assert board.item_pos(name) == place  # drawn back where it was
        assert (board.stored_note(name).x, board.stored_note(name).y) == place
        assert stack.count() == 1 and stack.undoText() == undo_text  # no "Flytta 0 lappar"
    stack.undo()
    assert board.item_pos("n4") == (0.0, 480.0)


def test_a_drop_is_worked_out_with_the_collector_held_off_and_leaves_it_on(board, monkeypatch):
    """The collector waits while the drop's draft of the board lives (drafts.py), and runs
    again once the command is built."""
    import gc

    from samverkan_desktop.ui.board import gestures as board_gestures

    seen = []
    real_drop = board_gestures.gestures.drop

    def drop(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_drop(*args, **kwargs)

    monkeypatch.setattr(board_gestures.gestures, "drop", drop)
    board.drag(board.note_centre("n1"), QPointF(530, 260))
    assert board.stored_note("n1").cluster_id == board.ids["A"]
    assert seen == [False] and gc.isenabled()
