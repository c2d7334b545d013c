"""Starting the application: what opens first, a bad FILE, translations, and main() itself."""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from samverkan_desktop.ui import app as app_module
from samverkan_desktop.ui.app import open_first
from samverkan_desktop.ui.i18n import install_translators, remove_translators
from samverkan_desktop.ui.main_window import MainWindow
from samverkan_desktop.ui.settings import SAMPLE_CREATED


@pytest.fixture
def window(empty_window):
    return empty_window


def test_first_start_opens_the_sample_workshop(window, ctx):
    open_first(window, ctx, None)
    sample = ctx.workshop_dir / "orebro-2021-11-10.samverkan"
    assert window.path == sample and sample.is_file()
    assert len(window.doc.notes) == 216
    assert window.windowTitle().startswith("orebro-2021-11-10.samverkan — ")
    assert ctx.settings.get(SAMPLE_CREATED) is True


def test_later_starts_open_the_last_workshop(window, ctx, seed_workshop):
    ctx.settings.set(SAMPLE_CREATED, True)
    ctx.settings.add_recent_file(str(seed_workshop))
    open_first(window, ctx, None)
    assert window.path == seed_workshop


def test_with_the_last_workshop_gone_the_start_page_shows(window, ctx, tmp_path):
    ctx.settings.set(SAMPLE_CREATED, True)
    ctx.settings.add_recent_file(str(tmp_path / "borta.samverkan"))
    open_first(window, ctx, None)
    assert window.doc is None
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.sample_button.isVisible()


def test_sample_flag_opens_the_sample_even_when_another_workshop_was_last(
    window, ctx, seed_workshop
):
    ctx.settings.set(SAMPLE_CREATED, True)
    ctx.settings.add_recent_file(str(seed_workshop))
    open_first(window, ctx, None, sample=True)
    assert window.path == ctx.workshop_dir / "orebro-2021-11-10.samverkan"
    assert len(window.doc.notes) == 216


def test_a_named_file_is_opened(window, ctx, seed_workshop):
    open_first(window, ctx, str(seed_workshop))
    assert window.path == seed_workshop


@pytest.mark.parametrize(
    "content", [None, b"", b"just text", b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_a_bad_file_gives_one_clear_message_and_the_start_page(
    window, ctx, interaction, tmp_path, content
):
    bad = tmp_path / "trasig.samverkan"
    if content is not None:
        bad.write_bytes(content)
    open_first(window, ctx, str(bad))

    assert len(interaction.messages) == 1
    [message] = interaction.errors()
    assert "\n" not in message and "Traceback" not in message and bad.name in message
    assert window.doc is None and window.stack.currentWidget() is window.start_page
    assert not (ctx.workshop_dir / "orebro-2021-11-10.samverkan").exists()


def test_swedish_standard_buttons_come_from_qts_own_translation(qapp):
    translators = install_translators(qapp, "sv")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Open
        )
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Avbryt", "Öppna"}
    finally:
        remove_translators(qapp, translators)


def test_english_translation_changes_the_menus(qapp, qtbot, ctx):
    translators = install_translators(qapp, "en")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        menus = [a.text().replace("&", "") for a in window.menuBar().actions() if a.isVisible()]
        assert menus == ["File", "Edit", "View", "Help"]  # "Sort" comes with an open workshop
        assert window.files.import_.text().replace("&", "") == "Import notes…"
        assert window.start_page.sample_button.text() == "Open the sample workshop"
    finally:
        remove_translators(qapp, translators)
    assert QCoreApplication.translate("MainWindow", "&Arkiv") == "&Arkiv"


def test_main_opens_the_file_and_returns_when_the_window_closes(
    qapp, ctx, seed_workshop, tmp_path, monkeypatch
):
    path = tmp_path / "kopia.samverkan"
    shutil.copyfile(seed_workshop, path)
    seen = []

    def close_it() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        seen.extend(w.windowTitle() for w in windows)
        for w in windows:
            w.close()

    QTimer.singleShot(200, close_it)
    # main() sets it for the whole process: set here first, so that the test leaves the
    # environment as it found it (a delenv of a name not set puts nothing back).
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "")
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL")
    assert app_module.main(str(path), ctx=ctx) == 0
    assert seen == ["kopia.samverkan — Fördjupningsdag om samverkan — Samverkan Desktop"]
    assert ctx.settings.recent_files() == [str(path.resolve())]
    # Qt's GUI thread pool is off for the program (see ui/app.py QT_ENVIRONMENT).
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"


def test_qt_settings_the_user_made_are_kept():
    environ = {"QT_NO_GUI_THREADPOOL": "0"}
    app_module.prepare_qt_environment(environ)
    assert environ == {"QT_NO_GUI_THREADPOOL": "0"}
    fresh: dict[str, str] = {}
    app_module.prepare_qt_environment(fresh)
    assert fresh == app_module.QT_ENVIRONMENT


def test_swedish_counts_say_one_lapp_and_many_lappar(qapp, qtbot, ctx, seed_workshop, type_text):
    translators = install_translators(qapp, "sv")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.open_path(seed_workshop)
        type_text(window.search_panel.field, "motesplats unga")
        assert window.search_panel.count.text() == "1 träff"
        type_text(window.search_panel.field, "\b" * 5)
        assert window.search_panel.count.text() == "5 träffar"
        window.close_document()
    finally:
        remove_translators(qapp, translators)


def test_an_escaped_error_is_shown_once_in_one_line(interaction, capsys):
    hook = app_module._excepthook(interaction)
    try:
        raise ValueError("trasigt värde\nmer detaljer")
    except ValueError as exc:
        for _ in range(3):  # e.g. the same failure on every repaint
            hook(type(exc), exc, exc.__traceback__)
    assert interaction.errors() == ["Ett oväntat fel: trasigt värde"]
    assert "Traceback" in capsys.readouterr().err  # still there for a bug report


def test_in_english_no_menu_or_panel_title_is_left_in_swedish(qapp, qtbot, ctx, seed_workshop):
    translators = install_translators(qapp, "en")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.open_path(seed_workshop)

        def texts(menu):
            for act in menu.actions():
                yield act.text()
                if act.menu() is not None:
                    yield from texts(act.menu())

        # The export formats' labels come from core's registry, which has no translations.
        formats = {a.text() for a in window.files.exports.values()}
        shown = [t for m in window.menuBar().actions() for t in texts(m.menu()) if t not in formats]
        shown += [d.windowTitle() for d in (window.search_dock, window.clusters_dock)]
        shown += [window.progress.label.text(), window.search_panel.field.placeholderText()]
        swedish = [t for t in shown if any(ch in t.lower() for ch in "åäö")]
        assert swedish == []
        assert "Group as cluster" in shown and "Undo" in shown
        window.close_document()
    finally:
        remove_translators(qapp, translators)
