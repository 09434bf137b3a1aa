"""The GUI's handle on the vault: create, unlock (off the GUI thread), remember in the keychain, lock.

The vault module (SQLAlchemy, cryptography) is imported by the background work, never by the GUI thread
before the first page is up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ui.operations import run_in_background
from ui.qt import QObject, Signal
from wellbeing_app.backup import automatic_backup
from wellbeing_app.clock import Clock, SystemClock
from wellbeing_app.errors import WellbeingError
from wellbeing_app.keychain import Keychain
from wellbeing_app.vault_header import peek_vault_id, vault_file_exists

if TYPE_CHECKING:
    from wellbeing_app.crypto.kdf import KdfParams
    from wellbeing_app.vault import Vault

ErrorCallback = Callable[[BaseException], None]


class VaultSession(QObject):
    unlocked = Signal()
    about_to_lock = Signal()
    locked = Signal()

    def __init__(
        self,
        data_dir: Path,
        *,
        keychain: Keychain | None = None,
        clock: Clock | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.keychain = keychain or Keychain()
        self.clock = clock or SystemClock()
        self._kdf = kdf
        self.vault: Vault | None = None
        self._remembered_vault_id: str | None = None
        self.backup_failed = False

    def has_vault(self) -> bool:
        return vault_file_exists(self.data_dir)

    def adopt(self, vault: Vault) -> None:
        """A vault opened elsewhere (the demo): the window shows it as if unlocked here."""
        self._adopt(vault, None)

    def _adopt(self, vault: Vault, remember: bool | None) -> None:
        self.vault = vault
        vault.after_lock.append(self._automatic_backup)
        if remember is True:
            self.keychain.store(vault.vault_id, vault.data_key)
        elif remember is False:
            self.keychain.forget(vault.vault_id)
        self.unlocked.emit()

    def _automatic_backup(self) -> None:
        """Once a day when the vault changed, made at lock (a few milliseconds); a failure never blocks locking."""
        try:
            automatic_backup(self.data_dir, self.clock.now())
        except (OSError, sqlite3.Error, WellbeingError):
            self.backup_failed = True

    def create(
        self, passphrase: str, remember: bool, on_created: Callable[[str], None], on_error: ErrorCallback
    ) -> None:
        def work() -> tuple[Vault, str]:
            from wellbeing_app.crypto.kdf import KdfParams
            from wellbeing_app.vault import Vault

            return Vault.create(
                self.data_dir, passphrase, kdf=self._kdf or KdfParams.fresh(), clock=self.clock
            )

        def done(result: tuple[Vault, str]) -> None:
            vault, recovery_key = result
            self.vault = vault
            vault.after_lock.append(self._automatic_backup)
            if remember:
                self.keychain.store(vault.vault_id, vault.data_key)
            on_created(recovery_key)

        run_in_background(work, done, on_error)

    def finish_first_run(self) -> None:
        """The recovery key was saved: show the app."""
        self.unlocked.emit()

    def unlock(self, passphrase: str, remember: bool | None, on_error: ErrorCallback) -> None:
        """``remember`` None leaves the keychain as it is (its answer had not come when Unlock was pressed)."""

        def work() -> Vault:
            from wellbeing_app.vault import Vault

            return Vault.open_with_passphrase(self.data_dir, passphrase, clock=self.clock)

        run_in_background(work, lambda vault: self._adopt(vault, remember), on_error)

    def unlock_with_recovery_key(
        self, recovery_key: str, new_passphrase: str, on_error: ErrorCallback
    ) -> None:
        """Open with the recovery key and set the new passphrase in the same step."""

        def work() -> Vault:
            from wellbeing_app.vault import Vault

            vault = Vault.open_with_recovery_key(self.data_dir, recovery_key, clock=self.clock)
            try:
                vault.change_passphrase(new_passphrase, kdf=self._kdf)
            except BaseException:
                vault.lock()
                raise
            return vault

        run_in_background(work, lambda vault: self._adopt(vault, None), on_error)

    def remembered_key(self) -> bytes | None:
        """The key kept in the OS keychain for this vault, if the user chose to remember it."""
        vault_id = self.peek_vault_id()
        return self.keychain.load(vault_id) if vault_id else None

    def peek_vault_id(self) -> str | None:
        if self._remembered_vault_id is None:
            self._remembered_vault_id = peek_vault_id(self.data_dir)
        return self._remembered_vault_id

    def unlock_with_keychain(self, on_error: ErrorCallback) -> bool:
        key = self.remembered_key()
        if key is None:
            return False

        def work() -> Vault:
            from wellbeing_app.vault import Vault

            return Vault.open_with_data_key(self.data_dir, key, clock=self.clock)

        run_in_background(work, lambda vault: self._adopt(vault, None), on_error)
        return True

    def set_remembered(self, remember: bool) -> bool:
        """Whether the change took effect: storing can fail when the keychain is locked or refuses."""
        if self.vault is None:
            return False
        if remember:
            return self.keychain.store(self.vault.vault_id, self.vault.data_key)
        self.keychain.forget(self.vault.vault_id)
        return True

    def lock(self) -> None:
        if self.vault is None:
            return
        self.about_to_lock.emit()
        self.vault.lock()
        self.vault = None
        self.locked.emit()
