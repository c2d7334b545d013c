"""What the operating system said about a file, in the user's words: never its own (often
English) text. One table for the store, the write lock, the backups and the command line."""

from __future__ import annotations

import errno

_FULL = "disken är full"
_NO_RIGHTS = "behörighet saknas"
_REASONS = {
    errno.ENOSPC: _FULL,
    errno.EFBIG: _FULL,  # a file too large for the file system (FAT32 stops at 4 GB)
    getattr(errno, "EDQUOT", errno.ENOSPC): _FULL,
    errno.EACCES: _NO_RIGHTS,
    errno.EPERM: _NO_RIGHTS,
    errno.EROFS: "disken eller mappen är skrivskyddad",
    errno.EIO: "läs- eller skrivfel på disken (är USB-minnet eller nätverksenheten borta?)",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EEXIST: "filen finns redan",
    errno.EISDIR: "det är en mapp",
    errno.ENOTDIR: "en del av sökvägen är ingen mapp",
    errno.EBUSY: "filen används av ett annat program",
    errno.ETXTBSY: "filen används av ett annat program",
    errno.EMFILE: "för många öppna filer",
}


def reason(exc: OSError) -> str:
    """`exc` in a few Swedish words, e.g. "disken är full"."""
    code = exc.errno or 0
    return _REASONS.get(code) or f"fel i filsystemet ({errno.errorcode.get(code, 'okänt')})"


def is_full(exc: OSError) -> bool:
    return _REASONS.get(exc.errno or 0) == _FULL
