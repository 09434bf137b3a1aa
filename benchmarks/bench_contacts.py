"""The directory in the vault at 5,000 contacts: importing through DirectoryService, loading, suggesting.

``bench_directory`` measures the pure core (parsing, filtering, ranking in memory); this one adds the vault:
encrypting and writing every contact in one transaction, and decrypting them all again after an unlock.
The vaults are made with a cheap key derivation, because unlocking is not what is measured here
(``bench_vault`` measures it).

Targets (issue 4): import of 5,000 contacts under 2 s including encryption and writing; suggestions under
50 ms. Figures are medians; names say their unit.

Run alone with ``python -m benchmarks.bench_contacts``.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.bench_directory import CONTACTS, synthetic_contacts
from benchmarks.common import PASSPHRASE, fresh_vault, median_ms, vault_mb
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.directory import Profile, export_csv
from wellbeing_app.directory.service import DirectoryService
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

IMPORT_RUNS = 5
LOAD_RUNS = 7
SUGGEST_RUNS = 21


def run() -> dict[str, float | int | str]:
    clock = FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("Europe/London")))
    kdf = KdfParams.fresh(memory_kib=1024, iterations=1, lanes=1)
    content = export_csv(synthetic_contacts(CONTACTS)).encode("utf-8")
    figures: dict[str, float | int | str] = {"contacts": CONTACTS, "csv_kb": round(len(content) / 1024)}
    with tempfile.TemporaryDirectory(prefix="bench-contacts-") as tmp:
        root = Path(tmp)
        imports: list[float] = []
        plans: list[float] = []
        for run_number in range(IMPORT_RUNS):
            vault = fresh_vault(root / f"import-{run_number}", clock, kdf)
            try:
                directory = DirectoryService(vault.store, clock)
                started = time.perf_counter()
                plan = directory.plan_import(content, source_name="staff-directory.csv")
                planned = time.perf_counter()
                directory.apply_import(plan)
                finished = time.perf_counter()
                assert len(plan.inserts) == CONTACTS
                plans.append((planned - started) * 1000)
                imports.append((finished - started) * 1000)
            finally:
                vault.lock()
        figures["import_5000_s"] = round(statistics.median(imports) / 1000, 3)
        figures["import_parse_and_plan_ms"] = round(statistics.median(plans), 1)
        figures["import_encrypt_and_write_ms"] = round(
            statistics.median(imports) - statistics.median(plans), 1
        )

        data_dir = root / "import-0"
        vault = Vault.open_with_passphrase(data_dir, PASSPHRASE, clock=clock)
        try:
            services = Services(vault, clock)
            started = time.perf_counter()
            again = services.directory.plan_import(content, source_name="staff-directory.csv")
            figures["reimport_unchanged_ms"] = round((time.perf_counter() - started) * 1000, 1)
            assert not again.has_changes

            def load() -> None:
                assert len(DirectoryService(vault.store, clock).contacts()) == CONTACTS

            figures["load_after_unlock_ms"] = round(median_ms(load, LOAD_RUNS), 1)

            services.directory.set_profile(
                Profile.create(
                    experience_tags="field deployment;night shifts", languages="en;fr", country="GB"
                )
            )
            services.checkins.add(mood=3, tags=["patient death"], day="2026-11-23")
            services.directory.contacts()  # decrypted once per unlock, as in the app
            figures["suggest_all_5000_ms"] = round(median_ms(services.directory.suggestions, SUGGEST_RUNS), 2)
            figures["suggest_top3_with_reasons_ms"] = round(
                median_ms(
                    lambda: services.directory.suggestions(limit=3, with_reasons_only=True), SUGGEST_RUNS
                ),
                2,
            )
        finally:
            vault.lock()
        figures["vault_mb"] = vault_mb(data_dir)
    figures["targets"] = "import < 2 s; suggestions < 50 ms"
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
