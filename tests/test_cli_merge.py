"""`samverkan-desktop import other.samverkan --into target.samverkan`: another laptop's work
merged in, same-named clusters as one; a bad source changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from samverkan_desktop import cli
from samverkan_desktop.core import exchange
from samverkan_desktop.core import model as m
from samverkan_desktop.core.board import Board, Rect, violations
from samverkan_desktop.core.board.geometry import NOTE_H
from samverkan_desktop.core.store import Store

pytestmark = pytest.mark.usefixtures("swedish")  # these tests read the program's Swedish


def call(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _make(path: Path, group: str, texts: list[str], x: float = 0.0) -> None:
    with Store.create(path) as store:
        g = store.add_group(group, ["Anna"])
        c = store.add_cluster("Trygghet", x=x, y=0, width=460, height=190)
        for i, text in enumerate(texts):
            store.add_note(text, group_id=g.id, cluster_id=c.id, x=x + 20 + i * 220, y=40)


def _summary(path: Path) -> m.Document:
    with Store.open(path, readonly=True) as store:
        return store.document()


def _overlaps(doc: m.Document) -> list[str]:
    board = Board()
    for c in doc.clusters:
        board.put_frame(c.id, Rect(c.x, c.y, c.width, c.height), c.parent_id)
    for n in doc.notes:
        board.put_note(n.id, n.x, n.y, NOTE_H, n.cluster_id)
    return violations(board)


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "mål.samverkan"
    _make(path, "Grupp 1", ["a1", "a2"])
    return path


@pytest.mark.parametrize("kind", ["samverkan", "json"])
def test_import_merges_a_workshop_or_its_json_export(kind, target, tmp_path, capsys):
    other = tmp_path / "laptop2.samverkan"
    _make(other, "Grupp 2", ["b1", "b2", "b3"], x=300)
    source = other
    if kind == "json":
        source = tmp_path / "laptop2.json"
        source.write_bytes(exchange.dumps(_summary(other)))
    before = source.read_bytes()

    code, out, err = call(capsys, "import", source, "--into", target)
    assert code == 0, err
    assert f"Lade till 3 lappar från {source.name} i mål.samverkan." in out
    assert "Klustret »Trygghet« fanns redan: 3 lappar lades i det." in out
    doc = _summary(target)
    assert [c.name for c in doc.clusters] == ["Trygghet"]
    assert sorted(n.text for n in doc.notes if n.cluster_id == doc.clusters[0].id) == [
        "a1",
        "a2",
        "b1",
        "b2",
        "b3",
    ]
    assert [g.name for g in doc.groups] == ["Grupp 1", "Grupp 2"]
    assert _overlaps(doc) == []
    assert source.read_bytes() == before


def test_groups_of_the_same_name_are_kept_apart_and_said(target, tmp_path, capsys):
    other = tmp_path / "laptop2.samverkan"
    _make(other, "grupp 1", ["b1"])
    code, out, _ = call(capsys, "import", other, "--into", target)
    assert code == 0
    assert "Obs: Gruppen »grupp 1« fanns redan" in out
    assert [g.name for g in _summary(target).groups] == ["Grupp 1", "grupp 1"]


@pytest.mark.parametrize("damage", ["garbage page", "cut short", "foreign database"])
def test_a_damaged_source_changes_nothing_in_the_target(damage, target, tmp_path, capsys):
    import sqlite3

    other = tmp_path / "trasig.samverkan"
    if damage == "foreign database":
        other = tmp_path / "annan.db"
        con = sqlite3.connect(other)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    else:
        _make(other, "Grupp 2", ["b1"] * 50)
        data = other.read_bytes()
        if damage == "garbage page":
            data = data[:4096] + b"\xff" * 4096 + data[8192:]
        else:
            data = data[: len(data) // 2]
        other.write_bytes(data)
    before = target.read_bytes()
    code, out, err = call(capsys, "import", other, "--into", target)
    assert code == 1 and out == ""
    assert err.startswith("samverkan-desktop: fel: ") and err.count("\n") == 1, err
    assert other.name in err and "Traceback" not in err
    assert target.read_bytes() == before


def test_a_workshop_cannot_be_imported_into_itself(target, capsys):
    before = target.read_bytes()
    code, _, err = call(capsys, "import", target, "--into", target)
    assert code == 1 and "i sig själv" in err
    assert target.read_bytes() == before
