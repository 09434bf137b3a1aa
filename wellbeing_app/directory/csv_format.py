"""CSV directory files: one contact per row, lists joined by ";", as spreadsheets save them.

Errors name the physical line where the record starts (the header is line 1), which is the number a
spreadsheet or text editor shows even when a quoted note spans several lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date

from wellbeing_app.directory.models import Contact, ContactKind
from wellbeing_app.directory.rows import FIELD_NAMES, LIST_FIELDS, RawRecord, build_contacts
from wellbeing_app.directory.text import decode_content
from wellbeing_app.errors import InvalidInput

_ALIASES = {"organization": "organisation", "language": "languages", "tag": "tags", "time_zone": "timezone"}
_COLUMNS_HELP = "The columns are: " + ", ".join(FIELD_NAMES) + "."


def parse_csv(
    content: bytes | str,
    *,
    source_name: str,
    imported_on: date,
    default_kind: ContactKind | None = None,
    notes: list[str] | None = None,
) -> list[Contact]:
    text = decode_content(content)
    if not text.strip():
        raise InvalidInput("The file is empty. A directory CSV starts with a header line. " + _COLUMNS_HELP)
    return build_contacts(
        _records(text),
        source_name=source_name,
        imported_on=imported_on,
        default_kind=default_kind,
        notes=notes,
    )


def export_csv(contacts: Iterable[Contact], *, excel_bom: bool = False) -> str:
    """``excel_bom`` adds the byte-order mark Excel needs to show non-Latin names correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELD_NAMES)
    for contact in contacts:
        row = contact.to_export_dict()
        writer.writerow(_cell(row[name], name) for name in FIELD_NAMES)
    return ("\ufeff" if excel_bom else "") + out.getvalue()


def _cell(value: object, name: str) -> str:
    if value is None:
        return ""
    if name in LIST_FIELDS and isinstance(value, list):
        # A lone item with a comma ends with ";", or reading it back would split it at the comma.
        return ";".join(value) + (";" if len(value) == 1 and "," in value[0] else "")
    return str(value)


def _records(text: str) -> Iterator[RawRecord]:
    first_line = text.split("\n", 1)[0]
    delimiter = (
        "," if "," in first_line else ";" if ";" in first_line else "\t" if "\t" in first_line else ","
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str | None] | None = None
    last_line = 0
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _csv_problem(error, start) from None
        last_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = _header(row, start)
            continue
        extra = row[len(header) :]
        if any(cell.strip() for cell in extra):
            raise InvalidInput(
                f"Line {start}: this row has {len(row)} values but the header has {len(header)} columns. "
                "A value that contains a comma needs quotes around it.",
                line=start,
            )
        values = {name: cell for name, cell in zip(header, row, strict=False) if name is not None}
        yield RawRecord(values, f"Line {start}", start)


def _header(row: list[str], line: int) -> list[str | None]:
    names: list[str | None] = []
    for cell in row:
        name = "_".join(cell.strip().casefold().split())
        name = _ALIASES.get(name, name)
        if not name:
            names.append(None)
            continue
        if name not in FIELD_NAMES:
            raise InvalidInput(
                f"Line {line}: the column '{cell.strip()}' is not known. {_COLUMNS_HELP}", line=line
            )
        if name in names:
            raise InvalidInput(f"Line {line}: the column '{name}' appears twice.", line=line)
        names.append(name)
    if "name" not in names:
        raise InvalidInput(f"Line {line}: the header has no 'name' column. {_COLUMNS_HELP}", line=line)
    return names


def _csv_problem(error: csv.Error, line: int) -> InvalidInput:
    if "unexpected end of data" in str(error):
        message = f"Line {line}: a quoted value is never closed, so the file ends inside quotes."
    else:
        message = (
            f"Line {line}: this row is not valid CSV ({error}). Put quotes around a value that contains "
            'a comma, quote or line break, and write a quote inside it as "".'
        )
    return InvalidInput(message, line=line)
