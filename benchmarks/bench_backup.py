"""Backups on the 10-year vault (issue 12): what the daily automatic backup adds to a lock, a manual backup,
restore (every record checked first) and salvage.

The automatic backup runs when the vault locks, on the thread that locks; the figure to watch is
``automatic_backup_ms`` (target: well under a second, so the user never waits on it).
"""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchmarks.bench_diary import synthetic_records
from benchmarks.common import PASSPHRASE, filled_vault, median_ms, vault_mb
from wellbeing_app.backup import automatic_backup, write_backup
from wellbeing_app.clock import SystemClock
from wellbeing_app.restore import restore_backup
from wellbeing_app.salvage import salvage
from wellbeing_app.vault import Vault
from wellbeing_app.vault_keys import key_from_passphrase

RUNS = 3


def run() -> dict[str, float | int | str]:
    clock = SystemClock()
    figures: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as tmp:
        root = Path(tmp)
        data_dir = root / "ten-years"
        vault = filled_vault(data_dir, clock, synthetic_records(clock.now().date()))
        try:
            figures["records"] = vault.store.count()
        finally:
            vault.lock()
        figures["vault_mb"] = vault_mb(data_dir)

        day = [0]

        def daily() -> None:
            day[0] += 1
            (data_dir / "vault.sqlite3").touch()  # "changed since the last backup"
            automatic_backup(data_dir, clock.now() + timedelta(days=day[0]))

        figures["automatic_backup_ms"] = round(median_ms(daily, RUNS), 1)
        count = [0]

        def manual() -> None:
            count[0] += 1
            write_backup(data_dir, clock.now(), root / f"manual-{count[0]}.sqlite3")

        figures["backup_to_file_ms"] = round(median_ms(manual, RUNS), 1)

        started = time.perf_counter()
        restore_backup(
            root / "manual-1.sqlite3",
            root / "restored",
            lambda staged: Vault.open_with_passphrase(staged, PASSPHRASE),
            clock.now(),
            replace=False,
        )
        figures["restore_with_full_check_s"] = round(time.perf_counter() - started, 2)

        started = time.perf_counter()
        report = salvage(data_dir, root / "salvaged", lambda meta: key_from_passphrase(meta, PASSPHRASE))
        figures["salvage_s"] = round(time.perf_counter() - started, 2)
        figures["salvaged_records"] = report.saved_total
    return figures
