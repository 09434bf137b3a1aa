"""Pure statistics over check-ins: one implementation of each figure, shared by the mood strip, the status and
the Trends page, so that they can never disagree.

A day's value is the mean of that day's check-ins (``math.fsum``, so the order they were saved in does not
change the last digit); a day without a value is absent, never zero.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wellbeing_app.checkins import CheckIn


def daily_means(values: Iterable[tuple[date, float | None]]) -> dict[date, float]:
    """Mean value per day, in date order; ``None`` values are skipped."""
    by_day: defaultdict[date, list[float]] = defaultdict(list)
    for day, value in values:
        if value is not None:
            by_day[day].append(float(value))
    return {day: math.fsum(by_day[day]) / len(by_day[day]) for day in sorted(by_day)}


def field_daily_means(checkins: Iterable[CheckIn], field: str = "mood") -> dict[date, float]:
    """``daily_means`` of one check-in field (mood, energy, stress, sleep_hours)."""
    return daily_means((checkin.date, getattr(checkin, field)) for checkin in checkins)
