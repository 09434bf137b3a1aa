"""Detection over 10 years of data: daily_means + evaluate + the episode update, as `status` runs them.

Target (issue 5): under 50 ms in-process. Synthetic data: 3,650 days, about one in five with two check-ins,
mood drifting around a personal mean, some low spells, WHO-5 every 14 days and burnout every 28.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from benchmarks.common import median_ms, random_id
from wellbeing_app.detection import daily_means, evaluate, update_episodes
from wellbeing_app.instruments import InstrumentResult

DAYS = 3650
RUNS = 21


def _data(seed: int = 5) -> tuple[list[tuple[dt.date, float]], list[InstrumentResult], dt.date]:
    rng = random.Random(seed)
    as_of = dt.date(2025, 3, 16)
    first = as_of - dt.timedelta(days=DAYS - 1)
    checkins: list[tuple[dt.date, float]] = []
    instruments: list[InstrumentResult] = []
    for offset in range(DAYS):
        day = first + dt.timedelta(days=offset)
        low_spell = (offset // 90) % 4 == 3 and offset % 90 < 20
        for _ in range(2 if rng.random() < 0.2 else 1):
            checkins.append((day, float(min(10, max(0, round(rng.gauss(3 if low_spell else 7, 1.5)))))))
        if offset % 14 == 0:
            answers = [rng.randint(1, 5) for _ in range(5)]
            instruments.append(InstrumentResult.new("who5", answers, day, id=random_id(rng)))
        if offset % 28 == 0:
            instruments.append(InstrumentResult.new("burnout", [rng.randint(1, 4)], day, id=random_id(rng)))
    return checkins, instruments, as_of


def _median_ms(action: Callable[[], object]) -> float:
    return round(median_ms(action, RUNS), 3)


def run() -> dict[str, float | int | str]:
    """Medians in milliseconds over 21 runs."""
    checkins, instruments, as_of = _data()
    moods = daily_means(checkins)

    def status() -> None:
        result = evaluate(daily_means(checkins), instruments, as_of)
        update_episodes((), result)

    return {
        "days": DAYS,
        "checkins": len(checkins),
        "instruments": len(instruments),
        "daily_means_ms": _median_ms(lambda: daily_means(checkins)),
        "evaluate_ms": _median_ms(lambda: evaluate(moods, instruments, as_of)),
        "status_core_ms": _median_ms(status),
        "target_status_core_ms": 50,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
