"""Daily check-ins: mood, energy, stress, sleep, tags and a note, several a day if wanted.

Wherever one value per day is needed (the strip of the last 14 days, detection) it is the mean of that day's
check-ins; missing days stay missing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.limits import MAX_NOTE_LENGTH as MAX_NOTE_LENGTH
from wellbeing_app.record_service import RecordService
from wellbeing_app.statistics import field_daily_means
from wellbeing_app.storage.records import PendingRecord, StoredRecord
from wellbeing_app.tags import normalise_tags

KIND = "checkin"
Day = date
SCALE_ANCHORS = {
    "mood": ("very low", "very good"),
    "energy": ("exhausted", "full of energy"),
    "stress": ("calm", "very stressed"),
}


def check_scale(field: str, value: object, *, required: bool = False) -> int | None:
    if value is None or value == "":
        if required:
            raise InvalidInput(f"{field} is required: a whole number from 0 to 10.", field=field)
        return None
    if isinstance(value, bool) or not isinstance(value, int | str | float):
        raise InvalidInput(f"{field} must be a whole number from 0 to 10.", field=field)
    if isinstance(value, float):
        if not value.is_integer():
            raise InvalidInput(f"{field} must be a whole number from 0 to 10, not {value}.", field=field)
        number = int(value)
    elif isinstance(value, int):
        number = value
    else:
        try:
            number = int(value.strip())
        except ValueError:
            raise InvalidInput(
                f"{field} must be a whole number from 0 to 10, not '{value}'.", field=field
            ) from None
    if not 0 <= number <= 10:
        raise InvalidInput(f"{field} must be from 0 to 10, not {number}.", field=field)
    return number


def check_sleep(value: object) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidInput("sleep_hours must be a number of hours from 0 to 24.", field="sleep_hours")
    try:
        hours = float(str(value).strip()) if not isinstance(value, int | float) else float(value)
    except ValueError:
        raise InvalidInput(
            f"sleep_hours must be a number of hours from 0 to 24, not '{value}'.", field="sleep_hours"
        ) from None
    if not 0 <= hours <= 24:
        raise InvalidInput(f"sleep_hours must be from 0 to 24 hours, not {value}.", field="sleep_hours")
    if hours * 2 != int(hours * 2):
        raise InvalidInput(
            f"sleep_hours goes in steps of half an hour (like 6.5), not {value}.", field="sleep_hours"
        )
    return hours


def check_note(note: object, limit: int = MAX_NOTE_LENGTH, field: str = "note") -> str:
    text = "" if note is None else str(note)
    if len(text) > limit:
        raise InvalidInput(f"The {field} is {len(text):,} characters; the limit is {limit:,}.", field=field)
    return text


def check_not_future(day: date, today: date, field: str = "date", what: str = "check-ins") -> date:
    if day > today:
        raise InvalidInput(
            f"The {field} {day.isoformat()} is in the future; {what} can only be for today or earlier.",
            field=field,
        )
    return day


def tag_values(values: Mapping[str, Any]) -> list[str]:
    """Tags from a stored or imported record: a list of strings, or one string separated by ';' or ','."""
    tags = values.get("tags") or []
    if isinstance(tags, str):
        return tags.replace(";", ",").split(",")
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise InvalidInput("tags must be a list of words.", field="tags")
    return tags


def parse_date(value: object, field: str = "date") -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput(
            f"The {field} '{value}' is not a date; write it as YYYY-MM-DD.", field=field
        ) from None


def parse_time(value: object, field: str = "time") -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = str(value).strip()
    try:
        parsed = time.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"The {field} '{value}' is not a time; write it as HH:MM (24-hour).", field=field
        ) from None
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


@dataclass(frozen=True)
class CheckIn:
    id: str
    date: date
    time: time
    mood: int
    energy: int | None = None
    stress: int | None = None
    sleep_hours: float | None = None
    tags: tuple[str, ...] = ()
    note: str = ""

    @property
    def moment(self) -> datetime:
        return datetime.combine(self.date, self.time)

    def to_payload(self) -> dict[str, Any]:
        return {
            "time": self.time.strftime("%H:%M"),
            "mood": self.mood,
            "energy": self.energy,
            "stress": self.stress,
            "sleep_hours": self.sleep_hours,
            "tags": list(self.tags),
            "note": self.note,
        }

    def to_export_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date.isoformat(), **self.to_payload(), "note": self.note or None}

    @classmethod
    def from_record(cls, record: StoredRecord) -> CheckIn:
        if record.day is None:
            raise DamagedRecord(KIND, record.id, "has no date")
        return cls.from_values(record.payload, record_id=record.id, day=record.day)

    @classmethod
    def from_values(cls, values: Mapping[str, Any], *, record_id: str, day: Day) -> CheckIn:
        """Validated construction from loosely typed values (stored payloads, imports)."""
        return cls(
            id=record_id,
            date=day,
            time=parse_time(values.get("time") or "12:00"),
            mood=check_scale("mood", values.get("mood"), required=True) or 0,
            energy=check_scale("energy", values.get("energy")),
            stress=check_scale("stress", values.get("stress")),
            sleep_hours=check_sleep(values.get("sleep_hours")),
            tags=normalise_tags(tag_values(values)),
            note=check_note(values.get("note")),
        )


def new_id() -> str:
    return str(uuid.uuid4())


class CheckInService(RecordService[CheckIn]):
    """Saves and reads check-ins in the vault; the clock decides what 'today' and 'now' are."""

    kind = KIND

    @staticmethod
    def parse(record: StoredRecord) -> CheckIn:
        return CheckIn.from_record(record)

    def build(
        self,
        *,
        mood: object,
        energy: object = None,
        stress: object = None,
        sleep_hours: object = None,
        tags: Iterable[str] = (),
        note: object = "",
        day: object = None,
        at: object = None,
        record_id: str | None = None,
    ) -> CheckIn:
        """A validated check-in, not yet saved; every problem names its field and the allowed range."""
        now = self._clock.now()
        chosen_day = parse_date(day) if day is not None else now.date()
        check_not_future(chosen_day, now.date())
        chosen_time = parse_time(at) if at is not None else now.time().replace(second=0, microsecond=0)
        if chosen_day == now.date() and chosen_time > now.time().replace(tzinfo=None) and at is not None:
            raise InvalidInput(f"The time {chosen_time:%H:%M} today is still in the future.", field="time")
        return CheckIn(
            id=record_id or new_id(),
            date=chosen_day,
            time=chosen_time,
            mood=check_scale("mood", mood, required=True) or 0,
            energy=check_scale("energy", energy),
            stress=check_scale("stress", stress),
            sleep_hours=check_sleep(sleep_hours),
            tags=normalise_tags(tags),
            note=check_note(note),
        )

    def save(self, checkin: CheckIn) -> CheckIn:
        self._store.put(KIND, checkin.id, checkin.to_payload(), checkin.date)
        return checkin

    def add(self, **values: Any) -> CheckIn:
        return self.save(self.build(**values))

    def update(self, checkin: CheckIn, **changes: Any) -> CheckIn:
        """Change some fields; the result is validated like a new check-in (same id, day and time kept)."""
        changed = replace(checkin, **changes)
        return self.save(CheckIn.from_values(changed.to_payload(), record_id=changed.id, day=changed.date))

    def restore(self, checkin: CheckIn) -> CheckIn:
        """Undo a deletion: the same id, the same content."""
        return self.save(checkin)

    def between(self, day_from: date | None = None, day_to: date | None = None) -> list[CheckIn]:
        """Check-ins in a range of days (inclusive), oldest first; damaged ones are listed in ``damaged``."""
        return sorted(self._read(day_from, day_to), key=lambda c: (c.date, c.time, c.id))

    def on_day(self, day: date) -> list[CheckIn]:
        return self.between(day, day)

    def daily_moods(self, days: int, end: date | None = None) -> dict[date, float]:
        """Mean mood per day over the ``days`` days ending on ``end`` (today by default)."""
        last = end or self._clock.now().date()
        return field_daily_means(self.between(last - timedelta(days=days - 1), last))

    def to_pending(self, checkin: CheckIn) -> PendingRecord:
        return PendingRecord(KIND, checkin.id, checkin.to_payload(), checkin.date)
