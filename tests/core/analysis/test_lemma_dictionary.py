"""The Swedish dictionary's cache: the second open reads it and gives the same lemmas; a cache
that is not sound is never used; a folder that takes no file only means no cache."""

from __future__ import annotations

from pathlib import Path

import pytest
import simplemma
from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

from samverkan_desktop.core.analysis import lemma_dictionary, text
from samverkan_desktop.core.analysis.lemma_dictionary import (
    StreamDictionaryFactory,
    cache_path,
    open_dictionary,
)

SV = "sv"


@pytest.fixture(scope="module")
def built() -> StreamMap:
    """simplemma's own open of the dictionary, without our cache."""
    return StreamMap(SV)


@pytest.fixture
def builds(monkeypatch, built: StreamMap) -> list[str]:
    """Each time simplemma builds a dictionary from its data file (a copy of `built`, so that a
    test need not wait for the real build)."""
    made: list[str] = []

    def build(self: StreamMap, lang: str) -> None:
        made.append(lang)
        for name in ("_data", "_rev", "_count", "_pos", "_firsts", "_blocks"):
            setattr(self, name, getattr(built, name))

    monkeypatch.setattr(StreamMap, "__init__", build)
    return made


def same_index(a: StreamMap, b: StreamMap) -> bool:
    return (a._data, a._rev, a._count, a._pos, a._firsts, a._blocks) == (
        b._data,
        b._rev,
        b._count,
        b._pos,
        b._firsts,
        b._blocks,
    )


def lemmas(factory: object, words: list[str]) -> list[str]:
    lemmatizer = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    return [lemmatizer.lemmatize(w, SV) for w in words]


def seed_words(seed_bytes: bytes) -> list[str]:
    return sorted({w.lower() for w in text.words(seed_bytes.decode("utf-8"))})


def test_the_second_open_reads_the_cache_and_gives_the_same_lemmas(
    tmp_path: Path, built: StreamMap, seed_bytes: bytes, monkeypatch
) -> None:
    words = seed_words(seed_bytes)
    assert len(words) > 500
    plain = DefaultStrategy(low_memory=True)  # simplemma's own factory, no cache
    expected = [Lemmatizer(lemmatization_strategy=plain).lemmatize(w, SV) for w in words]
    first = open_dictionary(SV, tmp_path)
    assert cache_path(tmp_path, SV).is_file()

    def no_build(self: StreamMap, lang: str) -> None:
        raise AssertionError("built again, the cache was not read")

    monkeypatch.setattr(StreamMap, "__init__", no_build)
    second = open_dictionary(SV, tmp_path)
    assert isinstance(second, StreamMap)
    assert same_index(second, built) and same_index(first, built)
    assert lemmas(StreamDictionaryFactory(tmp_path), words) == expected
    assert [second.get(w) for w in words] == [built.get(w) for w in words]


def _truncated(path: Path) -> None:
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])


def _flipped(path: Path) -> None:
    content = bytearray(path.read_bytes())
    content[len(content) * 2 // 3] ^= 0x01  # one bit, somewhere in the stream
    path.write_bytes(bytes(content))


def _emptied(path: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path) -> None:
    path.write_bytes(b"not a cache at all\n" * 100)


@pytest.mark.parametrize("damage", [_truncated, _flipped, _emptied, _garbage])
def test_a_damaged_cache_is_ignored_and_written_anew(
    tmp_path: Path, built: StreamMap, builds: list[str], damage
) -> None:
    open_dictionary(SV, tmp_path)
    damage(cache_path(tmp_path, SV))
    found = open_dictionary(SV, tmp_path)
    assert builds == [SV, SV]  # the damaged cache was not used
    assert same_index(found, built)
    again = open_dictionary(SV, tmp_path)
    assert builds == [SV, SV]  # and the cache written anew is read
    assert same_index(again, built)


def test_a_cache_of_another_simplemma_is_stale(
    tmp_path: Path, built: StreamMap, builds: list[str], monkeypatch
) -> None:
    with monkeypatch.context() as older:
        older.setattr(simplemma, "__version__", "1.9.9")
        open_dictionary(SV, tmp_path)
    assert builds == [SV]
    assert same_index(open_dictionary(SV, tmp_path), built)
    assert builds == [SV, SV]


def test_a_cache_of_another_data_file_is_stale(
    tmp_path: Path, built: StreamMap, builds: list[str], monkeypatch
) -> None:
    key = lemma_dictionary._key(SV)
    assert key is not None
    with monkeypatch.context() as other:
        other.setattr(lemma_dictionary, "_key", lambda lang: {**key, "source_sha256": "0" * 64})
        open_dictionary(SV, tmp_path)
    assert builds == [SV]
    assert same_index(open_dictionary(SV, tmp_path), built)
    assert builds == [SV, SV]


def test_an_index_that_is_not_the_streams_is_not_used_even_when_its_checksum_fits(
    tmp_path: Path, built: StreamMap, builds: list[str]
) -> None:
    index = lemma_dictionary._index_of(built)
    assert index is not None
    # Each block's seed without the previous key: offsets and first keys as they should be,
    # but a block's first key then loses the prefix it shares with the key before it.
    seeds = [(offset, b"", value) for offset, _, value in index.blocks]
    wrong = lemma_dictionary._Index(
        index.data, index.rev, index.count, index.pos, index.firsts, seeds
    )
    key = lemma_dictionary._key(SV)
    assert key is not None
    lemma_dictionary._write(cache_path(tmp_path, SV), key, wrong)
    assert cache_path(tmp_path, SV).is_file()
    assert same_index(open_dictionary(SV, tmp_path), built)
    assert builds == [SV]


def test_a_folder_that_takes_no_file_still_gives_the_dictionary(
    tmp_path: Path, built: StreamMap, builds: list[str]
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the cache folder's way")
    found = open_dictionary(SV, blocker / "cache")
    assert same_index(found, built)
    # And a cache path taken by a folder: neither read nor written, no error.
    cache_path(tmp_path, SV).mkdir()
    assert same_index(open_dictionary(SV, tmp_path), built)
    assert builds == [SV, SV]


def test_the_factory_opens_a_language_once(tmp_path: Path, builds: list[str]) -> None:
    factory = StreamDictionaryFactory(tmp_path)
    assert factory.get_dictionary(SV) is factory.get_dictionary(SV)
    assert builds == [SV]


@pytest.fixture
def fresh_text():
    """text's dictionary, lemmatizer and word caches emptied before and after."""
    caches = (text._factory, text._dictionary, text._lemmatizer, text.word_terms)
    extra = (text.looks_like_verb, text.looks_like_adjective)
    for cached in (*caches, *extra):
        cached.cache_clear()
    yield
    for cached in (*caches, *extra):
        cached.cache_clear()


def test_lemmas_and_look_ups_share_one_opened_dictionary(
    fresh_text, builds: list[str], monkeypatch
) -> None:
    opened: list[str] = []
    real = lemma_dictionary.open_dictionary

    def counting(lang: str, folder: Path | None):  # type: ignore[no-untyped-def]
        opened.append(lang)
        return real(lang, folder)

    monkeypatch.setattr(lemma_dictionary, "open_dictionary", counting)
    assert text.lemmatise("mötesplatser") == "mötesplats"
    assert text.split_compound("mötesplatser") == ["möte", "plats"]
    assert text.looks_like_verb("hitta")
    assert opened == [SV]
