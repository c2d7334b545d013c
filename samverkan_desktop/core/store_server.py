"""Workshops on a PostgreSQL server: one schema per workshop, beside the others on one database.

The store (core/store.py) works the same on a file and on a server; what differs lives here:
which URLs are servers, the connection (its search_path is the workshop's schema, so the tables
and the Alembic scripts are the file's own, unqualified), how a schema is marked as a workshop
(its comment, the server's counterpart of a file's application_id), the list of workshops, new
ids under concurrent writers (the tables' sequences), what the server's refusals mean to the
user, and the live part: each commit NOTIFYs the ids it changed on the workshop's channel, and
a `Listener` hands other clients' commits to the store. Psycopg 3 is the driver;
`postgresql://...` URLs get it without asking.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from . import store_file
from .messages import Message, message
from .store_file import StoreError, is_server_url  # noqa: F401 (re-exported)

# The comment every workshop schema carries: a schema without it is some other program's.
SCHEMA_MARK = "samverkan-desktop workshop"
# A workshop's key is its schema's name: plain lower-case ASCII, so that it never needs quoting
# (it also goes into the connection's search_path option unescaped).
_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
_RESERVED = re.compile(r"pg_.*|public|information_schema")
_DRIVER = "postgresql+psycopg"


class ServerError(StoreError):
    """A server that cannot be reached or used, or a workshop that is not on it."""


class PasswordNeeded(ServerError):
    """The server wants a password for this login and was given none that it took (none in
    the address, ~/.pgpass or the keyring, or a wrong one): core/server_login.py asks the
    keyring, the window and the command line ask the user."""


@dataclass(frozen=True)
class ListedWorkshop:
    """A workshop on a server, as the list of workshops shows it."""

    key: str
    title: str
    date: dt.date | None


def server_url(url: str) -> URL:
    """The SQLAlchemy URL for a server address the user gave (`postgresql://host/db`, any
    libpq option in its query), with psycopg as the driver."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ServerError("server.bad_url", url=_shown(url)) from None
    if parsed.drivername.partition("+")[0] not in ("postgresql", "postgres"):
        raise ServerError("server.bad_url", url=_shown(url))
    # `workshop=` names a workshop (split_workshop); libpq would refuse it as an option.
    parsed = parsed.difference_update_query([WORKSHOP_OPTION])
    return parsed.set(drivername=_DRIVER)  # whichever driver the address named


# The workshop in an address the command line takes: postgresql://host/db?workshop=key.
WORKSHOP_OPTION = "workshop"


def split_workshop(url: str) -> tuple[str, str | None]:
    """A server address with a workshop in it (`?workshop=key`, among libpq's options), as the
    server's address without it and the workshop's key (None: none named)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ServerError("server.bad_url", url=_shown(url)) from None
    key = parsed.query.get(WORKSHOP_OPTION)
    if isinstance(key, tuple):  # named twice: the last one, as libpq takes a repeated option
        key = key[-1]
    rest = parsed.difference_update_query([WORKSHOP_OPTION])
    return rest.render_as_string(hide_password=False), (key or None)


def shown(url: URL) -> str:
    """The server as the user may see it: never its password."""
    return url.render_as_string(hide_password=True).replace(f"{_DRIVER}://", "postgresql://")


def _shown(url: str) -> str:
    return re.sub(r"(//[^/:@]*:)[^@/]*@", r"\1***@", url)


def check_key(key: str) -> str:
    if not _KEY.fullmatch(key) or _RESERVED.fullmatch(key):
        raise ServerError("server.bad_key", key=key)
    return key


def engine(url: URL, key: str | None, *, readonly: bool = False) -> Engine:
    """An engine whose connections see the workshop `key` (its schema) and nothing else; a
    read-only one has the server refuse every write (not only the program)."""
    # The address's own libpq `options` and `connect_timeout` stay (connect_args would replace
    # them); ours come after its options, so that the workshop's search_path is the one used.
    given = url.query.get("options")
    options = [given] if isinstance(given, str) and given else []
    if key is not None:
        options.append(f"-c search_path={check_key(key)}")
    if readonly:
        options.append("-c default_transaction_read_only=on")
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = 10
    if options:
        connect_args["options"] = " ".join(options)
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


@contextlib.contextmanager
def administering(url: URL, *, readonly: bool = False) -> Iterator[Connection]:
    """A connection to the server's database outside every workshop (to list, make or grant
    them), in one transaction; a server that cannot be reached or used is a `ServerError`."""
    admin = engine(url, None, readonly=readonly)
    try:
        with admin.begin() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise unreachable(url, exc) from None
    finally:
        admin.dispose()


def new_key(conn: Connection, title: str) -> str:
    """A key for a new workshop from its title ("Öppet möte 2021" -> "oppet_mote_2021"), made
    unique on the server with a number."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    stem = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:32] or "workshop"
    if not stem[0].isalpha() or _RESERVED.fullmatch(stem):
        stem = f"w_{stem}"[:32]
    taken = set(conn.scalars(text("SELECT nspname FROM pg_namespace")))
    key, n = stem, 1
    while key in taken:
        n += 1
        key = f"{stem}_{n}"
    return key


def create_schema(conn: Connection, key: str) -> None:
    """The workshop's empty schema, marked as one (inside the caller's transaction)."""
    try:
        with conn.begin_nested():
            conn.execute(text(f"CREATE SCHEMA {check_key(key)}"))
    except DBAPIError as exc:
        if sqlstate(exc) == "42P06":  # duplicate_schema
            raise ServerError("server.exists", key=key) from None
        raise
    conn.execute(text(f"COMMENT ON SCHEMA {key} IS '{SCHEMA_MARK}'"))


def is_workshop(conn: Connection, key: str) -> bool:
    found = conn.scalar(
        text("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = :k"),
        {"k": key},
    )
    return found == SCHEMA_MARK


def may_read(conn: Connection, key: str) -> bool:
    """Whether this login may read the workshop at all (its schema's USAGE right)."""
    return bool(conn.scalar(text("SELECT has_schema_privilege(:k, 'USAGE')"), {"k": key}))


def as_owner(conn: Connection, key: str) -> bool:
    """Act as the role that owns the workshop's schema for the rest of the caller's transaction
    (SET LOCAL ROLE), when this login may: the owner itself, a member of the owner role, or a
    superuser. Then tables a migration makes are the owner's, and the owner's default
    privileges (`grant`) give the readers and facilitators theirs on them too. False: this
    login may not act as the owner (it may not change the schema, nor grant)."""
    owner = conn.scalar(
        text(
            "SELECT pg_get_userbyid(nspowner) FROM pg_namespace"
            " WHERE nspname = :k AND pg_has_role(current_user, nspowner, 'MEMBER')"
        ),
        {"k": key},
    )
    if owner is None:
        return False
    if owner != conn.scalar(text("SELECT current_user")):
        conn.execute(text(f"SET LOCAL ROLE {conn.dialect.identifier_preparer.quote(owner)}"))
    return True


def may_write(conn: Connection) -> bool:
    """Whether this login may change the workshop (the connection's search_path is its
    schema): the facilitator's rights on its notes."""
    return bool(conn.scalar(text("SELECT has_table_privilege('notes', 'INSERT, UPDATE')")))


def revision(conn: Connection) -> str | None:
    """The workshop schema's Alembic revision (the connection's search_path is the schema)."""
    if conn.scalar(text("SELECT to_regclass('alembic_version')")) is None:
        return None
    return conn.scalar(text("SELECT version_num FROM alembic_version"))


# The oldest schema revision this version of the program reads as it is: a login that may
# not upgrade a workshop (a reader, or a facilitator asked for read-only) opens one at least
# this new read-only. Raise it when a migration changes what the store reads (0003 added only
# the change log, which a server does not use: its clients hear each other by NOTIFY).
READS_FROM = "0002"


def readable(rev: str | None) -> bool:
    """Whether this version reads a workshop of schema revision `rev` without upgrading it."""
    scripts = store_file._revisions()
    current: str | None = store_file.head_revision()
    while current is not None:
        if current == rev:
            return True
        if current == READS_FROM:
            return False
        downs = scripts.get(current, ())
        current = downs[0] if downs else None
    return False


def upgrade_address(server: URL, key: str) -> str:
    """The address `samverkan-desktop upgrade` takes for the workshop: no password in it, not
    even as *** (it is there to be copied)."""
    url = server._replace(password=None)  # .set(password=None) keeps the password
    joiner = "&" if url.query else "?"
    return f"{shown(url)}{joiner}{WORKSHOP_OPTION}={key}"


def workshops(conn: Connection) -> list[ListedWorkshop]:
    """Every workshop on the database, by key; a schema whose table cannot be read (no rights
    to it) is listed with its key alone."""
    keys = conn.scalars(
        text(
            "SELECT nspname FROM pg_namespace WHERE obj_description(oid, 'pg_namespace') = :mark"
            " ORDER BY nspname"
        ),
        {"mark": SCHEMA_MARK},
    ).all()
    listed = []
    for key in keys:
        if not _KEY.fullmatch(key):
            continue  # marked by hand: not a name this program gives
        try:
            with conn.begin_nested():
                row = conn.execute(
                    text(f"SELECT title, date FROM {key}.workshop ORDER BY id LIMIT 1")
                ).first()
        except SQLAlchemyError:
            row = None
        listed.append(ListedWorkshop(key, row[0] if row else "", row[1] if row else None))
    return listed


def next_ids(conn: Connection, table: str, count: int) -> list[int]:
    """`count` new ids for `table` from its sequence: safe while others write too."""
    return list(
        conn.scalars(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table, "n": count},
        )
    )


def catch_up_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """After rows went in with ids of their own (an undo puts a row back with its id), move each
    table's sequence past the largest id, so that the next new row gets a free one."""
    for table in tables:
        conn.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:t, 'id'),"
                f" greatest((SELECT max(id) FROM {table}),"
                " (SELECT last_value FROM pg_sequences WHERE schemaname = current_schema()"
                " AND sequencename = :seq), 1))"
            ),
            {"t": table, "seq": f"{table}_id_seq"},
        )


# What each access gives a PostgreSQL role on one workshop's schema: a reader opens and
# exports, a facilitator changes too (new ids from the sequences, whose setval wants UPDATE).
ACCESS = {
    "none": (),
    "reader": (
        "GRANT USAGE ON SCHEMA {key} TO {role}",
        "GRANT SELECT ON ALL TABLES IN SCHEMA {key} TO {role}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA {key} GRANT SELECT ON TABLES TO {role}",
    ),
    "facilitator": (
        "GRANT USAGE ON SCHEMA {key} TO {role}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {key} TO {role}",
        "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {key} TO {role}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA {key} "
        "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA {key} "
        "GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role}",
    ),
}
_REVOKE = (
    "REVOKE ALL ON ALL TABLES IN SCHEMA {key} FROM {role}",
    "REVOKE ALL ON ALL SEQUENCES IN SCHEMA {key} FROM {role}",
    "REVOKE ALL ON SCHEMA {key} FROM {role}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA {key} REVOKE ALL ON TABLES FROM {role}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA {key} REVOKE ALL ON SEQUENCES FROM {role}",
)


def grant(conn: Connection, server: URL, key: str, role: str, access: str) -> None:
    """Give `role` exactly `access` ("none", "reader" or "facilitator") to the workshop `key`,
    whatever it had before; the server then enforces it, whatever program connects."""
    if access not in ACCESS:
        raise ValueError(f"unknown access {access!r}")
    if not is_workshop(conn, check_key(key)):
        raise ServerError("server.no_workshop", key=key, server=shown(server))
    # As the owner: a GRANT by anyone else grants nothing (PostgreSQL only warns), and the
    # default privileges must be the owner's, whose role makes the tables an upgrade adds.
    if not as_owner(conn, key):
        raise ServerError("server.cannot_grant", key=key, server=shown(server))
    quoted = conn.dialect.identifier_preparer.quote(role)
    try:
        for statement in (*_REVOKE, *ACCESS[access]):
            conn.execute(text(statement.format(key=key, role=quoted)))
    except DBAPIError as exc:
        if sqlstate(exc) == "42704":  # undefined_object: no such role
            raise ServerError("server.no_role", role=role, server=shown(server)) from None
        raise
    conn.execute(text("RESET ROLE"))


def sqlstate(exc: BaseException) -> str | None:
    """The server's SQLSTATE behind an exception (None: not from the server)."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else None


# SQLSTATE (or its class, the first two characters) -> message code (core/messages_store.py).
_REASONS = {
    "25006": "db.server_read_only",  # read_only_sql_transaction
    "42501": "db.no_rights",  # insufficient_privilege
    "40001": "db.server_conflict",  # serialization_failure
    "40P01": "db.server_conflict",  # deadlock_detected
    "55P03": "db.server_conflict",  # lock_not_available
    "22021": "db.bad_character",  # character_not_in_repertoire
    "22003": "db.number_too_big",  # numeric_value_out_of_range
    "28P01": "db.server_login",  # invalid_password
    "28000": "db.server_login",  # invalid_authorization_specification
    "3D000": "db.server_no_database",  # invalid_catalog_name
    "23": "db.constraint",
    "53": "db.server_full",
    "08": "db.server_unreachable",
    "57": "db.server_unreachable",  # the server shutting down, or an administrator's cancel
}


_REFUSALS = [
    (r'database ".*" does not exist', "db.server_no_database"),
    (
        r'authentication failed|role ".*" does not exist|no pg_hba\.conf entry|password',
        "db.server_login",
    ),
]


def reason(exc: BaseException) -> Message:
    """The user's words for what the server (or psycopg) said, inside a sentence."""
    state = sqlstate(exc)
    if state is not None:
        code = _REASONS.get(state) or _REASONS.get(state[:2])
        if code is not None:
            return message(code)
    orig = getattr(exc, "orig", exc)
    said = str(orig)
    if "NUL (0x00)" in said:  # psycopg's own refusal, before anything reaches the server
        return message("db.bad_character")
    if type(orig).__name__ not in ("OperationalError", "InterfaceError"):
        return message("db.unexpected")
    # A refused connection carries no SQLSTATE, only libpq's text (the server's words in
    # English unless its lc_messages says otherwise); "FATAL" means the server answered.
    for pattern, code in _REFUSALS:
        if re.search(pattern, said):
            return message(code)
    return message("db.server_refused" if "FATAL" in said else "db.server_unreachable")


def unreachable(url: URL, exc: BaseException) -> ServerError:
    if asks_password(exc):
        code = "server.password_refused" if url.password else "server.password_needed"
        return PasswordNeeded(code, server=shown(url), user=login_name(url))
    return ServerError("server.cannot_connect", server=shown(url), why=reason(exc))


def asks_password(exc: BaseException) -> bool:
    """Whether a refused connection is one a (right) password would let in: the server asked
    for one and got none, or refused the one it got (libpq says which, in any language)."""
    pgconn = getattr(getattr(exc, "orig", exc), "pgconn", None)
    if pgconn is None:
        return False
    try:
        return bool(pgconn.needs_password or pgconn.used_password)
    except Exception:  # noqa: BLE001 - a closed PGconn: nothing to tell
        return False


def login_name(url: URL) -> str:
    """The user the login is for, as libpq picks it: the address's, PGUSER, the computer's."""
    import getpass
    import os

    given = url.username or url.query.get("user")
    return str(given or os.environ.get("PGUSER") or getpass.getuser())


# --------------------------------------------------------------------- live: LISTEN/NOTIFY
# A notification carries at most 8000 bytes; a change whose ids do not fit says "everything".
_MOST_PAYLOAD = 7900


def channel(key: str) -> str:
    return f"samverkan_{check_key(key)}"


def notify(
    conn: Connection,
    key: str,
    client: str,
    changed: Mapping[str, Iterable[int]],
    removed: Mapping[str, Iterable[int]],
) -> None:
    """Tell every other client listening on the workshop what this transaction changed. Sent
    inside the transaction: PostgreSQL delivers it at the commit, and never for a rollback."""
    payload = json.dumps(
        {
            "by": client,
            "changed": {k: sorted(v) for k, v in changed.items()},
            "removed": {k: sorted(v) for k, v in removed.items()},
        },
        separators=(",", ":"),
    )
    if len(payload.encode()) > _MOST_PAYLOAD:
        payload = json.dumps({"by": client, "everything": True}, separators=(",", ":"))
    conn.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": channel(key), "payload": payload}
    )


@dataclass(frozen=True)
class Heard:
    """One notification from another client: its ids per kind, or everything (too many ids,
    or notifications may have been missed while the connection was lost)."""

    changed: dict[str, frozenset[int]]
    removed: dict[str, frozenset[int]]
    everything: bool = False


def heard(payload: str, me: str) -> Heard | None:
    """A notification's payload as a `Heard`; None for this client's own, or one that is not
    ours (anyone with rights may notify on the channel: it is only read, never trusted)."""
    try:
        data = json.loads(payload)
        if not isinstance(data, dict) or data.get("by") == me:
            return None
        if data.get("everything") is True:
            return Heard({}, {}, everything=True)
        kinds = ("changed", "removed")
        parts = [{str(k): frozenset(int(i) for i in v) for k, v in data[p].items()} for p in kinds]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return Heard(parts[0], parts[1])


class Listener:
    """A connection of its own that LISTENs on one workshop's channel, on a daemon thread, and
    hands what other clients commit to `deliver` (called on that thread). When the connection
    is lost it tries again every `retry` seconds; once back it delivers "everything", since
    changes may have been missed meanwhile. `connected(False)` when the connection is lost,
    `connected(True)` when it is back (before that "everything"), on the same thread."""

    def __init__(
        self,
        url: URL,
        key: str,
        me: str,
        deliver: Callable[[Heard], None],
        *,
        poll: float = 0.2,
        retry: float = 0.5,
        connected: Callable[[bool], None] | None = None,
    ) -> None:
        self._conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._channel, self._me, self._deliver = channel(key), me, deliver
        self._poll, self._retry = poll, retry
        self._connected = connected or (lambda _up: None)
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in force
        self._thread = threading.Thread(target=self._run, name=self._channel, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        import psycopg  # the driver SQLAlchemy uses; only a live store needs it here

        missed = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {self._channel}")
                    self.listening.set()
                    if missed:
                        self._connected(True)
                        self._deliver(Heard({}, {}, everything=True))
                    missed = False
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=self._poll):
                            found = heard(note.payload, self._me)
                            if found is not None:
                                self._deliver(found)
            except psycopg.Error:
                if self.listening.is_set() and not self._stop.is_set():
                    self._connected(False)
                self.listening.clear()
                missed = True
                self._stop.wait(self._retry)
        self.listening.clear()
