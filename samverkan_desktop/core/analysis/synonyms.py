"""Swedish synonyms from Viggo Kann's synonym dictionary, shipped with the app (offline).

`data/synonyms_sv.txt.gz` is derived from `th_sv_SE_v2.dat` (Debian's mythes-sv): one line per
headword, `headword|synonym|...`, one-word entries only; its first lines keep the dictionary's
notice, as its licence asks (also in `data/synonyms_sv.NOTICE.txt`). The dictionary lists a
pair under one word only at times ("samverkan" under "samarbete" but not the other way round),
so the pairs are read both ways.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from functools import lru_cache
from importlib import resources

FILE = "data/synonyms_sv.txt.gz"
# A word with more synonyms than this is vague ("göra", "ta"): its synonyms say little.
MAX_SYNONYMS = 12


def synonyms(lemma: str) -> tuple[str, ...]:
    """The synonyms of a lower-case lemma ('samverkan' -> 'koordinering', 'samarbete'...)."""
    return _table().get(lemma, ())


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    raw = resources.files(__package__).joinpath(FILE).read_bytes()
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        head, *others = line.split("|")
        for other in others:
            found[head][other] = None
            found[other][head] = None
    return {k: tuple(v) for k, v in found.items() if len(v) <= MAX_SYNONYMS}
