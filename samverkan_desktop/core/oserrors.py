"""What the operating system said about a file, in the user's words: never its own (often
English) text. One table for the store, the write lock, the backups and the command line."""

from __future__ import annotations

import errno

from .messages import Message, message

_FULL = "os.full"
_NO_RIGHTS = "os.no_rights"
_REASONS = {
    errno.ENOSPC: _FULL,
    errno.EFBIG: _FULL,  # a file too large for the file system (FAT32 stops at 4 GB)
    getattr(errno, "EDQUOT", errno.ENOSPC): _FULL,
    errno.EACCES: _NO_RIGHTS,
    errno.EPERM: _NO_RIGHTS,
    errno.EROFS: "os.read_only",
    errno.EIO: "os.io",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.ENOENT: "os.missing",
    errno.EEXIST: "os.exists",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.EBUSY: "os.busy",
    errno.ETXTBSY: "os.busy",
    errno.EMFILE: "os.too_many_open",
}


def why(exc: OSError) -> Message:
    """`exc` in a few of the user's words, e.g. "disken är full" / "the disk is full"."""
    code = exc.errno or 0
    if code in _REASONS:
        return message(_REASONS[code])
    if code in errno.errorcode:
        return message("os.other", name=errno.errorcode[code])
    return message("os.unknown")


def reason(exc: OSError) -> str:
    """`exc` in a few Swedish words, e.g. "disken är full" (see `why` for other languages)."""
    return why(exc).text("sv")


def is_full(exc: OSError) -> bool:
    return _REASONS.get(exc.errno or 0) == _FULL
