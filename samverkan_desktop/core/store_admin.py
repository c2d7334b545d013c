"""Looking after the workshops on a PostgreSQL server, for whoever runs it (`samverkan-desktop
upgrade` and `grant` without a workshop): every workshop on a database brought to this
version's tables, each in a transaction of its own, and one role's access to all of them.

Both run as the role that owns the workshops (or one that may act as it: a member of that role,
a superuser): store_server.as_owner. A facilitator may change a workshop's rows, never its
tables, so an old workshop waits for this (or for its owner opening it) before anyone writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import URL

from . import server_login, store_file, store_server
from .messages import Message, message


@dataclass(frozen=True)
class Upgraded:
    """What `upgrade` did to one workshop: its revision `before` and `after` (equal: it was
    already current), or the `failure` that left it as it was (`after` is then None)."""

    key: str
    before: str | None
    after: str | None
    failure: Message | None = None


def upgrade(url: str, key: str | None = None) -> list[Upgraded]:
    """Bring the workshop `key` (None: every workshop on the database, by key) to this
    version's schema revision, each in its own transaction: a workshop whose upgrade fails is
    left exactly as it was, and the others are still done."""
    return server_login.logged_in(
        store_server.server_url(url), lambda server: _upgrade_on(server, key)
    )


def grant_every(url: str, role: str, access: str) -> list[str]:
    """Give `role` exactly `access` (as `Store.grant`) to every workshop on the database, in
    one transaction: to all of them, or (one refused) to none. The keys, in order."""
    return server_login.logged_in(
        store_server.server_url(url), lambda server: _grant_every_on(server, role, access)
    )


def _keys(server: URL, key: str | None) -> list[str]:
    with store_server.administering(server, readonly=True) as conn:
        if key is None:
            return [w.key for w in store_server.workshops(conn)]
        if not store_server.is_workshop(conn, store_server.check_key(key)):
            raise store_server.ServerError(
                "server.no_workshop", key=key, server=store_server.shown(server)
            )
        return [key]


def _upgrade_on(server: URL, key: str | None) -> list[Upgraded]:
    return [_upgrade_one(server, k) for k in _keys(server, key)]


def _upgrade_one(server: URL, key: str) -> Upgraded:
    from alembic import command  # only here: importing it costs more than the rest

    head = store_file.head_revision()
    rev: str | None = None
    engine = store_server.engine(server, key)
    try:
        with engine.begin() as conn:
            # One at a time with a facilitator's window opening it (Store.open_url).
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": key})
            rev = store_server.revision(conn)
            if rev is not None and rev not in store_file._known_revisions():
                return Upgraded(key, rev, None, message("store.newer_version", name=key))
            if rev == head:
                return Upgraded(key, rev, rev)
            if not store_server.as_owner(conn, key):
                user = store_server.login_name(server)
                return Upgraded(key, rev, None, message("server.not_owner", key=key, user=user))
            command.upgrade(store_file.alembic_config(conn), "head")
        return Upgraded(key, rev, head)
    except Exception as exc:  # noqa: BLE001 - whatever a migration raised, it was rolled back
        why = store_server.reason(exc)
        return Upgraded(key, rev, None, message("store.cannot_upgrade_db", name=key, why=why))
    finally:
        engine.dispose()


def _grant_every_on(server: URL, role: str, access: str) -> list[str]:
    keys = _keys(server, None)
    with store_server.administering(server) as conn:
        for key in keys:
            store_server.grant(conn, server, key, role, access)
    return keys
