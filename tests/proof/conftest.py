"""Shared helpers for the proofs of issue 12: a filled vault on disk and main() run in-process."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.cli import PASSPHRASE, Result, run_main
from tests.helpers.umask import keep_umask as keep_umask
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

Run = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], clock: FixedClock) -> Run:
    """``run(data_dir, *argv, env=...)``: main() on a vault folder with the passphrase in the environment."""

    def call(data_dir: Path, *argv: str, env: dict[str, str] | None = None) -> Result:
        environ = {"WELLBEING_PASSPHRASE": PASSPHRASE, **(env or {})}
        return run_main(capsys, ["--data-dir", str(data_dir), *argv], environ, clock)

    return call


def fill_vault(data_dir: Path, kdf: KdfParams, clock: FixedClock, entries: int = 200) -> str:
    """A vault with journal entries, check-ins and a contact over many days; returns the recovery key."""
    vault, recovery = Vault.create(data_dir, PASSPHRASE, kdf=kdf, clock=clock)
    services = Services(vault, clock)
    today = clock.now().date()
    for index in range(entries):
        day = today - timedelta(days=index % 90)
        services.journal.add(body=f"entry {index}: " + "the sea was calm " * 20, day=day)
        if index % 2 == 0:
            services.checkins.add(mood=index % 11, note=f"note {index}", day=day, at="08:00")
    services.directory.add_private({"name": "Sam Okafor", "kind": "peer_supporter"})
    vault.lock()
    return recovery
