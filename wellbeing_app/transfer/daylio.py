"""Import of a Daylio CSV export as check-ins.

Daylio writes ``full_date,date,weekday,time,mood,activities,note_title,note``, one row per entry. Moods are
labels that users can rename, so they are mapped to our 0–10 scale: by default rad=9, good=7, meh=5, bad=3,
awful=1, and a mapping such as ``"great=9,fine=6"`` adds labels or changes their values (case-insensitive).
Activities (separated by " | ") become tags; the note title and the note become the check-in note, the title
on its own first line. Each row gets an id derived from its date, time, mood and note under the vault's id key
(see crypto/keyed_ids), so importing the same export again adds nothing; rows that repeat a date, time,
mood and note get ids of their own, so every row arrives. The import is atomic: one bad row means nothing is
imported, and the message names the row's line in the file and the field.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing_app import checkins
from wellbeing_app.checkins import CheckIn, check_not_future, parse_date
from wellbeing_app.errors import InvalidInput
from wellbeing_app.storage.records import PendingRecord
from wellbeing_app.transfer.csv_rows import csv_rows
from wellbeing_app.transfer.export import ImportContext, Progress, Ticker, section_named
from wellbeing_app.transfer.import_json import Candidate, ImportSummary, merge_candidates, read_import_file

if TYPE_CHECKING:
    from wellbeing_app.services import Services

DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
REQUIRED_COLUMNS = ("full_date", "time", "mood")
DEFAULT_MOODS: dict[str, int] = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
ACTIVITY_SEPARATOR = "|"
MAX_COLUMNS = 64
MAPPING_FIELD = "daylio-moods"
_NAMESPACE = uuid.UUID("0d5c8f3e-6a71-4c1b-9b8e-5d2f7a4e9c30")
_BREAK = re.compile(r"[ \t]*<br\s*/?>", re.IGNORECASE)
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(?:([AaPp])\.?\s*[Mm]\.?)?$")


def parse_mood_mapping(text: str) -> dict[str, int]:
    """``"label=N,..."`` → {label (case-folded): N}; anything else raises InvalidInput (field "daylio-moods")."""
    mapping: dict[str, int] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        label, equals, number = part.rpartition("=")
        label = " ".join(label.split()).casefold()
        if not equals or not label:
            raise InvalidInput(
                f'The Daylio mood mapping has "{part.strip()}", which is not label=N; '
                'write it like "rad=9,good=7,meh=5".',
                field=MAPPING_FIELD,
            )
        try:
            value = int(number.strip())
        except ValueError:
            value = -1
        if not 0 <= value <= 10:
            raise InvalidInput(
                f'In the Daylio mood mapping, "{part.strip()}" needs a whole number from 0 to 10 after "=".',
                field=MAPPING_FIELD,
            )
        mapping[label] = value
    if not mapping:
        raise InvalidInput(
            'The Daylio mood mapping is empty; write it like "rad=9,good=7,meh=5".', field=MAPPING_FIELD
        )
    return mapping


def mood_scale(overrides: Mapping[str, int] | None = None) -> dict[str, int]:
    """The default labels, with ``overrides`` added or replacing them (labels compared case-insensitively)."""
    scale = dict(DEFAULT_MOODS)
    for label, value in (overrides or {}).items():
        scale[" ".join(label.split()).casefold()] = value
    return scale


def parse_daylio_time(text: str) -> str:
    """ "10:04 PM", "10:04 pm", "9:05 a.m." or "22:04" → "22:04"; InvalidInput otherwise."""
    match = _TIME.match(text.strip())
    if match is not None:
        hour, minute, half = int(match[1]), int(match[2]), match[3]
        if half is not None and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half.lower() == "p" else 0)
        elif half is not None:
            hour = 99
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    raise InvalidInput(f'the time {text.strip()!r} is not a time like "10:04 PM" or "22:04".', field="time")


def daylio_note(title: str, note: str) -> str:
    """The title on its own line, then the note; Daylio's <br> tags become line breaks."""
    parts = [_BREAK.sub("\n", part).replace("\r\n", "\n").strip() for part in (title, note)]
    return "\n".join(part for part in parts if part)


def daylio_id(full_date: str, time: str, mood: str, note: str) -> str:
    """A stable id for one Daylio row, so that importing the same export again adds nothing."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join((full_date, time, mood.casefold(), note))))


def _known_moods(scale: Mapping[str, int]) -> str:
    """rad=9, good=7, ...: the labels in messages, best mood first."""
    return ", ".join(f"{name}={value}" for name, value in sorted(scale.items(), key=lambda kv: -kv[1]))


def check_mood_labels(
    header: Mapping[str, int], rows: list[tuple[int, list[str]]], scale: Mapping[str, int]
) -> None:
    """Name every unknown mood label at once (with the line it first appears on), so one run fixes the mapping."""
    position = header["mood"]
    unknown: dict[str, tuple[str, int]] = {}
    for line, row in rows:
        label = " ".join(row[position].split())
        if label and label.casefold() not in scale:
            unknown.setdefault(label.casefold(), (label, line))
    if len(unknown) < 2:
        return  # none, or one: the row's own message names it with its line
    known = _known_moods(scale)
    named = ", ".join(f"{label!r} (line {line})" for label, line in unknown.values())
    first_line = min(line for _label, line in unknown.values())
    wanted = ",".join(f"{label}=N" for label, _line in unknown.values())
    raise InvalidInput(
        f"line {first_line}: the moods {named} are not known Daylio mood labels (known: {known}); "
        f'add them to the mood mapping, like --daylio-moods "{wanted}".',
        field="mood",
        line=first_line,
    )


def repeat_id(record: PendingRecord, earlier: int, keyed_id: Callable[[str], str]) -> str:
    """The id of a row whose date, time, mood and note match ``earlier`` rows before it in the file.

    Such rows are separate check-ins in Daylio (often with other activities), so each gets its own id, made
    from its content and its place among the repeats (and keyed like every content-derived id): importing the
    same file again still adds nothing, and the first row keeps the id earlier versions of the app gave it.
    """
    content = json.dumps(record.payload, sort_keys=True, ensure_ascii=False)
    return keyed_id(str(uuid.uuid5(_NAMESPACE, "\x1f".join((record.id, content, str(earlier))))))


def _rows(text: str) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The header's column positions and each non-empty row with the line where it starts."""
    header: dict[str, int] | None = None
    width = 0
    rows: list[tuple[int, list[str]]] = []
    # strict: an unclosed quote is an error at its line, not the rest of the file swallowed into one note.
    for line, row in csv_rows(text, strict=True):
        if header is None:
            if len(row) > MAX_COLUMNS:
                raise InvalidInput(
                    f"line {line}: the header has {len(row)} columns; a Daylio export has about "
                    f"{len(DAYLIO_COLUMNS)} (at most {MAX_COLUMNS} are read).",
                    field="header",
                    line=line,
                )
            names = [cell.strip().lower() for cell in row]
            repeated = sorted({name for name in names if name and names.count(name) > 1})
            if repeated:
                raise InvalidInput(
                    f"line {line}: the column {repeated[0]!r} appears more than once in the header; "
                    "export the file again from Daylio.",
                    field="header",
                    line=line,
                )
            missing = [name for name in REQUIRED_COLUMNS if name not in names]
            if missing:
                raise InvalidInput(
                    f"line {line}: this does not look like a Daylio export; the first line should be "
                    f"{','.join(DAYLIO_COLUMNS)} (missing: {', '.join(missing)}).",
                    field="header",
                    line=line,
                )
            header = {name: position for position, name in enumerate(names)}
            width = len(names)
            continue
        if len(row) != width:
            raise InvalidInput(
                f"line {line}: the row has {len(row)} fields but the header has {width}; "
                "check for a missing quote or comma.",
                field="row",
                line=line,
            )
        rows.append((line, row))
    if header is None:
        raise InvalidInput("The file is empty; there is nothing to import.", field="file")
    return header, rows


def _row_to_record(
    line: int, row: list[str], header: Mapping[str, int], scale: Mapping[str, int], context: ImportContext
) -> PendingRecord:
    def cell(name: str) -> str:
        position = header.get(name)
        return row[position] if position is not None else ""

    try:
        raw_date = cell("full_date").strip()
        if not raw_date:
            raise InvalidInput("full_date is empty; it should be a date like 2024-03-15.", field="full_date")
        day = check_not_future(parse_date(raw_date, "full_date"), context.today, "full_date")
        at = parse_daylio_time(cell("time"))
        label = " ".join(cell("mood").split())
        mood = scale.get(label.casefold())
        if mood is None:
            raise InvalidInput(
                f"the mood {label!r} is not a known Daylio mood label (known: {_known_moods(scale)}); "
                f'add "{label or "label"}=N" to the mood mapping (--daylio-moods).',
                field="mood",
            )
        note = daylio_note(cell("note_title"), cell("note"))
        activities = [part for part in cell("activities").split(ACTIVITY_SEPARATOR) if part.strip()]
        checkin = CheckIn.from_values(
            {"time": at, "mood": mood, "tags": activities, "note": note},
            record_id=context.keyed_id(daylio_id(day.isoformat(), at, label, note)),
            day=day,
        )
    except InvalidInput as exc:
        field = "activities" if exc.field == "tags" else exc.field
        raise InvalidInput(f"line {line}: {exc}", field=field, line=line) from None
    return PendingRecord(checkins.KIND, checkin.id, checkin.to_payload(), checkin.date)


def _validate(
    text: str, context: ImportContext, moods: Mapping[str, int] | None, progress: Progress | None
) -> tuple[list[Candidate], int]:
    header, rows = _rows(text)
    scale = mood_scale(moods)
    check_mood_labels(header, rows, scale)
    section = section_named("checkins")
    ticker = Ticker(progress, len(rows))
    by_id: dict[str, Candidate] = {}
    seen: Counter[str] = Counter()
    for line, row in rows:
        record = _row_to_record(line, row, header, scale, context)
        earlier = seen[record.id]
        seen[record.id] += 1
        if earlier:
            record = replace(record, id=repeat_id(record, earlier, context.keyed_id))
        by_id[record.id] = Candidate(section, record, f"line {line}", line)
        ticker.tick()
    return list(by_id.values()), len(rows)


def validate_daylio(
    text: str,
    context: ImportContext,
    *,
    moods: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> list[Candidate]:
    """Every row as a validated check-in, repeated rows included (each is a check-in in Daylio)."""
    return _validate(text, context, moods, progress)[0]


def import_daylio(
    services: Services,
    text: str,
    *,
    moods: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import a Daylio CSV export's text as check-ins, atomically."""
    candidates, rows = _validate(
        text, ImportContext(services.clock.now(), services.vault.store.keyed_id), moods, progress
    )
    return merge_candidates(services, candidates, progress=progress, total=rows)


def import_daylio_file(
    services: Services,
    path: Path,
    *,
    moods: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    return import_daylio(services, read_import_file(path), moods=moods, progress=progress)
