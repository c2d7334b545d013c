"""The board's promise, checked: what `settle` keeps true after every gesture.

`violations` lists every broken rule in words; an empty list means the board shows exactly what
the file holds and nothing hides anything.
"""

from __future__ import annotations

from .board import Board, Key
from .geometry import EPS, TITLE_H, Rect


def _name(key: Key) -> str:
    kind, i = key
    return f"{'lapp' if kind == 'note' else 'ram'} {i}"


def _left(box: tuple[float, float, float, float, Key]) -> float:
    return box[0]


def violations(board: Board, limit: int = 50) -> list[str]:
    """Things in a frame lie inside it below its title; things side by side do not overlap."""
    found: list[str] = []
    levels: list[int | None] = [None, *board.cluster_ids()]
    for level in levels:
        keys = board.contents(level)
        rects = [(board.rect(k), k) for k in keys]
        if level is not None:
            frame = board.frame(level)
            inside = Rect(frame.x, frame.y + TITLE_H, frame.w, max(0.0, frame.h - TITLE_H))
            for r, k in rects:
                if not inside.contains(r):
                    found.append(f"{_name(k)} ligger inte inuti ram {level} under dess rubrik")
        # A sweep from left to right over each rect's edges, taken once (Rect.overlaps per
        # pair, its edges computed again each time, was most of an import's check of 10,000
        # notes); the same comparisons as Rect.overlaps, in the same order.
        boxes = sorted(((r.x, r.right, r.y, r.bottom, k) for r, k in rects), key=_left)
        for i, (ax, a_right, ay, a_bottom, ka) in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                bx, b_right, by, b_bottom, kb = boxes[j]
                if bx >= a_right:
                    break
                if (
                    ax < b_right - EPS
                    and bx < a_right - EPS
                    and ay < b_bottom - EPS
                    and by < a_bottom - EPS
                ):
                    found.append(f"{_name(ka)} och {_name(kb)} överlappar")
        if len(found) >= limit:
            break
    return found[:limit]
