"""`status` over 10 years of data: StatusService.status() in-process, and `wellbeing-app status --json`.

A synthetic vault made with the default (production) key derivation cost: 3,650 days of check-ins (about one
day in five with two), a WHO-5 every 28 days and a burnout answer every 28 days (offset by two weeks), and a
directory of 200 contacts. The last fortnight is very low, so today's status is red: the heaviest path, with
suggestions, crisis lines and the episode. Target (issue 5): status under 50 ms in-process. Figures are medians;
names say their unit.

Run alone with ``python -m benchmarks.bench_status``.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock_time
from pathlib import Path

from benchmarks.common import (
    cli_command,
    cli_env,
    filled_vault,
    median_ms,
    random_id,
    time_process,
    unlock_ms,
)
from wellbeing_app.checkins import CheckIn
from wellbeing_app.clock import SystemClock
from wellbeing_app.directory import Profile
from wellbeing_app.instruments import InstrumentResult
from wellbeing_app.instruments.store import INSTRUMENT_KIND
from wellbeing_app.services import Services
from wellbeing_app.storage.records import PendingRecord

DAYS = 3_650
CONTACTS = 200
RUNS = 41
PROCESS_RUNS = 7
TAGS = ("night shifts", "ICU", "paediatrics", "field deployments", "burnout", "critical incident")
KINDS = ("peer_supporter", "debrief_contact", "professional_service")


def synthetic_records(today: date, seed: int = 50) -> list[PendingRecord]:
    """Ten years of check-ins ending today (the last 14 days very low) and questionnaires every 28 days."""
    rng = random.Random(seed)
    first = today - timedelta(days=DAYS - 1)
    records: list[PendingRecord] = []
    for offset in range(DAYS):
        day = first + timedelta(days=offset)
        low_spell = (offset // 90) % 4 == 3 and offset % 90 < 20
        mean = 1 if offset >= DAYS - 14 else 3 if low_spell else 7
        for _ in range(2 if rng.random() < 0.2 else 1):
            mood = min(10, max(0, round(rng.gauss(mean, 1.0 if mean == 1 else 1.5))))
            hour = rng.randint(6, 22)
            checkin = CheckIn(
                id=random_id(rng), date=day, time=clock_time(hour, 0), mood=mood, tags=("night shifts",)
            )
            records.append(PendingRecord("checkin", checkin.id, checkin.to_payload(), day))
        if offset % 28 == 0:
            who5 = InstrumentResult.new("who5", [rng.randint(2, 5) for _ in range(5)], day, id=random_id(rng))
            records.append(PendingRecord(INSTRUMENT_KIND, who5.id, who5.to_payload(), day))
        if offset % 28 == 14:
            burnout = InstrumentResult.new("burnout", [rng.randint(1, 3)], day, id=random_id(rng))
            records.append(PendingRecord(INSTRUMENT_KIND, burnout.id, burnout.to_payload(), day))
    return records


def add_directory(services: Services, seed: int = 51) -> None:
    rng = random.Random(seed)
    services.directory.set_profile(Profile.create(experience_tags="night shifts; ICU", languages="en"))
    for number in range(CONTACTS):
        services.directory.add_private(
            {
                "name": f"Contact {number:03d}",
                "kind": rng.choice(KINDS),
                "tags": ";".join(rng.sample(TAGS, k=rng.randint(0, 3))),
                "languages": rng.choice(("en", "en;fr", "es")),
                "phone": f"+44 20 7946 {number:04d}",
            }
        )


def run() -> dict[str, float | int | str]:
    clock = SystemClock()
    figures: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-status-") as tmp:
        data_dir = Path(tmp) / "ten-years"
        today = clock.now().date()
        vault = filled_vault(data_dir, clock, synthetic_records(today))
        try:
            figures["checkins"] = vault.store.count("checkin")
            figures["instruments"] = vault.store.count(INSTRUMENT_KIND)
            services = Services(vault, clock)
            add_directory(services)
            figures["contacts"] = vault.store.count("contact")

            fresh = Services(vault, clock)
            started = time.perf_counter()
            report = fresh.status.status()
            figures["status_first_call_ms"] = round((time.perf_counter() - started) * 1000, 2)
            figures["status_level"] = report.level.value
            figures["status_suggestions"] = len(report.suggestions)
            figures["status_crisis_lines"] = len(report.crisis_lines)
            figures["status_10y_ms"] = round(median_ms(services.status.status, RUNS, warm_up=3), 2)
            a_year_ago = today - timedelta(days=365)
            figures["status_as_of_a_year_ago_ms"] = round(
                median_ms(lambda: services.status.status(a_year_ago), RUNS, warm_up=3), 2
            )
            figures["target_status_ms"] = 50
        finally:
            vault.lock()

        command = [*cli_command(), "--data-dir", str(data_dir), "status", "--json"]
        figures["cli_status_json_process_10y_s"] = round(time_process(command, cli_env(), PROCESS_RUNS), 3)
        figures["unlock_default_kdf_ms"] = round(unlock_ms(data_dir), 1)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
