"""simplemma's Swedish dictionary, opened once per process and quickly from the second run on.

simplemma's low-memory dictionary (a `StreamMap`) is a front-coded byte stream plus an index of
where every 32nd record starts. Opening it decompresses the stream (~0.1 s) and walks all of its
~1M records in Python to build that index (~0.7 s on a slow machine), on every run. The stream
and the index depend only on the data file simplemma ships, so the first open keeps both in a
cache file in the per-user data folder (`userdata.cache_dir()`); later opens read that file
instead (~0.03 s) and hand simplemma the very stream and index it would have built.

The cache file is trusted only when all of it checks out: our format, simplemma's version, the
SHA-256 of the shipped data file, the byte order, a SHA-256 of its own content and the index's
shape. Anything else (missing, unreadable, stale, truncated, corrupt, a simplemma that keeps
its index differently) falls back to simplemma's own build, and a cache file that could not be
read is written anew; a folder that takes no file only means no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import struct
import sys
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import atomic

_MAGIC = b"SVSMDX1\n"
_FORMAT = 1
_DIGEST = 32  # SHA-256
_LENGTH = struct.Struct("<I")


@dataclass(frozen=True)
class _Index:
    """What a `StreamMap` holds: the decompressed stream, its header, and per block the first
    key and the (offset, previous key, previous value) to resume decoding from."""

    data: bytes
    rev: bool
    count: int
    pos: int
    firsts: list[bytes]
    blocks: list[tuple[int, bytes, bytes]]


class StreamDictionaryFactory:
    """A simplemma `DictionaryFactory` whose dictionaries open through the cache in `folder`
    (None: no cache). The lemmatizer and the direct look-ups share it, so the dictionary of a
    language is opened once."""

    def __init__(self, folder: Path | None) -> None:
        self._folder = folder
        self._opened: dict[str, Mapping[str, str]] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._opened.get(lang)
        if found is None:
            found = self._opened[lang] = open_dictionary(lang, self._folder)
        return found


def open_dictionary(lang: str, folder: Path | None) -> Mapping[str, str]:
    """simplemma's low-memory dictionary of `lang`, from the cache in `folder` when it is sound;
    otherwise built by simplemma (and the cache written, when `folder` is given)."""
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    path = cache_path(folder, lang) if folder is not None else None
    key = _key(lang) if path is not None else None
    index = _read(path, key) if path is not None and key is not None else None
    if index is not None:
        return _stream_map(index)
    built = StreamMap(lang)
    if path is not None and key is not None:
        index = _index_of(built)
        if index is not None:
            _write(path, key, index)
    return built


def cache_path(folder: Path, lang: str) -> Path:
    return folder / f"simplemma-{lang}.index"


def _key(lang: str) -> dict[str, object] | None:
    """What the cached stream and index were made from; None when the data file is unreadable
    (simplemma then says why itself)."""
    import simplemma
    from simplemma.strategies.dictionaries import dictionary_factory

    source = dictionary_factory.DATA_FOLDER / f"{lang}.plzma"
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
    except OSError:
        return None
    return {
        "format": _FORMAT,
        "simplemma": simplemma.__version__,
        "lang": lang,
        "source_sha256": digest,
        "byteorder": sys.byteorder,
    }


# --------------------------------------------------------------------------- simplemma's map
def _index_of(built: Mapping[str, str]) -> _Index | None:
    """The stream and index inside simplemma's map; None if this simplemma keeps them otherwise."""
    try:
        index = _Index(
            built._data,  # type: ignore[attr-defined]
            built._rev,  # type: ignore[attr-defined]
            built._count,  # type: ignore[attr-defined]
            built._pos,  # type: ignore[attr-defined]
            built._firsts,  # type: ignore[attr-defined]
            built._blocks,  # type: ignore[attr-defined]
        )
    except AttributeError:
        return None
    return index if _sound(index) else None


def _stream_map(index: _Index) -> Mapping[str, str]:
    """A `StreamMap` holding `index`, as if it had built it (its own look-ups then work on it)."""
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    found = StreamMap.__new__(StreamMap)
    found._data = index.data
    found._rev = index.rev
    found._count = index.count
    found._pos = index.pos
    found._firsts = index.firsts
    found._blocks = index.blocks
    return found


def _sound(index: _Index) -> bool:
    """The index has the shape simplemma's build gives: one block per 32 records, the first at
    the first record, offsets rising inside the stream, first keys in order, and a sample of
    the blocks decodes to their first keys."""
    from simplemma.strategies.dictionaries import frontcode, stream_dictionary_factory

    size = stream_dictionary_factory._BLOCK_SIZE
    blocks = index.blocks
    if (
        frontcode._read_header(index.data) != (index.rev, index.count, index.pos)
        or len(blocks) != len(index.firsts)
        or len(blocks) != -(-index.count // size)
    ):
        return False
    if not blocks:
        return True
    offsets = [b[0] for b in blocks]
    return (
        offsets[0] == index.pos
        and blocks[0][1:] == (b"", b"")
        and offsets[-1] < len(index.data)
        and all(a < b for a, b in itertools.pairwise(offsets))
        and all(a < b for a, b in itertools.pairwise(index.firsts))
        and all(_resumes(index, i) for i in range(0, len(blocks), _SPOT_CHECK_EVERY))
    )


# Decoding every block's first record to its first key costs 0.1 s: a sample of them costs
# ~2 ms, and shows an index that is not this stream's.
_SPOT_CHECK_EVERY = 64


def _resumes(index: _Index, block: int) -> bool:
    """Whether decoding from the block's seed gives the block's first key."""
    from simplemma.strategies.dictionaries import frontcode

    records = frontcode._iter_records(index.data, *index.blocks[block])
    return next(records, (0, None))[1] == index.firsts[block]


# --------------------------------------------------------------------------- the cache file
# _MAGIC, the SHA-256 of the rest, then: the key and sizes as JSON (its length first), the
# stream, the blocks' offsets (int64), and each block's first key, previous key and previous
# value, all joined by NUL bytes (split again in one call; no key or value holds a NUL).
_SEPARATOR = b"\0"


def _write(path: Path, key: dict[str, object], index: _Index) -> None:
    strings = [
        s for first, b in zip(index.firsts, index.blocks, strict=True) for s in (first, *b[1:])
    ]
    if any(_SEPARATOR in s for s in strings):
        return
    sizes = {
        "rev": index.rev,
        "count": index.count,
        "pos": index.pos,
        "data": len(index.data),
        "blocks": len(index.blocks),
    }
    header = json.dumps({**key, **sizes}).encode()
    offsets = array("q", (b[0] for b in index.blocks))
    body = b"".join(
        (_LENGTH.pack(len(header)), header, index.data, offsets.tobytes(), _SEPARATOR.join(strings))
    )
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_atomically(path, _MAGIC + hashlib.sha256(body).digest() + body)


def _read(path: Path, key: dict[str, object]) -> _Index | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None
    try:
        index = _parse(content, key)
    except (ValueError, KeyError, TypeError, IndexError, struct.error):
        return None
    return index if index is not None and _sound(index) else None


def _parse(content: bytes, key: dict[str, object]) -> _Index | None:
    at = len(_MAGIC) + _DIGEST
    digest = hashlib.sha256(memoryview(content)[at:]).digest()
    if content[: len(_MAGIC)] != _MAGIC or digest != content[len(_MAGIC) : at]:
        return None
    (size,) = _LENGTH.unpack_from(content, at)
    at += _LENGTH.size
    header = json.loads(content[at : at + size])
    at += size
    if {k: header.get(k) for k in key} != key:
        return None
    n = header["blocks"]
    data = content[at : at + header["data"]]
    at += len(data)
    offsets = array("q")
    offsets.frombytes(content[at : at + offsets.itemsize * n])
    at += offsets.itemsize * n
    strings = content[at:].split(_SEPARATOR) if n else []
    if len(data) != header["data"] or len(offsets) != n or len(strings) != 3 * n:
        return None
    blocks = list(zip(offsets.tolist(), strings[1::3], strings[2::3], strict=True))
    return _Index(data, bool(header["rev"]), header["count"], header["pos"], strings[0::3], blocks)
