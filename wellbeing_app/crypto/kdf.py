"""Argon2id key derivation with parameters stored beside the vault, so they can be raised later."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from wellbeing_app.errors import InvalidInput

SALT_BYTES = 16
# Bounds checked before any derivation, so a damaged or hostile header cannot make an unlock hang or exhaust
# memory: at most 1 GiB, 16 passes, 16 lanes, and 4 GiB-passes of total work (a few seconds here).
MIN_MEMORY_KIB, MAX_MEMORY_KIB = 1024, 1024 * 1024
MAX_ITERATIONS = 16
MAX_LANES = 16
MAX_WORK_KIB = 4 * 1024 * 1024
SALT_LENGTHS = range(16, 65)


class KdfBoundsError(ValueError):
    """Stored parameters outside the accepted bounds: the header is damaged, not the passphrase wrong."""


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

    def check_bounds(self) -> KdfParams:
        """Raise KdfBoundsError unless every parameter is within the documented bounds."""
        problems = []
        if len(self.salt) not in SALT_LENGTHS:
            problems.append("salt length")
        if not 1 <= self.lanes <= MAX_LANES:
            problems.append("lanes")
        if not max(MIN_MEMORY_KIB, 8 * self.lanes) <= self.memory_kib <= MAX_MEMORY_KIB:
            problems.append("memory")
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            problems.append("iterations")
        if not problems and self.memory_kib * self.iterations > MAX_WORK_KIB:
            problems.append("total work")
        if problems:
            raise KdfBoundsError(f"key derivation parameters out of bounds: {', '.join(problems)}")
        return self

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        """Parse and bounds-check stored parameters; ValueError (or KdfBoundsError) when they are unusable."""
        if not isinstance(data, dict) or data.get("algorithm") != "argon2id":
            raise ValueError("unknown key derivation algorithm")
        numbers = [data.get(name) for name in ("memory_kib", "iterations", "lanes")]
        if not all(type(number) is int for number in numbers):
            raise ValueError("key derivation parameters are not whole numbers")
        return cls(
            salt=bytes.fromhex(str(data.get("salt", ""))[:200]),
            memory_kib=int(data["memory_kib"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
        ).check_bounds()


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """A 256-bit key from the NFC form of the passphrase; deliberately slow (about 0.1 s here)."""
    return derive_raw_key(unicodedata.normalize("NFC", passphrase), params)


def derive_raw_key(passphrase: str, params: KdfParams) -> bytes:
    """As typed, without normalisation: vaults made before NFC normalisation were wrapped this way."""
    params.check_bounds()
    kdf = Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    try:
        return kdf.derive(passphrase.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise InvalidInput(
            "The passphrase contains bytes that are not valid text; type it again.", field="passphrase"
        ) from exc
