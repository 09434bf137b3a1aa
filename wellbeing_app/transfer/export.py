"""Decrypted export of the vault: one JSON document (every section) or a CSV of check-ins.

The JSON document is ``{"format": "wellbeing-app-export", "version": 1, "exported_at": ..., <section>: [...]}``
(see docs/export-format.md). Each top-level list is a *section* backed by one record kind. Sections are registered
here with :func:`register_section`; the importer reads the same registry, so a later record kind (contacts,
instruments, periods) becomes exportable and importable by registering one :class:`Section`.

Export files are not encrypted. :func:`write_export` creates them exclusively and readable by this user only,
and never overwrites an existing file.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wellbeing_app import checkins, journal
from wellbeing_app.checkins import CheckIn, check_not_future, parse_date, parse_time
from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.journal import JournalEntry
from wellbeing_app.storage.records import PendingRecord, StoredRecord

if TYPE_CHECKING:
    from wellbeing_app.services import Services

EXPORT_FORMAT = "wellbeing-app-export"
EXPORT_VERSION = 1
CSV_COLUMNS = ("id", "date", "time", "mood", "energy", "stress", "sleep_hours", "tags", "note")
CSV_TAG_SEPARATOR = ";"

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


_SECTIONS: dict[str, Section] = {}


def register_section(section: Section) -> None:
    """Add (or replace) a section; the export lists sections in the order they were first registered."""
    for other in _SECTIONS.values():
        if other.kind == section.kind and other.name != section.name:
            raise ValueError(f"record kind {section.kind!r} already exported as {other.name!r}")
    _SECTIONS[section.name] = section


def sections() -> tuple[Section, ...]:
    return tuple(_SECTIONS.values())


def section_for_kind(kind: str) -> Section | None:
    return next((section for section in _SECTIONS.values() if section.kind == kind), None)


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


register_section(
    Section(
        name="checkins",
        kind=checkins.KIND,
        one="check-in",
        many="check-ins",
        to_export=_checkin_to_export,
        from_export=_checkin_from_export,
        sort_key=_checkin_sort_key,
    )
)
register_section(
    Section(
        name="journal",
        kind=journal.KIND,
        one="journal entry",
        many="journal entries",
        to_export=_journal_to_export,
        from_export=_journal_from_export,
        sort_key=_journal_sort_key,
    )
)


# -- export ---------------------------------------------------------------------------------------------------


@dataclass
class ExportResult:
    """The export text, how many records each section holds, and the records that could not be read."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)
    damaged: list[DamagedRecord] = field(default_factory=list)

    def describe(self) -> str:
        parts = [
            _SECTIONS[name].describe(count)
            for name, count in self.counts.items()
            if name in _SECTIONS and count
        ]
        if not parts:
            return "nothing"
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


class _Ticker:
    """Calls progress about a hundred times over a run, plus at the start and at the end."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self.total = total
        self._step = max(1, total // 100)
        self.done = 0
        if progress is not None:
            progress(0, total)

    def tick(self) -> None:
        self.done += 1
        if self._progress is not None and self.done % self._step == 0 and self.done < self.total:
            self._progress(self.done, self.total)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total, self.total)


def _collect(
    services: Services, chosen: Iterable[Section], progress: Progress | None
) -> tuple[dict[str, list[ExportRecord]], list[DamagedRecord]]:
    store = services.vault.store
    loaded = {section.name: store.load(section.kind) for section in chosen}
    ticker = _Ticker(progress, sum(len(result.records) for result in loaded.values()))
    damaged: list[DamagedRecord] = []
    collected: dict[str, list[ExportRecord]] = {}
    for name, result in loaded.items():
        section = _SECTIONS[name]
        damaged.extend(result.damaged)
        items: list[ExportRecord] = []
        for record in result.records:
            try:
                items.append({**section.to_export(record), "changed_at": record.changed_at or None})
            except (InvalidInput, DamagedRecord):
                damaged.append(DamagedRecord(section.kind, record.id, "has unreadable values"))
            ticker.tick()
        items.sort(key=section.sort_key)
        collected[name] = items
    ticker.finish()
    return collected, damaged


def export_document(
    services: Services, *, progress: Progress | None = None
) -> tuple[dict[str, Any], ExportResult]:
    """The export as a JSON-able dict, with counts and damaged records (the text is left empty)."""
    collected, damaged = _collect(services, sections(), progress)
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": services.clock.now().isoformat(timespec="seconds"),
        **collected,
    }
    counts = {name: len(items) for name, items in collected.items()}
    return document, ExportResult("", counts, damaged)


def export_json(services: Services, *, progress: Progress | None = None) -> ExportResult:
    """Every section as one JSON document (UTF-8 text, not ASCII-escaped, two-space indent)."""
    document, result = export_document(services, progress=progress)
    result.text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return result


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return CSV_TAG_SEPARATOR.join(str(item) for item in value)
    return str(value)


def export_csv(services: Services, *, progress: Progress | None = None) -> ExportResult:
    """Check-ins only, one row each, with the JSON export's columns; tags joined by ';', missing values empty."""
    collected, damaged = _collect(services, [_SECTIONS["checkins"]], progress)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in collected["checkins"]:
        writer.writerow([_csv_cell(item.get(column)) for column in CSV_COLUMNS])
    return ExportResult(buffer.getvalue(), {"checkins": len(collected["checkins"])}, damaged)


def write_export(path: Path, text: str) -> None:
    """Create ``path`` (never overwriting anything, mode 0600) and write the export into it.

    An existing file, or a link where the file would go, is refused with ``InvalidInput`` and left untouched.
    If writing fails half-way, the partial file is removed.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        raise InvalidInput(
            f"{path} already exists; it was left untouched. Choose a new file name for the export.",
            field="out",
        ) from None
    except OSError as exc:
        raise InvalidInput(f"The export cannot be written to {path} ({exc.strerror}).", field="out") from exc
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InvalidInput(
                f"The export could not be written to {path} ({exc.strerror}); nothing was kept.", field="out"
            ) from exc
        raise
