"""A shared workshop made by an older version of the program, opened in the window by a
facilitator who may not upgrade it (issue 14): one line saying who can, and the start page."""

from __future__ import annotations

import uuid

import psycopg
from sqlalchemy.engine import make_url

from samverkan_desktop.core import store_file, store_server
from samverkan_desktop.core.store import Store


def test_a_facilitator_opening_an_old_workshop_is_told_to_ask_for_upgrade(
    qtbot, empty_window, ctx, monkeypatch, postgres_url
):
    from alembic import command

    from samverkan_desktop.ui.app import open_first

    role = f"ledare_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
    engine = store_server.engine(store_server.server_url(postgres_url), "orebro")
    with engine.begin() as conn:  # the tables as the previous version made them
        store_server.create_schema(conn, "orebro")
        command.upgrade(store_file.alembic_config(conn), "0002")
    engine.dispose()
    Store.grant(postgres_url, "orebro", role, "facilitator")
    address = make_url(postgres_url).set(username=role).render_as_string(hide_password=False)

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(ctx.interaction, "critical", lambda title, text: said.append((title, text)))
    open_first(empty_window, ctx, f"{address}?workshop=orebro")
    assert empty_window.doc is None
    [(title, text)] = said
    assert title == "Kan inte öppna den delade workshoppen"
    assert text == (
        f"Workshoppen orebro på {address} behöver uppdateras till den här versionen av "
        "programmet; be den som sköter servern köra: "
        f"samverkan-desktop upgrade '{address}?workshop=orebro'"
    )
