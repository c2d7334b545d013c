"""Searching the notes as you type, stepping through hits, filtering by group."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from samverkan_desktop.core.textfold import fold
from samverkan_desktop.ui.commands import EditNoteTextCommand
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
