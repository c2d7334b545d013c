"""What only a workshop on a PostgreSQL server has (issue 14): the same migrations making the
same tables, several workshops on one database and their list, two clients on one workshop,
refusals in one line without the server's own words or a password, and a server that stops
and comes back. The whole store contract runs on it in test_store_contract.py.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

import psycopg
import pytest
from sqlalchemy import create_engine, inspect

from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_file, store_server
from samverkan_desktop.core.messages import describe
from samverkan_desktop.core.store import RowMovedOn, Store, StoreError

DATE = dt.date(2021, 11, 10)


def _sql(url: str, statement: str) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement)
        return cur.fetchall() if cur.description else []


def _one_line(error: BaseException) -> str:
    for language in ("sv", "en"):
        text = describe(error, language)
        assert "\n" not in text and "psycopg" not in text and "sqlalchemy" not in text.lower()
    return describe(error, "sv")


# ------------------------------------------------------------------------ migrations
def test_the_migrations_make_the_same_tables_on_the_server_as_in_a_file(postgres_url, tmp_path):
    with Store.create_url(postgres_url, m.Workshop("Tabeller"), key="tabeller"):
        pass
    with Store.create(tmp_path / "fil.samverkan"):
        pass
    server = inspect(create_engine(store_server.server_url(postgres_url)))
    file = inspect(create_engine(f"sqlite:///{tmp_path / 'fil.samverkan'}"))
    tables = set(file.get_table_names())
    assert {
        "workshop",
        "groups",
        "clusters",
        "notes",
        "note_links",
        "note_themes",
        "meta",
        "alembic_version",
    } <= tables
    assert set(server.get_table_names(schema="tabeller")) == tables
    for table in tables:
        on_server = {c["name"]: c for c in server.get_columns(table, schema="tabeller")}
        in_file = {c["name"]: c for c in file.get_columns(table)}
        assert on_server.keys() == in_file.keys(), table
        assert {n: c["nullable"] for n, c in on_server.items()} == {
            n: c["nullable"] for n, c in in_file.items()
        }, table
    notes = {c["name"]: str(c["type"]) for c in server.get_columns("notes", schema="tabeller")}
    assert notes["uncertain"] == "BOOLEAN" and notes["created_at"] == "TIMESTAMP"
    assert notes["x"] == "DOUBLE PRECISION" and notes["text"] == "TEXT"
    groups = {c["name"]: c for c in server.get_columns("groups", schema="tabeller")}
    assert str(groups["facilitators"]["type"]) == "JSON"
    assert "nextval" in groups["id"]["default"]  # the server numbers new rows itself
    assert server.get_foreign_keys("notes", schema="tabeller")
    [(revision,)] = _sql(postgres_url, "SELECT version_num FROM tabeller.alembic_version")
    assert revision == store_file.head_revision()


def test_a_workshop_of_a_newer_program_is_refused_and_left_alone(postgres_url):
    with Store.create_url(postgres_url, key="framtid") as store:
        store.add_note("från framtiden")
    _sql(postgres_url, "UPDATE framtid.alembic_version SET version_num = '9999_framtid'")
    for readonly in (False, True):
        with pytest.raises(StoreError, match="nyare version") as info:
            Store.open_url(postgres_url, "framtid", readonly=readonly)
        _one_line(info.value)
    assert _sql(postgres_url, "SELECT text FROM framtid.notes") == [("från framtiden",)]


# ------------------------------------------------------------------------ workshops on a server
def test_several_workshops_share_a_database_and_are_listed_by_key(postgres_url):
    assert Store.list_workshops(postgres_url) == []
    first = Store.create_url(postgres_url, m.Workshop("Öppet möte i Örebro", DATE))
    second = Store.create_url(postgres_url, m.Workshop("Öppet möte i Örebro"))
    third = Store.create_url(postgres_url, m.Workshop("Äldreomsorg"), key="aldre_2022")
    _sql(postgres_url, "CREATE SCHEMA annat_program; CREATE TABLE annat_program.workshop (x int)")
    try:
        first.add_note("bara i den första")
        assert (first.path.name, second.path.name) == (
            "oppet_mote_i_orebro",
            "oppet_mote_i_orebro_2",
        )
        assert Store.list_workshops(postgres_url) == [
            store_server.ListedWorkshop("aldre_2022", "Äldreomsorg", None),
            store_server.ListedWorkshop("oppet_mote_i_orebro", "Öppet möte i Örebro", DATE),
            store_server.ListedWorkshop("oppet_mote_i_orebro_2", "Öppet möte i Örebro", None),
        ]
        assert second.notes() == [] and third.notes() == []
    finally:
        for store in (first, second, third):
            store.close()
    with Store.open_url(postgres_url, "oppet_mote_i_orebro") as again:
        assert [n.text for n in again.notes()] == ["bara i den första"]


def test_what_is_no_workshop_and_names_that_cannot_be_one_are_refused(postgres_url):
    _sql(postgres_url, "CREATE SCHEMA annat_program")
    for key, says in [
        ("saknas", "ingen workshop"),
        ("annat_program", "ingen workshop"),
        ("Stora", "små bokstäver"),
        ("public", "små bokstäver"),
        ("pg_catalog", "små bokstäver"),
        ("a; DROP TABLE x", "små bokstäver"),
    ]:
        with pytest.raises(StoreError, match=says) as info:
            Store.open_url(postgres_url, key)
        _one_line(info.value)
    with pytest.raises(StoreError, match="små bokstäver"):
        Store.create_url(postgres_url, key="x" * 41)
    assert Store.list_workshops(postgres_url) == []


def test_a_failed_creation_leaves_nothing_on_the_server(postgres_url, monkeypatch):
    def broken(conn, key):
        raise StoreError("store.cannot_upgrade_db", name=key, why="?")

    monkeypatch.setattr("samverkan_desktop.core.store_open._upgrade_schema", broken)
    with pytest.raises(StoreError):
        Store.create_url(postgres_url, m.Workshop("Halv"), key="halv")
    assert _sql(postgres_url, "SELECT 1 FROM pg_namespace WHERE nspname = 'halv'") == []


def test_addresses_that_are_no_server_and_a_server_that_is_not_there(postgres_server):
    for url in ("mysql://server/db", "http://server/db", "sqlite:///x.samverkan", ":"):
        with pytest.raises(StoreError, match="ingen serveradress") as info:
            Store.list_workshops(url)
        _one_line(info.value)
    port = postgres_server.port
    nobody = f"postgresql://anna:hemligt@127.0.0.1:{port + 1 if port < 65535 else 1}/x"
    with pytest.raises(StoreError, match="svarar inte") as info:
        Store.list_workshops(nobody)
    assert "hemligt" not in describe(info.value, "sv") + describe(info.value, "en")
    assert "anna" in _one_line(info.value)  # which server it tried
    missing = postgres_server.url.rsplit("/", 1)[0] + "/finns_inte"
    with pytest.raises(StoreError, match="databasen finns inte") as info:
        Store.open_url(missing, "verkstad")
    _one_line(info.value)
    stranger = postgres_server.url.replace("postgres@", "okand@")
    with pytest.raises(StoreError, match="inloggningen") as info:
        Store.list_workshops(stranger)
    _one_line(info.value)


# ------------------------------------------------------------------------ two clients
def test_two_clients_on_one_workshop_see_each_others_commits(postgres_url):
    with (
        Store.create_url(postgres_url, m.Workshop("Delad"), key="delad") as anna,
        Store.open_url(postgres_url, "delad") as bo,
    ):
        note = anna.add_note("Anna skrev")
        cluster = bo.add_cluster("Bos tema")
        bo.set_membership({note.id: cluster.id})
        assert anna.note(note.id).cluster_id == cluster.id
        with anna.transaction():
            anna.update_note(note.id, text="ändrad men inte klar")
            assert bo.note(note.id).text == "Anna skrev"  # nothing shows before the commit
        assert bo.note(note.id).text == "ändrad men inte klar"


def test_imports_by_two_clients_at_once_all_get_ids_of_their_own(postgres_url):
    doc = m.Document(
        clusters=(m.Cluster(1, "Tema"),),
        notes=tuple(m.Note(i, f"lapp {i}", cluster_id=1) for i in range(1, 101)),
    )
    with Store.create_url(postgres_url, key="samtidigt") as first:
        first.add_note("före")
    stores = [Store.open_url(postgres_url, "samtidigt") for _ in range(4)]
    failures: list[BaseException] = []

    def run(store: Store) -> None:
        try:
            for _ in range(3):
                store.add_document(doc)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert failures == []
        notes = stores[0].notes()
        assert len(notes) == 1 + 4 * 3 * 100
        assert len({n.id for n in notes}) == len(notes)
        clusters = {c.id for c in stores[0].clusters()}
        assert len(clusters) == 12
        per_cluster = [sum(n.cluster_id == c for n in notes) for c in clusters]
        assert per_cluster == [100] * 12  # every import kept its own notes together
    finally:
        for s in stores:
            s.close()


def test_a_write_based_on_what_another_client_changed_since_is_refused(postgres_url):
    with (
        Store.create_url(postgres_url, key="krock") as anna,
        Store.open_url(postgres_url, "krock") as bo,
    ):
        note = anna.add_note("Trygghet")
        cluster = anna.add_cluster("Tema")
        seen = bo.versions("note")  # what Bo's board drew
        anna.set_membership({note.id: cluster.id})  # Anna groups the note meanwhile
        with pytest.raises(RowMovedOn, match="”Trygghet”") as info:
            bo.update_notes({note.id: {"cluster_id": None}}, based_on=seen)
        _one_line(info.value)
        assert anna.note(note.id).cluster_id == cluster.id  # Anna's change stands
        bo.update_notes({note.id: {"text": "Trygghet i parken"}}, based_on=bo.versions("note"))
        assert anna.note(note.id) == bo.note(note.id)


def test_two_clients_writing_from_one_version_at_once_one_wins(postgres_url):
    with Store.create_url(postgres_url, key="samma") as first:
        note = first.add_note("a")
    stores = [Store.open_url(postgres_url, "samma") for _ in range(6)]
    seen = {note.id: 1}
    outcome: list[str] = []
    start = threading.Barrier(len(stores))

    def write(store: Store, n: int) -> None:
        start.wait()
        try:
            store.update_notes({note.id: {"text": f"skriven av {n}"}}, based_on=seen)
            outcome.append(f"skriven av {n}")
        except RowMovedOn:
            outcome.append("nekad")

    threads = [threading.Thread(target=write, args=(s, n)) for n, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        [winner] = [o for o in outcome if o != "nekad"]
        assert outcome.count("nekad") == len(stores) - 1
        assert stores[0].note(note.id).text == winner
        assert stores[0].versions("note") == {note.id: 2}
    finally:
        for s in stores:
            s.close()


def test_an_older_workshop_on_the_server_is_upgraded_when_opened_for_writing(postgres_url):
    from alembic import command

    server = store_server.server_url(postgres_url)
    engine = store_server.engine(server, "gammal")
    with engine.begin() as conn:
        store_server.create_schema(conn, "gammal")
        command.upgrade(store_file.alembic_config(conn), "0001")
    engine.dispose()
    _sql(
        postgres_url,
        "INSERT INTO gammal.workshop (title, description, created_at) "
        "VALUES ('Från förra året', '', now());"
        "INSERT INTO gammal.notes (text, section, source, uncertain, comment, "
        "personal_data, votes, colour, x, y, created_at, updated_at) VALUES "
        "('gammal lapp', '', '', false, '', false, 0, '', 1, 2, now(), now())",
    )
    with pytest.raises(StoreError, match="behöver uppdateras") as info:
        Store.open_url(postgres_url, "gammal", readonly=True)
    _one_line(info.value)
    with Store.open_url(postgres_url, "gammal") as store:
        [note] = store.notes()
        assert note.text == "gammal lapp" and store.versions("note") == {note.id: 1}
        store.update_note(note.id, text="uppdaterad", based_on=1)
    [(revision,)] = _sql(postgres_url, "SELECT version_num FROM gammal.alembic_version")
    assert revision == store_file.head_revision()
    with Store.open_url(postgres_url, "gammal", readonly=True) as reader:
        assert reader.workshop().title == "Från förra året"


def test_a_read_only_client_is_refused_by_the_server_itself(postgres_url):
    with Store.create_url(postgres_url, key="lasare") as store:
        note = store.add_note("orörd")
    with Store.open_url(postgres_url, "lasare", readonly=True) as reader:
        assert not reader.refresh_lock()  # the board shows it read-only
        with pytest.raises(StoreError, match="bara för läsning") as info:
            reader.update_note(note.id, text="ändrad")
        _one_line(info.value)
    with Store.open_url(postgres_url, "lasare") as writer:
        assert writer.refresh_lock()  # a server takes no lock file: never lost
        assert writer.note(note.id).text == "orörd"


def test_a_text_the_server_cannot_hold_is_refused_in_the_users_words(postgres_url):
    with Store.create_url(postgres_url, key="nul") as store:
        with pytest.raises(StoreError, match="NUL") as info:
            store.add_note("före\x00efter")
        assert "Kunde inte spara i nul" in _one_line(info.value)
        assert store.notes() == []


# ------------------------------------------------------------------------ the server goes away
def test_a_stopped_server_refuses_in_one_line_and_the_store_works_again_after(
    own_postgres_server,
):
    url = own_postgres_server.new_database()
    heard = []
    with Store.create_url(url, key="avbrott") as store:
        store.subscribe(heard.append)
        note = store.add_note("före avbrottet")
        own_postgres_server.halt()
        with pytest.raises(StoreError, match="servern svarar inte") as info:
            store.update_note(note.id, text="under avbrottet")
        _one_line(info.value)
        with pytest.raises(StoreError, match="servern svarar inte"):
            store.notes()
        assert len(heard) == 1  # the refused write told nobody it happened
        with pytest.raises(StoreError, match="svarar inte"):
            Store.open_url(url, "avbrott")
        own_postgres_server.start()
        assert [n.text for n in store.notes()] == ["före avbrottet"]
        store.update_note(note.id, text="efter avbrottet")
        assert len(heard) == 2
    with Store.open_url(url, "avbrott") as again:
        assert again.note(note.id).text == "efter avbrottet"


# ------------------------------------------------------------------------ file <-> server
def test_a_file_published_to_the_server_and_saved_back_is_the_same_workshop(
    postgres_url, tmp_path, seed_path
):
    from samverkan_desktop.core.importers import read_source

    path = tmp_path / "orebro.samverkan"
    with Store.create(path) as local:
        local.add_document(read_source(seed_path))
        local.add_cluster("Inre", parent_id=local.add_cluster("Yttre").id)
        first = local.notes()[0]
        local.update_note(first.id, text="ändrad lokalt")  # version 2
        local.restore_notes(local.delete_notes([local.notes()[1].id]))  # id kept, version 2
        before = local.document()
        versions = local.versions("note"), local.versions("cluster")
        shared = local.publish(postgres_url)
    try:
        assert shared.path.name == "fordjupningsdag_om_samverkan"  # from the title
        assert shared.document() == before and len(before.notes) == 216
        assert (shared.versions("note"), shared.versions("cluster")) == versions
        assert shared.add_note("ny på servern").id > max(n.id for n in before.notes)
        back = tmp_path / "tillbaka.samverkan"
        shared.save_copy(back)
        with Store.open(back) as again:
            assert again.document() == shared.document()
            assert again.versions("note") == shared.versions("note")
    finally:
        shared.close()


def test_publishing_under_a_name_that_is_taken_changes_nothing(postgres_url, tmp_path):
    with Store.create_url(postgres_url, key="upptagen") as taken:
        taken.add_note("redan här")
    with Store.create(tmp_path / "lokal.samverkan") as local:
        local.add_note("lokal")
        with pytest.raises(StoreError, match="finns redan") as info:
            local.publish(postgres_url, key="upptagen")
        _one_line(info.value)
    with Store.open_url(postgres_url, "upptagen") as again:
        assert [n.text for n in again.notes()] == ["redan här"]


# ------------------------------------------------------------------------ access
def _role(postgres_url: str, name: str) -> str:
    """A login role of this test's own (roles belong to the whole server, not one database),
    and the URL it connects with (the test server trusts local logins)."""
    role = f"{name}_{uuid.uuid4().hex[:8]}"
    _sql(postgres_url, f"CREATE ROLE {role} LOGIN")
    return postgres_url.replace("//postgres@", f"//{role}@"), role


def test_a_reader_opens_and_exports_but_the_server_refuses_its_writes(postgres_url, tmp_path):
    with Store.create_url(postgres_url, m.Workshop("Behörighet", DATE), key="behorighet") as own:
        note = own.add_note("ägarens lapp")
        own.add_cluster("Tema")
    reader_url, reader = _role(postgres_url, "lasare")
    with pytest.raises(StoreError, match="inte behörighet till workshoppen") as info:
        Store.open_url(reader_url, "behorighet")  # nothing granted yet
    _one_line(info.value)
    assert Store.list_workshops(reader_url) == [  # the key is listed, nothing it holds
        store_server.ListedWorkshop("behorighet", "", None)
    ]
    Store.grant(postgres_url, "behorighet", reader, "reader")
    assert Store.list_workshops(reader_url)[0].title == "Behörighet"
    # Opened for writing, the store says it is read-only (the board shows it so), and even a
    # program that ignores that is refused by the server.
    with Store.open_url(reader_url, "behorighet") as store:
        assert store.readonly and not store.refresh_lock()
        assert [n.text for n in store.notes()] == ["ägarens lapp"]
        store.save_copy(tmp_path / "export.samverkan")
        for write in (
            lambda: store.add_note("ny"),
            lambda: store.update_note(note.id, text="ändrad"),
            lambda: store.delete_notes([note.id]),
            lambda: store.set_meta("view", "{}"),
        ):
            with pytest.raises(StoreError, match="behörighet saknas") as info:
                write()
            _one_line(info.value)
    with Store.open(tmp_path / "export.samverkan") as copy:
        assert [n.text for n in copy.notes()] == ["ägarens lapp"]
    with Store.open_url(postgres_url, "behorighet") as own:
        assert [n.text for n in own.notes()] == ["ägarens lapp"]


def test_a_facilitator_changes_and_can_be_made_a_reader_again(postgres_url):
    with Store.create_url(postgres_url, key="roller") as own:
        own.add_note("ägarens lapp")
    url, role = _role(postgres_url, "samtalsledare")
    Store.grant(postgres_url, "roller", role, "facilitator")
    with Store.open_url(url, "roller") as store:
        assert not store.readonly and store.refresh_lock()
        note = store.add_note("samtalsledarens lapp")
        store.restore_notes(store.delete_notes([note.id]))  # undo: ids given, sequence moved
        cluster = store.add_cluster("Tema")
        store.set_membership({note.id: cluster.id})
        store.add_document(m.Document(notes=(m.Note(1, "importerad"),)))
        store.update_notes({note.id: {"x": 5.0}}, based_on=store.versions("note", [note.id]))
    Store.grant(postgres_url, "roller", role, "reader")
    with Store.open_url(url, "roller") as store:
        assert len(store.notes()) == 3
        with pytest.raises(StoreError, match="behörighet saknas"):
            store.add_note("inte nu längre")
    Store.grant(postgres_url, "roller", role, "none")
    with pytest.raises(StoreError, match="inte behörighet till workshoppen"):
        Store.open_url(url, "roller")
    with pytest.raises(StoreError, match="ingen workshop"):
        Store.grant(postgres_url, "saknas", role, "reader")


def test_watch_says_when_the_connection_is_lost_and_when_it_is_back(own_postgres_server):
    """What the board's banner follows: lost, then back, then "read everything" (changes may
    have been missed meanwhile)."""
    url = own_postgres_server.new_database()
    said: list[object] = []
    back = threading.Event()

    def connected(up: bool) -> None:
        said.append(up)
        if up:
            back.set()

    with Store.create_url(url, key="bevakad") as store:
        store.watch(lambda change: said.append(change.everything), connected=connected)
        own_postgres_server.halt()
        own_postgres_server.start()
        assert back.wait(30)
        deadline = time.monotonic() + 10
        while len(said) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert said == [False, True, True]
