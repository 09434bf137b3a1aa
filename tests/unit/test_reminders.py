"""The daily reminder: due once a day, after its time, on chosen days, only without a check-in today."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from wellbeing_app.app_settings import AppSettings, ReminderSettings
from wellbeing_app.reminders import REMINDER_TEXT, has_checkin_on, reminder_due
from wellbeing_app.services import Services

WEDNESDAY = datetime(2026, 11, 25, 20, 30)
ON = AppSettings(reminder=ReminderSettings(True, time(20, 0), frozenset({2})))


@pytest.mark.parametrize(
    ("now", "settings", "checked_in", "due"),
    [
        (WEDNESDAY, ON, False, True),
        (WEDNESDAY, ON, True, False),  # already checked in today
        (WEDNESDAY.replace(hour=19), ON, False, False),  # before its time
        (WEDNESDAY + timedelta(days=1), ON, False, False),  # Thursday is not a chosen day
        (WEDNESDAY, AppSettings(), False, False),  # off
        (WEDNESDAY, AppSettings(reminder=ON.reminder, reminder_shown_on=WEDNESDAY.date()), False, False),
        # Last week's reminder, never shown: today's is due once, the missed ones are not made up.
        (WEDNESDAY, AppSettings(reminder=ON.reminder, reminder_shown_on=date(2026, 11, 11)), False, True),
    ],
)
def test_when_the_reminder_is_due(now: datetime, settings: AppSettings, checked_in: bool, due: bool) -> None:
    assert reminder_due(now, settings, checked_in) is due


def test_the_text_carries_no_content_or_score() -> None:
    assert not any(ch.isdigit() for ch in REMINDER_TEXT.replace("15", ""))
    assert "mood" not in REMINDER_TEXT.casefold()


def test_a_check_in_today_is_seen_without_the_passphrase(services: Services, tmp_path: Path) -> None:
    data_dir = services.vault.data_dir
    today = services.clock.now().date()
    assert not has_checkin_on(data_dir, today)
    checkin = services.checkins.add(mood=6)
    assert has_checkin_on(data_dir, today)
    services.checkins.delete(checkin.id)
    assert not has_checkin_on(data_dir, today)  # a deletion marker is not a check-in
    assert not has_checkin_on(tmp_path / "nowhere", today)
