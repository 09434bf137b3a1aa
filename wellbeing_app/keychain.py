"""'Remember on this computer': the data key in the OS keychain through keyring, never in a plaintext file.

A backend whose priority is below 1 (the fail backend on headless Linux, a plaintext file keyring) counts as
no keychain at all: then the passphrase is asked at every unlock.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

SERVICE = "wellbeing-app"
NO_KEYCHAIN = "No secure keychain is available on this computer, so your passphrase is asked each time."

_FRIENDLY_NAMES = {
    "macOS": "the macOS Keychain",
    "Windows": "Windows Credential Manager",
    "SecretService": "your desktop's keyring (Secret Service)",
    "KWallet": "KDE Wallet",
    "libsecret": "your desktop's keyring (libsecret)",
}


@dataclass(frozen=True)
class KeychainStatus:
    available: bool
    explanation: str


def _backend_name(backend: Any) -> str:
    module = type(backend).__module__.rsplit(".", 1)[-1]
    return _FRIENDLY_NAMES.get(module, getattr(backend, "name", type(backend).__name__))


def _effective_priority(backend: Any) -> float:
    """A chain of backends is only as trustworthy as its weakest link (it may write to any of them)."""
    chained = getattr(backend, "backends", None)
    if type(backend).__name__ == "ChainerBackend" and chained is not None:
        members = list(chained)
        return min((float(member.priority) for member in members), default=0.0)
    return float(backend.priority)


class Keychain:
    """The OS keychain, or a given keyring backend (tests pass an in-memory one)."""

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend

    def _get_backend(self) -> Any | None:
        backend = self._backend
        if backend is None:
            try:
                import keyring

                backend = keyring.get_keyring()
            except Exception:  # a broken keyring configuration must never stop the app
                return None
        try:
            priority = _effective_priority(backend)
        except Exception:
            return None
        return backend if priority >= 1 else None

    def status(self) -> KeychainStatus:
        backend = self._get_backend()
        if backend is None:
            return KeychainStatus(False, NO_KEYCHAIN)
        return KeychainStatus(
            True, f"Your key will be kept in {_backend_name(backend)}, protected by your login."
        )

    def store(self, vault_id: str, key: bytes) -> bool:
        backend = self._get_backend()
        if backend is None:
            return False
        try:
            backend.set_password(SERVICE, vault_id, base64.b64encode(key).decode("ascii"))
        except Exception:
            return False
        return True

    def load(self, vault_id: str) -> bytes | None:
        backend = self._get_backend()
        if backend is None:
            return None
        try:
            secret = backend.get_password(SERVICE, vault_id)
            return base64.b64decode(secret) if secret else None
        except Exception:
            return None

    def forget(self, vault_id: str) -> None:
        backend = self._get_backend()
        if backend is None:
            return
        try:
            backend.delete_password(SERVICE, vault_id)
        except Exception:
            return
