"""Hostile JSON files: each is refused with one Swedish line naming the place; nothing is written.

The inputs are the ones that gave tracebacks when issue 8 fuzzed the importer: a lone surrogate,
100,000 levels of brackets, 1e400, votes of 2^63, clusters nested 500 deep. Each goes through the
command line once as well (`cli.main`); the deepest through the real program in a new process, as
a user would meet it, where a stack that overflowed would end the process, not a test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from samverkan_desktop.core import layout, limits
from samverkan_desktop.core import model as m
from samverkan_desktop.core.exchange import ExchangeError, loads
from samverkan_desktop.core.importers import SourceError, load_source
from samverkan_desktop.core.store import Store


def _doc(**parts) -> dict:
    return {"format": "samverkan-workshop", "version": 1, **parts}


def _notes(count: int = 2, **fields) -> list[dict]:
    return [{"id": i + 1, "text": f"lapp {i + 1}", **fields} for i in range(count)]


def _chain(depth: int) -> list[dict]:
    """Clusters each inside the one before: depth levels."""
    return [{"id": i + 1, "name": f"k{i + 1}", "parent_id": i if i else None} for i in range(depth)]


# Raw JSON text: some of these json.dumps cannot write (NaN as a literal, 5,000 digits).
EXACT = {
    "surrogat": (
        json.dumps(_doc(notes=[{"id": 1, "text": "ok"}, {"id": 2, "text": "a\ud800b"}])),
        r"notes\[1\]\.text innehåller ett ogiltigt tecken",
    ),
    "djup": ("[" * 100_000 + "]" * 100_000, "för djupt nästlad"),
    "djup-i-okänt-fält": (
        '{"format": "samverkan-workshop", "version": 1, "extra": '
        + "[" * 100_000
        + "]" * 100_000
        + "}",
        "för djupt nästlad",
    ),
    "oändlig": (
        json.dumps(_doc(notes=_notes(1))).replace('"text"', '"x": 1e400, "text"'),
        r"notes\[0\]\.x är inget ändligt tal",
    ),
    "nan": (
        json.dumps(_doc(notes=_notes(1))).replace('"text"', '"y": NaN, "text"'),
        r"notes\[0\]\.y är inget ändligt tal",
    ),
    "infinity": (
        json.dumps(_doc(clusters=[{"id": 1, "name": "k", "width": 0}])).replace(
            '"width": 0', '"width": -Infinity'
        ),
        r"clusters\[0\]\.width är inget ändligt tal",
    ),
    "röster": (
        json.dumps(_doc(notes=_notes(1, votes=2**63))),
        r"notes\[0\]\.votes ska vara mellan 0 och 1 000 000",
    ),
    "siffror": (
        json.dumps(_doc(notes=_notes(1))).replace('"text"', '"votes": 1' + "0" * 5000 + ', "text"'),
        r"notes\[0\]\.votes ska vara mellan 0 och 1 000 000, inte ett för stort tal",
    ),
    "kluster-500": (
        json.dumps(_doc(clusters=_chain(500), notes=_notes(2, cluster_id=500))),
        r"clusters\[32\]: kluster 33 ligger 33 nivåer djupt",
    ),
}


@pytest.mark.parametrize("name", list(EXACT))
def test_each_exact_input_is_refused_naming_the_place(name: str, tmp_path: Path):
    text, message = EXACT[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with pytest.raises(SourceError, match=message) as info:
        load_source(path)
    assert str(info.value).startswith(f"{name}.json: ")
    assert "\n" not in str(info.value)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "samverkan_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
    )


def _assert_refused(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("samverkan-desktop: fel: ")


@pytest.mark.parametrize("name", list(EXACT))
def test_the_command_line_refuses_each_with_one_line_and_writes_nothing(
    name, tmp_path: Path, run_cli
):
    text, message = EXACT[name]
    source = tmp_path / f"{name}.json"
    source.write_bytes(text.encode("utf-8", "surrogatepass"))
    before = _snapshot(tmp_path)
    run = _cli if name == "djup" else run_cli  # a new Python for each took half a second
    result = run("import", str(source), "--into", str(tmp_path / "ny.samverkan"))
    _assert_refused(result)
    assert _snapshot(tmp_path) == before  # no target, no temporary file left behind


@pytest.mark.parametrize("name", ["surrogat", "röster", "kluster-500"])
def test_an_existing_workshop_file_keeps_every_byte(name, tmp_path: Path, seed_path: Path, run_cli):
    target = tmp_path / "finns.samverkan"
    seed = load_source(seed_path).document
    with Store.create(target, seed.workshop) as store:
        store.add_document(seed)
    source = tmp_path / f"{name}.json"
    source.write_bytes(EXACT[name][0].encode("utf-8", "surrogatepass"))
    before = _snapshot(tmp_path)
    _assert_refused(run_cli("import", str(source), "--into", str(target)))
    assert _snapshot(tmp_path) == before


# ------------------------------------------------------------------ more of what a file can hold
def _refused(raw: dict | str, message: str) -> None:
    data = raw if isinstance(raw, str) else json.dumps(raw)
    with pytest.raises(ExchangeError, match=message) as info:
        loads(data.encode("utf-8", "surrogatepass"), "ws.json")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        # a lone surrogate in any string, and in a key, named by its path
        (_doc(workshop={"title": "\udfff"}), r"workshop\.title innehåller ett ogiltigt tecken"),
        (
            _doc(groups=[{"id": 1, "name": "g", "facilitators": ["ok", "\ud83d"]}]),
            r"groups\[0\]\.facilitators\[1\] innehåller",
        ),
        (_doc(notes=_notes(1), extra={"a": [{"b": "\ud800"}]}), r"extra\.a\[0\]\.b innehåller"),
        (_doc(notes=[{"id": 1, "text": "a", "\ud800": 1}]), r"notes\[0\]: namnet .* innehåller"),
        # nesting under the recursion limit but over ours: the path says where
        (_doc(extra=json.loads("[" * 80 + "]" * 80)), r"extra(\[0\])+ är för djupt nästlad"),
        # numbers out of range
        (_doc(notes=_notes(1, votes=-1)), r"votes ska vara mellan 0 och"),
        (_doc(notes=_notes(1, x=1e9)), r"notes\[0\]\.x ska vara mellan -100 000 000 och"),
        (_doc(clusters=[{"id": 1, "name": "k", "height": -5}]), r"height ska vara mellan 0"),
        (_doc(notes=_notes(1, id=2**63)), r"notes\[0\]\.id ska vara mellan"),
        (_doc(version=-(2**64)), r"version ska vara mellan"),
        # wrong types where an object, a list, text or an integer belongs
        (_doc(links=[["source", "target"]]), r"links\[0\] ska vara ett objekt, inte en lista"),
        (_doc(themes=["x"]), r"themes\[0\] ska vara ett objekt, inte text"),
        (_doc(workshop=[]), r"workshop ska vara ett objekt"),
        (_doc(notes=_notes(1, section=["a"])), r"notes\[0\]\.section ska vara text, inte en lista"),
        (_doc(notes=_notes(1, cluster_id=1.5)), r"cluster_id ska vara ett heltal, inte ett tal"),
        (
            _doc(clusters=[{"id": 1, "name": "k", "note_ids": [True]}], notes=_notes(1)),
            r"note_ids\[0\] ska vara ett heltal",
        ),
        ({"format": [[[["x"]]]], "version": 1}, r"ingen Samverkan-workshop \(format som inte"),
        # ids that repeat, parents in a circle (also one far up a long chain)
        (
            _doc(groups=[{"id": 1, "name": "a"}, {"id": 1, "name": "b"}]),
            r"groups\[1\]\.id: två grupper har id 1",
        ),
        (
            _doc(
                clusters=[
                    {"id": 1, "name": "a", "parent_id": 2},
                    {"id": 2, "name": "b", "parent_id": 1},
                ]
            ),
            r"ligger \(indirekt\) i sig",
        ),
        (
            _doc(
                clusters=[*_chain(20), {"id": 99, "name": "c", "parent_id": 20}][::-1]
                + [{"id": 100, "name": "x", "parent_id": 100}]
            ),
            r"kluster 100 ligger \(indirekt\)",
        ),
        # too long, too many
        (
            _doc(notes=_notes(1, text="a" * (limits.MAX_TEXT_CHARS + 1))),
            r"notes\[0\]\.text är för lång \(10 001 tecken; högst 10 000\)",
        ),
        (
            _doc(workshop={"description": "a" * (limits.MAX_DESCRIPTION_CHARS + 1)}),
            r"workshop\.description är för lång",
        ),
        (
            _doc(groups=[{"id": 1, "name": "g", "facilitators": ["a"] * 101}]),
            r"groups\[0\]\.facilitators har 101 namn; högst 100",
        ),
        (_doc(notes=_notes(limits.MAX_NOTES + 1)), r"notes har 50 001 poster; högst 50 000 lappar"),
        (_doc(links=[{}] * (limits.MAX_LINKS + 1)), r"links har 20 001 poster"),
    ],
)
def test_hostile_values_are_refused_with_their_path(raw, message):
    _refused(raw, message)


def test_nesting_up_to_the_limit_is_read_laid_out_and_stored(tmp_path: Path):
    raw = _doc(
        clusters=_chain(limits.MAX_CLUSTER_DEPTH),
        notes=_notes(3, cluster_id=limits.MAX_CLUSTER_DEPTH),
    )
    path = tmp_path / "djup.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    doc = load_source(path).document  # all notes on one spot: laid out like a transcript
    assert all(c.width > 0 and c.height > 0 for c in doc.clusters)
    with Store.create(tmp_path / "djup.samverkan", doc.workshop) as store:
        store.add_document(doc)
        assert len(store.clusters()) == limits.MAX_CLUSTER_DEPTH


def test_layout_needs_no_recursion_at_any_depth():
    # A document from elsewhere (the store, a future format) is laid out without a stack limit.
    depth = 50_000
    clusters = tuple(
        m.Cluster(id=i, name="k", parent_id=i - 1 if i else None) for i in range(depth)
    )
    notes = (m.Note(id=1, text="a", cluster_id=depth - 1), m.Note(id=2, text="b", cluster_id=0))
    doc = layout.layout_document(m.Document(m.Workshop("t"), (), clusters, notes))
    assert all(c.width > 0 for c in doc.clusters)
    assert doc.clusters[0].height > doc.clusters[-1].height
    inner = doc.notes[0]
    assert doc.clusters[-1].y < inner.y < doc.clusters[-1].y + doc.clusters[-1].height


def test_a_long_chain_of_parents_is_checked_in_linear_time():
    # One parent walk per cluster was quadratic: 20,000 clusters nested 32 deep in 625 chains.
    clusters = [
        {"id": i, "name": "k", "parent_id": i - 1 if i % limits.MAX_CLUSTER_DEPTH else None}
        for i in range(limits.MAX_CLUSTERS)
    ]
    doc = loads(json.dumps(_doc(clusters=clusters)).encode(), "ws.json")
    assert len(doc.clusters) == limits.MAX_CLUSTERS
