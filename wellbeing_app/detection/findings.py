"""What a rule found, as data: the rule, its level and the evidence that messages.py puts into words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from wellbeing_app.detection.levels import Level

SUSTAINED_LOW: Final = "sustained_low"
VERY_LOW: Final = "very_low"
DROP_FROM_BASELINE: Final = "drop_from_baseline"
LOW_STREAK: Final = "low_streak"
WHO5_LOW: Final = "who5_low"
BURNOUT: Final = "burnout"
# The order reasons are listed in when two findings have the same level.
RULE_ORDER: Final = (VERY_LOW, SUSTAINED_LOW, WHO5_LOW, BURNOUT, DROP_FROM_BASELINE, LOW_STREAK)


@dataclass(frozen=True)
class LowDaysEvidence:
    """sustained_low / very_low: `matching` of the `days_with_data` days since `since` were ≤ max_mood."""

    matching: int
    days_with_data: int
    max_mood: float
    since: dt.date


@dataclass(frozen=True)
class DropEvidence:
    """drop_from_baseline: the recent and the usual mean, and the period the usual one covers."""

    recent_mean: float
    recent_days: int
    baseline_mean: float
    baseline_first: dt.date
    baseline_last: dt.date


@dataclass(frozen=True)
class StreakEvidence:
    """low_streak: consecutive days first..last, each ≤ max_mood."""

    first: dt.date
    last: dt.date
    max_mood: float


@dataclass(frozen=True)
class Who5Evidence:
    """who5_low: the WHO-5 answered on `on` came to `percentage` out of 100."""

    on: dt.date
    percentage: int


@dataclass(frozen=True)
class BurnoutEvidence:
    """burnout: the statement (1–5) chosen on `on`."""

    on: dt.date
    answer: int


Evidence = LowDaysEvidence | DropEvidence | StreakEvidence | Who5Evidence | BurnoutEvidence


@dataclass(frozen=True)
class Finding:
    """One rule that fired."""

    rule: str
    level: Level
    evidence: Evidence
