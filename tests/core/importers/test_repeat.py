"""The one rule for "this import looks like one already made" (the app asks, the CLI warns)."""

from __future__ import annotations

from pathlib import Path

from samverkan_desktop.core import exchange
from samverkan_desktop.core import model as m
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.importers.repeat import REPEAT_SHARE, repeat_of, source_file

SEED = Path(__file__).parents[3] / "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"


def _doc(*notes: tuple[str, str]) -> m.Document:
    return m.Document(
        m.Workshop("w"),
        notes=tuple(m.Note(i, text, source=src) for i, (text, src) in enumerate(notes, 1)),
    )


def test_the_file_name_is_the_source_without_its_lines():
    assert source_file("orebro.txt:12-14") == "orebro.txt"
    assert source_file("orebro.txt:80") == "orebro.txt"
    assert source_file("C:/mapp/a.txt:3") == "C:/mapp/a.txt"
    assert source_file("anteckningar") == "anteckningar"


def test_the_same_transcript_again_is_a_repeat_by_file_and_by_text():
    seed = read_source(SEED)
    again = repeat_of(seed, read_source(SEED))
    assert again and again.by_file and again.by_text
    assert again.files == ("orebro-2021-11-10.txt",)
    assert again.same_place == again.same_text == again.total == len(seed.notes)


def test_a_json_export_of_the_workshop_is_a_repeat_by_its_texts():
    seed = read_source(SEED)
    exported = exchange.loads(exchange.dumps(seed))
    unsourced = m.Document(  # an export edited elsewhere, its sources gone
        exported.workshop, notes=tuple(m.Note(n.id, n.text) for n in exported.notes)
    )
    again = repeat_of(seed, unsourced)
    assert again and again.by_text and not again.by_file


def test_texts_match_across_case_accents_and_spacing():
    existing = _doc(("Fler mötesplatser  behövs", "a.txt:1"))
    assert repeat_of(existing, _doc(("fler MOTESPLATSER behovs", ""))).same_text == 1


def test_a_different_transcript_is_no_repeat():
    existing = _doc(("Trygghet i parken", "a.txt:1"), ("Mötesplatser", "a.txt:2"))
    new = _doc(("Trygghet i parken", "b.txt:1"), ("Busskort", "b.txt:2"), ("Läxhjälp", "b.txt:3"))
    again = repeat_of(existing, new)
    assert not again and again.same_text == 1 and not again.files


def test_most_is_the_named_share():
    existing = _doc(*[(f"text {i}", "") for i in range(6)])
    six_of_ten = _doc(*[(f"text {i}", "") for i in range(10)])
    five_of_ten = _doc(*[(f"text {i}", "") for i in range(5, 15)])
    assert REPEAT_SHARE == 0.6
    assert repeat_of(existing, six_of_ten).by_text
    assert not repeat_of(existing, five_of_ten)
    assert not repeat_of(existing, _doc())
