"""Importing into an open workshop is one undoable step that keeps ids across undo/redo."""

from __future__ import annotations

from samverkan_desktop.core import layout
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.commands import SetMembershipCommand
from samverkan_desktop.ui.document import DocumentModel
from samverkan_desktop.ui.importing import ImportCommand


def test_undo_removes_the_import_and_redo_brings_back_the_same_notes(tmp_path, seed_path):
    doc = DocumentModel(Store.create(tmp_path / "tom.samverkan"))
    seed = read_source(seed_path)

    doc.push(ImportCommand.run(doc, seed, "Importera"))
    assert len(doc.notes) == len(seed.notes) == 216
    assert len(doc.groups) == 6 and len(doc.clusters) == 16
    assert doc.workshop.title == "Fördjupningsdag om samverkan"
    before = {n.id: n for n in doc.store.notes()}

    doc.undo_stack.undo()
    assert doc.store.notes() == [] and doc.store.groups() == [] and doc.store.clusters() == []
    assert doc.notes == {} and doc.workshop.title == ""

    doc.undo_stack.redo()
    assert {n.id: n for n in doc.store.notes()} == before
    assert len(doc.store.groups()) == 6
    assert doc.workshop.title == "Fördjupningsdag om samverkan"
    doc.close()


def test_commands_after_an_import_still_apply_after_undo_and_redo(tmp_path, seed_path):
    doc = DocumentModel(Store.create(tmp_path / "tom.samverkan"))
    doc.push(ImportCommand.run(doc, read_source(seed_path), "Importera"))
    cluster = next(iter(doc.clusters))
    loose = [n.id for n in doc.notes.values() if n.cluster_id is None][:3]
    doc.push(SetMembershipCommand(doc, {i: cluster for i in loose}))

    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert all(doc.store.note(i).cluster_id == cluster for i in loose)
    doc.close()


def test_a_second_import_lands_beside_the_first(tmp_path, seed_path):
    doc = DocumentModel(Store.create(tmp_path / "tom.samverkan"))
    doc.push(ImportCommand.run(doc, read_source(seed_path), "Importera"))
    first_right = layout.content_bounds(doc.store.document())[2]
    second = layout.place_right_of(read_source(seed_path), doc.store.document())
    command = ImportCommand.run(doc, second, "Importera")
    doc.push(command)

    assert len(doc.notes) == 432
    assert min(doc.note(i).x for i in command.note_ids()) > first_right
    assert len(doc.groups) == 12
    doc.undo_stack.undo()
    assert len(doc.notes) == 216 and len(doc.groups) == 6
    doc.close()
