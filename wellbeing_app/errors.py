"""The error hierarchy shared by the core and the command line.

Each error carries the process exit code the command line uses for it, so that every layer
(core, CLI, GUI) agrees on what kind of failure happened without string matching.
"""

from __future__ import annotations


class WellbeingError(Exception):
    """Base of every expected failure; the message is shown to the user as is."""

    exit_code = 1


class InvalidInput(WellbeingError):
    """Bad input or usage: nothing was changed."""

    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.line = line


class AuthenticationFailed(WellbeingError):
    """Wrong passphrase or recovery key, or no vault where one was expected."""

    exit_code = 3


class VaultMissing(AuthenticationFailed):
    """No vault exists in the data directory."""


class IntegrityError(WellbeingError):
    """Damaged or tampered data."""

    exit_code = 4


class VaultTooNew(IntegrityError):
    """The vault's schema is newer than this app knows: nothing was changed; the app needs an update."""


class DamagedRecord(IntegrityError):
    """One record failed to decrypt or parse; the rest of the vault stays readable."""

    def __init__(self, kind: str, record_id: str, reason: str = "could not be decrypted") -> None:
        super().__init__(f"{kind} record {record_id} {reason}")
        self.kind = kind
        self.record_id = record_id
