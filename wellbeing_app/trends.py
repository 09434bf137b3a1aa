"""Trends: the figures behind the Trends page, `wellbeing-app trends` and the PDF report, as pure functions.

Every figure starts from one value per day (``statistics.daily_means``: a day with two check-ins counts once, at
their mean; a day without one is absent, never zero). A *low day* is one whose mean mood is 4 or lower, the
same cut-off detection uses. An open-ended period runs to the end of the range asked for.

"What moves my mood" compares days with a tag to days without it, only when there are at least 3 of each
(Bearable's rule: fewer says nothing). Its words describe what went together, never a cause.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from wellbeing_app.checkins import CheckIn
from wellbeing_app.instruments import InstrumentResult
from wellbeing_app.periods import Period
from wellbeing_app.statistics import daily_means

LOW_MOOD: Final = 4.0
SHORT_SLEEP_HOURS: Final = 6.0
MIN_DAYS_EACH_SIDE: Final = 3
ROLLING_DAYS: Final = 7
RETURN_DAYS: Final = (30, 90)
SHORT_SLEEP_LABEL: Final = "short sleep (under 6 h)"


@dataclass(frozen=True)
class DayValues:
    day: date
    mood: float
    energy: float | None = None
    stress: float | None = None
    sleep: float | None = None
    tags: frozenset[str] = frozenset()


def day_values(checkins: Iterable[CheckIn]) -> dict[date, DayValues]:
    """One entry per day with a check-in: the mean of each field, and every tag used that day."""
    items = list(checkins)
    moods = daily_means((c.date, c.mood) for c in items)
    energy = daily_means((c.date, c.energy) for c in items)
    stress = daily_means((c.date, c.stress) for c in items)
    sleep = daily_means((c.date, c.sleep_hours) for c in items)
    tags: dict[date, set[str]] = {}
    for checkin in items:
        tags.setdefault(checkin.date, set()).update(checkin.tags)
    return {
        day: DayValues(
            day, mood, energy.get(day), stress.get(day), sleep.get(day), frozenset(tags.get(day, ()))
        )
        for day, mood in moods.items()
    }


def _mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def _sd(values: Sequence[float]) -> float | None:
    """Sample standard deviation; needs two days."""
    if len(values) < 2:
        return None
    mean = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))


@dataclass(frozen=True)
class Figures:
    first: date
    last: date
    days_with_data: int
    mood_mean: float | None
    mood_sd: float | None
    low_days_share: float | None
    energy_mean: float | None
    stress_mean: float | None
    sleep_mean: float | None
    who5: tuple[tuple[date, int], ...] = ()
    """WHO-5 percentage scores (0–100) answered in the range."""

    def to_json(self) -> dict[str, Any]:
        return {
            "days_with_data": self.days_with_data,
            "mood_mean": _round(self.mood_mean),
            "mood_sd": _round(self.mood_sd),
            "low_days_share": _round(self.low_days_share),
            "energy_mean": _round(self.energy_mean),
            "stress_mean": _round(self.stress_mean),
            "sleep_mean": _round(self.sleep_mean),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def in_range(days: Mapping[date, DayValues], first: date, last: date) -> list[DayValues]:
    """The days with data from first to last, in order; a short range walks its dates, not all the data."""
    span = (last - first).days + 1
    if span <= 0:
        return []
    if span < len(days):
        found = (days.get(first + timedelta(days=offset)) for offset in range(span))
        return [values for values in found if values is not None]
    return [values for day, values in sorted(days.items()) if first <= day <= last]


def figures(
    days: Mapping[date, DayValues], first: date, last: date, instruments: Iterable[InstrumentResult] = ()
) -> Figures:
    chosen = in_range(days, first, last)
    moods = [v.mood for v in chosen]
    answered = [r for r in instruments if r.kind == "who5" and first <= r.date <= last]
    who5 = tuple(
        (result.date, result.who5_percentage or 0)
        for result in sorted(answered, key=lambda r: (r.date, r.id))
    )
    return Figures(
        first=first,
        last=last,
        days_with_data=len(chosen),
        mood_mean=_mean(moods),
        mood_sd=_sd(moods),
        low_days_share=(sum(1 for m in moods if m <= LOW_MOOD) / len(moods)) if moods else None,
        energy_mean=_mean([v.energy for v in chosen if v.energy is not None]),
        stress_mean=_mean([v.stress for v in chosen if v.stress is not None]),
        sleep_mean=_mean([v.sleep for v in chosen if v.sleep is not None]),
        who5=who5,
    )


def period_figures(
    days: Mapping[date, DayValues],
    periods: Iterable[Period],
    first: date,
    last: date,
    instruments: Sequence[InstrumentResult] = (),
) -> list[tuple[Period, Figures]]:
    """Each period that overlaps the range, its figures over the part inside the range."""
    return [
        (period, figures(days, max(period.start, first), period.end_within(last), instruments))
        for period in periods
        if period.overlaps(first, last)
    ]


@dataclass(frozen=True)
class AfterReturn:
    """Before / during / after one deployment, side by side; after is None until the deployment has ended."""

    period: Period
    before: Figures
    during: Figures
    after: tuple[Figures, ...]
    """30 and 90 days after the last day (only the days that have passed by ``today``)."""


def after_return(
    days: Mapping[date, DayValues],
    periods: Iterable[Period],
    today: date,
    instruments: Sequence[InstrumentResult] = (),
) -> list[AfterReturn]:
    found: list[AfterReturn] = []
    for period in periods:
        if period.kind != "deployment" or period.start > today:
            continue
        before = figures(
            days, period.start - timedelta(days=RETURN_DAYS[0]), period.start - timedelta(days=1), instruments
        )
        during = figures(days, period.start, period.end_within(today), instruments)
        after: tuple[Figures, ...] = ()
        if period.end is not None and period.end < today:
            after = tuple(
                figures(
                    days,
                    period.end + timedelta(days=1),
                    min(period.end + timedelta(days=n), today),
                    instruments,
                )
                for n in RETURN_DAYS
            )
        found.append(AfterReturn(period, before, during, after))
    return found


@dataclass(frozen=True)
class MoodDifference:
    label: str
    days_with: int
    days_without: int
    mood_with: float
    mood_without: float

    @property
    def difference(self) -> float:
        return self.mood_with - self.mood_without

    def sentence(self) -> str:
        """What went together, in plain words; never a cause."""
        return (
            f"On days with {self.label}, your mood was on average {self.mood_with:.1f}; on days without, "
            f"{self.mood_without:.1f} ({self.days_with} and {self.days_without} days)."
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "tag": self.label,
            "days_with": self.days_with,
            "days_without": self.days_without,
            "mood_with": _round(self.mood_with),
            "mood_without": _round(self.mood_without),
        }


def _compare(label: str, with_: list[float], without: list[float]) -> MoodDifference | None:
    if len(with_) < MIN_DAYS_EACH_SIDE or len(without) < MIN_DAYS_EACH_SIDE:
        return None
    return MoodDifference(
        label, len(with_), len(without), math.fsum(with_) / len(with_), math.fsum(without) / len(without)
    )


def tag_differences(days: Mapping[date, DayValues], first: date, last: date) -> list[MoodDifference]:
    """Every tag with at least 3 days with it and 3 without; the largest differences first."""
    chosen = in_range(days, first, last)
    tags = sorted({tag for values in chosen for tag in values.tags}, key=str.casefold)
    found = [
        _compare(
            tag, [v.mood for v in chosen if tag in v.tags], [v.mood for v in chosen if tag not in v.tags]
        )
        for tag in tags
    ]
    return sorted((f for f in found if f is not None), key=lambda f: (-abs(f.difference), f.label.casefold()))


def short_sleep_difference(days: Mapping[date, DayValues], first: date, last: date) -> MoodDifference | None:
    """Days that slept under 6 hours against days that slept more (days without a sleep value left out)."""
    slept = [v for v in in_range(days, first, last) if v.sleep is not None]
    short = [v.mood for v in slept if v.sleep is not None and v.sleep < SHORT_SLEEP_HOURS]
    rest = [v.mood for v in slept if v.sleep is not None and v.sleep >= SHORT_SLEEP_HOURS]
    return _compare(SHORT_SLEEP_LABEL, short, rest)


def rolling_mean(values: Mapping[date, float], window: int = ROLLING_DAYS) -> dict[date, float]:
    """For each day with a value, the mean over the days with values in the ``window`` days ending on it."""
    ordered = sorted(values.items())
    result: dict[date, float] = {}
    start = 0
    total = 0.0
    for end, (day, value) in enumerate(ordered):
        total += value
        while ordered[start][0] <= day - timedelta(days=window):
            total -= ordered[start][1]
            start += 1
        result[day] = total / (end - start + 1)
    return result


def weekly_means(values: Mapping[date, float]) -> dict[date, float]:
    """Mean of the daily values of each week, keyed by its Monday."""
    return daily_means((day - timedelta(days=day.weekday()), value) for day, value in values.items())


def monthly_means(values: Mapping[date, float]) -> dict[date, float]:
    """Mean of the daily values of each calendar month, keyed by its first day."""
    return daily_means((day.replace(day=1), value) for day, value in values.items())
