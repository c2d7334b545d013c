"""Nothing overlaps after any gesture (issue 9).

Every gesture a facilitator makes - a drop, a frame dropped on a frame, Ctrl+G, tidy, a new
note, a split, merging notes or clusters, undo, redo, an accepted suggestion, an import - leaves
a board on which nothing overlaps what it does not belong to, no title bar is covered, and every
note is drawn inside a frame exactly when the file says it belongs to it. Ctrl+Z brings the file
back as it was, Ctrl+Y as it was after, and the board draws what the file says each time.

Driven as a user drives the board: mouse presses, moves and releases on the view's viewport,
key presses for the shortcuts; the places and memberships are read back from the SQLite file.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from samverkan_desktop.core.board.geometry import GAP, NOTE_W, PAD, TITLE_H
from samverkan_desktop.core.store import Store
from samverkan_desktop.core.text_split import split_point
from samverkan_desktop.ui.board import BoardScene

from .conftest import Board, drawn_membership_errors, drawn_violations

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("SAMVERKAN_SCREENSHOTS")  # a folder for the session's two screenshots

Places = tuple[dict[int, tuple], dict[int, tuple]]


# ----------------------------------------------------------------- what the file and board say
def places(store: Store) -> Places:
    """Every note's place, home and text and every frame's rect, parent and name, from the file."""
    notes = {n.id: (n.x, n.y, n.cluster_id, n.text) for n in store.notes()}
    clusters = {c.id: (c.x, c.y, c.width, c.height, c.parent_id, c.name) for c in store.clusters()}
    return notes, clusters


def drawn_unlike_file(store: Store, scene: BoardScene) -> list[str]:
    """Items drawn somewhere else than the file has them, or drawn for nothing in the file."""
    errors = []
    notes, clusters = {n.id: n for n in store.notes()}, {c.id: c for c in store.clusters()}
    for nid, note in notes.items():
        item = scene.note_item(nid)
        if item is None or (item.pos().x(), item.pos().y()) != (note.x, note.y):
            errors.append(f"note {nid} in the file at ({note.x}, {note.y}), drawn elsewhere")
    for cid, c in clusters.items():
        item = scene.cluster_item(cid)
        if item is None or item.scene_rect() != QRectF(c.x, c.y, c.width, c.height):
            errors.append(
                f"frame {cid} in the file at {(c.x, c.y, c.width, c.height)}, drawn "
                f"{item.scene_rect().getRect() if item else 'nowhere'}"
            )
    errors += [
        f"note {i.note_id} drawn, not in the file"
        for i in scene.note_items()
        if i.note_id not in notes
    ]
    errors += [
        f"frame {i.cluster_id} drawn, not in the file"
        for i in scene.cluster_items()
        if i.cluster_id not in clusters
    ]
    return errors


def assert_clean(board: Board, step: str) -> None:
    """The issue's promise, on what is drawn: nothing overlaps, membership as drawn."""
    assert board.violations() == [], step
    assert board.drawn_membership_errors() == [], step
    assert drawn_unlike_file(board.store, board.scene) == [], step


def assert_window_clean(window, step: str) -> None:
    store, scene = window.doc.store, window.scene
    assert drawn_violations(store, scene) == [], step
    assert drawn_membership_errors(store, scene) == [], step
    assert drawn_unlike_file(store, scene) == [], step


# ----------------------------------------------------------------- the hands
def add_history_keys(board: Board) -> None:
    """Ångra and Gör om as the main window makes them: Ctrl+Z and Ctrl+Y."""
    stack = board.doc.undo_stack
    undo = stack.createUndoAction(board.view)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(board.view)
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    board.view.addActions([undo, redo])


def note_pt(board: Board, nid: int) -> QPointF:
    item = board.scene.note_item(nid)
    assert item is not None, f"note {nid} is not drawn"
    return item.scene_rect().center()


def title_pt(board: Board, cid: int) -> QPointF:
    item = board.scene.cluster_item(cid)
    assert item is not None, f"frame {cid} is not drawn"
    return item.pos() + QPointF(item.rect().width() / 2, TITLE_H / 2)


def frame_rect(board: Board, cid: int) -> QRectF:
    item = board.scene.cluster_item(cid)
    assert item is not None, f"frame {cid} is not drawn"
    return item.scene_rect()


def show(board: Board, *points: QPointF) -> None:
    """Scroll (and zoom out, if need be) so that every point is on screen, as a user would
    before pressing there."""
    view = board.view
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    area = view.viewport().rect()
    width, height = max(xs) - min(xs) + 160, max(ys) - min(ys) + 160
    zoom = min(view.zoom(), area.width() / width, area.height() / height)
    if zoom < view.zoom():
        view.set_zoom(zoom)
    view.centerOn(QPointF((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2))
    for p in points:
        assert area.contains(board.at(p.x(), p.y())), f"({p.x()}, {p.y()}) is off screen"


def select(board: Board, notes: tuple[int, ...] = (), frames: tuple[int, ...] = ()) -> None:
    """Click the first, Ctrl-click the rest (notes on their middle, frames on their title)."""
    points = [note_pt(board, n) for n in notes] + [title_pt(board, c) for c in frames]
    show(board, *points)
    board.click(points[0])
    for p in points[1:]:
        board.click(p, CTRL)
    assert board.scene.selected_note_ids() == sorted(notes)
    assert board.scene.selected_cluster_ids() == sorted(frames)


def drag(board: Board, start: QPointF, end: QPointF) -> None:
    show(board, start, end)
    board.drag(start, end)


def new_note(board: Board, at: QPointF, text: str) -> int:
    """Double-click on the board, type, Enter; returns the new note's id."""
    before = {n.id for n in board.store.notes()}
    show(board, at)
    board.double_click(at)
    assert board.scene.active_editor() is not None, "no editor opened for a new note"
    board.type(text)
    board.key(Qt.Key.Key_Return)
    [new] = {n.id for n in board.store.notes()} - before
    assert board.store.note(new).text == text
    return new


def group_and_name(board: Board, name: str) -> int:
    """Ctrl+G on the selection, type the new cluster's name, Enter; returns its id."""
    before = {c.id for c in board.store.clusters()}
    board.key(Qt.Key.Key_G, CTRL)
    [new] = {c.id for c in board.store.clusters()} - before
    board.type(name)
    board.key(Qt.Key.Key_Return)
    assert board.store.cluster(new).name == name
    return new


def pick_from_context_menu(board: Board, at: QPointF, path: tuple[str, ...]) -> None:
    """Right-click at `at` and click through the menus by their texts."""
    clicked: list[str] = []

    def click_next() -> None:
        menu = QApplication.activePopupWidget()
        wanted = path[len(clicked)]
        found = [a for a in menu.actions() if a.text() == wanted] if isinstance(menu, QMenu) else []
        if not found:  # the menu (or the submenu) is not open yet
            QTimer.singleShot(20, click_next)
            return
        clicked.append(wanted)
        QTest.mouseClick(
            menu, LEFT, Qt.KeyboardModifier.NoModifier, menu.actionGeometry(found[0]).center()
        )
        if len(clicked) < len(path):
            QTimer.singleShot(20, click_next)

    show(board, at)
    QTimer.singleShot(20, click_next)
    viewport, pos = board.view.viewport(), board.at(at.x(), at.y())
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, pos)
    # The window system turns the right click into this event; QTest does not.
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    )
    board.qtbot.waitUntil(
        lambda: len(clicked) == len(path) and QApplication.activePopupWidget() is None
    )
    # The offscreen platform leaves the closed menu the active window; a user's next click
    # on the board makes the board's window active again.
    board.view.activateWindow()
    board.qtbot.waitUntil(lambda: QApplication.activeWindow() is board.view)


def members(board: Board, cid: int) -> set[int]:
    return {n.id for n in board.store.notes() if n.cluster_id == cid}


def in_grid(board: Board, cid: int) -> bool:
    """The frame's own notes in rows (columns a note and a gap apart, from the frame's left
    padding), the first row right under the title, no row with a hole before its last note."""
    frame = board.store.cluster(cid)
    notes = [n for n in board.store.notes() if n.cluster_id == cid]
    cols = [(n.x - frame.x - PAD) / (NOTE_W + GAP) for n in notes]
    rows: dict[float, list[float]] = {}
    for n, col in zip(notes, cols, strict=True):
        rows.setdefault(n.y, []).append(col)
    return (
        all(c == int(c) and c >= 0 for c in cols)
        and min(rows) == frame.y + TITLE_H
        and all(sorted(r) == list(range(len(r))) for r in rows.values())
    )


# ----------------------------------------------------------------- one gesture, undo, redo
class Mark:
    """What the file held just before the gesture proper (after any preparing steps)."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self()

    def __call__(self) -> None:
        self.before = places(self.board.store)
        self.index = self.board.doc.undo_stack.index()


Gesture = Callable[[Board, Mark], None]


def gesture_undo_redo(board: Board, gesture: Gesture, name: str) -> None:
    """Perform `gesture` (it asserts what it did), check the board; Ctrl+Z as often as the
    gesture made steps, check and compare with the file before; Ctrl+Y as often, check and
    compare with the file after."""
    add_history_keys(board)
    assert_clean(board, f"{name}: before")
    mark = Mark(board)
    gesture(board, mark)
    steps = board.doc.undo_stack.index() - mark.index
    assert steps >= 1, f"{name} made no undoable step"
    after = places(board.store)
    assert after != mark.before, f"{name} changed nothing in the file"
    assert_clean(board, name)

    board.view.setFocus()
    for _ in range(steps):
        board.key(Qt.Key.Key_Z, CTRL)
    assert places(board.store) == mark.before, f"{name}: Ctrl+Z did not bring the file back"
    assert_clean(board, f"{name}: undone")
    for _ in range(steps):
        board.key(Qt.Key.Key_Y, CTRL)
    assert places(board.store) == after, f"{name}: Ctrl+Y did not bring the gesture back"
    assert_clean(board, f"{name}: redone")


# ----------------------------------------------------------------- gestures on the small board
# Loose n1..n4 in a column at x 0; frame A (300, 0, 460x360) with a1, a2 side by side;
# frame B (800, 0, 440x620) holding frame C (820, 300, 400x300) with c1.
def small_two_notes_into_a(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["n1"], ids["n3"]))
    drag(board, board.note_centre("n1"), QPointF(530, 260))  # into A's free room
    assert members(board, ids["A"]) == {ids["a1"], ids["a2"], ids["n1"], ids["n3"]}


def small_note_onto_a_note_in_a(board: Board, mark: Mark) -> None:
    ids = board.ids
    drag(board, board.note_centre("n2"), board.note_centre("a1"))  # right on top of a1
    assert board.stored_note("n2").cluster_id == ids["A"]


def small_three_notes_into_nested_c(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["n1"], ids["n2"], ids["n3"]))
    drag(board, board.note_centre("n2"), board.note_centre("c1"))  # onto c1, inside C in B
    assert members(board, ids["C"]) == {ids["c1"], ids["n1"], ids["n2"], ids["n3"]}


def small_two_notes_out_onto_a_loose_note(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["a1"], ids["a2"]))
    drag(board, board.note_centre("a1"), board.note_centre("n4"))  # a1 lands on n4
    assert members(board, ids["A"]) == set()
    assert board.stored_note("a1").cluster_id is None
    assert board.stored_note("a2").cluster_id is None


def small_frame_onto_smaller_frame(board: Board, mark: Mark) -> None:
    ids = board.ids
    drag(board, board.title_point("A"), QPointF(1020, 150))  # A (460 wide) into B above C
    assert board.stored_cluster("A").parent_id == ids["B"]
    assert members(board, ids["A"]) == {ids["a1"], ids["a2"]}


def small_frame_onto_a_note_inside_a_frame(board: Board, mark: Mark) -> None:
    ids = board.ids
    drag(board, board.title_point("A"), board.note_centre("c1"))  # A onto C's note
    assert board.stored_cluster("A").parent_id == ids["C"]


def small_frame_out_of_its_parent(board: Board, mark: Mark) -> None:
    drag(board, board.title_point("C"), QPointF(1010, 800))
    assert board.stored_cluster("C").parent_id is None


def small_ctrl_g_loose_notes(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["n2"], ids["n4"]))
    new = group_and_name(board, "Språk")
    assert members(board, new) == {ids["n2"], ids["n4"]}


def small_ctrl_g_notes_of_two_frames(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["a1"], ids["c1"]))
    new = group_and_name(board, "Blandat")
    assert members(board, new) == {ids["a1"], ids["c1"]}


def small_ctrl_g_a_frame_and_a_note(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["n1"],), frames=(ids["A"],))
    new = group_and_name(board, "Allt")
    assert board.stored_cluster("A").parent_id == new
    assert members(board, new) == {ids["n1"]}


def small_tidy_a_frame_holding_a_frame(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, frames=(ids["B"],))
    board.key(Qt.Key.Key_O, CTRL | SHIFT)
    b, c = board.stored_cluster("B"), board.stored_cluster("C")
    assert (c.x, c.y) == (b.x + PAD, b.y + TITLE_H)  # C right under B's title now
    assert board.doc.undo_stack.undoText() == "Ordna »Samverkan«"


def small_tidy_after_a_drop(board: Board, mark: Mark) -> None:
    ids = board.ids
    drag(board, board.note_centre("n1"), QPointF(330, 300))  # in A's bottom left corner
    mark()
    select(board, frames=(ids["A"],))
    board.key(Qt.Key.Key_O, CTRL | SHIFT)
    assert in_grid(board, ids["A"])


def small_new_note_on_empty_board(board: Board, mark: Mark) -> None:
    new = new_note(board, QPointF(150, 850), "Ny idé")
    assert board.store.note(new).cluster_id is None


def small_new_note_between_two_notes(board: Board, mark: Mark) -> None:
    new = new_note(board, QPointF(100, 145), "Mellan två")  # across n1's foot and n2's head
    assert board.store.note(new).cluster_id is None


def small_new_note_in_a_frame(board: Board, mark: Mark) -> None:
    new = new_note(board, QPointF(530, 260), "I ramen")
    assert board.store.note(new).cluster_id == board.ids["A"]


def small_new_note_at_a_frames_bottom_edge(board: Board, mark: Mark) -> None:
    new = new_note(board, QPointF(400, 345), "Vid kanten")  # would hang out under A
    assert board.store.note(new).cluster_id == board.ids["A"]


def small_split_a_note_at_a_frames_right(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["a2"],))  # "Fler vuxna ute": the second half would go right of A
    board.key(Qt.Key.Key_D, CTRL | SHIFT)
    texts = sorted(board.store.note(n).text for n in members(board, ids["A"]))
    assert texts == sorted(["Belysning!", "Fler", "vuxna ute"])


def small_split_a_loose_note(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["n1"],))
    board.key(Qt.Key.Key_D, CTRL | SHIFT)
    loose = sorted(n.text for n in board.store.notes() if n.cluster_id is None)
    assert "Lös" in loose and "lapp 1" in loose


def small_merge_notes(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, notes=(ids["n1"], ids["a1"]))
    board.key(Qt.Key.Key_J, CTRL)
    texts = [n.text for n in board.store.notes()]
    assert len(texts) == 6
    assert any("Lös lapp 1" in t and "Belysning!" in t for t in texts)


def small_merge_clusters(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, frames=(ids["A"], ids["C"]))
    board.key(Qt.Key.Key_J, CTRL | SHIFT)
    assert {c.name for c in board.store.clusters()} == {"Trygghet", "Samverkan"}
    kept = board.doc.undo_stack.command(board.doc.undo_stack.index() - 1).target
    assert members(board, kept) == {ids["a1"], ids["a2"], ids["c1"]}


def small_merge_a_frame_with_its_child(board: Board, mark: Mark) -> None:
    ids = board.ids
    select(board, frames=(ids["B"], ids["C"]))
    board.key(Qt.Key.Key_J, CTRL | SHIFT)
    assert len(board.store.clusters()) == 2
    assert board.stored_note("c1").cluster_id in {ids["B"], ids["C"]}


SMALL: dict[str, Gesture] = {
    "drop two notes into a frame": small_two_notes_into_a,
    "drop a note onto a note in a frame": small_note_onto_a_note_in_a,
    "drop three notes into a nested frame": small_three_notes_into_nested_c,
    "drag two notes out onto a loose note": small_two_notes_out_onto_a_loose_note,
    "nest: frame onto a smaller frame": small_frame_onto_smaller_frame,
    "nest: frame onto a note in a nested frame": small_frame_onto_a_note_inside_a_frame,
    "frame out of its parent": small_frame_out_of_its_parent,
    "Ctrl+G loose notes": small_ctrl_g_loose_notes,
    "Ctrl+G notes of two frames": small_ctrl_g_notes_of_two_frames,
    "Ctrl+G a frame and a note": small_ctrl_g_a_frame_and_a_note,
    "tidy a frame holding a frame": small_tidy_a_frame_holding_a_frame,
    "tidy after a drop": small_tidy_after_a_drop,
    "new note on empty board": small_new_note_on_empty_board,
    "new note between two notes": small_new_note_between_two_notes,
    "new note in a frame": small_new_note_in_a_frame,
    "new note at a frame's bottom edge": small_new_note_at_a_frames_bottom_edge,
    "split a note at a frame's right": small_split_a_note_at_a_frames_right,
    "split a loose note": small_split_a_loose_note,
    "merge notes": small_merge_notes,
    "merge clusters": small_merge_clusters,
    "merge a frame with its child": small_merge_a_frame_with_its_child,
}


@pytest.mark.parametrize("name", list(SMALL))
def test_on_the_small_board_nothing_overlaps_after_the_gesture_its_undo_and_redo(board, name):
    gesture_undo_redo(board, SMALL[name], name)


# ----------------------------------------------------------------- gestures on the sample
# The Örebro sample: loose notes in group columns (group 1 at x 20/240, group 2 at 560/780,
# group 3 at 1100/1320), group 4's clusters stacked at x 1620 (Trygghet 1, Mötesplatser 2,
# Samverkan 3, Förebyggande 4, ...), group 5's at x 2160 (7 is 1840 tall, Integration 8 below).
def seed_loose(board: Board, group: int) -> list[int]:
    """A group's loose notes in reading order."""
    notes = [n for n in board.store.notes() if n.group_id == group and n.cluster_id is None]
    return [n.id for n in sorted(notes, key=lambda n: (n.y, n.x))]


def seed_members(board: Board, cid: int) -> list[int]:
    notes = [n for n in board.store.notes() if n.cluster_id == cid]
    return [n.id for n in sorted(notes, key=lambda n: (n.y, n.x))]


def seed_three_notes_into_a_full_frame(board: Board, mark: Mark) -> None:
    chosen = tuple(seed_loose(board, 1)[i] for i in (0, 3, 4))
    select(board, notes=chosen)
    drag(board, note_pt(board, chosen[0]), frame_rect(board, 1).center())  # onto its notes
    assert set(chosen) <= members(board, 1)


def seed_two_notes_out_of_a_frame(board: Board, mark: Mark) -> None:
    chosen = tuple(seed_members(board, 3)[:2])
    select(board, notes=chosen)
    drag(board, note_pt(board, chosen[0]), QPointF(130, 1330))  # under group 1's column
    assert all(board.store.note(n).cluster_id is None for n in chosen)


def seed_frame_onto_frame(board: Board, mark: Mark) -> None:
    drag(board, title_pt(board, 2), frame_rect(board, 1).center())  # Mötesplatser on Trygghet
    assert board.store.cluster(2).parent_id == 1


def seed_tall_frame_onto_a_small_one(board: Board, mark: Mark) -> None:
    drag(board, title_pt(board, 7), frame_rect(board, 8).center())  # 1840 tall onto Integration
    assert board.store.cluster(7).parent_id == 8


def seed_ctrl_g_notes_of_two_frames(board: Board, mark: Mark) -> None:
    chosen = (seed_members(board, 1)[1], seed_members(board, 2)[0])
    select(board, notes=chosen)
    new = group_and_name(board, "Trygga mötesplatser")
    assert members(board, new) == set(chosen)


def seed_tidy_a_frame_with_a_hole(board: Board, mark: Mark) -> None:
    drag(board, note_pt(board, seed_members(board, 3)[0]), QPointF(130, 1330))  # leaves a hole
    mark()
    select(board, frames=(3,))
    board.key(Qt.Key.Key_O, CTRL | SHIFT)
    assert in_grid(board, 3)


def seed_new_note_between_two_columns(board: Board, mark: Mark) -> None:
    new = new_note(board, QPointF(500, 300), "Mellan kolumnerna")  # would cover both columns
    assert board.store.note(new).cluster_id is None


def seed_new_note_in_a_full_frame(board: Board, mark: Mark) -> None:
    frame = frame_rect(board, 1)
    at = QPointF(frame.center().x(), frame.bottom() - 8)  # between the last row and the edge
    new = new_note(board, at, "Fler trygga vuxna")
    assert board.store.note(new).cluster_id == 1


def seed_split_a_note_in_a_frames_right_column(board: Board, mark: Mark) -> None:
    frame = board.store.cluster(1)
    right = [
        n
        for n in seed_members(board, 1)
        if board.store.note(n).x > frame.x + NOTE_W and split_point(board.store.note(n).text)
    ]
    select(board, notes=(right[0],))
    board.key(Qt.Key.Key_D, CTRL | SHIFT)
    assert len(members(board, 1)) == 9


def seed_merge_notes_of_a_frame_and_a_column(board: Board, mark: Mark) -> None:
    chosen = (seed_loose(board, 3)[2], seed_members(board, 1)[0])
    select(board, notes=chosen)
    board.key(Qt.Key.Key_J, CTRL)
    assert len(board.store.notes()) == 215


def seed_merge_clusters_of_two_columns(board: Board, mark: Mark) -> None:
    select(board, frames=(1, 9))  # Trygghet (8 notes) and Gemenskap mellan individer (3)
    board.key(Qt.Key.Key_J, CTRL | SHIFT)
    assert 9 not in {c.id for c in board.store.clusters()}
    assert len(members(board, 1)) == 11


SAMPLE: dict[str, Gesture] = {
    "drop three notes into a full frame": seed_three_notes_into_a_full_frame,
    "drag two notes out of a frame": seed_two_notes_out_of_a_frame,
    "nest: frame onto frame": seed_frame_onto_frame,
    "nest: tall frame onto a small one": seed_tall_frame_onto_a_small_one,
    "Ctrl+G notes of two frames": seed_ctrl_g_notes_of_two_frames,
    "tidy a frame with a hole": seed_tidy_a_frame_with_a_hole,
    "new note between two columns": seed_new_note_between_two_columns,
    "new note in a full frame": seed_new_note_in_a_full_frame,
    "split a note in a frame's right column": seed_split_a_note_in_a_frames_right_column,
    "merge notes of a frame and a column": seed_merge_notes_of_a_frame_and_a_column,
    "merge clusters of two columns": seed_merge_clusters_of_two_columns,
}


@pytest.mark.parametrize("name", list(SAMPLE))
def test_on_the_sample_nothing_overlaps_after_the_gesture_its_undo_and_redo(seed_board, name):
    gesture_undo_redo(seed_board, SAMPLE[name], name)


# ----------------------------------------------------------------- Ctrl+G in a group's column
def test_ctrl_g_on_notes_of_one_group_column_makes_the_frame_in_that_column(seed_board):
    board = seed_board
    add_history_keys(board)
    column = seed_loose(board, 3)  # Brottsförebyggande/Trygghetsfrämjande grupp 1, 38 notes
    rects = [board.scene.note_item(n).scene_rect() for n in column]
    left, right = min(r.left() for r in rects), max(r.right() for r in rects)
    chosen = (column[2], column[7], column[14])  # three notes, none beside another
    before = places(board.store)
    select(board, notes=chosen)
    centre_before = board.view.mapToScene(board.view.viewport().rect().center())

    new = group_and_name(board, "Trygghet i skolan")

    assert members(board, new) == set(chosen)
    frame = frame_rect(board, new)
    assert frame.right() > left and frame.left() < right, "the frame is not in the column"
    assert frame.left() <= left, f"the frame starts right of the column: {frame.left()} > {left}"
    assert frame.right() <= right + PAD, f"the frame reaches past the column: {frame.right()}"
    assert board.violations() == []
    assert board.drawn_membership_errors() == []
    viewport = board.view.viewport().rect()
    on_screen = board.view.mapFromScene(frame).boundingRect()
    assert viewport.contains(board.at(frame.left() + 10, frame.top() + 10)), "title not in view"
    assert viewport.intersects(on_screen)
    centre_after = board.view.mapToScene(viewport.center())
    assert (centre_after - centre_before).manhattanLength() < 1000, "the view jumped away"

    board.view.setFocus()
    board.key(Qt.Key.Key_Z, CTRL)  # the name
    board.key(Qt.Key.Key_Z, CTRL)  # the cluster
    assert places(board.store) == before
    assert_clean(board, "undone")


# ----------------------------------------------------------------- the main window: suggestions
def _window(qtbot, ctx, path: Path):
    from samverkan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1400, 1000)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _window_key(qtbot, window, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, key, modifiers)


def test_accepted_suggestions_overlap_nothing_and_undo_and_redo_cleanly(qtbot, ctx, seed_workshop):
    window = _window(qtbot, ctx, seed_workshop)
    try:
        ghosts = window.workspace.suggestions.ghosts
        before = places(window.doc.store)
        _window_key(qtbot, window, Qt.Key.Key_F, CTRL | SHIFT)  # Sortera > Föreslå kluster
        qtbot.waitUntil(lambda: bool(ghosts.frames), timeout=20_000)
        assert len(ghosts.frames) >= 2
        clusters = {c.id for c in window.doc.store.clusters()}
        accepted = []
        for number in sorted(f.number for f in ghosts.frames)[:2]:  # the first two cards
            card = ghosts.card(number)
            wanted = set(card.frame.note_ids)
            qtbot.mouseClick(card.accept_button, LEFT)
            [new] = {c.id for c in window.doc.store.clusters()} - clusters - set(accepted)
            assert {n.id for n in window.doc.store.notes() if n.cluster_id == new} == wanted
            accepted.append(new)
            assert_window_clean(window, f"accepted suggestion {len(accepted)}")
        after = places(window.doc.store)

        _window_key(qtbot, window, Qt.Key.Key_Z, CTRL)
        assert_window_clean(window, "one accept undone")
        _window_key(qtbot, window, Qt.Key.Key_Z, CTRL)
        assert places(window.doc.store) == before
        assert_window_clean(window, "both undone")
        _window_key(qtbot, window, Qt.Key.Key_Y, CTRL)
        _window_key(qtbot, window, Qt.Key.Key_Y, CTRL)
        assert places(window.doc.store) == after
        assert_window_clean(window, "both redone")
    finally:
        window.workspace.suggestions.runner.cancel()
        window.workspace.suggestions.runner.wait()
        window.close_document()


# ----------------------------------------------------------------- the main window: imports
def _other_transcript(tmp_path: Path, seed_workshop: Path) -> tuple[Path, tuple[bool, ...]]:
    other = tmp_path / "annan.txt"
    other.write_text(
        "Grupp: Klimat\n- Cykelbanor året om\n- Fler laddstolpar\n- Solceller på skolorna\n"
        "Grupp: Trygghet\n- Belysning i parken\n- Nattvandrare\n",
        "utf-8",
    )
    return other, ()


def _same_transcript(tmp_path: Path, seed_workshop: Path) -> tuple[Path, tuple[bool, ...]]:
    return Path(__file__).parents[3] / (
        "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
    ), (True,)


def _json_export(tmp_path: Path, seed_workshop: Path) -> tuple[Path, tuple[bool, ...]]:
    from samverkan_desktop.core import exchange

    with Store.open(seed_workshop, readonly=True) as store:
        raw = exchange.to_dict(store.document())
    export = tmp_path / "export.json"
    export.write_bytes(exchange.dumps(exchange.from_dict(raw)))
    return export, (True,)


IMPORTS = {
    "another transcript": _other_transcript,
    "the same transcript again": _same_transcript,
    "a JSON export of the workshop": _json_export,
}


def _confirm_import_preview(when_dialog) -> None:
    """A transcript is previewed before it is imported: tick any possible duplicates back in
    and click Import, as a user would (the dialog's exec() runs inside the key press)."""
    from pytestqt.qtbot import QtBot

    from samverkan_desktop.ui.dialogs.import_preview import ImportPreviewDialog

    def drive(dialog: ImportPreviewDialog) -> None:
        if dialog.duplicates_button.isVisible():
            QtBot.mouseClick(dialog.duplicates_button, LEFT)
        QtBot.mouseClick(dialog.import_button, LEFT)

    when_dialog(ImportPreviewDialog, drive)


@pytest.mark.parametrize("source", list(IMPORTS))
def test_an_import_into_the_open_workshop_overlaps_nothing_and_undoes_cleanly(
    qtbot, when_dialog, ctx, interaction, seed_workshop, tmp_path, source
):
    path, answers = IMPORTS[source](tmp_path, seed_workshop)
    window = _window(qtbot, ctx, seed_workshop)
    try:
        before = places(window.doc.store)
        interaction.will_select_files(path)
        interaction.will_answer(*answers)
        if path.suffix == ".txt":
            _confirm_import_preview(when_dialog)
        _window_key(qtbot, window, Qt.Key.Key_I, CTRL)  # Arkiv > Importera anteckningar…
        qtbot.waitUntil(lambda: len(window.doc.store.notes()) > len(before[0]))
        assert window.doc.undo_stack.count() == 1
        after = places(window.doc.store)
        assert {i: v for i, v in after[0].items() if i in before[0]} == before[0]
        assert_window_clean(window, f"imported {source}")

        _window_key(qtbot, window, Qt.Key.Key_Z, CTRL)
        assert places(window.doc.store) == before
        assert_window_clean(window, "import undone")
        _window_key(qtbot, window, Qt.Key.Key_Y, CTRL)
        assert places(window.doc.store) == after
        assert_window_clean(window, "import redone")
    finally:
        window.close_document()


# ----------------------------------------------------------------- a session of 30 gestures
def test_a_session_of_thirty_gestures_on_the_sample_keeps_the_board_clean(seed_board, tmp_path):
    board = seed_board
    add_history_keys(board)
    where: list[QPointF] = []  # where each gesture happened, for the screenshot at 100 %
    done: list[str] = []

    def step(name: str, *at: QPointF) -> None:
        done.append(name)
        where.extend(at)
        assert_clean(board, f"{len(done)}. {name}")

    def undo(name: str) -> None:
        before = board.doc.undo_stack.index()
        board.view.setFocus()
        board.key(Qt.Key.Key_Z, CTRL)
        assert board.doc.undo_stack.index() == before - 1
        step(name)

    def redo(name: str) -> None:
        before = board.doc.undo_stack.index()
        board.view.setFocus()
        board.key(Qt.Key.Key_Y, CTRL)
        assert board.doc.undo_stack.index() == before + 1
        step(name)

    g1, g2 = seed_loose(board, 1), seed_loose(board, 2)

    # 1. Three notes of group 1 into Trygghet (full: it grows, the stack below moves down).
    select(board, notes=(g1[0], g1[2], g1[5]))
    target = frame_rect(board, 1).center()
    drag(board, note_pt(board, g1[0]), target)
    assert {g1[0], g1[2], g1[5]} <= members(board, 1)
    step("three notes into Trygghet", target)

    # 2. Two notes of group 2 into Mötesplatser.
    select(board, notes=(g2[1], g2[4]))
    target = frame_rect(board, 2).center()
    drag(board, note_pt(board, g2[1]), target)
    assert {g2[1], g2[4]} <= members(board, 2)
    step("two notes into Mötesplatser", target)

    # 3. Ctrl+G on three loose notes of group 1.
    select(board, notes=(g1[1], g1[3], g1[7]))
    spraket = group_and_name(board, "Språket")
    assert members(board, spraket) == {g1[1], g1[3], g1[7]}
    step("Ctrl+G in group 1's column", frame_rect(board, spraket).center())

    # 4. Mötesplatser dropped onto Trygghet: it nests there.
    target = frame_rect(board, 1).center()
    drag(board, title_pt(board, 2), target)
    assert board.store.cluster(2).parent_id == 1
    step("Mötesplatser into Trygghet", target)

    # 5. Undo that, 6. redo it.
    undo("undo the nesting")
    assert board.store.cluster(2).parent_id is None
    redo("redo the nesting")
    assert board.store.cluster(2).parent_id == 1

    # 7. Two notes out of Trygghet onto empty board under group 1's column.
    out = tuple(seed_members(board, 1)[:2])
    select(board, notes=out)
    column_foot = max(
        frame_rect(board, spraket).bottom(),
        max(note_pt(board, n).y() for n in seed_loose(board, 1)) + 65,
    )
    target = QPointF(130, column_foot + 200)
    drag(board, note_pt(board, out[0]), target)
    assert all(board.store.note(n).cluster_id is None for n in out)
    step("two notes out of Trygghet", target)

    # 8. Tidy Trygghet (it has holes now).
    select(board, frames=(1,))
    board.key(Qt.Key.Key_O, CTRL | SHIFT)
    assert in_grid(board, 1)
    step("tidy Trygghet", title_pt(board, 1))

    # 9. A new note by double-click between group 1's and group 2's columns.
    at = QPointF(500, 400)
    new = new_note(board, at, "Läxhjälp på biblioteket")
    step("new note between columns", at)

    # 10. That note dragged into Språket.
    target = frame_rect(board, spraket).center()
    drag(board, note_pt(board, new), target)
    assert board.store.note(new).cluster_id == spraket
    step("new note into Språket", target)

    # 11. Split a note in Trygghet's right column.
    frame = board.store.cluster(1)
    right = [
        n
        for n in seed_members(board, 1)
        if board.store.note(n).x > frame.x + NOTE_W and split_point(board.store.note(n).text)
    ]
    count = len(members(board, 1))
    select(board, notes=(right[0],))
    board.key(Qt.Key.Key_D, CTRL | SHIFT)
    assert len(members(board, 1)) == count + 1
    step("split a note in Trygghet", note_pt(board, right[0]))

    # 12. Merge two loose notes of group 2.
    pair = (g2[0], g2[2])
    select(board, notes=pair)
    board.key(Qt.Key.Key_J, CTRL)
    assert len({n.id for n in board.store.notes()} & set(pair)) == 1
    step("merge two notes", note_pt(board, g2[0]))

    # 13. Undo the merge, 14. redo it.
    undo("undo the merge")
    redo("redo the merge")

    # 15. Colour Språket and a note orange from the right-click menu.
    select(board, notes=(g1[0],), frames=(spraket,))
    pick_from_context_menu(board, title_pt(board, spraket), ("Färg", "Orange"))
    assert board.store.cluster(spraket).colour != ""
    step("colour a frame and a note", title_pt(board, spraket))

    # 16. Merge Samverkan and Förebyggande.
    select(board, frames=(3, 4))
    board.key(Qt.Key.Key_J, CTRL | SHIFT)
    assert len({3, 4} & {c.id for c in board.store.clusters()}) == 1
    kept = 3 if 3 in {c.id for c in board.store.clusters()} else 4
    step("merge Samverkan and Förebyggande", title_pt(board, kept))

    # 17. Ctrl+G on notes of two different frames (Trygghet and the merged one).
    pair = (seed_members(board, 1)[-1], seed_members(board, kept)[0])
    select(board, notes=pair)
    both = group_and_name(board, "Samverkan och trygghet")
    assert members(board, both) == set(pair)
    step("Ctrl+G across two frames", frame_rect(board, both).center())

    # 18. Språket dropped onto Integration (a small frame in the other column).
    target = frame_rect(board, 8).center()
    drag(board, title_pt(board, spraket), target)
    assert board.store.cluster(spraket).parent_id == 8
    step("Språket into Integration", target)

    # 19. Undo, 20. undo again (the Ctrl+G across frames), 21. redo, 22. redo.
    undo("undo the nesting into Integration")
    undo("undo Ctrl+G across frames")
    redo("redo Ctrl+G across frames")
    redo("redo the nesting into Integration")

    # 23. A note of group 3 dropped right onto a note inside Språket (nested in Integration).
    g3 = seed_loose(board, 3)
    inside = seed_members(board, spraket)[0]
    target = note_pt(board, inside)
    drag(board, note_pt(board, g3[0]), target)
    assert board.store.note(g3[0]).cluster_id == spraket
    step("a note onto a note in a nested frame", target)

    # 24. Språket dragged back out of Integration onto empty board right of the columns.
    target = QPointF(3400, 400)
    drag(board, title_pt(board, spraket), target)
    assert board.store.cluster(spraket).parent_id is None
    step("Språket out onto empty board", target)

    # 25. A new note inside Språket's free room (double-click its body).
    frame = frame_rect(board, spraket)
    at = QPointF(frame.center().x(), frame.bottom() - 10)
    inner = new_note(board, at, "Språkcafé")
    assert board.store.note(inner).cluster_id == spraket
    step("new note in Språket", at)

    # 26. Split that note... first give it two sentences by merging it with its neighbour.
    select(board, notes=(inner, g3[0]))
    board.key(Qt.Key.Key_J, CTRL)
    step("merge two notes in Språket", note_pt(board, min(inner, g3[0])))
    # 27. ... and split it again.
    kept_note = min(inner, g3[0])
    select(board, notes=(kept_note,))
    board.key(Qt.Key.Key_D, CTRL | SHIFT)
    step("split it again", note_pt(board, kept_note))

    # 28. Four notes of group 3 onto Trygghet at once.
    four = tuple(g3[i] for i in (1, 2, 5, 6))
    select(board, notes=four)
    target = note_pt(board, seed_members(board, 1)[0])  # onto its first note, not Mötesplatser
    drag(board, note_pt(board, four[0]), target)
    assert set(four) <= members(board, 1)
    step("four notes into Trygghet", target)

    # 29. Tidy Trygghet again, 30. undo the tidy.
    select(board, frames=(1,))
    board.key(Qt.Key.Key_O, CTRL | SHIFT)
    assert in_grid(board, 1)
    step("tidy Trygghet again", title_pt(board, 1))
    undo("undo the tidy")
    assert len(done) == 30

    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    board.scene.clearSelection()
    board.key(Qt.Key.Key_0, CTRL)  # Visa hela tavlan
    QApplication.processEvents()
    everything = board.view.mapFromScene(board.scene.content_rect()).boundingRect()
    assert board.view.viewport().rect().contains(everything)
    assert board.view.grab().save(str(folder / "session-fit.png"))
    board.key(Qt.Key.Key_1, CTRL)  # Verklig storlek (100 %)
    assert board.view.zoom() == pytest.approx(1.0)
    middle = QPointF(
        statistics.median(p.x() for p in where), statistics.median(p.y() for p in where)
    )
    board.view.centerOn(middle)
    QApplication.processEvents()
    assert board.view.grab().save(str(folder / "session-100.png"))
