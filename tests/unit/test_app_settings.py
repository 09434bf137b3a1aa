"""Settings readable without unlocking: defaults, a damaged file, bounds, and detection overrides."""

from __future__ import annotations

import stat
from datetime import date, time
from pathlib import Path

import pytest

from wellbeing_app.app_settings import (
    ADJUSTABLE,
    AppSettings,
    ReminderSettings,
    load_settings,
    save_settings,
)
from wellbeing_app.detection.config import DEFAULT_CONFIG
from wellbeing_app.errors import InvalidInput


def test_no_file_and_a_damaged_file_read_as_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == AppSettings()
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert load_settings(tmp_path) == AppSettings()
    (tmp_path / "settings.json").write_text(
        '{"reminder": {"at": "25:99", "days": [9, "x", 2]}}', encoding="utf-8"
    )
    loaded = load_settings(tmp_path)
    assert loaded.reminder.at == time(20, 0) and loaded.reminder.days == frozenset({2})


def test_round_trip_is_private_and_atomic(tmp_path: Path) -> None:
    settings = AppSettings(
        reminder=ReminderSettings(True, time(18, 30), frozenset({0, 2, 4})),
        keep_in_tray=True,
        reminder_shown_on=date(2026, 11, 25),
    ).with_threshold("sustained_low_max_mood", 3.5)
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path) == settings
    assert stat.S_IMODE((tmp_path / "settings.json").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary file left behind


def test_thresholds_are_bounded_and_change_the_detection_config() -> None:
    settings = AppSettings().with_threshold("enough_data_days", 7)
    config = settings.detection_config()
    assert config.enough_data_days == 7 and isinstance(config.enough_data_days, int)
    assert config.window_days == DEFAULT_CONFIG.window_days
    with pytest.raises(InvalidInput) as raised:
        AppSettings().with_threshold("drop_min", 9)
    assert raised.value.field == "drop_min"
    with pytest.raises(InvalidInput):
        AppSettings().with_threshold("window_days", 20)  # not adjustable
    # very low must stay below low: the combination is refused, naming the field changed.
    with pytest.raises(InvalidInput):
        AppSettings().with_threshold("sustained_low_max_mood", 1.0).with_threshold("very_low_max_mood", 4.0)


def test_every_adjustable_threshold_has_a_reason_and_a_default_within_its_bounds() -> None:
    for threshold in ADJUSTABLE:
        assert threshold.reason.strip()
        assert threshold.low <= getattr(DEFAULT_CONFIG, threshold.name) <= threshold.high


def test_out_of_bounds_values_in_the_file_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        '{"detection": {"drop_min": 99, "streak_min_days": 4}}', encoding="utf-8"
    )
    assert load_settings(tmp_path).detection == {"streak_min_days": 4.0}
