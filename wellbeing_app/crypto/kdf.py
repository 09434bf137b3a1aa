"""Argon2id key derivation with parameters stored beside the vault, so they can be raised later."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Defaults sit well above OWASP's minimum (19 MiB, 2 iterations)."""

    salt: bytes
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    @classmethod
    def fresh(cls, *, memory_kib: int = 64 * 1024, iterations: int = 3, lanes: int = 4) -> KdfParams:
        return cls(salt=os.urandom(SALT_BYTES), memory_kib=memory_kib, iterations=iterations, lanes=lanes)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["salt"] = self.salt.hex()
        data["algorithm"] = "argon2id"
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("algorithm") != "argon2id":
            raise ValueError("unknown key derivation algorithm")
        return cls(
            salt=bytes.fromhex(str(data["salt"])),
            memory_kib=int(data["memory_kib"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
        )


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """A 256-bit key from the passphrase; deliberately slow (about 0.1 s here)."""
    kdf = Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))
