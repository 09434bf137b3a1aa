"""Import of our own JSON export, and the merge step every importer shares.

An import is checked completely before anything is written, then written with one ``RecordStore.put_many``
call (one transaction), so a file with one bad record imports nothing. Records are merged by id: a record that
is already in the vault with the same content counts as unchanged and is not rewritten, so importing the same
file twice adds nothing. When both sides differ, the newer change wins (``changed_at`` in the export; a file
without change times, such as a Daylio export, counts as older than any change made in the app): an old export
or backup never overwrites a newer edit and never brings back a record deleted since, and the summary says how
many it kept. Between two copies that both lack a change time, the file wins, as an explicit import should.

Record numbers in messages count from 0, as in JSON paths: ``checkins[3]`` is the fourth check-in.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wellbeing_app import textcheck
from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.storage.newer import is_newer
from wellbeing_app.storage.records import PendingRecord, utc_stamp
from wellbeing_app.transfer.export import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ExportRecord,
    ImportContext,
    Progress,
    Section,
    Ticker,
    sections,
)

if TYPE_CHECKING:
    from wellbeing_app.services import Services

MAX_IMPORT_BYTES = 200_000_000  # years of daily check-ins and journal entries are a few MB


@dataclass
class SectionCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    """In the file, but changed or deleted here since: the vault's side was kept."""

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + self.kept_newer


@dataclass
class ImportSummary:
    """How many records of each section were added, updated (same id, new content) or already there."""

    sections: dict[str, SectionCounts] = field(default_factory=dict)

    @property
    def added(self) -> int:
        return sum(counts.added for counts in self.sections.values())

    @property
    def updated(self) -> int:
        return sum(counts.updated for counts in self.sections.values())

    @property
    def unchanged(self) -> int:
        return sum(counts.unchanged for counts in self.sections.values())

    @property
    def kept_newer(self) -> int:
        return sum(counts.kept_newer for counts in self.sections.values())

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + self.kept_newer

    def describe(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        if self.kept_newer:
            text += f", {self.kept_newer} kept as they are here because they were changed or deleted more recently"
        return text


@dataclass(frozen=True)
class Candidate:
    """One validated record to merge; ``where`` names it in messages ("checkins[3]", "line 7")."""

    section: Section
    record: PendingRecord
    where: str
    line: int | None = None


def read_import_file(path: Path) -> str:
    """The file's text (UTF-8, a byte-order mark tolerated), or InvalidInput saying why it cannot be read."""
    try:
        if path.is_file() and path.stat().st_size > MAX_IMPORT_BYTES:
            raise InvalidInput(
                f"{path} is larger than {MAX_IMPORT_BYTES // 10**6} MB, more than any export of this app; "
                "nothing was imported.",
                field="file",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.", field="file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder; give the export file itself.", field="file") from None
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read ({exc.strerror}).", field="file") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidInput(
            f"{path} is not UTF-8 text (line {line}); export it again from the original app.",
            field="file",
            line=line,
        ) from None


def _existing_exports(services: Services, section: Section, ids: set[str]) -> dict[str, ExportRecord | None]:
    """The export form of stored records of one section (None where the stored record cannot be read)."""
    result: dict[str, ExportRecord | None] = {}
    loaded = services.vault.store.load(section.kind)
    for record in loaded.records:
        if record.id in ids:
            try:
                result[record.id] = section.to_export(record)
            except (InvalidInput, DamagedRecord):
                result[record.id] = None
    for damaged in loaded.damaged:
        if damaged.record_id in ids:
            result[damaged.record_id] = None
    return result


def merge_candidates(
    services: Services,
    candidates: Sequence[Candidate],
    *,
    progress: Progress | None = None,
    total: int | None = None,
) -> ImportSummary:
    """Write the new and changed candidates in one transaction; count added, updated and unchanged.

    Candidates must have distinct ids. An id already used by a record of another kind is refused, since
    writing it would replace that record.
    """
    summary = ImportSummary({section.name: SectionCounts() for section in sections()})
    ids = [candidate.record.id for candidate in candidates]
    stored = services.vault.store.versions(ids)
    existing_ids: dict[str, set[str]] = {}
    for candidate in candidates:
        version = stored.get(candidate.record.id)
        if version is None:
            continue
        kind = version.kind
        if kind != candidate.record.kind:
            raise InvalidInput(
                f"{candidate.where}: the id {candidate.record.id} already belongs to a {kind} record in this "
                "vault; nothing was imported.",
                field="id",
                line=candidate.line,
            )
        existing_ids.setdefault(candidate.section.name, set()).add(candidate.record.id)
    existing: dict[str, ExportRecord | None] = {}
    for section in sections():
        if section.name in existing_ids:
            existing.update(_existing_exports(services, section, existing_ids[section.name]))

    to_write: list[PendingRecord] = []
    for candidate in candidates:
        counts = summary.sections.setdefault(candidate.section.name, SectionCounts())
        record_id = candidate.record.id
        version = stored.get(record_id)
        if version is None:
            counts.added += 1
        elif (
            not version.deleted
            and existing.get(record_id) is not None
            and existing[record_id] == candidate.section.canonical(candidate.record)
        ):
            counts.unchanged += 1
            continue
        elif not is_newer(candidate.record.changed_at, False, version.changed_at, version.deleted):
            counts.kept_newer += 1
            continue
        else:
            counts.updated += 1
        to_write.append(candidate.record)

    if to_write:
        # Kept with the file's change times; a record from a file without them keeps "time unknown", so any
        # edit or deletion made here later wins over the next import of that file. The newer side is checked
        # again as it is written: an edit saved in the window while the import ran stays.
        services.vault.store.put_many(to_write, stamp=False, only_newer=True)
    if progress is not None:
        done = len(candidates) if total is None else total
        progress(done, done)
    return summary


def export_record_id(values: Mapping[str, Any]) -> str:
    """The record's id as the export gives it, checked and normalised (the CSV import shares the rule)."""
    raw = values.get("id")
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidInput("id is required: the record's UUID.", field="id")
    try:
        return str(uuid.UUID(raw.strip()))
    except ValueError:
        raise InvalidInput(
            f"id must be a UUID (like 123e4567-e89b-12d3-a456-426614174000), not {raw!r}.", field="id"
        ) from None


def _changed_at(values: Mapping[str, Any]) -> str:
    """The record's change time from the export, normalised to UTC; empty when the file predates them."""
    raw = values.get("changed_at")
    if raw is None or raw == "":
        return ""
    if isinstance(raw, str):
        try:
            moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return utc_stamp(moment)
    raise InvalidInput(
        f"changed_at must be a UTC time like 2026-11-30T13:20:00.000000Z, not {raw!r}.", field="changed_at"
    )


def _parse_document(text: str) -> dict[str, Any]:
    try:
        document = textcheck.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
            field="file",
            line=exc.lineno,
        ) from None
    except RecursionError:
        raise InvalidInput("The file is nested too deeply to be an export.", field="file") from None
    if not isinstance(document, dict) or "format" not in document:
        raise InvalidInput(
            f'This file is not a Wellbeing Check-in export: it has no "format": "{EXPORT_FORMAT}".',
            field="format",
        )
    if document["format"] != EXPORT_FORMAT:
        raise InvalidInput(
            f"This file is not a Wellbeing Check-in export: its format is {document['format']!r}, "
            f'not "{EXPORT_FORMAT}".',
            field="format",
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidInput(
            f"The export has no usable version number ({version!r}); this app reads version {EXPORT_VERSION}.",
            field="version",
        )
    if version > EXPORT_VERSION:
        raise InvalidInput(
            f"This export was made by a newer version of the app (format version {version}); "
            "update the app to import it.",
            field="version",
        )
    if version != EXPORT_VERSION:
        raise InvalidInput(
            f"Export format version {version} is not supported; this app reads version {EXPORT_VERSION}.",
            field="version",
        )
    return document


def validate_export(
    text: str, context: ImportContext, *, progress: Progress | None = None
) -> list[Candidate]:
    """Every record of every known section, validated; unknown sections are ignored."""
    document = _parse_document(text)
    lists: list[tuple[Section, list[Any]]] = []
    for section in sections():
        items = document.get(section.name)
        if items is None:
            continue
        if not isinstance(items, list):
            raise InvalidInput(f'"{section.name}" must be a list of records.', field=section.name)
        lists.append((section, items))
    ticker = Ticker(progress, sum(len(items) for _, items in lists))
    candidates: list[Candidate] = []
    first_seen: dict[str, str] = {}
    for section, items in lists:
        for index, values in enumerate(items):
            where = f"{section.name}[{index}]"
            try:
                if not isinstance(values, dict):
                    raise InvalidInput("each record must be a JSON object.", field="record")
                record_id = export_record_id(values)
                if record_id in first_seen:
                    raise InvalidInput(
                        f"id {record_id} is used twice (also by {first_seen[record_id]}).", field="id"
                    )
                record = section.from_export(values, record_id, context)
                changed_at = _changed_at(values)
                if changed_at:
                    record = replace(record, changed_at=changed_at)
            except InvalidInput as exc:
                raise InvalidInput(f"{where}: {exc}", field=exc.field) from None
            first_seen[record_id] = where
            candidates.append(Candidate(section, record, where))
            ticker.tick()
    return candidates


def import_json(services: Services, text: str, *, progress: Progress | None = None) -> ImportSummary:
    """Import our own JSON export, atomically; see the module docstring."""
    context = ImportContext(services.clock.now(), services.vault.store.keyed_id)
    candidates = validate_export(text, context, progress=progress)
    return merge_candidates(services, candidates, progress=progress)


def import_json_file(services: Services, path: Path, *, progress: Progress | None = None) -> ImportSummary:
    return import_json(services, read_import_file(path), progress=progress)
