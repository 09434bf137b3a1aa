"""The "periods" section of the JSON export: ``{"id", "name", "kind", "from", "to"}`` ("to" null while open)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wellbeing_app import periods
from wellbeing_app.errors import InvalidInput
from wellbeing_app.periods import Period
from wellbeing_app.storage.records import PendingRecord, StoredRecord
from wellbeing_app.transfer.section import ExportRecord, ImportContext, Section


def period_to_export(record: StoredRecord) -> ExportRecord:
    return Period.from_values(record.payload, record_id=record.id).to_export_dict()


def period_from_export(values: Mapping[str, Any], record_id: str, _context: ImportContext) -> PendingRecord:
    for key in ("name", "from"):
        if not isinstance(values.get(key), str):
            raise InvalidInput(f"{key} is required as text.", field=key)
    if values.get("to") is not None and not isinstance(values.get("to"), str):
        raise InvalidInput(
            "to must be a date written as YYYY-MM-DD, or null while the period goes on.", field="to"
        )
    period = Period.from_values(values, record_id=record_id)
    return PendingRecord(periods.KIND, period.id, period.to_payload(), None)


SECTION = Section(
    name="periods",
    kind=periods.KIND,
    one="period",
    many="periods",
    to_export=period_to_export,
    from_export=period_from_export,
    sort_key=lambda item: (item["from"], item["name"].casefold(), item["id"]),
)
