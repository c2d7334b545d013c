"""A workshop that another program has open for writing alone (or another machine) opens
read-only in the window, says who has it, saves nothing, and can be taken up again once free.
(Windows of one machine share a file: tests/ui/test_shared_file_windows.py.)"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame

from samverkan_desktop.core.store import Store
from samverkan_desktop.core.store_lock import lock_path
from samverkan_desktop.ui.main_window import MainWindow

HOST = socket.gethostname()


def banner(window: MainWindow) -> QFrame:
    found = window.findChild(QFrame, "readOnlyBanner")
    assert found is not None
    return found


def state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def lock_user(path: Path) -> str:
    return json.loads(lock_path(path).read_text("utf-8"))["user"]


def first_note(window: MainWindow) -> int:
    return min(window.doc.notes.values(), key=lambda n: (n.y, n.x)).id


def press_plus(window: MainWindow, note_id: int) -> None:
    window.activateWindow()  # shortcuts go to the active window only
    assert QTest.qWaitForWindowActive(window)
    window.scene.select_notes([note_id])
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Plus)


def drag_note(window: MainWindow, note_id: int, by: QPointF) -> None:
    view = window.view
    view.zoom_100()
    start = window.scene.note_item(note_id).sceneBoundingRect().center()
    view.centerOn(start)
    port = view.viewport()
    QTest.mousePress(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.mapFromScene(start)
    )
    for t in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(port, view.mapFromScene(start + by * t))
    QTest.mouseRelease(
        port,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.mapFromScene(start + by),
    )


def assert_edits_refused(window: MainWindow, path: Path) -> None:
    """A vote and a drag in a read-only window: nothing reaches the file, the note goes back to
    its place, and the status bar says why."""
    before = state(path)
    note_id = first_note(window)
    note = window.doc.note(note_id)
    assert not window.board_actions.add_vote.isEnabled()
    press_plus(window, note_id)
    drag_note(window, note_id, QPointF(0, 120))
    assert "Skrivskyddad" in window.statusBar().currentMessage()
    item = window.scene.note_item(note_id)
    assert (item.pos().x(), item.pos().y()) == pytest.approx((note.x, note.y))  # snapped back
    assert window.doc.note(note_id) == note and window.doc.undo_stack.count() == 0
    assert state(path) == before


def test_a_file_open_in_another_process_opens_read_only_until_it_is_free(
    qtbot, empty_window, seed_workshop, hold_open
):
    window = empty_window
    qtbot.waitExposed(window)
    holder = hold_open(seed_workshop)
    assert window.open_path(seed_workshop)

    assert window.doc.read_only and banner(window).isVisible()
    text = window.read_only_mode.banner.message.text()
    assert f"{lock_user(seed_workshop)} på datorn {HOST}" in text and "sedan kl.\u00a0" in text
    assert "inte spara ändringar" in text
    assert "(skrivskyddad)" in window.windowTitle()
    actions = window.board_actions
    assert not any(
        a.isEnabled() for a in (actions.new_note, actions.delete, actions.group_as_cluster)
    )
    assert actions.zoom_to_fit.isEnabled() and actions.select_all.isEnabled()
    assert window.find_action.isEnabled() and not window.files.import_.isEnabled()
    assert_edits_refused(window, seed_workshop)

    holder.close()
    qtbot.mouseClick(window.read_only_mode.banner.retry, Qt.MouseButton.LeftButton)
    assert not window.doc.read_only and not banner(window).isVisible()
    assert "(skrivskyddad)" not in window.windowTitle()
    assert window.files.import_.isEnabled()
    note_id = first_note(window)
    votes = window.doc.note(note_id).votes
    press_plus(window, note_id)
    assert window.doc.note(note_id).votes == votes + 1
    with Store.open(seed_workshop, readonly=True) as store:
        assert store.note(note_id).votes == votes + 1


def test_a_second_window_in_the_same_program_is_read_only_while_the_command_line_has_the_file(
    qtbot, seed_window, ctx, seed_workshop
):
    """Windows share the file (tests/ui/test_shared_file_windows.py); a program that holds it
    alone (here: this one's own exclusive lock, as the command line takes it) keeps a new
    window out until it lets go."""
    first = seed_window
    first.close_document()
    alone = Store.open(seed_workshop)  # exclusive
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.open_path(seed_workshop)
    assert second.doc.read_only
    text = second.read_only_mode.banner.message.text()
    assert text.startswith(f"Du ({lock_user(seed_workshop)} på datorn {HOST}) har redan")
    assert_edits_refused(second, seed_workshop)

    note_id = first_note(second)
    alone.update_note(note_id, votes=1)  # the other one still writes

    # Still taken: trying again says so and stays read-only.
    qtbot.mouseClick(second.read_only_mode.banner.retry, Qt.MouseButton.LeftButton)
    assert second.doc.read_only and banner(second).isVisible()
    assert "fortfarande öppen" in second.statusBar().currentMessage()

    alone.close()
    qtbot.mouseClick(second.read_only_mode.banner.retry, Qt.MouseButton.LeftButton)
    assert not second.doc.read_only and not banner(second).isVisible()
    assert second.doc.note(note_id).votes == 1  # read afresh: the other one's vote is there
    press_plus(second, note_id)
    with Store.open(seed_workshop, readonly=True) as store:
        assert store.note(note_id).votes == 2
    second.close_document()


def test_save_a_copy_from_the_banner_and_go_on_in_it(
    qtbot, empty_window, seed_workshop, hold_open, interaction, tmp_path
):
    window = empty_window
    hold_open(seed_workshop)
    before = state(seed_workshop)
    assert window.open_path(seed_workshop) and window.doc.read_only
    copy = tmp_path / "min kopia.samverkan"
    interaction.will_select_files(copy)
    qtbot.mouseClick(window.read_only_mode.banner.save_copy, Qt.MouseButton.LeftButton)
    assert window.path == copy and not window.doc.read_only
    assert not banner(window).isVisible()
    note_id = first_note(window)
    press_plus(window, note_id)
    with Store.open(copy, readonly=True) as store:
        assert store.note(note_id).votes == 1
    assert state(seed_workshop) == before


def test_a_lock_taken_over_while_this_computer_slept_turns_the_window_read_only(
    qtbot, seed_window, seed_workshop
):
    window = seed_window
    note_id = first_note(window)
    press_plus(window, note_id)  # an edit before the sleep stays in the file
    assert window.doc.undo_stack.count() == 1
    # Asleep for over ten minutes; another computer took the file over.
    taken = {
        "app": "Samverkan Desktop",
        "user": "kerstin",
        "host": "KONFERENS-PC",
        "pid": 4242,
        "since": "2026-03-01T08:30:00+00:00",
        "token": "deras",
    }
    lock_path(seed_workshop).write_text(json.dumps(taken), "utf-8")
    window.workspace.lock._last = time.time() - 15 * 60
    before = state(seed_workshop)

    press_plus(window, note_id)  # the first thing done on waking: checked before it is saved

    assert window.doc.read_only and banner(window).isVisible()
    text = window.read_only_mode.banner.message.text()
    assert "hos kerstin på datorn KONFERENS-PC sedan" in text and "togs över" in text
    assert "Dina ändringar fram till dess finns kvar i filen." in text
    assert "(skrivskyddad)" in window.windowTitle()
    assert "kerstin" in window.statusBar().currentMessage()
    assert window.doc.note(note_id).votes == 1 and window.doc.undo_stack.count() == 0
    assert state(seed_workshop) == before
    window.close_document()  # closing neither writes the view nor removes their lock
    assert state(seed_workshop) == before
    assert json.loads(lock_path(seed_workshop).read_text("utf-8"))["token"] == "deras"


def test_the_heartbeat_timer_finds_a_lost_lock_by_itself(qtbot, seed_window, seed_workshop):
    window = seed_window
    keeper = window.workspace.lock
    assert keeper.timer.isActive()
    lock_path(seed_workshop).unlink()  # someone deleted it
    keeper._last = 0.0
    keeper.timer.setInterval(20)
    qtbot.waitUntil(lambda: window.doc.read_only, timeout=5000)
    assert banner(window).isVisible() and not keeper.timer.isActive()
    assert "inte längre" in window.read_only_mode.banner.message.text()


def test_the_writer_keeps_its_lock_alive(qtbot, seed_window, seed_workshop):
    lock = lock_path(seed_workshop)
    old = time.time() - 5 * 60
    os.utime(lock, (old, old))
    keeper = seed_window.workspace.lock
    keeper._last = 0.0
    keeper.tick()
    assert time.time() - lock.stat().st_mtime < 5 and not seed_window.doc.read_only


@pytest.fixture
def read_only_share(tmp_path: Path, seed_workshop: Path):
    """The seed workshop seen through a read-only bind mount (a write-protected share)."""
    source, view = tmp_path / "share", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    (source / seed_workshop.name).write_bytes(seed_workshop.read_bytes())
    if (
        subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True).returncode
        != 0
    ):
        pytest.skip("mounting is not allowed here")
    try:
        if (
            subprocess.run(
                ["mount", "-o", "remount,bind,ro", str(view)], capture_output=True
            ).returncode
            != 0
        ):
            pytest.skip("a read-only remount is not allowed here")
        yield view / seed_workshop.name
    finally:
        subprocess.run(["umount", str(view)], capture_output=True)


def test_a_workshop_in_a_folder_that_cannot_be_written_opens_read_only(
    qtbot, empty_window, read_only_share
):
    window = empty_window
    assert window.open_path(read_only_share)
    assert window.doc.read_only and banner(window).isVisible()
    text = window.read_only_mode.banner.message.text()
    assert text.startswith("Mappen som workshoppen ligger i går inte att skriva i")
    assert_edits_refused(window, read_only_share)


@pytest.fixture
def write_protected(seed_workshop: Path):
    """The seed workshop marked unchangeable (chattr +i: what a read-only file is even to
    root, who may write any file with plain permissions); skipped where that is not allowed."""
    if subprocess.run(["chattr", "+i", str(seed_workshop)], capture_output=True).returncode:
        pytest.skip("chattr +i is not allowed here")
    try:
        yield seed_workshop
    finally:
        subprocess.run(["chattr", "-i", str(seed_workshop)], capture_output=True)


def test_a_write_protected_workshop_opens_read_only_instead_of_not_at_all(
    qtbot, empty_window, write_protected, interaction
):
    """It used to say "är skrivskyddad" in an error box and show nothing."""
    window = empty_window
    assert window.open_path(write_protected)
    assert interaction.errors() == []
    assert window.doc.read_only and banner(window).isVisible()
    text = window.read_only_mode.banner.message.text()
    assert text.startswith("Workshopfilen är skrivskyddad")
    assert len(window.doc.notes) == 216
    assert_edits_refused(window, write_protected)
    assert "filen går inte att skriva i" in window.statusBar().currentMessage()
    assert not lock_path(write_protected).exists()  # nothing left beside it


def test_in_english_the_banner_and_the_refusal_have_no_swedish_left(
    qapp, qtbot, ctx, seed_workshop, hold_open
):
    from samverkan_desktop.ui.i18n import install_translators, remove_translators

    hold_open(seed_workshop)
    translators = install_translators(qapp, "en")
    try:
        window = MainWindow(ctx)  # made after the language is set, as the app does
        qtbot.addWidget(window)
        window.show()
        assert window.open_path(seed_workshop)
        shown = window.read_only_mode.banner
        texts = [
            shown.title.text(),
            shown.message.text(),
            shown.save_copy.text(),
            shown.retry.text(),
            shown.save_copy.toolTip(),
            shown.retry.toolTip(),
        ]
        assert texts[:4] == [
            "Read-only",
            f"You ({lock_user(seed_workshop)} on the computer {HOST}) have had the workshop "
            f"open for editing in another window since {texts[1].split('since ')[1]}",
            "Save a copy…",
            "Try again",
        ]
        assert texts[1].endswith(
            "but not save changes. You see the workshop as it was when you opened it."
        )
        assert window.windowTitle().startswith("orebro.samverkan (read-only) — ")
        drag_note(window, first_note(window), QPointF(0, 120))
        refusal = window.statusBar().currentMessage()
        texts.append(refusal)
        assert refusal.startswith("Read-only: ") and refusal.endswith("the change was not saved.")
        assert [t for t in texts if any(ch in t.lower() for ch in "åäö")] == []
        window.close_document()
    finally:
        remove_translators(qapp, translators)


def test_the_sample_open_in_another_window_is_the_same_file_not_a_new_one(qtbot, ctx):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    assert first.files.open_sample()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert second.files.open_sample()
    assert second.path == first.path  # both edit it: the file is shared between windows
    assert not second.doc.read_only and not first.doc.read_only
    assert sorted(p.name for p in first.path.parent.iterdir()) == [
        f".~lock.{first.path.name}#",
        first.path.name,
    ]
    second.close_document()
    first.close_document()
