"""One small pure function per rule. Each returns a Finding with its evidence, or None when it does not fire.

Mood rules read a mapping of date → daily mean mood; a missing date is missing, never low. All comparisons of
shares and means are exact (Fraction), so boundary cases behave as documented and never by rounding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction

from wellbeing_app.detection.config import DetectionConfig
from wellbeing_app.detection.daily import days_back, moods_between
from wellbeing_app.detection.findings import (
    BURNOUT,
    DROP_FROM_BASELINE,
    LOW_STREAK,
    SUSTAINED_LOW,
    VERY_LOW,
    WHO5_LOW,
    BurnoutEvidence,
    DropEvidence,
    Finding,
    LowDaysEvidence,
    StreakEvidence,
    Who5Evidence,
)
from wellbeing_app.detection.levels import Level
from wellbeing_app.instruments import InstrumentKind, InstrumentResult

_ONE_DAY = dt.timedelta(days=1)


def sustained_low(moods: Mapping[dt.date, float], as_of: dt.date, config: DetectionConfig) -> Finding | None:
    """Orange: enough data, and mood ≤ 4 on MORE than half of the days with data in the window."""
    since = days_back(as_of, config.window_days)
    values = [mood for _, mood in moods_between(moods, since, as_of)]
    if len(values) < config.enough_data_days:
        return None
    low = sum(1 for mood in values if mood <= config.sustained_low_max_mood)
    if not low > config.sustained_low_share * len(values):
        return None
    evidence = LowDaysEvidence(low, len(values), config.sustained_low_max_mood, since)
    return Finding(SUSTAINED_LOW, Level.ORANGE, evidence)


def very_low(moods: Mapping[dt.date, float], as_of: dt.date, config: DetectionConfig) -> Finding | None:
    """Red: at least 7 days with data in the window, and mood ≤ 2 on AT LEAST 75% of them."""
    since = days_back(as_of, config.window_days)
    values = [mood for _, mood in moods_between(moods, since, as_of)]
    if len(values) < config.very_low_min_days:
        return None
    low = sum(1 for mood in values if mood <= config.very_low_max_mood)
    if not low >= config.very_low_share * len(values):
        return None
    return Finding(VERY_LOW, Level.RED, LowDaysEvidence(low, len(values), config.very_low_max_mood, since))


def drop_from_baseline(
    moods: Mapping[dt.date, float], as_of: dt.date, config: DetectionConfig
) -> Finding | None:
    """Yellow: the last 7 days' mean is 2.0 or more below the mean of the 60 days before them."""
    recent_first = days_back(as_of, config.recent_days)
    recent = [mood for _, mood in moods_between(moods, recent_first, as_of)]
    baseline_last = recent_first - _ONE_DAY
    baseline_first = days_back(baseline_last, config.baseline_days)
    baseline = [mood for _, mood in moods_between(moods, baseline_first, baseline_last)]
    if len(recent) < config.recent_min_days or len(baseline) < config.baseline_min_days:
        return None
    recent_mean = _exact_mean(recent)
    baseline_mean = _exact_mean(baseline)
    if not baseline_mean - recent_mean >= Fraction(config.drop_min):
        return None
    evidence = DropEvidence(
        float(recent_mean), len(recent), float(baseline_mean), baseline_first, baseline_last
    )
    return Finding(DROP_FROM_BASELINE, Level.YELLOW, evidence)


def low_streak(moods: Mapping[dt.date, float], as_of: dt.date, config: DetectionConfig) -> Finding | None:
    """Yellow: the latest run of ≥ 3 consecutive calendar days each ≤ 3 that ends within the last 14 days.

    A run may begin before those 14 days; it only has to end inside them. A missing day breaks a run, and
    days after as_of are never looked at (a run still going on as_of ends there).
    """
    earliest_end = days_back(as_of, config.streak_recent_days)
    end = as_of
    while end >= earliest_end:
        run_ends_here = end == as_of or not _is_streak_day(moods, end + _ONE_DAY, config)
        if run_ends_here and _is_streak_day(moods, end, config):
            first = end
            while _is_streak_day(moods, first - _ONE_DAY, config):
                first -= _ONE_DAY
            if (end - first).days + 1 >= config.streak_min_days:
                return Finding(LOW_STREAK, Level.YELLOW, StreakEvidence(first, end, config.streak_max_mood))
            end = first
        end -= _ONE_DAY
    return None


def who5_low(
    instruments: Sequence[InstrumentResult], since: dt.date, as_of: dt.date, config: DetectionConfig
) -> Finding | None:
    """The latest WHO-5 answered from `since` to as_of: percentage ≤ 50 → orange, ≤ 28 → red."""
    latest = latest_instrument(instruments, "who5", since, as_of)
    if latest is None or latest.who5_percentage is None:
        return None
    percentage = latest.who5_percentage
    if percentage <= config.who5_red_max_percentage:
        level = Level.RED
    elif percentage <= config.who5_orange_max_percentage:
        level = Level.ORANGE
    else:
        return None
    return Finding(WHO5_LOW, level, Who5Evidence(latest.date, percentage))


def burnout(
    instruments: Sequence[InstrumentResult], since: dt.date, as_of: dt.date, config: DetectionConfig
) -> Finding | None:
    """The latest burnout answer from `since` to as_of: 3 → yellow, 4 → orange, 5 → red."""
    latest = latest_instrument(instruments, "burnout", since, as_of)
    if latest is None:
        return None
    answer = latest.score
    if answer >= config.burnout_red_answer:
        level = Level.RED
    elif answer >= config.burnout_orange_answer:
        level = Level.ORANGE
    elif answer >= config.burnout_yellow_answer:
        level = Level.YELLOW
    else:
        return None
    return Finding(BURNOUT, level, BurnoutEvidence(latest.date, answer))


def latest_instrument(
    instruments: Sequence[InstrumentResult], kind: InstrumentKind, since: dt.date, as_of: dt.date
) -> InstrumentResult | None:
    """The most recent answer of `kind` dated since..as_of.

    There is no time of day, so two answers on the same date are ranked by concern (lower WHO-5, higher
    burnout): the result never depends on the order the answers were stored in.
    """
    best: InstrumentResult | None = None
    for result in instruments:
        if result.kind != kind or not since <= result.date <= as_of:
            continue
        if best is None or _rank(result) > _rank(best):
            best = result
    return best


def _rank(result: InstrumentResult) -> tuple[dt.date, int, tuple[int, ...]]:
    concern = -result.score if result.kind == "who5" else result.score
    return (result.date, concern, tuple(-answer for answer in result.answers))


def _is_streak_day(moods: Mapping[dt.date, float], day: dt.date, config: DetectionConfig) -> bool:
    mood = moods.get(day)
    return mood is not None and mood <= config.streak_max_mood


def _exact_mean(values: Sequence[float]) -> Fraction:
    return sum((Fraction(value) for value in values), Fraction(0)) / len(values)
