"""Encryption primitives: the AEAD for records, Argon2id key derivation and the recovery key."""

from wellbeing_app.crypto.aead import RecordCipher, associated_data
from wellbeing_app.crypto.kdf import KdfParams, derive_key
from wellbeing_app.crypto.recovery import format_recovery_key, new_recovery_key, parse_recovery_key

__all__ = [
    "KdfParams",
    "RecordCipher",
    "associated_data",
    "derive_key",
    "format_recovery_key",
    "new_recovery_key",
    "parse_recovery_key",
]
