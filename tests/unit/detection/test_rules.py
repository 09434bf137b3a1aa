"""A table of scenarios (dates and values) for every rule: fires, does not fire, boundaries, gaps, several
check-ins a day, staleness. as_of is 16 March 2025 unless a row says otherwise, so the 14-day window is
3–16 March, the last 7 days are 10–16 March and the baseline is the 60 days 9 January – 9 March."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from tests.helpers.builders import AS_OF, burnout, checkins, day, repeat, run, who5_total
from wellbeing_app.detection import Level
from wellbeing_app.instruments import InstrumentResult

Entries = list[tuple[dt.date, float]]


@dataclass(frozen=True)
class Row:
    name: str
    entries: Entries
    level: Level
    rules: frozenset[str] = frozenset()
    instruments: Sequence[InstrumentResult] = ()
    as_of: dt.date = AS_OF


def row(
    name: str,
    entries: Entries,
    level: str,
    rules: str = "",
    instruments: Sequence[InstrumentResult] = (),
    as_of: dt.date = AS_OF,
) -> Row:
    return Row(name, entries, Level(level), frozenset(rules.split()), instruments, as_of)


RECENT_GOOD = checkins("03-16", "7")  # one ordinary check-in today, so nothing is stale
BASELINE_8 = repeat("02-24", 8, 14)  # 24 Feb – 9 Mar: exactly 14 baseline days at 8

#                          3 March ....................... 16 March
SUSTAINED_LOW = [
    row(
        "9 of 11 days at 4 or lower",
        checkins("03-03", "4 4 6 - 4 4 - 4 4 6 - 4 4 4"),
        "orange",
        "sustained_low",
    ),
    row("exactly half (5 of 10) does not fire", checkins("03-03", "4 6 4 6 - - 4 6 - - 4 6 4 6"), "green"),
    row(
        "6 of 11 is more than half",
        checkins("03-03", "4 6 4 6 - - 4 6 - 4 4 6 4 6"),
        "orange",
        "sustained_low",
    ),
    row("4 low days are not enough data", checkins("03-03", "- - - - - - - - - - 4 4 4 4"), "green"),
    row(
        "5 days with data are enough",
        checkins("03-03", "- - - - - - - - - 4 4 4 4 4"),
        "orange",
        "sustained_low",
    ),
    row("mood 4 counts as low", checkins("03-03", "- - - - - - - - - 4 4 4 5 5"), "orange", "sustained_low"),
    row("mood 4.5 does not", checkins("03-03", "- - - - - - - - - 4.5 4.5 4.5 5 5"), "green"),
    row("missing days are not low days", checkins("03-03", "- - - - - - - - 4 4 4 6 6 6"), "green"),
    row(
        "several check-ins a day are averaged first (3/7 is one day at 5)",
        checkins("03-03", "- - - - - - - - 4 4 4 3/7 6 6"),
        "green",
    ),
    row("days before the window do not count", checkins("03-01", "4 4 4 4 4 6 6 6 6 6"), "green"),
]

VERY_LOW = [
    row(
        "6 of 7 days at 2 or lower",
        checkins("03-03", "2 - 2 - 2 - 2 - 2 - 2 - 5 -"),
        "red",
        "very_low sustained_low",
    ),
    row(
        "exactly 75% (6 of 8)",
        checkins("03-03", "2 - 2 - 2 - 2 - 2 - 2 - 5 5"),
        "red",
        "very_low sustained_low",
    ),
    row("6 of 9 is under 75%", checkins("03-03", "2 - 2 - 2 - 2 - 2 - 2 5 5 5"), "orange", "sustained_low"),
    row(
        "6 days all at 0 are fewer than 7",
        checkins("03-03", "0 - 0 - 0 - 0 - 0 - 0 - - -"),
        "orange",
        "sustained_low",
    ),
    row(
        "2.5 is not 2 or lower",
        checkins("03-03", "2/3 - 2/3 - 2/3 - 2/3 - 2/3 - 2/3 - 2/3 -"),
        "orange",
        "sustained_low",
    ),
    row(
        "every day low: all three mood rules",
        checkins("03-03", "1 1 1 1 1 1 1 1 1 1 1 1 1 1"),
        "red",
        "very_low sustained_low low_streak",
    ),
]

DROP = [
    row(
        "exactly 2.0 below a 14-day baseline",
        [*BASELINE_8, *checkins("03-14", "6 6 6")],
        "yellow",
        "drop_from_baseline",
    ),
    row("1.5 below does not fire", [*BASELINE_8, *checkins("03-14", "6/7 6/7 6/7")], "green"),
    row(
        "exact 2.0 with non-integer means (7.5 → 5.5)",
        [*checkins("02-24", "7 8 7 8 7 8 7 8 7 8 7 8 7 8"), *checkins("03-14", "5 6 5/6")],
        "yellow",
        "drop_from_baseline",
    ),
    row("13 baseline days are not enough", [*repeat("02-25", 8, 13), *checkins("03-14", "5 5 5")], "green"),
    row(
        "14 baseline days spread with gaps are enough",
        [
            *checkins("01-09", "8 - 8 - 8 - 8 - 8 - 8 - 8"),
            *repeat("03-03", 8, 7),
            *checkins("03-14", "5 5 5"),
        ],
        "yellow",
        "drop_from_baseline",
    ),
    row(
        "a day just before the 60-day baseline does not count",
        [
            *checkins("01-08", "8 - 8 - 8 - 8 - 8 - 8 - 8"),
            *repeat("03-03", 8, 7),
            *checkins("03-14", "5 5 5"),
        ],
        "green",
    ),
    row("2 recent days are not enough", [*BASELINE_8, *checkins("03-15", "5 5")], "green"),
    row(
        "3 recent days spread over the week are enough",
        [*BASELINE_8, *checkins("03-10", "5 - - 5 - - 5")],
        "yellow",
        "drop_from_baseline",
    ),
]

STREAK = [
    row("3 days in a row at 3 or lower", checkins("03-10", "7 7 7 7 3 3 3"), "yellow", "low_streak"),
    row("2 days in a row do not fire", checkins("03-10", "7 7 7 7 7 3 3"), "green"),
    row("a missing day breaks the run", checkins("03-10", "7 7 7 3 3 - 3"), "green"),
    row("3.5 (3/4) breaks the run", checkins("03-10", "7 7 7 7 3 3/4 3"), "green"),
    row(
        "a run ending 13 days ago (3 March) counts",
        checkins("03-01", "2 2 2 7 7 7 7 7 7 7 7 7 7 7 7 7"),
        "yellow",
        "low_streak",
    ),
    row(
        "a run ending 14 days ago (2 March) does not",
        checkins("02-28", "2 2 2 7 7 7 7 7 7 7 7 7 7 7 7 7 7"),
        "green",
    ),
    row(
        "an earlier run counts when the latest is too short",
        checkins("03-05", "3 3 3 7 7 7 7 7 7 3 3 7"),
        "yellow",
        "low_streak",
    ),
]

WHO5 = [
    row("raw 12 = 48% → orange", RECENT_GOOD, "orange", "who5_low", [who5_total("03-10", 12)]),
    row("raw 13 = 52% → nothing", RECENT_GOOD, "green", "", [who5_total("03-10", 13)]),
    row("raw 8 = 32% → orange", RECENT_GOOD, "orange", "who5_low", [who5_total("03-10", 8)]),
    row("raw 7 = 28% → red", RECENT_GOOD, "red", "who5_low", [who5_total("03-10", 7)]),
    row("raw 0 → red", RECENT_GOOD, "red", "who5_low", [who5_total("03-10", 0)]),
    row("WHO-5 answered 27 days ago counts", RECENT_GOOD, "orange", "who5_low", [who5_total("02-17", 12)]),
    row("WHO-5 answered 28 days ago does not", RECENT_GOOD, "green", "", [who5_total("02-16", 12)]),
    row(
        "only the latest counts (a better one after a low one)",
        RECENT_GOOD,
        "green",
        "",
        [who5_total("03-01", 5), who5_total("03-12", 20)],
    ),
    row(
        "only the latest counts (a low one after a better one)",
        RECENT_GOOD,
        "orange",
        "who5_low",
        [who5_total("03-12", 10), who5_total("03-01", 20)],
    ),
    row("an answer after as_of is ignored", RECENT_GOOD, "green", "", [who5_total("03-17", 2)]),
    row(
        "two on the same day: the lower counts",
        RECENT_GOOD,
        "red",
        "who5_low",
        [who5_total("03-12", 20), who5_total("03-12", 6)],
    ),
]

BURNOUT = [
    row("answer 1 → nothing", RECENT_GOOD, "green", "", [burnout("03-10", 1)]),
    row("answer 2 → nothing", RECENT_GOOD, "green", "", [burnout("03-10", 2)]),
    row("answer 3 → yellow", RECENT_GOOD, "yellow", "burnout", [burnout("03-10", 3)]),
    row("answer 4 → orange", RECENT_GOOD, "orange", "burnout", [burnout("03-10", 4)]),
    row("answer 5 → red", RECENT_GOOD, "red", "burnout", [burnout("03-10", 5)]),
    row("burnout answered 27 days ago counts", RECENT_GOOD, "orange", "burnout", [burnout("02-17", 4)]),
    row("burnout answered 28 days ago does not", RECENT_GOOD, "green", "", [burnout("02-16", 4)]),
    row("the latest counts", RECENT_GOOD, "green", "", [burnout("03-01", 5), burnout("03-11", 1)]),
    row(
        "two on the same day: the higher counts",
        RECENT_GOOD,
        "red",
        "burnout",
        [burnout("03-11", 1), burnout("03-11", 5)],
    ),
]

STALE = [
    row("no data at all", [], "green"),
    row("a very low fortnight that ended 7 days ago", checkins("03-01", "1 1 1 1 1 1 1 1 1"), "green"),
    row(
        "a check-in 6 days ago keeps the mood rules on",
        checkins("03-01", "1 1 1 1 1 1 1 1 1 1"),
        "red",
        "very_low sustained_low low_streak",
    ),
    row(
        "stale: a low WHO-5 from 10 days ago is not used",
        checkins("03-01", "6"),
        "green",
        "",
        [who5_total("03-06", 4)],
    ),
    row(
        "stale: a low WHO-5 from 3 days ago is",
        checkins("03-01", "6"),
        "red",
        "who5_low",
        [who5_total("03-13", 4)],
    ),
    row("stale: a burnout answer 7 days ago is not used", [], "green", "", [burnout("03-09", 5)]),
    row("stale: a burnout answer 6 days ago is", [], "red", "burnout", [burnout("03-10", 5)]),
]

COMBINED = [
    row(
        "the level is the highest rule that fired",
        checkins("03-03", "4 4 6 - 4 4 - 4 4 6 - 4 4 4"),
        "orange",
        "sustained_low burnout",
        [burnout("03-10", 3)],
    ),
    row(
        "a questionnaire can raise the level above the mood rules",
        checkins("03-03", "4 4 6 - 4 4 - 4 4 6 - 4 4 4"),
        "red",
        "sustained_low who5_low",
        [who5_total("03-10", 3)],
    ),
    row("one bad day is nothing alarming", checkins("03-03", "7 7 6 7 8 7 7 6 7 7 0 7 7 7"), "green"),
    row(
        "a year later, with the year in the message",
        checkins("2025-12-20", "4 4 6 4 4 4 4 4 4 6 4 4 4 4"),
        "orange",
        "sustained_low",
        as_of=dt.date(2026, 1, 2),
    ),
]

TABLE = SUSTAINED_LOW + VERY_LOW + DROP + STREAK + WHO5 + BURNOUT + STALE + COMBINED


@pytest.mark.parametrize("case", TABLE, ids=[case.name for case in TABLE])
def test_scenario(case: Row) -> None:
    result = run(case.entries, case.instruments, case.as_of)
    assert {reason.rule for reason in result.reasons} == case.rules
    assert result.level is case.level
    assert result.level == max((reason.level for reason in result.reasons), default=Level.GREEN)


def test_table_names_are_unique() -> None:
    assert len({case.name for case in TABLE}) == len(TABLE)


def test_every_rule_fires_somewhere_in_the_table() -> None:
    fired = set().union(*(case.rules for case in TABLE))
    assert fired == {"sustained_low", "very_low", "drop_from_baseline", "low_streak", "who5_low", "burnout"}


def test_reasons_are_ordered_highest_level_first_then_by_a_fixed_rule_order() -> None:
    result = run(checkins("03-03", "1 1 1 1 1 1 1 1 1 1 1 1 1 1"), [burnout("03-10", 3)])
    assert [reason.rule for reason in result.reasons] == [
        "very_low",
        "sustained_low",
        "burnout",
        "low_streak",
    ]
    assert [reason.level.value for reason in result.reasons] == ["red", "orange", "yellow", "yellow"]


def test_enough_data_is_reported_even_when_nothing_fires() -> None:
    assert run(checkins("03-03", "- - - - - - - - - - 7 7 7 7")).enough_data is False
    assert run(checkins("03-03", "- - - - - - - - - 7 7 7 7 7")).enough_data is True


def test_stale_result_carries_a_gentle_reminder_and_no_reasons() -> None:
    result = run(checkins("03-01", "1 1 1 1 1 1 1 1 1"))
    assert result.stale is True
    assert result.reasons == ()
    assert result.last_checkin == day("03-09")
    assert result.reminder is not None and "9 March" in result.reminder
    assert result.days_checked_in_last_7 == 0


def test_fresh_result_has_no_reminder_and_counts_the_last_7_days() -> None:
    result = run(checkins("03-08", "7 7 - 7 - 7 7 - 7"))
    assert result.stale is False
    assert result.reminder is None
    assert result.days_checked_in_last_7 == 4
    assert result.summary == "You've checked in on 4 of the last 7 days."


def test_long_absence_still_finds_the_last_check_in() -> None:
    result = run(checkins("2024-06-01", "7"))
    assert result.last_checkin == dt.date(2024, 6, 1)
    assert result.reminder is not None and "1 June 2024" in result.reminder


def test_to_dict_is_the_status_json_core() -> None:
    result = run(checkins("03-03", "4 4 6 - 4 4 - 4 4 6 - 4 4 4"))
    assert result.to_dict() == {
        "as_of": "2025-03-16",
        "level": "orange",
        "enough_data": True,
        "reasons": [
            {
                "rule": "sustained_low",
                "level": "orange",
                "message": "Your mood has been 4 or lower on 9 of the 11 days you checked in since 3 March.",
            }
        ],
    }
