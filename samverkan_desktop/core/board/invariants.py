"""The board's promise, checked: what `settle` keeps true after every gesture.

`violations` lists every broken rule in words; an empty list means the board shows exactly what
the file holds and nothing hides anything.
"""

from __future__ import annotations

from .board import Board, Key
from .geometry import TITLE_H, Rect


def _name(key: Key) -> str:
    kind, i = key
    return f"{'lapp' if kind == 'note' else 'ram'} {i}"


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
        rects.sort(key=lambda rk: rk[0].x)
        for i, (a, ka) in enumerate(rects):  # a sweep from left to right
            for b, kb in rects[i + 1 :]:
                if b.x >= a.right:
                    break
                if a.overlaps(b):
                    found.append(f"{_name(ka)} och {_name(kb)} överlappar")
        if len(found) >= limit:
            break
    return found[:limit]
