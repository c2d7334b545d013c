"""How a gesture's draft of the board (core.board.Board.copy) is made and let go."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ...core import collector


@contextlib.contextmanager
def draft_lifetime() -> Iterator[None]:
    """No garbage collection while a gesture's draft of the board lives (Ctrl+G, a drag's
    drop): working out where everything goes makes many small objects, and a collection set off
    among them walked every young container, the draft's too (1.2 ms of a Ctrl+G's 15; 2 ms more
    when it reached the next generation). Built inside this and freed when the command is
    built, the draft is never walked; the collection comes a moment later, over what is left."""
    with collector.paused():
        yield
