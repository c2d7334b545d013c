"""Visa › Hög kontrast and Visa › Textstorlek: how this user wants to see the app and the board.

Both are the reader's preferences (settings), not the workshop's: they change how the board is
drawn, never what the workshop says. High contrast gives the whole application a black-on-white
palette with a strong selection colour and draws the board in `palette.BoardLook(high_contrast)`;
until the user chooses, it follows the system's contrast setting where Qt can read it
(`QStyleHints.accessibility().contrastPreference()`). The text size multiplies the system's own
text size (metrics.system_scale) for the notes' text.

Larger text makes notes taller. A taller note may reach into the note below it, and the board
promises that nothing overlaps, so the notes in the way move (core.board.gestures.resize_notes,
the rule a note that grows by editing uses). Those new places are written to the file, outside
the undo history: they are not an edit anyone would undo (undoing would only make notes overlap
again), and the places must be in the file because every gesture, export and the next opening
read them there. Only what is in the way moves, and only when it is; going back to a smaller
size shrinks the notes and moves nothing. A read-only workshop keeps its places.

An undo step made before the text grew puts things back where they were at the smaller size,
which a grown note may now cover: after each undo or redo at a larger size, what overlaps makes
room the same way.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from ..core.board import gestures, violations
from ..core.store import StoreError
from . import versions
from .board import metrics as mt
from .board import palette as pal
from .document import DocumentModel
from .settings import HIGH_CONTRAST, TEXT_SIZE, Settings

_FOLLOWED = "samverkanLookFollowsUndo"  # a DocumentModel property: its undo steps are watched
# Visa › Textstorlek steps, in percent of the normal note text.
TEXT_STEPS = (85, 100, 115, 130, 150, 175, 200)
# Not Ctrl++ / Ctrl+- (zoom) nor + / - (dot votes): Ctrl+> and Ctrl+< as in word processors.
LARGER_KEYS = "Ctrl+>"
SMALLER_KEYS = "Ctrl+<"


def system_high_contrast() -> bool:
    """Whether the system asks for high contrast (False where Qt cannot tell)."""
    if QGuiApplication.instance() is None:
        return False
    # Hold the style hints while asking: PySide6 6.11 deletes the accessibility hints when
    # they are reached through a temporary (app.styleHints().accessibility()).
    style_hints = QGuiApplication.styleHints()
    accessibility = style_hints.accessibility()
    return accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast


def high_contrast_palette() -> QPalette:
    """Black on white everywhere, a dark blue selection with white text (all 7:1 or more)."""
    black, white = QColor("#000000"), QColor("#FFFFFF")
    p = QPalette()
    roles = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in (
            (roles.Window, white),
            (roles.WindowText, black),
            (roles.Base, white),
            (roles.AlternateBase, QColor("#EDEDED")),
            (roles.Text, black),
            (roles.Button, white),
            (roles.ButtonText, black),
            (roles.BrightText, black),
            (roles.Light, white),
            (roles.Midlight, QColor("#DDDDDD")),
            (roles.Mid, black),
            (roles.Dark, black),
            (roles.Shadow, black),
            (roles.Highlight, pal.HC_ACCENT),
            (roles.HighlightedText, white),
            (roles.ToolTipBase, white),
            (roles.ToolTipText, black),
            (roles.PlaceholderText, QColor("#3D3D3D")),
            (roles.Link, pal.HC_ACCENT),
            (roles.LinkVisited, QColor("#5A0A8C")),
            (roles.Accent, pal.HC_ACCENT),
        ):
            p.setColor(group, role, colour)
    disabled = QColor("#595959")  # still 7:1 on white: a disabled entry must be readable too
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.PlaceholderText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    for role, colour in (
        (roles.Window, white),
        (roles.Base, white),
        (roles.Button, white),
        (roles.Highlight, QColor("#595959")),
        (roles.HighlightedText, white),
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, colour)
    return p


class Appearance(QObject):
    """The Visa menu's look entries, the setting behind them, and applying them."""

    # The look changed: the window applies it to the open board (apply_to).
    changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._normal: tuple[QPalette, str] | None = None  # the app's palette and style before
        self.high_contrast_action = QAction(self.tr("Hög kontrast"), self)
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.toggled.connect(self._choose_high_contrast)
        self.larger = QAction(self.tr("Större"), self)
        self.larger.setShortcut(QKeySequence(LARGER_KEYS))
        self.larger.triggered.connect(lambda: self._step(+1))
        self.smaller = QAction(self.tr("Mindre"), self)
        self.smaller.setShortcut(QKeySequence(SMALLER_KEYS))
        self.smaller.triggered.connect(lambda: self._step(-1))
        self.normal_size = QAction(self.tr("Normal"), self)
        self.normal_size.triggered.connect(lambda: self._set_size(100))
        self.text_menu: QMenu | None = None
        if QGuiApplication.instance() is not None:
            self._style_hints = QGuiApplication.styleHints()
            self._accessibility = self._style_hints.accessibility()
            self._accessibility.contrastPreferenceChanged.connect(self._system_changed)
        self._sync_actions()
        self._apply_app()

    # ----------------------------------------------------------------- what is chosen
    def high_contrast(self) -> bool:
        chosen = str(self.settings.get(HIGH_CONTRAST)).strip().lower()
        if chosen in ("on", "off"):
            return chosen == "on"
        return system_high_contrast()

    def text_size(self) -> int:
        """Visa › Textstorlek in percent, one of TEXT_STEPS."""
        try:
            wanted = int(self.settings.get(TEXT_SIZE))
        except (TypeError, ValueError):
            return 100
        return min(TEXT_STEPS, key=lambda s: abs(s - wanted))

    def text_scale(self) -> float:
        return round(self.text_size() / 100 * mt.system_scale(), 3)

    def look(self) -> pal.BoardLook:
        return pal.BoardLook(self.high_contrast(), self.text_scale())

    # ----------------------------------------------------------------- menu
    def fill_menu(self, menu: QMenu) -> None:
        """Hög kontrast and the Textstorlek submenu, at the end of `menu`."""
        menu.addAction(self.high_contrast_action)
        self.text_menu = menu.addMenu(self.tr("Textstorlek"))
        for action in (self.larger, self.smaller, self.normal_size):
            self.text_menu.addAction(action)

    def _choose_high_contrast(self, on: bool) -> None:
        if on == self.high_contrast():
            return
        self.settings.set(HIGH_CONTRAST, "on" if on else "off")
        self._apply_app()
        self.changed.emit()

    def _system_changed(self, *_: object) -> None:
        self._sync_actions()
        self._apply_app()
        self.changed.emit()

    def _step(self, direction: int) -> None:
        i = TEXT_STEPS.index(self.text_size()) + direction
        if 0 <= i < len(TEXT_STEPS):
            self._set_size(TEXT_STEPS[i])

    def _set_size(self, percent: int) -> None:
        if percent == self.text_size():
            return
        self.settings.set(TEXT_SIZE, percent)
        self._sync_actions()
        self.changed.emit()

    def _sync_actions(self) -> None:
        self.high_contrast_action.blockSignals(True)
        self.high_contrast_action.setChecked(self.high_contrast())
        self.high_contrast_action.blockSignals(False)
        size = self.text_size()
        self.larger.setEnabled(size < TEXT_STEPS[-1])
        self.smaller.setEnabled(size > TEXT_STEPS[0])
        self.normal_size.setEnabled(size != 100)

    # ----------------------------------------------------------------- applying
    def _apply_app(self) -> None:
        """The application's palette: high contrast, or back to what it was."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if self.high_contrast():
            if self._normal is None:
                self._normal = (QPalette(app.palette()), app.style().name())
            app.setStyle("Fusion")  # the platform styles ignore parts of the palette
            app.setPalette(high_contrast_palette())
        elif self._normal is not None:
            palette, style = self._normal
            self._normal = None
            app.setStyle(style)
            app.setPalette(palette)

    def restore(self) -> None:
        """Give the application its own palette back (the window is closing)."""
        if self._normal is not None:
            app = QApplication.instance()
            palette, style = self._normal
            self._normal = None
            if isinstance(app, QApplication):
                app.setStyle(style)
                app.setPalette(palette)

    def apply_to(self, doc: DocumentModel, scene: object) -> None:
        """Draw the open board in the chosen look: the notes' heights follow the text size in
        the document and on the board, and what a taller note would cover makes room."""
        look = self.look()
        # Measuring every note again takes a second at 10,000 notes: say that it is working.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            grown = doc.set_note_height(partial(mt.note_height, scale=look.text_scale))
            scene.set_look(look)  # type: ignore[attr-defined]
            if grown:
                make_room(doc, grown)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not doc.property(_FOLLOWED):
            doc.setProperty(_FOLLOWED, True)
            doc.undo_stack.indexChanged.connect(lambda _i, d=doc: self._after_step(d))

    def _after_step(self, doc: DocumentModel) -> None:
        """After an undo or redo at a larger text size: what now overlaps makes room."""
        if self.text_scale() <= 1.0 or doc.read_only or not violations(doc.board, limit=1):
            return
        make_room(doc, [i for i in doc.notes if doc.board.note(i).h > mt.NOTE_H])


def make_room(doc: DocumentModel, note_ids: list[int]) -> None:
    """Move what the notes `note_ids` (whose height just changed) now cover, in one write
    outside the undo history (see the module's docstring); nothing when nothing is covered."""
    if doc.read_only:
        return
    heights = {i: doc.board.note(i).h for i in note_ids}
    changes = gestures.resize_notes(doc.board, heights).changes()
    notes: dict[int, dict[str, Any]] = {
        i: {f: c[f] for f in ("x", "y") if f in c}
        for i, c in changes.notes.items()
        if i >= 0 and ("x" in c or "y" in c)
    }
    clusters: dict[int, dict[str, Any]] = {
        i: {f: c[f] for f in ("x", "y", "width", "height") if f in c}
        for i, c in changes.clusters.items()
        if i >= 0 and any(f in c for f in ("x", "y", "width", "height"))
    }
    if not notes and not clusters:
        return
    store = doc.store
    try:
        with versions.own_writes(doc):
            if notes:
                store.update_notes(notes)
            if clusters:
                store.update_clusters(clusters)
    except StoreError as exc:  # the file went away or cannot be written: say so
        doc.report_error(exc)
