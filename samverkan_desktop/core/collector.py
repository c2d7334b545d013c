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
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collection inside; the collector runs as before afterwards, also after an error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
