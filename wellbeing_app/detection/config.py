"""Every number detection uses, in one frozen place; docs/detection.md gives the reason for each default.

Shares are Fractions so that "more than half" and "at least 75%" are exact at their boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from fractions import Fraction

from wellbeing_app.errors import InvalidInput


@dataclass(frozen=True)
class DetectionConfig:
    """Defaults follow issue 5. Day counts are calendar days ending on (and including) the as-of date."""

    # The two-week window and how much of it must have data.
    window_days: int = 14
    enough_data_days: int = 5
    # sustained_low → orange: mood ≤ 4 on MORE than half of the days with data.
    sustained_low_max_mood: float = 4.0
    sustained_low_share: Fraction = Fraction(1, 2)
    # very_low → red: ≥ 7 days with data and mood ≤ 2 on AT LEAST 75% of them.
    very_low_max_mood: float = 2.0
    very_low_min_days: int = 7
    very_low_share: Fraction = Fraction(3, 4)
    # drop_from_baseline → yellow: last 7 days' mean ≥ 2.0 below the mean of the 60 days before them.
    recent_days: int = 7
    recent_min_days: int = 3
    baseline_days: int = 60
    baseline_min_days: int = 14
    drop_min: float = 2.0
    # low_streak → yellow: ≥ 3 consecutive calendar days ≤ 3, the streak ending within the last 14 days.
    streak_max_mood: float = 3.0
    streak_min_days: int = 3
    streak_recent_days: int = 14
    # Questionnaires count for 28 days; WHO-5 percentage cut-offs (Topp et al. 2015); burnout 1.0 answers.
    instrument_days: int = 28
    who5_orange_max_percentage: int = 50
    who5_red_max_percentage: int = 28
    burnout_yellow_answer: int = 3
    burnout_orange_answer: int = 4
    burnout_red_answer: int = 5
    # Stale data, episodes and the banner.
    stale_days: int = 7
    episode_close_days: int = 7
    snooze_days: int = 3

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, Fraction) and not 0 < value <= 1:
                raise InvalidInput(f"{field.name} must be a share above 0 and at most 1.", field=field.name)
            if isinstance(value, int) and value < 1:
                raise InvalidInput(f"{field.name} must be 1 or more.", field=field.name)
            if isinstance(value, float) and not 0 <= value <= 10:
                raise InvalidInput(f"{field.name} must be on the 0–10 mood scale.", field=field.name)
        if self.enough_data_days > self.window_days or self.very_low_min_days > self.window_days:
            raise InvalidInput("Minimum day counts cannot exceed the window.", field="window_days")
        if self.recent_min_days > self.recent_days or self.baseline_min_days > self.baseline_days:
            raise InvalidInput("Minimum day counts cannot exceed their period.", field="recent_days")
        if not self.very_low_max_mood < self.sustained_low_max_mood:
            raise InvalidInput("A very low day must be below a low day.", field="very_low_max_mood")
        if not self.who5_red_max_percentage < self.who5_orange_max_percentage:
            raise InvalidInput("The red WHO-5 cut-off must be below the orange one.", field="who5")
        if not self.burnout_yellow_answer < self.burnout_orange_answer < self.burnout_red_answer:
            raise InvalidInput("Burnout answers must rise from yellow to red.", field="burnout")


DEFAULT_CONFIG = DetectionConfig()
