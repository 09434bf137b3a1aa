"""Episodes: so a hard stretch is pointed out once (and again if it deepens), not every day.

A pure state machine over stored episodes. An episode opens when the level reaches orange or red and closes
once 7 consecutive days are below orange, counted from the last day evaluated at orange or above (call
update_episodes() for each day you want counted; days never evaluated are not counted as orange). The user
can acknowledge the banner or snooze it for 3 days; an escalation brings it back. Red always keeps crisis
lines visible, whatever the banner state.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from wellbeing_app.detection.config import DEFAULT_CONFIG, DetectionConfig
from wellbeing_app.detection.levels import Level
from wellbeing_app.detection.result import DetectionResult
from wellbeing_app.errors import InvalidInput

AlertKind = Literal["opened", "escalated"]


@dataclass(frozen=True)
class Episode:
    """One stretch at orange or red. `snooze_ends_on` is the day the banner shows again."""

    id: str
    opened_on: dt.date
    peak_level: Level
    last_high_on: dt.date
    last_evaluated_on: dt.date
    closed_on: dt.date | None = None
    acknowledged_on: dt.date | None = None
    snooze_ends_on: dt.date | None = None

    @property
    def is_open(self) -> bool:
        """Still going: not yet 7 days below orange."""
        return self.closed_on is None

    def to_payload(self) -> dict[str, object]:
        """Plain JSON for the encrypted record and for `status --json`'s "episode"."""
        return {
            "id": self.id,
            "opened_on": self.opened_on.isoformat(),
            "peak_level": self.peak_level.value,
            "last_high_on": self.last_high_on.isoformat(),
            "last_evaluated_on": self.last_evaluated_on.isoformat(),
            "closed_on": _iso(self.closed_on),
            "acknowledged_on": _iso(self.acknowledged_on),
            "snooze_ends_on": _iso(self.snooze_ends_on),
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, object]) -> Episode:
        """Inverse of to_payload; bad data raises InvalidInput naming the field."""
        level = payload.get("peak_level")
        if level not in {member.value for member in Level}:
            raise InvalidInput(f"Unknown level {level!r}.", field="peak_level")
        identifier = payload.get("id")
        if not isinstance(identifier, str) or not identifier:
            raise InvalidInput("An episode needs a text id.", field="id")
        return cls(
            id=identifier,
            opened_on=_date(payload, "opened_on"),
            peak_level=Level(level),
            last_high_on=_date(payload, "last_high_on"),
            last_evaluated_on=_date(payload, "last_evaluated_on"),
            closed_on=_optional_date(payload, "closed_on"),
            acknowledged_on=_optional_date(payload, "acknowledged_on"),
            snooze_ends_on=_optional_date(payload, "snooze_ends_on"),
        )


@dataclass(frozen=True)
class Alert:
    """Raise the banner now (and a content-free tray notification): the episode opened or escalated."""

    episode_id: str
    level: Level
    kind: AlertKind


@dataclass(frozen=True)
class EpisodeUpdate:
    """The episodes to store, the alert to raise now (if any), and the open episode after the update."""

    episodes: tuple[Episode, ...]
    alert: Alert | None
    current: Episode | None


@dataclass(frozen=True)
class Banner:
    """What the status area should show: the orange/red banner, and crisis lines (always at red)."""

    visible: bool
    crisis_lines: bool


def current_episode(episodes: Sequence[Episode]) -> Episode | None:
    """The open episode, if any (the latest opened, should storage ever hold two)."""
    open_ones = [episode for episode in episodes if episode.is_open]
    return max(open_ones, key=lambda episode: episode.opened_on, default=None)


def update_episodes(
    episodes: Sequence[Episode],
    result: DetectionResult,
    config: DetectionConfig = DEFAULT_CONFIG,
    *,
    new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
) -> EpisodeUpdate:
    """Advance the episodes to result.as_of. A result older than what was already evaluated changes nothing,
    so looking at a past day (`status --as-of`) never rewrites history."""
    stored = tuple(episodes)
    current = current_episode(stored)
    as_of, level = result.as_of, result.level
    if stored and as_of < max(episode.last_evaluated_on for episode in stored):
        return EpisodeUpdate(stored, None, current)
    high = level >= Level.ORANGE
    if current is None:
        if not high:
            return EpisodeUpdate(stored, None, None)
        opened = Episode(new_id(), as_of, level, last_high_on=as_of, last_evaluated_on=as_of)
        return EpisodeUpdate((*stored, opened), Alert(opened.id, level, "opened"), opened)
    alert: Alert | None = None
    if high and level > current.peak_level:
        # Escalation brings an acknowledged or snoozed banner back.
        updated = replace(current, peak_level=level, last_high_on=as_of, last_evaluated_on=as_of)
        updated = replace(updated, acknowledged_on=None, snooze_ends_on=None)
        alert = Alert(current.id, level, "escalated")
    elif high:
        updated = replace(current, last_high_on=as_of, last_evaluated_on=as_of)
    elif (as_of - current.last_high_on).days >= config.episode_close_days:
        updated = replace(current, last_evaluated_on=as_of, closed_on=as_of)
    else:
        updated = replace(current, last_evaluated_on=as_of)
    return EpisodeUpdate(_swap(stored, updated), alert, updated if updated.is_open else None)


def acknowledge(episodes: Sequence[Episode], episode_id: str, on: dt.date) -> tuple[Episode, ...]:
    """The user has seen it: hide the banner until the episode escalates."""
    episode = _open_by_id(episodes, episode_id)
    return _swap(tuple(episodes), replace(episode, acknowledged_on=on))


def snooze(
    episodes: Sequence[Episode], episode_id: str, on: dt.date, config: DetectionConfig = DEFAULT_CONFIG
) -> tuple[Episode, ...]:
    """Hide the banner for 3 days (on, on+1, on+2); it shows again on on+3, or sooner on escalation."""
    episode = _open_by_id(episodes, episode_id)
    return _swap(tuple(episodes), replace(episode, snooze_ends_on=on + dt.timedelta(days=config.snooze_days)))


def banner(episodes: Sequence[Episode], result: DetectionResult) -> Banner:
    """Banner at orange/red unless acknowledged or snoozed; crisis lines whenever the level is red."""
    episode = current_episode(episodes)
    hidden = episode is not None and (
        episode.acknowledged_on is not None
        or (episode.snooze_ends_on is not None and result.as_of < episode.snooze_ends_on)
    )
    return Banner(visible=result.level >= Level.ORANGE and not hidden, crisis_lines=result.level is Level.RED)


def _open_by_id(episodes: Sequence[Episode], episode_id: str) -> Episode:
    for episode in episodes:
        if episode.id == episode_id and episode.is_open:
            return episode
    raise InvalidInput("That note has already closed; there is nothing to hide.", field="episode")


def _swap(episodes: tuple[Episode, ...], updated: Episode) -> tuple[Episode, ...]:
    return tuple(updated if episode.id == updated.id else episode for episode in episodes)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(payload: Mapping[str, object], key: str) -> dt.date:
    value = payload.get(key)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput(f"'{key}' must be a date like 2025-03-16, not {value!r}.", field=key)


def _optional_date(payload: Mapping[str, object], key: str) -> dt.date | None:
    return None if payload.get(key) is None else _date(payload, key)
