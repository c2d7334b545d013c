"""Alembic environment: always run by the store with an open connection, never from a shell."""

from __future__ import annotations

from alembic import context

from samverkan_desktop.core.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds the table
)
with context.begin_transaction():
    context.run_migrations()
