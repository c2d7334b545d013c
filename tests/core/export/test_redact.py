"""Redaction: what a council reader must never find in a report marked as redacted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import export
from samverkan_desktop.core.export.redact import (
    REMOVED,
    WITHHELD,
    Redactor,
    redact_document,
    redact_text,
)

NAMES = ("Anette Valdemarsson", "Lovisa Strand", "Åse Sundqvist")


@pytest.mark.parametrize(
    "text",
    [
        "Mejla ah@hma.se för kontakt",
        "mailto:ah@hma.se",
        "Skriv till Förnamn.Efternamn+lista@orebro.kommun.se!",
        "Ring 070-123 45 67",
        "Ring 0701234567 i dag",
        "Växel 019-21 10 00.",
        "Ring +46 70 123 45 67",
        "Ring +46 (0)19 21 10 00",
        "Ring 0046 19 211000",
        "Personnummer 19850612-1234",
        "Personnummer 850612-1234",
    ],
)
def test_contact_details_are_removed(text: str) -> None:
    out = redact_text(text)
    assert REMOVED in out
    assert "@" not in out
    assert not any(ch.isdigit() for ch in out.replace("+", ""))


@pytest.mark.parametrize(
    "text",
    [
        "Fördjupningsdag om samverkan 2021-11-10",
        "Mörkt 15:30-07:30 på vintern",
        "Aktiviteter för unga, 16-25 år",
        "Klimatneutralt 2045, 1-2 dagars utbildning",
        "Koldioxidbudget 2030",
    ],
)
def test_dates_times_years_and_ranges_stay(text: str) -> None:
    assert redact_text(text) == text


def test_known_names_go_whole_in_parts_and_in_the_genitive() -> None:
    clean = Redactor(NAMES)
    assert clean("Anette Valdemarsson tar det") == f"{REMOVED} tar det"
    assert clean("Fråga Anette eller Sundqvist") == f"Fråga {REMOVED} eller {REMOVED}"
    assert clean("Åses förslag") == f"{REMOVED} förslag"
    assert "Lovisa" not in clean("Lovisa Strands anteckning")


def test_ordinary_words_that_look_like_names_stay_in_lower_case() -> None:
    clean = Redactor(NAMES)
    assert clean("Gångväg längs strand och skog") == "Gångväg längs strand och skog"
    assert clean("Anettesson Valdemarssonska") == "Anettesson Valdemarssonska"


def test_no_names_no_pattern() -> None:
    assert Redactor()("Belysning!") == "Belysning!"
    assert Redactor()("") == ""


# ------------------------------------------------------------------ every field of every format

SECRET = "Anna Svensson anna@x.se (070) 777 88 99 19850606 6789"


def _every_text_field(value: object, prefix: str = "") -> list[tuple[str, str]]:
    """(where, text) for every string a model object holds, tuples of strings included."""
    out: list[tuple[str, str]] = []
    for f in dataclasses.fields(value):  # type: ignore[arg-type]
        v = getattr(value, f.name)
        if isinstance(v, str):
            out.append((f"{prefix}{f.name}", v))
        elif isinstance(v, tuple) and all(isinstance(x, str) for x in v):
            out += [(f"{prefix}{f.name}[{i}]", x) for i, x in enumerate(v)]
    return out


def _filled(cls: type, **fixed: object) -> object:
    """An instance of a model class with SECRET in every text field, so a text field added to
    the model later is redacted by this test's standard without anyone remembering it."""
    kwargs: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        if f.name in fixed:
            kwargs[f.name] = fixed[f.name]
        elif f.type in ("str", str):
            kwargs[f.name] = SECRET
        elif f.type in ("tuple[str, ...]",):
            kwargs[f.name] = (SECRET,)
    return cls(**kwargs)


def test_redact_document_cleans_every_text_field_of_the_model() -> None:
    doc = m.Document(
        workshop=_filled(m.Workshop),  # type: ignore[arg-type]
        groups=(_filled(m.Group, id=1),),  # type: ignore[arg-type]
        clusters=(_filled(m.Cluster, id=1),),  # type: ignore[arg-type]
        notes=(
            _filled(m.Note, id=1, group_id=1, cluster_id=1),  # type: ignore[arg-type]
            _filled(m.Note, id=2, group_id=1, personal_data=True),  # type: ignore[arg-type]
        ),
    )
    clean = redact_document(doc, ["Anna Svensson"])
    objects = [("workshop.", clean.workshop)]
    objects += [
        (f"{kind}[{i}].", o)
        for kind in ("groups", "clusters", "notes")
        for i, o in enumerate(getattr(clean, kind))
    ]
    fields = [pair for prefix, o in objects for pair in _every_text_field(o, prefix)]
    assert len(fields) >= 12
    leaks = {
        where: text
        for where, text in fields
        if re.search(r"anna|svensson|@|\d", text, re.IGNORECASE)
    }
    assert leaks == {}
    assert clean.notes[1].text == WITHHELD


def _workshop() -> m.Document:
    return m.Document(
        workshop=m.Workshop(
            "Workshop med ANNA SVENSSON",
            dt.date(2021, 11, 10),
            "Kontakt anna@x.se eller 070.888.99.00. Träff 2021-11-10 kl 15:30-17:30, 16-25 år",
        ),
        groups=(m.Group(1, "Grupp 08-123 45 67", ("Lovisa Strand",)),),
        clusters=(m.Cluster(1, "Kluster 19850606 6789", "Ring +44 20 7946 0958"),),
        notes=(
            m.Note(
                1,
                "Ring +1 (555) 123-4567 eller (070) 777 88 99, 350 deltagare",
                group_id=1,
                section="Avsnitt 850707–7890",
                source="Anteckningar Anna Svensson anna@x.se.txt:12",
                comment="Lovisa Strands fråga, pnr 198504044567",
                cluster_id=1,
            ),
            m.Note(2, "anna svensson 8505055678 STRAND", group_id=1, cluster_id=1),
            m.Note(
                3,
                "Hemligt",
                group_id=1,
                personal_data=True,
                source="Anna Svensson 0046 (0)19-33 44 55.txt:3",
            ),
        ),
    )


LEAKS = [
    r"\bAnna\b",
    r"Svensson",
    r"Lovisa",
    r"\bStrand",
    "@",
    "777 88 99",
    "888.99.00",
    "123 45 67",
    "6789",
    "7890",
    "4567",
    "7946",
    "33 44 55",
    "198504044567",
    "8505055678",
]


def _written_text(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    return path.read_text("utf-8")


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "docx", "graphml", "gexf"])
def test_no_personal_data_in_any_field_of_any_format(tmp_path: Path, fmt: str) -> None:
    path = export(_workshop(), fmt, tmp_path / f"ut.{fmt}", redact=True, names=["Anna Svensson"])
    text = _written_text(path)
    found = [leak for leak in LEAKS if re.search(leak, text, re.IGNORECASE)]
    assert found == []
    assert "borttag" in text  # something was there (Markdown escapes the brackets)


def test_json_export_keeps_the_ordinary_text_and_redacts_the_source(tmp_path: Path) -> None:
    path = export(_workshop(), "json", tmp_path / "ut.json", redact=True, names=["Anna Svensson"])
    data = json.loads(path.read_text("utf-8"))
    assert data["workshop"]["description"] == (
        f"Kontakt {REMOVED} eller {REMOVED}. Träff 2021-11-10 kl 15:30-17:30, 16-25 år"
    )
    notes = data["notes"]
    assert [n["source"] for n in notes] == [
        f"Anteckningar {REMOVED} {REMOVED}:12",
        "",
        f"{REMOVED} {REMOVED}.txt:3",
    ]
    assert notes[0]["text"] == f"Ring {REMOVED} eller {REMOVED}, 350 deltagare"
    assert notes[0]["comment"] == f"{REMOVED} fråga, pnr {REMOVED}"
    assert notes[1]["text"] == f"{REMOVED} {REMOVED} {REMOVED}"
    assert data["groups"][0] == {"id": 1, "name": f"Grupp {REMOVED}", "facilitators": []}
