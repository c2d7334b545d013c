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
