"""Directory figures for 5,000 contacts: CSV import, filtering as the user types, and suggestions.

Targets (issue 4): import under 2 s, each keystroke under 50 ms, suggestions under 50 ms.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

from benchmarks.common import median_ms
from wellbeing_app.directory import (
    Availability,
    Contact,
    ContactKind,
    Profile,
    SuggestionContext,
    export_csv,
    filter_contacts,
    parse_csv,
    suggest,
)

CONTACTS = 5_000
RUNS = 9
TYPED_WORD = "paediatrics"
_FIRST = ["Ana", "José", "Amara", "Élodie", "Kenji", "Grace", "Sara", "Yui", "Omar", "Priya", "Liam", "Zoë"]
_LAST = [
    "Silva",
    "Martínez",
    "Okafor",
    "Bernard",
    "Sato",
    "Mwangi",
    "Ahmed",
    "Tanaka",
    "Khan",
    "Sharma",
    "Novak",
]
_TAGS = [
    "ICU",
    "field deployment",
    "paediatrics",
    "patient death",
    "night shifts",
    "diabetes",
    "critical incident",
]
_LANGUAGES = ["en", "fr", "es", "ar", "sw", "pt", "ja", "hi", "de"]
_ZONES = ["Europe/London", "Europe/Paris", "Africa/Nairobi", "Asia/Tokyo", "America/New_York", None]
_HOURS = [
    "Mon-Fri 09:00-17:00",
    "Mon,Wed 18:00-20:00; Sat 10:00-12:00",
    "Sat 22:00-02:00",
    "Daily 08:00-20:00",
]


def synthetic_contacts(count: int = CONTACTS, seed: int = 4) -> list[Contact]:
    rng = random.Random(seed)
    kinds = list(ContactKind)
    hours = {text: Availability.parse(text) for text in _HOURS}
    return [
        Contact(
            id=f"c-{index:05d}",
            name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {index}",
            kind=rng.choice(kinds),
            role=rng.choice(["Nurse", "Paramedic", "Doctor", "Midwife", "Psychologist"]),
            organisation=f"Hospital {rng.randint(1, 40)}, Region {rng.randint(1, 9)}",
            phone=f"+44 20 7946 {index:04d}",
            email=f"person{index}@example.org",
            url="https://example.org/directory",
            languages=tuple(rng.sample(_LANGUAGES, rng.randint(1, 3))),
            tags=tuple(rng.sample(_TAGS, rng.randint(0, 3))),
            availability=hours[rng.choice(_HOURS)],
            timezone=rng.choice(_ZONES),
            notes="Happy to talk.\nAsk for a call back, any time." if index % 3 == 0 else "",
            last_verified=date(2026, 11, 1),
        )
        for index in range(count)
    ]


def _median_ms(action: Callable[[], object]) -> float:
    return round(median_ms(action, RUNS), 2)


def run() -> dict[str, float | int | str]:
    text = export_csv(synthetic_contacts())
    imported_on = date(2026, 11, 25)

    def import_csv() -> list[Contact]:
        return parse_csv(text.encode("utf-8"), source_name="bench.csv", imported_on=imported_on)

    import_ms = _median_ms(import_csv)
    contacts = import_csv()
    assert len(contacts) == CONTACTS

    prefixes = [TYPED_WORD[: length + 1] for length in range(len(TYPED_WORD))]
    cold_start = time.perf_counter()
    filter_contacts(contacts, text=prefixes[0])
    first_keystroke_ms = round((time.perf_counter() - cold_start) * 1000, 2)
    keystrokes: list[float] = []
    for _ in range(RUNS):
        for prefix in prefixes:
            start = time.perf_counter()
            filter_contacts(contacts, text=prefix)
            keystrokes.append((time.perf_counter() - start) * 1000)

    now = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    context = SuggestionContext(
        profile=Profile.create(experience_tags="field deployment;night shifts", languages="en;fr"),
        now=now,
        recent_tags=frozenset({"patient death"}),
        preferred_kinds=(ContactKind.PEER_SUPPORTER,),
    )
    suggest_ms = _median_ms(lambda: suggest(contacts, context, limit=3))
    suggest_all_ms = _median_ms(lambda: suggest(contacts, context))
    return {
        "contacts": CONTACTS,
        "csv_import_ms": import_ms,
        "filter_first_keystroke_ms": first_keystroke_ms,
        "filter_per_keystroke_ms": round(statistics.median(keystrokes), 2),
        "filter_per_keystroke_max_ms": round(max(keystrokes), 2),
        "suggest_top3_ms": suggest_ms,
        "suggest_all_ms": suggest_all_ms,
        "targets": "import < 2000 ms; keystroke < 50 ms; suggest < 50 ms",
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
