"""Row versions: every note and cluster counts its writes, so that a write based on what the
row was before someone else changed it is refused, never silently applied (issue 14).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("notes", "clusters"):
        # A plain ADD COLUMN on SQLite too (batch mode only rebuilds a table when it must).
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in ("notes", "clusters"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
