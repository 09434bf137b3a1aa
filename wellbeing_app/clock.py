"""Time as an explicit input, so services and tests agree on "now" without monkeypatching."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current local time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()


class FixedClock:
    """A clock that stands still until moved; for tests and benchmarks."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment if moment.tzinfo else moment.astimezone()

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()
