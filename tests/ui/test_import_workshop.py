"""File › Import of a second laptop's workshop file: same-named clusters merged, one undo step
that also puts the grown frame back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from samverkan_desktop.core import model as m
from samverkan_desktop.core.board import Board, Rect, violations
from samverkan_desktop.core.board.geometry import NOTE_H
from samverkan_desktop.core.store import Store

CTRL = Qt.KeyboardModifier.ControlModifier


def _make(path: Path, group: str, texts: list[str]) -> None:
    with Store.create(path, m.Workshop(title=path.stem)) as store:
        g = store.add_group(group, ["Anna"])
        c = store.add_cluster("Trygghet", x=0, y=0, width=460, height=190)
        for i, text in enumerate(texts):
            store.add_note(text, group_id=g.id, cluster_id=c.id, x=20 + (i % 2) * 220, y=40)
        below = store.add_cluster("Skola", x=0, y=220, width=240, height=190)
        store.add_note(f"{group} skola", group_id=g.id, cluster_id=below.id, x=20, y=260)


def _violations(doc: m.Document) -> list[str]:
    board = Board()
    for c in doc.clusters:
        board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)
    for n in doc.notes:
        board.put_note(n.id, n.x, n.y, NOTE_H, n.cluster_id)
    return violations(board)


def _menu_action(window, text: str):
    for top in window.menuBar().actions():
        for act in top.menu().actions():
            if act.text().replace("&", "") == text:
                return act
    raise AssertionError(f"no menu entry {text}")


def test_file_import_of_a_workshop_merges_and_undoes_as_one_step(
    qtbot, empty_window, interaction, tmp_path
):
    window = empty_window
    target, other = tmp_path / "laptop1.samverkan", tmp_path / "laptop2.samverkan"
    _make(target, "Grupp 1", ["a1", "a2"])
    _make(other, "Grupp 2", ["b1", "b2", "b3"])
    source = other.read_bytes()
    assert window.open_path(target)
    doc = window.doc
    before = doc.store.document()
    frame_before = before.clusters[0]

    interaction.will_select_files(other)
    _menu_action(window, "Importera anteckningar…").trigger()
    after = doc.store.document()
    trygghet = [c for c in after.clusters if c.name == "Trygghet"]
    assert len(trygghet) == 1 and trygghet[0].id == frame_before.id
    members = sorted(n.text for n in after.notes if n.cluster_id == frame_before.id)
    assert members == ["a1", "a2", "b1", "b2", "b3"]
    skola = [c for c in after.clusters if c.name == "Skola"]
    assert len(skola) == 1 and len([n for n in after.notes if n.cluster_id == skola[0].id]) == 2
    assert trygghet[0].height > frame_before.height  # the frame grew ...
    assert _violations(after) == [] and skola[0].y > 220  # ... and pushed "Skola" down
    assert doc.undo_stack.count() == 1
    assert other.read_bytes() == source

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    undone = doc.store.document()
    # The merged notes gone, the pushed ones back (only their updated_at says they moved).
    assert [(n.id, n.text, n.x, n.y, n.cluster_id) for n in undone.notes] == [
        (n.id, n.text, n.x, n.y, n.cluster_id) for n in before.notes
    ]
    assert undone.groups == before.groups
    assert [(c.id, c.x, c.y, c.width, c.height) for c in undone.clusters] == [
        (c.id, c.x, c.y, c.width, c.height) for c in before.clusters
    ]

    QTest.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    redone = doc.store.document()
    assert {n.id: (n.text, n.x, n.y, n.cluster_id) for n in redone.notes} == {
        n.id: (n.text, n.x, n.y, n.cluster_id) for n in after.notes
    }
    assert [(c.id, c.x, c.y, c.width, c.height, c.parent_id) for c in redone.clusters] == [
        (c.id, c.x, c.y, c.width, c.height, c.parent_id) for c in after.clusters
    ]


def test_a_group_of_the_same_name_is_kept_apart_and_the_status_bar_says_so(
    qtbot, empty_window, interaction, tmp_path
):
    window = empty_window
    target, other = tmp_path / "laptop1.samverkan", tmp_path / "laptop2.samverkan"
    _make(target, "Grupp 1", ["a1"])
    _make(other, "Grupp 1", ["b1"])
    assert window.open_path(target)
    interaction.will_select_files(other)
    _menu_action(window, "Importera anteckningar…").trigger()
    groups = window.doc.store.groups()
    assert [g.name for g in groups] == ["Grupp 1", "Grupp 1"]
    message = window.statusBar().currentMessage()
    assert "lappar importerade" in message and "»Grupp 1« fanns redan" in message
