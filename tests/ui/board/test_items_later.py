"""A big board's notes get their items as they come into view, and the rest in later turns of
the event loop (BoardScene's `later_from`): what a view shows is what the whole board shows,
and whatever happens meanwhile, every note ends up with one item showing it as the file has it.
"""

from __future__ import annotations

import gc
import shutil
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board.note_item import NoteItem
from samverkan_desktop.ui.board.scene import DIMMED

from . import conftest
from .conftest import drawn_membership_errors


def open_board(qtbot, path, later_from):
    store = Store.open(path, shared=True)  # (two windows on one file)
    board = conftest.open_board(qtbot, path, store, {}, 1.0, QPointF(0, 0), later_from)
    return board.doc, board.scene, board.view, board.actions


def drawn_notes(scene) -> dict[int, NoteItem]:
    """The note items Qt has in the scene (without asking the scene to make any)."""
    return {i.note_id: i for i in scene.items() if isinstance(i, NoteItem)}


def shown_as_in_file(doc, scene) -> list[str]:
    """Every drawn note shows its note as the model has it, where the model has it."""
    wrong = []
    for nid, item in drawn_notes(scene).items():
        note = doc.notes.get(nid)
        if (
            note is None
            or item.note != note
            or (item.pos().x(), item.pos().y())
            != (
                note.x,
                note.y,
            )
        ):
            wrong.append(f"note {nid}: drawn {item.note!r} at {item.pos()}, in the file {note!r}")
    return wrong


def picture(view) -> QImage:
    return view.grab().toImage()


@pytest.fixture
def big(big_workshop):
    return big_workshop(2_500, seed=4, clustered=True)


@pytest.fixture
def medium(big_workshop):
    return big_workshop(1_200, seed=5, clustered=True)


def test_a_view_shows_before_the_rest_is_made_exactly_what_the_whole_board_shows(qtbot, big):
    doc, scene, view, _ = open_board(qtbot, big, later_from=1_000)
    whole_doc, whole, whole_view, _ = open_board(qtbot, big, later_from=None)
    try:
        assert scene.building() and not whole.building()
        places = [
            lambda v: v.first_view(),
            lambda v: (v.set_zoom(0.6), v.centerOn(QPointF(3000, 2500))),
            lambda v: (v.set_zoom(1.0), v.centerOn(QPointF(9000, 400))),
        ]
        for place in places:
            for v in (view, whole_view):
                place(v)
            # No turn of the loop in between: only the notes in view have their items.
            assert picture(view) == picture(whole_view)
            assert scene.building()
        made = len(drawn_notes(scene))
        assert 0 < made < len(doc.notes) // 2
        assert shown_as_in_file(doc, scene) == []
        # The rest follows in later turns, a chunk at a time, and then `built`.
        with qtbot.waitSignal(scene.built, timeout=10_000):
            pass
        assert not scene.building()
        assert len(drawn_notes(scene)) == len(doc.notes)
        assert shown_as_in_file(doc, scene) == []
        assert drawn_membership_errors(doc.store, scene) == []
        for v in (view, whole_view):
            v.zoom_to_fit()
        assert picture(view) == picture(whole_view)
    finally:
        doc.close()
        whole_doc.close()


def test_what_asks_for_notes_gets_them_all_while_the_rest_waits(qtbot, big):
    doc, scene, view, actions = open_board(qtbot, big, later_from=1_000)
    try:
        assert scene.building()
        far_note = max(doc.notes.values(), key=lambda n: (n.x, n.y))
        assert far_note.id not in drawn_notes(scene)
        item = scene.note_item(far_note.id)  # (the outline, a suggestion, the editor ask so)
        assert item is not None and item.note == far_note
        qtbot.waitUntil(view.isActiveWindow)  # (a turn of the loop or two: a chunk or two)
        assert scene.building()
        QTest.keyClick(view.viewport(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert set(scene.selected_note_ids()) == set(doc.notes)
    finally:
        doc.close()


def test_a_search_dims_and_lights_notes_and_frames_made_after_it(qtbot, big):
    doc, scene, view, _ = open_board(qtbot, big, later_from=1_000)
    try:
        far = sorted(doc.notes.values(), key=lambda n: (-n.x, -n.y))
        hits = {n.id for n in far[:3] if n.cluster_id is not None}
        assert hits and not hits & set(drawn_notes(scene))
        scene.set_highlight(hits)
        with qtbot.waitSignal(scene.built, timeout=10_000):
            pass
        for nid, item in drawn_notes(scene).items():
            assert item.opacity() == (1.0 if nid in hits else DIMMED), nid
        holding = set()
        for nid in hits:
            cid = doc.notes[nid].cluster_id
            while cid is not None:
                holding.add(cid)
                cid = doc.clusters[cid].parent_id
        lit = {cid for cid in doc.clusters if scene.cluster_item(cid).lit}
        assert lit == holding
    finally:
        doc.close()


_steps = st.lists(
    st.one_of(
        st.tuples(st.just("turn")),
        st.tuples(st.just("move"), st.integers(0, 10_000), st.integers(-900, 6000)),
        st.tuples(st.just("delete"), st.integers(0, 10_000)),
        st.tuples(st.just("add"), st.integers(-900, 6000)),
        st.tuples(st.just("ask"), st.integers(0, 10_000)),
        st.tuples(st.just("select"), st.integers(0, 10_000)),
        st.tuples(st.just("view"), st.integers(-500, 5000), st.integers(-500, 3000)),
    ),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=_steps)
def test_whatever_happens_while_the_rest_is_made_every_note_ends_with_one_true_item(
    qtbot, qapp, tmp_path, medium, steps
):
    path = tmp_path / f"{uuid.uuid4().hex}.samverkan"  # (each example on a fresh copy)
    shutil.copyfile(medium, path)
    doc, scene, view, _ = open_board(qtbot, path, later_from=1_000)
    assert scene.building()
    told: list[bool] = []
    scene.built.connect(lambda: told.append(True))
    try:
        for step in steps:
            ids = sorted(doc.notes)
            pick = ids[step[1] % len(ids)] if len(step) > 1 and ids else None
            if step[0] == "turn":
                qapp.processEvents()  # (a chunk, or the rest of a small board)
            elif step[0] == "move" and pick is not None:
                doc.store.update_note(pick, x=float(step[2]), y=float(step[2] // 2))
            elif step[0] == "delete" and pick is not None:
                doc.store.delete_notes([pick])
            elif step[0] == "add":
                doc.store.add_note("Ny lapp", x=float(step[1]), y=-400.0)
            elif step[0] == "select":  # (Ctrl+G, the outline, an accepted suggestion)
                scene.select_notes(ids[step[1] % len(ids) :: 97])
            elif step[0] == "ask" and pick is not None:
                assert scene.note_item(pick).note == doc.notes[pick]
            elif step[0] == "view":
                scene.make_items_in(QRectF(step[1], step[2], 900, 700))
            assert shown_as_in_file(doc, scene) == []
        qtbot.waitUntil(lambda: told == [True], timeout=5_000)
        QTest.qWait(5)
        assert told == [True]  # (once)
        assert set(drawn_notes(scene)) == set(doc.notes)
        assert len([i for i in scene.items() if isinstance(i, NoteItem)]) == len(doc.notes)
        assert shown_as_in_file(doc, scene) == []
    finally:
        doc.close()


def test_a_big_workshop_opened_in_the_window_is_painted_first_and_whole_soon_after(qtbot, ctx, big):
    from samverkan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    frozen = gc.get_freeze_count()
    try:
        assert window.open_path(big)
        scene, view = window.scene, window.view
        with qtbot.waitSignal(scene.shown):  # (the board's first paint)
            pass
        assert scene.building()
        # The collector's full pass over the board waits for its last item (it was 0.13 s of
        # opening 10,000 notes): nothing is frozen yet.
        assert gc.get_freeze_count() <= frozen  # (some of what was frozen may have gone)
        shown = drawn_notes(scene)
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        in_view = [n for n in window.doc.notes.values() if seen.contains(n.x + 10, n.y + 10)]
        assert in_view and {n.id for n in in_view} <= set(shown)
        qtbot.waitUntil(lambda: not scene.building(), timeout=10_000)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > frozen + len(window.doc.notes))
        assert len(drawn_notes(scene)) == len(window.doc.notes) == 2_500
    finally:
        window.close_document()
    assert gc.get_freeze_count() == 0  # (what the workshop held may go again)
