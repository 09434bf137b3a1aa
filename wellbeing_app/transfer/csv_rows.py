"""The rows of an imported CSV file with the line each starts on, so that every problem can name its line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from wellbeing_app.errors import InvalidInput


def csv_rows(text: str, *, strict: bool = False) -> Iterator[tuple[int, list[str]]]:
    """Each row that is not blank, with its first line; a row the csv module cannot read is InvalidInput.

    A quoted cell may span lines, so the line is the reader's count before the row, not a count of rows.
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=strict)
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # Only a strict reader stops there; a lax one reads the rest of the file into the open cell.
            reason = "a quote is never closed" if "unexpected end of data" in str(exc) else str(exc)
            raise InvalidInput(
                f"line {line}: the CSV cannot be read ({reason}).", field="file", line=line
            ) from None
        if any(cell.strip() for cell in row):
            yield line, row
