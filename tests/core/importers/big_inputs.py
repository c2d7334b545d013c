"""Big and hostile import sources, generated: the benchmark times them, the tests refuse some.

Each function returns the bytes of one source file. They are built from the shapes of the seed
transcript (samverkan_desktop/resources/samples/orebro-2021-11-10.txt), only many more of them.
"""

from __future__ import annotations

import json
from pathlib import Path

SEED = Path(__file__).resolve().parents[3] / (
    "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
)


def _head() -> list[str]:
    return ["Fördjupningsdag om samverkan 2021-11-10", "", "Anteckningar från grupparbeten.", ""]


def footnotes(count: int = 10_000) -> bytes:
    """One group whose notes are marked with "*" and explained in footnotes below them."""
    out = _head() + ["Grupp 1", "Samtalsledare: Anna Berg och Per Ek", "Behov:"]
    for i in range(count):
        out.append(f"- Mötesplats{i}* behövs i området")
    for i in range(count):
        out.append(f"*Mötesplats{i} betyder en lokal där man kan ses")
    return "\n".join(out).encode()


def groups(count: int = 20_000) -> bytes:
    """Many small groups, each with its facilitators and two notes, separated by rules."""
    out = _head()
    for i in range(count):
        out += [
            "-" * 40,
            f"Grupp {i + 1}",
            f"Samtalsledare: Anna Berg{i} och Per Ek{i}",
            "Behov:",
            f"- Fler mötesplatser {i}",
            "- Belysning!",
        ]
    return "\n".join(out).encode()


def lines(count: int = 100_000) -> bytes:
    """The seed transcript repeated until it has `count` lines (Word's blank lines included)."""
    seed = SEED.read_text(encoding="utf-8").splitlines()
    body = seed[1:]  # the title once only
    out = [seed[0]]
    while len(out) < count:
        out += ["-" * 40] + body
    return "\n".join(out[:count]).encode()


def bullets(count: int = 100_000) -> bytes:
    """One group, one heading and `count` one-line notes."""
    out = _head() + ["Grupp 1", "Samtalsledare: Anna Berg", "Behov:"]
    out += [f"- Lapp nummer {i} om trygghet" for i in range(count)]
    return "\n".join(out).encode()


def one_paragraph(count: int = 100_000) -> bytes:
    """A single note wrapped over `count` lines (a file that lost its bullets)."""
    out = _head() + ["Grupp 1", "Samtalsledare: Anna Berg", "Behov:", "- Början på en lapp som"]
    out += ["fortsätter och fortsätter över många rader utan att någonsin ta slut och"] * count
    return "\n".join(out).encode()


def huge_note(size: int = 5 * 1024 * 1024) -> bytes:
    """One note of `size` bytes on one line."""
    out = _head() + ["Grupp 1", "Samtalsledare: Anna Berg", "Behov:", "- " + "a" * size]
    return "\n".join(out).encode()


def exchange(notes: int = 20_000, groups: int = 100, clusters: int = 500) -> bytes:
    """A big, valid JSON exchange file with positions, clusters, links and themes."""
    doc = {
        "format": "samverkan-workshop",
        "version": 1,
        "workshop": {"title": "Stor workshop", "date": "2024-05-01", "description": ""},
        "groups": [
            {"id": g + 1, "name": f"Grupp {g + 1}", "facilitators": [f"Anna Berg{g}"]}
            for g in range(groups)
        ],
        "clusters": [
            {
                "id": c + 1,
                "name": f"Tema {c + 1}",
                "parent_id": (c // 10) + 1 if c >= 10 else None,
                "x": 1000.0 * c,
                "y": 0.0,
                "width": 460.0,
                "height": 400.0,
            }
            for c in range(clusters)
        ],
        "notes": [
            {
                "id": n + 1,
                "group_id": n % groups + 1,
                "text": f"Lapp {n} om trygghet och mötesplatser i området",
                "votes": n % 7,
                "cluster_id": n % clusters + 1 if n % 3 else None,
                "x": float(n % 100) * 220.0,
                "y": float(n // 100) * 150.0,
            }
            for n in range(notes)
        ],
        "links": [{"source": n + 1, "target": n + 2} for n in range(0, notes - 1, 10)],
        "themes": [{"note_id": n + 1, "cluster_id": 1} for n in range(0, notes, 50)],
    }
    return json.dumps(doc, ensure_ascii=False).encode()
