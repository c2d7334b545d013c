"""No lost update (issue 14), whatever the order: two clients write the same notes and
clusters, each from what it last heard (property, on a server and on a shared file); and an
import that merges into a cluster someone else changes between its read and its write.
Runs against the throwaway server of tests/conftest.py."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan_desktop.core import model as m
from samverkan_desktop.core.messages import describe
from samverkan_desktop.core.store import RowMovedOn, Store
from samverkan_desktop.ui import commands as cmd
from samverkan_desktop.ui.commands import importing
from samverkan_desktop.ui.document import DocumentModel

_made = itertools.count()
_COLOURS = ("", "#ffd966", "#9fc5e8", "#b6d7a8")
_step = st.tuples(
    st.sampled_from("ab"),
    st.sampled_from(["move", "vote", "text", "rename", "colour", "frame", "hear"]),
    st.integers(0, 2),
    st.integers(0, 3),
)


def _command(doc: DocumentModel, op: str, notes: list[int], clusters: list[int], r: int, v: int):
    note, cluster = notes[r % len(notes)], clusters[r % len(clusters)]
    if op == "move":
        return cmd.MoveCommand(doc, notes={note: (-300.0 - 40 * v, doc.note(note).y)})
    if op == "vote":
        return cmd.SetVotesCommand(doc, {note: doc.note(note).votes + 1})
    if op == "text":
        return cmd.EditNoteTextCommand(doc, note, f"Lapp {r} ändrad {v}")
    if op == "rename":
        return cmd.RenameClusterCommand(doc, cluster, f"Kluster {r} nytt {v}")
    if op == "colour":
        return cmd.SetColourCommand(doc, [], [cluster], _COLOURS[v])
    c = doc.cluster(cluster)
    return cmd.MoveCommand(doc, clusters={cluster: (c.x, 1000.0 + 100 * v)})


def _rows(store: Store) -> dict[tuple[str, int], dict]:
    rows: dict[tuple[str, int], dict] = {}
    for n in store.notes():
        rows["note", n.id] = {f: getattr(n, f) for f in ("text", "votes", "x", "y", "colour")}
    for c in store.clusters():
        rows["cluster", c.id] = {f: getattr(c, f) for f in ("name", "x", "y", "colour")}
    return rows


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.parametrize("where", ["server", "file"])
@given(steps=st.lists(_step, min_size=4, max_size=24))
def test_no_committed_write_is_lost_whatever_the_interleaving(
    request, qtbot, tmp_path, where, steps
):
    """Two clients write the same notes and clusters, each from what it last heard, in any
    order. Every write the store takes was made from the values it overwrites (nobody's
    committed value is replaced unseen), each refused one says so once, and the store ends as
    the accepted writes applied in commit order. On a server, and on a file open shared."""
    title = m.Workshop(f"Egenskap {next(_made)}")
    if where == "server":
        url = request.getfixturevalue("postgres_url")
        first = Store.create_url(url, title)
    else:
        path = tmp_path / f"{title.title}.samverkan"
        Store.create(path, title).close()
        first = Store.open(path, shared=True)
    with first.transaction():
        notes = [first.add_note(f"Lapp {i}", x=0.0, y=i * 300.0).id for i in range(3)]
        clusters = [
            first.add_cluster(
                f"Kluster {i}", x=400.0 + 500 * i, y=0.0, width=400.0, height=300.0
            ).id
            for i in range(2)
        ]
    docs = {
        "a": DocumentModel(first),
        "b": DocumentModel(
            Store.open_url(url, first.path.name)
            if where == "server"
            else Store.open(path, shared=True)
        ),
    }
    said: dict[str, list[str]] = {name: [] for name in docs}
    for name, doc in docs.items():
        doc._heard.disconnect(doc._on_heard)  # each hears only when the steps say so
        doc.errorOccurred.connect(said[name].append)
    try:
        server = _rows(first)
        for who, op, r, v in steps:
            doc = docs[who]
            if op == "hear":
                doc.reread("note", notes)
                doc.reread("cluster", clusters)
                continue
            command = _command(doc, op, notes, clusters, r, v)
            written = [
                ("note", command.before_notes, command.after_notes),
                ("cluster", command.before_clusters, command.after_clusters),
            ]
            written = [(k, dict(b), {i: dict(c) for i, c in a.items()}) for k, b, a in written]
            told = len(said[who])
            if doc.push(command):
                assert len(said[who]) == told
                for kind, before, after in written:
                    for i, fields in before.items():
                        for f, value in fields.items():
                            if f in server[kind, i]:
                                # What this write replaces is what its author saw.
                                assert server[kind, i][f] == value, (kind, i, f)
                    for i, fields in after.items():
                        server[kind, i].update(
                            (f, x) for f, x in fields.items() if f in server[kind, i]
                        )
            else:
                assert len(said[who]) == told + 1 and "gjordes inte" in said[who][-1]
        assert _rows(first) == server
        for doc in docs.values():
            doc.reread("note", notes)
            doc.reread("cluster", clusters)
            assert _rows(doc.store) == server
            assert {
                ("note", i): {f: getattr(n, f) for f in server["note", i]}
                for i, n in doc.notes.items()
            } == {k: v for k, v in server.items() if k[0] == "note"}
    finally:
        for doc in docs.values():
            doc.close()


# ------------------------------------------------------------------ an import that merges
def test_an_import_merging_into_a_cluster_someone_else_changes_meanwhile_is_refused(
    qtbot, postgres_url, monkeypatch
):
    """A merge reads the workshop, plans where the incoming notes go in the existing cluster
    of the same name, and writes, in one transaction: when someone else changes that cluster
    between the read and the write, the import is refused whole (on a file nobody can: the
    import holds the file's write lock from its read on)."""
    a = Store.create_url(postgres_url, m.Workshop(f"Import {next(_made)}"))
    cluster = a.add_cluster("Trygghet", x=0.0, y=0.0, width=460.0, height=360.0).id
    a.add_note("Belysning!", x=20.0, y=40.0, cluster_id=cluster)
    b = DocumentModel(Store.open_url(postgres_url, a.path.name))
    incoming = m.Document(
        m.Workshop("Annan"),
        (),
        (m.Cluster(1, "Trygghet", x=0.0, y=0.0, width=460.0, height=360.0),),
        (m.Note(1, "Trygga skolvägar", x=20.0, y=40.0, cluster_id=1),),
        (),
        (),
    )
    planned = importing.merge_into

    def meanwhile(existing: m.Document, document: m.Document):
        plan = planned(existing, document)
        a.update_cluster(cluster, colour="#ffd966")  # A colours it, and commits
        return plan

    monkeypatch.setattr(importing, "merge_into", meanwhile)
    try:
        with pytest.raises(RowMovedOn) as refused:
            cmd.ImportCommand.run(b, incoming, "Importera annan.json")
        assert describe(refused.value) == (
            "Någon annan har ändrat klustret ”Trygghet” under tiden; din ändring sparades inte."
        )
        assert [n.text for n in a.notes()] == ["Belysning!"]  # nothing of the import
        assert a.cluster(cluster).colour == "#ffd966"
        monkeypatch.setattr(importing, "merge_into", planned)
        command = cmd.ImportCommand.run(b, incoming, "Importera annan.json")  # tried again
        assert b.push(command)
        assert {n.text for n in a.notes()} == {"Belysning!", "Trygga skolvägar"}
        assert {n.cluster_id for n in a.notes()} == {cluster}
    finally:
        b.close()
        a.close()
