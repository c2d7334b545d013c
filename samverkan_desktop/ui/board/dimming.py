"""A search's dimming on a big board: the notes in view at once, the others a turn later.

A search's first key dims most of the board: at 10,000 notes, telling every note and Qt taking
in every note that changed took 40-90 ms a key. The notes in and around the view are told at
once; the others, which nobody sees yet, on the next turns of the event loop, CHUNK at a time,
each as the search is then (a note told late is never told an older search). Far out, where
the board's overview draws every note from what it was told, and for a change of a few notes,
every note is told at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtWidgets import QGraphicsScene

from .note_item import NoteItem

AT_ONCE = 1000  # a change of up to this many notes is shown whole at once
CHUNK = 250  # notes out of view told per turn of the event loop


class Dimming:
    """Gives the scene's notes their opacity for the search, those in view first.

    `opacity(note_id)` is what a note's opacity is for the search as it is now; `item(note_id)`
    the note's item (None once it has gone)."""

    def __init__(
        self,
        scene: QGraphicsScene,
        opacity: Callable[[int], float],
        item: Callable[[int], NoteItem | None],
    ) -> None:
        self._scene = scene
        self._opacity = opacity
        self._item = item
        self._due: set[int] = set()  # out of view, not told the search yet
        self._timer = QTimer(scene)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._some)

    def show(self, changed: set[int], everything: bool = False) -> None:
        """The notes `changed` now look otherwise; `everything`: tell them all now."""
        if everything or len(changed) <= AT_ONCE:
            now = changed
        else:
            now = changed & self._in_view()
            self._due |= changed - now
        self._due -= now
        self._tell(now)
        if self._due:
            self._timer.start()
        else:
            self._timer.stop()

    def finish(self) -> None:
        """Tell every note still waiting (the overview is about to draw them all)."""
        due, self._due = self._due, set()
        self._timer.stop()
        self._tell(due)

    def waiting(self) -> int:
        """How many notes out of view have not been told the search yet."""
        return len(self._due)

    def _some(self) -> None:
        batch = [self._due.pop() for _ in range(min(CHUNK, len(self._due)))]
        self._tell(batch)
        if not self._due:
            self._timer.stop()

    def _tell(self, ids: set[int] | list[int]) -> None:
        opacity, item_of = self._opacity, self._item
        for note_id in ids:
            item = item_of(note_id)
            if item is not None:
                item.setOpacity(opacity(note_id))

    def _in_view(self) -> set[int]:
        """The notes in every view of the board, and a quarter of a view around it."""
        found: set[int] = set()
        for view in self._scene.views():
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            dx, dy = seen.width() / 4, seen.height() / 4
            around = QRectF(seen).adjusted(-dx, -dy, dx, dy)
            mode = Qt.ItemSelectionMode.IntersectsItemBoundingRect
            for item in self._scene.items(around, mode):
                if isinstance(item, NoteItem):
                    found.add(item.note_id)
        return found
