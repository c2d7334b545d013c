"""Group colours: one rule for the board, its panels and the drawn exports (PDF, PNG, SVG).

The hues are Okabe & Ito's seven colour-blind-safe colours, mixed with paper white so that black
text stays readable on them. A group's colour follows its place in the workshop order, and groups
added later (a second import) take the places after the ones already there, so the board's groups
keep their colours. The first seven groups get the seven hues as pale paper; the next seven the
same hues a tier stronger, so they differ from every group before them. Only past fourteen groups
do colours repeat; colour is never the only cue, every note carries its group's short label.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from ..core import note_colours

# Okabe-Ito, ordered so that neighbouring groups (columns) differ most.
HUES = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#D55E00",  # vermillion
    "#0072B2",  # blue
)
# How much of the hue goes into paper white, tier by tier: pale, then stronger. The stronger tier
# keeps black text above 4.5:1 contrast (WCAG AA) on every hue, blue being the darkest.
NOTE_TIERS = (0.30, 0.55)
# A group's full colour (the theme map's rings) in the second tier: a darker shade of its hue.
_RING_TIERS = (1.0, 0.70)
DISTINCT = len(HUES) * len(NOTE_TIERS)  # groups that get a colour of their own

PAPER = QColor("#FFFDF7")
NO_GROUP = QColor("#ECEAE4")
_BLACK = QColor("#000000")


def mix(colour: QColor, base: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `base` (0: base, 1: colour)."""
    return QColor(
        round(base.red() + (colour.red() - base.red()) * amount),
        round(base.green() + (colour.green() - base.green()) * amount),
        round(base.blue() + (colour.blue() - base.blue()) * amount),
    )


def _place(index: int) -> tuple[QColor, int]:
    """The group's base hue and its tier."""
    slot = index % DISTINCT
    return QColor(HUES[slot % len(HUES)]), slot // len(HUES)


def hue(index: int) -> QColor:
    """A group's full colour (the theme map's rings, the report's legend there)."""
    base, tier = _place(index)
    return mix(base, _BLACK, _RING_TIERS[tier])


def note_fill(index: int | None) -> QColor:
    """The paper colour of a note of the group at `index` (None: no group)."""
    if index is None:
        return QColor(NO_GROUP)
    base, tier = _place(index)
    return mix(base, PAPER, NOTE_TIERS[tier])


def label_colour(index: int) -> QColor:
    """A dark shade of the group's hue for its label, readable on the note's paper in any tier:
    darkened until it reaches 4.5:1 (WCAG AA) on both tiers' paper (yellow needs the most)."""
    base, _tier = _place(index)
    papers = [mix(base, PAPER, t).name() for t in NOTE_TIERS]
    amount = 0.62  # of the hue, the rest black
    while True:
        shade = mix(base, _BLACK, amount).darker(105)
        if amount <= 0.0 or all(note_colours.contrast(shade.name(), p) >= 4.5 for p in papers):
            return shade
        amount = max(0.0, amount - 0.02)
