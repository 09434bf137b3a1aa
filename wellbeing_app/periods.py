"""Life periods: named date ranges (a deployment, time at home, leave, training) that Trends compares.

A period may be open-ended (no end yet: "still on deployment") and periods may overlap. Records carry no day
in plaintext, so the database does not show when a deployment began. Planned periods may start in the future.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final

from wellbeing_app.checkins import check_note, new_id, parse_date
from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.period_kinds import KIND_WORDS as KIND_WORDS
from wellbeing_app.period_kinds import PERIOD_KINDS as PERIOD_KINDS
from wellbeing_app.record_service import RecordService
from wellbeing_app.storage.records import StoredRecord

KIND: Final = "period"
MAX_NAME_LENGTH: Final = 120


def check_kind(value: object) -> str:
    text = str(value or "other").strip().casefold()
    if text not in PERIOD_KINDS:
        raise InvalidInput(f"The kind must be one of {', '.join(PERIOD_KINDS)}, not {value!r}.", field="kind")
    return text


def check_name(value: object) -> str:
    name = check_note(value, MAX_NAME_LENGTH, "name").strip()
    if not name:
        raise InvalidInput('The name is required, e.g. "Angola feeding centre".', field="name")
    return name


@dataclass(frozen=True)
class Period:
    id: str
    name: str
    kind: str
    start: date
    end: date | None = None
    """Inclusive; None while the period is still going on."""

    @property
    def open_ended(self) -> bool:
        return self.end is None

    def end_within(self, last: date) -> date:
        """The last day to count: the end, or ``last`` for an open-ended period (or one ending later)."""
        return last if self.end is None else min(self.end, last)

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or self.end >= first)

    def to_payload(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "from": self.start.isoformat(),
            "to": self.end.isoformat() if self.end else None,
        }

    def to_export_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.to_payload()}

    @classmethod
    def from_values(cls, values: Mapping[str, Any], *, record_id: str) -> Period:
        start = parse_date(values.get("from"), "from")
        raw_end = values.get("to")
        end = parse_date(raw_end, "to") if raw_end not in (None, "") else None
        if end is not None and end < start:
            raise InvalidInput(
                f"The period ends ({end.isoformat()}) before it begins ({start.isoformat()}).", field="to"
            )
        return cls(record_id, check_name(values.get("name")), check_kind(values.get("kind")), start, end)


class PeriodService(RecordService[Period]):
    kind = KIND

    @staticmethod
    def parse(record: StoredRecord) -> Period:
        try:
            return Period.from_values(record.payload, record_id=record.id)
        except InvalidInput as exc:
            raise DamagedRecord(KIND, record.id, "has unreadable values") from exc

    def periods(self) -> list[Period]:
        """Every period, by start date (then name)."""
        return sorted(
            self._read(None, None), key=lambda period: (period.start, period.name.casefold(), period.id)
        )

    def save(self, period: Period) -> Period:
        self._store.put(KIND, period.id, period.to_payload())
        return period

    def add(self, name: object, start: object, end: object = None, kind: object = "deployment") -> Period:
        values = {"name": name, "from": start, "to": end, "kind": kind}
        return self.save(Period.from_values(values, record_id=new_id()))

    def edit(self, record_id: str, **changes: object) -> Period:
        """Change any of name, kind, from, to (``to=None`` makes it open-ended again)."""
        current = self._existing(record_id)
        values: dict[str, Any] = {**current.to_payload(), **changes}
        return self.save(Period.from_values(values, record_id=record_id))

    def end(self, record_id: str, on: date) -> Period:
        current = self._existing(record_id)
        if on < current.start:
            raise InvalidInput(
                f"{current.name} began on {current.start.isoformat()}; it cannot end before that.", field="on"
            )
        return self.save(replace(current, end=on))

    def _existing(self, record_id: str) -> Period:
        found = self.get(record_id)
        if found is None:
            raise InvalidInput(f"There is no period with the id {record_id}.", field="id")
        return found
