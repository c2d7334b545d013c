"""Replace a file all at once or not at all: the one way this program writes a file over another.

The new content goes to a temporary file in the target's own folder (so the rename stays on
one disk), which is flushed to the disk (`fsync`) before it is renamed over the target
(`os.replace`, atomic on POSIX and Windows); then the folder itself is synced, so that the
rename survives a power cut too. On any failure, also a full disk or a writer that raises,
the temporary file is removed and the old target is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

# Only POSIX can open a folder to sync it: Windows cannot open a folder as a file.
FOLDERS_SYNC = os.name == "posix"


def temporary_beside(target: Path) -> Path:
    """A new, empty, hidden file in `target`'s folder, named after it (the caller removes it,
    or `replacing` does). Raises OSError when the folder takes no new file."""
    fd, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.stem}-", suffix=f".tmp{target.suffix}"
    )
    os.close(fd)
    return Path(name)


@contextlib.contextmanager
def replacing(
    target: str | os.PathLike[str],
    temp: Path | None = None,
    *,
    leftovers: Iterable[Path] = (),
) -> Iterator[Path]:
    """Yield a temporary path beside `target` to write; when the block ends normally, the file
    there is synced and renamed over `target`, and the folder synced.

    `temp` is the temporary path to use (default: a new one from `temporary_beside`; SQLite
    files use a short name of their own). `leftovers` are further files the writing may leave
    beside it (SQLite's journal), removed at the end either way.
    """
    target = Path(target)
    temp = temporary_beside(target) if temp is None else Path(temp)
    try:
        yield temp
        sync_file(temp)  # a network share or a quota may say "full" only now: the old file stays
        os.replace(temp, target)
        sync_folder(target.parent)
    finally:
        for path in (temp, *leftovers):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def write_atomically(
    target: str | os.PathLike[str], content: bytes | Callable[[Path], object]
) -> Path:
    """Replace `target` with `content`: bytes, or a function that writes the file at the path
    it is given. Returns the target's path."""
    target = Path(target)
    with replacing(target) as temp:
        if isinstance(content, bytes):
            temp.write_bytes(content)
        else:
            content(temp)
    return target


def sync_file(path: Path) -> None:
    """Make `path`'s content durable: written to the disk, not only to the system's cache."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (on Windows, see FOLDERS_SYNC, the rename is as
    durable as the file system makes it). Some file systems (network shares) refuse: the
    rename has happened anyway, so that is no failure."""
    if not FOLDERS_SYNC:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
