"""Place the rest: for each unclustered note, the facilitator's own cluster it fits best, and
how sure that is. All on this computer; nothing here changes a document.

The training data are the clusters the facilitator made: their notes and their names. A note
and a cluster are compared as weighted term vectors:

- terms: lemmas and compound parts (text.py), each weighted by how rare it is in the workshop
  (IDF) and in Swedish at large (`wordfreq`, when installed: "göra" says less than "belysning");
- synonyms: each word also stands, more weakly, for its synonyms in Viggo Kann's dictionary
  (synonyms.py), so "samarbete" meets "samverkan";
- a cluster is the mean of its notes' vectors with its name added (a name is what the
  facilitator says the notes share);
- a prior for cluster size: a big cluster is a likelier home for a note that fits nothing
  well, as it is for the facilitator;
- headings: a facilitator may keep a list of the other clusters' headings as a cluster of its
  own (a note "Kunskap" beside the cluster "Kunskap"). A note that reads like another cluster's
  name leans towards the clusters whose notes read like other clusters' names.

The confidence of a cluster is its posterior: size times exp(similarity / TEMPERATURE),
normalised over the clusters. The parameters are few and set by reasoning (see
bench/bench_suggest.py for what each part adds, measured on the two groups of the sample that
sorted their own notes).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .. import model as m
from .suggest import distinct
from .synonyms import synonyms
from .text import DEFAULT_STEPS, Steps, terms, word_terms
from .vectors import associations

Vector = dict[str, float]

# How much a word stands for each of its synonyms, against 1 for itself.
SYNONYM_WEIGHT = 0.15
# A cluster's name counts as this many of its notes.
NAME_WEIGHT = 1.0
# Confidence: softmax of the similarities at TEMPERATURE (0.1 apart is about e:1 odds), times
# the cluster's size: P(cluster) ~ size * exp(similarity / TEMPERATURE), the posterior with a
# prior in proportion to size. As a score that is similarity + PRIOR * log(size) with PRIOR =
# TEMPERATURE: no parameter of its own (the ablation sets PRIOR to 0).
TEMPERATURE = 0.1
PRIOR = TEMPERATURE
# Accept all above this confidence (the UI's default).
THRESHOLD = 0.5
TOP = 3
# Words that go with the note's words elsewhere in the workshop (vectors.associations), as
# "Föreslå kluster" uses them: measured, no gain for placing (bench_place.py), so off.
ASSOCIATIONS = 0.0
# A cluster fits a note by its mean vector (what its notes share) and by its NEAREST notes
# (a big cluster may hold several themes): BLEND of the first, the rest of the second.
NEAREST = 2
BLEND = 0.5
# The weights of the four (mean, nearest notes, size, headings) are fitted to the facilitator's own
# clusters once they hold LEARN_FROM notes: each note left out in turn and placed, the weights
# that make the facilitator's choices likeliest, pulled towards the reasoned weights with
# strength LEARN (a penalty on the squared relative change, per note placed).
LEARN = 0.0
LEARN_FROM = 10
# Headings: how much a note that reads like another cluster's name (cosine with that name,
# squared: "Kunskap" against "Kunskap" 1, a longer note that mentions "kunskap" about 0.1) leans
# towards a cluster in the same measure (the mean over its notes). Set on the group that keeps
# such a list and checked on the one that does not (bench_place.py): 0 switches it off.
HEADINGS = 4.0


@dataclass(frozen=True)
class Options:
    """The parts of the method, each switchable for the benchmark's ablation."""

    steps: Steps = DEFAULT_STEPS
    synonyms: float = SYNONYM_WEIGHT
    general_frequency: bool = True  # weigh by rarity in Swedish at large (wordfreq)
    name_weight: float = NAME_WEIGHT
    prior: float = PRIOR
    associations: float = ASSOCIATIONS  # words that go with the note's words in the workshop
    nearest: int = NEAREST
    blend: float = BLEND  # 1: the mean vector only; 0: the nearest notes only
    learn: float = LEARN  # > 0: weights fitted to the facilitator's clusters, pulled this hard
    # towards the reasoned ones above; 0: the reasoned weights as they are
    headings: float = HEADINGS  # a note like another cluster's name -> a cluster of such notes


DEFAULT = Options()


@dataclass(frozen=True)
class Candidate:
    cluster: Hashable  # a cluster id in a document, any label in the benchmark
    score: float
    confidence: float
    terms: tuple[str, ...]  # the shared terms, as written


@dataclass(frozen=True)
class NotePlacement:
    """Where an unclustered note would go: its best three clusters, best first."""

    note_id: int
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate:
        return self.candidates[0]


@dataclass
class Placer:
    """A classifier over the facilitator's clusters, built from their notes and names."""

    examples: Sequence[tuple[str, Hashable]]  # (note text, its cluster)
    names: Mapping[Hashable, str]  # every cluster that may receive a note, with its name
    background: Sequence[str] = ()  # the workshop's texts, for IDF
    options: Options = DEFAULT
    _idf: dict[str, float] = field(init=False)
    _display: dict[str, str] = field(init=False)
    _words: dict[Hashable, set[str]] = field(init=False)
    _sizes: Counter[Hashable] = field(init=False)

    def __post_init__(self) -> None:
        steps = self.options.steps
        reference = list(self.background) or [t for t, _ in self.examples]
        df: Counter[str] = Counter()
        bags = []
        for text in reference:
            bag: dict[str, float] = defaultdict(float)
            for t in terms(text, steps):
                bag[t.key] += t.weight
            bags.append(bag)
            df.update(bag.keys())
        self._related = associations(bags, df) if self.options.associations > 0 else {}
        self._n = len(reference) + 1
        self._df = df
        self._idf = {}
        self._display = {}
        self._sums: dict[Hashable, Vector] = {c: defaultdict(float) for c in self.names}
        self._words = {c: set() for c in self.names}
        self._sizes = Counter()
        self._members: dict[Hashable, list[Vector]] = {c: [] for c in self.names}
        self._named: dict[Hashable, Vector] = {}
        labelled: list[tuple[Vector, Hashable]] = []
        for text, cluster in self.examples:
            if cluster not in self._sums:
                continue
            self._sizes[cluster] += 1
            lexical = self._lexical(text)
            self._words[cluster].update(lexical)
            vec = self.vector(text)
            self._members[cluster].append(vec)
            labelled.append((vec, cluster))
            for k, w in vec.items():
                self._sums[cluster][k] += w
        for cluster, name in self.names.items():
            lexical = self._lexical(name)
            self._words[cluster].update(lexical)
            vec = self._expanded(lexical)
            self._named[cluster] = vec
            for k, w in vec.items():
                self._sums[cluster][k] += self.options.name_weight * w
        self._norms = {c: math.sqrt(sum(w * w for w in v.values())) for c, v in self._sums.items()}
        # How much each cluster's notes read like the names of other clusters (summed).
        self._heading_of = {c: [self.heading(v, c) for v in vs] for c, vs in self._members.items()}
        self._headings = {c: sum(hs) for c, hs in self._heading_of.items()}
        o = self.options
        self.weights: tuple[float, ...] = (
            o.blend / TEMPERATURE,
            (1 - o.blend) / TEMPERATURE,
            o.prior / TEMPERATURE,
            o.headings / TEMPERATURE,
        )
        if o.learn and len(labelled) >= LEARN_FROM:
            self.weights = _fitted(self, labelled, self.weights, o.learn)

    def heading(self, vec: Vector, cluster: Hashable) -> float:
        """How much a note reads like the name of a cluster other than `cluster`: the
        squared cosine with the closest such name (1 for the name itself)."""
        if not self.options.headings:
            return 0.0
        best = max((_dot(vec, v) for c, v in self._named.items() if c != cluster), default=0.0)
        return best * best

    def features(
        self, me: Vector, cluster: Hashable, left_out: Vector | None = None
    ) -> tuple[float, float, float, float]:
        """(similarity to the cluster's mean, to its nearest notes, log of its size, headings),
        as if `left_out` (one of its notes) were not in it."""
        sums = self._sums[cluster]
        dot = _dot(me, sums)
        norm2 = self._norms[cluster] ** 2
        members = self._members[cluster]
        kept: Sequence[int] = range(len(members))
        size = self._sizes[cluster]
        headings = self._headings[cluster]
        if left_out is not None:
            dot -= _dot(me, left_out)
            norm2 += -2 * _dot(sums, left_out) + _dot(left_out, left_out)
            kept = [i for i, v in enumerate(members) if v is not left_out]
            size -= 1
            headings -= self.heading(left_out, cluster)
        mean = dot / math.sqrt(norm2) if norm2 > 1e-12 else 0.0
        k = self.options.nearest
        near = 0.0
        if k:
            # A heading in a list of headings speaks for the cluster it names, not for the list.
            heading_of = self._heading_of[cluster]
            pool = [_dot(me, members[i]) * (1 - heading_of[i]) for i in kept]
            if self.options.name_weight > 0 and self._named[cluster]:
                pool.append(_dot(me, self._named[cluster]))
            near = sum(heapq.nlargest(k, pool)) / k
        # Headings: this note reads like another cluster's name, and this cluster's notes do too.
        listed = self.heading(me, cluster) * headings / size if size > 0 and headings > 0 else 0.0
        return (mean, near, math.log(size + 1), listed)  # the name counts as a note: no log(0)

    # ------------------------------------------------------------------ vectors
    def idf(self, key: str, display: str) -> float:
        found = self._idf.get(key)
        if found is None:
            found = math.log(self._n / (self._df.get(key, 0) + 1)) + 1.0
            if self.options.general_frequency:
                found *= _general_rarity(display)
            self._idf[key] = found
        return found

    def _lexical(self, text: str) -> Vector:
        bag: Vector = defaultdict(float)
        for term in terms(text, self.options.steps):
            bag[term.key] += term.weight * self.idf(term.key, term.display)
            self._display.setdefault(term.key, term.display)
        return dict(bag)

    def _expanded(self, lexical: Vector) -> Vector:
        out = dict(lexical)
        if self._related:
            lexical = _normalised(lexical)
            out = dict(lexical)
            for key, w in lexical.items():
                for other, a in self._related.get(key, {}).items():
                    out[other] = out.get(other, 0.0) + self.options.associations * w * a
        weight = self.options.synonyms
        if weight > 0:
            steps = self.options.steps
            for key, w in lexical.items():
                for other, display in _synonym_terms(self._display.get(key, key), steps):
                    extra = weight * w * self.idf(other, display) / max(self.idf(key, key), 1e-9)
                    out[other] = max(out.get(other, 0.0), extra)
        return _normalised(out)

    def vector(self, text: str) -> Vector:
        return self._expanded(self._lexical(text))

    # ------------------------------------------------------------------ ranking
    def rank(
        self, text: str, *, exclude: Collection[Hashable] = (), limit: int = TOP
    ) -> list[Candidate]:
        """The clusters for a text, best first, with a confidence that sums to 1 over all."""
        me = self.vector(text)
        mine = self._lexical(text)
        scored = []
        for cluster in self._sums:
            if cluster in exclude:
                continue
            found = self.features(me, cluster)
            logit = sum(w * f for w, f in zip(self.weights, found, strict=True))
            scored.append((logit * TEMPERATURE, cluster))
        if not scored:
            return []
        top = max(s for s, _ in scored)
        weights = [math.exp((s - top) / TEMPERATURE) for s, _ in scored]
        total = sum(weights)
        ranked = sorted(zip(scored, weights, strict=True), key=lambda x: (-x[0][0], str(x[0][1])))
        out = []
        for (score, cluster), w in ranked[:limit]:
            words = self._words[cluster]
            shared = distinct(sorted((k for k in mine if k in words), key=lambda k: (-mine[k], k)))
            shown = tuple(self._display.get(k, k) for k in shared[:4])
            out.append(Candidate(cluster, score, w / total, shown))
        return out


@lru_cache(maxsize=50_000)
def _synonym_terms(lemma: str, steps: Steps) -> tuple[tuple[str, str], ...]:
    """(key, display) of the words a lemma's synonyms normalise to, whole words only."""
    out: dict[str, str] = {}
    for other in synonyms(lemma):
        for term in word_terms(other, steps):
            if term.weight == 1.0:
                out.setdefault(term.key, term.display)
    return tuple(out.items())


@lru_cache(maxsize=50_000)
def _general_rarity(word: str) -> float:
    """How much a word says by its rarity in Swedish at large: 1 for a rare word, less for a
    common one ("göra" about 0.3), from wordfreq's Zipf frequency (0 to about 8)."""
    zipf = _zipf(word)
    return 1.0 - 0.6 * min(zipf, 7.0) / 7.0 if zipf > 0 else 1.0


def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # an install without wordfreq: the workshop's IDF alone
        return 0.0
    return float(zipf_frequency(word, "sv"))


def _fitted(
    placer: Placer,
    labelled: Sequence[tuple[Vector, Hashable]],
    start: tuple[float, ...],
    strength: float,
) -> tuple[float, ...]:
    """Multinomial logistic regression over (note, cluster) features, leave-one-out: the
    weights under which the facilitator's own placements are likeliest, with a penalty on
    moving away from `start`. A few hundred steps of gradient ascent; three numbers."""
    import numpy as np

    clusters = list(placer.names)
    rows, truth = [], []
    for vec, cluster in labelled:
        rows.append([placer.features(vec, c, vec if c == cluster else None) for c in clusters])
        truth.append(clusters.index(cluster))
    x = np.array(rows)  # notes x clusters x features
    y = np.array(truth)
    w0 = np.array(start)
    scale = np.maximum(np.abs(w0), 1.0)
    w = w0.copy()
    n = len(labelled)
    picked = x[np.arange(n), y]  # notes x features
    for _ in range(300):
        logits = x @ w
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        expected = np.einsum("nc,ncf->nf", p, x)
        gradient = (picked - expected).mean(axis=0) - strength * (w - w0) / scale**2
        w += 0.5 * scale**2 * gradient
    return tuple(float(x) for x in w)


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def _normalised(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else {}


# --------------------------------------------------------------------------- documents
def place_rest(
    doc: m.Document,
    *,
    group_id: int | None = None,
    rejected: Iterable[tuple[int, int]] = (),
    options: Options = DEFAULT,
) -> list[NotePlacement]:
    """For every unclustered note (of one group, or of all), its best clusters among the
    clusters that hold notes of the same group (or, for a note with no group, any cluster).

    `rejected` holds (note id, cluster id) pairings the facilitator turned down: the note is
    not proposed for that cluster again."""
    said_no: dict[int, set[int]] = defaultdict(set)
    for note_id, cluster_id in rejected:
        said_no[note_id].add(cluster_id)
    members = _theme_members(doc)
    background = [n.text for n in doc.notes]
    placers: dict[int | None, Placer] = {}
    out = []
    for note in doc.notes:
        if note.cluster_id is not None or not note.text.strip():
            continue
        if group_id is not None and note.group_id != group_id:
            continue
        placer = placers.get(note.group_id)
        if placer is None:
            placer = placers[note.group_id] = _placer_for(
                doc, note.group_id, members, background, options
            )
        found = placer.rank(note.text, exclude=said_no.get(note.id, ()))
        if found:
            out.append(NotePlacement(note.id, tuple(found)))
    return out


def as_json(found: Sequence[NotePlacement]) -> dict[str, object]:
    """`suggest --place --json`: each note's best cluster, its confidence and the shared terms;
    the runners-up under "alternatives"."""
    return {
        "placements": [
            {
                "note_id": p.note_id,
                "cluster_id": p.best.cluster,
                "score": round(p.best.confidence, 4),
                "terms": list(p.best.terms),
                "alternatives": [
                    {"cluster_id": c.cluster, "score": round(c.confidence, 4)}
                    for c in p.candidates[1:]
                ],
            }
            for p in found
        ]
    }


_LINES = {
    "sv": (
        "Inga lappar att placera: inga lappar utan kluster i en grupp med egna kluster.",
        "{text}\n  -> {cluster} ({percent} %; {terms})",
        "inga gemensamma ord",
    ),
    "en": (
        "No notes to place: no unclustered notes in a group with clusters of its own.",
        "{text}\n  -> {cluster} ({percent} %; {terms})",
        "no shared words",
    ),
}


def as_lines(doc: m.Document, found: Sequence[NotePlacement], language: str = "sv") -> list[str]:
    """`suggest --place` for a person: each note, the cluster it would go to and how sure."""
    none, line, no_terms = _LINES.get(language, _LINES["sv"])
    if not found:
        return [none]
    texts = {n.id: " ".join(n.text.split()) for n in doc.notes}
    names = {c.id: c.name for c in doc.clusters}
    return [
        line.format(
            text=texts[p.note_id],
            cluster=names.get(p.best.cluster, str(p.best.cluster)),  # type: ignore[call-overload]
            percent=round(100 * p.best.confidence),
            terms=", ".join(p.best.terms) or no_terms,
        )
        for p in found
    ]


def _placer_for(
    doc: m.Document,
    group_id: int | None,
    members: Mapping[int, list[int]],
    background: Sequence[str],
    options: Options,
) -> Placer:
    """The placer for a group's notes: over the clusters the group made or put notes in (for
    notes of no group, every cluster)."""
    groups = {n.id: n.group_id for n in doc.notes}
    clusters = [
        c
        for c in doc.clusters
        if group_id is None
        or c.group_id == group_id
        or any(groups[i] == group_id for i in members.get(c.id, ()))
    ]
    names: dict[Hashable, str] = {c.id: c.name for c in clusters}
    # A note in a sub-cluster speaks for the sub-cluster; the parent keeps its own notes and
    # its name, so a note can go to either.
    examples = [(n.text, n.cluster_id) for n in doc.notes if n.cluster_id in names]
    return Placer(examples, names, background, options)


def _theme_members(doc: m.Document) -> dict[int, list[int]]:
    from .suggest import _theme_members as members

    return members(doc)


__all__ = [
    "Candidate",
    "NotePlacement",
    "Options",
    "Placer",
    "THRESHOLD",
    "as_json",
    "as_lines",
    "place_rest",
]
