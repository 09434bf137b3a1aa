"""AES-256-GCM for every stored value, with the value's place bound into the associated data.

Binding table, field, record kind and id means a ciphertext copied into another row or column
fails authentication instead of silently showing the wrong content.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wellbeing_app.errors import IntegrityError

FORMAT_V1 = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32


def associated_data(table: str, field: str, record_id: str, kind: str = "") -> bytes:
    """The AEAD associated data for one stored value; the unit separator keeps parts unambiguous."""
    return "\x1f".join(("wellbeing-v1", table, field, kind, record_id)).encode("utf-8")


class RecordCipher:
    """Seals and opens values under one 256-bit key, a fresh random nonce per value."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the data key must be 32 bytes")
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return FORMAT_V1 + nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, blob: bytes, aad: bytes) -> bytes:
        """Decrypt, or raise IntegrityError when the value was damaged, moved or sealed with another key."""
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != FORMAT_V1:
            raise IntegrityError("the stored value is truncated or in an unknown format")
        nonce = blob[1 : 1 + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, blob[1 + NONCE_BYTES :], aad)
        except InvalidTag as exc:
            raise IntegrityError("the stored value failed authentication") from exc
