"""DocumentModel.snapshot: what a worker thread (suggestions, the theme map) gets to work on."""

from __future__ import annotations

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.document import DocumentModel


def test_the_snapshot_is_the_stored_document_also_after_edits(qapp, seed_workshop):
    store = Store.open(seed_workshop)
    doc = DocumentModel(store)
    try:
        assert doc.snapshot() == store.document()
        first, second, third = sorted(doc.notes)[:3]
        frame = store.add_cluster("Trygghet", x=4000.0, y=0.0, width=400.0, height=300.0)
        store.update_note(first, cluster_id=frame.id, x=4020.0, y=40.0)
        store.add_link(m.Link(second, third, m.DUPLICATE_OF))
        store.delete_notes([third])
        shot = doc.snapshot()
        assert shot == store.document()
        assert shot.notes and all(n.id != third for n in shot.notes)
        assert next(n for n in shot.notes if n.id == first).cluster_id == frame.id
    finally:
        doc.close()


def test_what_the_board_has_seen_is_each_row_as_shown_with_its_version(qapp, seed_workshop):
    """After every change the board holds each note and cluster it shows with the version of
    that very row (what a gesture's first run is based on, commands/conflicts.py), and no
    version of a row that is gone."""
    store = Store.open(seed_workshop)
    doc = DocumentModel(store)
    try:
        first, second = sorted(doc.notes)[:2]
        frame = store.add_cluster("Trygghet", x=4000.0, y=0.0, width=400.0, height=300.0)
        store.update_note(first, cluster_id=frame.id, x=4020.0, y=40.0)
        store.update_cluster(frame.id, name="Trygghet 2")
        store.delete_notes([second])
        assert doc.seen_versions == {kind: store.versions(kind) for kind in ("note", "cluster")}
        assert doc.seen_versions["note"][first] == 2 and second not in doc.seen_versions["note"]
        assert doc.note(first).cluster_id == frame.id and doc.cluster(frame.id).name == "Trygghet 2"
    finally:
        doc.close()


def test_a_row_its_own_commit_only_set_fields_on_is_the_stored_row(qapp, seed_workshop):
    """The board's own gesture set fields on rows it held: it sets them on what it holds
    (no read), and holds each row as the store has it, with its version, gesture after
    gesture, undo and redo included."""
    from samverkan_desktop.core.board import gestures
    from samverkan_desktop.ui.commands import GroupAsClusterCommand

    store = Store.open(seed_workshop)
    doc = DocumentModel(store)
    reads: list[int] = []
    plain_read = store.notes_and_versions

    def counted(ids):
        ids = list(ids)
        reads.extend(ids)
        return plain_read(ids)

    store.notes_and_versions = counted
    try:
        loose = sorted(n.id for n in doc.notes.values() if n.cluster_id is None)[:12]
        for step in range(3):
            command = GroupAsClusterCommand(doc, *gestures.group(doc.board, loose[step::3]))
            assert doc.push(command)
            assert reads == []  # every changed note was set, none read back
            assert doc.snapshot() == store.document()
            assert doc.seen_versions == {k: store.versions(k) for k in ("note", "cluster")}
        for _ in range(3):
            doc.undo_stack.undo()
        for _ in range(3):
            doc.undo_stack.redo()
        assert doc.snapshot() == store.document()
        assert doc.seen_versions == {k: store.versions(k) for k in ("note", "cluster")}
    finally:
        doc.close()


def test_a_row_changed_elsewhere_since_the_board_saw_it_is_read_again_not_patched(
    qapp, seed_workshop
):
    """Another window changed a note a moment ago and this board has not heard yet; its own
    commit then sets a field on that note: the board reads the row, rather than setting the
    field on what it held, and shows the other window's change too."""
    store = Store.open(seed_workshop, shared=True)
    doc = DocumentModel(store)
    other = Store.open(seed_workshop, shared=True)
    try:
        note = min(doc.notes)
        other.update_note(note, text="Ändrad i det andra fönstret")
        store.move_notes({note: (7000.0, 50.0)})
        assert doc.note(note).text == "Ändrad i det andra fönstret"
        assert doc.note(note) == store.note(note) and doc.note(note).x == 7000.0
        assert doc.seen_versions["note"][note] == store.versions("note", [note])[note]
    finally:
        other.close()
        doc.close()
