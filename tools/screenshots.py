"""`make screenshots`: the user guide's pictures, taken from the real program.

The main window is started offscreen on the shipped sample (imported through the import preview
into a new workshop file, as a user does it), in Swedish and in English, and driven through the
states the guide describes; each is saved as docs/images/<language>/<name>.png. Everything the
program keeps (settings, workshops, backups) goes to a folder of its own under the system's
temporary folder, emptied first, so the pictures depend on nothing the user has set and come
out the same every run on the same machine (the same fonts and Qt).

    python tools/screenshots.py [--language sv|en] [--out DIR] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QPoint,
    QPointF,
    QRect,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from samverkan_desktop.core import store_backup
from samverkan_desktop.core.board import note_key
from samverkan_desktop.ui import commands as cmd
from samverkan_desktop.ui.context import AppContext, ScriptedInteraction
from samverkan_desktop.ui.dialogs.export_report import ExportReportDialog
from samverkan_desktop.ui.dialogs.import_preview import ImportPreviewDialog
from samverkan_desktop.ui.dialogs.move_to_cluster import MoveToClusterDialog
from samverkan_desktop.ui.dialogs.restore_backup import RestoreBackupDialog
from samverkan_desktop.ui.i18n import install_translators, remove_translators
from samverkan_desktop.ui.main_window import MainWindow
from samverkan_desktop.ui.placements import GhostNote
from samverkan_desktop.ui.settings import LANGUAGE, SAMPLE_CREATED, Settings
from samverkan_desktop.ui.workshop_files import SAMPLE_SOURCE

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.gettempdir()) / "samverkan-screenshots"
SIZE = (1280, 800)
LANGUAGES = ("sv", "en")
# The pictures the guide shows, in its order (tests/ui/test_user_guide.py holds the guides to it).
NAMES = (
    "start-page",
    "import-preview",
    "board",
    "cluster",
    "keyboard-focus",
    "move-to-cluster",
    "outline",
    "sort-menu",
    "suggestions",
    "place-rest",
    "theme-map",
    "export",
    "restore-backup",
    "high-contrast",
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TITLE_BAR = 28  # the title strip drawn above a dialog (offscreen windows have no frame)


def settle(ms: int = 60) -> None:
    """Let Qt lay out and paint (and timers fire) before a picture is taken."""
    # An event loop, not QTest.qWait: qWait keeps Python's GIL while it sleeps, so the
    # suggestions' worker thread ran six times slower while the tool waited for it.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as qWait does


def wait_until(ready: Callable[[], object], timeout_ms: int = 30_000) -> None:
    waited = 0
    while not ready():
        if waited > timeout_ms:
            raise RuntimeError("the program did not get there in time")
        settle(50)
        waited += 50


class Shots:
    """Takes and saves the pictures of one language."""

    def __init__(self, language: str, out: Path, only: set[str]) -> None:
        self.language = language
        self.folder = out / language
        self.folder.mkdir(parents=True, exist_ok=True)
        self.only = only
        self.saved: list[Path] = []

    def save(self, name: str, picture: QPixmap) -> None:
        assert name in NAMES, name
        if self.only and name not in self.only:
            return
        path = self.folder / f"{name}.png"
        if not small(picture.toImage()).save(str(path), "PNG"):
            raise RuntimeError(f"could not write {path}")
        self.saved.append(path)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def small(image: QImage) -> QImage:
    """The picture in 256 colours, a third of the PNG's size with no difference to the eye: a
    screenshot has few colours besides the anti-aliased shades between them. The table takes the
    most used colours first but skips one close to a colour already taken, so that a group's
    small colour swatch keeps its own hue instead of giving way to shades of grey. (Qt's own
    conversion uses a fixed table that shifts hues.)"""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(
        image.constBits(), dtype=np.uint32, count=image.bytesPerLine() // 4 * image.height()
    )
    colours, counts = np.unique(pixels, return_counts=True)
    colours = colours[np.argsort(-counts, kind="stable")]
    rgb = np.stack([(colours >> 16) & 255, (colours >> 8) & 255, colours & 255], axis=1)
    rgb = rgb.astype(np.int32)
    chosen: list[int] = []
    for gap in (24, 12, 6, -1):  # the first pass spreads the table; later ones fill it up
        for i in range(len(colours)):
            if len(chosen) == 256:
                break
            if i in chosen or (chosen and np.abs(rgb[chosen] - rgb[i]).max(axis=1).min() <= gap):
                continue
            chosen.append(i)
    table = [int(colours[i]) for i in chosen]
    return image.convertToFormat(
        QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.ThresholdDither
    )


def window_picture(window: QWidget, *above: QWidget) -> QPixmap:
    """The window with `above` (its dialogs, popups, menus) drawn where they are over it;
    a dialog gets a plain title strip with its title, as a window system would give it."""
    settle()
    picture = window.grab()
    painter = QPainter(picture)
    origin = window.mapToGlobal(QPoint(0, 0))
    for widget in above:
        shot = widget.grab()
        at = widget.mapToGlobal(QPoint(0, 0)) - origin
        if isinstance(widget, QDialog):
            at = centred(window, widget, at)
            title = QRect(at.x(), at.y() - TITLE_BAR, shot.width(), TITLE_BAR)
            frame = QRect(title.topLeft(), shot.rect().size()).adjusted(-1, -1, 1, TITLE_BAR + 1)
            painter.fillRect(frame.adjusted(3, 3, 3, 3), QColor(0, 0, 0, 60))  # a shadow
            painter.fillRect(frame, QColor("#3c3c3c"))
            painter.fillRect(title, QColor("#e6e6e6"))
            font = QFont(widget.font())
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#000000"))
            painter.drawText(
                title.adjusted(10, 0, -10, 0), Qt.AlignmentFlag.AlignVCenter, widget.windowTitle()
            )
        else:
            painter.setPen(QPen(QColor(0, 0, 0, 90)))
            painter.drawRect(QRect(at, shot.size()).adjusted(-1, -1, 0, 0))
        painter.drawPixmap(at, shot)
    painter.end()
    return picture


def centred(window: QWidget, dialog: QWidget, at: QPoint) -> QPoint:
    """Offscreen, a dialog may sit at the screen's corner: put it where a window system puts
    it, over the middle of its window (below the title strip)."""
    inside = QRect(QPoint(0, TITLE_BAR), window.size())
    if inside.contains(QRect(at, dialog.size())):
        return at
    x = max(0, (window.width() - dialog.width()) // 2)
    y = max(TITLE_BAR, (window.height() - dialog.height()) // 2)
    return QPoint(x, y)


def with_modal(kind: type, work: Callable[[QDialog], None]) -> list[QDialog]:
    """Let `work` handle the modal dialog of `kind` the next call opens (exec() runs inside
    that call, so this waits for it on a timer)."""
    seen: list[QDialog] = []
    tries = [0]

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            tries[0] += 1
            if tries[0] < 1500:
                QTimer.singleShot(20, look)
            return
        dialog.activateWindow()
        settle(150)
        seen.append(dialog)
        work(dialog)

    QTimer.singleShot(0, look)
    return seen


def key(widget: QWidget, which: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, which, modifiers)
    settle(30)


def activate(window: QWidget) -> None:
    window.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is window, 5000)


def make_context(folder: Path, language: str) -> AppContext:
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.set(LANGUAGE, language)
    settings.set(SAMPLE_CREATED, True)  # the start page, not the sample, on the first start
    return AppContext(settings, ScriptedInteraction(), workshop_dir=folder / "Samverkan")


def take_all(language: str, out: Path, only: set[str]) -> list[Path]:
    app = QApplication.instance()
    folder = WORK / language
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(WORK / "data", ignore_errors=True)
    (folder / "Samverkan").mkdir(parents=True)
    translators = install_translators(app, language)
    shots = Shots(language, out, only)
    ctx = make_context(folder, language)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    activate(window)
    try:
        scenario(window, folder, shots)
    finally:
        window.close()
        settle()
        remove_translators(app, translators)
    return shots.saved


def scenario(window: MainWindow, folder: Path, shots: Shots) -> None:
    shots.save("start-page", window_picture(window))

    # Arkiv › Importera anteckningar with nothing open: the preview, then a new workshop file.
    source = folder / "Samverkan" / SAMPLE_SOURCE.name
    shutil.copyfile(SAMPLE_SOURCE, source)

    def preview(dialog: QDialog) -> None:
        shots.save("import-preview", window_picture(window, dialog))
        dialog.import_button.click()

    seen = with_modal(ImportPreviewDialog, preview)
    window.files.import_path(source)
    assert seen and window.doc is not None, "the import made no workshop"
    settle(200)
    window.view.zoom_to_fit()
    shots.save("board", window_picture(window))
    # Placera resten before the example cluster: it then proposes the groups' own clusters.
    suggestions(window, shots)
    sort_by_mouse(window, shots)
    sort_by_keyboard(window, shots)
    panels(window, shots)
    export_and_backups(window, shots)
    looks(window, shots)


# The notes of the first group that the guide's example cluster is made of, and its name.
EXAMPLE = (
    "Inget nätverk",
    "Mötesplatser behövs för integration och samtal",
    "Svårt att få någon att handleda",
)
EXAMPLE_NAME = {"sv": "Nätverk och kontakter", "en": "Networks and contacts"}


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying `text` (QTest.keyClicks refuses "ä")."""
    for ch in text:
        code = ord(ch.upper()) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
        code = Qt.Key.Key_Space if ch == " " else code
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)
    settle(30)


def click_note(window: MainWindow, note_id: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    view = window.view
    item = window.scene.note_item(note_id)
    point = view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifiers, point)
    settle(30)


def sort_by_mouse(window: MainWindow, shots: Shots) -> None:
    """Three notes picked with Ctrl+click, Ctrl+G, the cluster named."""
    doc, view = window.doc, window.view
    by_text = {n.text: i for i, n in doc.notes.items()}
    ids = [by_text[t] for t in EXAMPLE]
    first_group = doc.note(ids[0]).group_id
    column = [i for i, n in doc.notes.items() if n.group_id == first_group]
    window.show_notes(column)
    view.set_zoom(0.75)
    view.centerOn(window.scene.note_item(ids[1]).sceneBoundingRect().center())
    window.scene.clearSelection()
    for i, note_id in enumerate(ids):
        click_note(window, note_id, CTRL if i else Qt.KeyboardModifier.NoModifier)
    activate(window)
    key(view, Qt.Key.Key_G, CTRL)
    editing = window.scene.active_editor()
    assert editing is not None, "Ctrl+G opened no name to type"
    key(view, Qt.Key.Key_Backspace)
    type_text(view, EXAMPLE_NAME[shots.language])
    key(view, Qt.Key.Key_Return)
    shots.save("cluster", window_picture(window))


# Backups at fixed times (the workshop's own day), so the restore dialog shows the same list
# every run; the ones the program took at the real time are set aside first.
BACKUP_TIMES = (
    dt.datetime(2021, 11, 10, 13, 5),
    dt.datetime(2021, 11, 10, 14, 20),
    dt.datetime(2021, 11, 10, 15, 40),
)
SEARCH = {"sv": "nät", "en": "net"}


def backup_at(window: MainWindow, moment: dt.datetime) -> None:
    store_backup.take_backup(window.doc.store, now=moment)


def sort_by_keyboard(window: MainWindow, shots: Shots) -> None:
    """Tab onto the board, arrows to a note (the ring), Ctrl+Shift+M, type, Enter."""
    view = window.view
    activate(window)
    window.scene.clearSelection()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    target = next(i for i, n in window.doc.notes.items() if n.text == "Motivation")
    for _ in range(40):
        if view.keys.key is not None and view.keys.key == note_key(target):
            break
        key(view, Qt.Key.Key_Right)
    shots.save("keyboard-focus", window_picture(window))

    def move(dialog: QDialog) -> None:
        type_text(dialog.filter, SEARCH[shots.language])
        shots.save("move-to-cluster", window_picture(window, dialog))
        key(dialog.filter, Qt.Key.Key_Return)

    seen = with_modal(MoveToClusterDialog, move)
    key(view, Qt.Key.Key_M, CTRL | SHIFT)
    assert seen, "Ctrl+Shift+M opened no dialog"
    settle(100)
    shots.save("sort-menu", sort_menu_picture(window))
    nothing_selected(window)


def sort_menu_picture(window: MainWindow) -> QPixmap:
    bar = window.menuBar()
    place = bar.actionGeometry(window.sort_menu.menuAction()).bottomLeft()
    window.sort_menu.popup(bar.mapToGlobal(place))
    settle(150)
    picture = window_picture(window, window.sort_menu)
    window.sort_menu.hide()
    settle()
    return picture


def nothing_selected(window: MainWindow) -> None:
    """No selection, no keyboard ring, no old status message: the suggestions then cover
    every group, and the next picture shows only what it is about."""
    window.scene.clearSelection()
    window.view.keys.clear()
    window.statusBar().clearMessage()
    settle()


def suggestions(window: MainWindow, shots: Shots) -> None:
    """Föreslå kluster (ghost frames), Placera resten (ghost notes and cards)."""
    actions = window.workspace.suggestions
    nothing_selected(window)
    activate(window)
    key(window, Qt.Key.Key_F, CTRL | SHIFT)
    wait_until(lambda: bool(actions.ghosts.frames))
    window.view.zoom_to_fit()
    shots.save("suggestions", window_picture(window))
    actions.ghosts.clear()

    nothing_selected(window)
    activate(window)
    key(window, Qt.Key.Key_P, CTRL | SHIFT)
    wait_until(lambda: bool(actions.placements.cards))
    ghost = min(
        (i for i in window.scene.items() if isinstance(i, GhostNote)),
        key=lambda i: (i.sceneBoundingRect().y(), i.sceneBoundingRect().x()),
    )
    view = window.view
    view.set_zoom(0.5)
    # Beside the panel, which covers the board's left part.
    shift = actions.placements.panel.width() / 2 / view.zoom()
    view.centerOn(ghost.sceneBoundingRect().center() - QPointF(shift, -120))
    settle(100)
    shots.save("place-rest", window_picture(window))
    actions.placements.clear()
    nothing_selected(window)


def panels(window: MainWindow, shots: Shots) -> None:
    """Visa › Temakarta and Visa › Disposition."""
    actions = window.workspace.suggestions
    dock = actions.theme_dock
    nothing_selected(window)
    window.view.zoom_to_fit()
    actions.theme_map.trigger()
    wait_until(lambda: bool(dock.map_scene.items()))
    window.resizeDocks([dock], [700], Qt.Orientation.Horizontal)  # as a reader widens it
    settle(300)
    dock.view.fit()
    shots.save("theme-map", window_picture(window))
    actions.theme_map.trigger()
    window.outline_dock.toggleViewAction().trigger()
    settle(300)
    shots.save("outline", window_picture(window))
    window.outline_dock.toggleViewAction().trigger()
    window.clusters_dock.raise_()
    settle()


def export_and_backups(window: MainWindow, shots: Shots) -> None:
    def export(dialog: QDialog) -> None:
        dialog.redact_box.setChecked(True)
        dialog.names_edit.setText("Kalle Ek, Stina Berg")
        shots.save("export", window_picture(window, dialog))
        dialog.reject()

    seen = with_modal(ExportReportDialog, export)
    window.files.export_report.trigger()
    assert seen, "Arkiv › Exportera rapport opened no dialog"

    for backup in store_backup.list_backups(window.path):
        backup.path.unlink()
    for moment in BACKUP_TIMES:
        backup_at(window, moment)
        note = window.doc.notes[min(window.doc.notes)]
        window.doc.push(cmd.SetVotesCommand(window.doc, {note.id: note.votes + 1}))

    def restore(dialog: QDialog) -> None:
        shots.save("restore-backup", window_picture(window, dialog))
        dialog.reject()

    seen = with_modal(RestoreBackupDialog, restore)
    window.files.restore.trigger()
    assert seen, "Arkiv › Återställ från säkerhetskopia opened no dialog"


def looks(window: MainWindow, shots: Shots) -> None:
    """Visa › Hög kontrast and Visa › Textstorlek › Större, at a readable zoom."""
    appearance = window.appearance
    appearance.high_contrast_action.trigger()
    appearance.larger.trigger()
    settle(200)
    name = EXAMPLE_NAME[shots.language]
    cluster = next(c for c, v in window.doc.clusters.items() if v.name == name)
    window.go_to_cluster(cluster)
    shots.save("high-contrast", window_picture(window))
    appearance.normal_size.trigger()
    appearance.high_contrast_action.trigger()
    settle()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--only", nargs="*", default=[], choices=NAMES)
    args = parser.parse_args(argv)
    # No screen, and a data folder of our own for the backups; no stray write reaches the
    # user's folders.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["SAMVERKAN_DATA_DIR"] = str(WORK / "data")
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # the same look on every system
    for language in args.language or LANGUAGES:
        print(f"{language}:")
        take_all(language, args.out, set(args.only))
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
