"""Two facilitators on one workshop (issue 14), on a PostgreSQL server or in one local file
that two windows (or two programs) have open for writing: each has a board of its own
(DocumentModel, scene and view, each with its own Store); what one does appears on the other's
board within a second, through the same change path as one's own edits. Every test runs on
both back ends (the `two_boards` fixture of conftest.py: the throwaway server of
tests/conftest.py, and a real local file read through its change log), but for those that only
make sense on a file."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QPointF, Qt

from samverkan_desktop.core import store_filewatch

from .conftest import LIVE, use
from .test_undo import shown, stored

CTRL = Qt.KeyboardModifier.ControlModifier
ON_A_FILE = pytest.mark.parametrize("two_boards", ["file"], indirect=True)


def same_everywhere(a, b) -> bool:
    """Both boards draw what the workshop holds."""
    return shown(a.scene) == shown(b.scene) and stored(a.store) == stored(b.store)


def test_a_drag_on_one_board_appears_on_the_other(qtbot, two_boards):
    a, b = two_boards
    note = a.ids["n1"]
    assert b.item_pos("n1") == (0.0, 0.0)
    a.drag(a.note_centre("n1"), QPointF(530, 260))  # into cluster A on board A
    assert a.store.note(note).cluster_id == a.ids["A"]
    moved_to = a.item_pos("n1")
    qtbot.waitUntil(lambda: b.item_pos("n1") == moved_to, timeout=LIVE)
    assert b.doc.note(note).cluster_id == a.ids["A"]
    assert b.scene.cluster_item(a.ids["A"]).notes == 3  # the count on the frame
    assert same_everywhere(a, b)
    assert b.drawn_membership_errors() == []


def test_ctrl_g_and_a_rename_on_one_board_appear_on_the_other(qtbot, two_boards):
    a, b = two_boards
    before = set(b.doc.clusters)
    use(qtbot, a)
    a.click(a.note_centre("n2"))
    a.click(a.note_centre("n3"), CTRL)
    a.key(Qt.Key.Key_G, CTRL)  # a new cluster of two, its name being typed
    new = set(a.doc.clusters) - before
    assert len(new) == 1
    (cluster,) = new
    qtbot.waitUntil(lambda: b.scene.cluster_item(cluster) is not None, timeout=LIVE)
    qtbot.waitUntil(lambda: b.doc.note(a.ids["n2"]).cluster_id == cluster, timeout=LIVE)
    assert b.doc.members(cluster) == {a.ids["n2"], a.ids["n3"]}
    assert b.scene.cluster_item(cluster).notes == 2  # the count on its frame
    a.type("Språk")
    a.key(Qt.Key.Key_Return)
    assert a.store.cluster(cluster).name == "Språk"
    qtbot.waitUntil(lambda: b.scene.cluster_item(cluster).cluster.name == "Språk", timeout=LIVE)
    qtbot.waitUntil(lambda: same_everywhere(a, b), timeout=LIVE)
    assert b.violations() == []


def test_a_change_on_the_second_board_comes_back_to_the_first(qtbot, two_boards):
    """Both ways: B's drag is on A's board, and A's own undo stack knows nothing of it."""
    a, b = two_boards
    b.drag(b.note_centre("a2"), QPointF(100, 800))  # out of cluster A on board B
    assert b.store.note(b.ids["a2"]).cluster_id is None
    qtbot.waitUntil(lambda: a.item_pos("a2") == b.item_pos("a2"), timeout=LIVE)
    assert a.doc.note(a.ids["a2"]).cluster_id is None
    assert a.doc.members(a.ids["A"]) == {a.ids["a1"]}
    assert a.scene.cluster_item(a.ids["A"]).notes == 1
    assert a.doc.undo_stack.count() == 0 and b.doc.undo_stack.count() == 1


def test_a_big_import_and_a_removal_on_one_board_appear_on_the_other(qtbot, two_boards):
    """An import of 2,000 notes on B, one commit with a removal in it: A's board then draws
    every note the workshop has, and none that B removed in the same commit. (On the server
    the change is too big to name, and is heard on A as "read everything".)"""
    a, b = two_boards
    with b.store.transaction():
        for i in range(2000):
            b.store.add_note(f"Importerad lapp {i}", x=2000.0 + (i % 30) * 200, y=i // 30 * 160.0)
        b.store.delete_notes([b.ids["n4"]])
    qtbot.waitUntil(lambda: len(a.doc.notes) == len(b.doc.notes), timeout=5 * LIVE)
    assert a.scene.note_item(a.ids["n4"]) is None
    assert set(a.doc.notes) == {n.id for n in a.store.notes()}
    assert len(list(a.scene.note_items())) == len(a.doc.notes) == 7 - 1 + 2000


@ON_A_FILE
def test_a_change_too_big_to_name_reloads_the_other_board(qtbot, two_boards, monkeypatch):
    """A commit whose ids are too many for the file's change log is logged as "read
    everything": A's board then draws every note the file has, and none that B removed with
    it."""
    monkeypatch.setattr(store_filewatch, "_MOST_BYTES", 100)
    a, b = two_boards
    with b.store.transaction():
        for i in range(60):
            b.store.add_note(f"Importerad lapp {i}", x=2000.0 + (i % 30) * 200, y=i // 30 * 160.0)
        b.store.delete_notes([b.ids["n4"]])
    con = sqlite3.connect(b.path)
    try:  # the commit's log row names no ids
        assert con.execute("SELECT ids FROM change_log ORDER BY id DESC LIMIT 1").fetchone() == (
            "",
        )
    finally:
        con.close()
    qtbot.waitUntil(lambda: len(a.doc.notes) == len(b.doc.notes), timeout=LIVE)
    assert a.scene.note_item(a.ids["n4"]) is None
    assert set(a.doc.notes) == {n.id for n in a.store.notes()}
    assert len(list(a.scene.note_items())) == 7 - 1 + 60
    assert same_everywhere(a, b)


# ------------------------------------------------------------------ per-person undo
def test_undo_is_refused_when_someone_else_moved_the_note_since(qtbot, two_boards):
    a, b = two_boards
    note = a.ids["n1"]
    use(qtbot, a)
    a.drag(a.note_centre("n1"), QPointF(100, 800))
    qtbot.waitUntil(lambda: b.item_pos("n1") == a.item_pos("n1"), timeout=LIVE)
    use(qtbot, b)
    b.drag(b.note_centre("n1"), QPointF(560, 800))  # the same note, somewhere else
    where_b_put_it = b.item_pos("n1")
    qtbot.waitUntil(lambda: a.item_pos("n1") == where_b_put_it, timeout=LIVE)

    use(qtbot, a)
    with qtbot.waitSignal(a.doc.errorOccurred) as said:
        a.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert said.args == [
        "Kan inte ångra ”Flytta 1 lapp”: någon annan har ändrat lappen ”Lös lapp 1” sedan dess."
    ]
    # Not applied on top of B's move: the note stays where B put it, on both boards.
    assert (a.store.note(note).x, a.store.note(note).y) == where_b_put_it
    assert a.item_pos("n1") == b.item_pos("n1") == where_b_put_it
    # A's move is no longer A's to take back; nothing is left to undo or redo.
    assert not a.doc.undo_stack.canUndo() and not a.doc.undo_stack.canRedo()
    qtbot.wait(200)  # nothing more arrives on B: the refused undo wrote nothing
    assert b.item_pos("n1") == where_b_put_it

    # B's own undo is B's: the note goes back to where A had put it, on both boards.
    use(qtbot, b)
    b.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert b.item_pos("n1") != where_b_put_it
    qtbot.waitUntil(lambda: a.item_pos("n1") == b.item_pos("n1"), timeout=LIVE)
    assert a.drawn_membership_errors() == [] and b.drawn_membership_errors() == []


def test_undo_and_redo_of_ones_own_moves_still_work_on_a_shared_workshop(qtbot, two_boards):
    """Someone else's change to other notes does not stand in the way."""
    a, b = two_boards
    start = a.item_pos("n1")
    use(qtbot, a)
    a.drag(a.note_centre("n1"), QPointF(100, 800))
    moved = a.item_pos("n1")
    a.drag(a.note_centre("n2"), QPointF(560, 800))
    use(qtbot, b)
    b.drag(b.note_centre("n3"), QPointF(1000, 800))  # another note
    qtbot.waitUntil(lambda: a.item_pos("n3") == b.item_pos("n3"), timeout=LIVE)
    use(qtbot, a)
    a.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    a.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert a.item_pos("n1") == start and a.doc.undo_stack.index() == 0
    qtbot.waitUntil(lambda: b.item_pos("n1") == start, timeout=LIVE)
    a.key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert a.item_pos("n1") == moved
    qtbot.waitUntil(lambda: b.item_pos("n1") == moved, timeout=LIVE)


def test_redo_is_refused_when_someone_else_renamed_the_cluster_since(qtbot, two_boards):
    a, b = two_boards
    cluster = a.ids["A"]
    use(qtbot, a)
    a.type_name("A", "Ljus")
    a.key(Qt.Key.Key_Return)
    assert a.store.cluster(cluster).name == "Ljus"
    a.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert a.store.cluster(cluster).name == "Trygghet"
    b.store.update_cluster(cluster, name="Trygga platser")  # B renames it meanwhile
    qtbot.waitUntil(lambda: a.doc.cluster(cluster).name == "Trygga platser", timeout=LIVE)
    with qtbot.waitSignal(a.doc.errorOccurred) as said:
        a.key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert said.args[0].startswith("Kan inte göra om ")
    assert said.args[0].endswith(": någon annan har ändrat klustret ”Trygga platser” sedan dess.")
    assert a.store.cluster(cluster).name == "Trygga platser"
    assert a.scene.cluster_item(cluster).cluster.name == "Trygga platser"
    assert not a.doc.undo_stack.canRedo()


def test_the_boards_own_writes_outside_undo_keep_its_undo_but_not_someone_elses_change(
    qtbot, two_boards
):
    """Room made for a larger text size is written outside the undo history
    (versions.own_writes): it never makes the board's own undo refuse itself, and it never
    hides a change someone else made in between."""
    from samverkan_desktop.ui import versions

    a, b = two_boards
    start = a.item_pos("n1")
    use(qtbot, a)
    a.drag(a.note_centre("n1"), QPointF(100, 800))
    with versions.own_writes(a.doc):  # as appearance.make_room does
        a.store.update_notes({a.ids["n1"]: {"x": 40.0}})
    a.key(Qt.Key.Key_Z, CTRL)
    assert a.item_pos("n1") == start and not a.doc.undo_stack.canUndo()

    a.key(Qt.Key.Key_Y, CTRL)  # the move again, then B moves the same note
    b.store.update_notes({b.ids["n1"]: {"y": 1000.0}})
    qtbot.waitUntil(lambda: a.item_pos("n1")[1] == 1000.0, timeout=LIVE)
    with versions.own_writes(a.doc):
        a.store.update_notes({a.ids["n1"]: {"x": 80.0}})
    with qtbot.waitSignal(a.doc.errorOccurred) as said:
        a.key(Qt.Key.Key_Z, CTRL)
    assert said.args[0].endswith("någon annan har ändrat lappen ”Lös lapp 1” sedan dess.")
    assert (a.store.note(a.ids["n1"]).x, a.store.note(a.ids["n1"]).y) == (80.0, 1000.0)
