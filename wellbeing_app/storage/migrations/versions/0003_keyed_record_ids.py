"""Record ids derived from content (uuid5) become keyed ids (HMAC under a key from the data key).

Issue 14: a uuid5 of a Daylio row, a contact or a draft slot is the same in every vault, so the file alone
confirmed guesses about content. Each such record is re-sealed under its keyed id (the payload's associated
data binds the id). Needs the data key, which the vault hands in as ``rekey_records``; random ids are untouched.

Revision ID: 0003_keyed_ids
Revises: 0002
"""

from alembic import context, op

revision = "0003_keyed_ids"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    rekey = context.config.attributes.get("rekey_records")
    if rekey is not None:
        rekey(op.get_bind())
    else:
        # Only a database without records may be upgraded without the key (a vault being created).
        count = op.get_bind().exec_driver_sql("SELECT count(*) FROM records").scalar()
        if count:
            raise RuntimeError("re-keying record ids needs the unlocked vault's key")


def downgrade() -> None:
    raise RuntimeError("keyed record ids cannot be turned back into content-derived ones")
