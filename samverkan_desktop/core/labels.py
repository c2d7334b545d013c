"""Short labels for groups ("AI1", "BT2", "PO", "KL"): on every note, in the report, in panels.

One rule everywhere, so a reader finds the report's "AI1" on the board and in the search panel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Group

# Words that carry no meaning in a group's abbreviation.
_SMALL_WORDS = {"och", "i", "för", "av", "med", "om", "på", "till", "the", "and", "of", "grupp"}


def base_label(name: str) -> str:
    """ "AI1" for "Arbetsmarknad och inkludering grupp 1", "PO" for "Psykisk ohälsa/…", "KL"."""
    number = ""
    found = re.search(r"(\d+)\s*$", name.strip())
    if found:
        number = found.group(1)
        name = name.strip()[: found.start()]
    words = [w for w in re.split(r"[\s/,&+–-]+", name) if w and w.lower() not in _SMALL_WORDS]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if not words:
        letters = "G"
    elif len(words) == 1:
        letters = "".join(ch for ch in words[0] if ch.isalpha())[:2]
    else:
        letters = "".join(next(ch for ch in w if ch.isalpha()) for w in words[:2])
    return letters.upper() + number


def group_labels(groups: Iterable[Group]) -> dict[int, str]:
    """A short, distinct label per group id (a number is added where two would be alike)."""
    groups = list(groups)
    labels = {g.id: base_label(g.name) for g in groups}
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    counters: dict[str, int] = {}
    for g in groups:
        label = labels[g.id]
        if seen[label] > 1:
            counters[label] = counters.get(label, 0) + 1
            labels[g.id] = f"{label}·{counters[label]}"
    return labels
