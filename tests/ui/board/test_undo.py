"""Undo and redo step through a session: each state comes back in the store and on the board."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from samverkan_desktop.core.store import Store

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def stored(store) -> dict:
    notes = {n.id: (n.x, n.y, n.cluster_id, n.text, n.votes) for n in store.notes()}
    clusters = {c.id: (c.x, c.y, c.width, c.height, c.name, c.parent_id) for c in store.clusters()}
    return {"notes": notes, "clusters": clusters}


def shown(scene) -> dict:
    notes = {
        i.note_id: (i.pos().x(), i.pos().y(), i.note.cluster_id, i.note.text, i.note.votes)
        for i in scene.note_items()
    }
    clusters = {
        i.cluster_id: (*i.scene_rect().getRect(), i.cluster.name, i.cluster.parent_id, i.notes)
        for i in scene.cluster_items()
    }
    return {"notes": notes, "clusters": clusters}


def both(board) -> tuple[dict, dict]:
    return stored(board.store), shown(board.scene)


def test_every_step_of_a_session_undoes_and_redoes_in_the_store_and_on_the_board(board):
    states = [both(board)]

    def step() -> None:
        states.append(both(board))
        assert states[-1] != states[-2], "the gesture changed nothing"
        # Every change is in the file at once: another reader sees it while the board is open.
        with Store.open(board.path, readonly=True) as other:
            assert stored(other) == states[-1][0]

    board.drag(board.note_centre("n1"), QPointF(530, 260))  # into A
    step()
    board.drag(board.note_centre("a1"), QPointF(100, 800))  # out of A
    step()
    board.click(board.note_centre("n2"))
    board.click(board.note_centre("n3"), CTRL)
    board.key(Qt.Key.Key_G, CTRL)  # a cluster of two
    step()
    board.type("Språk")
    board.key(Qt.Key.Key_Return)  # named
    step()
    board.drag(board.title_point("C"), QPointF(1010, 800))  # C out of B
    step()
    board.drag(board.title_point("C"), QPointF(1010, 300))  # and back in
    step()
    corner = board.scene.cluster_item(board.ids["A"]).scene_rect().bottomRight() - QPointF(5, 5)
    board.drag(corner, corner + QPointF(80, 60))  # A resized
    step()
    board.click(board.title_point("A"))
    board.key(Qt.Key.Key_O, CTRL | SHIFT)  # tidied
    step()
    board.double_click(board.note_centre("n4"))
    board.type(" – ändrad")
    board.key(Qt.Key.Key_Return)  # text edited
    step()
    board.click(board.note_centre("n4"))
    board.key(Qt.Key.Key_Plus)
    board.key(Qt.Key.Key_Plus)  # two dot votes, one step
    step()
    board.click(board.note_centre("c1"))
    board.key(Qt.Key.Key_Delete)  # a note deleted
    step()
    board.click(board.title_point("A"))
    board.key(Qt.Key.Key_Delete, SHIFT)  # a cluster deleted, its notes stay
    step()

    stack = board.doc.undo_stack
    assert stack.count() == len(states) - 1
    for index in range(len(states) - 2, -1, -1):
        stack.undo()
        assert both(board) == states[index], f"undo back to state {index}"
    for index in range(1, len(states)):
        stack.redo()
        assert both(board) == states[index], f"redo to state {index}"
