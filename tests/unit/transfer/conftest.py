"""Fixtures for export and import: services over the shared cheap-KDF vault, and more empty vaults on demand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

DATA = Path(__file__).with_name("data")
NewServices = Callable[[], Services]


@pytest.fixture
def new_services(
    tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock, passphrase: str
) -> Iterator[NewServices]:
    """Another empty vault each call (a 'new vault' to import into); all locked after the test."""
    opened: list[Vault] = []

    def make() -> Services:
        vault, _ = Vault.create(tmp_path / f"other-{len(opened)}", passphrase, kdf=fast_kdf, clock=clock)
        opened.append(vault)
        return Services(vault, clock)

    yield make
    for vault in opened:
        vault.lock()


@pytest.fixture
def daylio_sample() -> str:
    return (DATA / "daylio_renamed.csv").read_bytes().decode("utf-8")
