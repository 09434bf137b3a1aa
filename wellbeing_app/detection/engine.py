"""evaluate(): every rule on one day, combined into a level with its reasons.

Staleness is decided here, once: with no check-in in the last 7 days the mood rules are not run (their data
says how things were, not how they are), and a questionnaire counts only if it was answered within those
same 7 days. So a stale result rests only on something the user said this past week, and old data can never
raise a banner; the user gets a gentle reminder instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from wellbeing_app.detection import messages, rules
from wellbeing_app.detection.config import DEFAULT_CONFIG, DetectionConfig
from wellbeing_app.detection.daily import days_back, moods_between
from wellbeing_app.detection.findings import RULE_ORDER, Finding
from wellbeing_app.detection.levels import Level
from wellbeing_app.detection.result import DetectionResult, Reason
from wellbeing_app.instruments import InstrumentResult

MoodRule = Callable[[Mapping[dt.date, float], dt.date, DetectionConfig], Finding | None]
InstrumentRule = Callable[[Sequence[InstrumentResult], dt.date, dt.date, DetectionConfig], Finding | None]

MOOD_RULES: tuple[MoodRule, ...] = (
    rules.very_low,
    rules.sustained_low,
    rules.drop_from_baseline,
    rules.low_streak,
)
INSTRUMENT_RULES: tuple[InstrumentRule, ...] = (rules.who5_low, rules.burnout)


def evaluate(
    daily_moods: Mapping[dt.date, float],
    instruments: Sequence[InstrumentResult],
    as_of: dt.date,
    config: DetectionConfig = DEFAULT_CONFIG,
) -> DetectionResult:
    """The level on as_of from daily mean moods and questionnaires; nothing after as_of is looked at."""
    window = moods_between(daily_moods, days_back(as_of, config.window_days), as_of)
    days_last_7 = len(moods_between(daily_moods, days_back(as_of, config.stale_days), as_of))
    stale = days_last_7 == 0

    findings: list[Finding] = []
    if not stale:
        findings += [found for rule in MOOD_RULES if (found := rule(daily_moods, as_of, config))]
    since = days_back(as_of, config.stale_days if stale else config.instrument_days)
    findings += [found for rule in INSTRUMENT_RULES if (found := rule(instruments, since, as_of, config))]
    findings.sort(key=lambda found: (-found.level.rank, RULE_ORDER.index(found.rule)))

    last_checkin = _last_checkin(daily_moods, as_of, window)
    return DetectionResult(
        as_of=as_of,
        level=max((found.level for found in findings), default=Level.GREEN),
        enough_data=len(window) >= config.enough_data_days,
        reasons=tuple(Reason(found.rule, found.level, messages.describe(found, as_of)) for found in findings),
        stale=stale,
        days_checked_in_last_7=days_last_7,
        days_with_data=len(window),
        last_checkin=last_checkin,
        reminder=messages.reminder(last_checkin, as_of) if stale else None,
        summary=messages.checkin_summary(days_last_7, config.stale_days),
    )


def _last_checkin(
    daily_moods: Mapping[dt.date, float], as_of: dt.date, window: Sequence[tuple[dt.date, float]]
) -> dt.date | None:
    """The window usually answers this; only a long absence needs a scan of everything."""
    if window:
        return window[-1][0]
    return max((day for day in daily_moods if day <= as_of), default=None)
