"""The daily reminder in the window: once a day, content-free, only without a check-in, even when locked."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from wellbeing_app.app_settings import AppSettings, ReminderSettings, load_settings, save_settings
from wellbeing_app.reminders import REMINDER_TEXT


def _enable(data_dir: Path, at: time) -> None:
    save_settings(data_dir, AppSettings(reminder=ReminderSettings(True, at, frozenset(range(7)))))


def test_no_tray_the_reminder_waits_in_the_window_once_a_day(
    qtbot: QtBot, unlocked_window: MainWindow
) -> None:
    window = unlocked_window
    data_dir = window.session.data_dir
    clock = window.session.clock
    _enable(data_dir, time(21, 0))  # the test clock says 21:30
    assert not window.tray.available  # offscreen has no system tray
    assert window.tray.check_reminder()
    assert window.statusBar().currentMessage() == REMINDER_TEXT
    assert load_settings(data_dir).reminder_shown_on == clock.now().date()
    assert not window.tray.check_reminder()  # never twice in one day
    assert window.tray.reminders_shown == 1


def test_no_reminder_once_today_has_a_check_in_or_while_locked_too(
    qtbot: QtBot, unlocked_window: MainWindow
) -> None:
    window = unlocked_window
    assert window.main_area is not None
    window.main_area.context.services.checkins.add(mood=6)
    _enable(window.session.data_dir, time(21, 0))
    assert not window.tray.check_reminder()
    window.lock()
    clock = window.session.clock
    clock.moment += timedelta(days=1)  # type: ignore[attr-defined]
    assert window.tray.check_reminder()  # locked, next day, no check-in yet: the reminder still comes
