"""The report's Temakarta page: the themes as a vector map with real, readable text."""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import workshops
from pypdf import PdfReader

from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import export
from samverkan_desktop.core.store import Store
from samverkan_desktop.render import EXPORTERS


def _write(doc: m.Document, path: Path, **options: object) -> PdfReader:
    export(doc, EXPORTERS["pdf"], path, **options)
    return PdfReader(path)


def _map_page(reader: PdfReader, title: str = "Temakarta") -> int:
    """The page the outline's theme map bookmark opens (0-based)."""
    [mark] = [item for item in reader.outline if not isinstance(item, list) and item.title == title]
    return reader.get_destination_page_number(mark)


def _runs(reader: PdfReader, page: int) -> list[tuple[str, float]]:
    """Each piece of text on the page with its size in points, as a reader's viewer shows it."""
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, _font, size) -> None:  # noqa: ANN001 - pypdf's callback
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            runs.append((re.sub(r"[ \t]+", " ", text.strip()), size * scale))

    reader.pages[page].extract_text(visitor_text=visit)
    return runs


def _shown(name: str, texts: set[str]) -> bool:
    """The theme's name, whole or cut with "…" after a good part of it."""
    return name in texts or any(
        t.endswith("…") and len(t) > 12 and name.startswith(t[:-1].rstrip()) for t in texts
    )


def test_the_seed_report_has_a_theme_map_page_with_every_theme(
    seed_doc: m.Document, tmp_path: Path, qapp
) -> None:
    reader = _write(seed_doc, tmp_path / "rapport.pdf")
    page = _map_page(reader)
    box = reader.pages[page].mediabox
    assert box.width > box.height  # landscape, as the board page
    assert not reader.pages[page].images  # painted as vectors, not pasted as a picture
    runs = _runs(reader, page)
    texts = {t for t, _ in runs}
    assert "Temakarta" in texts
    tops = [c.name for c in seed_doc.clusters if c.parent_id is None]
    missing = [name for name in tops if not _shown(name, texts)]
    assert not missing
    # The groups that raised a theme are named under it: five groups wrote about work.
    assert "AI1, AI2, BT1, PO, KL" in texts
    names = [size for text, size in runs if text in tops]
    assert min(names) >= 7.5  # 23 themes leave room for a comfortable size
    whole = " ".join(texts)
    assert "Heldragen linje" in whole and "Streckad linje: minst 2 grupper" in whole
    loose = sum(1 for n in seed_doc.notes if n.cluster_id is None)
    assert f"{loose} lappar ligger utan kluster" in whole
    # The page is counted: "Sida n av N" agrees with the file.
    assert f"Sida {page + 1} av {len(reader.pages)}" in texts


def _fifty_themes(path: Path) -> m.Document:
    """50 themes, each raised by several of six groups, some notes linked across themes."""
    words = (
        "Trygghet",
        "Mötesplatser",
        "Långsiktighet",
        "Samverkan",
        "Språk",
        "Fritid",
        "Klimat",
        "Arbete",
        "Kunskap",
        "Boende",
        "Föreningar",
        "Ensamhet",
        "Kultur",
    )
    with Store.create(path, m.Workshop("Femtio teman")) as store, store.transaction():
        groups = [store.add_group(f"Grupp {i}") for i in range(1, 7)]
        themes = []
        for i in range(50):
            name = words[i % len(words)]
            if i % 3:
                name += " och " + words[(i * 7 + 3) % len(words)].lower()
            themes.append(store.add_cluster(f"{name} {i + 1}"))
        notes = [
            store.add_note(
                f"Lapp {i}", group_id=groups[(i * 5 + i // 50) % 6].id, cluster_id=themes[i % 50].id
            )
            for i in range(250)
        ]
        for i in range(0, 60, 3):
            store.add_link(m.Link(notes[i].id, notes[i * 2 + 7].id, m.RELATES_TO))
        return store.document()


def test_fifty_themes_all_get_a_readable_name(tmp_path: Path, qapp) -> None:
    doc = _fifty_themes(tmp_path / "femtio.samverkan")
    reader = _write(doc, tmp_path / "rapport.pdf")
    runs = _runs(reader, _map_page(reader))
    texts = {t for t, _ in runs}
    names = [c.name for c in doc.clusters]
    assert [n for n in names if not _shown(n, texts)] == []
    sizes = [size for text, size in runs if any(_shown(n, {text}) for n in names)]
    assert len(sizes) == 50
    assert round(min(sizes), 1) >= 6.0  # small print, but print one can read


def test_the_map_is_redacted_with_the_rest_of_the_report(
    small_doc: m.Document, tmp_path: Path, qapp
) -> None:
    # A theme named after a facilitator, and the note with a phone number linked to a note of
    # another theme: it joins two themes, so the page lists it.
    phone_note = next(n for n in small_doc.notes if workshops.PHONE in n.text)
    meeting = next(n for n in small_doc.notes if n.text.startswith("Mötesplatser behövs"))
    doc = dataclasses.replace(
        small_doc,
        clusters=tuple(
            c.with_(name="Lovisas idéer") if c.name == "Språk och integration" else c
            for c in small_doc.clusters
        ),
        links=(m.Link(phone_note.id, meeting.id, m.RELATES_TO),),
    )
    plain = _write(doc, tmp_path / "rapport.pdf")
    page_text = " ".join(t for t, _ in _runs(plain, _map_page(plain)))
    assert "Lovisas idéer" in page_text
    assert "Lappar som knyter ihop teman (2)" in page_text and workshops.PHONE in page_text

    redacted = _write(doc, tmp_path / "anonym.pdf", redact=True)
    page_text = " ".join(t for t, _ in _runs(redacted, _map_page(redacted)))
    for secret in ("Lovisa", workshops.PHONE, workshops.EMAIL, "Strand"):
        assert secret not in page_text
    assert "[borttaget]" in page_text


def test_english_report_calls_it_theme_map(small_doc: m.Document, tmp_path: Path, qapp) -> None:
    reader = _write(small_doc, tmp_path / "report.pdf", language="en")
    page_text = " ".join(t for t, _ in _runs(reader, _map_page(reader, "Theme map")))
    assert "Theme map" in page_text and "Solid line" in page_text
    assert "Mötesplatser" in page_text


def test_a_workshop_without_themes_has_no_map_page(tmp_path: Path, qapp) -> None:
    with Store.create(tmp_path / "tom.samverkan", m.Workshop("Utan teman")) as store:
        group = store.add_group("Grupp 1")
        store.add_note("Belysning!", group_id=group.id)
        doc = store.document()
    reader = _write(doc, tmp_path / "rapport.pdf")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Temakarta" not in titles
    whole = "\n".join(p.extract_text() for p in reader.pages)
    assert "Temakarta" not in whole
    assert f"Sida {len(reader.pages)} av {len(reader.pages)}" in re.sub(r"[ \t]+", " ", whole)
