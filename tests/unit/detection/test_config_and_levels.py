"""Levels are ordered like the Stress Continuum; every number is configurable and checked."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.helpers.builders import AS_OF, checkins, run
from wellbeing_app.detection import DEFAULT_CONFIG, DetectionConfig, Level, daily_means, evaluate
from wellbeing_app.errors import InvalidInput


def test_levels_are_ordered_green_to_red() -> None:
    assert Level.GREEN < Level.YELLOW < Level.ORANGE < Level.RED
    assert max(Level.YELLOW, Level.RED, Level.GREEN) is Level.RED
    assert sorted([Level.RED, Level.GREEN, Level.ORANGE, Level.YELLOW]) == list(Level)
    assert Level.ORANGE >= Level.ORANGE and Level.ORANGE <= Level.ORANGE and Level.RED > Level.ORANGE


def test_levels_name_their_stress_continuum_zone() -> None:
    assert [level.zone for level in Level] == ["ready", "reacting", "injured", "ill"]
    assert [level.value for level in Level] == ["green", "yellow", "orange", "red"]


def test_levels_do_not_compare_with_other_types() -> None:
    with pytest.raises(TypeError):
        assert Level.RED < 3


def test_defaults_are_the_issues() -> None:
    config = DEFAULT_CONFIG
    assert (config.window_days, config.enough_data_days) == (14, 5)
    assert (config.sustained_low_max_mood, config.sustained_low_share) == (4.0, Fraction(1, 2))
    assert (config.very_low_max_mood, config.very_low_min_days, config.very_low_share) == (
        2.0,
        7,
        Fraction(3, 4),
    )
    assert (config.recent_days, config.recent_min_days, config.baseline_days, config.baseline_min_days) == (
        7,
        3,
        60,
        14,
    )
    assert config.drop_min == 2.0
    assert (config.streak_max_mood, config.streak_min_days, config.streak_recent_days) == (3.0, 3, 14)
    assert (config.instrument_days, config.who5_orange_max_percentage, config.who5_red_max_percentage) == (
        28,
        50,
        28,
    )
    assert (config.burnout_yellow_answer, config.burnout_orange_answer, config.burnout_red_answer) == (
        3,
        4,
        5,
    )
    assert (config.stale_days, config.episode_close_days, config.snooze_days) == (7, 7, 3)


def test_a_changed_number_changes_the_rule() -> None:
    entries = checkins("03-03", "- - - - - - - - - - 4 4 4 4")
    assert run(entries).level is Level.GREEN
    looser = DetectionConfig(enough_data_days=4)
    assert evaluate(daily_means(entries), [], AS_OF, looser).level is Level.ORANGE


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"window_days": 0}, "window_days"),
        ({"sustained_low_share": Fraction(0)}, "sustained_low_share"),
        ({"very_low_share": Fraction(3, 2)}, "very_low_share"),
        ({"sustained_low_max_mood": 11.0}, "sustained_low_max_mood"),
        ({"enough_data_days": 15}, "window_days"),
        ({"recent_min_days": 8}, "recent_days"),
        ({"who5_red_max_percentage": 60}, "who5"),
        ({"burnout_orange_answer": 3}, "burnout"),
    ],
)
def test_impossible_settings_are_refused(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        DetectionConfig(**changes)  # type: ignore[arg-type]
    assert caught.value.field == field
