"""Decrypted export of the vault: one JSON document (every section) or a CSV of check-ins.

The JSON document is ``{"format": "wellbeing-app-export", "version": 1, "exported_at": ..., <section>: [...]}``
(see docs/export-format.md). Each top-level list is a *section* backed by one record kind; the record-kind
registry (``wellbeing_app.record_kinds``) lists them, and export and import both walk it. Every exported record
also carries ``changed_at``, so that importing it into another copy keeps the newer side.

Export files are not encrypted. :func:`write_export` creates them exclusively and readable by this user only,
and never overwrites an existing file.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.transfer.section import ExportRecord, ImportContext, Progress, Section

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "ExportRecord",
    "ExportResult",
    "ImportContext",
    "Progress",
    "Section",
    "Ticker",
    "export_csv",
    "export_document",
    "export_json",
    "section_named",
    "sections",
    "write_export",
]

if TYPE_CHECKING:
    from wellbeing_app.services import Services

EXPORT_FORMAT = "wellbeing-app-export"
EXPORT_VERSION = 1
CSV_COLUMNS = ("id", "date", "time", "mood", "energy", "stress", "sleep_hours", "tags", "note")
CSV_TAG_SEPARATOR = ";"


def sections() -> tuple[Section, ...]:
    """The export's sections, in the record-kind registry's order."""
    # Imported here: the registry imports every section module, and they import this package.
    from wellbeing_app import record_kinds

    return record_kinds.export_sections()


def section_named(name: str) -> Section:
    return next(section for section in sections() if section.name == name)


# -- export ---------------------------------------------------------------------------------------------------


@dataclass
class ExportResult:
    """The export text, how many records each section holds, and the records that could not be read."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)
    damaged: list[DamagedRecord] = field(default_factory=list)

    def describe(self) -> str:
        parts = [
            section.describe(self.counts[section.name])
            for section in sections()
            if self.counts.get(section.name)
        ]
        if not parts:
            return "nothing"
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


class Ticker:
    """Calls progress about a hundred times over a run, plus at the start (and at the end, with ``finish``)."""

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
    ticker = Ticker(progress, sum(len(result.records) for result in loaded.values()))
    damaged: list[DamagedRecord] = []
    collected: dict[str, list[ExportRecord]] = {}
    for name, result in loaded.items():
        section = section_named(name)
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
    collected, damaged = _collect(services, [section_named("checkins")], progress)
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
