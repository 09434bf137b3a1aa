"""Record ids that give nothing away: a stable name-based id passed through HMAC under a key from the data key.

Some records need an id that is the same every time (a Daylio row imported twice, an organisation's contact,
a draft slot), so the old code used uuid5 of their content — the same in every vault, so anyone holding the
file could confirm a guess (a check-in's time and mood, a contact's name). The id stored now is HMAC-SHA256 of
that uuid5 under a vault-specific key, shaped as a version-4 UUID: still stable within the vault (re-import
stays idempotent), but unlinkable to content without the key, and indistinguishable from a random id.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from wellbeing_app.crypto.aead import KEY_BYTES

_INFO = b"wellbeing record ids v1"


def id_key_from(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=_INFO).derive(data_key)


def keyed_uuid(id_key: bytes, stable_id: str) -> str:
    """The stored id for a name-based ``stable_id`` (a uuid5); the same input gives the same id in one vault."""
    digest = hmac.new(id_key, stable_id.encode("utf-8"), hashlib.sha256).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def is_content_derived(record_id: str) -> bool:
    """Ids written before keyed ids were name-based uuid5; random and keyed ids are version 4."""
    try:
        return uuid.UUID(record_id).version == 5
    except ValueError:
        return False
