"""Colours and short labels for the groups on the board.

The hues are Okabe & Ito's colour-blind-safe set, mixed with paper white so that black text stays
readable on them. Colour is never the only cue: every note also carries its group's short label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QColor

from ...core import model as m

# Okabe-Ito, ordered so that neighbouring groups (columns) differ most.
_HUES = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#D55E00",  # vermillion
    "#0072B2",  # blue
)
_PAPER = QColor("#FFFDF7")
NO_GROUP = QColor("#ECEAE4")

BOARD_BACKGROUND = QColor("#F3F2EE")
GRID_DOT = QColor("#DDDBD4")
TEXT = QColor("#22252A")
MUTED_TEXT = QColor("#6B6F76")
FRAME_FILL = QColor(255, 255, 255, 150)  # a top-level frame: a lighter sheet on the board
NESTED_FILL = QColor(60, 64, 72, 14)  # a frame inside a frame: a shade darker than its parent
FRAME_BORDER = QColor("#A9ADB4")
ACCENT = QColor("#0072B2")  # selection and drop targets
DROP_FILL = QColor(0, 114, 178, 28)
WARNING = QColor("#B34700")

# Words that carry no meaning in a group name's abbreviation.
_SMALL_WORDS = {"och", "i", "för", "av", "med", "om", "på", "till", "the", "and", "of", "grupp"}


def _mix(colour: QColor, base: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (colour.red() - base.red()) * amount),
        round(base.green() + (colour.green() - base.green()) * amount),
        round(base.blue() + (colour.blue() - base.blue()) * amount),
    )


def hue(index: int) -> QColor:
    return QColor(_HUES[index % len(_HUES)])


def note_fill(index: int | None) -> QColor:
    """The pastel paper colour of a note of the group at `index` (None: no group)."""
    if index is None:
        return QColor(NO_GROUP)
    return _mix(hue(index), _PAPER, 0.30)


def label_colour(index: int | None) -> QColor:
    """A darker shade of the group's hue for its label; readable on the note's paper."""
    if index is None:
        return QColor(MUTED_TEXT)
    return _mix(hue(index), QColor("#000000"), 0.62).darker(105)


def parse_colour(text: str) -> QColor | None:
    """A note's own colour (its `colour` field), or None when empty or not a colour."""
    if not text:
        return None
    colour = QColor(text)
    return colour if colour.isValid() else None


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


def group_labels(groups: Iterable[m.Group]) -> dict[int, str]:
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
