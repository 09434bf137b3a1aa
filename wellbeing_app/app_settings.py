"""Settings that must be readable without unlocking: the daily reminder, and the detection thresholds.

They live in ``settings.json`` in the data folder (mode 0600), written atomically. Nothing in it is user
content: a reminder time, some weekdays, a few numbers. A missing or damaged file reads as the defaults and is
rewritten on the next change, so a settings problem can never lock anybody out of their journal.

Detection thresholds start at the defaults of ``docs/detection.md``; the user may move the ones listed in
``ADJUSTABLE`` within safe bounds, and "Restore defaults" removes every override.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from wellbeing_app.errors import InvalidInput

if TYPE_CHECKING:
    # Loaded when the thresholds are used: importing the detection package would slow the window's first
    # paint, which reads these settings for the reminder (issue 15).
    from wellbeing_app.detection.config import DetectionConfig

FILENAME: Final = "settings.json"
EVERY_DAY: Final = frozenset(range(7))


@dataclass(frozen=True)
class Threshold:
    name: str
    label: str
    reason: str
    low: float
    high: float
    step: float


ADJUSTABLE: Final = (
    Threshold(
        "sustained_low_max_mood",
        "A low day is mood at or below",
        "Below the middle of the scale (5 is “okay”); more than half the days of two weeks at this level is "
        "what questionnaires like the PHQ call “more than half the days”.",
        1,
        6,
        0.5,
    ),
    Threshold(
        "very_low_max_mood",
        "A very low day is mood at or below",
        "The bottom fifth of the scale; three days in four at this level, over at least a week, brings the "
        "crisis lines to the front.",
        0,
        4,
        0.5,
    ),
    Threshold(
        "enough_data_days",
        "Days of check-ins needed in two weeks",
        "With fewer, “more than half the days” could mean two days out of three: too little to say anything.",
        3,
        10,
        1,
    ),
    Threshold(
        "drop_min",
        "A drop worth a word is",
        "Two points is a fifth of the scale, well above the wobble of a single check-in; it compares your last "
        "week with your own usual, so it fits how you use the scale.",
        1,
        4,
        0.5,
    ),
    Threshold(
        "streak_min_days",
        "Hard days in a row before a warm word",
        "One or two hard shifts are ordinary in healthcare; three days in a row in the bottom third are worth a "
        "word.",
        2,
        7,
        1,
    ),
)


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = False
    at: time = time(20, 0)
    days: frozenset[int] = EVERY_DAY
    """Weekdays, Monday 0 to Sunday 6."""


@dataclass(frozen=True)
class AppSettings:
    reminder: ReminderSettings = field(default_factory=ReminderSettings)
    keep_in_tray: bool = False
    detection: dict[str, float] = field(default_factory=dict)
    """Overrides of ``DetectionConfig`` fields named in ``ADJUSTABLE``."""
    reminder_shown_on: date | None = None

    def detection_config(self) -> DetectionConfig:
        """The defaults with the user's overrides; overrides that no longer make sense are ignored."""
        from wellbeing_app.detection.config import DEFAULT_CONFIG

        try:
            return _config_with(self.detection)
        except (InvalidInput, TypeError, ValueError):
            return DEFAULT_CONFIG

    def with_threshold(self, name: str, value: float) -> AppSettings:
        threshold = next((t for t in ADJUSTABLE if t.name == name), None)
        if threshold is None:
            raise InvalidInput(f"{name} is not a setting that can be changed.", field=name)
        if not threshold.low <= value <= threshold.high:
            raise InvalidInput(
                f"{threshold.label} must be between {threshold.low:g} and {threshold.high:g}.", field=name
            )
        changed = replace(self, detection={**self.detection, name: float(value)})
        try:
            _config_with(changed.detection)
        except InvalidInput as error:
            raise InvalidInput(str(error), field=name) from None
        return changed


def _config_with(overrides: dict[str, float]) -> DetectionConfig:
    """The default config with overrides of adjustable fields, each in its field's own type (days are whole);
    DetectionConfig's own checks refuse combinations that make no sense."""
    from wellbeing_app.detection.config import DEFAULT_CONFIG

    adjustable = {threshold.name for threshold in ADJUSTABLE}
    values: dict[str, Any] = {
        name: type(getattr(DEFAULT_CONFIG, name))(value)
        for name, value in overrides.items()
        if name in adjustable
    }
    return replace(DEFAULT_CONFIG, **values)


def _to_json(settings: AppSettings) -> dict[str, Any]:
    return {
        "reminder": {
            "enabled": settings.reminder.enabled,
            "at": settings.reminder.at.strftime("%H:%M"),
            "days": sorted(settings.reminder.days),
        },
        "keep_in_tray": settings.keep_in_tray,
        "detection": dict(sorted(settings.detection.items())),
        "reminder_shown_on": settings.reminder_shown_on.isoformat() if settings.reminder_shown_on else None,
    }


def _from_json(data: Any) -> AppSettings:
    if not isinstance(data, dict):
        return AppSettings()
    raw_reminder = data.get("reminder")
    reminder: dict[str, Any] = raw_reminder if isinstance(raw_reminder, dict) else {}
    try:
        at = time.fromisoformat(str(reminder.get("at", "20:00")))
    except ValueError:
        at = time(20, 0)
    raw_days = reminder.get("days", list(EVERY_DAY))
    days = (
        frozenset(d for d in raw_days if isinstance(d, int) and 0 <= d <= 6)
        if isinstance(raw_days, list)
        else EVERY_DAY
    )
    raw_detection = data.get("detection")
    detection_raw: dict[str, Any] = raw_detection if isinstance(raw_detection, dict) else {}
    known = {t.name: t for t in ADJUSTABLE}
    detection = {
        name: float(value)
        for name, value in detection_raw.items()
        if name in known
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and known[name].low <= value <= known[name].high
    }
    try:
        shown = date.fromisoformat(str(data["reminder_shown_on"])) if data.get("reminder_shown_on") else None
    except ValueError:
        shown = None
    return AppSettings(
        reminder=ReminderSettings(
            bool(reminder.get("enabled", False)), at.replace(second=0, microsecond=0), days
        ),
        keep_in_tray=bool(data.get("keep_in_tray", False)),
        detection=detection,
        reminder_shown_on=shown,
    )


def load_settings(data_dir: Path) -> AppSettings:
    """The saved settings, or the defaults when there are none or they cannot be read."""
    try:
        return _from_json(json.loads((data_dir / FILENAME).read_text(encoding="utf-8")))
    except (OSError, ValueError, UnicodeDecodeError):
        return AppSettings()


def save_settings(data_dir: Path, settings: AppSettings) -> None:
    """Atomically: a whole new file replaces the old one, or nothing changes."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    text = json.dumps(_to_json(settings), indent=2) + "\n"
    descriptor, temporary = tempfile.mkstemp(prefix=".settings-", dir=data_dir)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, data_dir / FILENAME)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
