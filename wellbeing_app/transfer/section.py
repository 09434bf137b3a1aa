"""What a section of the JSON export is: one top-level list, backed by one record kind.

The record-kind registry (``wellbeing_app.record_kinds``) lists the sections; export and import walk it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from wellbeing_app.checkins import check_not_future, parse_date
from wellbeing_app.errors import InvalidInput
from wellbeing_app.storage.records import PendingRecord, StoredRecord

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while records are read or written, for a progress bar."""

ExportRecord = dict[str, Any]


@dataclass(frozen=True)
class ImportContext:
    """What a section's parser may need besides the record: 'today' (no future dates), 'now', and the
    vault's ``keyed_id`` for records whose id is derived from their content (see crypto/keyed_ids)."""

    now: datetime
    keyed_id: Callable[[str], str]

    @property
    def today(self) -> date:
        return self.now.date()


@dataclass(frozen=True)
class Section:
    """One top-level list of the export, backed by one record kind.

    ``to_export`` turns a stored record into its export object (raising ``DamagedRecord`` or ``InvalidInput``
    when the stored payload cannot be read). ``from_export`` validates one export object, whose ``id`` has been
    checked and normalised already, and returns the record to store; problems raise ``InvalidInput`` naming the
    field, which the importer prefixes with the section and record number. ``sort_key`` orders the export so
    that exporting the same records twice gives the same document.
    """

    name: str
    kind: str
    one: str
    many: str
    to_export: Callable[[StoredRecord], ExportRecord]
    from_export: Callable[[Mapping[str, Any], str, ImportContext], PendingRecord]
    sort_key: Callable[[ExportRecord], tuple[Any, ...]]

    def describe(self, count: int) -> str:
        return f"{count} {self.one if count == 1 else self.many}"

    def canonical(self, record: PendingRecord) -> ExportRecord:
        """The export form of a record about to be written, to tell 'unchanged' from 'updated'."""
        return self.to_export(StoredRecord(record.id, record.kind, record.day, record.payload))


# -- shared validation for section parsers ------------------------------------------------------------------


def require_date(values: Mapping[str, Any], context: ImportContext, key: str = "date") -> date:
    raw = values.get(key)
    if raw is None or raw == "":
        raise InvalidInput(f"{key} is required, written as YYYY-MM-DD.", field=key)
    if not isinstance(raw, str):
        raise InvalidInput(f"{key} must be a date written as YYYY-MM-DD, not {raw!r}.", field=key)
    return check_not_future(parse_date(raw, key), context.today, key)


def optional_text(values: Mapping[str, Any], key: str) -> str:
    raw = values.get(key)
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise InvalidInput(f"{key} must be text or null, not {raw!r}.", field=key)
    return raw


def tag_list(values: Mapping[str, Any], key: str = "tags") -> list[str]:
    raw = values.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(tag, str) for tag in raw):
        raise InvalidInput(f'{key} must be a list of texts, like ["night shift"].', field=key)
    return list(raw)
