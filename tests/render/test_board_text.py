"""A note's height without laying its text out (render/board_text.py `text_height`): wherever
that shortcut says a text fits the note, the text laid out by Qt fits it, whole; so a note is
never drawn shorter than its text, and the shortcut is right for most of a real workshop."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan_desktop.core.board.geometry import NOTE_H
from samverkan_desktop.render import board_text as bt

# Words of the kind notes hold, and what sits around them: brackets and quotes that Qt does
# not break after, punctuation it does not break before, hyphens it breaks after, long words,
# digits, a space no line breaks at, kana (some may not start a line).
WORDS = st.sampled_from(
    [
        "Mötesplatser",
        "för",
        "unga",
        "i",
        "Vivalla",
        "trygghet",
        "kvällstid",
        "(fritidsgård)",
        "«samverkan»",
        '"hej"',
        "—",
        "?",
        "!",
        ":",
        ";",
        ",",
        ")",
        "(",
        "[",
        "]",
        "„citat“",
        "barn-och-ungdomsförvaltningen",
        "kommunikationsstrategiarbetsgruppsmöte",
        "2021-11-10",
        "100 %",
        "WWWWWWWW",
        "iiiiiiii",
        "\u00a0",
        "ぁ",
        "漢字",
        "é",
        "ÅÄÖ",
        "T.",
        "AVA",
    ]
)
TEXTS = st.lists(WORDS, min_size=1, max_size=40).map(" ".join) | st.lists(
    st.one_of(WORDS, st.just(""), st.just("  ")), min_size=1, max_size=40
).map(" ".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, with_footer=st.booleans(), scale=st.sampled_from([1.0, 1.25, 1.5]))
def test_where_the_shortcut_says_a_text_fits_qt_lays_it_out_in_the_note(
    qapp, text, with_footer, scale
):
    if bt._surely_fits(text, with_footer, scale):
        lines = bt.note_lines(text, with_footer, scale)
        assert lines.height == NOTE_H and not lines.elided, text
        assert bt.text_height(text, with_footer, scale) == NOTE_H


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_sample_workshop_notes_are_as_tall_as_their_text_laid_out(qapp, seed_doc, scale):
    """Every note of the Örebro sample: the height the board gives it is the height of its
    text laid out, and most of those that fit the note are answered without a layout."""
    fitting, shortcut = 0, 0
    for note in seed_doc.notes:
        with_footer = note.votes > 0
        laid = bt.note_lines(note.text, with_footer, scale)
        assert bt.text_height(note.text, with_footer, scale) == laid.height, note.text
        if laid.height == NOTE_H and not laid.elided:
            fitting += 1
            shortcut += bt._surely_fits(note.text, with_footer, scale)
    assert fitting > 50 and shortcut >= 0.8 * fitting


def test_a_text_one_word_too_long_is_laid_out_and_one_word_less_is_not(qapp):
    """Right at the edge: a text one word too long for the note at every size is laid out and
    makes the note taller; one word less fits, and is answered without a layout."""
    words = ["Mötesplatser", "för", "unga", "kvällstid"]
    count = 1
    while bt.note_lines(" ".join((words * 20)[:count])).height == NOTE_H:
        count += 1
    text, shorter = " ".join((words * 20)[:count]), " ".join((words * 20)[: count - 1])
    assert not bt._surely_fits(text, False, 1.0)
    assert bt.text_height(text) == bt.note_lines(text).height > NOTE_H
    assert bt._surely_fits(shorter, False, 1.0) and bt.text_height(shorter) == NOTE_H


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, with_footer=st.booleans(), scale=st.sampled_from([1.0, 1.25, 1.5]))
def test_a_text_is_drawn_at_the_largest_size_it_fits_else_the_smallest_grown(
    qapp, text, with_footer, scale
):
    """note_lines, laid out size by size from the largest: the first size at which the whole
    text fits the standard note (a size it is surely too long for, measured in one line, is not
    tried); a text that fits at none is drawn at the smallest, the note grown."""
    bottom = bt.NOTE_PAD + (bt.NOTE_FOOTER if with_footer else 0.0)
    wanted = bt.sizes(scale)
    each = [
        bt._break(text, px, bottom, bt.max_height(scale))
        for px in wanted
        if px == wanted[-1] or not bt._surely_too_long(text, px, bottom)
    ]
    fitting = [lines for lines in each if lines.height <= NOTE_H and not lines.elided]
    assert bt.note_lines(text, with_footer, scale) == (fitting[0] if fitting else each[-1])


# Long texts of several paragraphs: notes that grow, up to those cut short at the tallest.
LONG_TEXTS = st.lists(
    st.lists(WORDS, min_size=1, max_size=70).map(" ".join), min_size=1, max_size=5
).map("\n".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=LONG_TEXTS | TEXTS, with_footer=st.booleans(), scale=st.sampled_from([1.0, 1.5]))
def test_a_note_is_as_tall_as_its_text_drawn_also_when_it_grows_or_is_cut_short(
    qapp, text, with_footer, scale
):
    """The height a board gives a note without keeping the lines is the height of the text
    as it is drawn (note_lines), and says as it does whether the text is cut short."""
    drawn = bt.note_lines(text, with_footer, scale)
    assert bt.text_height(text, with_footer, scale) == drawn.height
    bottom = bt.NOTE_PAD + (bt.NOTE_FOOTER if with_footer else 0.0)
    smallest = min(bt.sizes(scale))
    kept = bt._break(text, smallest, bottom, bt.max_height(scale))
    measured = bt._break(text, smallest, bottom, bt.max_height(scale), keep=False)
    assert (measured.height, measured.elided) == (kept.height, kept.elided)
    assert measured.lines == () and len(kept.lines) >= 1


def test_a_text_with_spaces_around_its_words_is_drawn_at_the_size_laid_out_size_by_size(qapp):
    """Found by the test above: spaces around the words count when a text is measured in one
    line, so a size is skipped as surely too long although the words would fit; the shortcut
    for the largest size skips it alike."""
    text = "  WWWWWWWW WWWWWWWW WWWWWWWW       "
    wanted = bt.sizes(1.5)
    assert bt._surely_too_long(text, wanted[0], bt.NOTE_PAD)
    assert bt.note_lines(text, False, 1.5).pixels == wanted[1]
