"""What a watching store hears (`Store.watch`), for the live tests of a server
(test_store_live.py) and of a shared file (test_store_filewatch.py)."""

from __future__ import annotations

import contextlib
import queue
import time
from collections.abc import Iterator

from samverkan_desktop.core.store import Change, Store


class Heard:
    """The `Change`s a store's watch delivered, in order, each with the moment it came; a
    test waits at most `wait` seconds for the next one before it fails."""

    def __init__(self, wait: float = 10.0) -> None:
        self.wait = wait
        self.queue: queue.Queue[tuple[float, Change]] = queue.Queue()

    def __call__(self, change: Change) -> None:
        self.queue.put((time.monotonic(), change))

    def next_at(self) -> tuple[float, Change]:
        """The next change and when it came."""
        try:
            return self.queue.get(timeout=self.wait)
        except queue.Empty:
            raise AssertionError(f"nothing heard within {self.wait} s") from None

    def next(self) -> Change:
        return self.next_at()[1]

    def nothing(self, within: float = 0.5) -> bool:
        """Nothing more arrives within `within` seconds."""
        try:
            self.queue.get(timeout=within)
        except queue.Empty:
            return True
        return False


@contextlib.contextmanager
def watching(
    writer: Store, watcher: Store, wait: float = 10.0
) -> Iterator[tuple[Store, Store, Heard]]:
    """Two stores on one workshop, `watcher` hearing what `writer` commits; both closed
    after."""
    heard = Heard(wait)
    watcher.watch(heard)
    try:
        yield writer, watcher, heard
    finally:
        watcher.close()
        writer.close()
