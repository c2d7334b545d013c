"""Arkiv › Öppna delad workshop… and Arkiv › Publicera på server…: workshops on a PostgreSQL
server (core/store_server.py), which several facilitators have open at once.

The dialog asks for the server's address (`postgresql://host/db`, libpq options in its query)
and lists the workshops on it. libpq finds the password in ~/.pgpass (pgpass.conf on Windows), a
service file or the computer's own login (Kerberos/SSPI), core/server_login.py in the OS
keyring; only when the server still wants one does the dialog show a password field, and the
keyring keeps what is typed there only when "Kom ihåg lösenordet" is ticked. The app writes no
password into its own files: the last address is remembered without one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
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

from ..core import server_login, store_server
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
        # Shown once the server asks for a password that neither libpq nor the keyring had.
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(Shared.tr("Lösenord"))
        self.password.returnPressed.connect(self.fetch)
        self.password.textChanged.connect(self._address_changed)
        self.remember = QCheckBox(Shared.tr("&Kom ihåg lösenordet"))
        self.remember.setObjectName("rememberPassword")
        self.remember.setToolTip(
            Shared.tr("Lösenordet sparas i datorns nyckelring, aldrig i programmets filer.")
        )
        self.password_label = QLabel(Shared.tr("&Lösenord:"))
        self.password_label.setBuddy(self.password)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_label)
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.remember)
        self._password_widgets = (self.password_label, self.password, self.remember)
        for widget in self._password_widgets:
            widget.hide()
        self._logged_in = ""  # the address (with the password) whose workshops are listed

        label = QLabel(Shared.tr("&Serverns adress:"))
        label.setBuddy(self.address)
        help_text = QLabel(
            Shared.tr(
                "Till exempel postgresql://samverkan.kommun.se/workshoppar?sslmode=require. "
                "Lösenordet hämtas från ~/.pgpass (pgpass.conf i Windows), datorns inloggning "
                "eller datorns nyckelring; vill servern ha ett som inte finns där frågar "
                "programmet efter det. Programmet skriver aldrig lösenord i sina egna filer."
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
        column.addLayout(password_row)
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
        """The address to connect with: as typed, with the password typed below it (if any)."""
        address = self.address.text().strip()
        if address and not self.password.isHidden() and self.password.text():
            try:
                return server_login.with_password(address, self.password.text())
            except StoreError:
                return address  # not an address at all: fetch says so
        return address

    def typed_address(self) -> str:
        return self.address.text().strip()

    def keep_password(self) -> bool | None:
        """When "Kom ihåg lösenordet" is ticked and the typed password let us in: keep it in
        the keyring (True; False when the computer has no keyring). None: nothing to keep."""
        password = self.password.text()
        if not (self.remember.isChecked() and password and self._logged_in == self.url()):
            return None
        return server_login.remember(self.typed_address(), password)

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
        except store_server.PasswordNeeded as exc:
            self._ask_password(describe(exc, current_language()))
            return False
        except StoreError as exc:
            self._say(describe(exc, current_language()))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._logged_in = self.url()
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

    def _ask_password(self, why: str) -> None:
        """The server wants a password: show the field, say so, and put the cursor there."""
        for widget in self._password_widgets:
            widget.show()
        self._say(why)
        self.password.selectAll()
        self.password.setFocus()

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
            # The login is tried first: a server that wants a password asks for it here.
            if self.url() and (self._logged_in == self.url() or self.fetch()):
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
        self.open.triggered.connect(lambda: self.open_dialog())  # not its `checked`
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

    def _dialog(self, publishing: bool, address: str | None = None) -> ServerDialog | None:
        if address is None:
            address = self.ctx.settings.get(SERVER_ADDRESS)
        dialog = ServerDialog(address, publishing, self.window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        finally:
            dialog.deleteLater()
        self.ctx.settings.set(SERVER_ADDRESS, without_password(dialog.typed_address()))
        if dialog.keep_password() is False:
            self.window.statusBar().showMessage(
                Shared.tr("Lösenordet kunde inte sparas: datorn har ingen nyckelring."), 15000
            )
        return dialog

    def open_address(self, address: str) -> bool:
        """`samverkan-desktop postgresql://host/db?workshop=KEY`: that workshop at once when the
        address names one and the login needs nothing typed; else the dialog, filled in with
        the address, asks for what is missing (the password, which workshop)."""
        try:
            server, key = store_server.split_workshop(address)
        except StoreError as exc:
            self.ctx.interaction.critical(
                Shared.tr("Kan inte öppna den delade workshoppen"),
                describe(exc, current_language()),
            )
            return False
        if key is not None:
            opened = self._open(server, key, password_typed=False)
            if opened is not None:
                return opened
        return self.open_dialog(server)

    def open_dialog(self, address: str | None = None) -> bool:
        dialog = self._dialog(publishing=False, address=address)
        if dialog is None:
            return False
        url, key = dialog.url(), dialog.key()
        assert key is not None
        return bool(self._open(url, key, password_typed=True))

    def _open(self, url: str, key: str, *, password_typed: bool) -> bool | None:
        """Workshop `key` on the server `url` in the window; False (and why, in a message)
        when it cannot be opened, None when the login wants a password not yet typed."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = Store.open_url(url, key)
        except StoreError as exc:
            QApplication.restoreOverrideCursor()  # not over the message
            if isinstance(exc, store_server.PasswordNeeded) and not password_typed:
                return None
            self.ctx.interaction.critical(
                Shared.tr("Kan inte öppna den delade workshoppen"),
                describe(exc, current_language()),
            )
            return False
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
            QApplication.restoreOverrideCursor()  # not over the message
            self.ctx.interaction.critical(
                Shared.tr("Kan inte publicera workshoppen"), describe(exc, current_language())
            )
            return False
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
