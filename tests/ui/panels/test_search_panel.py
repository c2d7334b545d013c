"""Searching the notes as you type, stepping through hits, filtering by group."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from samverkan_desktop.core.textfold import fold
from samverkan_desktop.ui.commands import DeleteNotesCommand, EditNoteTextCommand
from samverkan_desktop.ui.panels.search_panel import SearchPanel


@pytest.fixture
def panel(qtbot, doc):
    widget = SearchPanel()
    qtbot.addWidget(widget)
    widget.set_document(doc)
    widget.show()
    return widget


def containing(doc, word):
    return {n.id for n in doc.notes.values() if fold(word) in fold(n.text)}


@pytest.mark.parametrize("typed", ["motesplats", "Mötesplats", "MÖTESPLATS"])
def test_typing_highlights_the_notes_that_contain_the_word(panel, doc, type_text, typed):
    highlighted = []
    panel.highlightChanged.connect(highlighted.append)
    type_text(panel.field, typed)

    expected = containing(doc, "mötesplats")
    assert len(expected) == 5
    assert highlighted[-1] == expected
    assert panel.count.text() == "5 träffar"


def test_every_word_must_match_and_clearing_ends_the_search(qtbot, panel, doc):
    highlighted = []
    panel.highlightChanged.connect(highlighted.append)
    qtbot.keyClicks(panel.field, "motesplats unga")
    assert [doc.note(i).text for i in highlighted[-1]] == [
        "Fritidsgårdar – mötesplatser för unga, högre åldrar"
    ]
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == ""
    assert highlighted[-1] is None
    qtbot.keyClicks(panel.field, "xyzzy")
    assert highlighted[-1] == frozenset()
    assert panel.count.text() == "Inga träffar"


def test_enter_steps_through_the_hits_and_wraps(qtbot, panel):
    shown = []
    panel.hitRequested.connect(shown.append)
    qtbot.keyClicks(panel.field, "motesplats")
    for _ in range(6):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert shown[:5] == panel.hits()
    assert shown[5] == shown[0]
    assert panel.count.text() == "Träff 1 av 5"


def test_search_follows_edits_to_note_text(qtbot, panel, doc):
    qtbot.keyClicks(panel.field, "motesplats")
    note = next(n for n in doc.notes.values() if "mötesplats" not in n.text.lower())
    doc.push(EditNoteTextCommand(doc, note.id, note.text + " (mötesplats)"))
    assert note.id in panel.hits()
    doc.undo_stack.undo()
    assert note.id not in panel.hits()


def test_unticking_a_group_filters_it_out_of_the_hits(qtbot, panel, doc):
    filters = []
    panel.groupFilterChanged.connect(filters.append)
    groups = sorted(doc.groups.values(), key=lambda g: g.position)
    assert panel.groups.topLevelItemCount() == 6
    first = panel.groups.topLevelItem(0)
    assert first.text(0) == "AI1  " + groups[0].name
    assert first.text(1) == str(sum(1 for n in doc.notes.values() if n.group_id == groups[0].id))

    qtbot.keyClicks(panel.field, "motesplats")
    hits_everywhere = set(panel.hits())
    panel.set_group_checked(groups[0].id, False)

    assert filters[-1] == frozenset(g.id for g in groups[1:])
    assert set(panel.hits()) == {i for i in hits_everywhere if doc.note(i).group_id != groups[0].id}
    assert len(panel.hits()) < len(hits_everywhere)
    panel.set_group_checked(groups[0].id, True)
    assert filters[-1] is None


# ----------------------------------------------------------------- on the board
@pytest.fixture
def board(qtbot, panel, doc):
    """The real board scene, wired to the panel as the main window does."""
    from samverkan_desktop.ui.board import BoardScene

    scene = BoardScene(doc)
    panel.highlightChanged.connect(scene.set_highlight)
    panel.groupFilterChanged.connect(scene.set_group_filter)
    yield scene
    panel.highlightChanged.disconnect(scene.set_highlight)
    panel.groupFilterChanged.disconnect(scene.set_group_filter)


def dimmed(scene):
    return {i.note_id for i in scene.note_items() if i.opacity() < 1}, {
        i.cluster_id for i in scene.cluster_items() if i.opacity() < 1
    }


def test_a_search_still_finds_a_note_after_its_text_was_edited(qtbot, panel, board, doc):
    qtbot.keyClicks(panel.field, "motesplats")  # every note's text folded once by now
    note = next(n for n in doc.notes.values() if "mötesplats" not in n.text.lower())
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)

    doc.push(EditNoteTextCommand(doc, note.id, "Mötesplatser för äldre"))
    qtbot.keyClicks(panel.field, "motesplats")
    assert note.id in panel.hits()
    assert board.note_item(note.id).opacity() == 1

    doc.push(EditNoteTextCommand(doc, note.id, "Bibliotek"))  # while the search is on
    assert note.id not in panel.hits()
    assert board.note_item(note.id).opacity() < 1
    assert panel.count.text() == f"{len(panel.hits())} träffar"


def test_clearing_the_search_undims_everything(qtbot, panel, board, doc):
    assert dimmed(board) == (set(), set())
    qtbot.keyClicks(panel.field, "motesplats")
    notes, clusters = dimmed(board)
    assert notes == set(doc.notes) - set(panel.hits())
    lit = {n.cluster_id for n in map(doc.note, panel.hits())} - {None}
    assert clusters == set(doc.clusters) - lit - {a for c in lit for a in doc.ancestors(c)}

    qtbot.keyClicks(panel.field, " unga")  # fewer hits: only the difference changes
    assert dimmed(board)[0] == set(doc.notes) - set(panel.hits())
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert dimmed(board) == (set(), set())

    qtbot.keyClicks(panel.field, "motesplats")
    panel.field.clear()  # the clear button, or select all and delete
    assert dimmed(board) == (set(), set())


def test_a_note_added_during_a_search_is_dimmed_unless_it_matches(qtbot, panel, board, doc):
    from samverkan_desktop.core import model as m
    from samverkan_desktop.core.board import gestures
    from samverkan_desktop.ui.commands import AddNoteCommand

    def add_note(text, x, y):
        height = doc.note_height(m.Note(0, text))
        draft, new = gestures.add_note(doc.board, x, y, height, None)
        return AddNoteCommand(doc, text, group.id, draft, new)

    group = min(doc.groups.values(), key=lambda g: g.position)
    qtbot.keyClicks(panel.field, "motesplats")
    other = add_note("Bättre busstrafik", 0, 4000)
    doc.push(other)
    match = add_note("MÖTESPLATSER i parken", 300, 4000)
    doc.push(match)
    assert board.note_item(other.note_id).opacity() < 1
    assert board.note_item(match.note_id).opacity() == 1
    assert match.note_id in panel.hits()
    doc.undo_stack.undo()
    assert match.note_id not in panel.hits()
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert dimmed(board) == (set(), set())


def test_the_group_filter_hides_and_shows_the_groups_notes_on_the_board(panel, board, doc):
    groups = sorted(doc.groups.values(), key=lambda g: g.position)
    hidden = {n.id for n in doc.notes.values() if n.group_id == groups[0].id}
    panel.set_group_checked(groups[0].id, False)
    assert {i.note_id for i in board.note_items() if not i.isVisible()} == hidden
    panel.set_group_checked(groups[1].id, False)
    panel.set_group_checked(groups[0].id, True)
    assert {i.note_id for i in board.note_items() if not i.isVisible()} == {
        n.id for n in doc.notes.values() if n.group_id == groups[1].id
    }
    panel.set_group_checked(groups[1].id, True)
    assert all(i.isVisible() for i in board.note_items())


def test_typing_and_deleting_key_by_key_finds_what_the_whole_query_finds(qtbot, panel, doc):
    """Each key narrows or widens the search; after every key the hits are those of the
    query typed at once, also after a note changed in between and a group was unticked."""

    def expected() -> set[int]:
        words = fold(panel.field.text()).split()
        shown = panel.selected_groups()
        return {
            n.id
            for n in doc.notes.values()
            if words
            and (shown is None or n.group_id in shown)
            and all(w in fold(n.text) for w in words)
        }

    def check() -> None:
        assert set(panel.hits()) == expected(), panel.field.text()

    for ch in "ung mot":
        qtbot.keyClicks(panel.field, ch)
        check()
    # A note that did not match comes to match while the search is on: the next key finds it.
    note = next(n for n in doc.notes.values() if n.id not in expected())
    doc.push(EditNoteTextCommand(doc, note.id, note.text + " unga mötesplatser"))
    check()
    qtbot.keyClicks(panel.field, "e")
    assert note.id in panel.hits()
    check()
    for _ in range(3):  # back out: wider again
        qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)
        check()
    qtbot.keyClicks(panel.field, "u")  # "ung mu": not within "ung mote", a new search
    check()
    first = panel.groups.topLevelItem(0)
    first.setCheckState(0, Qt.CheckState.Unchecked)
    check()
    qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(panel.field, "o")
    check()
    first.setCheckState(0, Qt.CheckState.Checked)  # its notes are found again
    check()
    qtbot.keyClicks(panel.field, "t")
    check()


_WORDS = ["mötesplats", "unga", "Åsa", "bibliotek", "ÖPPET", "mot", "ung"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("edit"), st.integers(0, 10_000), st.lists(st.sampled_from(_WORDS))),
            st.tuples(st.just("delete"), st.integers(0, 10_000)),
            st.tuples(st.just("add"), st.lists(st.sampled_from(_WORDS), min_size=1)),
            st.tuples(st.just("undo")),
        ),
        max_size=6,
    ),
    query=st.lists(st.sampled_from(["mot", "ung", "a", "öppet", "bibliotek s"]), min_size=1),
)
def test_once_every_text_is_folded_a_first_key_finds_what_folding_every_note_finds(
    qtbot, panel, doc, type_text, steps, query
):
    """The panel folds every note's text while idle and keeps those folds as notes are edited,
    added (here by another window: through the store), removed and restored by an undo; a
    search typed afterwards finds exactly the notes whose text holds every word."""
    qtbot.waitUntil(lambda: not panel._warm_up.isActive())
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    for step in steps:
        ids = sorted(doc.notes)
        if step[0] == "edit" and ids:
            doc.push(EditNoteTextCommand(doc, ids[step[1] % len(ids)], " ".join(step[2]) or "x"))
        elif step[0] == "delete" and len(ids) > 1:
            doc.push(DeleteNotesCommand(doc, [ids[step[1] % len(ids)]]))
        elif step[0] == "add":
            doc.store.add_note(" ".join(step[1]), x=0.0, y=-5000.0 - 300 * len(ids))
        elif step[0] == "undo":
            doc.undo_stack.undo()
    for text in query:
        qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
        type_text(panel.field, text)
        words = fold(text).split()
        expected = {n.id for n in doc.notes.values() if all(w in fold(n.text) for w in words)}
        assert set(panel.hits()) == expected, text


def test_the_folds_kept_for_a_first_key_follow_every_edit_removal_and_undo(
    qtbot, panel, doc, type_text
):
    """Once every text is folded (while idle), each change to a note shows in the next search:
    a match edited away, a text edited to match, a removal and its undo, a note added."""

    def found(text: str) -> set[int]:
        qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
        type_text(panel.field, text)
        return set(panel.hits())

    qtbot.waitUntil(lambda: not panel._warm_up.isActive())
    before = found("mötesplats")
    assert before == containing(doc, "mötesplats") and before
    matching, other = min(before), min(set(doc.notes) - before)
    doc.push(EditNoteTextCommand(doc, matching, "Bibliotek"))
    doc.push(EditNoteTextCommand(doc, other, "Fler mötesplatser"))
    assert found("mötesplats") == before - {matching} | {other}
    doc.push(DeleteNotesCommand(doc, [other]))
    assert found("mötesplats") == before - {matching}
    doc.undo_stack.undo()
    assert found("mötesplats") == before - {matching} | {other}
    added = doc.store.add_note("Mötesplats vid torget", x=0.0, y=-5000.0)
    assert found("mötesplats") == before - {matching} | {other, added.id}
    assert found("bibliotek") == containing(doc, "bibliotek")
