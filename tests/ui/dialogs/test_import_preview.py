"""The import preview, driven with the mouse and keys: what an import will create is shown and
fixed before anything is written; confirming is one undo step, cancelling writes nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from samverkan_desktop.core.importers import _parse_transcript, parse_source_bytes
from samverkan_desktop.core.importers.result import ParsedGroup, ParsedNote, ParseResult
from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.dialogs.import_preview import (
    CLUSTER,
    LINE,
    REMARK,
    SECTION,
    TEXT,
    ImportPreviewDialog,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
# The Örebro transcript as the app ships it (the same text as the shared seed).
SAMPLE = Path(__file__).resolve().parents[3] / (
    "samverkan_desktop/resources/samples/orebro-2021-11-10.txt"
)

TRANSCRIPT = """\
Workshop om trygghet 2024-03-01

Grupp Norr

Samtalsledare: Anna Ek och Bo Lind

Behov (klustrat):

Trygghet:

- Fler vuxna ute på kvällarna

- Bättre belysning i parken

Möten:

- Mötesplatser för unga

--------------------------------

Grupp Söder

Förslag:

- Läxhjälp på biblioteket. Fler fritidsledare på helgerna, särskilt på vintern

- Cykelbanor året om

- Digitaliseringen

- Cykelbanor året om
"""
LONG = "Läxhjälp på biblioteket. Fler fritidsledare på helgerna, särskilt på vintern"


@pytest.fixture
def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "trygghet.txt"
    path.write_text(TRANSCRIPT, "utf-8")
    return path


def _dialog(qtbot, result: ParseResult, **options) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(result, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _parsed(path: Path) -> ParseResult:
    return _parse_transcript(path.read_bytes(), path.name)


def _rows(dialog: ImportPreviewDialog) -> dict[str, QTreeWidgetItem]:
    return {item.text(TEXT): item for item in dialog.note_items()}


def _row(dialog: ImportPreviewDialog, text: str, nth: int = 0) -> QTreeWidgetItem:
    return [i for i in dialog.note_items() if i.text(TEXT) == text][nth]


def _click(qtbot, dialog: ImportPreviewDialog, item: QTreeWidgetItem, modifier=None) -> None:
    tree = dialog.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    # On the text, right of the check box.
    pos = QPoint(rect.left() + 60, rect.center().y())
    qtbot.mouseClick(tree.viewport(), LEFT, modifier or Qt.KeyboardModifier.NoModifier, pos)


def _texts(result: ParseResult) -> list[str]:
    return [n.text for n in result.notes]


def _pick(qtbot, combo, text: str) -> None:
    """Choose an entry of a combo box with the keyboard."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


# ------------------------------------------------------------------ what the preview shows
def test_the_preview_lists_groups_notes_sections_clusters_and_warnings(qtbot, transcript):
    dialog = _dialog(qtbot, _parsed(transcript), name=transcript.name)
    tree = dialog.tree
    groups = [tree.topLevelItem(i).text(TEXT) for i in range(tree.topLevelItemCount())]
    assert groups == [
        "Grupp Norr – samtalsledare: Anna Ek, Bo Lind  (3 av 3 lappar med)",
        "Grupp Söder  (3 av 4 lappar med)",
    ]
    belysning = _row(dialog, "Bättre belysning i parken")
    assert belysning.parent() is tree.topLevelItem(0)
    assert (belysning.text(SECTION), belysning.text(CLUSTER), belysning.text(LINE)) == (
        "Trygghet",
        "Trygghet",
        "13",
    )
    assert _row(dialog, LONG).text(SECTION) == "Förslag"
    assert _row(dialog, LONG).parent() is tree.topLevelItem(1)
    warnings = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert warnings == ["rad 21: Gruppen ”Grupp Söder” har inga samtalsledare angivna."]
    assert dialog.warnings_box.title() == "Varningar (1)"
    assert dialog.summary.text().startswith("6 av 7 lappar importeras, i 2 av 2 grupper.")
    assert not dialog.mapping_box.isVisible()  # a transcript has no columns to choose


def test_the_same_text_twice_in_the_import_is_marked_and_the_second_left_out(qtbot, transcript):
    dialog = _dialog(qtbot, _parsed(transcript))
    first, second = (_row(dialog, "Cykelbanor året om", n) for n in (0, 1))
    assert first.checkState(TEXT) == Qt.CheckState.Checked and first.text(REMARK) == ""
    assert second.checkState(TEXT) == Qt.CheckState.Unchecked
    assert second.text(REMARK) == "Möjlig dubblett: står två gånger i importen"
    assert _texts(dialog.edited_result()).count("Cykelbanor året om") == 1


# ------------------------------------------------------------------ the user's fixes
def test_unchecking_a_note_with_space_leaves_it_out(qtbot, transcript):
    dialog = _dialog(qtbot, _parsed(transcript))
    item = _row(dialog, "Mötesplatser för unga")
    _click(qtbot, dialog, item)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert item.checkState(TEXT) == Qt.CheckState.Unchecked
    assert "Mötesplatser för unga" not in _texts(dialog.edited_result())
    assert dialog.import_button.text() == "Importera 5 av 7"
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)  # and back in
    assert "Mötesplatser för unga" in _texts(dialog.edited_result())


def test_merging_two_selected_notes_gives_one_with_both_texts(qtbot, transcript):
    dialog = _dialog(qtbot, _parsed(transcript))
    _click(qtbot, dialog, _row(dialog, "Fler vuxna ute på kvällarna"))
    _click(qtbot, dialog, _row(dialog, "Bättre belysning i parken"), CTRL)
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, LEFT)
    merged = "Fler vuxna ute på kvällarna Bättre belysning i parken"
    assert merged in _rows(dialog)
    result = dialog.edited_result()
    [note] = [n for n in result.notes if n.text == merged]
    assert (note.line, note.end_line, note.cluster) == (11, 13, "Trygghet")
    assert len(result.notes) == 5


def test_splitting_a_note_at_the_sentence_nearest_the_middle_gives_two(qtbot, transcript):
    dialog = _dialog(qtbot, _parsed(transcript))
    _click(qtbot, dialog, _row(dialog, LONG))
    assert dialog.editor.toPlainText() == LONG
    qtbot.mouseClick(dialog.split_button, LEFT)
    rows = _rows(dialog)
    assert "Läxhjälp på biblioteket." in rows
    assert "Fler fritidsledare på helgerna, särskilt på vintern" in rows
    texts = _texts(dialog.edited_result())
    assert LONG not in texts and len(texts) == 7


def test_splitting_at_the_cursor_in_the_text(qtbot, transcript):
    dialog = _dialog(qtbot, _parsed(transcript))
    _click(qtbot, dialog, _row(dialog, LONG))
    editor = dialog.editor
    qtbot.mouseClick(editor.viewport(), LEFT)
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    for _ in range(len(" särskilt på vintern")):
        qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.mouseClick(dialog.split_button, LEFT)
    texts = _texts(dialog.edited_result())
    assert "Läxhjälp på biblioteket. Fler fritidsledare på helgerna," in texts
    assert "särskilt på vintern" in texts


def test_editing_the_text_changes_what_is_imported(qtbot, transcript, type_text):
    dialog = _dialog(qtbot, _parsed(transcript))
    _click(qtbot, dialog, _row(dialog, "Mötesplatser för unga"))
    qtbot.mouseClick(dialog.editor.viewport(), LEFT)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_End, CTRL)
    type_text(dialog.editor, " och äldre")
    assert "Mötesplatser för unga och äldre" in _rows(dialog)
    assert "Mötesplatser för unga och äldre" in _texts(dialog.edited_result())


def test_moving_a_note_to_another_group(qtbot, transcript):
    dialog = _dialog(qtbot, _parsed(transcript))
    _click(qtbot, dialog, _row(dialog, "Digitaliseringen"))
    _pick(qtbot, dialog.move_box, "Grupp Norr")
    qtbot.mouseClick(dialog.move_button, LEFT)
    item = _row(dialog, "Digitaliseringen")
    assert item.parent() is dialog.tree.topLevelItem(0)
    assert item.isSelected()
    result = dialog.edited_result()
    [note] = [n for n in result.notes if n.text == "Digitaliseringen"]
    assert result.groups[note.group].name == "Grupp Norr"
    assert dialog.tree.topLevelItem(0).text(TEXT).endswith("(4 av 4 lappar med)")


def test_a_group_left_without_notes_is_not_created(qtbot, transcript):
    dialog = _dialog(qtbot, _parsed(transcript))
    for text in (
        "Fler vuxna ute på kvällarna",
        "Bättre belysning i parken",
        "Mötesplatser för unga",
    ):
        _click(qtbot, dialog, _row(dialog, text))
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    result = dialog.edited_result()
    assert [g.name for g in result.groups] == ["Grupp Söder"]
    assert {n.group for n in result.notes} == {0}


# ------------------------------------------------------------------ a table's columns
TABLE = "Lapp;Grupp;Kommentar\nFler bänkar;Norr;Vid torget\nMer grönska;Söder;Kring skolan\n"


def test_changing_the_column_mapping_parses_again(qtbot, tmp_path):
    csv = tmp_path / "vagg.csv"
    csv.write_bytes(TABLE.encode("utf-8"))
    data = csv.read_bytes()
    asked: list[dict[str, int]] = []

    def reparse(mapping: dict[str, int]) -> ParseResult:
        asked.append(dict(mapping))
        return parse_source_bytes(data, csv.name, ".csv", mapping=mapping)

    dialog = _dialog(qtbot, parse_source_bytes(data, csv.name, ".csv"), reparse=reparse)
    assert dialog.mapping_box.isVisible()
    assert dialog.mapping_combos["text"].currentText() == "Lapp"
    assert set(_rows(dialog)) == {"Fler bänkar", "Mer grönska"}

    _pick(qtbot, dialog.mapping_combos["text"], "Kommentar")
    assert asked and asked[-1]["text"] == 2
    assert set(_rows(dialog)) == {"Vid torget", "Kring skolan"}
    assert _texts(dialog.edited_result()) == ["Vid torget", "Kring skolan"]

    _pick(qtbot, dialog.mapping_combos["text"], "(ingen)")  # the parser says no: one line
    assert dialog.mapping_error.isVisible()
    assert "hittade ingen kolumn" in dialog.mapping_error.text()
    assert set(_rows(dialog)) == {"Vid torget", "Kring skolan"}  # the list as it was


def test_a_fake_table_re_parses_through_the_given_function(qtbot):
    rows = [("Fler bänkar", "Norr", "Vid torget"), ("Mer grönska", "Söder", "Kring skolan")]

    def table(mapping: dict[str, int]) -> ParseResult:
        groups: list[str] = []
        notes = []
        for number, cells in enumerate(rows, 2):
            group = cells[mapping["group"]] if mapping["group"] >= 0 else "Alla"
            if group not in groups:
                groups.append(group)
            notes.append(ParsedNote(cells[mapping["text"]], groups.index(group), line=number))
        return ParseResult(
            groups=[ParsedGroup(g) for g in groups],
            notes=notes,
            columns=["Lapp", "Grupp", "Kommentar"],
            mapping=dict(mapping),
            source_name="t.csv",
        )

    dialog = _dialog(qtbot, table({"text": 0, "group": 1}), reparse=table)
    assert dialog.tree.topLevelItemCount() == 2
    _pick(qtbot, dialog.mapping_combos["group"], "(ingen)")
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(TEXT).startswith("Alla")


# ------------------------------------------------------------------ through the window
def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_ctrl_i_previews_and_confirm_imports_exactly_what_was_shown_as_one_undo_step(
    when_dialog, qtbot, seed_window, interaction, transcript, seed_workshop
):
    window, doc = seed_window, seed_window.doc
    before = set(doc.notes)
    shown: list[str] = []

    def drive(dialog: ImportPreviewDialog) -> None:
        # "Digitaliseringen" is already on the board: marked, left out.
        digital = _row(dialog, "Digitaliseringen")
        assert digital.checkState(TEXT) == Qt.CheckState.Unchecked
        assert digital.text(REMARK) == "Möjlig dubblett: finns redan i workshoppen"
        assert dialog.summary.text() == (
            "5 av 7 lappar importeras, i 2 av 2 grupper. Möjliga dubbletter som lämnas utanför: 2. "
            "Bocka i dem om de ska med."
        )
        _click(qtbot, dialog, _row(dialog, "Mötesplatser för unga"))
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
        shown.extend(
            i.text(TEXT) for i in dialog.note_items() if i.checkState(TEXT) == Qt.CheckState.Checked
        )
        qtbot.mouseClick(dialog.import_button, LEFT)

    interaction.will_select_files(transcript)
    _activate(qtbot, window)
    seen = when_dialog(ImportPreviewDialog, drive)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    assert seen

    added = set(doc.notes) - before
    assert sorted(doc.note(i).text for i in added) == sorted(shown)
    assert len(shown) == 4 and "Digitaliseringen" not in shown
    assert doc.undo_stack.count() == 1
    assert window.undo_action.text() == "Ångra Importera trygghet.txt"
    norr = next(g for g in doc.groups.values() if g.name == "Grupp Norr")
    assert norr.facilitators == ("Anna Ek", "Bo Lind")
    # To the right of what the board held.
    right_edge = max(doc.note(i).x for i in before)
    assert min(doc.note(i).x for i in added) > right_edge
    with Store.open(seed_workshop, readonly=True) as store:  # in the file, not only on screen
        assert len(store.notes()) == 216 + 4

    _activate(qtbot, window)  # the keys go to the window again once the preview is closed
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert set(doc.notes) == before and "Grupp Norr" not in {g.name for g in doc.groups.values()}
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    assert sorted(doc.note(i).text for i in set(doc.notes) - before) == sorted(shown)


def test_cancel_writes_nothing(
    when_dialog, qtbot, seed_window, interaction, transcript, seed_workshop
):
    doc = seed_window.doc
    bytes_before = seed_workshop.read_bytes()
    notes_before = dict(doc.notes)
    interaction.will_select_files(transcript)
    seen = when_dialog(ImportPreviewDialog, lambda d: qtbot.mouseClick(d.cancel_button, LEFT))
    seed_window.files.import_.trigger()
    assert seen
    assert dict(doc.notes) == notes_before and doc.undo_stack.count() == 0
    assert seed_workshop.read_bytes() == bytes_before


def test_escape_cancels_too(
    when_dialog, qtbot, seed_window, interaction, transcript, seed_workshop
):
    bytes_before = seed_workshop.read_bytes()
    interaction.will_select_files(transcript)
    seen = when_dialog(ImportPreviewDialog, lambda d: qtbot.keyClick(d.tree, Qt.Key.Key_Escape))
    seed_window.files.import_.trigger()
    assert seen and seed_window.doc.undo_stack.count() == 0
    assert seed_workshop.read_bytes() == bytes_before


def test_a_csv_goes_through_the_preview_with_its_columns(
    when_dialog, qtbot, seed_window, interaction, tmp_path
):
    csv = tmp_path / "vagg.csv"
    csv.write_bytes(TABLE.encode("cp1252"))

    def drive(dialog: ImportPreviewDialog) -> None:
        assert dialog.mapping_box.isVisible()
        _pick(qtbot, dialog.mapping_combos["text"], "Kommentar")
        qtbot.mouseClick(dialog.import_button, LEFT)

    interaction.will_select_files(csv)
    seen = when_dialog(ImportPreviewDialog, drive)
    seed_window.files.import_.trigger()
    assert seen
    texts = {n.text for n in seed_window.doc.notes.values()}
    assert {"Vid torget", "Kring skolan"} <= texts and "Fler bänkar" not in texts


def test_with_nothing_open_the_preview_makes_a_new_workshop(
    when_dialog, qtbot, empty_window, interaction, transcript
):
    def drive(dialog: ImportPreviewDialog) -> None:
        assert "trygghet.samverkan" in dialog.notice.text()
        assert dialog.import_button.text() == "Skapa workshoppen"
        qtbot.mouseClick(dialog.import_button, LEFT)

    interaction.will_select_files(transcript)
    seen = when_dialog(ImportPreviewDialog, drive)
    empty_window.files.import_.trigger()
    assert seen
    assert empty_window.path == transcript.with_suffix(".samverkan")
    assert len(empty_window.doc.notes) == 6


PASTE_MISSING = importlib.util.find_spec("samverkan_desktop.core.importers.paste") is None


@pytest.mark.skipif(PASTE_MISSING, reason="core/importers/paste.py (parse_text) is not there yet")
def test_paste_as_notes_previews_the_clipboard_and_imports_in_one_step(
    when_dialog, qtbot, seed_window, interaction
):
    window, doc = seed_window, seed_window.doc
    before = set(doc.notes)
    QApplication.clipboard().setText("Fler bänkar vid torget\n- Mer grönska kring skolan\n")
    assert window.files.paste_notes in window.edit_menu.actions()
    assert window.files.paste_notes.shortcut().toString() == "Ctrl+Shift+V"

    def drive(dialog: ImportPreviewDialog) -> None:
        assert set(_rows(dialog)) >= {"Fler bänkar vid torget", "Mer grönska kring skolan"}
        qtbot.mouseClick(dialog.import_button, LEFT)

    _activate(qtbot, window)
    seen = when_dialog(ImportPreviewDialog, drive)
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL | SHIFT)
    assert seen
    added = {doc.note(i).text for i in set(doc.notes) - before}
    assert {"Fler bänkar vid torget", "Mer grönska kring skolan"} <= added
    assert doc.undo_stack.count() == 1
    window.undo_action.trigger()
    assert set(doc.notes) == before


def test_paste_is_off_without_an_open_workshop(empty_window):
    assert not empty_window.files.paste_notes.isEnabled()


# ------------------------------------------------------------------ what the user sees
def test_a_picture_of_the_preview_with_the_sample_transcript(qtbot, tmp_path):
    dialog = _dialog(qtbot, _parsed(SAMPLE), name=SAMPLE.name, existing_texts=["Digitaliseringen"])
    assert dialog.tree.topLevelItemCount() == 6 and len(dialog.note_items()) == 216
    assert dialog.warnings.count() == 3
    # Long notes wrap: a row of one is taller than a row of a short note.
    short = dialog.tree.visualItemRect(_row(dialog, "Motivation")).height()
    long_item = max(dialog.note_items(), key=lambda i: len(i.text(TEXT)))
    dialog.tree.scrollToItem(long_item)
    assert dialog.tree.visualItemRect(long_item).height() > 2 * short
    picture = tmp_path / "import_preview.png"
    assert dialog.grab().save(str(picture))
    assert picture.stat().st_size > 10_000
