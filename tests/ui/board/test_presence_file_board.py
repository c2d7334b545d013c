"""Presence on two boards on one workshop file of this machine (issue 14): as on a server
(test_presence_board.py), a click on a note on board A marks it on board B within a second, in
A's colour, and closing A takes the mark and the badge away; through core/presence_file.py, as
two windows or two programs with the file open shared."""

from __future__ import annotations

import tempfile

import pytest
from PySide6.QtCore import QPointF

from samverkan_desktop.core.presence_file import folder
from samverkan_desktop.core.store_lock import lock_path
from samverkan_desktop.core.store_presence import Person
from samverkan_desktop.ui.presence import PresenceBar
from samverkan_desktop.ui.presence_marks import COLOURS

from .conftest import LIVE, open_board, shared_workshop
from .test_presence_board import ink_around, marks

ANNA = Person("anna", "Anna Larsson")
BO = Person("bo", "Bo Ek")


@pytest.fixture
def two_boards(request, qtbot, tmp_path, monkeypatch):
    """Anna's board and Bo's on one local file that both have open for writing, each with its
    status bar's presence; this machine's temporary folder is the test's own."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    open_store, ids = shared_workshop(request, tmp_path, "file")
    path = tmp_path / "board.samverkan"
    boards = []
    for person in (ANNA, BO):
        board = open_board(qtbot, path, open_store(), ids, 1.0, QPointF(610, 440))
        bar = PresenceBar()
        qtbot.addWidget(bar)
        bar.attach(board.doc, board.scene, person=person)
        board.bar = bar  # type: ignore[attr-defined]
        boards.append(board)
    assert all(b.store.shared and not b.doc.read_only for b in boards)
    yield boards
    for board in boards:
        board.bar.detach()
        board.doc.close()
    assert not lock_path(path).exists()
    assert not folder(path).exists()  # no announcement left behind


def test_a_click_on_one_board_is_marked_on_the_other_and_closing_takes_it_away(qtbot, two_boards):
    a, b = two_boards
    other = "{} i ett annat fönster på den här datorn"
    assert b.bar.names() == [other.format("Anna Larsson")]  # at once: she was there first
    qtbot.waitUntil(lambda: a.bar.names() == [other.format("Bo Ek")], timeout=LIVE)
    assert marks(b) == {}

    n1 = a.ids["n1"]
    a.click(a.note_centre("n1"))
    qtbot.waitUntil(lambda: marks(b) == {("note", n1): ["AL"]}, timeout=LIVE)
    anna_on_b = b.bar.badges.people[0]
    assert COLOURS[anna_on_b.colour].name() in ink_around(b, n1)  # a line in her colour
    assert marks(a) == {}  # nobody marks one's own selection
    assert b.scene.selected_note_ids() == []  # Bo's own selection is untouched
    b.view.grab().save("/tmp/presence-file.png")

    # Anna drags it: Bo's board shows where to, as it goes.
    start = a.note_centre("n1")
    a.press(start)
    a.move(start + QPointF(60, 20))
    a.move(start + QPointF(200, 300))
    qtbot.waitUntil(
        lambda: b.bar.board.others and b.bar.board.others[0].activity.offset == (200.0, 300.0),
        timeout=LIVE,
    )
    a.release(start + QPointF(200, 300))
    moved_to = a.item_pos("n1")
    qtbot.waitUntil(lambda: b.item_pos("n1") == moved_to, timeout=LIVE)
    qtbot.waitUntil(lambda: not b.bar.board.others[0].activity.dragging, timeout=LIVE)
    assert marks(b) == {("note", n1): ["AL"]}

    a.bar.detach()
    a.doc.close()
    qtbot.waitUntil(lambda: marks(b) == {} and b.bar.names() == [], timeout=LIVE)
    assert not b.bar.isVisibleTo(b.bar.parentWidget())
