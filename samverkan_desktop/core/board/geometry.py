"""The board's measures and a plain rectangle: what every placement rule is written in.

Scene units are pixels at 100 % zoom. The board (ui), the first layout of an import
(core.layout) and every placement rule (core.board) use these numbers and no others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .. import model as m

NOTE_W = m.NOTE_WIDTH
NOTE_H = m.NOTE_HEIGHT
# A long note grows up to MAX_NOTE_H (then its text is elided); notes are stacked NOTE_H + GAP
# apart, so a grown note never reaches the one below it.
MAX_NOTE_H = NOTE_H + 16
GAP = 20.0  # between notes and frames side by side
PAD = 20.0  # inside a frame, around what it holds
TITLE_H = 40.0  # a frame's title bar: nothing else is ever drawn on it
MIN_FRAME_W = 220.0
MIN_FRAME_H = TITLE_H + 60.0
GROUP_HEADER = 60.0  # room above a group's column for the group's name
COLUMN_GAP = 80.0
NOTES_PER_ROW = 2
COLUMN_WIDTH = NOTES_PER_ROW * NOTE_W + (NOTES_PER_ROW - 1) * GAP + 2 * PAD
EPS = 0.01  # rectangles closer than this to each other's edges count as touching, not overlapping


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    @property
    def area(self) -> float:
        return self.w * self.h

    def overlaps(self, other: Rect, margin: float = 0.0) -> bool:
        """True when the two share area (closer than `margin`, when one is given)."""
        return (
            self.x < other.right + margin - EPS
            and other.x < self.right + margin - EPS
            and self.y < other.bottom + margin - EPS
            and other.y < self.bottom + margin - EPS
        )

    def contains(self, other: Rect) -> bool:
        return (
            other.x >= self.x - EPS
            and other.y >= self.y - EPS
            and other.right <= self.right + EPS
            and other.bottom <= self.bottom + EPS
        )

    def holds_point(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def translated(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)

    def moved_to(self, x: float, y: float) -> Rect:
        return Rect(x, y, self.w, self.h)

    def united(self, other: Rect) -> Rect:
        left, top = min(self.x, other.x), min(self.y, other.y)
        return Rect(
            left, top, max(self.right, other.right) - left, max(self.bottom, other.bottom) - top
        )

    def adjusted(self, left: float, top: float, right: float, bottom: float) -> Rect:
        return Rect(self.x + left, self.y + top, self.w - left + right, self.h - top + bottom)

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)


def union(rects: Iterable[Rect]) -> Rect | None:
    result: Rect | None = None
    for rect in rects:
        result = rect if result is None else result.united(rect)
    return result


def frame_around(rects: Iterable[Rect]) -> Rect | None:
    """The frame that holds `rects` with room for its title bar and padding."""
    inner = union(rects)
    if inner is None:
        return None
    frame = inner.adjusted(-PAD, -TITLE_H, PAD, PAD)
    return Rect(frame.x, frame.y, max(frame.w, MIN_FRAME_W), max(frame.h, MIN_FRAME_H))


def content_area(frame: Rect) -> Rect:
    """Where a frame's notes and sub-frames go: below the title, off the sides."""
    return Rect(
        frame.x + PAD,
        frame.y + TITLE_H,
        max(0.0, frame.w - 2 * PAD),
        max(0.0, frame.h - TITLE_H - PAD),
    )
