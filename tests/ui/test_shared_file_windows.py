"""Two windows on one workshop file (issue 14): the second window opens it for writing too,
says so, and each window shows what the other does within a second, panels and title
included; the command line and other machines are still kept out."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from samverkan_desktop import cli
from samverkan_desktop.core.store import Store
from samverkan_desktop.core.store_lock import lock_path
from samverkan_desktop.ui import commands
from samverkan_desktop.ui.main_window import MainWindow

from ..program import start_script
from .test_read_only import banner, drag_note, first_note, press_plus

LIVE = 1000  # ms: the promise
SEED = Path(__file__).resolve().parents[2] / (
    "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
)


def second_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_second_window_edits_the_file_too_and_each_sees_the_others_changes(
    qtbot, seed_window, ctx, seed_workshop
):
    first = seed_window
    second = second_window(qtbot, ctx)
    assert second.open_path(seed_workshop)
    assert not second.doc.read_only and not first.doc.read_only
    assert not banner(second).isVisible() and "(skrivskyddad)" not in second.windowTitle()
    assert second.statusBar().currentMessage() == (
        "Öppnade orebro.samverkan, som också är öppen för redigering i ett annat fönster på den "
        "här datorn: ni ser varandras ändringar direkt."
    )
    assert len(json.loads(lock_path(seed_workshop).read_text("utf-8"))["holders"]) == 2

    note = first_note(first)
    press_plus(first, note)  # a vote in the first window
    qtbot.waitUntil(lambda: second.doc.note(note).votes == 1, timeout=LIVE)
    assert second.scene.note_item(note).note.votes == 1

    start = second.scene.note_item(note).pos()
    started = time.monotonic()
    drag_note(second, note, QPointF(-400, 0))  # a drag in the second, to free space
    moved = second.doc.note(note)
    assert moved.x != start.x()
    qtbot.waitUntil(lambda: first.scene.note_item(note).pos().x() == moved.x, timeout=LIVE)
    assert time.monotonic() - started < 2.0
    assert first.doc.note(note) == moved
    assert first.doc.undo_stack.count() == 1 and second.doc.undo_stack.count() == 1

    cluster = next(iter(first.doc.clusters))
    rename = commands.RenameClusterCommand(first.doc, cluster, "Omdöpt i det första fönstret")
    assert first.doc.push(rename)
    item = second.clusters_panel.item_for(cluster)
    qtbot.waitUntil(lambda: item.text(0) == "Omdöpt i det första fönstret", timeout=LIVE)
    first.doc.store.set_workshop(dataclasses.replace(first.doc.workshop, title="Ny titel"))
    qtbot.waitUntil(lambda: "Ny titel" in second.windowTitle(), timeout=LIVE)

    second.close_document()  # the first one goes on writing, alone
    assert len(json.loads(lock_path(seed_workshop).read_text("utf-8"))["holders"]) == 1
    press_plus(first, note)
    with Store.open(seed_workshop, readonly=True) as store:
        assert store.note(note).votes == 2
    first.close_document()
    assert not lock_path(seed_workshop).exists()


def test_the_command_line_is_still_kept_out_while_windows_have_the_file(
    qtbot, seed_window, ctx, seed_workshop, capsys
):
    second = second_window(qtbot, ctx)
    assert second.open_path(seed_workshop)
    before = seed_workshop.read_bytes()
    assert cli.main(["import", str(SEED), "--into", str(seed_workshop)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "är öppen för redigering av " in err
    assert seed_workshop.read_bytes() == before
    second.close_document()


def test_per_person_undo_across_two_windows(qtbot, seed_window, ctx, seed_workshop):
    """A's undo after B moved the same note is refused and says why; the note stays where B
    put it in both windows."""
    first = seed_window
    second = second_window(qtbot, ctx)
    assert second.open_path(seed_workshop)
    note = first_note(first)
    start = first.doc.note(note)
    drag_note(first, note, QPointF(-400, 0))
    assert first.doc.note(note).x == start.x - 400
    qtbot.waitUntil(lambda: second.doc.note(note) == first.doc.note(note), timeout=LIVE)
    drag_note(second, note, QPointF(0, -300))
    where_b_put_it = second.doc.note(note)
    assert where_b_put_it.y == start.y - 300
    qtbot.waitUntil(lambda: first.doc.note(note) == where_b_put_it, timeout=LIVE)

    first.activateWindow()
    assert QTest.qWaitForWindowActive(first)
    first.view.setFocus()
    before = seed_workshop.read_bytes()
    with qtbot.waitSignal(first.doc.errorOccurred) as said:
        QTest.keyClick(first.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert said.args[0].startswith("Kan inte ångra ”Flytta 1 lapp”: någon annan har ändrat lappen")
    assert not first.doc.undo_stack.canUndo()
    assert first.doc.note(note) == second.doc.note(note) == where_b_put_it
    assert seed_workshop.read_bytes() == before  # nothing written
    second.close_document()


_OTHER_PROGRAM = """
import sys
from pathlib import Path
from samverkan_desktop.core.store import Store

store = Store.open(Path(sys.argv[1]), shared=True)  # as another copy of the program opens it
print("ready", flush=True)
for line in sys.stdin:
    note, votes = (int(word) for word in line.split())
    store.update_note(note, votes=votes)
    print("saved", flush=True)
store.close()
"""


def test_another_program_on_this_computer_edits_along_and_the_window_follows(
    qtbot, seed_window, seed_workshop
):
    window = seed_window
    other = start_script(_OTHER_PROGRAM, seed_workshop)
    try:
        assert other.stdout.readline().strip() == "ready"  # joined the window's lock
        note = first_note(window)
        other.stdin.write(f"{note} 4\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "saved"
        qtbot.waitUntil(lambda: window.scene.note_item(note).note.votes == 4, timeout=LIVE)
        press_plus(window, note)  # and the window's own vote goes on top of it
        with Store.open(seed_workshop, readonly=True) as store:
            assert store.note(note).votes == 5
    finally:
        other.stdin.close()
        other.wait(30)
    assert len(json.loads(lock_path(seed_workshop).read_text("utf-8"))["holders"]) == 1
