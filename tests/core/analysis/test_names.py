"""Suggested cluster names: a noun phrase of two to four words that says what the notes share,
never a lone verb (issue 15; the suggested "Hitta" of two notes said little)."""

from __future__ import annotations

import pytest

from samverkan_desktop.core.analysis import suggest
from samverkan_desktop.core.analysis.text import looks_like_adjective, looks_like_verb


@pytest.mark.parametrize("word", ["hitta", "bygga", "främja", "samverka", "minska", "nå", "gå"])
def test_verbs_are_told_by_their_forms(word: str) -> None:
    assert looks_like_verb(word)


@pytest.mark.parametrize(
    "word", ["skola", "hälsa", "människa", "trygghet", "mötesplatser", "samverkan", "unga"]
)
def test_nouns_are_not_verbs(word: str) -> None:
    assert not looks_like_verb(word)


def test_adjectives_as_written_and_adjectives_used_as_nouns() -> None:
    assert looks_like_adjective("långsiktigt") and looks_like_adjective("tidig")
    assert not looks_like_adjective("unga") and not looks_like_adjective("arbete")


@pytest.mark.parametrize(
    ("terms", "name"),
    [
        (["hitta", "belysning", "parker"], "Belysning och parker"),
        (["hitta", "belysning"], "Frågor om belysning"),
        (["hitta"], "Lappar om att hitta"),
        (["långsiktigt", "arbete", "resurser"], "Arbete och resurser"),
        (["SFI", "språk"], "SFI och språk"),
        ([], "Övriga lappar"),
    ],
)
def test_names_are_noun_phrases_of_two_to_four_words(terms: list[str], name: str) -> None:
    assert suggest.cluster_name(terms) == name


def test_every_suggested_name_on_the_seed_is_two_to_four_words_and_no_lone_verb(
    seed_store,
) -> None:
    doc = seed_store.document()
    found = suggest.suggest_clusters(doc) + suggest.suggest_clusters(doc, include_clustered=True)
    assert found
    for s in found:
        words = s.name.split()
        assert 2 <= len(words) <= 4, s.name
        assert not (len(words) == 1 and looks_like_verb(words[0])), s.name
        assert not looks_like_verb(words[0]), s.name  # the phrase's head is no verb
        assert s.terms[0].casefold() in s.name.casefold() or words[0] in {"Frågor", "Lappar"}
