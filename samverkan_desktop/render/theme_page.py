"""What the report's Temakarta page shows, from the theme graph: the themes and what joins them,
each group's colour and short label, and the notes the map cannot show (outside any cluster,
or joining themes).

Built from the same (redacted, when asked) Document as the rest of the report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor

from ..core import model as m
from ..core.analysis import graph as tg
from ..core.export.report import Report
from .board_picture import group_hue
from .theme_picture import shared_needed, shared_threshold

BRIDGES_SHOWN = 6  # the page has room for a few; the rest are counted
NOTE_CHARS = 70


@dataclass(frozen=True)
class ThemePage:
    nodes: list[tg.ThemeNode]
    edges: list[tg.ThemeEdge]
    colour_of: dict[int, QColor]  # group id -> ring colour
    label_of: dict[int, str]  # group id -> short label, as in the report's summary
    key: str  # how to read the map
    facts: str  # notes outside clusters, and how many of them are linked to nothing
    bridges: str  # notes that join themes, "" when none do


def theme_page(doc: m.Document, report: Report) -> ThemePage | None:
    """The page for `doc`, or None when it has no themes to draw."""
    index = tg.theme_index(_flattened(doc))
    nodes, edges = tg.theme_overview(index, strongest=shared_needed(len(index.tops)))
    if not nodes:
        return None
    lab = report.labels
    groups = sorted(doc.groups, key=lambda g: (g.position, g.id))
    # report.cover.groups is in this order too: the map's labels are the summary table's.
    shorts = [g.short or g.name for g in report.cover.groups]
    unclustered = tg.unclustered_notes(index)
    facts = (
        lab["theme_facts"].format(
            unclustered=len(unclustered), unlinked=len(tg.unlinked_notes(index))
        )
        if unclustered
        else lab["no_unclustered"]
    )
    return ThemePage(
        nodes,
        edges,
        {g.id: group_hue(i) for i, g in enumerate(groups)},
        dict(zip((g.id for g in groups), shorts, strict=False)),
        lab["theme_map_key"].format(groups=shared_threshold(edges, len(nodes))),
        facts,
        _bridges(index, {n.id: n.text for n in doc.notes}, lab["bridging"]),
    )


def _flattened(doc: m.Document) -> m.Document:
    """`doc` with every cluster hung directly under its outermost one.

    The map shows only top-level themes, each counting everything nested in it, so this draws
    the same map (it was once much quicker for the graph's queries, which walked a theme's
    nesting once per cluster and per note). A circle of parents (a hand-edited file) is cut at
    the cluster where the walk meets it, as the report cuts it: its theme shows on the page.
    """
    parent = {c.id: c.parent_id for c in doc.clusters}
    top: dict[int, int] = {}
    for start in parent:
        path, node = [], start
        while node not in top and parent.get(node) in parent and node not in path:
            path.append(node)
            node = parent[node]  # type: ignore[assignment]
        root = top.get(node, node)
        for cid in (*path, node):
            top.setdefault(cid, root)
    flat = tuple(
        c
        if c.parent_id is None or c.parent_id == top[c.id]
        else c.with_(parent_id=None if top[c.id] == c.id else top[c.id])
        for c in doc.clusters
    )
    return replace(doc, clusters=flat)


def _bridges(index: tg.ThemeIndex, texts: dict[int, str], heading: str) -> str:
    found = tg.bridging_notes(index)
    if not found:
        return ""
    names = index.names
    order = sorted(found, key=lambda i: (-len(found[i]), i))
    parts = []
    for note_id in order[:BRIDGES_SHOWN]:
        text = " ".join(texts[note_id].split())
        if len(text) > NOTE_CHARS:
            text = text[: NOTE_CHARS - 1].rstrip() + "…"
        themes = ", ".join(sorted(names.get(c, "") for c in found[note_id]))
        parts.append(f"”{text}” ({themes})")
    more = " …" if len(order) > BRIDGES_SHOWN else ""
    return f"{heading} ({len(order)}): " + "; ".join(parts) + more
