"""No lost update (issue 14): a gesture on a board that has not yet heard someone else's
change to the same note or cluster (it is within the live second) is refused with one line
naming what changed, writes nothing and leaves the undo stack as it was; the board then shows
the row as it is. A change to fields the other did not touch is made on top of theirs.

Board B is kept from hearing A's commits (`deaf`) for as long as it takes to make its gesture,
so the test does not depend on how fast the server's notifications come: what B shows is what
B had heard when the user acted. Every test runs on both back ends (the `two_boards` fixture of
conftest.py): one workshop on the throwaway server of tests/conftest.py, and one local file
that both boards have open shared (two windows)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QPointF, Qt

from .conftest import LIVE, Board, use

CTRL = Qt.KeyboardModifier.ControlModifier


@contextlib.contextmanager
def deaf(board: Board) -> Iterator[None]:
    """The board hears nothing of the others' commits meanwhile: the moment between
    someone's commit and its notification reaching this board, drawn out."""
    doc = board.doc
    doc._heard.disconnect(doc._on_heard)
    try:
        yield
    finally:
        doc._heard.connect(doc._on_heard)


def stack(board: Board) -> tuple[int, int, str, str]:
    s = board.doc.undo_stack
    return s.count(), s.index(), s.undoText(), s.redoText()


def said_once(qtbot, board: Board, act) -> list[str]:
    """What the status bar is told while `act` runs (the board's messages)."""
    lines: list[str] = []
    board.doc.errorOccurred.connect(lines.append)
    try:
        act()
    finally:
        board.doc.errorOccurred.disconnect(lines.append)
    return lines


def test_a_drag_of_a_note_someone_else_has_just_moved_is_refused(qtbot, two_boards):
    a, b = two_boards
    note = a.ids["n1"]
    # B has made a move of its own and taken it back: one step to redo.
    use(qtbot, b)
    b.drag(b.note_centre("n3"), QPointF(100, 800))
    b.key(Qt.Key.Key_Z, CTRL)
    before = stack(b)
    assert before[0] == 1 and before[3] == "Flytta 1 lapp"
    with deaf(b):
        use(qtbot, a)
        a.drag(a.note_centre("n1"), QPointF(1000, 800))
        where_a_put_it = a.item_pos("n1")
        shown_on_b = b.item_pos("n1")
        assert shown_on_b != where_a_put_it  # B has not heard of it
        use(qtbot, b)
        said = said_once(qtbot, b, lambda: b.drag(b.note_centre("n1"), QPointF(560, 800)))
        # B is shown the note where A put it at once, not only when the notification comes.
        assert b.item_pos("n1") == where_a_put_it
    assert said == [
        "”Flytta 1 lapp” gjordes inte: någon annan ändrade lappen ”Lös lapp 1” just nu. "
        "Lappen visas nu som den är."
    ]
    # Nothing of B's drag was written: the note is where A put it.
    stored = b.store.note(note)
    assert (stored.x, stored.y) == where_a_put_it
    assert stack(b) == before  # the refused drag is not on the stack; B's redo is still there
    qtbot.wait(200)  # and nothing arrives on A: B wrote nothing
    assert a.item_pos("n1") == where_a_put_it
    assert a.doc.undo_stack.count() == 1
    # B's next drag of the note, now based on what B sees, goes through.
    b.drag(b.note_centre("n1"), QPointF(560, 800))
    qtbot.waitUntil(lambda: a.item_pos("n1") == b.item_pos("n1"), timeout=LIVE)
    assert b.doc.undo_stack.undoText() == "Flytta 1 lapp" and not b.doc.undo_stack.canRedo()
    assert a.drawn_membership_errors() == [] and b.drawn_membership_errors() == []


def test_a_rename_of_a_cluster_someone_else_has_just_renamed_is_refused(qtbot, two_boards):
    a, b = two_boards
    cluster = a.ids["A"]
    with deaf(b):
        use(qtbot, a)
        a.type_name("A", "Ljus")
        a.key(Qt.Key.Key_Return)
        assert a.store.cluster(cluster).name == "Ljus"
        use(qtbot, b)
        b.type_name("A", "Trygga platser")
        said = said_once(qtbot, b, lambda: b.key(Qt.Key.Key_Return))
        assert b.scene.cluster_item(cluster).cluster.name == "Ljus"
    assert said == [
        "”Byt namn till »Trygga platser«” gjordes inte: någon annan ändrade klustret ”Ljus” "
        "just nu. Klustret visas nu som det är."
    ]
    assert b.store.cluster(cluster).name == "Ljus"
    assert b.doc.undo_stack.count() == 0


def test_a_vote_on_a_note_whose_text_someone_else_has_just_edited_adds_to_it(qtbot, two_boards):
    """Different fields of one note: B's vote is made on top of A's new text, and B's undo
    takes back the vote only."""
    a, b = two_boards
    note = a.ids["n2"]
    with deaf(b):
        use(qtbot, a)
        a.double_click(a.note_centre("n2"))
        a.type("Lös lapp två")
        a.key(Qt.Key.Key_Return)
        assert a.store.note(note).text == "Lös lapp två"
        use(qtbot, b)
        assert b.doc.note(note).text == "Lös lapp 2"
        b.click(b.note_centre("n2"))
        said = said_once(qtbot, b, lambda: b.key(Qt.Key.Key_Plus))
    assert said == []
    stored = b.store.note(note)
    assert (stored.text, stored.votes) == ("Lös lapp två", 1)
    assert b.scene.note_item(note).note.text == "Lös lapp två"  # B reads the row it wrote
    assert b.doc.undo_stack.undoText() == "Ändra prickröster på 1 lapp"
    qtbot.waitUntil(lambda: a.scene.note_item(note).note.votes == 1, timeout=LIVE)
    assert a.scene.note_item(note).note.text == "Lös lapp två"
    b.key(Qt.Key.Key_Z, CTRL)
    stored = b.store.note(note)
    assert (stored.text, stored.votes) == ("Lös lapp två", 0)


def test_a_vote_on_a_note_someone_else_has_just_voted_on_is_refused(qtbot, two_boards):
    """The same field: B's count was made from 0, A's vote would be lost under it."""
    a, b = two_boards
    note = a.ids["n2"]
    with deaf(b):
        use(qtbot, a)
        a.click(a.note_centre("n2"))
        a.key(Qt.Key.Key_Plus)
        use(qtbot, b)
        b.click(b.note_centre("n2"))
        said = said_once(qtbot, b, lambda: b.key(Qt.Key.Key_Plus))
    assert said == [
        "”Ändra prickröster på 1 lapp” gjordes inte: någon annan ändrade lappen ”Lös lapp 2” "
        "just nu. Lappen visas nu som den är."
    ]
    assert b.store.note(note).votes == 1
    assert b.scene.note_item(note).note.votes == 1
    # Pressed again, now on what B sees: two votes, one each.
    b.key(Qt.Key.Key_Plus)
    assert b.store.note(note).votes == 2


def test_a_move_of_a_frame_someone_else_has_just_renamed_keeps_their_name(qtbot, two_boards):
    a, b = two_boards
    cluster = a.ids["A"]
    with deaf(b):
        a.store.update_cluster(cluster, name="Ljus")  # A renames it (A's own store)
        use(qtbot, b)
        start = b.item_pos("A")
        title = b.title_point("A")
        said = said_once(qtbot, b, lambda: b.drag(title, title + QPointF(0, 300)))
    assert said == []
    stored = b.store.cluster(cluster)
    assert stored.name == "Ljus" and (stored.x, stored.y) != start
    qtbot.waitUntil(lambda: a.item_pos("A") == b.item_pos("A"), timeout=LIVE)
    assert b.scene.cluster_item(cluster).cluster.name == "Ljus"
    assert a.drawn_membership_errors() == [] and b.drawn_membership_errors() == []


def test_a_drag_of_a_note_someone_else_has_just_deleted_is_refused(qtbot, two_boards):
    a, b = two_boards
    note = a.ids["n4"]
    with deaf(b):
        use(qtbot, a)
        a.click(a.note_centre("n4"))
        a.key(Qt.Key.Key_Delete)
        assert note not in a.doc.notes
        use(qtbot, b)
        said = said_once(qtbot, b, lambda: b.drag(b.note_centre("n4"), QPointF(100, 900)))
        assert b.scene.note_item(note) is None  # gone from B's board too
    assert said == ["”Flytta 1 lapp” gjordes inte: någon annan tog bort lappen just nu."]
    assert note not in {n.id for n in b.store.notes()}
    assert b.doc.undo_stack.count() == 0


def test_deleting_a_note_someone_else_has_just_edited_is_refused(qtbot, two_boards):
    """A removal is based on the whole note: A's new text would go with it unseen."""
    a, b = two_boards
    note = a.ids["n3"]
    with deaf(b):
        a.store.update_note(note, colour="#ffd966")  # A colours it (A's own store)
        use(qtbot, b)
        b.click(b.note_centre("n3"))
        said = said_once(qtbot, b, lambda: b.key(Qt.Key.Key_Delete))
    assert len(said) == 1 and said[0].startswith("”Ta bort 1 lapp” gjordes inte: ")
    assert b.store.note(note).colour == "#ffd966"
    assert b.scene.note_item(note).note.colour == "#ffd966"
    assert b.doc.undo_stack.count() == 0


def test_a_vote_on_a_note_someone_else_has_just_made_taller_is_refused(qtbot, two_boards):
    """Different fields, but the vote made room for the note as tall as B saw it: on A's longer
    text it would reach over what is below it, so it is refused rather than made on top."""
    a, b = two_boards
    note = a.ids["n1"]
    longer = "Lös lapp 1 " + "med mycket mer att säga om saken " * 4
    with deaf(b):
        a.store.update_note(note, text=longer)
        use(qtbot, b)
        b.click(b.note_centre("n1"))
        said = said_once(qtbot, b, lambda: b.key(Qt.Key.Key_Plus))
    assert len(said) == 1 and said[0].startswith("”Ändra prickröster på 1 lapp” gjordes inte: ")
    assert b.store.note(note).votes == 0
    assert b.scene.note_item(note).note.text == longer


# ------------------------------------------------------------------ heard while the gesture goes on
def test_a_rename_typed_while_someone_else_renamed_the_cluster_is_refused(qtbot, two_boards):
    """The rename is based on the name as it was when the editor opened: A's rename, heard
    while B was typing, is not overwritten by B's Enter."""
    a, b = two_boards
    cluster = a.ids["A"]
    use(qtbot, b)
    b.type_name("A", "Trygga platser")
    a.store.update_cluster(cluster, name="Ljus")
    qtbot.waitUntil(lambda: b.doc.cluster(cluster).name == "Ljus", timeout=LIVE)
    said = said_once(qtbot, b, lambda: b.key(Qt.Key.Key_Return))
    assert said == [
        "”Byt namn till »Trygga platser«” gjordes inte: någon annan ändrade klustret ”Ljus” "
        "just nu. Klustret visas nu som det är."
    ]
    assert b.store.cluster(cluster).name == "Ljus"
    assert b.scene.cluster_item(cluster).cluster.name == "Ljus"
    assert b.doc.undo_stack.count() == 0


def test_a_text_typed_while_someone_else_changed_the_note_is_refused(qtbot, two_boards):
    a, b = two_boards
    note = a.ids["n1"]
    use(qtbot, b)
    b.double_click(b.note_centre("n1"))
    b.type("Bristande språkstöd")
    a.store.update_note(note, text="Lös lapp ett")
    qtbot.waitUntil(lambda: b.doc.note(note).text == "Lös lapp ett", timeout=LIVE)
    said = said_once(qtbot, b, lambda: b.key(Qt.Key.Key_Return))
    assert said == [
        "”Ändra lappens text” gjordes inte: någon annan ändrade lappen ”Lös lapp ett” just nu. "
        "Lappen visas nu som den är."
    ]
    assert b.store.note(note).text == "Lös lapp ett"
    assert b.scene.note_item(note).note.text == "Lös lapp ett"


def test_a_drag_during_which_someone_else_moved_the_note_is_refused(qtbot, two_boards):
    a, b = two_boards
    note = a.ids["n1"]
    use(qtbot, b)
    start = b.note_centre("n1")
    b.press(start)
    b.move(start + QPointF(30, 30))
    b.move(start + QPointF(60, 400))
    a.store.update_note(note, x=-400.0, y=900.0)
    qtbot.waitUntil(lambda: b.doc.note(note).x == -400.0, timeout=LIVE)
    said = said_once(qtbot, b, lambda: b.release(start + QPointF(60, 400)))
    assert len(said) == 1 and said[0].startswith("”Flytta 1 lapp” gjordes inte: ")
    stored = b.store.note(note)
    assert (stored.x, stored.y) == (-400.0, 900.0)
    assert b.item_pos("n1") == (-400.0, 900.0)
    assert b.doc.undo_stack.count() == 0


def test_moving_a_frame_someone_else_has_just_put_a_note_in_is_refused(qtbot, two_boards):
    """The frame's own row is as B saw it, but it holds a note more: moved as B saw it, the
    frame would leave A's note behind, outside it."""
    a, b = two_boards
    cluster = a.ids["A"]
    frame = a.store.cluster(cluster)
    with deaf(b):
        use(qtbot, a)
        a.drag(a.note_centre("n1"), QPointF(420, 260))  # into frame A, which has room
        assert a.store.note(a.ids["n1"]).cluster_id == cluster
        assert a.store.cluster(cluster) == frame  # A's drop did not touch the frame's row
        use(qtbot, b)
        title = b.title_point("A")
        said = said_once(qtbot, b, lambda: b.drag(title, title + QPointF(0, 500)))
        assert b.doc.note(a.ids["n1"]).cluster_id == cluster  # B now shows the note in it
    assert said == [
        "”Flytta »Trygghet«” gjordes inte: någon annan ändrade klustret ”Trygghet” just nu. "
        "Klustret visas nu som det är."
    ]
    assert b.store.cluster(cluster) == frame
    assert b.item_pos("n1") == a.item_pos("n1")
    assert b.drawn_membership_errors() == []
    assert b.doc.undo_stack.count() == 0
