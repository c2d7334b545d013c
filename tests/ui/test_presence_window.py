"""Presence in the main window (issue 14): with a shared workshop open, the status bar says who
else has it open (Också här:, their initials in their colours, full names in the tooltip and the
accessible name) and the board marks what they select or drag; on a file, nothing shows.
The others are two more clients on the throwaway server of tests/conftest.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from samverkan_desktop.core.store import Store
from samverkan_desktop.core.store_presence import Activity, Person
from samverkan_desktop.ui.presence_marks import PresenceMark

LIVE = 1000  # ms
LEFT = Qt.MouseButton.LeftButton
ANNA = Person("anna", "Anna Larsson")
BO = Person("bo", "Bo Ek")


@pytest.fixture
def on_server(seed_workshop, postgres_url) -> str:
    with Store.open(seed_workshop) as local, local.publish(postgres_url) as shared:
        return shared.path.name


def marked(window) -> dict[int, list[str]]:
    found = {}
    for item in window.scene.items():
        if isinstance(item, PresenceMark) and item.people:
            parent = item.parentItem()
            key = getattr(parent, "note_id", None) or -parent.cluster_id
            found[key] = [p.person.name for p in item.people]
    return found


def test_the_window_shows_who_else_is_here_and_what_they_mark(
    qtbot, empty_window, on_server, postgres_url
):
    window = empty_window
    window.resize(1280, 800)
    assert window.open_shared(Store.open_url(postgres_url, on_server))
    bar = window.presence_bar
    assert not bar.isVisible()  # nobody else yet

    heard_by_anna: list = []
    anna = Store.open_url(postgres_url, on_server)
    bo = Store.open_url(postgres_url, on_server)
    try:
        anna_here = anna.presence(heard_by_anna.append, person=ANNA)
        bo_here = bo.presence(lambda _o: None, person=BO)
        qtbot.waitUntil(lambda: len(bar.names()) == 2, timeout=LIVE)
        assert bar.isVisible()
        assert sorted(bar.names()) == ["Anna Larsson (anna)", "Bo Ek (bo)"]
        assert bar.accessibleName().startswith("Också här: ")
        assert "Anna Larsson (anna)" in bar.toolTip() and "Bo Ek (bo)" in bar.toolTip()
        assert bar.label.text() == "Också här:"

        # Anna selects two notes; Bo drags a frame.
        frame = sorted(window.doc.clusters)[1]
        notes = sorted(window.doc.members(sorted(window.doc.clusters)[0]))[:2]
        anna_here.set_activity(Activity(frozenset(notes)))
        bo_here.set_activity(
            Activity(clusters=frozenset({frame}), dragging=True, offset=(-120.0, 160.0))
        )
        qtbot.waitUntil(
            lambda: (
                marked(window)
                == {notes[0]: ["Anna Larsson"], notes[1]: ["Anna Larsson"], -frame: ["Bo Ek"]}
            ),
            timeout=LIVE,
        )
        # The window's own user is there for Anna too.
        assert heard_by_anna and len(heard_by_anna[-1]) == 2

        # Where is Anna working? A click on her initials brings her notes into view.
        window.view.centerOn(5000, 5000)
        window.view.set_zoom(0.5)
        index = bar.badges.people.index(next(p for p in bar.badges.people if p.person == ANNA))
        qtbot.mouseClick(bar.badges, LEFT, pos=bar.badges.badge_centre(index).toPoint())
        seen = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
        for note in notes:
            assert seen.contains(window.scene.note_item(note).scene_rect())
        assert window.scene.selected_note_ids() == []  # her selection, not the window's

        # The same from the keyboard: the badges take the focus, the arrows go from one to the
        # next (the screen reader hears whose it is), Enter shows what that person has marked.
        window.view.centerOn(5000, 5000)
        bar.badges.setFocus()
        qtbot.waitUntil(bar.badges.hasFocus)
        heard: list[str] = []
        for _ in bar.badges.people:
            heard.append(bar.badges.accessibleName())
            if bar.badges.people[bar.badges.current].person == ANNA:
                break
            qtbot.keyClick(bar.badges, Qt.Key.Key_Right)
        assert "Anna Larsson" in heard[-1] and len(set(heard)) == len(heard)
        qtbot.keyClick(bar.badges, Qt.Key.Key_Return)
        seen = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
        for note in notes:
            assert seen.contains(window.scene.note_item(note).scene_rect())

        window.close_document()  # leaves: Anna no longer sees the window's user
        assert not bar.isVisible() and bar.names() == []
        qtbot.waitUntil(lambda: [p.person for p in heard_by_anna[-1]] == [BO], timeout=LIVE)
    finally:
        anna.close()
        bo.close()


def test_on_a_file_the_window_shows_no_one(qtbot, seed_window):
    """Alone on a file: nobody on the bar (the window is there for the next one to see)."""
    from samverkan_desktop.core.presence_file import FilePresence

    assert seed_window.doc.store.url is None and seed_window.doc.store.shared
    qtbot.wait(400)
    assert not seed_window.presence_bar.isVisible()
    assert seed_window.presence_bar.board is not None
    assert isinstance(seed_window.presence_bar.board.presence, FilePresence)
    assert seed_window.presence_bar.names() == []


def test_two_windows_on_one_file_each_shows_the_other(qtbot, seed_window, ctx, seed_workshop):
    """Two windows of this machine on one file: each window's status bar shows the other, and
    what one selects is marked on the other (core/presence_file.py), as on a server."""
    from samverkan_desktop.core.store_presence import me
    from samverkan_desktop.ui.main_window import MainWindow

    first = seed_window
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.open_path(seed_workshop)
    other_window = f"{me().name} i ett annat fönster på den här datorn"
    assert second.presence_bar.names() == [other_window]  # at once: the first was there
    qtbot.waitUntil(lambda: first.presence_bar.names() == [other_window], timeout=LIVE)
    assert first.presence_bar.isVisible()
    note = next(iter(first.doc.notes))
    first.scene.select_notes([note])
    qtbot.waitUntil(lambda: marked(second) == {note: [me().name]}, timeout=LIVE)

    second.close_document()
    qtbot.waitUntil(lambda: first.presence_bar.names() == [], timeout=LIVE)
    assert not first.presence_bar.isVisible()
