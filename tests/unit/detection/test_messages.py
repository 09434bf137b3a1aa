"""The words the user reads: exact evidence, calm, no alarm words, no diagnosis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from tests.helpers.builders import AS_OF, burnout, checkins, repeat, run, who5_total
from wellbeing_app.detection import NOTIFICATION_TEXT
from wellbeing_app.detection.messages import checkin_summary, day_text, number_text, reminder
from wellbeing_app.instruments import InstrumentResult, who5
from wellbeing_app.instruments import burnout as burnout_item

FORBIDDEN = ("warning", "risk", "score", "alert", "diagnos", "depress", "disorder", "danger", "urgent")


def messages_for(
    entries: list[tuple[dt.date, float]], instruments: Sequence[InstrumentResult] = ()
) -> dict[str, str]:
    return {reason.rule: reason.message for reason in run(entries, instruments).reasons}


@pytest.mark.parametrize(
    ("rule", "entries", "instruments", "expected"),
    [
        (
            "sustained_low",
            checkins("03-03", "4 4 6 - 4 4 - 4 4 6 - 4 4 4"),
            [],
            "Your mood has been 4 or lower on 9 of the 11 days you checked in since 3 March.",
        ),
        (
            "very_low",
            checkins("03-03", "2 - 2 - 2 - 2 - 2 - 2 - 5 5"),
            [],
            "Your mood has been 2 or lower on 6 of the 8 days you checked in since 3 March.",
        ),
        (
            "drop_from_baseline",
            [*repeat("02-24", 8, 14), *checkins("03-14", "6 6 6")],
            [],
            "Over the last 7 days your mood has averaged 6, lower than your usual 8 "
            "(your average from 9 January to 9 March).",
        ),
        (
            "low_streak",
            checkins("03-10", "7 7 7 7 3 2/3 3"),
            [],
            "Your mood has been 3 or lower for 3 days in a row, from 14 March to 16 March.",
        ),
        (
            "who5_low",
            checkins("03-16", "7"),
            [who5_total("03-10", 11)],
            "Your answers to the WHO-5 well-being questions on 10 March came to 44 out of 100, "
            "which suggests the two weeks before had been hard going.",
        ),
        (
            "who5_low",
            checkins("03-16", "7"),
            [who5_total("03-10", 6)],
            "Your answers to the WHO-5 well-being questions on 10 March came to 24 out of 100, "
            "which suggests the two weeks before had been very hard.",
        ),
        (
            "burnout",
            checkins("03-16", "7"),
            [burnout("03-10", 3)],
            "On 10 March, asked about burnout, you chose: \u201cI am definitely burning out and have one or "
            "more symptoms of burnout, such as physical and emotional exhaustion.\u201d",
        ),
    ],
)
def test_each_rule_has_a_plain_sentence_with_its_evidence(
    rule: str, entries: list[tuple[dt.date, float]], instruments: list[InstrumentResult], expected: str
) -> None:
    assert messages_for(entries, instruments)[rule] == expected


def test_year_is_shown_only_when_it_differs() -> None:
    assert day_text(dt.date(2025, 3, 3), AS_OF) == "3 March"
    assert day_text(dt.date(2024, 12, 30), AS_OF) == "30 December 2024"


@pytest.mark.parametrize(
    ("value", "text"), [(4.0, "4"), (4.5, "4.5"), (13 / 3, "4.3"), (5.96, "6"), (0.0, "0")]
)
def test_numbers_are_short(value: float, text: str) -> None:
    assert number_text(value) == text


def test_reminder_and_summary_are_gentle() -> None:
    assert reminder(None, AS_OF).startswith("Check in whenever you are ready")
    assert "Your last check-in was on 2 March." in reminder(dt.date(2025, 3, 2), AS_OF)
    assert checkin_summary(0) == "No check-ins in the last 7 days yet."
    assert checkin_summary(5) == "You've checked in on 5 of the last 7 days."


def test_tray_notification_carries_no_content() -> None:
    assert NOTIFICATION_TEXT == "Wellbeing Check-in has a note for you"


def test_no_user_facing_text_contains_alarm_words() -> None:
    texts = [
        *messages_for(
            checkins("03-03", "1 1 1 1 1 1 1 1 1 1 1 1 1 1"), [burnout("03-10", 5), who5_total("03-10", 0)]
        ).values(),
        *messages_for([*repeat("02-24", 9, 14), *checkins("03-14", "5 5 5")]).values(),
        *[
            message
            for answer in range(3, 6)
            for message in messages_for(checkins("03-16", "7"), [burnout("03-10", answer)]).values()
        ],
        *messages_for(checkins("03-16", "7"), [who5_total("03-10", 12)]).values(),
        reminder(None, AS_OF),
        reminder(dt.date(2025, 1, 1), AS_OF),
        checkin_summary(0),
        checkin_summary(7),
        NOTIFICATION_TEXT,
        who5.INSTRUCTION,
        who5.EXAMPLE,
        *who5.ITEMS,
        *(label for _, label in who5.OPTIONS),
        *(text for _, text in burnout_item.OPTIONS),
        burnout_item.STEM,
    ]
    assert len(texts) == 34
    for text in texts:
        lowered = text.lower()
        assert not [word for word in FORBIDDEN if word in lowered], text
