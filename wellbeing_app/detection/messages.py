"""Findings in plain, kind words, with the evidence. No alarm words, no numbers called scores, no diagnosis.

Every sentence the user can see about detection is made here, so the wording can be reviewed in one place
(tests check that none contains "warning", "risk", "score", "alert" or "diagnos").
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from wellbeing_app.detection.findings import (
    BurnoutEvidence,
    DropEvidence,
    Finding,
    LowDaysEvidence,
    StreakEvidence,
    Who5Evidence,
)
from wellbeing_app.detection.levels import Level
from wellbeing_app.instruments import burnout

# Shown in a tray notification, where others may see the screen: it never carries content.
NOTIFICATION_TEXT: Final = "Wellbeing Check-in has a note for you"

_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day_text(day: dt.date, as_of: dt.date) -> str:
    """ "3 March", with the year only when it differs from as_of's (locale-free on purpose)."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return text if day.year == as_of.year else f"{text} {day.year}"


def number_text(value: float) -> str:
    """4.0 → "4", 4.5 → "4.5", 4.333 → "4.3"."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def describe(finding: Finding, as_of: dt.date) -> str:
    """One sentence for a fired rule."""
    evidence = finding.evidence
    if isinstance(evidence, LowDaysEvidence):
        return (
            f"Your mood has been {number_text(evidence.max_mood)} or lower on {evidence.matching} of the "
            f"{evidence.days_with_data} days you checked in since {day_text(evidence.since, as_of)}."
        )
    if isinstance(evidence, DropEvidence):
        return (
            f"Over the last 7 days your mood has averaged {number_text(evidence.recent_mean)}, lower than "
            f"your usual {number_text(evidence.baseline_mean)} (your average from "
            f"{day_text(evidence.baseline_first, as_of)} to {day_text(evidence.baseline_last, as_of)})."
        )
    if isinstance(evidence, StreakEvidence):
        days = (evidence.last - evidence.first).days + 1
        return (
            f"Your mood has been {number_text(evidence.max_mood)} or lower for {days} days in a row, "
            f"from {day_text(evidence.first, as_of)} to {day_text(evidence.last, as_of)}."
        )
    if isinstance(evidence, Who5Evidence):
        feeling = "very hard" if finding.level is Level.RED else "hard going"
        return (
            f"Your answers to the WHO-5 well-being questions on {day_text(evidence.on, as_of)} came to "
            f"{evidence.percentage} out of 100, which suggests the two weeks before had been {feeling}."
        )
    return _burnout_text(evidence, as_of)


def _burnout_text(evidence: BurnoutEvidence, as_of: dt.date) -> str:
    return (
        f"On {day_text(evidence.on, as_of)}, asked about burnout, you chose: "
        f"\u201c{burnout.statement(evidence.answer)}\u201d"
    )


def reminder(last_checkin: dt.date | None, as_of: dt.date) -> str:
    """The gentle note shown instead of anything else when there is no recent check-in."""
    if last_checkin is None:
        return (
            "Check in whenever you are ready: a quick note of your mood helps this page reflect how you are."
        )
    return (
        f"Your last check-in was on {day_text(last_checkin, as_of)}. Whenever you are ready, a quick "
        "check-in helps this page reflect how you are now."
    )


def checkin_summary(days_checked_in: int, of_days: int = 7) -> str:
    """The calm line shown at green, e.g. "You've checked in on 5 of the last 7 days." """
    if days_checked_in == 0:
        return f"No check-ins in the last {of_days} days yet."
    return f"You've checked in on {days_checked_in} of the last {of_days} days."
