"""The change log: each transaction on a file notes which ids it changed, so that other
windows and programs with the same file open can show the change within a second (issue 14).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client", sa.String(32), nullable=False, server_default=""),
        sa.Column("ids", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("change_log")
