"""Big and hostile transcripts: read in time linear in their size, or refused in one line.

Issue 8 measured 10,000 footnotes and 20,000 groups at over a minute each (a footnote looked at
every note of its group; every facilitator's name was a pattern tried on every note). Speed
figures belong to bench/bench_import.py; the caps here are generous and only catch a return of
the quadratic time (the inputs take one to two seconds, the quadratic code took minutes).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import big_inputs  # noqa: E402

from samverkan_desktop.core import limits  # noqa: E402
from samverkan_desktop.core.importers import SourceError, load_source  # noqa: E402
from samverkan_desktop.core.importers.result import ImportRefused  # noqa: E402
from samverkan_desktop.core.importers.transcript import parse_transcript  # noqa: E402

CAP_S = 30.0


def _load(tmp_path: Path, data: bytes, name: str = "stor.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    start = time.perf_counter()
    loaded = load_source(path)
    return loaded, time.perf_counter() - start


def test_ten_thousand_footnotes_each_find_their_note(tmp_path: Path):
    loaded, seconds = _load(tmp_path, big_inputs.footnotes(10_000))
    assert seconds < CAP_S
    notes = loaded.document.notes
    assert len(notes) == 10_000
    assert notes[1234].comment == "Mötesplats1234 betyder en lokal där man kan ses"
    assert not loaded.warnings


def test_twenty_thousand_groups(tmp_path: Path):
    loaded, seconds = _load(tmp_path, big_inputs.groups(limits.MAX_GROUPS))
    assert seconds < CAP_S
    doc = loaded.document
    assert len(doc.groups) == limits.MAX_GROUPS and len(doc.notes) == 2 * limits.MAX_GROUPS
    assert doc.groups[-1].facilitators == (
        f"Anna Berg{limits.MAX_GROUPS - 1}",
        f"Per Ek{limits.MAX_GROUPS - 1}",
    )


def test_a_hundred_thousand_lines(tmp_path: Path):
    loaded, seconds = _load(tmp_path, big_inputs.lines(100_000))
    assert seconds < CAP_S
    assert len(loaded.document.notes) > 20_000


# ------------------------------------------------------------------------ the facilitators' names
def _flagged(text: str) -> list[tuple[str, bool]]:
    result = parse_transcript(text.encode(), "t.txt")
    return [(n.text, n.personal_data) for n in result.notes]


def test_a_facilitators_full_name_flags_the_note_in_any_group_and_case():
    text = (
        "Workshop\nGrupp A\nSamtalsledare: Anna Berg och Per Ek (KFUM)\n"
        "- Fråga ANNA BERG om lokalen\n"
        "- Per Ek kan boka\n- Anna kommer\n- Bergslagen\n- Anna Bergström\n"
        "-----\nGrupp B\nSamtalsledare: Bo Ek\n- Tack anna berg!\n- Bo Ek\n"
        "- mejla *Per Ek\n"
    )
    assert _flagged(text) == [
        ("Fråga ANNA BERG om lokalen", True),
        ("Per Ek kan boka", True),
        ("Anna kommer", False),  # a first name alone would flag half the notes
        ("Bergslagen", False),
        ("Anna Bergström", False),  # a whole name, not the start of another
        ("Tack anna berg!", True),
        ("Bo Ek", True),
        ("mejla *Per Ek", True),
    ]


def test_a_name_that_is_only_a_parenthesis_flags_nothing():
    # "(KFUM, Örebro)" split at the comma gave "(KFUM" and "Örebro)"; the first, cut at its
    # parenthesis, was the empty pattern, which is found in every note.
    assert _flagged("Workshop\nGrupp A\nSamtalsledare: (KFUM Örebro), Anna Berg\n- lapp\n") == [
        ("lapp", False)
    ]


def test_a_facilitator_named_in_a_comment_flags_the_note():
    text = "Workshop\nGrupp A\nSamtalsledare: Anna Berg\n- Lokal [fråga Anna Berg]\n"
    assert _flagged(text) == [("Lokal", True)]


# ------------------------------------------------------------------------------------ refused
def _refused(data: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "fil.txt"
    path.write_bytes(data)
    start = time.perf_counter()
    with pytest.raises(SourceError, match=message) as info:
        load_source(path)
    assert time.perf_counter() - start < CAP_S
    assert str(info.value).startswith("fil.txt: ") and "\n" not in str(info.value)


def test_a_five_megabyte_note_is_refused_naming_its_line(tmp_path: Path):
    _refused(big_inputs.huge_note(), "rad 8: texten som börjar här är längre än 10 000", tmp_path)


def test_a_note_wrapped_over_endless_lines_is_refused_while_read(tmp_path: Path):
    _refused(big_inputs.one_paragraph(100_000), "rad 8: texten som börjar här", tmp_path)


def test_too_many_lines_notes_groups_or_facilitators(tmp_path: Path):
    _refused(b"a\n" * limits.MAX_LINES + b"a", "Filen har 500 001 rader; högst 500 000", tmp_path)
    _refused(
        big_inputs.bullets(limits.MAX_NOTES + 1),
        f"rad {limits.MAX_NOTES + 8}: fler än 50 000 lappar",
        tmp_path,
    )
    _refused(big_inputs.groups(limits.MAX_GROUPS + 1), "fler än 20 000 grupper", tmp_path)
    names = ", ".join(f"Namn{i} Efternamn" for i in range(limits.MAX_FACILITATORS + 1))
    _refused(
        f"W\nGrupp\nSamtalsledare: {names}\n- lapp\n".encode(),
        "rad 3: fler än 100 samtalsledare",
        tmp_path,
    )


def test_overlong_names_titles_and_comments(tmp_path: Path):
    long = "Ord " * 3000
    _refused(f"{long}\nGrupp\nSamtalsledare: A B\n- a\n".encode(), "rad 1: titeln", tmp_path)
    _refused(f"W\n{long}\nSamtalsledare: A B\n- a\n".encode(), "rad 2: gruppens namn", tmp_path)
    _refused(f"W\nGrupp\nSamtalsledare: A {long}\n- a\n".encode(), "rad 3: ett namn", tmp_path)
    footnotes = "".join(f"*Förklaring nummer {i} av ordet\n" for i in range(1000))
    _refused(
        f"W\nGrupp\nSamtalsledare: A B\n- Lapp\n{footnotes}".encode(),
        "kommentarerna till lappen på rad 4 blir längre än 10 000",
        tmp_path,
    )


def test_the_command_line_refuses_the_big_note_and_writes_nothing(tmp_path: Path):
    source = tmp_path / "stor.txt"
    source.write_bytes(big_inputs.huge_note())
    before = sorted(p.name for p in tmp_path.iterdir())
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "samverkan_desktop",
            "import",
            str(source),
            "--into",
            str(tmp_path / "ny.samverkan"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert "rad 8" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_parse_errors_stay_import_errors():
    with pytest.raises(ImportRefused):
        parse_transcript(b"W\nGrupp\nSamtalsledare: A B\n- " + b"x" * 20_000)
