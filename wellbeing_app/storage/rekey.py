"""Re-seal records whose id was derived from their content under their keyed id (migration 0003_keyed_ids)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from wellbeing_app.crypto.aead import RecordCipher
from wellbeing_app.crypto.keyed_ids import is_content_derived, keyed_uuid
from wellbeing_app.errors import IntegrityError
from wellbeing_app.storage.records import payload_aad


def rekey_content_ids(conn: Connection, cipher: RecordCipher, id_key: bytes) -> int:
    """How many records moved; a record that does not decrypt is left as it is, for verify to report."""
    rows = conn.execute(
        text("SELECT id, kind, day, payload, changed_at, device_id, deleted FROM records")
    ).all()
    moved = 0
    for old_id, kind, day, payload, changed_at, device_id, deleted in rows:
        if not is_content_derived(old_id):
            continue
        stamp = (changed_at or "", device_id or "", bool(deleted))
        try:
            plaintext = cipher.open(payload, payload_aad(kind, old_id, day, *stamp))
        except (IntegrityError, TypeError):
            continue
        new_id = keyed_uuid(id_key, old_id)
        conn.execute(
            text("UPDATE records SET id = :new, payload = :payload WHERE id = :old"),
            {
                "new": new_id,
                "old": old_id,
                "payload": cipher.seal(plaintext, payload_aad(kind, new_id, day, *stamp)),
            },
        )
        moved += 1
    return moved
