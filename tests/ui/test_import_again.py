"""Importing into an open workshop what looks like an import already made, through the File menu.

A transcript goes through the import preview, which says so at the top and leaves the notes
already there out until the user ticks them in; a JSON export is imported whole and the app asks
first (the command line warns). Cancel or "no" leaves the file and the undo stack as they were.
Groups imported later get colours of their own, as far as the palette goes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from samverkan_desktop.core import exchange
from samverkan_desktop.core.store import Store
from samverkan_desktop.render import board_picture, group_colours
from samverkan_desktop.ui.dialogs.import_preview import TEXT, ImportPreviewDialog
from samverkan_desktop.ui.i18n import install_translators, remove_translators
from samverkan_desktop.ui.main_window import MainWindow


def _import(window, interaction, source, *answers: bool) -> None:
    interaction.will_select_files(source)
    interaction.will_answer(*answers)
    window.files.import_.trigger()


def _take_all_and_import(qtbot):
    def drive(dialog: ImportPreviewDialog) -> None:
        qtbot.mouseClick(dialog.duplicates_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    return drive


def _painted(item) -> QColor:
    """The paper colour a note item paints with (drawn far out: one patch of colour)."""
    rect = item.rect()
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(20 / rect.width(), 20 / rect.height())
    painter.translate(-rect.topLeft())
    item.picture.paint(painter, QStyleOptionGraphicsItem(), None)  # what the note shows
    painter.end()
    return image.pixelColor(10, 10)


def test_the_same_transcript_again_is_said_in_the_preview_and_cancel_changes_nothing(
    when_dialog, qtbot, seed_window, interaction, seed_workshop, seed_path
):
    doc = seed_window.doc
    undo_count, notes = doc.undo_stack.count(), dict(doc.notes)
    bytes_before = seed_workshop.read_bytes()

    def drive(dialog: ImportPreviewDialog) -> None:
        assert dialog.notice.isVisible()
        assert dialog.notice.text() == (
            "orebro-2021-11-10.txt ser ut att redan vara importerad: 216 av 216 lappar finns "
            "redan; workshoppen har redan lappar från orebro-2021-11-10.txt."
        )
        # Every note is already there: all left out until ticked, nothing to import yet.
        assert all(i.checkState(TEXT) == Qt.CheckState.Unchecked for i in dialog.note_items())
        assert not dialog.import_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    seen = when_dialog(ImportPreviewDialog, drive)
    _import(seed_window, interaction, seed_path)
    assert seen
    assert [kind for kind, _ in interaction.asked] == ["open"]  # the preview, no question
    assert doc.undo_stack.count() == undo_count and dict(doc.notes) == notes
    assert seed_workshop.read_bytes() == bytes_before


def test_ticking_the_duplicates_imports_the_repeat_as_one_undoable_step(
    when_dialog, qtbot, seed_window, interaction, seed_path
):
    doc = seed_window.doc
    seen = when_dialog(ImportPreviewDialog, _take_all_and_import(qtbot))
    _import(seed_window, interaction, seed_path)
    assert seen
    assert len(doc.notes) == 432 and len(doc.groups) == 12
    assert doc.undo_stack.count() == 1
    seed_window.undo_action.trigger()
    assert len(doc.notes) == 216


def test_a_different_transcript_is_previewed_without_a_notice(
    when_dialog, qtbot, seed_window, interaction, tmp_path
):
    other = tmp_path / "annan.txt"
    other.write_text("Grupp: Klimat\n- Cykelbanor året om\n- Fler laddstolpar\n", "utf-8")

    def drive(dialog: ImportPreviewDialog) -> None:
        assert not dialog.notice.isVisible()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    seen = when_dialog(ImportPreviewDialog, drive)
    _import(seed_window, interaction, other)
    assert seen
    assert [kind for kind, _ in interaction.asked] == ["open"]
    assert len(seed_window.doc.notes) == 218


def test_a_json_export_of_the_workshop_asks_because_its_texts_are_there(
    seed_window, interaction, seed_workshop, tmp_path
):
    with Store.open(seed_workshop, readonly=True) as store:
        raw = exchange.to_dict(store.document())
    export = tmp_path / "export.json"
    export.write_bytes(exchange.dumps(exchange.from_dict(raw)))
    _import(seed_window, interaction, export, False)
    assert "216 av 216 lappar finns redan" in interaction.asked[-1][1]

    # Edited elsewhere, its sources gone: the texts alone tell.
    raw["notes"] = [{**n, "source": ""} for n in raw["notes"]]
    export.write_bytes(exchange.dumps(exchange.from_dict(raw)))
    _import(seed_window, interaction, export, False)
    assert interaction.asked[-1][1] == (
        "export.json ser ut att redan vara importerad: 216 av 216 lappar finns redan. "
        "Importera ändå?"
    )
    assert len(seed_window.doc.notes) == 216 and seed_window.doc.undo_stack.count() == 0


def test_the_notice_and_the_question_are_in_english(
    when_dialog, qapp, qtbot, ctx, interaction, seed_workshop, seed_path, tmp_path
):
    translators = install_translators(qapp, "en")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert window.open_path(seed_workshop)
        notices: list[str] = []

        def drive(dialog: ImportPreviewDialog) -> None:
            notices.append(dialog.notice.text())
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

        seen = when_dialog(ImportPreviewDialog, drive)
        _import(window, interaction, seed_path)
        assert seen
        assert notices == [
            "orebro-2021-11-10.txt looks as if it has already been imported: 216 of 216 notes "
            "are already there; the workshop already has notes from orebro-2021-11-10.txt."
        ]
        with Store.open(seed_workshop, readonly=True) as store:
            raw = exchange.to_dict(store.document())
        export = tmp_path / "export.json"
        export.write_bytes(exchange.dumps(exchange.from_dict(raw)))
        _import(window, interaction, export, False)
        assert interaction.asked[-1][1] == (
            "export.json looks as if it has already been imported: 216 of 216 notes are "
            "already there; the workshop already has notes from orebro-2021-11-10.txt. "
            "Import anyway?"
        )
        window.close_document()
    finally:
        remove_translators(qapp, translators)


def test_groups_imported_later_paint_in_colours_of_their_own(
    when_dialog, seed_window, interaction, seed_path, qtbot
):
    seen = when_dialog(ImportPreviewDialog, _take_all_and_import(qtbot))
    _import(seed_window, interaction, seed_path)
    assert seen
    doc, scene = seed_window.doc, seed_window.scene
    scene.clearSelection()
    by_group: dict[int, set[str]] = {}
    for note_id, note in doc.notes.items():
        by_group.setdefault(note.group_id, set()).add(_painted(scene.note_item(note_id)).name())
    assert all(len(colours) == 1 for colours in by_group.values())  # one colour per group
    colours = [next(iter(c)) for c in by_group.values()]
    assert len(by_group) == 12 <= group_colours.DISTINCT
    assert len(set(colours)) == 12  # pairwise distinct: the second import differs from the first
    # The report's board picture paints each group in the board's colour.
    order = sorted(doc.groups.values(), key=lambda g: (g.position, g.id))
    for i, group in enumerate(order):
        assert board_picture.group_colour(i).name() == next(iter(by_group[group.id]))


def test_past_the_palette_colours_repeat_but_labels_still_tell_groups_apart(qapp):
    fills = [group_colours.note_fill(i).name() for i in range(group_colours.DISTINCT + 3)]
    assert len(set(fills[: group_colours.DISTINCT])) == group_colours.DISTINCT
    assert fills[group_colours.DISTINCT :] == fills[:3]
    for i in range(group_colours.DISTINCT):
        assert group_colours.note_fill(i).lightness() > 140  # black text stays readable
