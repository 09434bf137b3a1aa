"""Import of our own CSV export of check-ins (`export --format csv`), and telling the import formats apart.

The CSV has the JSON export's check-in fields as columns (tags joined by ";", missing values empty), so each row
is validated exactly like a check-in of the JSON export and merged by its id: the export round-trips, and
importing it twice adds nothing. Like every import it is all or nothing, and a problem names its line.
"""

from __future__ import annotations

import csv
from pathlib import PurePath
from typing import TYPE_CHECKING

from wellbeing_app.errors import InvalidInput
from wellbeing_app.transfer.csv_rows import csv_rows
from wellbeing_app.transfer.export import (
    CSV_COLUMNS,
    CSV_TAG_SEPARATOR,
    ImportContext,
    Progress,
    section_named,
)
from wellbeing_app.transfer.import_json import Candidate, ImportSummary, export_record_id, merge_candidates

if TYPE_CHECKING:
    from wellbeing_app.services import Services


def _header(text: str) -> list[str]:
    first = text.removeprefix("\ufeff").lstrip("\r\n").splitlines()[:1]
    try:
        return [cell.strip().lower() for cell in next(csv.reader(first))] if first else []
    except (csv.Error, StopIteration):
        return []


def detect_format(name: str, text: str) -> str:
    """json, csv (our check-ins) or daylio, from how the file begins, else from its name's extension."""
    start = text.lstrip("\ufeff \t\r\n")
    header = _header(text)
    if start.startswith("{"):
        return "json"
    if tuple(header) == CSV_COLUMNS:
        return "csv"
    if header[:1] == ["full_date"]:
        return "daylio"
    suffix = PurePath(name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".csv":
        return "daylio"  # its own check names the columns a Daylio export should have
    raise InvalidInput(
        f"Cannot tell what kind of file {name} is; add --format json (our export), csv (our check-ins CSV) "
        "or daylio.",
        field="format",
    )


def _values(row: list[str]) -> dict[str, object]:
    values: dict[str, object] = dict(zip(CSV_COLUMNS, row, strict=True))
    tags = str(values["tags"])
    values["tags"] = [tag for tag in tags.split(CSV_TAG_SEPARATOR) if tag.strip()]
    for column in ("energy", "stress", "sleep_hours"):
        if values[column] == "":
            values[column] = None
    return values


def validate_checkin_csv(text: str, context: ImportContext) -> list[Candidate]:
    section = section_named("checkins")
    candidates: list[Candidate] = []
    first_seen: dict[str, int] = {}
    header_seen = False
    for line, row in csv_rows(text):
        if not header_seen:
            if tuple(cell.strip().lower() for cell in row) != CSV_COLUMNS:
                raise InvalidInput(
                    f"line {line}: the first line should be {','.join(CSV_COLUMNS)}, as the app exports it.",
                    field="header",
                    line=line,
                )
            header_seen = True
            continue
        try:
            if len(row) != len(CSV_COLUMNS):
                raise InvalidInput(
                    f"the row has {len(row)} fields but the header has {len(CSV_COLUMNS)}; "
                    "check for a missing quote or comma.",
                    field="row",
                )
            values = _values(row)
            record_id = export_record_id(values)
            if record_id in first_seen:
                raise InvalidInput(
                    f"id {record_id} is used twice (also on line {first_seen[record_id]}).", field="id"
                )
            record = section.from_export(values, record_id, context)
        except InvalidInput as exc:
            raise InvalidInput(f"line {line}: {exc}", field=exc.field, line=line) from None
        first_seen[record_id] = line
        candidates.append(Candidate(section, record, f"line {line}", line))
    if not header_seen:
        raise InvalidInput("The file is empty; there is nothing to import.", field="file")
    return candidates


def import_checkin_csv(services: Services, text: str, *, progress: Progress | None = None) -> ImportSummary:
    """Import our CSV export of check-ins, atomically."""
    candidates = validate_checkin_csv(
        text, ImportContext(services.clock.now(), services.vault.store.keyed_id)
    )
    return merge_candidates(services, candidates, progress=progress)
