"""Workshops for the report tests: a small hand-made one and the clustered seed.

Both are written through the real Store into a real SQLite file, as the app would.
Shared by tests/core/export, tests/render, tests/ui/dialogs and bench/bench_report.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samverkan_desktop.core import model as m
from samverkan_desktop.core.store import Store

MARKUP = '<b>bold</b> <img src="http://example.invalid/x.png"> &amp; &'
EMAIL = "kontakt.person@example.se"
PHONE = "070-123 45 67"
FACILITATORS = ("Anette Valdemarsson", "Fredrik Wouda", "Lovisa Strand", "Åsa Öberg")


def make_small(path: Path) -> Store:
    """Three groups, nested clusters, a group's own cluster, votes, personal data and markup."""
    store = Store.create(path, m.Workshop("Fördjupningsdag om samverkan", dt.date(2021, 11, 10)))
    with store.transaction():
        g1 = store.add_group("Arbetsmarknad grupp 1", FACILITATORS[:2])
        g2 = store.add_group("Trygghet grupp 2", FACILITATORS[2:3])
        g3 = store.add_group("Klimat", FACILITATORS[3:])
        meet = store.add_cluster("Mötesplatser", x=0, y=0, width=700, height=500)
        young = store.add_cluster(
            "Unga och fritid", parent_id=meet.id, x=10, y=200, width=460, height=200
        )
        safe = store.add_cluster("Trygghet", group_id=g2.id, x=800, y=0, width=480, height=330)
        lang = store.add_cluster("Språk och integration", x=0, y=600, width=480, height=330)
        store.add_cluster("Tomt kluster", x=1400, y=0, width=300, height=200)
        add = store.add_note
        add(
            "Mötesplatser behövs för integration och samtal",
            group_id=g1.id,
            section="Behov",
            votes=3,
            cluster_id=meet.id,
            x=20,
            y=50,
        )
        add(
            "Gemensamma mötesplatser i alla stadsdelar",
            group_id=g3.id,
            votes=1,
            cluster_id=meet.id,
            x=240,
            y=50,
        )
        add(
            "Aktiviteter för unga kvällstid och helger, 16-25 år",
            group_id=g2.id,
            section="Mötesplatser",
            votes=4,
            cluster_id=young.id,
            x=30,
            y=250,
        )
        add(
            "Mer modern organiserad ungdomsverksamhet",
            group_id=g2.id,
            section="Mötesplatser",
            uncertain=True,
            comment="Svårläst i originalet",
            cluster_id=young.id,
            x=250,
            y=250,
        )
        add(
            "Belysning!",
            group_id=g2.id,
            section="Trygghet",
            votes=2,
            cluster_id=safe.id,
            x=820,
            y=50,
        )
        add(
            f"Fråga Lovisa Strand, ring {PHONE} eller mejla {EMAIL}",
            group_id=g2.id,
            section="Trygghet",
            cluster_id=safe.id,
            x=1040,
            y=50,
        )
        add(
            "Språk – även att ”det” fastnat i att man måste kunna språk",
            group_id=g1.id,
            section="Behov",
            votes=5,
            cluster_id=lang.id,
            x=20,
            y=650,
        )
        add(
            MARKUP,
            group_id=g1.id,
            section="Behov",
            comment="Anettes anteckning",
            cluster_id=lang.id,
            x=240,
            y=650,
        )
        add("Skogen", group_id=g3.id, section="Behov", x=1400, y=400)
        add("Energi och koldioxidutsläpp", group_id=g3.id, section="Behov", votes=1, x=1400, y=560)
        add("Digitaliseringen", group_id=g1.id, section="Behov", x=1620, y=400)
    return store


def small_document(tmp_path: Path) -> m.Document:
    with make_small(tmp_path / "small.samverkan") as store:
        return store.document()


# Themes a facilitator might pick for the seed, each found by keywords (lower-case stems).
SEED_THEMES = (
    ("Arbete och sysselsättning", ("arbets", "jobb", "anställ", "sysselsätt", "lönebidrag")),
    ("Språk och integration", ("språk", "integration", "kultur")),
    ("Unga och fritid", ("unga", "ungdom", "barn", "fritid")),
    ("Klimat och miljö", ("klimat", "miljö", "energi", "koldioxid", "skog", "solenergi")),
    ("Samverkan och nätverk", ("samverk", "samarbet", "nätverk")),
    ("Kunskap och utbildning", ("kunskap", "utbild", "studiecirk", "information")),
    ("Pengar och långsiktighet", ("pengar", "finansier", "bidrag", "långsiktig", "resurs")),
    ("Psykisk hälsa", ("psykisk", "hälsa", "ensam", "diagnos")),
)


def make_seed(path: Path, seed_path: Path) -> Store:
    """The Örebro seed imported, then clustered as a facilitator might: keyword themes, the
    groups' own "(klustrat)" clusters kept (two of them nested under a theme), dot votes."""
    from samverkan_desktop.core.importers import read_source

    store = Store.create(path)
    store.add_document(read_source(seed_path))
    notes = store.notes()
    own = {c.name: c for c in store.clusters()}
    right = max(n.x for n in notes) + 600
    with store.transaction():
        themes = {name: store.add_cluster(name) for name, _ in SEED_THEMES}
        young = themes["Unga och fritid"]
        sport = store.add_cluster("Mötesplatser för unga", parent_id=young.id)
        store.update_clusters(
            {
                own["Integration"].id: {"parent_id": themes["Språk och integration"].id},
                own["Trygghet"].id: {"parent_id": young.id},
            }
        )
        membership: dict[int, int] = {}
        votes: dict[int, dict[str, int]] = {}
        for n in notes:
            folded = n.text.casefold()
            if n.cluster_id is None:
                for name, stems in SEED_THEMES:
                    if any(s in folded for s in stems):
                        target = themes[name]
                        if target is young and "mötesplats" in folded:
                            target = sport
                        membership[n.id] = target.id
                        break
            if n.id % 7 in (1, 4):  # a steady spread of dot votes
                votes[n.id] = {"votes": (n.id * 3) % 5 + 1}
        store.set_membership(membership)
        store.update_notes(votes)
        # The facilitator drags each theme's notes (and nested clusters) into its frame.
        x = right
        for i, (name, _) in enumerate(SEED_THEMES):
            width, _height = _arrange(store, themes[name].id, x, 0 if i % 2 == 0 else 2400)
            if i % 2:
                x += width + 200
    return store


def _arrange(
    store: Store, cluster_id: int, x: float, y: float, cols: int = 4
) -> tuple[float, float]:
    step_x, step_y = m.NOTE_WIDTH + 20, m.NOTE_HEIGHT + 20
    members = [n for n in store.notes() if n.cluster_id == cluster_id]
    store.move_notes(
        {
            n.id: (x + 20 + (i % cols) * step_x, y + 50 + (i // cols) * step_y)
            for i, n in enumerate(members)
        }
    )
    bottom = y + 50 + -(-len(members) // cols) * step_y
    width = 20 + cols * step_x
    for child in [c for c in store.clusters() if c.parent_id == cluster_id]:
        _cw, ch = _arrange(store, child.id, x + 20, bottom, cols - 1)
        bottom += ch + 20
    height = bottom - y + 10
    store.update_cluster(cluster_id, x=x, y=y, width=width, height=height)
    return width, height


def seed_document(tmp_path: Path, seed_path: Path) -> m.Document:
    with make_seed(tmp_path / "seed.samverkan", seed_path) as store:
        return store.document()
