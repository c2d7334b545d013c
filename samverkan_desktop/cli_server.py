"""Workshops on a PostgreSQL server on the command line: wherever a command takes a workshop
file it takes a server address too, with the workshop named among libpq's options:

    postgresql://samverkan.kommun.se/workshoppar?workshop=orebro_2021&sslmode=require

The password comes as libpq finds it (~/.pgpass, PGPASSFILE, a service file, Kerberos/SSPI),
else from the keyring (core/server_login.py: one the window was asked to remember); when there
is none, the command asks for it on the terminal, and only there: run from a script it says
so in one line and stops.
"""

from __future__ import annotations

import getpass
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from samverkan_desktop.cli_commands import CliError
from samverkan_desktop.cli_text import say
from samverkan_desktop.core import model as m
from samverkan_desktop.core import server_login, store_server
from samverkan_desktop.core.messages import describe
from samverkan_desktop.core.store import Store

T = TypeVar("T")


def where(store: Store, lang: str) -> str:
    """The workshop as the user may see it: its key and the server, never a password."""
    return say("server.where", lang, name=store.path.name, server=store.url)


def address_of(address: str, store: Store) -> str:
    """The address that names this workshop on the command line, without any password given
    in `address` (not even as ***: it is there to be copied)."""
    url = store_server.server_url(address)._replace(password=None)  # .set(password=None) keeps it
    shown = store_server.shown(url)
    joiner = "&" if "?" in shown else "?"
    return f"{shown}{joiner}{store_server.WORKSHOP_OPTION}={store.path.name}"


def asking(address: str, lang: str, attempt: Callable[[str], T]) -> T:
    """`attempt(address)`; when the server wants a password libpq and the keyring did not
    have, ask for it on the terminal (never echoed) and attempt again with it. Without a
    terminal, one line saying where the password can be put instead."""
    try:
        return attempt(address)
    except store_server.PasswordNeeded as exc:
        if sys.stdin is None or not sys.stdin.isatty():
            raise CliError(say("server.no_terminal", lang, said=describe(exc, lang))) from None
        server = store_server.server_url(address)
        password = getpass.getpass(
            say("server.password_prompt", lang, account=server_login.account(server))
        )
    return attempt(server_login.with_password(address, password))


def open_workshop(location: str, lang: str, *, readonly: bool) -> Store:
    """The workshop the address names, open (read-only: the server refuses every write)."""
    address, key = store_server.split_workshop(location)
    if key is None:
        raise CliError(which_workshop(address, lang))
    return asking(address, lang, lambda a: Store.open_url(a, key, readonly=readonly))


def which_workshop(address: str, lang: str) -> str:
    """The refusal of an address that names no workshop, with the workshops there are."""
    listed = asking(address, lang, Store.list_workshops)
    keys = ", ".join(w.key for w in listed) or say("server.none_there", lang)
    return say("server.which", lang, option=store_server.WORKSHOP_OPTION, keys=keys)


def open_for_import(location: str, lang: str) -> tuple[Store | None, str, str | None]:
    """For `import --into` an address: the named workshop open for writing; or, when it names
    none or one not there yet, None with the address and key (None: made from the title) for
    `publish_new`. A reader's login is refused here, before anything is read."""
    address, key = store_server.split_workshop(location)
    if key is None:
        return None, address, None
    try:
        store = asking(address, lang, lambda a: Store.open_url(a, key))
    except store_server.ServerError as exc:
        if exc.message.code == "server.no_workshop":
            return None, address, key
        raise
    if store.readonly:
        shown = where(store, lang)
        store.close()
        raise CliError(say("server.reader", lang, workshop=shown))
    return store, address, key


def publish_new(address: str, key: str | None, doc: m.Document, lang: str) -> Store:
    """A new workshop on the server holding `doc`, whole or not at all: built in a file of
    its own first, then published in one transaction (as Arkiv › Publicera på server… does)."""
    with tempfile.TemporaryDirectory(prefix="samverkan-import-") as folder:
        with Store.create(Path(folder) / "import.samverkan", doc.workshop) as local:
            local.add_document(doc)
            return asking(address, lang, lambda a: local.publish(a, key=key))
