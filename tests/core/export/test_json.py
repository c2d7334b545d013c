"""The JSON exchange format: a lossless round trip, and clear refusals of anything else."""

from __future__ import annotations

import copy
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from samverkan_desktop.core import exchange
from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import EXPORTERS, ExportError, export, exporter_for
from samverkan_desktop.core.importers import SourceError, load_source, read_source
from samverkan_desktop.core.store import Store


def _store_from(doc: m.Document, path: Path) -> Store:
    store = Store.create(path, doc.workshop)
    store.add_document(doc)
    return store


@pytest.fixture
def seed_store(seed_path: Path, tmp_path: Path):
    seed = read_source(seed_path)
    # A note that also relates to a theme elsewhere: only an import makes such a link, so the
    # theme comes with the imported document.
    tid = max((c.id for c in seed.clusters), default=0) + 1
    seed = replace(
        seed,
        clusters=(
            *seed.clusters,
            m.Cluster(
                tid,
                "Mötesplatser (tvärs över grupper)",
                description="Från flera grupper",
                colour="#7fb3d5",
                x=5000,
                y=60,
                width=500,
                height=400,
            ),
        ),
        themes=(m.ThemeLink(seed.notes[6].id, tid),),
    )
    store = Store.create(tmp_path / "seed.samverkan", seed.workshop)
    theme = store.cluster(store.add_document(seed)["clusters"][tid])
    # Make the seed exercise every part of the format: a sorting session's worth of edits.
    notes = store.notes()
    sub = store.add_cluster(
        "Digitala mötesplatser", parent_id=theme.id, x=5020, y=250, width=300, height=190
    )
    # Sorted as the board would: each note inside its frame, the frames nested inside.
    store.update_notes(
        {
            notes[0].id: {"cluster_id": theme.id, "x": 5020.0, "y": 100.0},
            notes[1].id: {"cluster_id": sub.id, "x": 5040.0, "y": 290.0},
        }
    )
    store.update_note(
        notes[2].id, votes=4, colour="#ff0000", comment="Lästes upp", personal_data=True
    )
    store.add_link(m.Link(notes[3].id, notes[4].id, m.DUPLICATE_OF))
    store.add_link(m.Link(notes[3].id, notes[5].id, m.RELATES_TO))
    store.delete_notes([notes[7].id])  # a gap in the ids
    yield store
    store.close()


def _exported(store: Store, path: Path, **kwargs) -> bytes:
    export(store.document(), "json", path, **kwargs)
    return path.read_bytes()


def test_export_import_export_gives_the_same_bytes(seed_store: Store, tmp_path: Path):
    first = _exported(seed_store, tmp_path / "first.json")
    doc = read_source(tmp_path / "first.json")
    with _store_from(doc, tmp_path / "again.samverkan") as again:
        second = _exported(again, tmp_path / "second.json")
    assert second == first


def test_round_trip_keeps_what_the_facilitator_made(seed_store: Store, tmp_path: Path):
    _exported(seed_store, tmp_path / "ws.json")
    before = seed_store.document()
    with _store_from(read_source(tmp_path / "ws.json"), tmp_path / "b.samverkan") as again:
        after = again.document()
    assert after.workshop == before.workshop
    assert [(g.name, g.facilitators) for g in after.groups] == [
        (g.name, g.facilitators) for g in before.groups
    ]

    def notes(doc: m.Document) -> list[tuple]:
        clusters = {c.id: c.name for c in doc.clusters}
        groups = {g.id: g.name for g in doc.groups}
        return [
            (
                n.text,
                groups.get(n.group_id),
                clusters.get(n.cluster_id),
                n.section,
                n.source,
                n.uncertain,
                n.comment,
                n.personal_data,
                n.votes,
                n.colour,
                n.x,
                n.y,
            )
            for n in doc.notes
        ]

    def clusters(doc: m.Document) -> list[tuple]:
        names = {c.id: c.name for c in doc.clusters}
        return [
            (
                c.name,
                names.get(c.parent_id),
                c.description,
                c.colour,
                c.x,
                c.y,
                c.width,
                c.height,
                c.group_id is not None,
            )
            for c in doc.clusters
        ]

    assert notes(after) == notes(before)
    assert clusters(after) == clusters(before)
    texts = {n.id: n.text for n in after.notes}
    before_texts = {n.id: n.text for n in before.notes}
    assert sorted((texts[lk.source], texts[lk.target], lk.kind) for lk in after.links) == sorted(
        (before_texts[lk.source], before_texts[lk.target], lk.kind) for lk in before.links
    )
    assert len(after.themes) == 1


def test_the_file_is_readable_utf8_with_the_documented_shape(seed_store: Store, tmp_path: Path):
    data = _exported(seed_store, tmp_path / "ws.json")
    text = data.decode("utf-8")
    assert "Mötesplatser" in text  # Swedish letters as they are, not \u00f6
    raw = json.loads(text)
    assert list(raw) == [
        "format",
        "version",
        "workshop",
        "groups",
        "clusters",
        "notes",
        "links",
        "themes",
    ]
    assert raw["format"] == "samverkan-workshop" and raw["version"] == 1
    assert raw["workshop"]["date"] == "2021-11-10"
    assert [n["id"] for n in raw["notes"]] == list(range(1, len(raw["notes"]) + 1))
    assert list(raw["notes"][0]) == [
        "id",
        "group_id",
        "text",
        "section",
        "source",
        "uncertain",
        "comment",
        "personal_data",
        "votes",
        "colour",
        "cluster_id",
        "x",
        "y",
    ]
    assert raw["notes"][0]["source"] == "orebro-2021-11-10.txt:12"
    member_lists = {c["id"]: c["note_ids"] for c in raw["clusters"]}
    for note in raw["notes"]:
        if note["cluster_id"] is not None:
            assert note["id"] in member_lists[note["cluster_id"]]


def test_redact_withholds_personal_data_and_removes_names(seed_store: Store, tmp_path: Path):
    marked = next(n for n in seed_store.notes() if n.personal_data)
    plain = _exported(seed_store, tmp_path / "plain.json").decode("utf-8")
    assert "Anette Valdemarsson" in plain and marked.text in plain
    text = _exported(seed_store, tmp_path / "ws.json", redact=True).decode("utf-8")
    assert json.dumps(marked.text, ensure_ascii=False) not in text and "Lästes upp" not in text
    assert "[Personuppgifter borttagna]" in text
    assert "Anette Valdemarsson" not in text and "Valdemarsson" not in text
    # Still a valid workshop file with every note in it.
    assert len(read_source(tmp_path / "ws.json").notes) == len(seed_store.notes())


def test_a_failed_export_leaves_the_old_file_and_no_temporary_files(
    seed_store, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "ws.json"
    target.write_text("gammal export", encoding="utf-8")

    def broken(doc, path, *, redact=False):
        Path(path).write_text('{"half": ', encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("samverkan_desktop.core.export.json_format.write", broken)
    with pytest.raises(ExportError, match="Kunde inte skriva ws.json: disken är full"):
        export(seed_store.document(), "json", target)
    assert target.read_text(encoding="utf-8") == "gammal export"
    assert os.listdir(out) == ["ws.json"]


def test_export_into_a_missing_folder_or_a_folder_name_is_refused(seed_store, tmp_path):
    with pytest.raises(ExportError, match="finns inte"):
        export(seed_store.document(), "json", tmp_path / "saknas" / "ws.json")
    with pytest.raises(ExportError, match="mapp"):
        export(seed_store.document(), "json", tmp_path)
    with pytest.raises(ExportError, match="Okänt exportformat"):
        export(seed_store.document(), "xls", tmp_path / "ws.xls")


def test_registry_finds_json_by_name_and_by_suffix():
    assert EXPORTERS["json"].suffix == ".json"
    assert exporter_for(path="rapport.JSON").name == "json"
    with pytest.raises(ExportError):
        exporter_for(path="rapport.unknown")


# ------------------------------------------------------------------------ refusals
def _valid() -> dict:
    return {
        "format": "samverkan-workshop",
        "version": 1,
        "workshop": {"title": "Dag", "date": "2021-11-10", "description": ""},
        "groups": [{"id": 1, "name": "Klimat", "facilitators": ["Anna Fogel"]}],
        "clusters": [{"id": 1, "name": "Tema", "parent_id": None, "note_ids": [1], "group_id": 1}],
        "notes": [
            {"id": 1, "group_id": 1, "text": "Solceller", "cluster_id": 1},
            {"id": 2, "group_id": 1, "text": "Cykelvägar"},
        ],
        "links": [{"source": 1, "target": 2, "kind": "relates-to"}],
        "themes": [{"note_id": 2, "cluster_id": 1}],
    }


def _set(path: str, value):
    def change(raw: dict) -> None:
        *parents, last = path.split(".")
        target = raw
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return change


_DELETE = object()

INVALID = [
    (_set("format", "trello-board"), "ingen Samverkan-workshop"),
    (_set("format", _DELETE), '"format" saknas'),
    (_set("version", 2), "gjord av en nyare version"),
    (_set("version", "1"), "version ska vara ett heltal, inte text"),
    (_set("version", _DELETE), 'saknar fältet "version"'),
    (_set("notes.0.text", _DELETE), 'notes\\[0\\] saknar fältet "text"'),
    (_set("notes.1.id", _DELETE), 'notes\\[1\\] saknar fältet "id"'),
    (_set("groups.0.name", 7), "groups\\[0\\].name ska vara text, inte ett heltal"),
    (_set("notes.0.x", "10"), "notes\\[0\\].x ska vara ett tal"),
    (_set("notes.0.uncertain", 1), "notes\\[0\\].uncertain ska vara true eller false"),
    (_set("notes.0.votes", True), "notes\\[0\\].votes ska vara ett heltal"),
    (_set("notes", {"1": "a"}), "notes ska vara en lista"),
    (_set("notes.1.group_id", 9), "notes\\[1\\].group_id pekar på grupp 9 som inte finns"),
    (_set("notes.0.cluster_id", 5), "pekar på kluster 5 som inte finns"),
    (_set("clusters.0.note_ids", [1, 3]), "note_ids\\[1\\] pekar på lapp 3 som inte finns"),
    (_set("clusters.0.parent_id", 1), "ligger \\(indirekt\\) i sig självt"),
    (_set("links.0.target", 3), "links\\[0\\].target pekar på lapp 3"),
    (_set("links.0.kind", "likes"), "okänd länktyp"),
    (_set("themes.0.cluster_id", 2), "themes\\[0\\].cluster_id pekar på kluster 2"),
    (_set("notes.1.id", 1), "två lappar har id 1"),
    (_set("workshop.date", "10/11/2021"), "ÅÅÅÅ-MM-DD"),
    (_set("groups.0.facilitators", ["Anna", None]), "facilitators\\[1\\] ska vara text"),
]


@pytest.mark.parametrize(("change", "message"), INVALID)
def test_invalid_files_are_refused_with_one_line_naming_the_problem(change, message, tmp_path):
    raw = copy.deepcopy(_valid())
    change(raw)
    path = tmp_path / "ws.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(SourceError, match=message) as info:
        read_source(path)
    assert str(info.value).startswith("ws.json: ")
    assert "\n" not in str(info.value)


def test_the_valid_example_reads_with_membership_from_either_side(tmp_path):
    raw = _valid()
    raw["notes"][0]["cluster_id"] = None  # membership given only by the cluster's note_ids
    path = tmp_path / "ws.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    doc = read_source(path)
    assert doc.notes[0].cluster_id == 1 and doc.notes[1].cluster_id is None
    assert doc.groups[0].facilitators == ("Anna Fogel",)


def test_broken_or_foreign_bytes_are_refused(tmp_path):
    cases = {
        "trasig.json": (b'{"format": "samverkan-workshop", "version": 1,', "ogiltig JSON på rad 1"),
        "latin1.json": (
            '{"format": "samverkan-workshop", "version": 1, "notes": '
            '[{"id": 1, "text": "Mötesplats"}]}'
        ).encode("latin-1"),
        "nan.json": (
            b'{"format": "samverkan-workshop", "version": 1, "notes": '
            b'[{"id": 1, "text": "a", "x": NaN}]}',
            "NaN",
        ),
        "lista.json": (b"[1, 2, 3]", "ingen Samverkan-workshop"),
    }
    cases["latin1.json"] = (cases["latin1.json"], "inte UTF-8")
    for name, (data, message) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(SourceError, match=message):
            read_source(tmp_path / name)


def test_json_is_recognised_by_content_whatever_the_name(tmp_path):
    path = tmp_path / "export-från-kollega.txt"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_valid()).encode("utf-8"))
    loaded = load_source(path)
    assert loaded.kind == "json"
    assert [n.text for n in loaded.document.notes] == ["Solceller", "Cykelvägar"]


def test_a_json_without_positions_is_laid_out_not_piled(tmp_path):
    path = tmp_path / "ws.json"
    path.write_text(json.dumps(_valid()), encoding="utf-8")
    doc = read_source(path)
    assert len({(n.x, n.y) for n in doc.notes}) == len(doc.notes)
    assert doc.clusters[0].width > 0


def test_dumps_refuses_nothing_a_store_can_hold(seed_store):
    data = exchange.dumps(seed_store.document())
    assert exchange.loads(data).notes[0].text == seed_store.notes()[0].text


def test_the_documented_example_is_a_valid_file_in_its_canonical_form():
    doc_file = Path(__file__).resolve().parents[3] / "docs" / "json-format.md"
    block = re.search(r"```json\n(.*?)```", doc_file.read_text(encoding="utf-8"), re.S).group(1)
    doc = exchange.loads(block.encode("utf-8"), "json-format.md")
    assert doc.notes[1].text == "Belysning!" and doc.notes[1].votes == 3
    assert exchange.dumps(doc).decode("utf-8") == block
