"""`samverkan-desktop suggest` and the theme-graph exports, as a script would use them."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import networkx as nx
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


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_suggest_prints_json_for_the_unclustered_notes_and_leaves_the_file(workshop, capsys):
    before = digest(workshop)
    code, out, err = call(capsys, "suggest", workshop, "--json")
    assert (code, err) == (0, "")
    suggestions = json.loads(out)["suggestions"]
    assert suggestions
    with Store.open(workshop, readonly=True) as store:
        doc = store.document()
    loose = {n.id for n in doc.notes if n.cluster_id is None}
    for s in suggestions:
        assert set(s) == {"name", "note_ids", "terms"}
        assert s["name"] and s["terms"] and len(s["note_ids"]) >= 2
        assert set(s["note_ids"]) <= loose
    assert digest(workshop) == before
    assert sorted(p.name for p in workshop.parent.iterdir()) == ["orebro.samverkan"]


def test_suggest_for_one_group_with_all_its_notes(workshop, capsys):
    code, out, _ = call(
        capsys,
        "suggest",
        workshop,
        "--group",
        "psykisk ohalsa/ofrivillig ensamhet",
        "--all",
        "--json",
    )
    assert code == 0
    with Store.open(workshop, readonly=True) as store:
        doc = store.document()
    group = next(g for g in doc.groups if g.name.startswith("Psykisk"))
    ids = {i for s in json.loads(out)["suggestions"] for i in s["note_ids"]}
    mine = {n.id for n in doc.notes if n.group_id == group.id}
    assert ids <= mine
    assert ids & {n.id for n in doc.notes if n.cluster_id is not None}  # --all ignores clusters


def test_suggest_is_the_same_every_time(workshop, capsys):
    first = call(capsys, "suggest", workshop, "--json")[1]
    assert call(capsys, "suggest", workshop, "--json")[1] == first


def test_suggest_without_json_lists_names_and_notes(workshop, capsys):
    code, out, _ = call(capsys, "suggest", workshop, "--group", "Klimat")
    assert code == 0
    assert "lappar;" in out.splitlines()[0]
    assert "  - " in out


def test_suggest_names_the_groups_when_one_is_unknown(workshop, capsys):
    code, out, err = call(capsys, "suggest", workshop, "--group", "Idrott")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Idrott" in err and "Klimat" in err


def test_suggest_on_a_transcript_says_to_import_it(seed_path, capsys):
    code, _, err = call(capsys, "suggest", seed_path, "--json")
    assert code == 1 and "import" in err and "Traceback" not in err


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_the_theme_graph(workshop, tmp_path, capsys, fmt, read):
    out_file = tmp_path / f"teman.{fmt}"
    code, out, err = call(capsys, "export", workshop, "--format", fmt, "--output", out_file)
    assert (code, err) == (0, ""), err
    graph = read(out_file)
    kinds = {k for _, k in graph.nodes(data="kind")}
    assert kinds == {"group", "note", "cluster"}
    labels = {label for _, label in graph.nodes(data="label")}
    assert "Psykisk ohälsa/ofrivillig ensamhet" in labels and "Trygghet" in labels


def test_a_redacted_graph_leaves_out_the_facilitators(workshop, tmp_path, capsys):
    out_file = tmp_path / "teman.graphml"
    assert call(capsys, "export", workshop, "--output", out_file, "--redact")[0] == 0
    text = out_file.read_text("utf-8")
    assert "Valdemarsson" not in text and "ah@hma.se" not in text


def test_suggest_as_a_separate_process_on_a_read_only_file(workshop, tmp_path):
    """As a script runs it: its own process, the file write-protected (say, on a shared drive),
    JSON on stdout, nothing written anywhere."""
    repo = Path(__file__).resolve().parents[3]
    before, mtime = digest(workshop), workshop.stat().st_mtime_ns
    workshop.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "samverkan_desktop", "suggest", str(workshop), "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(repo)},
        )
    finally:
        workshop.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert (done.returncode, done.stderr) == (0, "")
    suggestions = json.loads(done.stdout)["suggestions"]
    assert len(suggestions) >= 3
    assert all(s["name"] and s["terms"] and len(s["note_ids"]) >= 2 for s in suggestions)
    assert (digest(workshop), workshop.stat().st_mtime_ns) == (before, mtime)
    assert sorted(p.name for p in workshop.parent.iterdir()) == ["orebro.samverkan"]
