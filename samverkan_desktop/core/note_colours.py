"""The facilitator's own colours for notes and frames: one named palette for board and exports.

A note's or cluster's `colour` field holds one of these colours' Okabe & Ito hue ("#E69F00");
empty means "the group's colour". The board paints the hue as a tint light enough for dark text
(`fill`), and a tag in the hue's dark shade (`ink`) with the colour's mark ("O") in white, so
colour is never the only cue; the tooltip and every export say the colour's name.
A value that is not in the palette (a JSON file from elsewhere) is painted, and named by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

_PAPER = (0xFF, 0xFD, 0xF7)
_BLACK = (0, 0, 0)
TEXT = "#22252A"  # the board's text colour, which must stay readable on every fill


@dataclass(frozen=True)
class NoteColour:
    hue: str  # the value stored in the file: an Okabe-Ito colour
    sv: str
    en: str
    mark: str  # the short label painted on the tag
    tint: float  # how much of the hue goes into paper white for the fill

    def name(self, language: str = "sv") -> str:
        return self.en if language == "en" else self.sv

    @property
    def fill(self) -> str:
        return _hex(_mix(_rgb(self.hue), _PAPER, self.tint))

    @property
    def ink(self) -> str:
        """The tag's colour: dark enough for white text on it."""
        return _hex(_mix(_rgb(self.hue), _BLACK, 0.45))


PALETTE: tuple[NoteColour, ...] = (
    NoteColour("#E69F00", "Orange", "Orange", "O", 0.75),
    NoteColour("#56B4E9", "Himmelsblå", "Sky blue", "H", 0.6),
    NoteColour("#009E73", "Grön", "Green", "Gr", 0.6),
    NoteColour("#F0E442", "Gul", "Yellow", "Gu", 0.85),
    NoteColour("#0072B2", "Blå", "Blue", "B", 0.62),
    NoteColour("#D55E00", "Vermiljon", "Vermilion", "V", 0.6),
)
_BY_HUE = {c.hue.casefold(): c for c in PALETTE}
NONE_NAME = {"sv": "Ingen (gruppens färg)", "en": "None (the group's colour)"}


def find(value: str) -> NoteColour | None:
    """The palette colour a `colour` field holds, None for empty or a colour from elsewhere."""
    return _BY_HUE.get(value.strip().casefold())


def colour_name(value: str, language: str = "sv") -> str:
    """What exports call a note's colour: the palette's name, else the stored value, "" for none."""
    if not value.strip():
        return ""
    found = find(value)
    return found.name(language) if found else value.strip()


def _rgb(value: str) -> tuple[int, int, int]:
    v = value.lstrip("#")
    return int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16)


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def _mix(
    colour: tuple[int, int, int], base: tuple[int, int, int], amount: float
) -> tuple[int, int, int]:
    r, g, b = (round(bb + (c - bb) * amount) for c, bb in zip(colour, base, strict=True))
    return r, g, b


def _luminance(value: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two "#RRGGBB" colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
