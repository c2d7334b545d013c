"""Where "Placera resten" puts notes: many notes, each into its own frame, as one gesture.

Like `gestures.move_into` for one note, on one draft: each note takes its frame's first free
place in reading order after what the frame already holds (and after the notes placed before it
in this gesture), then `settle` grows the frames to hold them and keeps the board's promise.
"""

from __future__ import annotations

from collections.abc import Mapping

from .board import Board, note_key
from .geometry import Rect
from .place import first_free_inside
from .settle import settle


def move_all_into(board: Board, targets: Mapping[int, int]) -> Board:
    """Each note of `targets` into its cluster's first free place; one settled draft."""
    draft = board.copy()
    moved = []
    for note_id, cluster_id in targets.items():
        if not (draft.has_note(note_id) and draft.has_cluster(cluster_id)):
            continue
        draft.set_home(note_id, cluster_id)
        key = note_key(note_id)
        taken = [draft.rect(k) for k in draft.contents(cluster_id) if k != key]
        draft.move_to(key, *first_free_inside(draft, cluster_id, draft.note(note_id).h, taken))
        moved.append(key)
    settle(draft, newcomers=moved)
    return draft


def ghost_spot(board: Board, note_id: int, cluster_id: int) -> Rect:
    """Where the note would land in the frame (before the frame grows): its ghost's place."""
    return move_all_into(board, {note_id: cluster_id}).note_rect(note_id)
