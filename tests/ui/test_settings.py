"""The Settings page: every change applies at once and persists; thresholds with Restore defaults; data actions."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QListWidget, QPushButton, QTimeEdit
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find, toggle
from ui.main_window import MainWindow
from ui.pages.settings import SettingsPage
from wellbeing_app.app_settings import load_settings
from wellbeing_app.detection.config import DEFAULT_CONFIG


def _settings(qtbot: QtBot, window: MainWindow) -> SettingsPage:
    assert window.main_area is not None
    window.main_area.show_page(SettingsPage)
    page = window.main_area.page(SettingsPage)
    assert page is not None
    qtbot.waitUntil(page.isVisible)
    return page


def test_reminder_choices_are_saved_at_once(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    _settings(qtbot, window)
    toggle(qtbot, find(window, "Remind me to check in", QCheckBox))
    find(window, "Reminder time", QTimeEdit).setTime(QTime(18, 45))
    toggle(qtbot, find(window, "Remind on Sunday", QCheckBox))
    saved = load_settings(window.session.data_dir).reminder
    assert saved.enabled and saved.at == time(18, 45)
    assert saved.days == frozenset(range(6))  # every day but Sunday


def test_a_threshold_change_applies_to_the_status_and_restore_defaults_undoes_it(
    qtbot: QtBot, unlocked_window: MainWindow
) -> None:
    window = unlocked_window
    page = _settings(qtbot, window)
    field = find(window, "A low day is mood at or below", QDoubleSpinBox)
    field.setValue(3.0)
    assert load_settings(window.session.data_dir).detection == {"sustained_low_max_mood": 3.0}
    assert page.context.services.status.config.sustained_low_max_mood == 3.0
    qtbot.mouseClick(find(window, "Restore default thresholds", QPushButton), _left())
    assert load_settings(window.session.data_dir).detection == {}
    assert field.value() == DEFAULT_CONFIG.sustained_low_max_mood
    assert page.context.services.status.config == DEFAULT_CONFIG


def test_appearance_and_auto_lock_persist(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    page = _settings(qtbot, window)
    theme = find(window, "Theme", QComboBox)
    theme.setCurrentIndex(theme.findData("dark"))
    size = find(window, "Text size", QComboBox)
    size.setCurrentIndex(size.findData(130))
    assert (page.context.preferences.theme, page.context.preferences.text_percent) == ("dark", 130)


@pytest.mark.parametrize(
    ("button", "action"), [("Back up now", "backup_action"), ("Export your data", "export_action")]
)
def test_data_buttons_run_the_file_menu_actions(
    qtbot: QtBot, unlocked_window: MainWindow, button: str, action: str
) -> None:
    window = unlocked_window
    _settings(qtbot, window)
    triggered: list[bool] = []
    getattr(window, action).triggered.disconnect()
    getattr(window, action).triggered.connect(lambda: triggered.append(True))
    qtbot.mouseClick(find(window, button, QPushButton), _left())
    assert triggered == [True]


def test_settings_is_in_the_navigation(unlocked_window: MainWindow) -> None:
    navigation = find(unlocked_window, "Navigation", QListWidget)
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    assert titles == ["Today", "Journal", "Trends", "Support", "Settings"]


def _left() -> object:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
