"""Presence on two boards on one workshop (issue 14): Anna's board shows that Bo is here, and
a light mark in his colour on what he has selected or is dragging, within a second; when he
leaves, both go. Mirrors test_shared_board.py, on both back ends: each board has its own
Store, on the throwaway server of tests/conftest.py as on two laptops (store_presence), or on
one local file that both have open for writing as two windows (core/presence_file.py)."""

from __future__ import annotations

import tempfile

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from samverkan_desktop.core.presence_file import folder
from samverkan_desktop.core.store_lock import lock_path
from samverkan_desktop.core.store_presence import Person
from samverkan_desktop.ui.presence import PresenceBar
from samverkan_desktop.ui.presence_marks import COLOURS, PresenceMark

from .conftest import LIVE, open_board, shared_workshop

CTRL = Qt.KeyboardModifier.ControlModifier
ANNA = Person("anna", "Anna Larsson")
BO = Person("bo", "Bo Ek")


@pytest.fixture(params=["server", "file"])
def two_boards(request, qtbot, tmp_path, monkeypatch):
    """Anna's board and Bo's on one workshop, on the server or in one local file, each with its
    status bar's presence (in place of conftest's `two_boards`: these have presence); on a
    file, this machine's temporary folder is the test's own."""
    on_file = request.param == "file"
    if on_file:
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
        (tmp_path / "tmp").mkdir()
    open_store, ids = shared_workshop(request, tmp_path, request.param)
    path = tmp_path / "board.samverkan"
    boards = []
    for name, person in (("a", ANNA), ("b", BO)):
        where = path if on_file else tmp_path / name
        board = open_board(qtbot, where, open_store(), ids, 1.0, QPointF(610, 440))
        bar = PresenceBar()
        qtbot.addWidget(bar)
        bar.attach(board.doc, board.scene, person=person)
        board.bar = bar  # type: ignore[attr-defined]
        board.on_file = on_file  # type: ignore[attr-defined]
        boards.append(board)
    if on_file:
        assert all(b.store.shared and not b.doc.read_only for b in boards)
    a, b = boards
    yield a, b
    for board in boards:
        board.bar.detach()
        board.doc.close()
    if on_file:
        assert not lock_path(path).exists()
        assert not folder(path).exists()  # no announcement left behind


def shown_as(board, person: Person) -> str:
    """How the other board's bar names `person`: on a file, another window of this machine."""
    if board.on_file:
        return f"{person.name} i ett annat fönster på den här datorn"
    return f"{person.name} ({person.login})"


def marks(board) -> dict[tuple[str, int], list[str]]:
    """What the board marks, and for whom (their initials)."""
    found = {}
    for item in board.scene.items():
        if isinstance(item, PresenceMark) and item.people:
            parent = item.parentItem()
            kind = "note" if hasattr(parent, "note_id") else "cluster"
            key = parent.note_id if kind == "note" else parent.cluster_id
            found[(kind, key)] = [p.person.initials for p in item.people]
    return found


def ink_around(board, note_id: int) -> set[str]:
    """The colours painted just outside the note's top edge on the board's view."""
    item = board.scene.note_item(note_id)
    image = board.view.grab().toImage()
    rect = item.scene_rect()
    colours = set()
    for x in range(int(rect.left()) + 10, int(rect.right()) - 40, 7):
        point = board.view.mapFromScene(QPointF(x, rect.top() - 4))
        colours.add(image.pixelColor(point).name())
    return colours


def test_the_others_see_who_is_here_and_what_they_select(qtbot, two_boards, tmp_path):
    a, b = two_boards
    anna, bo = shown_as(b, ANNA), shown_as(a, BO)
    if b.on_file:
        assert b.bar.names() == [anna]  # at once: her file was there when his board opened
    qtbot.waitUntil(lambda: a.bar.names() == [bo], timeout=LIVE)
    qtbot.waitUntil(lambda: b.bar.names() == [anna], timeout=LIVE)
    assert b.bar.isVisibleTo(b.bar.parentWidget())
    assert b.bar.accessibleName() == f"Också här: {anna}"
    assert b.bar.toolTip() == (
        f"{anna}\nKlicka på initialerna för att se vad personen har markerat."
    )
    assert marks(b) == {}

    n1 = a.ids["n1"]
    a.click(a.note_centre("n1"))
    qtbot.waitUntil(lambda: marks(b) == {("note", n1): ["AL"]}, timeout=LIVE)
    anna_on_b = b.bar.badges.people[0]
    assert COLOURS[anna_on_b.colour].name() in ink_around(b, n1)  # a line in her colour
    assert marks(a) == {}  # nobody marks one's own selection
    # The mark is light: Bo's own selection, his undo, the board's items are untouched.
    assert b.scene.selected_note_ids() == []
    b.view.grab().save(str(tmp_path / "presence.png"))

    # A frame and another note as well (Ctrl+click): the old mark moves with her selection.
    a.click(a.note_centre("n2"), CTRL)
    a.click(a.title_point("A"))
    qtbot.waitUntil(lambda: marks(b) == {("cluster", a.ids["A"]): ["AL"]}, timeout=LIVE)
    a.click(QPointF(1260, 880))  # empty board: nothing selected
    qtbot.waitUntil(lambda: marks(b) == {}, timeout=LIVE)


def test_both_marking_one_note_and_a_drag_seen_as_it_goes(qtbot, two_boards):
    a, b = two_boards
    n1 = a.ids["n1"]
    qtbot.waitUntil(lambda: bool(a.bar.names() and b.bar.names()), timeout=LIVE)
    a.click(a.note_centre("n1"))
    b.click(b.note_centre("n1"))
    qtbot.waitUntil(lambda: marks(b) == {("note", n1): ["AL"]}, timeout=LIVE)
    qtbot.waitUntil(lambda: marks(a) == {("note", n1): ["BE"]}, timeout=LIVE)

    # Anna drags it; halfway, Bo's board shows it is being carried, and where to.
    start = a.note_centre("n1")
    a.press(start)
    a.move(start + QPointF(60, 20))
    a.move(start + QPointF(200, 300))
    qtbot.waitUntil(
        lambda: any(
            isinstance(m, PresenceMark) and m.people and m.people[0].activity.dragging
            for m in b.scene.note_item(n1).childItems()
        ),
        timeout=LIVE,
    )
    (mark,) = [m for m in b.scene.note_item(n1).childItems() if isinstance(m, PresenceMark)]
    qtbot.waitUntil(lambda: mark.people[0].activity.offset == (200.0, 300.0), timeout=LIVE)
    # The ghost lies where she carries it, with her tab at its corner.
    item = b.scene.note_item(n1)
    ghost = item.mapRectToScene(mark.boundingRect())
    assert ghost.contains(item.scene_rect().translated(200, 300))
    (tab,) = b.bar.board.tabs(("note", n1))
    assert tab.toolTip() == f"{shown_as(b, ANNA)} flyttar den"
    assert tab.scenePos() == item.scene_rect().translated(200, 300).topRight() - QPointF(0, 4)
    a.release(start + QPointF(200, 300))
    moved_to = a.item_pos("n1")
    qtbot.waitUntil(lambda: b.item_pos("n1") == moved_to, timeout=LIVE)
    qtbot.waitUntil(lambda: not mark.people[0].activity.dragging, timeout=LIVE)
    assert marks(b) == {("note", n1): ["AL"]}  # still selected, at its new place
    assert mark.parentItem() is b.scene.note_item(n1)


def test_closing_one_board_takes_the_badge_and_the_marks_away(qtbot, two_boards):
    a, b = two_boards
    n1 = a.ids["n1"]
    a.click(a.note_centre("n1"))
    qtbot.waitUntil(lambda: marks(b) == {("note", n1): ["AL"]}, timeout=LIVE)
    a.bar.detach()
    a.doc.close()
    qtbot.waitUntil(lambda: marks(b) == {} and b.bar.names() == [], timeout=LIVE)
    assert not b.bar.isVisibleTo(b.bar.parentWidget())


def test_a_board_on_a_file_has_no_presence(qtbot, board):
    bar = PresenceBar()
    qtbot.addWidget(bar)
    presence = bar.attach(board.doc, board.scene)
    assert presence.presence is None
    board.click(board.note_centre("n1"))
    qtbot.wait(100)
    assert bar.names() == [] and not bar.isVisibleTo(bar.parentWidget())
    bar.detach()


def test_the_marking_colours_read_on_every_note_and_are_not_ones_own_selection():
    """White initials on each colour at 4.5:1 or more, each outline at 3:1 or more on the
    board, and none of them the blue this board draws its own selection in."""
    from samverkan_desktop.render.board_look import ACCENT, BOARD_BACKGROUND
    from samverkan_desktop.ui.board.palette import contrast_ratio

    white = QColor("white")
    assert len({c.name() for c in COLOURS}) == len(COLOURS) == 8
    for colour in COLOURS:
        assert contrast_ratio(colour, white) >= 4.5
        assert contrast_ratio(colour, BOARD_BACKGROUND) >= 3.0
        assert colour.name() != ACCENT.name()
