"""Edit times and deletion markers: when each record last changed, on which device, and whether it is deleted.

Existing rows get empty times and devices ("changed before times were kept"): they lose any merge against a
timestamped change, and their sealed payloads stay valid because the record store binds an empty time and
device exactly as it bound nothing before.

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
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("changed_at", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("device_id", sa.String(36), nullable=False, server_default=""))
        batch.add_column(sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index("ix_records_changed_at", "records", ["changed_at"])


def downgrade() -> None:
    op.drop_index("ix_records_changed_at", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("deleted")
        batch.drop_column("device_id")
        batch.drop_column("changed_at")
