"""The status bar's "N av M lappar klustrade"."""

from __future__ import annotations

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.commands import SetMembershipCommand
from samverkan_desktop.ui.document import DocumentModel
from samverkan_desktop.ui.panels.progress import ProgressIndicator


def test_counts_clustered_notes_and_follows_undo(qtbot, seed_workshop, followed):
    doc = DocumentModel(Store.open(seed_workshop))
    widget = ProgressIndicator()
    qtbot.addWidget(widget)
    widget.set_document(doc)
    clustered = sum(1 for n in doc.notes.values() if n.cluster_id is not None)
    total = len(doc.notes)
    assert widget.label.text() == f"{clustered} av {total} lappar klustrade"

    cluster = next(iter(doc.clusters))
    loose = [n.id for n in doc.notes.values() if n.cluster_id is None][:2]
    doc.push(SetMembershipCommand(doc, {i: cluster for i in loose}))
    followed()
    assert widget.label.text() == f"{clustered + 2} av {total} lappar klustrade"
    assert widget.bar.value() == clustered + 2
    doc.undo_stack.undo()
    followed()
    assert widget.label.text() == f"{clustered} av {total} lappar klustrade"
    doc.close()
