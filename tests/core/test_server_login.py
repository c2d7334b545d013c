"""Passwords for a workshop on a server (issue 14): libpq's own ~/.pgpass works untouched, the
keyring is asked only when the server wants a password the address does not carry, nothing is
kept unless asked, and a missing or wrong password is one line naming the login, never the
password. The server is the tests' real one with a role that must give its password; the
keyring is one in memory (`memory_keyring`), never the user's."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from samverkan_desktop.core import model as m
from samverkan_desktop.core import server_login, store_server
from samverkan_desktop.core.messages import describe
from samverkan_desktop.core.store import Store

PASSWORD = "sommar-2021"


@pytest.fixture
def login(postgres_url, password_role, memory_keyring):
    """A workshop on the server, and the address of it for a role that needs its password
    (no password in the address)."""
    role = password_role(PASSWORD)
    with Store.create_url(postgres_url, m.Workshop("Öppet möte"), key="motet") as store:
        store.add_document(m.Document(m.Workshop("Öppet möte"), notes=(m.Note(1, "Fler bänkar"),)))
    Store.grant(postgres_url, "motet", role, "facilitator")
    return make_url(postgres_url).set(username=role).render_as_string(hide_password=False)


def _account(address: str) -> str:
    return server_login.account(store_server.server_url(address))


def test_without_a_password_anywhere_the_refusal_names_the_login_in_one_line(login, memory_keyring):
    with pytest.raises(store_server.PasswordNeeded) as refused:
        Store.open_url(login, "motet")
    role = make_url(login).username
    assert describe(refused.value, "sv").endswith(f"vill ha ett lösenord för {role}.")
    assert describe(refused.value, "en").endswith(f"asks for a password for {role}.")
    assert memory_keyring.passwords == {}  # asked, nothing kept


def test_a_password_in_pgpassfile_is_found_by_libpq(login, tmp_path, monkeypatch, memory_keyring):
    url = make_url(login)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{url.host}:{url.port}:*:{url.username}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with Store.open_url(login, "motet", readonly=True) as store:
        assert [n.text for n in store.document().notes] == ["Fler bänkar"]
    assert [w.key for w in Store.list_workshops(login)] == ["motet"]
    assert memory_keyring.passwords == {}  # libpq found it: the keyring was never needed


def test_a_remembered_password_is_taken_from_the_keyring_and_the_store_keeps_it_in_memory_only(
    login, memory_keyring
):
    assert server_login.remember(login, PASSWORD)
    assert memory_keyring.passwords == {(server_login.SERVICE, _account(login)): PASSWORD}
    with Store.open_url(login, "motet") as store:
        assert not store.readonly
        store.set_workshop(m.Workshop("Öppet möte, sorterat"))
        assert PASSWORD not in (store.url or "")
        assert PASSWORD not in str(store.path)
    assert [w.title for w in Store.list_workshops(login)] == ["Öppet möte, sorterat"]
    server_login.forget(login)
    assert memory_keyring.passwords == {}
    with pytest.raises(store_server.PasswordNeeded):
        Store.list_workshops(login)


def test_a_wrong_password_in_the_keyring_is_refused_as_wrong(login, memory_keyring):
    server_login.remember(login, "vinter-2020")
    with pytest.raises(store_server.PasswordNeeded) as refused:
        Store.open_url(login, "motet")
    said = describe(refused.value, "sv")
    assert "tog inte emot lösenordet" in said
    assert "vinter-2020" not in said and "\n" not in said


def test_a_password_given_with_the_address_is_used_and_a_wrong_one_refused(login, memory_keyring):
    with Store.open_url(server_login.with_password(login, PASSWORD), "motet") as store:
        assert store.document().workshop.title == "Öppet möte"
    with pytest.raises(store_server.PasswordNeeded) as refused:
        Store.list_workshops(server_login.with_password(login, "fel"))
    assert "fel@" not in describe(refused.value, "en")
    assert "did not accept the password" in describe(refused.value, "en")
    assert memory_keyring.passwords == {}  # typed is not remembered


def test_a_login_the_server_trusts_never_asks_the_keyring(postgres_url, memory_keyring):
    class Untouchable(type(memory_keyring)):  # type: ignore[misc]
        def get_password(self, service: str, username: str) -> str | None:
            raise AssertionError("the keyring was asked")

    import keyring

    keyring.set_keyring(Untouchable())
    with Store.create_url(postgres_url, m.Workshop("Förtroende"), key="fortroende"):
        pass
    assert [w.key for w in Store.list_workshops(postgres_url)] == ["fortroende"]


def test_a_broken_keyring_is_as_no_keyring(login, memory_keyring):
    import keyring
    from keyring.errors import KeyringError

    class Broken(type(memory_keyring)):  # type: ignore[misc]
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringError("locked")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise KeyringError("locked")

    keyring.set_keyring(Broken())
    assert not server_login.remember(login, PASSWORD)
    with pytest.raises(store_server.PasswordNeeded) as refused:
        Store.open_url(login, "motet")
    assert "vill ha ett lösenord" in describe(refused.value, "sv")


def test_the_keyring_entry_is_the_login_as_libpq_makes_it(monkeypatch):
    monkeypatch.delenv("PGHOST", raising=False)
    monkeypatch.delenv("PGPORT", raising=False)
    monkeypatch.setenv("PGUSER", "kommunen")

    def account(address: str) -> str:
        return server_login.account(store_server.server_url(address))

    assert account("postgresql://anna@db.kommun.se:6543/ws") == "anna@db.kommun.se:6543"
    assert account("postgresql://db.kommun.se/ws?sslmode=require") == "kommunen@db.kommun.se:5432"
    assert account("postgresql:///ws?host=/run/postgresql&port=5433&user=bo") == (
        "bo@/run/postgresql:5433"
    )
    # The workshop named in the address is no option for libpq, nor part of the login.
    address, key = store_server.split_workshop("postgresql://h/ws?workshop=orebro&sslmode=require")
    assert key == "orebro" and "workshop" not in address and "sslmode=require" in address
    assert "workshop" not in str(store_server.server_url("postgresql://h/ws?workshop=orebro"))


def test_the_addresss_own_libpq_options_are_kept_beside_ours(postgres_url):
    """Nothing of ours replaces what the address tells libpq (its `options`, its
    connect_timeout): a council's settings reach the server with the workshop's own."""
    from sqlalchemy import text

    with Store.create_url(postgres_url, m.Workshop("Val"), key="val"):
        pass
    address = f"{postgres_url}?options=-c%20lock_timeout%3D1234&connect_timeout=3"
    with Store.open_url(address, "val", readonly=True) as store:
        with store._engine.connect() as conn:
            assert conn.scalar(text("SHOW lock_timeout")) == "1234ms"
            assert conn.scalar(text("SHOW search_path")) == "val"
            assert conn.scalar(text("SHOW default_transaction_read_only")) == "on"
            assert "connect_timeout=3" in conn.connection.dbapi_connection.info.dsn
