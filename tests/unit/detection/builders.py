"""Compact ways to write check-ins, questionnaires and detection results in tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from wellbeing_app.detection import DetectionResult, Level, daily_means, evaluate
from wellbeing_app.instruments import InstrumentResult

AS_OF = dt.date(2025, 3, 16)  # the 14-day window is 3 March .. 16 March


def day(text: str) -> dt.date:
    """ "03-09" → 2025-03-09; a full ISO date also works."""
    return dt.date.fromisoformat(text if len(text) == 10 else f"2025-{text}")


def checkins(first: str, values: str) -> list[tuple[dt.date, float]]:
    """Check-ins from day `first` on: one space-separated token per calendar day.

    "-" is a day without data; "3/7" is two check-ins (3 and 7) on the same day.
    """
    found: list[tuple[dt.date, float]] = []
    start = day(first)
    for offset, token in enumerate(values.split()):
        if token == "-":
            continue
        for part in token.split("/"):
            found.append((start + dt.timedelta(days=offset), float(part)))
    return found


def repeat(first: str, mood: float, days: int) -> list[tuple[dt.date, float]]:
    """`days` consecutive days of `mood` from `first`."""
    start = day(first)
    return [(start + dt.timedelta(days=offset), mood) for offset in range(days)]


def who5(on: str, *answers: int) -> InstrumentResult:
    return InstrumentResult.new("who5", answers, day(on))


def who5_total(on: str, raw: int) -> InstrumentResult:
    """A WHO-5 whose answers add up to `raw`."""
    answers = [min(5, max(0, raw - 5 * index)) for index in range(5)]
    return InstrumentResult.new("who5", answers, day(on))


def burnout(on: str, answer: int) -> InstrumentResult:
    return InstrumentResult.new("burnout", [answer], day(on))


def run(
    entries: Sequence[tuple[dt.date, float]],
    instruments: Sequence[InstrumentResult] = (),
    as_of: dt.date = AS_OF,
) -> DetectionResult:
    return evaluate(daily_means(entries), instruments, as_of)


def result_at(as_of: dt.date, level: Level) -> DetectionResult:
    """A detection result with just a day and a level, for the episode state machine."""
    return DetectionResult(as_of=as_of, level=level, enough_data=True, days_checked_in_last_7=7)
