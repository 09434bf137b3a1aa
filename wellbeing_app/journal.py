"""The private journal: dated entries with an optional title, a body and tags."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from wellbeing_app.checkins import check_not_future, check_note, new_id, parse_date, tag_values
from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.limits import MAX_BODY_LENGTH as MAX_BODY_LENGTH
from wellbeing_app.limits import MAX_TITLE_LENGTH as MAX_TITLE_LENGTH
from wellbeing_app.record_service import RecordService
from wellbeing_app.storage.records import PendingRecord, StoredRecord
from wellbeing_app.tags import has_tag, normalise_tags

KIND = "journal"
Day = date


@dataclass(frozen=True)
class JournalEntry:
    id: str
    date: date
    body: str
    title: str = ""
    tags: tuple[str, ...] = ()
    updated_at: str = ""

    @property
    def display_title(self) -> str:
        """The title, else the first line of the body, for lists."""
        if self.title.strip():
            return self.title.strip()
        first = next((line.strip() for line in self.body.splitlines() if line.strip()), "")
        return first[:80] + ("…" if len(first) > 80 else "") if first else "Untitled entry"

    def to_payload(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "body": self.body,
            "tags": list(self.tags),
            "updated_at": self.updated_at,
        }

    def to_export_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "title": self.title or None,
            "body": self.body,
            "tags": list(self.tags),
        }

    @classmethod
    def from_values(cls, values: dict[str, Any], *, record_id: str, day: Day) -> JournalEntry:
        return cls(
            id=record_id,
            date=day,
            title=check_note(values.get("title") or "", MAX_TITLE_LENGTH, "title"),
            body=check_note(values.get("body") or "", MAX_BODY_LENGTH, "body"),
            tags=normalise_tags(tag_values(values)),
            updated_at=str(values.get("updated_at") or ""),
        )

    @classmethod
    def from_record(cls, record: StoredRecord) -> JournalEntry:
        if record.day is None:
            raise DamagedRecord(KIND, record.id, "has no date")
        return cls.from_values(record.payload, record_id=record.id, day=record.day)


class JournalService(RecordService[JournalEntry]):
    kind = KIND

    @staticmethod
    def parse(record: StoredRecord) -> JournalEntry:
        return JournalEntry.from_record(record)

    def build(
        self,
        *,
        body: object,
        title: object = "",
        tags: tuple[str, ...] | list[str] = (),
        day: object = None,
        record_id: str | None = None,
    ) -> JournalEntry:
        now: datetime = self._clock.now()
        chosen = parse_date(day) if day is not None else now.date()
        check_not_future(chosen, now.date(), what="journal entries")
        text = check_note(body, MAX_BODY_LENGTH, "body")
        if not text.strip():
            raise InvalidInput("The entry is empty; write a few words first.", field="body")
        return JournalEntry(
            id=record_id or new_id(),
            date=chosen,
            title=check_note(title, MAX_TITLE_LENGTH, "title").strip(),
            body=text,
            tags=normalise_tags(tags),
            updated_at=now.isoformat(timespec="seconds"),
        )

    def save(self, entry: JournalEntry) -> JournalEntry:
        self._store.put(KIND, entry.id, entry.to_payload(), entry.date)
        return entry

    def add(self, **values: Any) -> JournalEntry:
        return self.save(self.build(**values))

    def update(self, entry: JournalEntry, **changes: Any) -> JournalEntry:
        """Change some fields; validated like a new entry, with the same id."""
        changed = replace(entry, **changes)
        return self.save(
            self.build(
                body=changed.body,
                title=changed.title,
                tags=changed.tags,
                day=changed.date,
                record_id=changed.id,
            )
        )

    def entries(
        self, day_from: date | None = None, day_to: date | None = None, tag: str | None = None
    ) -> list[JournalEntry]:
        """Newest first; damaged entries are reported in ``damaged`` and skipped."""
        chosen = [entry for entry in self._read(day_from, day_to) if tag is None or has_tag(entry.tags, tag)]
        return sorted(chosen, key=lambda e: (e.date, e.updated_at, e.id), reverse=True)

    def to_pending(self, entry: JournalEntry) -> PendingRecord:
        return PendingRecord(KIND, entry.id, entry.to_payload(), entry.date)
