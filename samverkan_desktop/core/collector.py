"""Python's garbage collector held back while a burst of objects is made.

A collection set off by a burst of allocations walks every object made so far in it: opening a
board of 10,000 notes (the model's rows and boxes, then the scene's items) set off three full
passes over the growing heap, 0.3-0.45 s of the opening; working out suggested clusters for
10,000 notes, 0.4 s of 4.8. Made inside `paused()`, they are walked once, when the collector
next runs (the workspace then freezes a big board's objects: ui/workspace.py). Process-wide:
a pause on a worker thread holds the collector back for the whole program while it lasts.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_pauses = 0  # how many paused() blocks are running now, on any thread
_was_enabled = False  # whether the collector ran before the first of them


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collection inside, also while another thread's pause ends first (a suggestions
    worker and a gesture on the board); once the last pause ends the collector runs as it did
    before the first, also after an error."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
