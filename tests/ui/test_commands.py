"""Undo commands and the DocumentModel, on a real workshop file (no board needed).

Every command is checked the same way: redo changes the file, undo gives back exactly what was
there, redo again gives exactly the changed state (with the same ids).
"""

from __future__ import annotations

import dataclasses
import gc

import pytest
from sqlalchemy import event

from samverkan_desktop.core import model as m
from samverkan_desktop.core.board import Rect, gestures
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui import commands as cmd
from samverkan_desktop.ui.board.actions import split_note
from samverkan_desktop.ui.document import DocumentModel

STAMPS = {"created_at", "updated_at"}


def state(store: Store) -> tuple:
    """The document without timestamps (which rightly change on every write)."""

    def plain(obj):
        return tuple(v for k, v in dataclasses.asdict(obj).items() if k not in STAMPS)

    return (
        sorted(plain(n) for n in store.notes()),
        sorted(plain(c) for c in store.clusters()),
        sorted(plain(g) for g in store.groups()),
    )


@pytest.fixture
def doc(qapp, tmp_path):
    store = Store.create(tmp_path / "w.samverkan", m.Workshop("Test"))
    with store.transaction():  # one commit, not nine each synced to disk
        g = store.add_group("Klimat").id
        a = store.add_cluster("Trygghet", x=300.0, y=0.0, width=460.0, height=360.0).id
        b = store.add_cluster("Samverkan", x=800.0, y=0.0, width=440.0, height=620.0).id
        c = store.add_cluster(
            "Mötesplatser", x=820.0, y=300.0, width=400.0, height=300.0, parent_id=b
        ).id
        store.add_note("Lös ett. Lös två.", group_id=g, x=0.0, y=0.0)
        store.add_note("Lös tre", group_id=g, x=0.0, y=160.0, votes=2)
        store.add_note("I A", group_id=g, x=320.0, y=40.0, cluster_id=a)
        store.add_note("Också i A", group_id=g, x=540.0, y=40.0, cluster_id=a, uncertain=True)
        store.add_note("I C", group_id=g, x=840.0, y=340.0, cluster_id=c)
    model = DocumentModel(store)
    yield model
    model.close()


def round_trip(doc: DocumentModel, command) -> tuple:
    before = state(doc.store)
    assert doc.push(command)
    after = state(doc.store)
    assert after != before
    doc.undo_stack.undo()
    assert state(doc.store) == before
    doc.undo_stack.redo()
    assert state(doc.store) == after
    return after


def group(doc, notes, name=None, origin=None):
    """Ctrl+G as the board does it: the caller places the frame (core.board.gestures.group)."""
    draft, new = gestures.group(doc.board, notes, (), origin)
    return cmd.GroupAsClusterCommand(doc, draft, new, name)


def merge(doc, clusters):
    draft, target = gestures.merge_clusters(doc.board, clusters)
    return cmd.MergeClustersCommand(doc, draft, target)


def add_note(doc, text, group_id, x, y, cluster_id=None):
    height = doc.note_height(m.Note(0, text))
    draft, new = gestures.add_note(doc.board, x, y, height, cluster_id)
    return cmd.AddNoteCommand(doc, text, group_id, draft, new)


COMMANDS = {
    "move": lambda d: cmd.MoveCommand(d, notes={1: (10.0, 20.0), 2: (30.0, 40.0)}),
    "move into cluster": lambda d: cmd.MoveCommand(d, notes={1: (330.0, 200.0)}, membership={1: 1}),
    "membership": lambda d: cmd.SetMembershipCommand(d, {3: None, 1: 2}),
    "nest": lambda d: cmd.SetParentCommand(d, 1, 2),
    "un-nest": lambda d: cmd.SetParentCommand(d, 3, None),
    "rename": lambda d: cmd.RenameClusterCommand(d, 1, "Trygghet och belysning"),
    "resize": lambda d: cmd.ResizeClusterCommand(
        d, 1, gestures.resize_frame(d.board, 1, Rect(300, 0, 600, 500))
    ),
    "tidy": lambda d: cmd.TidyClusterCommand(d, 2, gestures.tidy(d.board, 2)),
    "group": lambda d: group(d, [1, 2], name="Ny"),
    "group gathered": lambda d: group(d, [1, 5], origin=(0, 900)),
    "merge clusters": lambda d: merge(d, [1, 3]),
    "merge parent and child": lambda d: merge(d, [2, 3]),
    "delete cluster": lambda d: cmd.DeleteClusterCommand(d, 1),
    "delete nested parent": lambda d: cmd.DeleteClusterCommand(d, [2]),
    "add note": lambda d: add_note(d, "Ny lapp", 1, 330.0, 200.0, cluster_id=1),
    "edit text": lambda d: cmd.EditNoteTextCommand(d, 1, "Ändrad"),
    "delete notes": lambda d: cmd.DeleteNotesCommand(d, [1, 3]),
    "delete both": lambda d: cmd.DeleteCommand(d, [3], [1]),
    "split": lambda d: split_note(d, 1),
    "merge notes": lambda d: cmd.MergeNotesCommand(d, [3, 4]),
    "votes": lambda d: cmd.SetVotesCommand(d, {1: 3, 2: 0}),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_undoes_and_redoes_exactly(doc, name):
    round_trip(doc, COMMANDS[name](doc))


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_is_one_commit_each_way(doc, name):
    # A crash between two commits of one action would leave half of it in the file.
    commits: list[int] = []
    event.listen(doc.store._engine, "commit", lambda _conn: commits.append(1))
    assert doc.push(COMMANDS[name](doc))
    assert len(commits) == 1
    doc.undo_stack.undo()
    assert len(commits) == 2
    doc.undo_stack.redo()
    assert len(commits) == 3


def test_the_board_texts_are_swedish(doc):
    texts = {name: make(doc).text() for name, make in COMMANDS.items()}
    assert texts["move"] == "Flytta 2 lappar"
    assert texts["move into cluster"] == "Lägg 1 lapp i »Trygghet«"
    assert texts["nest"] == "Lägg »Trygghet« i »Samverkan«"
    assert texts["un-nest"] == "Ta ut »Mötesplatser« ur »Samverkan«"
    assert texts["group"] == "Gruppera 2 lappar som kluster"
    assert texts["delete cluster"] == "Ta bort klustret »Trygghet«"
    assert texts["delete both"] == "Ta bort 1 lapp och 1 kluster"
    assert texts["merge clusters"] == "Slå ihop 2 kluster till »Trygghet«"
    assert texts["split"] == "Dela lappen i två"
    assert texts["merge notes"] == "Slå ihop 2 lappar"
    assert texts["votes"] == "Ändra prickröster på 2 lappar"


def test_deleted_things_come_back_with_their_ids_so_later_commands_still_apply(doc):
    add = add_note(doc, "Ny", 1, 0.0, 400.0)
    doc.push(add)
    doc.push(cmd.EditNoteTextCommand(doc, add.note_id, "Ny text"))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.store.notes([add.note_id]) == []
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert doc.store.note(add.note_id).text == "Ny text"


def test_merging_notes_keeps_the_marks_and_sums_the_votes(doc):
    doc.push(cmd.MergeNotesCommand(doc, [2, 1]))
    kept = doc.store.note(1)  # the first in reading order
    assert kept.text == "Lös ett. Lös två.\nLös tre"
    assert kept.votes == 2
    doc.push(cmd.MergeNotesCommand(doc, [3, 4]))
    assert doc.store.note(3).uncertain


def test_merging_clusters_puts_every_note_in_the_target_and_tidies_it(doc):
    command = merge(doc, [1, 3])
    doc.push(command)
    assert command.target == 1
    assert {n.id for n in doc.store.notes() if n.cluster_id == 1} == {3, 4, 5}
    frame = doc.store.cluster(1)
    for n in doc.store.notes([3, 4, 5]):
        assert frame.x < n.x < frame.x + frame.width - m.NOTE_WIDTH
        assert frame.y < n.y < frame.y + frame.height - m.NOTE_HEIGHT


def test_a_refused_command_leaves_no_undo_step_and_says_why(doc, qtbot):
    doc.push(cmd.SetParentCommand(doc, 3, None))
    # B inside C while C is inside B would be a cycle: the store refuses it.
    doc.push(cmd.SetParentCommand(doc, 3, 2))
    with qtbot.waitSignal(doc.errorOccurred) as blocker:
        ok = doc.push(cmd.SetParentCommand(doc, 2, 3))
    assert not ok
    assert blocker.args == ["Ett kluster kan inte ligga i sig självt."]
    assert doc.undo_stack.count() == 2
    assert doc.store.cluster(2).parent_id is None


def test_document_model_follows_the_store(doc, qtbot):
    with qtbot.waitSignal(doc.notesChanged) as blocker:
        note = doc.store.add_note("Utifrån", x=1.0, y=2.0, cluster_id=1)
    assert blocker.args == [frozenset({note.id})]
    assert doc.note(note.id).text == "Utifrån"
    assert note.id in doc.members(1)
    with qtbot.waitSignal(doc.notesRemoved) as blocker:
        doc.store.delete_notes([note.id])
    assert blocker.args == [frozenset({note.id})]
    assert note.id not in doc.notes and note.id not in doc.members(1)

    assert doc.child_clusters(2) == {3}
    assert list(doc.ancestors(3)) == [2]
    assert doc.depth(3) == 1
    assert doc.subtree_notes(2) == {5}
    with qtbot.waitSignals([doc.clustersRemoved, doc.clustersChanged]):
        doc.store.delete_cluster(2)
    assert doc.child_clusters(2) == frozenset() and doc.cluster(3).parent_id is None
    with qtbot.waitSignal(doc.groupsChanged):
        doc.store.add_group("Ny grupp")
    assert doc.group_index(2) == 1


def test_a_refused_step_undoes_the_steps_before_it(doc, qtbot):
    # One action of two steps: the note's text, then C around B (B already holds C: a cycle).
    both = cmd.StoreCommand(doc, "Två steg")
    cmd.EditCommand(doc, "", notes={1: {"text": "Ändrad"}}, parent=both)
    cmd.EditCommand(doc, "", clusters={2: {"parent_id": 3}}, parent=both)
    with qtbot.waitSignal(doc.errorOccurred) as blocker:
        assert not doc.push(both)
    assert blocker.args == ["Ett kluster kan inte ligga i sig självt."]
    assert doc.store.note(1).text == "Lös ett. Lös två." and doc.note(1).text == "Lös ett. Lös två."
    assert doc.store.cluster(3).parent_id == 2
    assert doc.undo_stack.count() == 0


def test_actions_made_of_steps_still_undo_when_the_caller_has_let_go_of_them(doc):
    # The stack alone keeps them: nothing of a step may be freed under it.
    before = state(doc.store)
    for name in ("group", "split", "merge clusters", "add note", "merge notes", "delete both"):
        assert doc.push(COMMANDS[name](doc))
    gc.collect()
    after = state(doc.store)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert state(doc.store) == before
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert state(doc.store) == after
    doc.undo_stack.clear()
    gc.collect()
