"""The recovery key: 160 random bits written in Crockford's base32, grouped for reading aloud.

Crockford's alphabet has no I, L, O or U, so the characters are hard to confuse; when typed back,
O is read as 0 and I/L as 1, case and hyphens are ignored.
"""

from __future__ import annotations

import secrets

from wellbeing_app.errors import AuthenticationFailed

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_BITS = 160
CHARS = RECOVERY_BITS // 5
GROUP = 4
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_recovery_key() -> bytes:
    return secrets.token_bytes(RECOVERY_BITS // 8)


def format_recovery_key(key: bytes) -> str:
    number = int.from_bytes(key, "big")
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(CHARS))]
    text = "".join(chars)
    return "-".join(text[i : i + GROUP] for i in range(0, CHARS, GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The key's bytes from what the user typed, with or without hyphens and spaces."""
    cleaned = "".join(ch for ch in text.upper() if ch not in "- \t\n").translate(_CONFUSABLE)
    if len(cleaned) != CHARS or any(ch not in ALPHABET for ch in cleaned):
        raise AuthenticationFailed(
            f"That is not a recovery key: it should be {CHARS} letters and digits in groups of {GROUP}, "
            "like K7QF-3MXA-…"
        )
    number = 0
    for ch in cleaned:
        number = (number << 5) | ALPHABET.index(ch)
    return number.to_bytes(RECOVERY_BITS // 8, "big")
