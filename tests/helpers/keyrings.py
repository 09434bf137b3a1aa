"""Keyring backends for tests: nothing here ever reaches the real OS keychain.

keyring registers every concrete backend class it sees, so these classes also join its list of "viable" backends
once imported; the autouse fixture in ``tests/conftest.py`` pins the active backend, so detection never runs.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A working keychain kept in a dict, with a priority as high as a real OS keychain's."""

    priority: float = 10

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError:
            raise PasswordDeleteError("no such password") from None


class NoKeyring(KeyringBackend):
    """What headless Linux gives (like ``keyring.backends.fail.Keyring``): priority 0, every call raises."""

    priority: float = 0

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("No recommended backend was available (test double).")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("No recommended backend was available (test double).")

    def delete_password(self, service: str, username: str) -> None:
        raise NoKeyringError("No recommended backend was available (test double).")


class BrokenKeyring(KeyringBackend):
    """Claims to be a good keychain, then fails on every call (a locked or crashed keyring daemon)."""

    priority: float = 5

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("the keyring daemon went away")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("the keyring daemon went away")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("the keyring daemon went away")
