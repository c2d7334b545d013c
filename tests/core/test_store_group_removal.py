"""Removing and restoring groups, which undoing an import needs."""

from __future__ import annotations

from samverkan_desktop.core.store import Store


def test_deleted_groups_come_back_with_their_ids(tmp_path):
    events = []
    with Store.create(tmp_path / "w.samverkan") as store:
        keep = store.add_group("Grupp 1")
        gone = store.add_group("Grupp 2", ["Anna"])
        store.subscribe(events.append)

        removed = store.delete_groups([gone.id])

        assert [g.name for g in store.groups()] == ["Grupp 1"]
        assert events[-1].removed["group"] == {gone.id}
        store.restore_groups(removed)
        assert store.groups() == [keep, gone]
        assert events[-1].changed["group"] == {gone.id}
