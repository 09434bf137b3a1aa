"""From check-ins to one value per day: the mean of that day's check-ins. Missing days stay missing."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping


def daily_means(checkins: Iterable[tuple[dt.date, float]]) -> dict[dt.date, float]:
    """Mean mood per day, in date order; fsum makes it exact-ish and independent of insertion order."""
    by_day: defaultdict[dt.date, list[float]] = defaultdict(list)
    for day, mood in checkins:
        by_day[day].append(mood)
    return {day: math.fsum(by_day[day]) / len(by_day[day]) for day in sorted(by_day)}


DayMood = tuple[dt.date, float]


def moods_between(moods: Mapping[dt.date, float], first: dt.date, last: dt.date) -> list[DayMood]:
    """The days with data from first to last inclusive, oldest first: a walk over dates, not over the data."""
    found: list[DayMood] = []
    day = first
    one = dt.timedelta(days=1)
    while day <= last:
        mood = moods.get(day)
        if mood is not None:
            found.append((day, mood))
        day += one
    return found


def days_back(as_of: dt.date, days: int) -> dt.date:
    """First day of a period of `days` calendar days ending on as_of."""
    return as_of - dt.timedelta(days=days - 1)
