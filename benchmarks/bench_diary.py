"""Check-ins and journal at 10-year scale: saving, the whole `checkin` command, search and export.

A synthetic vault with 3,650 check-ins (one a day) and 5,000 journal entries of about 1 KB each, made with the
default (production) key derivation cost. Figures are medians over several runs; names say their unit.
Targets (issue 3): saving costs the same at 10 years as empty (ratio ≤ 1.5, under 5 ms in-process);
`wellbeing-app checkin` as a whole process under 0.6 s; journal search under 100 ms in-process.

Run alone with ``python -m benchmarks.bench_diary``.
"""

from __future__ import annotations

import functools
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
    fresh_vault,
    median_ms,
    put_in_batches,
    random_id,
    time_process,
    unlock_ms,
    vault_mb,
)
from wellbeing_app.checkins import CheckIn
from wellbeing_app.clock import SystemClock
from wellbeing_app.journal import JournalEntry
from wellbeing_app.services import Services
from wellbeing_app.storage.records import PendingRecord
from wellbeing_app.tags import SUGGESTED_TAGS
from wellbeing_app.transfer import export_json, import_json

YEARS = 10
CHECKINS = 3_650
JOURNAL_ENTRIES = 5_000
ENTRY_BYTES = 1_000
SAVE_RUNS = 41
PROCESS_RUNS = 7
SEARCH_RUNS = 21
EXPORT_RUNS = 3

# Words in rough order of frequency; drawn with Zipf weights (1/rank) so that, as in real writing, a few
# words are everywhere and most are rare.
_FUNCTION_TEXT = (
    "i the and to a was it of in my that at for with but on so had not be this we all just felt me is then "
    "about after her his they she he out up get got when some more very too really again still"
)
_CONTENT_TEXT = (
    "shift tired day night work home sleep team patient ward coffee walk handover family colleague early late "
    "rested calm anxious busy quiet tea run rain sun wind sea park train bus car drive break lunch dinner "
    "breakfast meeting debrief supervisor nurse doctor paramedic field camp clinic triage call radio deployment "
    "incident rota leave holiday weekend friend partner child parent phone message letter book music garden "
    "kitchen bath shower headache back pain stretch breathe cry laugh smile talk listen write think worry hope "
    "grateful proud frustrated angry sad happy content numb overwhelmed steady better worse difficult "
    "conversation grief loss death birth recovery discharge admission emergency theatre medication chart "
    "notes paperwork audit training exam course learn mistake fixed sorted plan tomorrow yesterday morning "
    "evening afternoon week month slowly finally almost never always because although before while during "
    "through around without maybe perhaps ambulance bleep relatives consultant registrar student mentor "
    "locker canteen carpark snow heat flood convoy generator tent water supplies interpreter village "
    "vaccination malaria cholera outbreak border checkpoint curfew satellite logistics volunteer donor "
    "cardiac arrest sepsis fracture stroke overdose resuscitation ventilator oxygen monitor alarm cannula "
    "dressing wound infection fever cough isolation visitor chaplain hospice palliative comfort dignity "
    "cycling swimming yoga running choir knitting baking reading gaming hiking fishing painting gardening"
)
WORDS = _FUNCTION_TEXT.split() + _CONTENT_TEXT.split()
WEIGHTS = [1 / rank for rank in range(1, len(WORDS) + 1)]
QUERIES = (
    "handover",
    "difficult conversation",
    "grateful garden",
    "triage camp",
    "tired coffee",
    "zebra",
    "Overwhelmed",
    "night shift debrief",
    "sepsis",
    "choir",
)
COMMON_QUERY = "tired"
RARE_QUERY = "choir knitting"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, weights=WEIGHTS, k=rng.randint(6, 16))
    return " ".join(words).capitalize() + rng.choice((".", ".", ".", "!", "?"))


def _text(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = _sentence(rng)
        parts.append(sentence)
        length += len(sentence) + 1
        if rng.random() < 0.15:
            parts.append("\n\n")
    return " ".join(parts).replace(" \n\n ", "\n\n").strip()


def synthetic_records(today: date, seed: int = 10) -> list[PendingRecord]:
    """3,650 daily check-ins and 5,000 journal entries of about 1 KB, ending today."""
    rng = random.Random(seed)
    start = today - timedelta(days=CHECKINS - 1)
    records: list[PendingRecord] = []
    for offset in range(CHECKINS):
        day = start + timedelta(days=offset)
        checkin = CheckIn(
            id=random_id(rng),
            date=day,
            time=_time_of_day(rng),
            mood=rng.randint(2, 9),
            energy=rng.choice((None, rng.randint(1, 9))),
            stress=rng.choice((None, rng.randint(1, 9))),
            sleep_hours=rng.choice((None, rng.randint(8, 18) / 2)),
            tags=tuple(rng.sample(SUGGESTED_TAGS, k=rng.randint(0, 2))),
            note=_sentence(rng) if rng.random() < 0.4 else "",
        )
        records.append(PendingRecord("checkin", checkin.id, checkin.to_payload(), checkin.date))
    for _ in range(JOURNAL_ENTRIES):
        day = start + timedelta(days=rng.randrange(CHECKINS))
        entry = JournalEntry(
            id=random_id(rng),
            date=day,
            body=_text(rng, ENTRY_BYTES),
            title=_sentence(rng)[:60] if rng.random() < 0.5 else "",
            tags=tuple(rng.sample(SUGGESTED_TAGS, k=rng.randint(0, 2))),
            updated_at=f"{day.isoformat()}T21:00:00",
        )
        records.append(PendingRecord("journal", entry.id, entry.to_payload(), entry.date))
    return records


def _time_of_day(rng: random.Random) -> clock_time:
    return clock_time(rng.randint(6, 23), rng.choice((0, 15, 30, 45)))


def run() -> dict[str, float | int | str]:
    clock = SystemClock()
    figures: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-diary-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()

        # -- saving one check-in: empty vault vs 10 years ---------------------------------------------------
        empty = fresh_vault(root / "empty", clock)
        try:
            services = Services(empty, clock)
            save_empty = median_ms(
                lambda: services.checkins.add(mood=6, tags=["day shift"]), SAVE_RUNS, warm_up=5
            )
        finally:
            empty.lock()

        big_dir = root / "ten-years"
        big = fresh_vault(big_dir, clock)
        try:
            records = synthetic_records(clock.now().date())
            build_started = time.perf_counter()
            put_in_batches(big, records)
            figures["build_10y_vault_s"] = round(time.perf_counter() - build_started, 2)
            figures["records_10y"] = big.store.count()
            figures["vault_10y_mb"] = vault_mb(big_dir)

            services = Services(big, clock)
            save_big = median_ms(
                lambda: services.checkins.add(mood=6, tags=["day shift"]), SAVE_RUNS, warm_up=5
            )
            figures["save_checkin_empty_ms"] = round(save_empty, 2)
            figures["save_checkin_10y_ms"] = round(save_big, 2)
            figures["save_checkin_ratio_10y_vs_empty"] = round(save_big / save_empty, 2)

            # -- journal search in-process --------------------------------------------------------------
            services = Services(big, clock)
            first_started = time.perf_counter()
            services.search.search(RARE_QUERY)
            figures["search_first_incl_index_build_ms"] = round(
                (time.perf_counter() - first_started) * 1000, 1
            )
            queries = iter(QUERIES * SEARCH_RUNS)
            figures["search_10y_ms"] = round(
                median_ms(lambda: services.search.search(next(queries)), len(QUERIES) * 3), 2
            )
            for label, query in (("common", COMMON_QUERY), ("rare", RARE_QUERY)):
                figures[f"search_{label}_word_hits"] = len(services.search.search(query))
                search_once = functools.partial(services.search.search, query)
                figures[f"search_{label}_word_ms"] = round(median_ms(search_once, SEARCH_RUNS), 2)
            figures["search_common_word_first_50_ms"] = round(
                median_ms(lambda: services.search.search(COMMON_QUERY, limit=50), SEARCH_RUNS), 2
            )

            # -- export and import -----------------------------------------------------------------------
            exported: list[str] = []

            def export_once() -> None:
                exported.append(export_json(services).text)

            figures["export_json_10y_s"] = round(median_ms(export_once, EXPORT_RUNS) / 1000, 3)
            figures["export_json_10y_mb"] = round(len(exported[-1].encode("utf-8")) / 1e6, 1)
        finally:
            big.lock()

        fresh = fresh_vault(root / "imported", clock)
        try:
            import_started = time.perf_counter()
            summary = import_json(Services(fresh, clock), exported[-1])
            figures["import_json_10y_into_new_vault_s"] = round(time.perf_counter() - import_started, 3)
            figures["import_json_10y_added"] = summary.added
        finally:
            fresh.lock()

        # -- `wellbeing-app checkin --mood 6` as a whole process (default Argon2id cost) -------------------
        command = [*cli_command(), "--data-dir", str(big_dir), "checkin", "--mood", "6"]
        figures["cli_checkin_process_10y_s"] = round(time_process(command, cli_env(), PROCESS_RUNS), 3)
        figures["unlock_default_kdf_ms"] = round(unlock_ms(big_dir), 1)
        figures["total_benchmark_s"] = round(time.perf_counter() - started, 1)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
