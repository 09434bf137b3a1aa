"""What every command receives: where the vault is, the environment, the streams and the clock."""

from __future__ import annotations

import getpass
import sqlite3
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from wellbeing_app.clock import Clock, SystemClock
from wellbeing_app.errors import AuthenticationFailed, InvalidInput, VaultMissing, WellbeingError

if TYPE_CHECKING:
    from wellbeing_app.vault import Vault

ENV_PASSPHRASE = "WELLBEING_PASSPHRASE"
NO_PASSPHRASE = (
    "No passphrase given: run this in a terminal to be asked for it, "
    f"or set {ENV_PASSPHRASE} for scripts (see README, 'Command line')."
)
PASSPHRASE_ATTEMPTS = 3
WRONG_PASSPHRASE = (
    "That passphrase does not open this vault; nothing was changed. Check it and try again, or open the vault "
    "with your recovery key: wellbeing-app recover."
)
TRY_AGAIN = "That passphrase does not open this vault; please try again."


@dataclass
class CliContext:
    data_dir: Path
    environ: Mapping[str, str]
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    clock: Clock = field(default_factory=SystemClock)

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def _interactive(self) -> bool:
        try:
            return self.stdin.isatty()
        except (AttributeError, ValueError):
            return False

    def passphrase(self, *, confirm: bool = False) -> str:
        """From WELLBEING_PASSPHRASE, else asked on the terminal (twice when creating)."""
        if self.environ.get(ENV_PASSPHRASE):
            return self.environ[ENV_PASSPHRASE]
        if not self._interactive():
            raise AuthenticationFailed(NO_PASSPHRASE)
        first = getpass.getpass("Passphrase: ")
        if confirm:
            second = getpass.getpass("Passphrase again: ")
            if first != second:
                raise InvalidInput(
                    "The two passphrases are not the same; nothing was created.", field="passphrase"
                )
        return first

    def open_vault(self) -> Vault:
        """The unlocked vault; on a terminal the passphrase may be typed three times."""
        from wellbeing_app.vault import Vault

        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise InvalidInput(
                f"The data folder {self.data_dir} is a file, not a folder. Choose another --data-dir."
            )
        if not (self.data_dir / "vault.sqlite3").is_file():
            # Ask for no passphrase when there is nothing to open.
            return Vault.open_with_passphrase(self.data_dir, "", clock=self.clock)
        attempts_left = 1 if self.environ.get(ENV_PASSPHRASE) else PASSPHRASE_ATTEMPTS
        while True:
            passphrase = self.passphrase()
            attempts_left -= 1
            try:
                vault = Vault.open_with_passphrase(self.data_dir, passphrase, clock=self.clock)
            except VaultMissing:
                raise
            except AuthenticationFailed:
                if not attempts_left:
                    raise AuthenticationFailed(WRONG_PASSPHRASE) from None
                print(TRY_AGAIN, file=self.stderr)
            else:
                vault.after_lock.append(self.automatic_backup)
                return vault

    def automatic_backup(self) -> None:
        """The daily backup when the vault changed; a failure is a note, never a failed command."""
        from wellbeing_app.backup import automatic_backup

        try:
            automatic_backup(self.data_dir, self.clock.now())
        except (OSError, sqlite3.Error, WellbeingError) as exc:
            print(f"Note: today's automatic backup could not be made ({exc}).", file=self.stderr)
