"""Swedish text normalisation for grouping notes: words -> weighted matching terms, offline.

Each step can be switched off (`Steps`) so that the benchmark can measure what it is worth:
lemmas from simplemma's Swedish dictionary (shipped inside the package, no download), stop
words from `data/stopwords_sv.txt`, compound splitting ("mötesplatser" -> mötesplats, möte,
plats), derivations ("långsiktighet" -> långsiktig), and case/diacritics folding for the key.
A term keeps a display form so that a suggested cluster name reads as Swedish, not as a key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..textfold import fold
from ..userdata import cache_dir
from .lemma_dictionary import StreamDictionaryFactory

LANG = "sv"
# Parts of a compound count less than the whole word: two notes that share "mötesplats" are
# closer than two that only share "plats".
PART_WEIGHT = 0.5
DERIVED_WEIGHT = 0.7
MIN_HEAD = 3  # "mål" + "grupp"
MIN_TAIL = 4  # keeps "ungdom" whole (not "ung" + "dom") and "ensamhet" (not "ensam" + "het")

# Letters, optionally joined by hyphens or apostrophes inside a word; digits and symbols split.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Words that look like compounds of two known words but mean neither ("gem" + "ensam").
_NOT_COMPOUNDS = frozenset({"gemensam"})

# Derivational endings whose base word carries the same theme: (ending, replacement, min base).
_DERIVATIONS = (
    ("het", "", 4),  # långsiktighet -> långsiktig, trygghet -> trygg
    ("ande", "a", 4),  # förebyggande -> förebygga, främjande -> främja
    ("ering", "era", 4),  # rekrytering -> rekrytera
    ("ning", "na", 4),  # samordning -> samordna
)


@dataclass(frozen=True)
class Steps:
    """Which normalisation steps run; the defaults are what the benchmark found helps."""

    lemmatise: bool = True
    # Snowball stemming (on top of the lemma, or instead of it): only the benchmark compares it,
    # so snowballstemmer comes with the `bench` (and `test`) extra, not with the program
    stem: bool = False
    stop_words: bool = True
    compounds: bool = True
    derivations: bool = False  # measured: does not help (see bench/bench_suggest.py)
    fold: bool = True


DEFAULT_STEPS = Steps()


@dataclass(frozen=True)
class Term:
    key: str  # what is matched (folded lemma)
    display: str  # how a person would write it (lemma with its diacritics)
    weight: float = 1.0


def words(text: str) -> list[str]:
    """The words of a note as written ('Mötesplatser', 'SFI'); hyphens split compounds' parts."""
    return _WORD.findall(text.replace("-", " "))


def terms(text: str, steps: Steps = DEFAULT_STEPS) -> list[Term]:
    """The matching terms of a text, in order, with repeats (a term per word, plus its parts)."""
    out: list[Term] = []
    for word in words(text):
        out.extend(word_terms(word.lower(), steps))
    return out


def keys(text: str, steps: Steps = DEFAULT_STEPS) -> list[str]:
    return [t.key for t in terms(text, steps)]


@lru_cache(maxsize=200_000)
def word_terms(word: str, steps: Steps = DEFAULT_STEPS) -> tuple[Term, ...]:
    """The terms of one lower-case word; cached, since a workshop repeats its words a lot."""
    if len(word) < 2 or (steps.stop_words and word in stop_words()):
        return ()
    lemma = lemmatise(word) if steps.lemmatise else word
    if steps.stop_words and lemma in stop_words():
        return ()
    split = _split(lemma) if steps.compounds else None
    found: list[tuple[str, float]] = [(lemma, 1.0)]
    if split:
        at, head, tail = split
        # An unknown compound gets its tail's lemma: trygghetsvandringar -> trygghetsvandring.
        found = [(lemma[:at] + tail, 1.0), (head, PART_WEIGHT), (tail, PART_WEIGHT)]
    if steps.derivations:
        found.extend([(derived(x), w * DERIVED_WEIGHT) for x, w in found if derived(x)])
    result: dict[str, Term] = {}
    for text, weight in found:
        key = _stem(text) if steps.stem else text
        key = fold(key) if steps.fold else key
        if key not in result or result[key].weight < weight:
            result[key] = Term(key, text, weight)
    return tuple(result.values())


# Each Steps' terms of words as written ('Mötesplatser'), for `term_lookup`; emptied when full.
_WRITTEN: dict[Steps, dict[str, tuple[Term, ...]]] = {}
_WRITTEN_MAX = 200_000


def term_lookup(steps: Steps = DEFAULT_STEPS) -> Callable[[str], tuple[Term, ...]]:
    """`word_terms` of a word as written, for the many words of a workshop: a plain dict per
    Steps remembers each written form, so a repeated word is neither lower-cased nor looked up
    again, and the Steps are not hashed once per word (as `word_terms`' own cache does)."""
    cache = _WRITTEN.setdefault(steps, {})
    if len(cache) > _WRITTEN_MAX:
        cache.clear()
    get = cache.get

    def lookup(word: str) -> tuple[Term, ...]:
        found = get(word)
        if found is None:
            found = cache[word] = word_terms(word.lower(), steps)
        return found

    return lookup


def lemmatise(word: str) -> str:
    lemma = _lemmatizer().lemmatize(word, LANG).lower()
    return lemma or word


def split_compound(word: str) -> list[str]:
    """The two known words a compound is made of, as lemmas; [] when it is not a compound.

    'mötesplatser' -> ['möte', 'plats']; 'trygghetsvandringar' -> ['trygghet', 'vandring'].
    A head may end in a linking -s-, -e-, -o- or -u- (arbetsmarknad, lönebidrag, hälsofrämjande);
    a tail must be a lemma when the whole word is a known lemma, so that 'gemenskap' is not
    'gemen' + 'skapa'. The most balanced split wins. Parts are not split again: a part is a
    lemma already, and splitting it once more mostly finds accidents ('besk' + 'rivning').
    """
    split = _split(word)
    return [split[1], split[2]] if split else []


def _split(word: str) -> tuple[int, str, str] | None:
    """(where the tail starts, head lemma, tail lemma) of the most balanced split, or None."""
    if word in _NOT_COMPOUNDS:
        return None
    best: tuple[int, int, str, str] | None = None
    whole_known = _is_lemma(word)
    for i in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        head = _head_lemma(word[:i])
        if head is None:
            continue
        tail = word[i:]
        tail_lemma = tail if _is_lemma(tail) else (None if whole_known else _lookup(tail))
        if tail_lemma is None or not tail_lemma.startswith(tail[:3]):
            continue
        if head in stop_words() or tail_lemma in stop_words():
            continue
        score = min(len(head), len(tail))
        if best is None or score > best[0]:
            best = (score, i, head, tail_lemma)
    return best[1:] if best else None


def derived(lemma: str) -> str:
    """The base a derived word comes from ('långsiktighet' -> 'långsiktig'), or ''."""
    for ending, replacement, min_base in _DERIVATIONS:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= min_base:
            base = lemma[: -len(ending)] + replacement
            # Only "known", not "a lemma": simplemma files 'trygg' under 'trygga'.
            if _lookup(base) is not None and base not in stop_words():
                return base
    return ""


def _head_lemma(head: str) -> str | None:
    """The lemma a compound's first part stands for, allowing the Swedish linking letters."""
    candidates = [head]
    if head.endswith("s"):
        candidates += [head[:-1], head[:-1] + "e"]  # trygghets-, arbets- (arbete)
    if head.endswith(("o", "u")):
        candidates.append(head[:-1] + "a")  # hälso- (hälsa), gatu- (gata)
    if head.endswith("e"):
        candidates.append(head[:-1])  # löne- (lön)
    for c in candidates:
        if len(c) >= MIN_HEAD and _is_lemma(c):
            return c
    return None


# Short verbs whose forms the test below cannot tell from other words, and words that are
# verbs too but mostly something else in a workshop ("nära": near, rarely "to nourish").
_SHORT_VERBS = frozenset({"bo", "dö", "ge", "gå", "ha", "må", "nå", "se", "stå", "ta", "tro"})
_NOT_VERBS = frozenset({"nära", "lappar", "lapp"})


@lru_cache(maxsize=20_000)
def looks_like_verb(word: str) -> bool:
    """Whether a word is (most likely) a verb, by its lemma's forms in the dictionary: a
    Swedish infinitive ends in a vowel and has a present or past tense that leads back to it
    ("hitta": hittar, hittade), while a noun in -a has a definite form or plural in -or
    ("skola": skolan, skolor). No part-of-speech tagger ships with the app; this is enough
    to keep a suggested cluster name from being a lone verb."""
    lemma = lemmatise(word.lower())
    if lemma in _SHORT_VERBS:
        return True
    if word.lower() in _NOT_VERBS or lemma in _NOT_VERBS:
        return False
    if len(lemma) < 3 or lemma[-1] not in "aeiouyåäö":
        return False
    if any(_lookup(form) == lemma for form in (lemma + "n", lemma[:-1] + "or")):
        return False
    forms = (lemma + "r", lemma[:-1] + "er", lemma + "de", lemma[:-1] + "de", lemma[:-1] + "te")
    return any(_lookup(form) == lemma for form in forms)


@lru_cache(maxsize=20_000)
def looks_like_adjective(word: str) -> bool:
    """Whether a word is an adjective used as one ("långsiktigt", "tidig": the lemma has -a
    and -t forms). Written in its -a form it is taken as a noun ("unga", "vuxna"), as a
    facilitator writes "Unga och vuxna"."""
    lower = word.lower()
    lemma = lemmatise(lower)
    if len(lemma) < 3 or lemma[-1] in "aeiouyåäö" or (lower != lemma and lower.endswith("a")):
        return False
    return _lookup(lemma + "a") == lemma and _lookup(lemma + "t") == lemma


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    raw = resources.files(__package__).joinpath("data/stopwords_sv.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


def _is_lemma(word: str) -> bool:
    return _lookup(word) == word


def _lookup(word: str) -> str | None:
    return _dictionary().get(word)


@lru_cache(maxsize=1)
def _factory() -> StreamDictionaryFactory:
    # The stream-backed dictionary: ~15 MB instead of ~100 MB for a plain dict; its index is
    # kept in the user's cache folder, so only the first run builds it (lemma_dictionary).
    return StreamDictionaryFactory(cache_dir())


@lru_cache(maxsize=1)
def _dictionary() -> Mapping[str, str]:
    return _factory().get_dictionary(LANG)


@lru_cache(maxsize=1)
def _lemmatizer():  # type: ignore[no-untyped-def]
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    # The same factory as `_dictionary`: the dictionary is opened once for both.
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_factory()))


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("swedish")


def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))
