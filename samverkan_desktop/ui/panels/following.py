"""A side panel follows the document after the board does: the board is drawn first.

The board's scene follows the document's signals at once. A panel beside it (the clusters
list, the progress counter) hears them through `Following`, which calls it on the next turn of
the event loop, after the board has painted the change, in the order the changes came (a new
cluster's row in the list was 0.4 ms of Ctrl+G's first paint at 10,000 notes).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer


class Following(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pending: list[tuple[Callable[..., None], tuple[Any, ...]]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.now)
        self._later: dict[Callable[..., None], Callable[..., None]] = {}

    def later(self, slot: Callable[..., None]) -> Callable[..., None]:
        """What to connect instead of `slot`: it calls `slot` a turn later, with the same
        arguments. The same callable each time for one slot, so that it can be disconnected."""
        wrapped = self._later.get(slot)
        if wrapped is None:
            wrapped = self._later[slot] = partial(self._hear, slot)
        return wrapped

    def _hear(self, slot: Callable[..., None], *args: Any) -> None:
        self._pending.append((slot, args))
        self._timer.start()

    def now(self) -> None:
        """Follow what has been heard so far, in order (before acting on the panel's rows)."""
        self._timer.stop()
        while self._pending:
            slot, args = self._pending.pop(0)
            slot(*args)

    def drop(self) -> None:
        """Forget what has been heard (the panel is made again from a new document)."""
        self._timer.stop()
        self._pending.clear()
