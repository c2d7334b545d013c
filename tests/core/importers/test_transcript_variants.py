"""The seed transcript rewritten the ways other typists and editors would have saved it.

Each variant (another encoding, line ending, bullet, rule or indentation) must give the very same
workshop as the original file: the same groups, notes, sections, clusters, comments and flags on
the same lines. The small inputs for each rule are in test_transcript.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from samverkan_desktop.core.importers.result import ParseResult
from samverkan_desktop.core.importers.transcript import parse_transcript

RULE = re.compile(r"(?m)^-{5,}[ \t]*$")  # the seed's five rules of dashes


def content(result: ParseResult, *, soft_breaks: bool = False) -> dict[str, object]:
    """What a facilitator would get from a parse; `soft_breaks` reads line breaks in a note as
    spaces (an indented story line joins its bullet with a space, not a new line)."""

    def text(t: str) -> str:
        return t.replace("\n", " ") if soft_breaks else t

    return {
        "title": result.title,
        "date": result.date,
        "description": result.description,
        "groups": [(g.name, g.facilitators, g.line, g.clustered) for g in result.groups],
        "notes": [
            (
                text(n.text),
                n.group,
                n.section,
                n.line,
                n.end_line,
                n.uncertain,
                n.comment,
                n.personal_data,
                n.cluster,
            )
            for n in result.notes
        ],
        "warnings": [(w.line, w.message) for w in result.warnings],
    }


@pytest.fixture(scope="module")
def seed_text() -> str:
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / (
        "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
    )
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference(seed_text: str) -> ParseResult:
    return parse_transcript(seed_text.encode("utf-8"), "orebro-2021-11-10.txt")


def test_the_seed_is_what_the_variants_are_compared_with(reference: ParseResult) -> None:
    assert len(reference.groups) == 6 and len(reference.notes) == 216
    assert sum(n.uncertain for n in reference.notes) == 3


# --------------------------------------------------------------------------- encodings
ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "utf-16-le-bom": lambda t: t.encode("utf-16"),  # Word's "Unicode text" on Windows
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "cp1252": lambda t: t.encode("cp1252"),  # older Word "save as text"
}
ENDINGS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_seed_in_every_encoding_and_line_ending(
    seed_text: str, reference: ParseResult, encoding: str, ending: str
) -> None:
    data = ENCODINGS[encoding](seed_text.replace("\n", ENDINGS[ending]))
    result = parse_transcript(data, "orebro-2021-11-10.txt")
    assert result.encoding == {
        "utf-8-bom": "utf-8-sig",
        "utf-16-le-bom": "utf-16-le",
        "utf-16-be-bom": "utf-16-be",
    }.get(encoding, encoding)
    assert content(result) == content(reference)


# --------------------------------------------------------------------------- bullets, rules
@pytest.mark.parametrize("bullet", ["–", "•", "*", "·", "▪"])
def test_the_seed_with_other_bullets(seed_text: str, reference: ParseResult, bullet: str) -> None:
    text = re.sub(r"(?m)^- ", f"{bullet} ", seed_text)
    assert text.count(f"\n{bullet} ") == 199
    result = parse_transcript(text.encode("utf-8"), "orebro-2021-11-10.txt")
    assert content(result) == content(reference)


@pytest.mark.parametrize(
    "rule",
    [
        "____________________",
        "====================",
        "- - - - - -",
        "   ----------",
        "-=-=-=-=-=-=",
    ],
)
def test_the_seed_with_other_rules(seed_text: str, reference: ParseResult, rule: str) -> None:
    text, rules = RULE.subn(rule, seed_text)
    assert rules == 5
    result = parse_transcript(text.encode("utf-8"), "orebro-2021-11-10.txt")
    assert content(result) == content(reference)


def test_the_seed_without_rules_finds_its_groups_by_the_facilitator_lines(
    seed_text: str, reference: ParseResult
) -> None:
    text, rules = RULE.subn("", seed_text)  # the same line numbers, no rules
    assert rules == 5
    result = parse_transcript(text.encode("utf-8"), "orebro-2021-11-10.txt")
    assert content(result) == content(reference)


# --------------------------------------------------------------------------- indentation
def _indent(text: str, lines: Callable[[int], bool], by: str) -> str:
    return "\n".join(
        by + line if line.strip() and lines(no) else line
        for no, line in enumerate(text.split("\n"), start=1)
    )


@pytest.mark.parametrize("by", ["  ", "\t"])
def test_the_seed_indented_as_a_whole(seed_text: str, reference: ParseResult, by: str) -> None:
    # Pasted from an e-mail or a quote: every line starts a little in.
    text = _indent(seed_text, lambda _no: True, by)
    result = parse_transcript(text.encode("utf-8"), "orebro-2021-11-10.txt")
    assert content(result) == content(reference)


@pytest.mark.parametrize("by", ["    ", "\t"])
def test_the_seed_with_indented_continuation_lines(
    seed_text: str, reference: ParseResult, by: str
) -> None:
    # Every line of a note after its first, set in under the bullet as many editors do.
    continuation = {no for n in reference.notes for no in range(n.line + 1, n.end_line + 1)}
    assert len(continuation) > 100
    text = _indent(seed_text, lambda no: no in continuation, by)
    result = parse_transcript(text.encode("utf-8"), "orebro-2021-11-10.txt")
    assert content(result, soft_breaks=True) == content(reference, soft_breaks=True)
