"""A bounded fuzz run of both importers (hypothesis), short enough for every test run.

The invariant a user relies on: `load_source` either gives a Document the store takes whole
(every note arrives) or raises ImportRefused with one line. Never another exception: that would
be a traceback on the command line and a crash report in the program.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan_desktop.core import model as m
from samverkan_desktop.core.importers import load_source
from samverkan_desktop.core.importers.result import ImportRefused
from samverkan_desktop.core.store import Store

# deadline=None: a shared CI machine is noisy; the examples are small, so the run stays bounded.
# SAMVERKAN_FUZZ_EXAMPLES=5000 makes a longer run by hand.
FUZZ = settings(
    max_examples=int(os.environ.get("SAMVERKAN_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,  # no .hypothesis folder in the working tree
)


def _import_or_refuse(store: Store, path: Path) -> None:
    try:
        doc = load_source(path).document
    except ImportRefused as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message and "\r" not in message, repr(message)
        return
    before = len(store.notes())
    ids = store.add_document(doc)
    assert len(ids["notes"]) == len(doc.notes)
    assert len(store.notes()) == before + len(doc.notes)


# ----------------------------------------------------------------------------- JSON documents
_ODD_TEXT = st.text(
    st.characters(codec=None, exclude_categories=()), max_size=12
) | st.sampled_from(["\ud800", "a\udfffb", "\x00", "\u2028", "\ufeff", "", " ", "ö" * 300])
_ODD_NUMBER = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 1, 2**63 - 1, 2**63, -(2**63) - 1, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e400, -1e400, 1e7, 1e8, 1e9, -0.0, 5e-324]),
)
_SCALAR = st.one_of(st.none(), st.booleans(), _ODD_NUMBER, _ODD_TEXT)
_ANY = st.recursive(
    _SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ODD_TEXT, inner, max_size=3),
    max_leaves=8,
)
_ID = st.integers(0, 6) | _ODD_NUMBER


@st.composite
def _documents(draw) -> dict:
    """A mostly valid workshop, then a few fields given hostile values."""
    groups = [
        {"id": g, "name": f"g{g}", "facilitators": ["Anna Berg"]}
        for g in range(draw(st.integers(0, 3)))
    ]
    cluster_count = draw(st.integers(0, 5))
    # Mostly references that hold (parents earlier in the list), sometimes any: cycles, dangling.
    clusters = [
        {
            "id": c,
            "name": f"k{c}",
            "parent_id": draw(st.sampled_from([None, *range(c)]) | st.integers(0, 5)),
            "x": 10.0 * c,
            "y": 0,
            "width": 300,
            "height": 200,
            "group_id": draw(st.sampled_from([None, *range(len(groups))])),
        }
        for c in range(cluster_count)
    ]
    group_ids = [None, *range(len(groups))]
    notes = [
        {
            "id": n,
            "text": f"lapp {n}",
            "group_id": draw(st.sampled_from(group_ids)),
            "cluster_id": draw(st.sampled_from([None, *range(cluster_count)])),
            "votes": n,
            "x": 0,
            "y": 0,
        }
        for n in range(draw(st.integers(0, 6)))
    ]
    doc = {
        "format": "samverkan-workshop",
        "version": 1,
        "workshop": {"title": "W", "date": "2021-11-10", "description": ""},
        "groups": groups,
        "clusters": clusters,
        "notes": notes,
        "links": [
            {"source": draw(_ID), "target": draw(_ID)} for _ in range(draw(st.integers(0, 2)))
        ],
        "themes": [
            {"note_id": draw(_ID), "cluster_id": draw(_ID)} for _ in range(draw(st.integers(0, 2)))
        ],
    }
    objects = [doc, doc["workshop"], *groups, *clusters, *notes, *doc["links"], *doc["themes"]]
    for _ in range(draw(st.integers(0, 4))):
        target = draw(st.sampled_from(objects))
        key = draw(st.sampled_from(sorted(target)) | _ODD_TEXT)
        if draw(st.booleans()) and key in target:
            del target[key]
        else:
            target[key] = draw(_ANY)
    return doc


def _bytes_of(doc: dict, how: str, cut: int, depth: int) -> bytes:
    text = json.dumps(doc, ensure_ascii=how == "ascii", allow_nan=True)  # \ud800 escapes, NaN
    if how == "deep":
        text = text[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
    data = text.encode("utf-8", "surrogatepass")
    if how == "cut":
        data = data[: cut % (len(data) + 1)]
    return data


def test_json_either_imports_whole_or_is_refused_in_one_line(tmp_path):
    path = tmp_path / "fuzz.json"

    @FUZZ
    @given(
        doc=_documents(),
        how=st.sampled_from(["ascii", "utf8", "cut", "deep"]),
        cut=st.integers(0, 10_000),
        depth=st.sampled_from([10, 63, 64, 65, 500, 5_000, 100_000]),
    )
    def run(doc, how, cut, depth):
        path.write_bytes(_bytes_of(doc, how, cut, depth))
        _import_or_refuse(store, path)

    # One store for the whole run: each accepted example is added to it like a second import.
    with Store.create(tmp_path / "fuzz.samverkan", m.Workshop("")) as store:
        run()


# ----------------------------------------------------------------------------- transcripts
# The pieces of the transcript grammar (see transcript.py's docstring and the seed), and noise.
_WORDS = st.sampled_from(
    [
        "Mötesplatser",
        "trygghet",
        "och",
        "att",
        "Föreningar",
        "ÅÄÖ",
        "mailto:a@b.se",
        "a@b.se",
        "070-123 45 67",
        "19850404-4567",
        "Anna Berg",
        "ord*",
        "Ord",
        "(klustrat)",
        "[svårt att läsa]",
        "(?)",
        "(oläsligt)",
        "[",
        "]",
        "(",
        ")",
        "*",
        "-",
        "–",
        ":",
        ",",
        ".",
        "…",
        "”",
        "1.",
        "12)",
        "\t",
        "\u00ad",
        "\u200b",
        "\x0c",
        "\x85",
        "\u2028",
        "😀",
        "\ufeff",
        "é",
        "ﬁ",
    ]
)
_LINE = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "-" * 40,
            "=====",
            "Samtalsledare: Anna Berg och Per Ek",
            "Processledare – Bo Ek",
            "Facilitatorer: A, B; C & D",
            "Gruppens upplevda behov och problemområden:",
            "TRYGGHET",
            "Diskussion",
            "Kommentarer:",
            "1. Arbetsgivare",
            "Trygghet (klustrat)",
            "*Ord betyder x",
            "Fördjupningsdag om samverkan 2021-11-10",
            "den 3:e mars 2022",
            "- ",
            "•",
            "*",
        ]
    ),
    st.builds(
        lambda mark, words: mark + " ".join(words),
        st.sampled_from(["", "- ", "-", "• ", "* ", "*", "1. ", "2) ", "   ", "\t"]),
        st.lists(_WORDS, max_size=8),
    ),
    st.text(max_size=30),
)
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"]


@st.composite
def _transcripts(draw) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(min_size=1, max_size=200))  # any bytes at all
    lines = draw(st.lists(_LINE, min_size=1, max_size=40))
    ends = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]), min_size=1, max_size=3))
    text = "".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    data = text.encode(draw(st.sampled_from(_ENCODINGS)), "replace")
    if draw(st.booleans()):  # a few bytes changed: a damaged file, mixed encodings
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, max(0, len(data) - 1)))
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


def test_transcripts_either_import_whole_or_are_refused_in_one_line(tmp_path):
    path = tmp_path / "fuzz.txt"

    @FUZZ
    @given(data=_transcripts())
    def run(data):
        path.write_bytes(data)
        _import_or_refuse(store, path)

    with Store.create(tmp_path / "fuzz.samverkan", m.Workshop("")) as store:
        run()
