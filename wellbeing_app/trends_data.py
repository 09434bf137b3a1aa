"""What Trends shows for a range, read from the vault once and recomputed per range without touching it again.

``TrendsSource.load(services)`` decrypts every check-in, questionnaire, period and episode once (the Trends page
keeps it until the change signal says one of those kinds changed); ``for_range`` is pure arithmetic over that,
so switching between "4 weeks" and "All" costs no decryption.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from wellbeing_app import checkins, periods
from wellbeing_app.detection.episode_store import EPISODE_KIND
from wellbeing_app.detection.episodes import Episode
from wellbeing_app.errors import DamagedRecord
from wellbeing_app.instruments import InstrumentResult
from wellbeing_app.instruments.store import INSTRUMENT_KIND
from wellbeing_app.periods import Period
from wellbeing_app.trends import (
    RETURN_DAYS,
    AfterReturn,
    DayValues,
    Figures,
    MoodDifference,
    after_return,
    day_values,
    figures,
    period_figures,
    rolling_mean,
    short_sleep_difference,
    tag_differences,
)

if TYPE_CHECKING:
    from wellbeing_app.services import Services

SOURCE_KINDS = frozenset({checkins.KIND, INSTRUMENT_KIND, periods.KIND, EPISODE_KIND})
"""The record kinds Trends is computed from: a change to any of them means loading again."""


@dataclass(frozen=True)
class TrendsData:
    first: date
    last: date
    days: dict[date, DayValues]
    overall: Figures
    periods: list[tuple[Period, Figures]]
    after_return: list[AfterReturn]
    tags: list[MoodDifference]
    short_sleep: MoodDifference | None
    rolling: dict[date, float]
    instruments: list[InstrumentResult]
    episodes: list[Episode]

    def to_json(self) -> dict[str, Any]:
        """`trends --json`: numbers rounded to 2 decimals, null where there is no data."""
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "overall": self.overall.to_json(),
            "periods": [
                {
                    "id": period.id,
                    "name": period.name,
                    "kind": period.kind,
                    "from": period.start.isoformat(),
                    "to": period.end.isoformat() if period.end else None,
                    **numbers.to_json(),
                }
                for period, numbers in self.periods
            ],
            "tags": [difference.to_json() for difference in self.tags],
            "short_sleep": self.short_sleep.to_json() if self.short_sleep else None,
            "who5": [{"date": day.isoformat(), "score": score} for day, score in self.overall.who5],
            "after_return": [
                {
                    "id": item.period.id,
                    "name": item.period.name,
                    "before": item.before.to_json(),
                    "during": item.during.to_json(),
                    **{
                        f"after_{days}": after.to_json()
                        for days, after in zip(RETURN_DAYS, item.after, strict=False)
                    },
                }
                for item in self.after_return
            ],
        }


@dataclass
class TrendsSource:
    today: date
    days: dict[date, DayValues]
    instruments: list[InstrumentResult]
    periods: list[Period]
    episodes: list[Episode]
    damaged: list[DamagedRecord] = field(default_factory=list)
    _rolling: dict[date, float] | None = field(default=None, repr=False)
    _after_return: list[AfterReturn] | None = field(default=None, repr=False)

    def all_after_return(self) -> list[AfterReturn]:
        """Before / during / after every deployment: the same whatever range is shown, so computed once."""
        if self._after_return is None:
            self._after_return = after_return(self.days, self.periods, self.today, self.instruments)
        return self._after_return

    def rolling(self) -> dict[date, float]:
        """Rolling 7-day means over all days, so a range's first days still look back a week."""
        if self._rolling is None:
            self._rolling = rolling_mean({day: values.mood for day, values in self.days.items()})
        return self._rolling

    @classmethod
    def load(cls, services: Services) -> TrendsSource:
        found = services.checkins.between()
        return cls.from_checkins(services, found, services.checkins.damaged)

    @classmethod
    def from_checkins(
        cls,
        services: Services,
        found: Sequence[checkins.CheckIn],
        damaged_checkins: Sequence[DamagedRecord] = (),
    ) -> TrendsSource:
        """From check-ins the caller has already decrypted (all of them), so they are not read a second time."""
        damaged = list(damaged_checkins)
        instruments = services.instruments.between()
        damaged += services.instruments.damaged
        all_periods = services.periods.periods()
        damaged += services.periods.damaged
        episodes = list(services.status.episodes())
        return cls(
            services.clock.now().date(), day_values(found), instruments, all_periods, episodes, damaged
        )

    @property
    def first_day(self) -> date | None:
        return min(self.days) if self.days else None

    def for_range(self, first: date | None = None, last: date | None = None) -> TrendsData:
        """Defaults: from the first check-in (or four weeks back) to today."""
        last = last or self.today
        first = first or self.first_day or last - timedelta(days=27)
        days = {day: values for day, values in self.days.items() if first <= day <= last}
        return TrendsData(
            first=first,
            last=last,
            days=days,
            overall=figures(days, first, last, self.instruments),
            periods=period_figures(days, self.periods, first, last, self.instruments),
            after_return=[item for item in self.all_after_return() if item.period.overlaps(first, last)],
            tags=tag_differences(days, first, last),
            short_sleep=short_sleep_difference(days, first, last),
            rolling={day: mean for day, mean in self.rolling().items() if first <= day <= last},
            instruments=[r for r in self.instruments if first <= r.date <= last],
            episodes=[
                e
                for e in self.episodes
                if e.opened_on <= last and (e.closed_on is None or e.closed_on >= first)
            ],
        )
