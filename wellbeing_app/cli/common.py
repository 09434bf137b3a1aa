"""What the command modules share: option values checked before unlocking, dates in words, the unlocked vault,
and the calm note about records that could not be read.

Option values are checked before the vault is unlocked, and every problem names the option and what it
accepts (exit 2, nothing changed).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing_app.cli.context import CliContext
from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.textcheck import read_text

if TYPE_CHECKING:
    from wellbeing_app.services import Services

SHORT_ID = 8  # characters of a record's id that the list commands show
MIN_ID_PREFIX = 4  # the fewest a command takes to name a record
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNENCRYPTED_NOTE = "This file is not encrypted: keep it somewhere private and delete it when you are done."


def human_date(day: date) -> str:
    """25 Nov 2026 (English month names whatever the locale, like the rest of the messages)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# -- option values, checked before unlocking ------------------------------------------------------------------


def scale_value(option: str, text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        raise InvalidInput(
            f"{option} must be a whole number from 0 to 10, not '{text}'.", field=option.lstrip("-")
        ) from None
    if not 0 <= value <= 10:
        raise InvalidInput(
            f"{option} must be a whole number from 0 to 10, not {value}.", field=option.lstrip("-")
        )
    return value


def sleep_value(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        hours = float(text.strip())
    except ValueError:
        shown = f"'{text}'"
    else:
        if 0 <= hours <= 24 and hours * 2 == int(hours * 2):
            return hours
        shown = text.strip()
    raise InvalidInput(
        f"--sleep-hours must be a number of hours from 0 to 24 in steps of 0.5, not {shown}.",
        field="sleep_hours",
    )


def day_value(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f"{option} must be a date written as YYYY-MM-DD (like 2026-03-15), not '{text}'.",
            field=option.lstrip("-"),
        ) from None


def day_range(date_from: str | None, date_to: str | None) -> tuple[date | None, date | None]:
    """--from and --to of a list command; either may be left out, but not given the wrong way round."""
    day_from = day_value("--from", date_from)
    day_to = day_value("--to", date_to)
    if day_from and day_to and day_from > day_to:
        raise InvalidInput(
            f"--from {day_from.isoformat()} is after --to {day_to.isoformat()}; swap them.", field="from"
        )
    return day_from, day_to


def date_value(option: str, text: str | None, today: date) -> date | None:
    """A day that is today or earlier."""
    day = day_value(option, text)
    if day is not None and day > today:
        raise InvalidInput(
            f"{option} {day.isoformat()} is in the future; use today ({today.isoformat()}) or an earlier day.",
            field=option.lstrip("-"),
        )
    return day


def time_value(text: str | None) -> time | None:
    if text is None:
        return None
    try:
        hours, minutes = text.strip().split(":")
        if len(hours) not in (1, 2) or len(minutes) != 2:
            raise ValueError(text)
        return time(int(hours), int(minutes))
    except ValueError:
        raise InvalidInput(
            f"--time must be a time written as HH:MM (24-hour, 00:00 to 23:59), not '{text}'.", field="time"
        ) from None


def text_value(option: str, text: str | None, limit: int) -> str:
    value = text or ""
    if len(value) > limit:
        raise InvalidInput(
            f"{option} is {len(value):,} characters long; the limit is {limit:,}.", field=option.lstrip("-")
        )
    return value


def read_stdin_text(ctx: CliContext, label: str, limit: int, what: str) -> str:
    """Private text from standard input rather than the command line (where shell history keeps it).

    Called once unlocked, so that a wrong passphrase does not swallow what was typed.
    """
    if ctx.is_terminal():
        print(
            f"Write your {what}, then press Ctrl-D (Ctrl-Z, Enter on Windows) to save it.",
            file=ctx.stderr,
        )
    return text_value(label, read_text(ctx.stdin, label).rstrip("\r\n"), limit)


def check_new_file(out: Path) -> None:
    """Refused before unlocking: an export never overwrites a file, and its folder must exist."""
    if out.exists() or out.is_symlink():
        raise InvalidInput(
            f"{out} already exists; it was left untouched. Choose a new file name for the export.",
            field="out",
        )
    if not out.parent.is_dir():
        raise InvalidInput(
            f"The folder {out.parent} does not exist; choose another place for the export.", field="out"
        )


def deliver_export(ctx: CliContext, out: Path | None, text: str, what: str) -> None:
    """The export on standard output or in the new file ``out``, and the note that it is not encrypted."""
    if out is None:
        ctx.stdout.write(text)
        ctx.stdout.flush()
        print(UNENCRYPTED_NOTE.replace("This file", "This export"), file=ctx.stderr)
        return
    from wellbeing_app.transfer import write_export

    write_export(out, text)
    ctx.out(f"Exported {what} to {out}.")
    ctx.out(UNENCRYPTED_NOTE)


def _load_services() -> None:
    import wellbeing_app.services  # noqa: F401 - loads while the key is derived (CliContext.open_vault)


@contextmanager
def unlocked(ctx: CliContext) -> Iterator[Services]:
    vault = ctx.open_vault(load=_load_services)
    try:
        from wellbeing_app.services import Services

        yield Services(vault, ctx.clock)
    finally:
        vault.lock()


def warn_damaged(ctx: CliContext, damaged: list[DamagedRecord]) -> None:
    if damaged:
        count = len(damaged)
        records = "record" if count == 1 else "records"
        print(
            f"Note: {count} {records} could not be read and {'is' if count == 1 else 'are'} left out; "
            "run 'wellbeing-app verify' for details.",
            file=ctx.stderr,
        )


def one_line(text: str) -> str:
    return " ".join(text.split())


def confirmed(ctx: CliContext, args: argparse.Namespace, question: str) -> bool:
    """--yes, else a y on the terminal; with neither, refuse rather than delete unasked."""
    if args.yes:
        return True
    if not ctx.is_terminal():
        raise InvalidInput(
            "Deleting needs a yes: run this in a terminal to be asked, or add --yes.", field="yes"
        )
    print(f"{question} [y/N] ", end="", file=ctx.stderr, flush=True)
    return ctx.stdin.readline().strip().lower() in {"y", "yes"}
