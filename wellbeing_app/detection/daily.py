"""From check-ins to one value per day: the mean of that day's check-ins. Missing days stay missing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from wellbeing_app.statistics import daily_means

__all__ = ["daily_means", "days_back", "moods_between"]

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
