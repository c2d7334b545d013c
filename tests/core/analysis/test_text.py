"""Swedish normalisation on real words from the seed workshop."""

from __future__ import annotations

import pytest

from samverkan_desktop.core.analysis import text


def keys(phrase: str) -> list[str]:
    return text.keys(phrase)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("mötesplatser", "mötesplats"),
        ("ungdomar", "ungdom"),
        ("vuxna", "vuxen"),
        ("föreningar", "förening"),
        ("ensamheten", "ensamhet"),
        ("långsiktiga", "långsiktig"),
        ("långsiktigt", "långsiktig"),
        ("insatser", "insats"),
    ],
)
def test_inflected_words_meet_at_their_lemma(word: str, lemma: str) -> None:
    assert text.lemmatise(word) == lemma


def test_notes_that_inflect_the_same_word_share_its_term() -> None:
    assert "langsiktig" in keys("Långsiktiga resurser för civilsamhället")
    assert "langsiktig" in keys("Resurser till långsiktigt arbete i samverkan")


def test_stop_words_leave_only_what_the_note_is_about() -> None:
    assert keys("Mötesplatser behövs för integration och samtal") == [
        "motesplats",
        "mote",
        "plats",
        "integration",
        "samtal",
    ]
    assert keys("Vilka behöver vårt stöd?") == ["stod"]
    assert keys("och att för som kan inte") == []


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("mötesplatser", ["möte", "plats"]),
        ("trygghetsvandringar", ["trygghet", "vandring"]),
        ("arbetsmarknaden", ["arbete", "marknad"]),
        ("gruppbostäder", ["grupp", "bostad"]),
        ("lönebidrag", ["lön", "bidrag"]),
        ("ungdomsverksamhet", ["ungdom", "verksamhet"]),
    ],
)
def test_compounds_split_into_known_words(word: str, parts: list[str]) -> None:
    terms = text.word_terms(word)
    assert [t.display for t in terms[1:]] == parts
    assert all(t.weight < 1 for t in terms[1:])  # a shared part counts less than the whole


@pytest.mark.parametrize("word", ["gemensam", "gemenskap", "samverkan", "ungdom", "ensamhet"])
def test_words_that_only_look_like_compounds_stay_whole(word: str) -> None:
    assert text.split_compound(word) == []


def test_an_unknown_compound_gets_the_lemma_of_its_last_part() -> None:
    whole = text.word_terms("trygghetsvandringar")[0]
    assert (whole.key, whole.display) == ("trygghetsvandring", "trygghetsvandring")


def test_keys_are_folded_but_display_forms_keep_their_letters() -> None:
    [term, *_] = text.terms("Mötesplatser")
    assert term.key == "motesplats"
    assert term.display == "mötesplats"
    assert keys("MÖTESPLATSER") == keys("mötesplatser")
    assert keys("Cafe")[0] == keys("Café")[0]


def test_steps_can_be_switched_off() -> None:
    plain = text.Steps(lemmatise=False, stop_words=False, compounds=False, fold=False)
    assert text.keys("Mötesplatser för unga", plain) == ["mötesplatser", "för", "unga"]
    stemmed = text.Steps(lemmatise=False, stem=True)
    stems = [text.keys(word, stemmed)[0] for word in ("trygghetsvandringar", "trygghetsvandring")]
    assert stems[0] == stems[1]


def test_derivations_give_the_base_word_when_asked() -> None:
    steps = text.Steps(derivations=True)
    assert "langsiktig" in text.keys("Långsiktighet!", steps)
    assert "langsiktig" not in keys("Långsiktighet!")  # off by default: it did not help


def test_the_stop_word_list_ships_with_the_package() -> None:
    words = text.stop_words()
    assert {"och", "att", "för", "som", "vara", "kunna"} <= words
    assert "samverkan" not in words and "behov" not in words


def test_term_lookup_is_word_terms_of_the_lower_cased_word() -> None:
    lookup = text.term_lookup()
    for word in ("Mötesplatser", "MÖTESPLATSER", "och", "SFI", "trygghetsvandringar"):
        assert lookup(word) == text.word_terms(word.lower()) == lookup(word)
    stemmed = text.Steps(stem=True)
    assert text.term_lookup(stemmed)("Mötesplatser") == text.word_terms("mötesplatser", stemmed)
