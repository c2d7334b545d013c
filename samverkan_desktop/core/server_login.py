"""Passwords for PostgreSQL servers: found where the computer keeps them, never in our files.

libpq finds most logins itself, before we see anything: a password in ~/.pgpass (pgpass.conf
on Windows, or the file PGPASSFILE names), a service file, Kerberos or SSPI (gssencmode). Only
when the server still asks for a password does `logged_in` look in the operating system's
keyring (Windows' Credential Manager, macOS's Keychain, the Secret Service on Linux) for one
the user asked us to remember, under (host, port, user). The window and the command line ask
the user when there is none (`store_server.PasswordNeeded`); `remember` stores a password only
when the user ticked "Kom ihåg lösenordet". A password typed or found lives in the open
store's connection URL in memory, which is never shown or written anywhere.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any, TypeVar

from .store_server import PasswordNeeded, login_name, server_url

T = TypeVar("T")
# A server's address as store_server.server_url parses it (a SQLAlchemy URL): only the store
# modules import SQLAlchemy (pyproject's import contracts), so it is typed loosely here.
URL = Any

# The keyring's name for our entries; each one's "user name" is user@host:port.
SERVICE = "samverkan-desktop PostgreSQL"
_log = logging.getLogger(__name__)


def account(url: URL) -> str:
    """The keyring entry's name for the login of `url`: user@host:port, as libpq would connect
    (host and port from the address, its query or PGHOST/PGPORT; libpq's defaults else)."""

    def given(name: str, env: str) -> str | None:
        value = url.query.get(name)
        if isinstance(value, tuple):
            value = value[-1] if value else None
        return value or os.environ.get(env) or None

    host = url.host or given("host", "PGHOST") or "localhost"
    port = url.port or given("port", "PGPORT") or 5432
    return f"{login_name(url)}@{host}:{port}"


def with_password(address: str, password: str) -> str:
    """The address with `password` in it, for connecting (never to be shown or saved)."""
    return server_url(address).set(password=password).render_as_string(hide_password=False)


def saved_password(url: URL) -> str | None:
    """The password remembered for this login in the keyring; None when there is none or the
    computer has no keyring that works (then the user is asked, as without one)."""
    try:
        import keyring

        return keyring.get_password(SERVICE, account(url))
    except Exception as exc:  # noqa: BLE001 - a broken keyring must not stop a login
        _log.info("no password from the keyring: %s", type(exc).__name__)
        return None


def remember(address: str, password: str) -> bool:
    """Keep `password` for the login of `address` in the keyring (the user asked for it);
    False when the computer has no keyring to keep it in."""
    if not password:
        return False
    try:
        import keyring

        keyring.set_password(SERVICE, account(server_url(address)), password)
    except Exception as exc:  # noqa: BLE001 - no keyring: the password is just not kept
        _log.info("the keyring did not keep the password: %s", type(exc).__name__)
        return False
    return True


def forget(address: str) -> None:
    """Take the remembered password for the login of `address` out of the keyring, if any."""
    try:
        import keyring

        keyring.delete_password(SERVICE, account(server_url(address)))
    except Exception:  # noqa: BLE001, S110 - none there, or no keyring: nothing to forget
        pass


def logged_in(server: URL, attempt: Callable[[URL], T]) -> T:
    """`attempt(server)`; when the server asks for a password the address does not carry,
    `attempt` again with the one the keyring keeps for this login. Raises `PasswordNeeded`
    ("server.password_needed", or "server.password_refused" when the keyring's was wrong)
    when that does not let us in either."""
    try:
        return attempt(server)
    except PasswordNeeded:
        if server.password is not None:
            raise
        saved = saved_password(server)
        if not saved:
            raise
    return attempt(server.set(password=saved))
