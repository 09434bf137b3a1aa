"""The status that the app and `wellbeing-app status` both show.

`StatusService.status()` is the one place that turns the vault into what the
user sees: detection's level and reasons, the episode, whether the banner shows, who to reach out to and, at
red, the crisis lines. The desktop app and the command line both call it, so they always agree.

Decisions (see also docs/detection.md):

- **Only the needed window is read.** The rules look back at most 67 days (the last 7 plus the 60 before them);
  only those check-ins are decrypted, and only the questionnaires of the last 28 days. Two rare cases read
  more: a run of low days reaching the start of that window is followed further back (so its reason names its
  real first day), and with no check-in at all in the window the last earlier one is looked up (so the
  reminder can name its date).
- **Episodes are recorded only for today.** `status()` for today updates and stores the episodes (unless
  `record_episodes=False`, which gives the same report without writing anything or raising an alert).
  A past day (`--as-of`) never writes: it shows the stored episode that was open on that day, if any, and the
  banner as it would be without acknowledgement or snooze. A future day is refused.
- **Suggestions only at orange and red**, where the banner shows contacts: green and yellow need none (yellow
  gets a warm note instead). At orange, peer supporters come first; at red, debrief contacts and professional
  services come first (the directory's own order decides within each group). At most three are listed. When
  nobody can be suggested (the directory is empty), `add_contacts_prompt` is true.
- **Crisis lines only at red, and then always**: the local emergency number first, then the country's crisis
  lines (services only for health workers are support, not crisis lines, and are left to the Support page).
  The country is the profile's, else the one passed in (the app's crisis-line setting), else GB. For a country
  the list does not cover, or if the list cannot be read, the entries still say to call the local emergency
  number. In `to_json()`, "crisis_lines" is always present: the entries at red, `[]` below it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from wellbeing_app.checkins import CheckInService
from wellbeing_app.clock import Clock
from wellbeing_app.crisis import (
    FALLBACK_COUNTRY,
    LOCAL_EMERGENCY_ENTRY,
    CrisisDirectory,
    CrisisEntry,
    crisis_entries,
    load_crisis_lines,
)
from wellbeing_app.detection import (
    DEFAULT_CONFIG,
    Alert,
    Banner,
    DetectionConfig,
    DetectionResult,
    Episode,
    Level,
    banner,
    evaluate,
    update_episodes,
)
from wellbeing_app.detection import acknowledge as acknowledge_episode
from wellbeing_app.detection import snooze as snooze_episode
from wellbeing_app.detection.episode_store import EpisodeStore, covering
from wellbeing_app.directory import ContactKind, Suggestion
from wellbeing_app.directory.service import DirectoryService
from wellbeing_app.errors import DamagedRecord, IntegrityError, InvalidInput
from wellbeing_app.instruments.store import InstrumentService
from wellbeing_app.statistics import field_daily_means
from wellbeing_app.storage.records import RecordStore

SUGGESTION_LIMIT: Final = 3
# How far back to look at a time when a low run reaches the start of the window, or for an old last check-in.
LOOK_BACK_DAYS: Final = 365

CrisisLoader = Callable[[], CrisisDirectory]

# Kinds listed first at each level, and the order the directory is asked to rank kinds in.
_FIRST_KINDS: Final[dict[Level, frozenset[ContactKind]]] = {
    Level.ORANGE: frozenset({ContactKind.PEER_SUPPORTER}),
    Level.RED: frozenset({ContactKind.DEBRIEF_CONTACT, ContactKind.PROFESSIONAL_SERVICE}),
}
_PREFERRED_KINDS: Final[dict[Level, tuple[ContactKind, ...]]] = {
    Level.ORANGE: (ContactKind.PEER_SUPPORTER, ContactKind.DEBRIEF_CONTACT, ContactKind.PROFESSIONAL_SERVICE),
    Level.RED: (ContactKind.DEBRIEF_CONTACT, ContactKind.PROFESSIONAL_SERVICE, ContactKind.PEER_SUPPORTER),
}

# The level in kind words, and its Stress Continuum zone, gently. No alarm words, nothing diagnostic.
HEADLINES: Final[dict[Level, str]] = {
    Level.GREEN: "Things look steady.",
    Level.YELLOW: "A few hard days, it seems. Would writing about them help?",
    Level.ORANGE: "Things seem to have been hard for a while. You don't have to carry it alone.",
    Level.RED: "Things seem very hard right now. You don't have to go through this alone.",
}
ZONE_NOTES: Final[dict[Level, str]] = {
    Level.GREEN: "Keep checking in; it helps you notice changes early.",
    Level.YELLOW: "A hard stretch often passes with rest and a little support.",
    Level.ORANGE: "This is a good time to lean on others; talking helps.",
    Level.RED: "This is a time to reach for support. You don't have to wait until it feels unbearable.",
}
EMPTY_DIRECTORY_PROMPT: Final = (
    "Your support list is empty. Adding a peer supporter or someone you trust means they are one step "
    "away when you need them."
)


@dataclass(frozen=True)
class StatusReport:
    """Everything the status area and `status` show for one day.

    `alert` is set only when this call opened or escalated an episode and stored it: raise the banner now
    (and the content-free tray notification). `banner.visible` is false when acknowledged or snoozed;
    `banner.crisis_lines` is true whenever the level is red.
    """

    result: DetectionResult
    episode: Episode | None
    alert: Alert | None
    banner: Banner
    suggestions: tuple[Suggestion, ...] = ()
    crisis_lines: tuple[CrisisEntry, ...] = ()
    crisis_country: str = FALLBACK_COUNTRY
    add_contacts_prompt: bool = False
    damaged: tuple[DamagedRecord, ...] = field(default=(), compare=False)

    @property
    def as_of(self) -> date:
        return self.result.as_of

    @property
    def level(self) -> Level:
        return self.result.level

    @property
    def headline(self) -> str:
        """The level in kind words; at green with no recent check-in, the gentle reminder instead."""
        if self.level is Level.GREEN and self.result.stale and self.result.reminder:
            return self.result.reminder
        return HEADLINES[self.level]

    @property
    def zone_note(self) -> str:
        return ZONE_NOTES[self.level]

    def to_json(self) -> dict[str, object]:
        """`status --json`: {"as_of", "level", "enough_data", "reasons", "episode", "suggestions",
        "crisis_lines"}; "crisis_lines" is non-empty exactly when the level is red."""
        return {
            **self.result.to_dict(),
            "episode": self.episode.to_payload() if self.episode else None,
            "suggestions": [suggestion.to_export_dict() for suggestion in self.suggestions],
            "crisis_lines": [entry.to_dict() for entry in self.crisis_lines],
        }


class StatusService:
    """The level, episode, banner, suggestions and crisis lines for a day, from the vault."""

    def __init__(
        self,
        store: RecordStore,
        clock: Clock,
        contacts: DirectoryService,
        checkins: CheckInService,
        instruments: InstrumentService,
        crisis_loader: CrisisLoader = load_crisis_lines,
        *,
        fallback_country: str | None = None,
        config: DetectionConfig = DEFAULT_CONFIG,
        suggestion_limit: int = SUGGESTION_LIMIT,
    ) -> None:
        self._store = store
        self._clock = clock
        self._contacts = contacts
        self._crisis_loader = crisis_loader
        self._crisis: CrisisDirectory | None = None
        self._checkins = checkins
        self._instruments = instruments
        self._episodes = EpisodeStore(store, clock)
        self._config = config
        self._limit = suggestion_limit
        # The country for crisis lines when the profile names none (the app's crisis-line setting).
        self.fallback_country = fallback_country
        self.damaged: list[DamagedRecord] = []

    @property
    def config(self) -> DetectionConfig:
        return self._config

    def set_config(self, config: DetectionConfig) -> None:
        """The user changed the thresholds in Settings: later statuses use them."""
        self._config = config

    def store_episodes(self, episodes: Sequence[Episode]) -> None:
        """Keep episodes worked out elsewhere (the demo replays detection day by day)."""
        self._episodes.write_changes(self.episodes(), episodes)

    # -- status -------------------------------------------------------------------------------------------------
    def status(self, as_of: date | None = None, *, record_episodes: bool = True) -> StatusReport:
        """The status on as_of (default today). Only today's status updates and stores episodes."""
        today = self._clock.now().date()
        day = as_of or today
        if day > today:
            raise InvalidInput(
                f"The day {day.isoformat()} is in the future; status can be shown for today or an earlier day.",
                field="as_of",
            )
        self.damaged = []
        moods = self._daily_moods(day)
        instruments = self._instruments.between(day - timedelta(days=self._config.instrument_days - 1), day)
        self.damaged += self._instruments.damaged
        result = evaluate(moods, instruments, day, self._config)

        stored = self.episodes()
        alert: Alert | None = None
        if day == today:
            update = update_episodes(stored, result, self._config)
            episode, shown = update.current, banner(update.episodes, result)
            if record_episodes:
                self._episodes.write_changes(stored, update.episodes)
                alert = update.alert
        else:
            episode, shown = covering(stored, day), banner((), result)

        suggestions = self._suggestions(result.level)
        return StatusReport(
            result=result,
            episode=episode,
            alert=alert,
            banner=shown,
            suggestions=suggestions,
            crisis_lines=self._crisis_lines() if result.level is Level.RED else (),
            crisis_country=self._country(),
            add_contacts_prompt=result.level >= Level.ORANGE and not suggestions,
            damaged=tuple(self.damaged),
        )

    def _daily_moods(self, as_of: date) -> dict[date, float]:
        config = self._config
        span = max(
            config.window_days,
            config.recent_days + config.baseline_days,
            config.streak_recent_days,
            config.stale_days,
        )
        first = as_of - timedelta(days=span - 1)
        moods = self._moods_between(first, as_of)
        # A low run that reaches the start of the window and ends in the last 14 days: find where it began.
        streak_end_from = as_of - timedelta(days=config.streak_recent_days - 1)
        while _run_end(moods, first, config.streak_max_mood) >= streak_end_from:
            earlier = first - timedelta(days=LOOK_BACK_DAYS)
            moods = {**self._moods_between(earlier, first - timedelta(days=1)), **moods}
            first = earlier
        if not moods:
            # Nothing in the window: the reminder names the last check-in, wherever it is (rules never see it).
            moods = self._last_day_before(first)
        return moods

    def _moods_between(self, first: date | None, last: date) -> dict[date, float]:
        checkins = self._checkins.between(first, last)
        self.damaged += self._checkins.damaged
        return field_daily_means(checkins)

    def _last_day_before(self, first: date) -> dict[date, float]:
        recent = self._moods_between(first - timedelta(days=LOOK_BACK_DAYS), first - timedelta(days=1))
        if not recent:
            recent = self._moods_between(None, first - timedelta(days=LOOK_BACK_DAYS + 1))
        if not recent:
            return {}
        last = max(recent)
        return {last: recent[last]}

    # -- suggestions and crisis lines ---------------------------------------------------------------------------
    def _suggestions(self, level: Level) -> tuple[Suggestion, ...]:
        if level < Level.ORANGE:
            return ()
        ranked = self._contacts.suggestions(preferred_kinds=_PREFERRED_KINDS[level])
        first = _FIRST_KINDS[level]
        ranked.sort(key=lambda suggestion: suggestion.contact.kind not in first)  # stable: keeps the ranking
        return tuple(ranked[: self._limit])

    def _country(self) -> str:
        return (self._contacts.profile().country or self.fallback_country or FALLBACK_COUNTRY).upper()

    def _crisis_lines(self) -> tuple[CrisisEntry, ...]:
        try:
            if self._crisis is None:
                self._crisis = self._crisis_loader()
        except IntegrityError:
            return (LOCAL_EMERGENCY_ENTRY,)
        directory = self._crisis
        return tuple(crisis_entries(directory.for_country(self._country()), directory.international))

    # -- episodes -----------------------------------------------------------------------------------------------
    def episodes(self) -> tuple[Episode, ...]:
        """Every stored episode, oldest first; unreadable ones are left out and listed in `damaged`."""
        found = self._episodes.episodes()
        self.damaged += self._episodes.damaged
        return found

    def acknowledge(self, episode_id: str) -> Episode:
        """The user has seen it: the banner stays hidden for the rest of the episode, unless it escalates."""
        stored = self.episodes()
        return self._changed_one(
            stored, acknowledge_episode(stored, episode_id, self._clock.now().date()), episode_id
        )

    def snooze(self, episode_id: str) -> Episode:
        """Hide the banner today and the next two days (or until the episode escalates)."""
        stored = self.episodes()
        updated = snooze_episode(stored, episode_id, self._clock.now().date(), self._config)
        return self._changed_one(stored, updated, episode_id)

    def _changed_one(self, stored: Sequence[Episode], updated: Sequence[Episode], episode_id: str) -> Episode:
        self._episodes.write_changes(stored, updated)
        return next(episode for episode in updated if episode.id == episode_id)


def _run_end(moods: dict[date, float], first: date, max_mood: float) -> date:
    """The last day of the run of low days starting on `first`, or the day before `first` when there is none."""
    day = first
    while (mood := moods.get(day)) is not None and mood <= max_mood:
        day += timedelta(days=1)
    return day - timedelta(days=1)
