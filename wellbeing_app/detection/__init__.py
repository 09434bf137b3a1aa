"""Noticing sustained low mood, kindly: pure rules over daily moods and questionnaires (no storage, no Qt).

See docs/detection.md for every rule, its numbers and why.
"""

from wellbeing_app.detection.config import DEFAULT_CONFIG, DetectionConfig
from wellbeing_app.detection.daily import daily_means
from wellbeing_app.detection.engine import evaluate
from wellbeing_app.detection.episodes import (
    Alert,
    Banner,
    Episode,
    EpisodeUpdate,
    acknowledge,
    banner,
    current_episode,
    snooze,
    update_episodes,
)
from wellbeing_app.detection.levels import Level
from wellbeing_app.detection.messages import NOTIFICATION_TEXT
from wellbeing_app.detection.result import DetectionResult, Reason

__all__ = [
    "DEFAULT_CONFIG",
    "NOTIFICATION_TEXT",
    "Alert",
    "Banner",
    "DetectionConfig",
    "DetectionResult",
    "Episode",
    "EpisodeUpdate",
    "Level",
    "Reason",
    "acknowledge",
    "banner",
    "current_episode",
    "daily_means",
    "evaluate",
    "snooze",
    "update_episodes",
]
