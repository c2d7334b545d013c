"""The main window: the board in the middle, search and clusters beside it, menus, status bar.

The window owns at most one open workshop (a `DocumentModel`) and the board built on it. Every
change is written to the file when it is made; the window only adds what belongs to the user
rather than the workshop: its geometry and dock layout (settings) and, on leaving a workshop,
the board's zoom and centre (the workshop's meta, so they travel with the file).
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.messages import describe
from ..core.store import SUFFIX, DamagedFile, Store, StoreError
from . import commands
from .appearance import Appearance
from .board.actions import BoardActions
from .board.scene import BoardScene
from .board.view import BoardView
from .context import AppContext
from .dialogs.about import AboutDialog
from .dialogs.shortcut_sheet import ShortcutSheet, menu_sections
from .dialogs.user_guide import UserGuide, guide_path
from .document import DocumentModel
from .file_actions import FileActions
from .i18n import LANGUAGES, current_language, system_language, ui_language
from .panels.clusters_panel import ClustersPanel
from .panels.outline import OutlinePanel
from .panels.progress import ProgressIndicator
from .panels.search_panel import SearchPanel
from .panels.start_page import StartPage
from .presence import PresenceBar
from .read_only import ReadOnlyMode
from .settings import LANGUAGE, WINDOW_GEOMETRY, WINDOW_STATE
from .shared_workshop import SharedWorkshops
from .workspace import VIEW_META_KEY, Workspace

APP_NAME = "Samverkan Desktop"
SIDE_PANEL_WIDTH = 330
__all__ = ["APP_NAME", "VIEW_META_KEY", "MainWindow"]


def _native(keys: QKeySequence) -> str:
    """A key sequence in the words the menus use (Qt's translation: "Skift" / "Shift")."""
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def _redo_keys() -> list[QKeySequence]:
    """Ctrl+Y and Ctrl+Shift+Z both redo on every platform (Windows and Mac/Linux habits), the
    platform's own first: that one is what the menu shows."""
    keys = [QKeySequence(QKeySequence.StandardKey.Redo)]
    for wanted in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")):
        if wanted not in keys:
            keys.append(wanted)
    return keys


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.workspace: Workspace | None = None
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.start_page = StartPage()
        self.start_page.sampleRequested.connect(lambda: self.files.open_sample())
        self.start_page.openRequested.connect(lambda: self.files.open_dialog())
        self.start_page.newRequested.connect(lambda: self.files.new_workshop())
        self.start_page.importRequested.connect(lambda: self.files.import_source())
        self.start_page.recentRequested.connect(lambda p: self.open_path(Path(p)))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        # The read-only banner sits above the board while the file is another's to write.
        self.read_only_mode = ReadOnlyMode(self)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_mode.banner)
        column.addWidget(self.stack)
        self.setCentralWidget(central)

        self.undo_group = QUndoGroup(self)
        self.files: FileActions = FileActions(self, ctx)  # typed: the lambdas above use it
        # Arkiv › Öppna delad workshop… and Publicera på server… (a PostgreSQL server).
        self.shared = SharedWorkshops(self, ctx)
        self.files.needs_document.append(self.shared.publish)
        # Visa › Hög kontrast and Textstorlek: the user's look, for the app and the board.
        self.appearance = Appearance(ctx.settings, self)
        self.appearance.changed.connect(self._apply_look)
        self._make_docks()
        self._make_menus()
        self._make_toolbar()
        self._start_page_docks: dict[QDockWidget, bool] | None = None
        self.progress = ProgressIndicator()
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setToolTip(
            self.tr("Zoom ({ctrl}hjul; {fit} visar hela tavlan)").format(
                ctrl=_native(QKeySequence(Qt.KeyboardModifier.ControlModifier.value)),
                fit=_native(QKeySequence("Ctrl+0")),
            )
        )
        # Who else has a shared workshop open (hidden on a file, and while nobody else is).
        self.presence_bar = PresenceBar()
        self.statusBar().addPermanentWidget(self.presence_bar)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().setSizeGripEnabled(True)
        self._restore_window()
        self._show_document_state()

    # ----------------------------------------------------------------- construction
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _make_docks(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.search_panel = SearchPanel()
        self.search_panel.highlightChanged.connect(self._on_highlight)
        self.search_panel.groupFilterChanged.connect(self._on_group_filter)
        self.search_panel.hitRequested.connect(lambda note_id: self.show_notes([note_id]))
        self.search_dock = self._dock(
            "searchDock", self.tr("Sök och filtrera"), self.search_panel, left
        )

        self.clusters_panel = ClustersPanel()
        self.clusters_panel.clusterActivated.connect(self.go_to_cluster)
        self.clusters_panel.renameRequested.connect(self._rename_cluster)
        self.clusters_dock = self._dock(
            "clustersDock", self.tr("Kluster"), self.clusters_panel, left
        )

        # Disposition: the whole workshop as a tree, a full alternative to the board.
        self.outline_panel = OutlinePanel()
        self.outline_panel.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.outline_dock = self._dock(
            "outlineDock", self.tr("Disposition"), self.outline_panel, left
        )
        self.tabifyDockWidget(self.clusters_dock, self.outline_dock)  # it lists them too
        self.outline_dock.hide()

        self.undo_view = QUndoView(self.undo_group)
        self.undo_view.setEmptyLabel(self.tr("Utgångsläge"))
        self.undo_view.setAccessibleName(self.tr("Historik"))
        self.history_dock = self._dock(
            "historyDock",
            self.tr("Historik"),
            self.undo_view,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.history_dock.hide()
        # Wide enough for a group's name beside its count; saved layouts override this.
        self.resizeDocks([self.search_dock], [SIDE_PANEL_WIDTH], Qt.Orientation.Horizontal)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Arkiv"))
        self.files.fill_menu(self.file_menu)
        self.shared.fill_menu(self.file_menu, self.files.sample, self.files.save_copy)

        self.edit_menu = bar.addMenu(self.tr("&Redigera"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("Ångra"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Gör om"))
        self.redo_action.setShortcuts(_redo_keys())
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.files.paste_notes)
        self.find_action = QAction(self.tr("&Sök bland lapparna"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.edit_menu.addAction(self.find_action)
        self._board_menu_actions: list[QAction] = []

        self.sort_menu = bar.addMenu(self.tr("&Sortera"))
        self.sort_menu.menuAction().setVisible(False)

        self.view_menu = bar.addMenu(self.tr("&Visa"))
        self._view_board_anchor = self.view_menu.addSeparator()
        for dock in (self.search_dock, self.clusters_dock, self.outline_dock, self.history_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.outline_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.outline_dock.toggleViewAction().triggered.connect(self._outline_toggled)
        self._view_docks_anchor = self.view_menu.addSeparator()
        self.language_menu = language_menu = self.view_menu.addMenu(self.tr("Språk"))
        group = QActionGroup(self)
        current = self.ctx.settings.get(LANGUAGE)
        current = current if current in LANGUAGES else ""  # "": follow the system
        follow = self.tr("Som datorn ({language})").format(language=LANGUAGES[system_language()])
        for code, label in [("", follow), *LANGUAGES.items()]:
            act = language_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.triggered.connect(lambda _=False, c=code: self._set_language(c))
            group.addAction(act)

        self.view_menu.addSeparator()
        self.appearance.fill_menu(self.view_menu)

        self.help_menu = bar.addMenu(self.tr("&Hjälp"))
        # No shortcut: F1 is Kortkommandon; Alt+H, A reaches it from the keyboard.
        self.guide_action = self.help_menu.addAction(self.tr("&Användarhandbok"), self.show_guide)
        self.user_guide: UserGuide | None = None
        self.shortcuts_action = QAction(self.tr("&Kortkommandon"), self)
        self.shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.about_action = self.help_menu.addAction(self.tr("Om Samverkan Desktop"), self._about)
        self.shortcut_sheet: ShortcutSheet | None = None

    def _make_toolbar(self) -> None:
        self.toolbar = self.addToolBar(self.tr("Verktygsfält"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Short, fixed texts here; the Edit menu's undo/redo name the action they undo.
        self.undo_button = QAction(self.tr("Ångra"), self)
        self.undo_button.triggered.connect(self.undo_group.undo)
        self.undo_group.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QAction(self.tr("Gör om"), self)
        self.redo_button.triggered.connect(self.undo_group.redo)
        self.undo_group.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.toolbar.addAction(self.files.import_)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_button)
        self.toolbar.addAction(self.redo_button)
        self._toolbar_board_anchor = self.toolbar.addSeparator()
        self._board_toolbar_actions: list[QAction] = []

    # ----------------------------------------------------------------- the open workshop
    @property
    def doc(self) -> DocumentModel | None:
        return self.workspace.doc if self.workspace else None

    @property
    def path(self) -> Path | None:
        return self.workspace.path if self.workspace else None

    @property
    def scene(self) -> BoardScene | None:
        return self.workspace.scene if self.workspace else None

    @property
    def view(self) -> BoardView | None:
        return self.workspace.view if self.workspace else None

    @property
    def board_actions(self) -> BoardActions | None:
        return self.workspace.actions if self.workspace else None

    def open_path(self, path: Path) -> bool:
        """Open a workshop file in this window; on failure say why and keep what was shown."""
        path = Path(path)
        if self.path is not None and path.resolve() == self.path.resolve():
            return True
        try:
            # Read-only, with the reason, when another program or window has it for writing.
            store, read_only = self.read_only_mode.open_store(path)
            # The model reads every note now: damage that only shows when a value is read
            # (text that is not UTF-8) is found here, before anything is shown or replaced.
            workspace = self._workspace_for(store, path)
        except StoreError as exc:
            if isinstance(exc, DamagedFile):  # never overwritten; its newest backup is offered
                return self.files.open_damaged(path, describe(exc, current_language()))
            self.ctx.interaction.critical(
                self.tr("Kan inte öppna workshoppen"), describe(exc, current_language())
            )
            self.ctx.settings.remove_recent_file(str(path.resolve()))
            self.refresh_start_page()
            return False
        if read_only is not None:
            workspace.set_read_only(read_only)
        self.close_document()
        self.workspace = workspace
        self._attach(self.workspace)
        self.ctx.settings.add_recent_file(str(path.resolve()))
        self._show_document_state()
        if self.isVisible():
            self.workspace.restore_view_state()
        doc = self.workspace.doc
        opened = self.tr("Öppnade {name}: {notes} lappar från {groups} grupper").format(
            name=path.name, notes=len(doc.notes), groups=len(doc.groups)
        )
        if doc.store.co_writers():  # another window of this machine edits it too
            opened = self.tr(
                "Öppnade {name}, som också är öppen för redigering i ett annat fönster på den här "
                "datorn: ni ser varandras ändringar direkt."
            ).format(name=path.name)
        self.statusBar().showMessage(opened, 8000)
        return True

    def open_shared(self, store: Store) -> bool:
        """Show a workshop on a server (open in `store`, which this takes over) in this window;
        on failure say why and keep what was shown."""
        try:
            workspace = self._workspace_for(store, store.path)
        except StoreError as exc:
            self.ctx.interaction.critical(
                self.tr("Kan inte öppna workshoppen"), describe(exc, current_language())
            )
            return False
        self.close_document()
        self.workspace = workspace
        self._attach(workspace)
        self._show_document_state()
        if self.isVisible():
            workspace.restore_view_state()
        self.statusBar().showMessage(
            self.tr("Öppnade {name} på {server}: {notes} lappar från {groups} grupper").format(
                name=store.path.name,
                server=store.url,
                notes=len(workspace.doc.notes),
                groups=len(workspace.doc.groups),
            ),
            8000,
        )
        return True

    def _workspace_for(self, store: Store, path: Path) -> Workspace:
        try:
            return Workspace(store, path, self)
        except StoreError:
            store.close()
            raise

    def close_document(self) -> None:
        """Leave the open workshop (its view is kept in the file) and show the start page."""
        workspace = self.workspace
        if workspace is None:
            return
        self._detach(workspace)
        self.workspace = None
        workspace.close()
        self._show_document_state()

    def save_view_state(self) -> None:
        if self.workspace is not None:
            self.workspace.save_view_state()

    def _attach(self, ws: Workspace) -> None:
        self.appearance.apply_to(ws.doc, ws.scene)
        self.stack.addWidget(ws.view)
        self.stack.setCurrentWidget(ws.view)
        self.undo_group.addStack(ws.doc.undo_stack)
        self.undo_group.setActiveStack(ws.doc.undo_stack)
        self._install_board_actions(ws.actions)
        ws.problem.connect(lambda text: self.statusBar().showMessage(text, 10000))
        ws.readOnlyChanged.connect(self.read_only_mode.update)
        ws.readOnlyChanged.connect(self._update_title)
        ws.scene.clusterCreated.connect(self.clusters_panel.select_cluster)
        ws.scene.selectionChanged.connect(self._follow_board_selection)
        ws.view.zoomChanged.connect(self._show_zoom)
        ws.doc.workshopChanged.connect(self._update_title)
        self._install_suggestions(ws)
        for panel in (self.search_panel, self.clusters_panel, self.progress):
            panel.set_document(ws.doc)
        self.outline_panel.set_board(ws.doc, ws.scene, ws.view)
        self.presence_bar.attach(ws.doc, ws.scene)

    def _detach(self, ws: Workspace) -> None:
        self.presence_bar.detach()
        for panel in (self.search_panel, self.clusters_panel, self.progress):
            panel.set_document(None)
        self.outline_panel.set_board(None)
        for act in self._board_menu_actions:
            self.edit_menu.removeAction(act)
            self.view_menu.removeAction(act)
            self.sort_menu.removeAction(act)
        for act in self._board_toolbar_actions:
            self.toolbar.removeAction(act)
        self._board_menu_actions = []
        self._board_toolbar_actions = []
        # removeAction, not clear(): clear() deletes actions it thinks it owns.
        for act in ws.suggestions.all_actions():
            self.sort_menu.removeAction(act)
            self.view_menu.removeAction(act)
        self.sort_menu.menuAction().setVisible(False)
        self.undo_group.removeStack(ws.doc.undo_stack)
        self.stack.removeWidget(ws.view)
        self.stack.setCurrentWidget(self.start_page)

    def _install_board_actions(self, actions: BoardActions) -> None:
        # The view already holds these (their shortcuts), and its right-click menu shows them.
        added: list[QAction] = []
        for act in [*actions.context_menu_actions(), None, actions.select_all]:
            if act is None:
                added.append(self.edit_menu.addSeparator())
            else:
                self.edit_menu.addAction(act)
                added.append(act)
        for act in (actions.zoom_to_fit, actions.zoom_100, actions.zoom_in, actions.zoom_out):
            self.view_menu.insertAction(self._view_board_anchor, act)
            added.append(act)
        # Sortera starts with the keyboard's way into a cluster; the suggestions follow.
        self.sort_menu.addAction(actions.move_to_cluster)
        added += [actions.move_to_cluster, self.sort_menu.addSeparator()]
        self._board_menu_actions = added
        for act in (actions.new_note, actions.group_as_cluster, None, actions.zoom_to_fit):
            if act is None:
                self._board_toolbar_actions.append(self.toolbar.addSeparator())
            else:
                self.toolbar.addAction(act)
                self._board_toolbar_actions.append(act)

    def _install_suggestions(self, ws: Workspace) -> None:
        suggestions = ws.suggestions
        self.sort_menu.addActions(suggestions.all_actions())
        self.sort_menu.menuAction().setVisible(True)
        self.view_menu.insertAction(self._view_docks_anchor, suggestions.theme_map)
        suggestions.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        dock = suggestions.theme_dock
        dock.view.setAccessibleName(self.tr("Temakarta"))
        # Made per workshop, after the window restored its layout: put it back where it was.
        if not self.restoreDockWidget(dock):
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()

            def first_shown(visible: bool) -> None:
                if visible:  # as wide as the panels on the left, not half the board
                    dock.visibilityChanged.disconnect(first_shown)
                    self.resizeDocks([dock], [SIDE_PANEL_WIDTH], Qt.Orientation.Horizontal)

            dock.visibilityChanged.connect(first_shown)

    def go_to_cluster(self, cluster_id: int) -> None:
        if self.workspace is not None:
            self.workspace.go_to_cluster(cluster_id)

    def show_notes(self, note_ids: list[int]) -> None:
        if self.workspace is not None:
            self.workspace.show_notes(note_ids)

    def _follow_board_selection(self) -> None:
        ws = self.workspace
        if ws is None or not shiboken6.isValid(ws.scene):
            return  # a scene being torn down still reports its selection going away
        cluster = ws.selected_cluster()
        if cluster is not None:
            self.clusters_panel.select_cluster(cluster)

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def _outline_toggled(self, shown: bool) -> None:
        if shown:  # from the keyboard too: the tree takes it
            self.outline_dock.raise_()
            self.outline_panel.tree.setFocus()

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.field.setFocus()
        self.search_panel.field.selectAll()

    def _on_highlight(self, ids: frozenset[int] | None) -> None:
        if self.scene is not None:
            self.scene.set_highlight(ids)

    def _on_group_filter(self, ids: frozenset[int] | None) -> None:
        if self.scene is not None:
            self.scene.set_group_filter(ids)

    def _rename_cluster(self, cluster_id: int, name: str) -> None:
        if self.doc is not None:
            self.doc.push(commands.RenameClusterCommand(self.doc, cluster_id, name))

    # ----------------------------------------------------------------- what the window shows
    def _show_document_state(self) -> None:
        has_doc = self.doc is not None
        self.files.update_enabled(has_doc)
        # A workshop on a server has no backups of the program's own to restore (backups.py).
        on_server = self.doc is not None and self.doc.store.url is not None
        self.files.restore.setEnabled(has_doc and not on_server)
        self.find_action.setEnabled(has_doc)
        for dock in (self.search_dock, self.clusters_dock, self.outline_dock):
            dock.widget().setEnabled(has_doc)
        self.zoom_label.setVisible(has_doc)
        self.toolbar.setVisible(has_doc)
        if not has_doc:
            self.stack.setCurrentWidget(self.start_page)
            self.refresh_start_page()
        self._docks_for_start_page(not has_doc)
        self.read_only_mode.update()
        self._update_title()

    def _docks_for_start_page(self, start: bool) -> None:
        """Empty panels beside the start page are noise: hide them, and bring them back as the
        user left them when a workshop opens."""
        docks = (self.search_dock, self.clusters_dock, self.outline_dock, self.history_dock)
        if start and self._start_page_docks is None:
            self._start_page_docks = {d: not d.isHidden() for d in docks}
            for dock in docks:
                dock.hide()
        elif not start and self._start_page_docks is not None:
            for dock, visible in self._start_page_docks.items():
                dock.setVisible(visible)
            self._start_page_docks = None

    def refresh_start_page(self) -> None:
        self.start_page.set_recent(self.ctx.settings.recent_files())

    def _update_title(self) -> None:
        if self.doc is None or self.path is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            return
        parts = [self.path.name]
        if self.doc.read_only:
            parts[0] += " " + self.tr("(skrivskyddad)")
        title = self.doc.workshop.title.strip()
        if title and title != self.path.stem:
            parts.append(title)
        parts.append(APP_NAME)
        self.setWindowTitle(" — ".join(parts))
        self.setWindowFilePath(str(self.path))

    def show_shortcuts(self) -> None:
        """Hjälp › Kortkommandon: the menus' shortcuts as they are now, beside the board."""
        if self.shortcut_sheet is not None:
            self.shortcut_sheet.close()
            self.shortcut_sheet.deleteLater()
        # The Edit menu's undo/redo texts name the last command; the sheet names the command.
        labels = {
            self.undo_action: self.undo_button.text(),
            self.redo_action: self.redo_button.text(),
        }
        sheet = ShortcutSheet(menu_sections(self._menus(), labels), self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.destroyed.connect(lambda: self._forget_sheet(sheet))
        self.shortcut_sheet = sheet
        sheet.show()
        sheet.raise_()
        sheet.activateWindow()

    def show_guide(self) -> None:
        """Hjälp › Användarhandbok: the guide in the UI's language, beside the board."""
        if self.user_guide is not None:
            self.user_guide.raise_()
            self.user_guide.activateWindow()
            return
        path = guide_path(current_language())
        if path is None:
            self.ctx.interaction.critical(
                self.tr("Användarhandbok"),
                self.tr("Användarhandboken finns inte med i den här installationen."),
            )
            return
        guide = UserGuide(path, self)
        guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        guide.destroyed.connect(lambda: self._forget_guide(guide))
        self.user_guide = guide
        guide.show()
        guide.raise_()
        guide.activateWindow()

    def _forget_guide(self, guide: UserGuide) -> None:
        if self.user_guide is guide:
            self.user_guide = None

    def _forget_sheet(self, sheet: ShortcutSheet) -> None:
        if self.shortcut_sheet is sheet:
            self.shortcut_sheet = None

    def _menus(self) -> list[QMenu]:
        return [m for a in self.menuBar().actions() if isinstance(m := a.menu(), QMenu)]

    def _about(self) -> None:
        """Hjälp › Om: version, licence, and where settings and backups are kept."""
        summary = self.tr(
            "Samverkan Desktop {version}\n\n"
            "Samverkan Desktop sorterar workshoppars lappar i teman.\n"
            "Allt sparas direkt i workshopfilen (.samverkan) på den här datorn; "
            "inget skickas över nätet."
        ).format(version=__version__)
        title = self.tr("Om Samverkan Desktop")
        dialog = AboutDialog(title, summary, self.ctx.settings.qsettings.fileName(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def _apply_look(self) -> None:
        if self.workspace is not None:
            self.appearance.apply_to(self.workspace.doc, self.workspace.scene)

    def _set_language(self, code: str) -> None:
        if code == self.ctx.settings.get(LANGUAGE):
            return
        self.ctx.settings.set(LANGUAGE, code)
        if ui_language(code) == current_language():
            return  # remembered; the window already speaks it
        self.ctx.interaction.inform(
            self.tr("Språk"), self.tr("Språket byts nästa gång du startar programmet.")
        )

    # ----------------------------------------------------------------- window state
    def _restore_window(self) -> None:
        geometry = self.ctx.settings.get(WINDOW_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.ctx.settings.get(WINDOW_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_window_state(self) -> None:
        if self._start_page_docks is not None:
            # Save the layout the user chose, not the start page's.
            self._docks_for_start_page(False)
        self.ctx.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.ctx.settings.set(WINDOW_STATE, self.saveState())
        self.ctx.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.workspace is not None:
            self.workspace.restore_view_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        self.close_document()
        self.appearance.restore()
        event.accept()

    # ----------------------------------------------------------------- drag and drop files
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        path = paths[0]
        if path.suffix.lower() == SUFFIX:
            self.open_path(path)
        else:
            self.files.import_path(path)
