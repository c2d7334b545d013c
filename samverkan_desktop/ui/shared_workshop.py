"""Arkiv › Öppna delad workshop… and Arkiv › Publicera på server…: workshops on a PostgreSQL
server (core/store_server.py), which several facilitators have open at once.

The dialog asks for the server's address (`postgresql://host/db`, libpq options in its query)
and lists the workshops on it. It never asks for a password and the app never stores one:
libpq takes it from ~/.pgpass (pgpass.conf on Windows), a service file or the computer's own
login (Kerberos/SSPI). The last address is remembered without any password typed into it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import store_server
from ..core.messages import describe
from ..core.store import Store, StoreError
from .context import AppContext
from .i18n import TrContext, current_language
from .settings import SERVER_ADDRESS

if TYPE_CHECKING:
    from .main_window import MainWindow

KEY_ROLE = Qt.ItemDataRole.UserRole


class Shared(TrContext):
    """The texts of the shared-workshop dialog and actions. (Translation context; see TrContext.)"""


def without_password(address: str) -> str:
    """The address as it may be remembered: any password typed into it left out."""
    try:
        url = store_server.server_url(address.strip())
    except StoreError:
        return ""
    return store_server.shown(url._replace(password=None))  # set(password=None) keeps it


class ServerDialog(QDialog):
    """A server's address and the workshops on it. To open one (`publishing=False`: Öppna is
    enabled once a workshop is chosen) or to publish the open one there (Publicera; the list
    shows what is there already)."""

    def __init__(self, address: str, publishing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.publishing = publishing
        self.setWindowTitle(
            Shared.tr("Publicera på server") if publishing else Shared.tr("Öppna delad workshop")
        )
        self.address = QLineEdit(address)
        self.address.setObjectName("serverAddress")
        self.address.setPlaceholderText("postgresql://server/databas")
        self.address.setAccessibleName(Shared.tr("Serverns adress"))
        self.address.returnPressed.connect(self.fetch)
        self.address.textChanged.connect(self._address_changed)
        self.fetch_button = QPushButton(Shared.tr("&Visa workshoppar"))
        self.fetch_button.setObjectName("fetchWorkshops")
        self.fetch_button.setAutoDefault(False)
        self.fetch_button.clicked.connect(self.fetch)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.fetch_button)

        label = QLabel(Shared.tr("&Serverns adress:"))
        label.setBuddy(self.address)
        help_text = QLabel(
            Shared.tr(
                "Till exempel postgresql://samverkan.kommun.se/workshoppar?sslmode=require. "
                "Skriv inget lösenord här: det hämtas från ~/.pgpass (pgpass.conf i Windows) "
                "eller från datorns inloggning. Programmet sparar aldrig lösenord."
            )
        )
        help_text.setWordWrap(True)
        help_text.setTextFormat(Qt.TextFormat.PlainText)
        self.workshops = QListWidget()
        self.workshops.setObjectName("serverWorkshops")
        self.workshops.setAccessibleName(Shared.tr("Workshoppar på servern"))
        self.workshops.itemSelectionChanged.connect(self._update_buttons)
        self.workshops.itemDoubleClicked.connect(lambda _item: self._accept_if_ready())
        self.problem = QLabel()
        self.problem.setObjectName("serverProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(Shared.tr("&Publicera") if publishing else Shared.tr("&Öppna"))
        self.buttons.accepted.connect(self._accept_if_ready)
        self.buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.addWidget(label)
        column.addLayout(row)
        column.addWidget(help_text)
        if publishing:
            column.addWidget(QLabel(Shared.tr("Redan på servern:")))
        column.addWidget(self.workshops, 1)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        self.resize(560, 420)
        self._update_buttons()

    # ----------------------------------------------------------------- what was chosen
    def url(self) -> str:
        return self.address.text().strip()

    def key(self) -> str | None:
        item = self.workshops.currentItem()
        if item is None or not item.isSelected():
            return None
        return str(item.data(KEY_ROLE))

    # ----------------------------------------------------------------- behaviour
    def fetch(self) -> bool:
        """List the workshops on the server; False (and the reason, one line) when it cannot."""
        self.workshops.clear()
        self.problem.hide()
        if not self.url():
            self._say(Shared.tr("Skriv serverns adress, till exempel postgresql://server/databas."))
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            listed = Store.list_workshops(self.url())
        except StoreError as exc:
            self._say(describe(exc, current_language()))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        for workshop in listed:
            text = workshop.title.strip() or workshop.key
            if workshop.date is not None:
                text += f" ({workshop.date.isoformat()})"
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, workshop.key)
            item.setToolTip(workshop.key)
            self.workshops.addItem(item)
        if not listed:
            self._say(Shared.tr("Det finns inga workshoppar på servern än."))
        elif not self.publishing:
            self.workshops.setCurrentRow(0)
            self.workshops.setFocus()
        self._update_buttons()
        return True

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self._update_buttons()

    def _address_changed(self) -> None:
        self.workshops.clear()
        self.problem.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = bool(self.url()) if self.publishing else self.key() is not None
        self.ok.setEnabled(ready)
        self.ok.setDefault(ready)
        self.fetch_button.setDefault(not ready)

    def _accept_if_ready(self) -> None:
        if self.publishing:
            if self.url():
                self.accept()
        elif self.key() is not None:
            self.accept()


class SharedWorkshops(QObject):
    """The two File menu entries and what they do in the window."""

    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.open = QAction(Shared.tr("Öppna de&lad workshop…"), window)
        self.open.triggered.connect(self.open_dialog)
        self.publish = QAction(Shared.tr("&Publicera på server…"), window)
        self.publish.triggered.connect(self.publish_dialog)

    def fill_menu(self, menu: QMenu, after_open: QAction, after_copy: QAction) -> None:
        """Öppna delad workshop… below the ways to open a file; Publicera… below Spara en
        kopia som…"""
        for action, after in ((self.open, after_open), (self.publish, after_copy)):
            actions = menu.actions()
            index = actions.index(after) + 1
            if index < len(actions):
                menu.insertAction(actions[index], action)
            else:
                menu.addAction(action)

    def _dialog(self, publishing: bool) -> ServerDialog | None:
        dialog = ServerDialog(self.ctx.settings.get(SERVER_ADDRESS), publishing, self.window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        finally:
            dialog.deleteLater()
        self.ctx.settings.set(SERVER_ADDRESS, without_password(dialog.url()))
        return dialog

    def open_dialog(self) -> bool:
        dialog = self._dialog(publishing=False)
        if dialog is None:
            return False
        url, key = dialog.url(), dialog.key()
        assert key is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = Store.open_url(url, key)
        except StoreError as exc:
            self.ctx.interaction.critical(
                Shared.tr("Kan inte öppna den delade workshoppen"),
                describe(exc, current_language()),
            )
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return self.window.open_shared(store)

    def publish_dialog(self) -> bool:
        doc = self.window.doc
        if doc is None:
            return False
        dialog = self._dialog(publishing=True)
        if dialog is None:
            return False
        self.window.save_view_state()  # the board's view travels with the workshop
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            shared = doc.store.publish(dialog.url())
        except StoreError as exc:
            self.ctx.interaction.critical(
                Shared.tr("Kan inte publicera workshoppen"), describe(exc, current_language())
            )
            return False
        finally:
            QApplication.restoreOverrideCursor()
        source = doc.store.path.name
        if not self.window.open_shared(shared):
            return False
        self.window.statusBar().showMessage(
            Shared.tr(
                "Publicerad på {server} som {key}; fönstret visar nu den delade workshoppen "
                "({name} är kvar som den var)."
            ).format(server=shared.url, key=shared.path.name, name=source),
            15000,
        )
        return True
