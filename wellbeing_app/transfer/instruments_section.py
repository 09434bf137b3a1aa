"""The "instruments" section of the export: completed WHO-5 and burnout questionnaires.

Each export object is ``InstrumentResult.to_export_dict()``::

    {"id": "…", "date": "2026-11-20", "kind": "who5", "answers": [3, 2, 3, 2, 3], "score": 13}

``score`` is the raw sum (WHO-5 0–25, burnout 1–5). On import every answer is checked against its
questionnaire's range, the score must equal the sum of the answers, and the date cannot be in the future.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wellbeing_app.checkins import parse_date
from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments import InstrumentResult
from wellbeing_app.instruments.store import INSTRUMENT_KIND, check_questionnaire_date
from wellbeing_app.storage.records import PendingRecord, StoredRecord
from wellbeing_app.transfer.section import ExportRecord, ImportContext, Section

SECTION_NAME = "instruments"


def instrument_to_export(record: StoredRecord) -> ExportRecord:
    """Raises ``InvalidInput`` when the stored payload is not a complete questionnaire (reported as damaged)."""
    result = InstrumentResult.from_payload(record.payload)
    if result.id != record.id or result.date != record.day:
        raise InvalidInput("The stored questionnaire does not match its record.", field="id")
    return result.to_export_dict()


def instrument_from_export(
    values: Mapping[str, Any], record_id: str, context: ImportContext
) -> PendingRecord:
    raw = values.get("date")
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidInput(f"date is required, written as YYYY-MM-DD, not {raw!r}.", field="date")
    day = check_questionnaire_date(parse_date(raw, "date"), context.today)
    result = InstrumentResult.from_payload({**values, "id": record_id, "date": day.isoformat()})
    return PendingRecord(INSTRUMENT_KIND, result.id, result.to_payload(), result.date)


def instrument_sort_key(item: ExportRecord) -> tuple[Any, ...]:
    return (item["date"], item["kind"], item["id"])


SECTION = Section(
    name=SECTION_NAME,
    kind=INSTRUMENT_KIND,
    one="questionnaire",
    many="questionnaires",
    to_export=instrument_to_export,
    from_export=instrument_from_export,
    sort_key=instrument_sort_key,
)
