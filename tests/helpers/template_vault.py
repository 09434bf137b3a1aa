"""One empty vault built per test session and copied for each test that needs one.

Creating a vault runs every Alembic migration (most of its 65 ms); copying a file is a fraction of that.
Copies share the template's ids and key, which no test compares across vaults; tests that need a vault of
their own making (recovery keys, parameters, two distinct vaults) call ``Vault.create`` themselves.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wellbeing_app.clock import Clock, FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.vault import Vault


@dataclass(frozen=True)
class TemplateVault:
    folder: Path
    passphrase: str
    data_key: bytes

    def copy_to(self, data_dir: Path) -> Path:
        """A locked copy in ``data_dir`` (made 0700, files 0600, as the app makes them)."""
        shutil.copytree(self.folder, data_dir)
        os.chmod(data_dir, 0o700)
        for path in data_dir.iterdir():
            os.chmod(path, 0o600)
        return data_dir

    def open_copy(self, data_dir: Path, clock: Clock) -> Vault:
        self.copy_to(data_dir)
        return Vault.open_with_data_key(data_dir, self.data_key, clock=clock)


def build_template(folder: Path, passphrase: str) -> TemplateVault:
    kdf = KdfParams.fresh(memory_kib=1024, iterations=1, lanes=1)
    vault, _recovery = Vault.create(
        folder, passphrase, kdf=kdf, clock=FixedClock(datetime(2026, 11, 25, 9, 0))
    )
    key = vault.data_key
    vault.lock()
    return TemplateVault(folder, passphrase, key)
