"""read_source: from a file on disk to a laid-out Document the store can add in one go."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.importers import (
    MAX_SOURCE_BYTES,
    SourceError,
    document_from_parse,
    load_source,
    read_source,
)
from samverkan_desktop.core.importers.result import (
    ImportRefused,
    ParsedGroup,
    ParsedNote,
    ParseResult,
)
from samverkan_desktop.core.store import Store


def test_the_seed_becomes_six_groups_with_their_facilitators_and_notes(seed_path: Path):
    loaded = load_source(seed_path)
    doc = loaded.document
    assert loaded.kind == "transcript" and loaded.name == "orebro-2021-11-10.txt"
    assert doc.workshop.title == "Fördjupningsdag om samverkan"
    assert doc.workshop.date is not None and doc.workshop.date.isoformat() == "2021-11-10"
    assert [g.name for g in doc.groups][:2] == [
        "Arbetsmarknad och inkludering grupp 1",
        "Arbetsmarknad och inkludering grupp 2",
    ]
    assert len(doc.groups) == 6
    assert doc.groups[0].facilitators == ("Anette Valdemarsson", "Fredrik Wouda")
    assert [g.position for g in doc.groups] == list(range(6))
    for g in doc.groups:
        assert any(n.group_id == g.id for n in doc.notes), g.name
    assert doc.notes[0].text == "Digitaliseringen"
    assert doc.notes[0].group_id == doc.groups[0].id


def test_every_note_says_where_in_the_file_it_came_from(seed_path: Path):
    doc = read_source(seed_path)
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    for note in doc.notes:
        name, _, span = note.source.partition(":")
        assert name == "orebro-2021-11-10.txt"
        first, _, last = span.partition("-")
        first_line = lines[int(first) - 1]
        # The note's first words stand on the line it points at.
        assert note.text.split()[0].strip('”"') in first_line, (note.source, note.text)
        if last:
            assert int(last) > int(first)


def test_a_clustered_groups_clusters_hold_their_notes(seed_path: Path):
    doc = read_source(seed_path)
    group = next(g for g in doc.groups if g.name == "Brottsförebyggande/Trygghetsfrämjande grupp 2")
    own = [c for c in doc.clusters if c.group_id == group.id]
    assert [c.name for c in own][:2] == ["Trygghet", "Mötesplatser"]
    trygghet = [n.text for n in doc.notes if n.cluster_id == own[0].id]
    assert "Belysning!" in trygghet
    assert all(n.group_id == group.id for n in doc.notes if n.cluster_id == own[0].id)
    # Groups that did not cluster their notes have no clusters.
    first = doc.groups[0]
    assert not any(c.group_id == first.id for c in doc.clusters)
    assert all(n.cluster_id is None for n in doc.notes if n.group_id == first.id)


def test_the_seed_goes_into_a_store_in_one_piece(seed_path: Path, tmp_path: Path):
    doc = read_source(seed_path)
    with Store.create(tmp_path / "ws.samverkan", doc.workshop) as store:
        store.add_document(doc)
        saved = store.document()
    assert len(saved.notes) == len(doc.notes) and len(saved.clusters) == len(doc.clusters)
    assert [(n.text, n.x, n.y, n.source) for n in saved.notes] == [
        (n.text, n.x, n.y, n.source) for n in doc.notes
    ]


def test_uncertain_comment_personal_data_and_section_are_carried():
    result = ParseResult(
        title="Dag",
        groups=[ParsedGroup("Grupp A", ["Anna"], line=3, clustered=True)],
        notes=[
            ParsedNote(
                "Ring 070-1234567", 0, section="Behov", line=7, end_line=7, personal_data=True
            ),
            ParsedNote(
                "Svårläst lapp",
                0,
                line=9,
                end_line=11,
                uncertain=True,
                comment="oklart ord",
                cluster="Tema",
            ),
            ParsedNote("Till samma tema", 0, line=12, end_line=12, cluster="Tema"),
        ],
    )
    doc = document_from_parse(result, "dag.txt")
    a, b, c = doc.notes
    assert (a.personal_data, a.section, a.source) == (True, "Behov", "dag.txt:7")
    assert (b.uncertain, b.comment, b.source) == (True, "oklart ord", "dag.txt:9-11")
    assert doc.clusters == (m.Cluster(1, "Tema", group_id=1),)
    assert b.cluster_id == c.cluster_id == 1 and a.cluster_id is None


def test_a_transcript_starts_where_it_is_told(seed_path: Path):
    doc = read_source(seed_path, at_x=5000.0)
    assert min(n.x for n in doc.notes) >= 5000.0


# ------------------------------------------------------------------------ refusals
def _refused(path: Path, message: str) -> None:
    with pytest.raises(SourceError, match=message) as info:
        read_source(path)
    assert isinstance(info.value, ImportRefused)
    assert "\n" not in str(info.value) and str(info.value).strip()


def test_missing_file_and_folder_are_refused(tmp_path: Path):
    _refused(tmp_path / "saknas.txt", "finns inte")
    _refused(tmp_path, "är en mapp")


def test_a_pipe_or_a_device_is_refused_instead_of_read_forever(pipe):
    _refused(pipe.path, "rör.txt är ingen vanlig fil")
    assert pipe.elapsed() < pipe.GRACE
    if Path("/dev/zero").exists():  # endless zeros: reading it would fill the memory
        _refused(Path("/dev/zero"), "zero är ingen vanlig fil")


def test_empty_file_is_refused(tmp_path: Path):
    (tmp_path / "tom.txt").write_bytes(b"\n  \r\n")
    _refused(tmp_path / "tom.txt", "tom.txt är tom")


def test_a_text_without_notes_is_refused(tmp_path: Path):
    (tmp_path / "inköpslista.txt").write_text("Mjölk och bröd\n", encoding="utf-8")
    _refused(tmp_path / "inköpslista.txt", "inköpslista.txt: hittade inga lappar")


def test_binary_files_are_refused_with_advice(tmp_path: Path):
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    _refused(tmp_path / "bild.png", "bild.png.*(binär|textfil|styrtecken)")
    (tmp_path / "anteckningar.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    _refused(tmp_path / "anteckningar.docx", "Word-dokument.*\\.txt")
    (tmp_path / "rapport.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    _refused(tmp_path / "rapport.pdf", "PDF")


def test_an_empty_workshop_or_another_database_given_as_source_is_refused(tmp_path: Path):
    # A workshop file with something in it is merged (tests/core/test_merge.py).
    Store.create(tmp_path / "ws.samverkan").close()
    _refused(tmp_path / "ws.samverkan", "ws.samverkan är en tom workshopfil")
    other = tmp_path / "annan.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    _refused(other, "databas")


def test_undecodable_text_is_refused(tmp_path: Path):
    # cp1252 leaves 0x81, 0x8d, 0x8f, 0x90 and 0x9d undefined: this is no encoding we know.
    (tmp_path / "konstig.txt").write_bytes(b"Grupp 1\r\n- M\x81te\x8d\x8f\x90\x9d\r\n")
    _refused(tmp_path / "konstig.txt", "konstig.txt: .*(teckenkodning|kodning)")


def test_a_too_large_file_is_refused_before_it_is_read(tmp_path: Path):
    big = tmp_path / "stor.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_SOURCE_BYTES + 1)  # sparse: costs no disk
    _refused(big, "för stor.*20 MB")


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch):
    locked = tmp_path / "låst.txt"
    locked.write_text("Grupp\n- lapp\n", encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # Tests may run as root, who can read a chmod 000 file; a share without rights cannot.
    monkeypatch.setattr(Path, "read_bytes", denied)
    _refused(locked, "Saknar behörighet att läsa låst.txt")


def test_utf16_and_windows_transcripts_read_like_utf8(seed_path: Path, tmp_path: Path):
    text = seed_path.read_text(encoding="utf-8")
    reference = read_source(seed_path)
    for encoding, data in (
        ("utf16", text.encode("utf-16")),
        ("cp1252", text.replace("\u2009", " ").encode("cp1252", errors="replace")),
    ):
        path = tmp_path / "orebro-2021-11-10.txt"
        path.write_bytes(data)
        doc = read_source(path)
        assert len(doc.notes) == len(reference.notes), encoding
        assert [g.name for g in doc.groups] == [g.name for g in reference.groups], encoding
