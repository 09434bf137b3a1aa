"""Shared fixtures.

Every test runs with the real OS keychain and the real user data folder out of reach (see ``_isolation``);
vaults are created with a deliberately cheap Argon2id cost so the suite stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import keyring.core
import pytest

from tests.helpers.keyrings import MemoryKeyring, NoKeyring
from tests.helpers.template_vault import TemplateVault, build_template
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

TEST_PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _isolation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the OS keychain, the user's data folder or a passphrase from the developer's shell."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", NoKeyring())
    # Subprocesses (command-line tests, benchmarks) get the fail backend too.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("WELLBEING_DATA_DIR", str(tmp_path / "default-data-dir"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("WELLBEING_PASSPHRASE", raising=False)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """A fresh in-memory keychain, installed as the active keyring backend for this test."""
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@pytest.fixture
def fast_kdf() -> KdfParams:
    """Argon2id at 1 MiB and one pass: same code path as the default, a thousandth of the cost."""
    return KdfParams.fresh(memory_kib=1024, iterations=1, lanes=1)


@pytest.fixture
def clock() -> FixedClock:
    """Wednesday 25 November 2026, 09:00 local time (timezone-aware)."""
    return FixedClock(datetime(2026, 11, 25, 9, 0).astimezone())


@pytest.fixture
def passphrase() -> str:
    return TEST_PASSPHRASE


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Where the test's vault lives; not created yet (Vault.create makes it 0700)."""
    return tmp_path / "vault"


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> TemplateVault:
    return build_template(tmp_path_factory.mktemp("template") / "vault", TEST_PASSPHRASE)


@pytest.fixture
def vault(
    data_dir: Path, fast_kdf: KdfParams, clock: FixedClock, passphrase: str, template_vault: TemplateVault
) -> Iterator[Vault]:
    """An unlocked, empty vault (a copy of the session's template), locked again after the test."""
    if passphrase == template_vault.passphrase:
        opened = template_vault.open_copy(data_dir, clock)
    else:
        opened, _recovery_key = Vault.create(data_dir, passphrase, kdf=fast_kdf, clock=clock)
    yield opened
    opened.lock()


@pytest.fixture
def services(vault: Vault, clock: FixedClock) -> Services:
    """The services an unlocked app uses, over the test vault and clock."""
    return Services(vault, clock)


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
