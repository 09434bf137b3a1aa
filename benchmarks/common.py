"""What the vault benchmarks share: timing medians, a fresh or filled vault, and timing the command line as a
process."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from wellbeing_app.clock import Clock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.storage.records import PendingRecord
from wellbeing_app.vault import Vault

PASSPHRASE = "benchmark passphrase, long enough"
BATCH = 500


def median_ms(action: Callable[[], object], runs: int, warm_up: int = 0) -> float:
    """The median wall time of ``action`` over ``runs`` calls, after ``warm_up`` calls that are not timed."""
    for _ in range(warm_up):
        action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def random_id(rng: random.Random) -> str:
    """A version-4 UUID drawn from ``rng``, so synthetic data is the same at every run."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def fresh_vault(data_dir: Path, clock: Clock, kdf: KdfParams | None = None) -> Vault:
    """A new, unlocked vault; the default (production) key derivation cost unless ``kdf`` says otherwise."""
    vault, _recovery_key = Vault.create(data_dir, PASSPHRASE, kdf=kdf, clock=clock)
    return vault


def quick_kdf() -> KdfParams:
    """A cheap key derivation, for benchmarks that never time an unlock."""
    return KdfParams.fresh(memory_kib=1024, iterations=1)


def put_in_batches(vault: Vault, records: Sequence[PendingRecord]) -> None:
    for start in range(0, len(records), BATCH):
        vault.store.put_many(records[start : start + BATCH])


def filled_vault(
    data_dir: Path, clock: Clock, records: Sequence[PendingRecord], kdf: KdfParams | None = None
) -> Vault:
    """A new, unlocked vault holding ``records``; locked again if filling it fails."""
    vault = fresh_vault(data_dir, clock, kdf)
    try:
        put_in_batches(vault, records)
    except BaseException:
        vault.lock()
        raise
    return vault


def vault_mb(data_dir: Path) -> float:
    """The database and its journal files on disk, in megabytes."""
    return round(sum(path.stat().st_size for path in data_dir.glob("vault.sqlite3*")) / 1e6, 1)


def unlock_ms(data_dir: Path, runs: int = 3) -> float:
    return median_ms(lambda: Vault.open_with_passphrase(data_dir, PASSPHRASE).lock(), runs)


def cli_command() -> list[str]:
    """The installed ``wellbeing-app`` script beside this Python, else ``python -m wellbeing_app``."""
    script = Path(sys.executable).with_name("wellbeing-app")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wellbeing_app"]


def cli_env() -> dict[str, str]:
    """This environment plus the benchmark passphrase, with the OS keychain out of reach."""
    return {
        **os.environ,
        "WELLBEING_PASSPHRASE": PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }


def time_process(argv: Sequence[str], env: Mapping[str, str], runs: int) -> float:
    """The median wall time in seconds of running ``argv`` as a whole process, which must succeed."""

    def one_process() -> None:
        subprocess.run(argv, env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=60)

    return median_ms(one_process, runs) / 1000
