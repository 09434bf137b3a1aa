"""The first schema: vault metadata and the encrypted records table.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vault_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("day", sa.String(10), nullable=True),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_records_kind_day", "records", ["kind", "day"])


def downgrade() -> None:
    op.drop_index("ix_records_kind_day", table_name="records")
    op.drop_table("records")
    op.drop_table("vault_meta")
