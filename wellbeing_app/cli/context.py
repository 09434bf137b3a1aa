"""What every command receives: where the vault is, the environment, the streams and the clock."""

from __future__ import annotations

import getpass
import sqlite3
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from wellbeing_app.clock import Clock, SystemClock
from wellbeing_app.errors import AuthenticationFailed, InvalidInput, VaultMissing, WellbeingError
from wellbeing_app.vault_header import vault_file_exists

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


def _load_vault_layer() -> None:
    import wellbeing_app.vault  # noqa: F401 - SQLAlchemy and the storage layer: most of a command's start-up


def _quietly(load: Callable[[], object]) -> None:
    try:
        load()
    except BaseException:  # run again on the main thread, which then reports it
        return


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

    def is_terminal(self) -> bool:
        """Whether a person can be asked on standard input (not a pipe, a file or a test's stream)."""
        try:
            return self.stdin.isatty()
        except (AttributeError, ValueError):
            return False

    def passphrase(self, *, confirm: bool = False) -> str:
        """From WELLBEING_PASSPHRASE, else asked on the terminal (twice when creating)."""
        if self.environ.get(ENV_PASSPHRASE):
            return self.environ[ENV_PASSPHRASE]
        if not self.is_terminal():
            raise AuthenticationFailed(NO_PASSPHRASE)
        first = getpass.getpass("Passphrase: ")
        if confirm:
            second = getpass.getpass("Passphrase again: ")
            if first != second:
                raise InvalidInput(
                    "The two passphrases are not the same; nothing was created.", field="passphrase"
                )
        return first

    def open_vault(self, load: Callable[[], object] = _load_vault_layer) -> Vault:
        """The unlocked vault; on a terminal the passphrase may be typed three times.

        Start-up work overlaps (issue 15): ``load`` (importing the storage layer and whatever else the command
        uses) runs on a thread while the passphrase is typed, and the first passphrase's key is derived on a
        thread while ``load`` runs here (wellbeing_app/key_ahead.py); the vault takes that key only if it is
        the very key it would derive.
        """
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise InvalidInput(
                f"The data folder {self.data_dir} is a file, not a folder. Choose another --data-dir."
            )
        if not vault_file_exists(self.data_dir):
            from wellbeing_app.vault import Vault

            # Ask for no passphrase when there is nothing to open.
            return Vault.open_with_passphrase(self.data_dir, "", clock=self.clock)
        # Imported before any other thread starts: the derivation thread then imports nothing.
        from wellbeing_app.key_ahead import KeyAhead

        attempts_left = 1 if self.environ.get(ENV_PASSPHRASE) else PASSPHRASE_ATTEMPTS
        loader = self._load_while_typing(load)
        try:
            passphrase = self.passphrase()
            ahead = KeyAhead.start(self.data_dir, passphrase)  # imports nothing: safe beside the loader
        finally:
            if loader is not None:
                loader.join()  # from here on only this thread imports
        load()  # done already when it ran while the passphrase was typed
        from wellbeing_app.vault import Vault

        while True:
            attempts_left -= 1
            try:
                vault = Vault.open_with_passphrase(self.data_dir, passphrase, clock=self.clock, ahead=ahead)
            except VaultMissing:
                raise
            except AuthenticationFailed:
                if not attempts_left:
                    raise AuthenticationFailed(WRONG_PASSPHRASE) from None
                print(TRY_AGAIN, file=self.stderr)
            else:
                vault.after_lock.append(self.automatic_backup)
                return vault
            passphrase, ahead = self.passphrase(), None

    def _load_while_typing(self, load: Callable[[], object]) -> threading.Thread | None:
        """When the passphrase is about to be asked on the terminal, ``load`` started on a thread meanwhile.

        Should ``load`` fail there, it fails again, with its real error, when the caller runs it.
        """
        if self.environ.get(ENV_PASSPHRASE) or not self.is_terminal():
            return None
        loader = threading.Thread(target=_quietly, args=(load,), name="load-while-typing")
        loader.start()
        return loader

    def automatic_backup(self) -> None:
        """The daily backup when the vault changed; a failure is a note, never a failed command."""
        from wellbeing_app.backup import automatic_backup

        try:
            automatic_backup(self.data_dir, self.clock.now())
        except (OSError, sqlite3.Error, WellbeingError) as exc:
            print(f"Note: today's automatic backup could not be made ({exc}).", file=self.stderr)
