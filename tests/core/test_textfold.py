"""Matching as a Swedish reader expects (core/textfold.py): the search's fold cache."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_desktop.core.model import Note
from samverkan_desktop.core.textfold import FoldCache, fold

TEXTS = st.lists(
    st.sampled_from(["Mötesplats", "för", "UNGA", "Åse", "trygghet", "café", "ÖREBRO", "x"]),
    max_size=6,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(TEXTS, min_size=1, max_size=12),
    edited=st.lists(TEXTS, max_size=12),
    words=st.lists(
        st.sampled_from(["mote", "unga", "ase", "cafe", "orebro", "x", "ö"]), max_size=3
    ),
)
def test_the_cache_finds_the_texts_holding_every_word_also_after_edits(texts, edited, words):
    """`holding` answers as folding every text afresh would (each hit with its folded text),
    in the order given, also for a text that changed since it was folded (a caller that
    missed an edit)."""
    cache = FoldCache()
    notes = [Note(i, t) for i, t in enumerate(texts)]
    folded = [fold(w) for w in words]
    expected = [(n.id, fold(n.text)) for n in notes if all(w in fold(n.text) for w in folded)]
    assert cache.holding(notes, folded) == expected
    notes = [Note(n.id, edited[n.id]) if n.id < len(edited) else n for n in notes]
    expected = [(n.id, fold(n.text)) for n in notes if all(w in fold(n.text) for w in folded)]
    assert cache.holding(notes, folded) == expected
    assert all(cache.get(n.id, n.text) == fold(n.text) for n in notes)
