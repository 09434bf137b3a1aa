"""The "checkins" and "journal" sections of the JSON export."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wellbeing_app import checkins, journal
from wellbeing_app.checkins import CheckIn, parse_time
from wellbeing_app.errors import InvalidInput
from wellbeing_app.journal import JournalEntry
from wellbeing_app.storage.records import PendingRecord, StoredRecord
from wellbeing_app.transfer.section import (
    ExportRecord,
    ImportContext,
    Section,
    optional_text,
    require_date,
    tag_list,
)

# -- check-ins ------------------------------------------------------------------------------------------------


def _checkin_to_export(record: StoredRecord) -> ExportRecord:
    return CheckIn.from_record(record).to_export_dict()


def _checkin_from_export(values: Mapping[str, Any], record_id: str, context: ImportContext) -> PendingRecord:
    day = require_date(values, context)
    raw_time = values.get("time")
    if not isinstance(raw_time, str) or not raw_time.strip():
        raise InvalidInput("time is required, written as HH:MM (24-hour).", field="time")
    parse_time(raw_time)
    cleaned = dict(values, note=optional_text(values, "note"), tags=tag_list(values))
    checkin = CheckIn.from_values(cleaned, record_id=record_id, day=day)
    return PendingRecord(checkins.KIND, checkin.id, checkin.to_payload(), checkin.date)


def _checkin_sort_key(item: ExportRecord) -> tuple[Any, ...]:
    return (item["date"], item["time"], item["id"])


# -- journal --------------------------------------------------------------------------------------------------


def _journal_to_export(record: StoredRecord) -> ExportRecord:
    return JournalEntry.from_record(record).to_export_dict()


def _journal_from_export(values: Mapping[str, Any], record_id: str, context: ImportContext) -> PendingRecord:
    day = require_date(values, context)
    if not isinstance(values.get("body"), str):
        raise InvalidInput("body is required: the text of the entry.", field="body")
    cleaned = {
        "title": optional_text(values, "title"),
        "body": values["body"],
        "tags": tag_list(values),
        "updated_at": context.now.isoformat(timespec="seconds"),
    }
    entry = JournalEntry.from_values(cleaned, record_id=record_id, day=day)
    return PendingRecord(journal.KIND, entry.id, entry.to_payload(), entry.date)


def _journal_sort_key(item: ExportRecord) -> tuple[Any, ...]:
    return (item["date"], item["id"])


CHECKINS = Section(
    name="checkins",
    kind=checkins.KIND,
    one="check-in",
    many="check-ins",
    to_export=_checkin_to_export,
    from_export=_checkin_from_export,
    sort_key=_checkin_sort_key,
)
JOURNAL = Section(
    name="journal",
    kind=journal.KIND,
    one="journal entry",
    many="journal entries",
    to_export=_journal_to_export,
    from_export=_journal_from_export,
    sort_key=_journal_sort_key,
)
