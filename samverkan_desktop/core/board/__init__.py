"""The board's geometry, without Qt: a plain `Rect`, the `Board` (cluster tree and places),
the placement rules, and `settle`, which keeps the board's promise that nothing overlaps and
everything is drawn inside the frame it belongs to (`invariants.violations` checks it)."""

from .board import Board, Changes, Key, NoteBox, frame_key, note_key
from .geometry import Rect
from .invariants import violations
from .settle import settle

__all__ = [
    "Board",
    "Changes",
    "Key",
    "NoteBox",
    "Rect",
    "frame_key",
    "note_key",
    "settle",
    "violations",
]
