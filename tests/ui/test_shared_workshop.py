"""Arkiv › Öppna delad workshop…, Publicera på server… and Spara en kopia som… from a server
(issue 14), driven through the real menu and dialog against the throwaway PostgreSQL server of
tests/conftest.py."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.settings import SERVER_ADDRESS
from samverkan_desktop.ui.shared_workshop import ServerDialog, without_password

LEFT = Qt.MouseButton.LeftButton
OPEN_SHARED = "Öppna de&lad workshop…"
PUBLISH = "&Publicera på server…"


@pytest.fixture
def on_server(seed_workshop, postgres_url) -> str:
    """The seed workshop published on the server; its key."""
    with Store.open(seed_workshop) as local, local.publish(postgres_url) as shared:
        return shared.path.name


def test_open_a_shared_workshop_from_the_list_on_the_server(
    qtbot, empty_window, file_menu_dialog, on_server, postgres_url, settings
):
    window = empty_window
    listed: list[str] = []

    def drive(dialog: ServerDialog) -> None:
        assert dialog.address.text() == ""  # nothing remembered yet
        assert not dialog.ok.isEnabled()
        qtbot.keyClicks(dialog.address, postgres_url)
        qtbot.mouseClick(dialog.fetch_button, LEFT)
        listed.extend(dialog.workshops.item(i).text() for i in range(dialog.workshops.count()))
        assert dialog.ok.isEnabled()  # the only workshop is chosen
        qtbot.mouseClick(dialog.ok, LEFT)

    file_menu_dialog(window, OPEN_SHARED, ServerDialog, drive)
    title = Store.list_workshops(postgres_url)[0].title
    assert listed == [f"{title} (2021-11-10)"]
    qtbot.waitUntil(lambda: window.doc is not None)
    assert window.doc.store.url is not None and window.path.name == on_server
    assert len(window.doc.notes) == len(Store.open_url(postgres_url, on_server).notes())
    assert on_server in window.windowTitle()
    # No backups of the program's own (nothing to restore over), and nothing written locally.
    assert not window.files.restore.isEnabled() and window.files.save_copy.isEnabled()
    assert window.workspace.backups.last is None
    assert window.scene.note_item(next(iter(window.doc.notes))) is not None
    assert settings.get(SERVER_ADDRESS) == postgres_url

    # The next time the address is there already.
    def look(dialog: ServerDialog) -> None:
        assert dialog.address.text() == postgres_url
        dialog.reject()

    file_menu_dialog(window, OPEN_SHARED, ServerDialog, look)


def test_a_password_typed_into_the_address_is_used_but_never_remembered(
    qtbot, empty_window, file_menu_dialog, on_server, postgres_url, settings, tmp_path
):
    with_password = postgres_url.replace("postgres@", "postgres:hemligt123@")

    def drive(dialog: ServerDialog) -> None:
        qtbot.keyClicks(dialog.address, with_password)
        qtbot.keyClick(dialog.address, Qt.Key.Key_Return)  # Enter lists the workshops
        assert dialog.workshops.count() == 1
        qtbot.mouseClick(dialog.ok, LEFT)

    file_menu_dialog(empty_window, OPEN_SHARED, ServerDialog, drive)
    qtbot.waitUntil(lambda: empty_window.doc is not None)
    settings.sync()
    assert "hemligt123" not in (tmp_path / "settings.ini").read_text()
    assert settings.get(SERVER_ADDRESS) == postgres_url
    assert without_password("inte en adress") == ""


def test_a_server_that_does_not_answer_is_one_line_in_swedish(
    qtbot, empty_window, file_menu_dialog
):
    said: list[str] = []

    def drive(dialog: ServerDialog) -> None:
        qtbot.keyClicks(dialog.address, "postgresql://127.0.0.1:1/workshoppar")
        qtbot.mouseClick(dialog.fetch_button, LEFT)
        said.append(dialog.problem.text())
        assert dialog.problem.isVisible() and dialog.workshops.count() == 0
        assert not dialog.ok.isEnabled()
        dialog.reject()

    file_menu_dialog(empty_window, OPEN_SHARED, ServerDialog, drive)
    (text,) = said
    assert "\n" not in text and "Traceback" not in text and "psycopg" not in text
    assert "127.0.0.1" in text
    assert empty_window.doc is None


def test_publish_copies_the_open_workshop_to_the_server_and_opens_it_there(
    qtbot, seed_window, file_menu_dialog, postgres_url, seed_workshop
):
    window = seed_window
    notes = len(window.doc.notes)
    assert Store.list_workshops(postgres_url) == []

    def drive(dialog: ServerDialog) -> None:
        qtbot.keyClicks(dialog.address, postgres_url)
        assert dialog.ok.text() == "&Publicera" and dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, LEFT)

    file_menu_dialog(window, PUBLISH, ServerDialog, drive)
    (listed,) = Store.list_workshops(postgres_url)
    qtbot.waitUntil(lambda: window.doc is not None and window.doc.store.url is not None)
    assert window.path.name == listed.key and len(window.doc.notes) == notes
    assert window.statusBar().currentMessage().startswith("Publicerad på ")
    with Store.open(seed_workshop, readonly=True) as local:  # the file stays as it was
        assert len(local.notes()) == notes


def test_save_a_copy_of_a_shared_workshop_as_a_local_file(
    qtbot, empty_window, interaction, on_server, postgres_url, tmp_path
):
    window = empty_window
    assert window.open_shared(Store.open_url(postgres_url, on_server))
    target = tmp_path / "offline.samverkan"
    interaction.will_select_files(target)
    assert window.files.save_copy_as() == target
    with Store.open(target, readonly=True) as copy:
        assert {n.id: n.text for n in copy.notes()} == {
            i: n.text for i, n in window.doc.notes.items()
        }
    assert window.doc.store.url is not None  # still working on the server


def test_save_a_copy_suggests_a_file_in_the_workshop_folder(
    qtbot, empty_window, on_server, postgres_url, ctx
):
    window = empty_window
    assert window.open_shared(Store.open_url(postgres_url, on_server))
    suggested: list[str] = []
    ctx.interaction.save_path = lambda title, suggestion, filters: suggested.append(suggestion)
    window.files.save_copy_as()
    (suggestion,) = suggested
    assert Path(suggestion).parent == Path(ctx.start_directory())
    assert Path(suggestion).name == f"{on_server} (kopia).samverkan"


# ------------------------------------------------------------------ read-only on a server
def test_a_lost_connection_makes_the_board_read_only_until_it_is_back(
    qtbot, empty_window, own_postgres_server, seed_workshop
):
    from samverkan_desktop.ui import commands

    url = own_postgres_server.new_database()
    with Store.open(seed_workshop) as local, local.publish(url) as shared:
        key = shared.path.name
    window = empty_window
    assert window.open_shared(Store.open_url(url, key))
    banner = window.read_only_mode.banner
    assert not banner.isVisible() and not window.doc.read_only
    cluster = next(iter(window.doc.clusters))
    assert window.doc.push(commands.RenameClusterCommand(window.doc, cluster, "Före avbrottet"))
    assert window.undo_action.isEnabled()

    own_postgres_server.halt()
    qtbot.waitUntil(banner.isVisible, timeout=10000)
    assert not window.undo_action.isEnabled()  # kept, but not offered while it cannot be saved
    assert banner.message.text().startswith("Förbindelsen med servern postgresql://")
    assert "är bruten" in banner.message.text() and not banner.retry.isVisible()
    assert "(skrivskyddad)" in window.windowTitle()
    rename = commands.RenameClusterCommand(window.doc, cluster, "Under avbrottet")
    assert not window.doc.push(rename)
    assert window.statusBar().currentMessage() == (
        "Skrivskyddad: servern går inte att nå, så ändringen sparades inte."
    )

    own_postgres_server.start()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=30000)
    assert not window.doc.read_only and "(skrivskyddad)" not in window.windowTitle()
    assert window.undo_action.isEnabled() and window.doc.undo_stack.count() == 1
    assert window.doc.push(commands.RenameClusterCommand(window.doc, cluster, "Efter avbrottet"))
    with Store.open_url(url, key) as other:
        assert other.cluster(cluster).name == "Efter avbrottet"


def test_a_readers_login_opens_the_shared_workshop_read_only_with_the_banner(
    qtbot, empty_window, on_server, postgres_url
):
    import psycopg

    role = f"lasare_{on_server[:8]}_{id(qtbot) % 10000}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
    Store.grant(postgres_url, on_server, role, "reader")
    window = empty_window
    assert window.open_shared(
        Store.open_url(postgres_url.replace("//postgres@", f"//{role}@"), on_server)
    )
    banner = window.read_only_mode.banner
    assert banner.isVisible() and "bara läsrätt" in banner.message.text()
    assert not banner.retry.isVisible() and banner.save_copy.isVisible()
    assert window.doc.read_only and window.doc.refuse_if_read_only()
    assert window.statusBar().currentMessage() == (
        "Skrivskyddad: du har bara läsrätt, så ändringen sparades inte."
    )


def test_two_windows_on_one_shared_workshop_see_each_others_renames_in_the_panels(
    qtbot, empty_window, ctx, on_server, postgres_url
):
    """Live in the whole window, not only on the board: the clusters panel and the title."""
    from samverkan_desktop.ui import commands
    from samverkan_desktop.ui.main_window import MainWindow

    first = empty_window
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert first.open_shared(Store.open_url(postgres_url, on_server))
    assert second.open_shared(Store.open_url(postgres_url, on_server))
    cluster = next(iter(first.doc.clusters))
    rename = commands.RenameClusterCommand(first.doc, cluster, "Omdöpt i det första fönstret")
    assert first.doc.push(rename)
    item = second.clusters_panel.item_for(cluster)
    qtbot.waitUntil(lambda: item.text(0) == "Omdöpt i det första fönstret", timeout=1000)
    first.doc.store.set_workshop(dataclasses.replace(first.doc.workshop, title="Ny titel"))
    qtbot.waitUntil(lambda: "Ny titel" in second.windowTitle(), timeout=1000)
    second.close_document()


# ---------------------------------------------------------------------------- passwords
PASSWORD = "kaffe-och-bulle"


@pytest.fixture
def password_login(postgres_url, password_role) -> str:
    """The server's address for a role that must give its password and may make workshops."""
    import psycopg

    role = password_role(PASSWORD)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"GRANT CREATE ON DATABASE {postgres_url.rsplit('/', 1)[1]} TO {role}")
    return postgres_url.replace("//postgres@", f"//{role}@")


@pytest.fixture
def locked(on_server, postgres_url, password_login) -> str:
    """The same, a facilitator on the workshop on the server."""
    role = password_login.split("//")[1].split("@")[0]
    Store.grant(postgres_url, on_server, role, "facilitator")
    return password_login


def test_the_dialog_asks_for_the_password_the_server_wants_and_the_keyring_keeps_it_if_asked(
    qtbot, empty_window, file_menu_dialog, locked, on_server, memory_keyring, settings, tmp_path
):
    role = locked.split("//")[1].split("@")[0]
    seen: list[str] = []

    def drive(dialog: ServerDialog) -> None:
        assert not dialog.password.isVisible()  # no field until the server asks
        qtbot.keyClicks(dialog.address, locked)
        qtbot.mouseClick(dialog.fetch_button, LEFT)
        assert dialog.password.isVisible() and dialog.remember.isVisible()
        assert dialog.password.echoMode() == dialog.password.EchoMode.Password
        assert dialog.password.hasFocus()
        seen.append(dialog.problem.text())
        assert dialog.workshops.count() == 0 and not dialog.ok.isEnabled()
        qtbot.keyClicks(dialog.password, "fel")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        seen.append(dialog.problem.text())
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.remember, LEFT)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.workshops.count() == 1 and dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, LEFT)

    file_menu_dialog(empty_window, OPEN_SHARED, ServerDialog, drive)
    assert seen[0].endswith(f"vill ha ett lösenord för {role}.")
    assert f"tog inte emot lösenordet för {role}." in seen[1] and "fel" not in seen[1]
    qtbot.waitUntil(lambda: empty_window.doc is not None)
    assert empty_window.path.name == on_server and not empty_window.doc.read_only
    assert list(memory_keyring.passwords.values()) == [PASSWORD]
    settings.sync()
    assert PASSWORD not in (tmp_path / "settings.ini").read_text()
    assert settings.get(SERVER_ADDRESS) == locked

    # Next time the keyring has it: the list comes without a question.
    def again(dialog: ServerDialog) -> None:
        qtbot.mouseClick(dialog.fetch_button, LEFT)
        assert dialog.workshops.count() == 1 and not dialog.password.isVisible()
        dialog.reject()

    file_menu_dialog(empty_window, OPEN_SHARED, ServerDialog, again)


def test_a_typed_password_is_not_kept_unless_asked_and_publishing_asks_for_it_too(
    qtbot, seed_window, file_menu_dialog, password_login, memory_keyring
):
    def drive(dialog: ServerDialog) -> None:
        qtbot.keyClicks(dialog.address, password_login)
        qtbot.mouseClick(dialog.ok, LEFT)  # Publicera: the login is tried first
        assert dialog.isVisible() and dialog.password.hasFocus()
        assert "vill ha ett lösenord" in dialog.problem.text()
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.ok, LEFT)

    file_menu_dialog(seed_window, PUBLISH, ServerDialog, drive)
    qtbot.waitUntil(lambda: seed_window.doc is not None and seed_window.doc.store.url is not None)
    assert seed_window.statusBar().currentMessage().startswith("Publicerad på ")
    assert PASSWORD not in seed_window.doc.store.url
    assert memory_keyring.passwords == {}


def test_the_program_started_with_a_server_address_opens_that_workshop(
    qtbot, empty_window, ctx, on_server, postgres_url
):
    """`samverkan-desktop 'postgresql://…?workshop=KEY'`: the window opens the shared workshop
    as a file argument would open the file."""
    from samverkan_desktop.ui.app import open_first

    sep = "&" if "?" in postgres_url else "?"
    open_first(empty_window, ctx, f"{postgres_url}{sep}workshop={on_server}")
    assert empty_window.doc is not None and empty_window.doc.store.url is not None
    assert empty_window.path.name == on_server
    assert len(empty_window.doc.notes) == len(Store.open_url(postgres_url, on_server).notes())


def test_a_start_address_without_a_password_or_a_workshop_asks_in_the_dialog(
    qtbot, empty_window, ctx, when_dialog, locked, on_server, memory_keyring
):
    """The address names the workshop, but the login needs a password nothing has: the dialog
    opens with the server's address filled in and asks for it; the workshop then opens."""
    from samverkan_desktop.ui.app import open_first

    filled: list[str] = []

    def drive(dialog: ServerDialog) -> None:
        filled.append(dialog.address.text())
        assert "workshop=" not in dialog.address.text()
        qtbot.mouseClick(dialog.fetch_button, LEFT)
        assert dialog.password.isVisible()
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.workshops.count() == 1 and dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, LEFT)

    sep = "&" if "?" in locked else "?"
    seen = when_dialog(ServerDialog, drive)
    open_first(empty_window, ctx, f"{locked}{sep}workshop={on_server}")
    assert seen and filled == [locked]
    qtbot.waitUntil(lambda: empty_window.doc is not None)
    assert empty_window.path.name == on_server
    assert memory_keyring.passwords == {}  # typed, not asked to be remembered


@pytest.mark.parametrize(
    "address, says",
    [
        ("postgresql://server:notaport/db?workshop=x", "är ingen serveradress"),
        ("postgresql://server/db?workshop=BAD KEY!", "BAD KEY!"),
    ],
)
def test_a_start_address_that_cannot_be_opened_is_one_line_and_the_start_page(
    qtbot, empty_window, ctx, monkeypatch, address, says
):
    from samverkan_desktop.ui.app import open_first

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(ctx.interaction, "critical", lambda title, text: said.append((title, text)))
    open_first(empty_window, ctx, address)
    assert empty_window.doc is None
    assert len(said) == 1 and says in said[0][1]
    assert "\n" not in said[0][1] and "Traceback" not in said[0][1]


def test_a_workshop_gone_from_the_server_since_it_was_listed_is_one_line_without_a_busy_cursor(
    qtbot, empty_window, file_menu_dialog, on_server, postgres_url, ctx, monkeypatch
):
    from PySide6.QtWidgets import QApplication

    from samverkan_desktop.ui.shared_workshop import KEY_ROLE

    said: list[tuple[str, object]] = []
    monkeypatch.setattr(
        ctx.interaction,
        "critical",
        lambda title, text: said.append((text, QApplication.overrideCursor())),
    )

    def drive(dialog: ServerDialog) -> None:
        qtbot.keyClicks(dialog.address, postgres_url)
        qtbot.mouseClick(dialog.fetch_button, LEFT)
        # Someone removes it (here: the listed key no longer names a workshop there).
        dialog.workshops.item(0).setData(KEY_ROLE, "borttagen")
        qtbot.mouseClick(dialog.ok, LEFT)

    file_menu_dialog(empty_window, OPEN_SHARED, ServerDialog, drive)
    qtbot.waitUntil(lambda: bool(said))
    [(text, cursor)] = said
    assert "borttagen" in text and "\n" not in text
    assert cursor is None  # the message is not shown under a wait cursor
    assert QApplication.overrideCursor() is None and empty_window.doc is None
