"""Help with the first sort on the board: suggested clusters, "Var hör lappen hemma?",
near-duplicates as links and the theme map, as QActions the main window puts in its menus.

The work runs on a thread pool (`SuggestionRunner`) from a snapshot of the document taken on the
UI thread, so SQLite is only touched there; a progress bar with Avbryt sits over the board, and
results come back on the UI thread as a queued signal.

Wiring (main window), for each open workshop:
    suggestions = SuggestionActions(view, doc, window)
    menu = window.menuBar().addMenu(window.tr("&Sortera"))
    menu.addActions(suggestions.all_actions())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, suggestions.theme_dock)
    suggestions.message.connect(window.statusBar().showMessage)
and `suggestions.close()` before the workshop's DocumentModel closes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
)

from ..core import model as m
from ..core.analysis import placement, suggest
from ..core.analysis.vectors import CancelledError
from .board.view import BoardView
from .document import DocumentModel
from .panels.theme_map import ThemeMapDock
from .placements import PlacementLayer, PlacementSession
from .suggest_items import GhostLayer
from .suggest_popups import AddLinksCommand, BelongPopup, DuplicatesDialog, move_into_cluster

Job = Callable[[Callable[[], bool], Callable[[int, int], None]], Any]


def snapshot(doc: DocumentModel) -> m.Document:
    """The whole document as plain data (`DocumentModel.snapshot`)."""
    return doc.snapshot()


# ----------------------------------------------------------------------------- the worker
class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Task(QRunnable):
    def __init__(self, job: Job, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.job, self.signals, self.stop = job, signals, stop

    def run(self) -> None:
        try:
            result = self.job(self.stop.is_set, self.signals.progress.emit)
        except CancelledError:
            self.signals.cancelled.emit()
        except Exception as exc:  # shown as one line; the board stays as it was
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)


class SuggestionRunner(QObject):
    """Runs one job at a time off the UI thread; its signals arrive on the UI thread."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    runningChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._stop: threading.Event | None = None
        self._signals: _Signals | None = None

    def is_running(self) -> bool:
        return self._stop is not None

    def start(self, job: Job) -> bool:
        if self.is_running():
            return False
        stop = threading.Event()
        signals = _Signals()  # lives on the UI thread: emits from the pool are queued here
        signals.progress.connect(self.progress)
        signals.finished.connect(lambda result: self._done(stop, self.finished, result))
        signals.failed.connect(lambda message: self._done(stop, self.failed, message))
        signals.cancelled.connect(lambda: self._done(stop, self.cancelled))
        self._stop, self._signals = stop, signals
        self.runningChanged.emit(True)
        self.pool.start(_Task(job, signals, stop))
        return True

    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.set()

    def _done(self, stop: threading.Event, signal: Any, *args: Any) -> None:
        if stop is not self._stop:
            return
        self._stop, self._signals = None, None
        self.runningChanged.emit(False)
        signal.emit(*args)

    def wait(self, msecs: int = 30_000) -> bool:
        return bool(self.pool.waitForDone(msecs))


class ProgressOverlay(QFrame):
    """A bar with Avbryt over the top of the board while the suggestions are worked out."""

    def __init__(self, view: BoardView, runner: SuggestionRunner) -> None:
        super().__init__(view)
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self.tr("Letar efter lappar som hör ihop …"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(180)
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.clicked.connect(runner.cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.progress.connect(self._progress)
        runner.runningChanged.connect(self._running)
        self.hide()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _running(self, running: bool) -> None:
        if not running:
            self.hide()
            return
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.adjustSize()
        self.move(max(8, (self.view.width() - self.width()) // 2), 8)
        self.show()
        self.raise_()


# ----------------------------------------------------------------------------- the actions
class SuggestionActions(QObject):
    """Föreslå kluster, Var hör lappen hemma?, Liknande lappar, Temakarta; and their ghosts."""

    message = Signal(str)  # one line for the status bar

    def __init__(
        self, view: BoardView, doc: DocumentModel, window: QMainWindow | None = None
    ) -> None:
        super().__init__(view)
        self.view, self.doc = view, doc
        self.scene = view.board()
        self.runner = SuggestionRunner(self)
        self.overlay = ProgressOverlay(view, self.runner)
        self.ghosts = GhostLayer(view, doc)
        self.placing = PlacementSession(doc)
        self.placements = PlacementLayer(view, doc, self.placing)
        self.theme_dock = ThemeMapDock(doc, window)
        self.theme_dock.themeActivated.connect(self.show_theme)
        self.theme_dock.hide()
        self.popup: BelongPopup | None = None
        self.dialog: DuplicatesDialog | None = None
        self._pending: Callable[[Any], None] | None = None
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(
            lambda text: self._say(self.tr("Förslagen misslyckades: {0}").format(text))
        )
        self.runner.cancelled.connect(lambda: self._say(self.tr("Avbrutet.")))

        self.suggest = self._make(
            self.tr("Föreslå kluster"), "Ctrl+Shift+F", self.suggest_unclustered
        )
        self.suggest.setToolTip(
            self.tr("Föreslå kluster för lapparna som inte ligger i något kluster")
        )
        self.suggest_all = self._make(
            self.tr("Föreslå kluster för alla lappar"), None, lambda: self.suggest_unclustered(True)
        )
        self.place_rest = self._make(self.tr("Placera resten"), "Ctrl+Shift+P", self.place_the_rest)
        self.place_rest.setToolTip(
            self.tr("Föreslå ett av gruppens egna kluster för varje lapp utan kluster")
        )
        self.clear = self._make(self.tr("Dölj förslagen"), None, self.ghosts.clear)
        self.belongs = self._make(
            self.tr("Var hör lappen hemma?"), "Ctrl+Shift+H", self.where_belongs
        )
        self.duplicates = self._make(
            self.tr("Liknande lappar i olika grupper …"), None, self.find_duplicates
        )
        self.theme_map = self.theme_dock.toggleViewAction()
        self.theme_map.setText(self.tr("Temakarta"))
        self.theme_map.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.scene.selectionChanged.connect(self.update_enabled)
        self.ghosts.changed.connect(self.update_enabled)
        self.runner.runningChanged.connect(self.update_enabled)
        self.update_enabled()

    def _make(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action

    def close(self) -> None:
        """Before the workshop closes: stop a run, wait for its thread, take the dock away."""
        self._pending = None  # a result still on its way is dropped
        self.runner.cancel()
        self.runner.wait()
        self.ghosts.clear()
        self.placements.clear()
        window = self.theme_dock.parentWidget()
        if isinstance(window, QMainWindow):
            window.removeDockWidget(self.theme_dock)
        self.theme_dock.deleteLater()

    def all_actions(self) -> list[QAction]:
        return [
            self.suggest,
            self.suggest_all,
            self.place_rest,
            self.clear,
            self.belongs,
            self.duplicates,
            self.theme_map,
        ]

    def update_enabled(self) -> None:
        if not shiboken6.isValid(self.scene):
            return
        busy = self.runner.is_running()
        for action in (self.suggest, self.suggest_all, self.duplicates):
            action.setEnabled(not busy and len(self.doc.notes) >= 2)
        self.place_rest.setEnabled(not busy and bool(self.doc.clusters))
        self.belongs.setEnabled(not busy and len(self.scene.selected_note_ids()) == 1)
        self.clear.setEnabled(bool(self.ghosts.frames))

    def _say(self, text: str) -> None:
        self.message.emit(text)

    def _run(self, job: Job, then: Callable[[Any], None]) -> bool:
        self._pending = then
        return self.runner.start(job)

    def _finished(self, result: Any) -> None:
        then, self._pending = self._pending, None
        if then is not None and shiboken6.isValid(self.scene):
            then(result)

    # ----------------------------------------------------------------- suggest clusters
    def suggest_unclustered(self, include_clustered: bool = False) -> bool:
        """Suggested clusters for the unclustered notes (of the selected notes' group, when
        they all come from one), shown as ghosts."""
        document = snapshot(self.doc)
        groups = {self.doc.note(i).group_id for i in self.scene.selected_note_ids()}
        group_id = groups.pop() if len(groups) == 1 else None

        def job(cancelled: Callable[[], bool], progress: Callable[[int, int], None]) -> Any:
            return suggest.suggest_clusters(
                document,
                group_id=group_id,
                include_clustered=include_clustered,
                cancelled=cancelled,
                progress=progress,
            )

        return self._run(job, lambda found: self._show_suggestions(found, group_id))

    def _show_suggestions(
        self, found: list[suggest.Suggestion], group_id: int | None = None
    ) -> None:
        self.ghosts.show(found)
        if found and group_id is not None and group_id in self.doc.groups:
            # Selected notes narrow the run to their group: say so, or it looks like a bug.
            self._say(
                self.tr(
                    "%n förslag bland lapparna från {group} (de markerade lapparnas grupp). "
                    "Godta, byt namn eller avvisa vart och ett.",
                    "",
                    len(found),
                ).format(group=self.doc.groups[group_id].name)
            )
        elif found:
            self._say(
                self.tr("%n förslag. Godta, byt namn eller avvisa vart och ett.", "", len(found))
            )
        else:
            self._say(self.tr("Inga förslag: för få lappar utan kluster, eller inga som hör ihop."))

    # ----------------------------------------------------------------- place the rest
    def place_the_rest(self) -> bool:
        """For every unclustered note (of the selected notes' group, when they all come from
        one), the best of its group's own clusters, shown as ghosts with their cards."""
        document = snapshot(self.doc)
        groups = {self.doc.note(i).group_id for i in self.scene.selected_note_ids()}
        group_id = groups.pop() if len(groups) == 1 else None
        rejected = set(self.placing.rejected)

        def job(cancelled: Callable[[], bool], progress: Callable[[int, int], None]) -> Any:
            return placement.place_rest(document, group_id=group_id, rejected=rejected)

        return self._run(job, self._show_placements)

    def _show_placements(self, found: list[placement.NotePlacement]) -> None:
        self.placements.show(found)
        above = len(self.placements.above_threshold())
        if found:
            self._say(
                self.tr(
                    "%n lappar har ett förslag; {above} når gränsen. Godta alla, en i taget "
                    "eller avvisa.",
                    "",
                    len(found),
                ).format(above=above)
            )
        else:
            self._say(
                self.tr("Inget att placera: inga lappar utan kluster i en grupp med egna kluster.")
            )

    # ----------------------------------------------------------------- one note
    def where_belongs(self) -> bool:
        notes = self.scene.selected_note_ids()
        if len(notes) != 1:
            return False
        note_id = notes[0]
        document = snapshot(self.doc)

        def job(cancelled: Callable[[], bool], progress: Callable[[int, int], None]) -> Any:
            return suggest.where_does_it_belong(document, note_id)

        return self._run(job, lambda places: self._show_places(note_id, places))

    def _show_places(self, note_id: int, places: list[suggest.Placement]) -> None:
        if note_id not in self.doc.notes:
            return
        places = [p for p in places if p.cluster_id in self.doc.clusters]
        popup = BelongPopup(self.doc, note_id, places, self.view)
        popup.chosen.connect(lambda cid: self.move_note(note_id, cid))
        item = self.scene.note_item(note_id)
        anchor = QPoint(20, 20)
        if item is not None:
            anchor = self.view.mapFromScene(item.scene_rect().topRight())
        self.popup = popup
        popup.show_at(self.view.viewport().mapToGlobal(anchor))

    def move_note(self, note_id: int, cluster_id: int) -> None:
        if note_id in self.doc.notes and cluster_id in self.doc.clusters:
            self.doc.push(move_into_cluster(self.doc, note_id, cluster_id))
            self.scene.select_notes([note_id])

    # ----------------------------------------------------------------- near-duplicates
    def find_duplicates(self) -> bool:
        document = snapshot(self.doc)

        def job(cancelled: Callable[[], bool], progress: Callable[[int, int], None]) -> Any:
            return suggest.near_duplicates(document, cancelled=cancelled, progress=progress)

        return self._run(job, self._show_duplicates)

    def _show_duplicates(self, proposals: list[suggest.LinkProposal]) -> None:
        proposals = [
            p
            for p in proposals
            if p.link.source in self.doc.notes and p.link.target in self.doc.notes
        ]
        dialog = DuplicatesDialog(self.doc, proposals, self.view.window())
        dialog.accepted.connect(lambda: self.link(dialog.checked_links()))
        self.dialog = dialog
        dialog.open()

    def link(self, links: list[m.Link]) -> None:
        if links:
            self.doc.push(AddLinksCommand(self.doc, links))

    # ----------------------------------------------------------------- theme map
    def show_theme(self, cluster_id: int) -> None:
        if cluster_id in self.doc.clusters:
            self.scene.select_clusters([cluster_id])
            self.view.center_on_cluster(cluster_id)


__all__ = ["SuggestionActions", "SuggestionRunner", "snapshot"]
