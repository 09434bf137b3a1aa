"""What evaluate() returns, and its JSON form for `status --json`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wellbeing_app.detection.levels import Level


@dataclass(frozen=True)
class Reason:
    """A fired rule, its level and its sentence for the user."""

    rule: str
    level: Level
    message: str

    def to_dict(self) -> dict[str, str]:
        """{"rule", "level", "message"}"""
        return {"rule": self.rule, "level": self.level.value, "message": self.message}


@dataclass(frozen=True)
class DetectionResult:
    """The level on one day and why; `reasons` are ordered highest level first.

    `stale` means no check-in in the last 7 days: mood rules are then off (see docs/detection.md) and
    `reminder` holds the gentle note to show instead. `summary` is the calm line for the green state.
    """

    as_of: dt.date
    level: Level
    enough_data: bool
    reasons: tuple[Reason, ...] = ()
    stale: bool = False
    days_checked_in_last_7: int = 0
    days_with_data: int = 0
    last_checkin: dt.date | None = None
    reminder: str | None = None
    summary: str = ""

    def to_dict(self) -> dict[str, object]:
        """The core of `status --json`: {"as_of", "level", "enough_data", "reasons"}."""
        return {
            "as_of": self.as_of.isoformat(),
            "level": self.level.value,
            "enough_data": self.enough_data,
            "reasons": [reason.to_dict() for reason in self.reasons],
        }
