"""The command line on a workshop on a PostgreSQL server (issue 14): `info`, `export`,
`suggest` and `import --into` take `postgresql://host/db?workshop=KEY` wherever they take a
file, and every refusal (no workshop named, an unknown one, no server, no or a wrong password,
a reader importing) is one line in the user's language without psycopg's words. Against the
tests' real server; the keyring is one in memory."""

from __future__ import annotations

import json
import sys
import uuid
from functools import partial

import pytest
from sqlalchemy.engine import make_url

from samverkan_desktop.core import server_login
from samverkan_desktop.core.importers import read_source
from samverkan_desktop.core.store import Store

from .program import one_error_line

PASSWORD = "höst-2021"


pytestmark = pytest.mark.usefixtures("swedish")  # these tests read the program's Swedish


@pytest.fixture
def workshop(postgres_url, run_cli, seed_path) -> str:
    """The sample imported into the workshop `orebro` on the server: its address."""
    address = f"{postgres_url}?workshop=orebro"
    made = run_cli("import", seed_path, "--into", address)
    assert made.returncode == 0, made.stderr
    return address


one_line = partial(one_error_line, foreign=("psycopg", "FATAL", "connection failed", "fe_sendauth"))


def as_role(address: str, role: str) -> str:
    return make_url(address).set(username=role).render_as_string(hide_password=False)


# ---------------------------------------------------------------------------- the commands
def test_info_on_the_server_says_what_info_on_the_file_says(
    workshop, run_cli, seed_path, tmp_path, postgres_url
):
    on_server = run_cli("info", workshop)
    assert on_server.returncode == 0, on_server.stderr
    first, *rest = on_server.stdout.splitlines()
    assert first == f"Workshop: orebro på {postgres_url}"
    made = run_cli("import", seed_path, "--into", tmp_path / "o.samverkan")
    assert made.returncode == 0
    in_file = run_cli("info", tmp_path / "o.samverkan")
    assert rest == in_file.stdout.splitlines()[1:]
    assert f"Lappar: {len(read_source(seed_path).notes)}" in rest


def test_export_and_suggest_read_the_workshop_on_the_server(workshop, run_cli, tmp_path, seed_path):
    exported = run_cli("export", workshop, "--format", "json", "--output", tmp_path / "o.json")
    assert exported.returncode == 0, exported.stderr
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert len(data["notes"]) == len(read_source(seed_path).notes)
    assert data["workshop"]["title"] == "Fördjupningsdag om samverkan"
    suggested = run_cli("suggest", workshop, "--json")
    assert suggested.returncode == 0, suggested.stderr
    assert json.loads(suggested.stdout)["suggestions"]


def test_import_adds_to_the_named_workshop_and_makes_one_when_none_is_named(
    workshop, run_cli, seed_path, postgres_url
):
    notes = len(read_source(seed_path).notes)
    again = run_cli("import", seed_path, "--into", workshop)
    assert again.returncode == 0, again.stderr
    assert "Lade till" in again.stdout and "i workshoppen orebro på" in again.stdout
    assert f"Workshoppen har nu {notes * 2} lappar." in again.stdout
    assert "har samma fil importerats två gånger?" in again.stdout

    new = run_cli("import", seed_path, "--into", postgres_url)
    assert new.returncode == 0, new.stderr
    key = "fordjupningsdag_om_samverkan"
    assert f"Ange den nästa gång som '{postgres_url}?workshop={key}'" in new.stdout
    listed = {w.key for w in Store.list_workshops(postgres_url)}
    assert listed == {"orebro", key}
    info = run_cli("info", f"{postgres_url}?workshop={key}")
    assert f"Lappar: {notes}\n" in info.stdout


def test_libpq_options_pass_through_beside_the_workshop(workshop, run_cli, postgres_server):
    """A Unix socket folder as `host=` and sslmode, as a council's address may carry them."""
    name = make_url(workshop).database
    address = (
        f"postgresql:///{name}?host={postgres_server.folder}&port={postgres_server.port}"
        "&user=postgres&sslmode=disable&workshop=orebro&application_name=samverkan"
    )
    done = run_cli("info", address)
    assert done.returncode == 0, done.stderr
    assert "Titel: Fördjupningsdag om samverkan" in done.stdout


# ---------------------------------------------------------------------------- refusals
def test_an_address_without_a_workshop_lists_the_ones_there(workshop, run_cli, postgres_url):
    one_line(run_cli("info", postgres_url), "lägg till ?workshop=NAMN", "finns: orebro")
    one_line(
        run_cli("--language", "en", "export", postgres_url, "-o", "x.json"),
        "add ?workshop=NAME",
        "on the server: orebro",
        language="en",
    )


def test_an_unknown_workshop_and_a_server_that_is_not_there(workshop, run_cli, postgres_url):
    one_line(run_cli("info", f"{postgres_url}?workshop=malmo"), "ingen workshop som heter malmo")
    nowhere = "postgresql://postgres@127.0.0.1:9/db?workshop=orebro&connect_timeout=2"
    one_line(run_cli("suggest", nowhere), "Kan inte ansluta till", "servern svarar inte")
    one_line(
        run_cli("info", nowhere, "--language", "en"),
        "Cannot connect to",
        "does not answer",
        language="en",
    )
    one_line(run_cli("info", "postgresql://db:port/ws?workshop=x"), "ingen serveradress")


def test_a_reader_may_read_but_not_import(workshop, run_cli, seed_path, postgres_url):
    import psycopg

    role = f"reader_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
    try:
        Store.grant(postgres_url, "orebro", role, "reader")
        reader = as_role(workshop, role)
        assert run_cli("info", reader).returncode == 0
        refused = run_cli("import", seed_path, "--into", reader)
        one_line(refused, "Du får bara läsa workshoppen orebro på", "ingenting importerades")
        assert "Lappar: 216\n" in run_cli("info", workshop).stdout  # nothing was added
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}; DROP ROLE {role}")


# ---------------------------------------------------------------------------- passwords
@pytest.fixture
def locked(workshop, postgres_url, password_role, memory_keyring) -> str:
    """The workshop's address for a facilitator role that must give its password."""
    role = password_role(PASSWORD)
    Store.grant(postgres_url, "orebro", role, "facilitator")
    return as_role(workshop, role)


def test_without_a_terminal_a_missing_password_is_one_line_saying_where_to_put_it(locked, run_cli):
    role = make_url(locked).username
    one_line(
        run_cli("info", locked),
        f"vill ha ett lösenord för {role}.",
        "~/.pgpass",
        "PGPASSFILE",
    )
    one_line(
        run_cli("--language", "en", "info", locked),
        f"asks for a password for {role}.",
        language="en",
    )


def test_pgpassfile_and_the_keyring_give_the_password(
    locked, run_cli, tmp_path, monkeypatch, memory_keyring
):
    url = make_url(locked)
    server_login.remember(locked, PASSWORD)
    assert run_cli("info", locked).returncode == 0
    memory_keyring.passwords.clear()
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{url.username}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    done = run_cli("export", locked, "-o", tmp_path / "o.md")
    assert done.returncode == 0, done.stderr
    assert "Fördjupningsdag om samverkan" in (tmp_path / "o.md").read_text(encoding="utf-8")
    assert memory_keyring.passwords == {}  # the command line keeps no password


def test_a_wrong_password_in_the_address_is_refused_without_showing_it(locked, run_cli):
    wrong = make_url(locked).set(password="gissat").render_as_string(hide_password=False)
    refused = run_cli("info", wrong)
    one_line(refused, "tog inte emot lösenordet för")
    assert "gissat" not in refused.stderr


def test_on_a_terminal_the_password_is_asked_for_once(locked, run_cli, monkeypatch):
    """getpass stands in for the terminal here; test_cli_server_process.py types into a real
    one."""
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return PASSWORD

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", typed)
    done = run_cli("info", locked)
    assert done.returncode == 0, done.stderr
    role = make_url(locked).username
    assert asked == [f"Lösenord för {role}@127.0.0.1:{make_url(locked).port}: "]

    monkeypatch.setattr("getpass.getpass", lambda prompt: "fel")
    one_line(run_cli("info", locked), "tog inte emot lösenordet")


def test_a_password_given_in_the_address_is_never_printed(
    locked, run_cli, seed_path, postgres_url, memory_keyring
):
    with_password = make_url(locked).set(password=PASSWORD).render_as_string(hide_password=False)
    info = run_cli("info", with_password)
    assert info.returncode == 0, info.stderr
    assert PASSWORD not in info.stdout and "Workshop: orebro på postgresql://pw_" in info.stdout
    import psycopg

    role = make_url(locked).username
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"GRANT CREATE ON DATABASE {make_url(postgres_url).database} TO {role}")
    new = run_cli("import", seed_path, "--into", with_password.replace("workshop=orebro", ""))
    assert new.returncode == 0, new.stderr
    assert PASSWORD not in new.stdout and "***" in new.stdout  # the workshop as shown
    (again,) = [line for line in new.stdout.splitlines() if line.startswith("Ange den")]
    assert again == (
        f"Ange den nästa gång som 'postgresql://{role}@127.0.0.1:{make_url(locked).port}/"
        f"{make_url(locked).database}?workshop=fordjupningsdag_om_samverkan'"
    )
    assert memory_keyring.passwords == {}
