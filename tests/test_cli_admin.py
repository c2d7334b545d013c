"""`samverkan-desktop grant` and `upgrade`, the commands for whoever runs the server (issue 14),
and what a facilitator meets in a workshop of an older schema. Against the tests' real server,
set up as the README tells a council's IT department to: a role that owns the workshops (not a
superuser; it may create schemas in the database), and login roles for the readers and
facilitators, which get their access through `grant`."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from functools import partial

import psycopg
import pytest
from sqlalchemy.engine import make_url

from samverkan_desktop.core import store_file, store_server
from samverkan_desktop.core.messages import describe
from samverkan_desktop.core.store import Store, StoreError

from .program import one_error_line

HEAD = store_file.head_revision()


pytestmark = pytest.mark.usefixtures("swedish")  # these tests read the program's Swedish


def _sql(url: str, statement: str, *args: object) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement, args or None)
        return cur.fetchall() if cur.description else []


def as_role(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


@dataclass
class Server:
    """The database (as the superuser `postgres`), the owner's login and two other logins."""

    admin: str
    owner: str
    owner_role: str
    reader: str
    reader_role: str
    facilitator: str
    facilitator_role: str

    def address(self, url: str, key: str | None = None) -> str:
        return f"{url}?workshop={key}" if key else url


@pytest.fixture
def server(postgres_url) -> Server:
    tag = uuid.uuid4().hex[:8]
    names = {kind: f"{kind}_{tag}" for kind in ("agare", "lasare", "ledare")}
    database = make_url(postgres_url).database
    for name in names.values():
        _sql(postgres_url, f"CREATE ROLE {name} LOGIN")
    _sql(postgres_url, f"GRANT CREATE ON DATABASE {database} TO {names['agare']}")
    return Server(
        postgres_url,
        as_role(postgres_url, names["agare"]),
        names["agare"],
        as_role(postgres_url, names["lasare"]),
        names["lasare"],
        as_role(postgres_url, names["ledare"]),
        names["ledare"],
    )


def old_workshop(url: str, key: str, revision: str = "0002") -> None:
    """A workshop made by an older version of the program (its tables at `revision`), with a
    title and a note, owned by the login of `url`."""
    from alembic import command

    engine = store_server.engine(store_server.server_url(url), key)
    with engine.begin() as conn:
        store_server.create_schema(conn, key)
        command.upgrade(store_file.alembic_config(conn), revision)
    engine.dispose()
    _sql(
        url,
        f"INSERT INTO {key}.workshop (title, description, created_at) "
        "VALUES ('Från förra året', '', now());"
        f"INSERT INTO {key}.notes (text, section, source, uncertain, comment, "
        "personal_data, votes, colour, x, y, created_at, updated_at) VALUES "
        "('gammal lapp', '', '', false, '', false, 0, '', 1, 2, now(), now())",
    )


def revision_of(url: str, key: str) -> str:
    return _sql(url, f"SELECT version_num FROM {key}.alembic_version")[0][0]


one_line = partial(one_error_line, foreign=("psycopg", "FATAL", "does not exist", "sqlalchemy"))


# ---------------------------------------------------------------------------- grant
def test_grant_gives_each_role_what_the_server_then_enforces(server, run_cli):
    with Store.create_url(server.owner, key="orebro") as own:
        own.add_note("ägarens lapp")
    address = server.address(server.owner, "orebro")

    given = run_cli("grant", address, server.reader_role, "reader")
    assert given.returncode == 0, given.stderr
    assert given.stdout == f"{server.reader_role} får nu läsa workshoppen orebro.\n"
    given = run_cli("grant", address, server.facilitator_role, "facilitator", "--language", "en")
    assert given.stdout == (
        f"{server.facilitator_role} may now read and change the workshop orebro.\n"
    )

    # The server itself: the reader's INSERT is refused, the facilitator's goes in.
    insert = "INSERT INTO orebro.notes (text, x, y) VALUES ('skriven direkt', 0, 0)"
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(server.reader, insert)
    assert _sql(server.reader, "SELECT count(*) FROM orebro.notes") == [(1,)]
    with Store.open_url(server.facilitator, "orebro") as store:
        assert not store.readonly
        store.add_note("samtalsledarens lapp")
    with Store.open_url(server.reader, "orebro") as store:
        assert store.readonly
        assert sorted(n.text for n in store.notes()) == ["samtalsledarens lapp", "ägarens lapp"]

    taken = run_cli("grant", address, server.facilitator_role, "none")
    assert (
        taken.stdout
        == f"{server.facilitator_role} har nu ingen behörighet till workshoppen orebro.\n"
    )
    with pytest.raises(StoreError, match="inte behörighet till workshoppen orebro"):
        Store.open_url(server.facilitator, "orebro")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(server.facilitator, "SELECT count(*) FROM orebro.notes")


def test_grant_without_a_workshop_gives_access_to_every_workshop_there(server, run_cli):
    for key in ("orebro", "malmo"):
        Store.create_url(server.owner, key=key).close()
    given = run_cli("grant", server.owner, server.reader_role, "reader")
    assert given.returncode == 0, given.stderr
    assert given.stdout == (f"{server.reader_role} får nu läsa 2 workshoppar på {server.owner}.\n")
    for key in ("orebro", "malmo"):
        with Store.open_url(server.reader, key) as store:
            assert store.readonly and store.workshop() is not None


def test_grant_refusals_are_one_line_in_the_users_language(server, run_cli):
    Store.create_url(server.owner, key="orebro").close()
    address = server.address(server.owner, "orebro")
    one_line(
        run_cli("grant", server.address(server.owner, "malmo"), server.reader_role, "reader"),
        "Det finns ingen workshop som heter malmo på",
    )
    one_line(
        run_cli("grant", address, "finns_inte", "reader"),
        "Det finns ingen roll som heter finns_inte på",
    )
    one_line(
        run_cli("grant", address, "finns_inte", "reader", "--language", "en"),
        "There is no role called finns_inte on",
        language="en",
    )
    # A facilitator may change the workshop, not say who else may.
    Store.grant(server.owner, "orebro", server.facilitator_role, "facilitator")
    one_line(
        run_cli(
            "grant", server.address(server.facilitator, "orebro"), server.reader_role, "reader"
        ),
        "Du får inte ge behörighet till workshoppen orebro",
        "logga in som rollen som äger den",
    )
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # and nothing was given
        _sql(server.reader, "SELECT count(*) FROM orebro.notes")
    # Granting to every workshop is all or nothing: one the login does not own stops it.
    Store.create_url(server.admin, key="annans").close()
    one_line(
        run_cli("grant", server.owner, server.reader_role, "reader"),
        "Du får inte ge behörighet till workshoppen annans",
    )
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(server.reader, "SELECT count(*) FROM orebro.notes")
    nowhere = "postgresql://postgres@127.0.0.1:9/db?workshop=orebro&connect_timeout=2"
    one_line(run_cli("grant", nowhere, server.reader_role, "reader"), "Kan inte ansluta till")
    one_line(
        run_cli("grant", "orebro.samverkan", server.reader_role, "reader"), "ingen serveradress"
    )
    wrong = run_cli("grant", address, server.reader_role, "lasare")
    one_line(wrong, "ogiltigt val 'lasare'", code=2)


# ---------------------------------------------------------------------------- upgrade
def test_upgrade_brings_every_old_workshop_up_to_date_and_says_what_it_did(server, run_cli):
    old_workshop(server.owner, "orebro_2021")
    old_workshop(server.owner, "malmo_2022")
    Store.create_url(server.owner, key="ny").close()
    Store.grant(server.owner, "orebro_2021", server.facilitator_role, "facilitator")

    # Run by an administrator (here the superuser): the tables it adds are still the owner's,
    # so the facilitator's rights (the owner's default privileges) cover them too.
    done = run_cli("upgrade", server.admin)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"malmo_2022: 0002 → {HEAD}",
        f"ny: redan aktuell ({HEAD})",
        f"orebro_2021: 0002 → {HEAD}",
    ]
    assert (
        revision_of(server.admin, "orebro_2021") == revision_of(server.admin, "malmo_2022") == HEAD
    )
    [(owner,)] = _sql(
        server.admin,
        "SELECT tableowner FROM pg_tables"
        " WHERE schemaname = 'orebro_2021' AND tablename = 'change_log'",
    )
    assert owner == server.owner_role
    assert _sql(
        server.facilitator, "SELECT has_table_privilege('orebro_2021.change_log', 'INSERT')"
    ) == [(True,)]
    with Store.open_url(server.facilitator, "orebro_2021") as store:
        [note] = store.notes()
        assert note.text == "gammal lapp"
        store.update_note(note.id, text="uppdaterad", based_on=1)

    again = run_cli("upgrade", server.address(server.owner, "orebro_2021"), "--language", "en")
    assert again.stdout == f"orebro_2021: already current ({HEAD})\n"


def test_a_workshop_that_cannot_be_upgraded_is_left_as_it_was_and_the_others_are_done(
    server, run_cli
):
    old_workshop(server.owner, "forst")
    old_workshop(server.owner, "trasig")
    old_workshop(server.owner, "sist")
    # Someone made a table by hand where the next migration makes its own.
    _sql(server.owner, "CREATE TABLE trasig.change_log (id integer)")
    _sql(server.owner, "INSERT INTO trasig.change_log VALUES (7)")
    old_workshop(server.owner, "nyare")
    _sql(server.owner, "UPDATE nyare.alembic_version SET version_num = '9999'")

    done = run_cli("upgrade", server.owner)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [f"forst: 0002 → {HEAD}", f"sist: 0002 → {HEAD}"]
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith("samverkan-desktop: fel: nyare är gjord av en nyare version")
    assert lines[1].startswith("samverkan-desktop: fel: Kan inte uppdatera trasig till den här")
    assert "Traceback" not in done.stderr and "psycopg" not in done.stderr
    assert revision_of(server.owner, "trasig") == "0002"
    assert _sql(server.owner, "SELECT * FROM trasig.change_log") == [(7,)]
    assert revision_of(server.owner, "forst") == revision_of(server.owner, "sist") == HEAD


def test_upgrade_by_a_login_that_does_not_own_the_workshops_changes_nothing(server, run_cli):
    old_workshop(server.owner, "orebro")
    Store.grant(server.owner, "orebro", server.facilitator_role, "facilitator")
    refused = run_cli("upgrade", server.address(server.facilitator, "orebro"))
    one_line(
        refused,
        f"{server.facilitator_role} får inte ändra tabellerna i workshoppen orebro",
        "kör upgrade som rollen som äger den",
    )
    assert revision_of(server.owner, "orebro") == "0002"
    one_line(
        run_cli("upgrade", server.address(server.owner, "malmo")), "ingen workshop som heter malmo"
    )
    one_line(run_cli("upgrade", "orebro.samverkan"), "ingen serveradress")


def test_upgrade_of_a_database_without_workshops_says_so(postgres_url, run_cli):
    empty = run_cli("upgrade", postgres_url)
    assert empty.returncode == 0
    assert empty.stdout == f"Det finns inga workshoppar på {postgres_url}.\n"


# ---------------------------------------------------------------- an old workshop, opened
def test_a_facilitator_opening_an_old_workshop_is_told_who_can_upgrade_it(
    server, run_cli, seed_path
):
    old_workshop(server.owner, "orebro")
    Store.grant(server.owner, "orebro", server.facilitator_role, "facilitator")
    with pytest.raises(StoreError) as info:
        Store.open_url(server.facilitator, "orebro")
    plain = make_url(server.owner).set(username=server.facilitator_role)
    expected_address = f"{store_server.shown(plain)}?workshop=orebro"
    assert describe(info.value, "sv") == (
        f"Workshoppen orebro på {store_server.shown(plain)} behöver uppdateras till den här "
        "versionen av programmet; be den som sköter servern köra: "
        f"samverkan-desktop upgrade '{expected_address}'"
    )
    assert describe(info.value, "en").startswith("The workshop orebro on ")
    refused = run_cli("import", seed_path, "--into", server.address(server.facilitator, "orebro"))
    one_line(refused, "behöver uppdateras", f"samverkan-desktop upgrade '{expected_address}'")
    assert revision_of(server.owner, "orebro") == "0002"
    assert _sql(server.owner, "SELECT count(*) FROM orebro.notes") == [(1,)]

    # Read-only it opens as it is: this version reads a 0002 workshop.
    info_out = run_cli("info", server.address(server.facilitator, "orebro"))
    assert info_out.returncode == 0, info_out.stderr
    assert "Lappar: 1\n" in info_out.stdout

    # Once the owner has run upgrade, the facilitator writes.
    assert run_cli("upgrade", server.owner).returncode == 0
    with Store.open_url(server.facilitator, "orebro") as store:
        assert not store.readonly
        store.add_note("ny lapp")


def test_a_reader_opens_an_old_workshop_read_only_as_it_is(server):
    old_workshop(server.owner, "orebro")
    Store.grant(server.owner, "orebro", server.reader_role, "reader")
    with Store.open_url(server.reader, "orebro") as store:  # as the window opens it
        assert store.readonly
        assert [n.text for n in store.notes()] == ["gammal lapp"]
        assert store.workshop().title == "Från förra året"
    assert revision_of(server.owner, "orebro") == "0002"


def test_a_workshop_older_than_this_version_reads_is_refused_to_a_reader(server):
    old_workshop(server.owner, "urgammal", revision="0001")
    Store.grant(server.owner, "urgammal", server.reader_role, "reader")
    with pytest.raises(StoreError, match="behöver uppdateras") as info:
        Store.open_url(server.reader, "urgammal")
    assert "samverkan-desktop upgrade '" in describe(info.value, "sv")
    # Its owner opening it for writing upgrades it, as before.
    with Store.open_url(server.owner, "urgammal") as store:
        assert [n.text for n in store.notes()] == ["gammal lapp"]
    assert revision_of(server.owner, "urgammal") == HEAD


# ---------------------------------------------------------------- the real program
def _program(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "sv_SE.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "samverkan_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_grant_and_upgrade_as_programs_of_their_own(server):
    old_workshop(server.owner, "orebro")
    done = _program("upgrade", server.owner)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"orebro: 0002 → {HEAD}\n"
    given = _program("grant", server.address(server.owner, "orebro"), server.reader_role, "reader")
    assert given.returncode == 0, given.stderr
    assert given.stdout == f"{server.reader_role} får nu läsa workshoppen orebro.\n"
    assert _sql(server.reader, "SELECT count(*) FROM orebro.notes") == [(1,)]
