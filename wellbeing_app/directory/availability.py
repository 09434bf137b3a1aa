"""Weekly opening hours such as "Mon-Fri 09:00-17:00; Sat 10:00-12:00".

Grammar (case-insensitive, spaces optional around separators)::

    hours   := entry (";" entry)*
    entry   := days " " times
    days    := day-item ("," day-item)*       e.g. "Mon", "Mon-Fri", "Fri-Mon", "Mon,Wed"
    day     := Mon | Tue | ... | Sun (full names too), or "Daily", "Weekdays", "Weekends"
    times   := range ("," range)*             e.g. "09:00-12:00, 13:00-17:00"
    range   := HH:MM "-" HH:MM                an end before the start runs past midnight:
                                              "Sat 22:00-02:00" is Saturday 22:00 to Sunday 02:00

Hours are read as wall-clock time in the contact's time zone, so a summer-time change moves them with the
local clock. ``str()`` gives the canonical text, which parses back to the same hours.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import lru_cache

from wellbeing_app.errors import InvalidInput

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_ALIASES: dict[str, tuple[int, ...]] = {
    "daily": tuple(range(7)),
    "every day": tuple(range(7)),
    "weekdays": tuple(range(5)),
    "weekends": (5, 6),
}
_DAY_WORDS: dict[str, int] = {
    **{name: index for index, name in enumerate(_FULL_DAY_NAMES)},
    **{name[:3]: index for index, name in enumerate(_FULL_DAY_NAMES)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
_RANGE = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")
_DAY_HELP = "Use Mon, Tue, Wed, Thu, Fri, Sat or Sun"
_MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, order=True)
class Window:
    """One opening on one weekday, in minutes after midnight; an ``end`` before ``start`` closes the next day."""

    day: int
    start: int
    end: int

    @property
    def time_text(self) -> str:
        return f"{_clock(self.start)}-{_clock(self.end)}"


@dataclass(frozen=True)
class Availability:
    windows: tuple[Window, ...]
    # Per weekday, the (start, end) minute ranges open that day, with overnight windows split in two.
    _by_day: tuple[tuple[tuple[int, int], ...], ...] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "windows", tuple(sorted(set(self.windows))))
        by_day: list[list[tuple[int, int]]] = [[] for _ in range(7)]
        for window in self.windows:
            if window.end > window.start:
                by_day[window.day].append((window.start, window.end))
            else:
                by_day[window.day].append((window.start, _MINUTES_PER_DAY))
                by_day[(window.day + 1) % 7].append((0, window.end))
        object.__setattr__(self, "_by_day", tuple(tuple(ranges) for ranges in by_day))

    @classmethod
    def parse(cls, text: str) -> Availability:
        return parse_availability_text(text)

    def is_open(self, at: datetime, tz: tzinfo) -> bool:
        """Whether the contact's local wall clock at instant ``at`` falls inside one of the windows."""
        if at.tzinfo is None:
            raise ValueError("is_open needs a time-zone-aware datetime")
        local = at.astimezone(tz)
        return self.open_at(local.weekday(), local.hour * 60 + local.minute)

    def open_at(self, weekday: int, minute: int) -> bool:
        """Open at this local weekday (0 = Monday) and minute after midnight."""
        return any(start <= minute < end for start, end in self._by_day[weekday])

    def __str__(self) -> str:
        per_day: dict[int, tuple[str, ...]] = {}
        for window in self.windows:
            per_day[window.day] = (*per_day.get(window.day, ()), window.time_text)
        groups: dict[tuple[str, ...], list[int]] = {}
        for day in sorted(per_day):
            groups.setdefault(per_day[day], []).append(day)
        entries = sorted(groups.items(), key=lambda item: item[1][0])
        return "; ".join(f"{_days_text(days)} {', '.join(times)}" for times, days in entries)


def parse_availability(text: str | None) -> Availability | None:
    """Blank text means "hours not given"; anything else must parse."""
    if text is None or not text.strip():
        return None
    return parse_availability_text(text)


@lru_cache(maxsize=2048)
def parse_availability_text(text: str) -> Availability:
    """Cached: a directory repeats a handful of hour patterns, and ``Availability`` is immutable."""
    normalised = unicodedata.normalize("NFKC", text).replace("–", "-").replace("—", "-")
    entries = [entry.strip() for entry in normalised.split(";")]
    windows: list[Window] = []
    for entry in entries:
        if entry:
            windows.extend(_parse_entry(entry))
    if not windows:
        raise _problem("no hours are given. Write them like 'Mon-Fri 09:00-17:00'.")
    return Availability(tuple(windows))


def _parse_entry(entry: str) -> list[Window]:
    digit = next((index for index, char in enumerate(entry) if char.isdigit()), None)
    if digit is None:
        raise _problem(f"'{entry}' has no times. Write them like 'Mon-Fri 09:00-17:00'.")
    days_text, times_text = entry[:digit].strip(), entry[digit:].strip()
    if not days_text:
        raise _problem(f"'{entry}' does not say which days. Write it like 'Mon-Fri {times_text}'.")
    days = _parse_days(days_text)
    ranges = [_parse_range(part.strip(), entry) for part in times_text.split(",")]
    return [Window(day, start, end) for day in days for start, end in ranges]


def _parse_days(text: str) -> list[int]:
    days: list[int] = []
    for item in text.split(","):
        word = " ".join(item.casefold().split())
        if word in _DAY_ALIASES:
            days.extend(_DAY_ALIASES[word])
            continue
        if "-" in word:
            first_text, _, last_text = item.partition("-")
            first, last = _day(first_text), _day(last_text)
            days.extend((first + offset) % 7 for offset in range((last - first) % 7 + 1))
        else:
            days.append(_day(item))
    return days


def _day(text: str) -> int:
    word = text.strip().casefold()
    if word in _DAY_WORDS:
        return _DAY_WORDS[word]
    if not word:
        raise _problem(f"a day name is missing. {_DAY_HELP}.")
    raise _problem(f"'{text.strip()}' is not a day. {_DAY_HELP}.")


def _parse_range(text: str, entry: str) -> tuple[int, int]:
    match = _RANGE.fullmatch(text)
    if match is None:
        raise _problem(
            f"'{text}' in '{entry}' is not a time range. Write times as HH:MM-HH:MM, e.g. 09:00-17:00."
        )
    start_h, start_m, end_h, end_m = (int(group) for group in match.groups())
    start = _minutes(start_h, start_m, allow_midnight_end=False)
    end = _minutes(end_h, end_m, allow_midnight_end=True)
    if end == 0 and start != 0:
        end = _MINUTES_PER_DAY
    if start == end:
        raise _problem(f"'{text}' opens and closes at the same time.")
    return start, end


def _minutes(hours: int, minutes: int, *, allow_midnight_end: bool) -> int:
    if minutes > 59 or hours > 24 or (hours == 24 and (minutes or not allow_midnight_end)):
        raise _problem(f"{hours:02d}:{minutes:02d} is not a time of day.")
    return hours * 60 + minutes


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _days_text(days: list[int]) -> str:
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{DAY_NAMES[run[0]]}-{DAY_NAMES[run[-1]]}")
        else:
            parts.extend(DAY_NAMES[day] for day in run)
    return ",".join(parts)


def _problem(message: str) -> InvalidInput:
    return InvalidInput(message, field="availability")
