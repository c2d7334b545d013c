"""`samverkan-desktop suggest --place`: the rest placed in the groups' own clusters, read-only."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from samverkan_desktop import cli
from samverkan_desktop.core.store import Store


@pytest.fixture
def workshop(seed_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "orebro.samverkan"
    assert cli.main(["import", str(seed_path), "--into", str(target)]) == 0
    return target


def call(capsys, *args: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_place_json_names_a_cluster_of_the_notes_own_group_and_leaves_the_file(workshop, capsys):
    before = hashlib.sha256(workshop.read_bytes()).hexdigest()
    code, out, err = call(capsys, "suggest", workshop, "--place", "--json")
    assert code == 0 and err == ""
    placements = json.loads(out)["placements"]
    with Store.open(workshop, readonly=True) as store:
        doc = store.document()
    notes = {n.id: n for n in doc.notes}
    clusters = {c.id: c for c in doc.clusters}
    loose_in_sorting_groups = {
        n.id
        for n in doc.notes
        if n.cluster_id is None and any(c.group_id == n.group_id for c in doc.clusters)
    }
    assert {p["note_id"] for p in placements} == loose_in_sorting_groups
    for p in placements:
        assert set(p) >= {"note_id", "cluster_id", "score", "terms"}
        assert clusters[p["cluster_id"]].group_id == notes[p["note_id"]].group_id
        assert 0 < p["score"] <= 1 and all(isinstance(t, str) for t in p["terms"])
    assert hashlib.sha256(workshop.read_bytes()).hexdigest() == before


def test_place_for_people_shows_note_cluster_and_confidence(workshop, capsys):
    code, out, _ = call(
        capsys, "suggest", workshop, "--place", "--group", "psykisk ohälsa/ofrivillig ensamhet"
    )
    assert code == 0
    assert "Viktigt med dialog för att skapa en gemensam behovsbild" in out
    assert "  -> " in out and " %" in out


def test_place_in_a_group_without_clusters_says_so_in_one_line(workshop, capsys):
    code, out, _ = call(capsys, "suggest", workshop, "--place", "--group", "Klimat")
    assert code == 0
    assert out.strip() == (
        "Inga lappar att placera: inga lappar utan kluster i en grupp med egna kluster."
    )
