"""Group headers: name and facilitators above each group's loose notes, never over a frame."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QPointF, Qt

from samverkan_desktop.core.board.headers import header_places
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board import BoardScene, BoardView
from samverkan_desktop.ui.document import DocumentModel

CTRL = Qt.KeyboardModifier.ControlModifier


def header_rects(board):
    return [h.sceneBoundingRect() for h in board.scene._headers.items()]


def test_each_group_with_loose_notes_has_a_header_above_them(board):
    [rect] = header_rects(board)  # group 2's notes are all in themes: its header is gone
    first = board.scene.note_item(board.ids["n1"]).scene_rect()
    assert rect.bottom() <= first.top() and rect.left() == first.left()


def test_a_theme_made_of_the_top_notes_pushes_the_header_above_its_frame(board, qtbot):
    before = set(board.doc.clusters)
    board.click(board.note_centre("n1"))
    board.click(board.note_centre("n2"), Qt.KeyboardModifier.ShiftModifier)
    board.key(Qt.Key.Key_G, CTRL)
    board.key(Qt.Key.Key_Return)
    [cluster_id] = set(board.doc.clusters) - before
    frame = board.scene.cluster_item(cluster_id).sceneBoundingRect()
    qtbot.waitUntil(lambda: not header_rects(board)[0].intersects(frame))
    assert header_rects(board)[0].bottom() <= frame.top() + 1
    # Undo puts the notes back loose and the header back right above them.
    board.doc.undo_stack.undo()
    n1_top = board.scene.note_item(board.ids["n1"]).scene_rect().top()
    qtbot.waitUntil(lambda: abs(header_rects(board)[0].bottom() - n1_top) < 10)


def test_notes_dragged_under_another_column_leave_their_groups_header_where_it_was(
    seed_board, qtbot
):
    board = seed_board
    doc = board.doc
    first, second = sorted(doc.groups.values(), key=lambda g: g.position)[:2]

    def loose(group):
        return sorted(
            (n for n in doc.notes.values() if n.group_id == group.id and n.cluster_id is None),
            key=lambda n: (n.y, n.x),
        )

    home_left = min(n.x for n in loose(second))
    below_first = max(n.y for n in loose(first)) + 400
    # Two of the second group's notes dragged under the first group's column.
    for i, note in enumerate(loose(second)[-2:]):
        start = board.scene.note_item(note.id).scene_rect().center()
        end = QPointF(min(n.x for n in loose(first)) + 100 + i * 220, below_first + 65)
        board.view.centerOn((start + end) / 2)
        board.view.set_zoom(0.3)
        board.drag(start, end)
        assert abs(doc.note(note.id).y - below_first) < 100
    qtbot.wait(20)  # the headers follow on the next turn of the event loop
    rects = header_rects(board)
    # The second group's header is still over its own column, not stretched to the first's,
    assert any(abs(r.left() - home_left) < 1 for r in rects)
    assert not any(r.left() < home_left - 1 and r.right() > home_left + 1 for r in rects)
    # and no header covers a note.
    for r in rects:
        assert not [i for i in board.scene.items(r) if hasattr(i, "note_id")]


def test_a_header_narrowed_by_the_next_one_is_wide_again_once_that_one_moves_away(
    seed_board, qtbot
):
    board = seed_board
    doc = board.doc
    first, second = sorted(doc.groups.values(), key=lambda g: g.position)[:2]
    headers = board.scene._headers

    def header(group):
        [found] = [h for h in headers.items() if h._group.id == group.id]
        return found.sceneBoundingRect()

    full = header(first).width()
    # The second group's whole column dragged 200 to the left, towards the first one's:
    loose = [n.id for n in doc.notes.values() if n.group_id == second.id and n.cluster_id is None]
    board.view.set_zoom(0.3)
    start = board.scene.note_item(loose[0]).scene_rect().center()
    board.view.centerOn(start)
    board.click(start)
    for nid in loose[1:]:
        board.scene.note_item(nid).setSelected(True)
    board.drag(start, start - QPointF(200, 0))
    qtbot.waitUntil(lambda: header(second).left() < header(first).left() + full)
    # the first header stops short of the second one's,
    assert header(first).right() < header(second).left()
    # and is as wide as before once the column is back.
    board.doc.undo_stack.undo()
    board.view.set_zoom(0.6)  # (the undo shows what it changed, zoomed out)
    qtbot.waitUntil(lambda: header(first).width() == full)
    assert header(first).right() < header(second).left()


def drawn_headers(board):
    """Where the board draws each group's header: (left, bottom, width) by group id."""
    return {
        h._group.id: (round(h.pos().x(), 3), round(h.pos().y(), 3), round(h._width, 3))
        for h in board.scene._headers.items()
    }


def headers_from_scratch(board):
    """Where the exports' rule (core.board.headers.header_places) puts them on this board."""
    doc = board.doc
    places = header_places(doc.notes.values(), doc.clusters, doc.board)
    return {p.group_id: (round(p.x, 3), round(p.bottom, 3), round(p.width, 3)) for p in places}


def test_headers_placed_change_by_change_are_where_the_whole_board_puts_them(seed_board, qtbot):
    """The board places again only the headers a change may move; after every kind of change
    they are where a look at the whole board puts them (a rename, notes across a column's
    edge and into the room above another column, a frame growing, undo and redo, a note
    added and removed, each from the store as from another program, or by a gesture)."""
    board = seed_board
    doc, store = board.doc, board.store
    first, second = sorted(doc.groups.values(), key=lambda g: g.position)[:2]

    def loose(group):
        return sorted(
            (n for n in doc.notes.values() if n.group_id == group.id and n.cluster_id is None),
            key=lambda n: (n.y, n.x),
        )

    def same() -> None:  # once the headers are placed again, on the next turn of the loop
        qtbot.waitUntil(lambda: not board.scene._headers_timer.isActive(), timeout=2000)
        assert drawn_headers(board) == headers_from_scratch(board)

    same()
    top = loose(first)[0]
    # Another program's changes, heard through the store:
    store.update_group(first.id, name="Ett nytt namn på gruppen")
    same()
    store.update_cluster(next(iter(doc.clusters)), name="Omdöpt")
    same()
    intruder = loose(second)[-1]
    store.update_note(intruder.id, x=top.x + 20, y=top.y - 150)  # in first's room
    same()
    store.update_note(intruder.id, x=intruder.x, y=intruder.y)  # and out of it again
    same()
    store.update_note(loose(first)[-1].id, x=top.x + 1500, y=top.y)  # across its column's edge
    same()
    store.update_note(top.id, y=top.y + 2000)  # its top note, far down
    same()
    added = store.add_note("Ny lapp", group_id=second.id, x=top.x, y=top.y - 400)
    same()
    store.delete_notes([added.id])
    same()
    # A frame that grows and pushes a column down; undone and done again.
    frame = min(doc.clusters.values(), key=lambda c: c.x)
    store.update_cluster(frame.id, width=frame.width + 600, height=frame.height + 900)
    same()
    note = loose(second)[0]
    start = board.scene.note_item(note.id).scene_rect().center()
    end = QPointF(frame.x + 100, frame.y + 80)
    board.view.centerOn((start + end) / 2)
    board.drag(start, end)
    same()
    doc.undo_stack.undo()
    same()
    doc.undo_stack.redo()
    same()


def test_after_a_drop_the_headers_wait_for_the_paint_then_are_where_they_belong(board, qtbot):
    """A gesture's change shows first; the headers it may move are placed right after the
    board's paint (or, with no view shown, on the next turn of the loop)."""
    scene = board.scene
    painted = []
    scene_painted = scene.painted

    def noted() -> None:
        painted.append(scene._headers_timer.isActive())
        scene_painted()

    scene.painted = noted  # type: ignore[method-assign]
    board.store.add_cluster("Under", x=300.0, y=380.0, width=460.0, height=200.0)
    qtbot.waitUntil(lambda: not scene._headers_timer.isActive(), timeout=2000)
    painted.clear()
    board.drag(board.note_centre("n1"), QPointF(530, 330))  # into A: it grows and pushes
    assert scene._headers_timer.isActive() and scene._headers_wait  # for the paint
    qtbot.waitUntil(lambda: not scene._headers_timer.isActive(), timeout=2000)
    assert painted and painted[0]  # the first paint came while they still waited
    assert drawn_headers(board) == headers_from_scratch(board)
    board.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not scene._headers_timer.isActive(), timeout=2000)
    assert drawn_headers(board) == headers_from_scratch(board)
    # With the board not shown nothing paints: they are placed on the next turn of the loop.
    board.view.hide()
    board.doc.undo_stack.redo()
    assert scene._headers_timer.isActive() and not scene._headers_wait
    qtbot.waitUntil(lambda: not scene._headers_timer.isActive(), timeout=2000)
    assert drawn_headers(board) == headers_from_scratch(board)


def test_an_opened_board_has_its_headers_placed_once_with_nothing_left_to_place(
    qtbot, seed_workshop
):
    """Opening places every header before the first paint, where the whole board puts them;
    nothing is left scheduled to place them all again (at 10,000 notes that was 0.1-0.3 s of
    the UI thread right after the board first showed)."""
    doc = DocumentModel(Store.open(seed_workshop))
    try:
        scene = BoardScene(doc)
        board = SimpleNamespace(scene=scene, doc=doc)
        assert drawn_headers(board) and drawn_headers(board) == headers_from_scratch(board)
        placed_again = []
        scene._headers.refresh = lambda *args: placed_again.append(args)  # type: ignore[method-assign]
        view = BoardView(scene)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        qtbot.wait(50)  # turns of the loop, and the board's first paints
        assert placed_again == []
    finally:
        doc.close()
