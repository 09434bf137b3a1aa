"""`checkin list|edit|delete` and `journal show|edit|delete`: every saved record reachable from the command line.

Records are named by their id, or by its first characters (`checkin list` and `journal list` show eight), as
long as they name only one. Option values are checked before unlocking, with the same rules and messages as
adding (exit 2, nothing changed). Deleting asks first on a terminal; scripts say `--yes`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from wellbeing_app.cli.common import (
    MIN_ID_PREFIX,
    SHORT_ID,
    confirmed,
    date_value,
    day_range,
    human_date,
    one_line,
    read_stdin_text,
    scale_value,
    sleep_value,
    text_value,
    time_value,
    unlocked,
    warn_damaged,
)
from wellbeing_app.cli.context import CliContext
from wellbeing_app.errors import InvalidInput
from wellbeing_app.limits import MAX_BODY_LENGTH, MAX_NOTE_LENGTH, MAX_TITLE_LENGTH

if TYPE_CHECKING:
    from wellbeing_app.checkins import CheckIn
    from wellbeing_app.journal import JournalEntry


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)


def find_by_id(records: Sequence[R], given: str, what: str, list_command: str) -> R:
    """The one record whose id is ``given`` or starts with it."""
    wanted = given.strip().lower()
    if len(wanted) < MIN_ID_PREFIX:
        raise InvalidInput(
            f"Give at least {MIN_ID_PREFIX} characters of the {what}'s id ('{list_command}' shows them).",
            field="id",
        )
    found = [record for record in records if record.id == wanted] or [
        record for record in records if record.id.startswith(wanted)
    ]
    if not found:
        raise InvalidInput(f"No {what} has the id '{given}'; '{list_command}' shows them.", field="id")
    if len(found) > 1:
        raise InvalidInput(
            f"'{given}' is the start of {len(found)} ids; give more of it ('{list_command}' shows them).",
            field="id",
        )
    return found[0]


# -- check-ins ------------------------------------------------------------------------------------------------


def checkin_line(checkin: CheckIn) -> str:
    scales = [f"mood {checkin.mood}"]
    scales += [
        f"{name} {value}"
        for name, value in (("energy", checkin.energy), ("stress", checkin.stress))
        if value is not None
    ]
    if checkin.sleep_hours is not None:
        scales.append(f"sleep {checkin.sleep_hours:g} h")
    parts = [checkin.id[:SHORT_ID], f"{checkin.date.isoformat()} {checkin.time:%H:%M}", " · ".join(scales)]
    if checkin.tags:
        parts.append(f"[{', '.join(checkin.tags)}]")
    if checkin.note:
        note = one_line(checkin.note)
        parts.append(note if len(note) <= 60 else note[:59] + "…")
    return "  ".join(parts)


def checkin_moment(checkin: CheckIn) -> str:
    return f"{human_date(checkin.date)}, {checkin.time:%H:%M}"


def cmd_checkin_list(ctx: CliContext, args: argparse.Namespace) -> int:
    day_from, day_to = day_range(args.date_from, args.date_to)
    with unlocked(ctx) as services:
        checkins = list(reversed(services.checkins.between(day_from, day_to)))
        damaged = list(services.checkins.damaged)
    if args.json:
        ctx.out(json.dumps([checkin.to_export_dict() for checkin in checkins], ensure_ascii=False, indent=2))
    elif not checkins:
        ctx.out("No check-ins match." if (day_from or day_to) else "No check-ins yet.")
    else:
        for checkin in checkins:
            ctx.out(checkin_line(checkin))
    warn_damaged(ctx, damaged)
    return 0


def cmd_checkin_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    now = ctx.clock.now()
    changes: dict[str, object] = {}
    for name in ("mood", "energy", "stress"):
        value = scale_value(f"--{name}", getattr(args, name))
        if value is not None:
            changes[name] = value
    if args.sleep_hours is not None:
        changes["sleep_hours"] = sleep_value(args.sleep_hours)
    if args.tags is not None:
        changes["tags"] = tuple(args.tags)
    note_from_stdin = args.note == "-"
    if args.note is not None and not note_from_stdin:
        changes["note"] = text_value("--note", args.note, MAX_NOTE_LENGTH)
    day = date_value("--date", args.date, now.date())
    at = time_value(args.time)
    if not changes and not note_from_stdin and day is None and at is None:
        raise InvalidInput("Give at least one change, such as --mood 6 or --note TEXT.", field="checkin")
    with unlocked(ctx) as services:
        checkin = find_by_id(services.checkins.between(), args.id, "check-in", "wellbeing-app checkin list")
        if note_from_stdin:
            changes["note"] = read_stdin_text(ctx, "--note read from input", MAX_NOTE_LENGTH, "note")
        moved_day, moved_time = day or checkin.date, at or checkin.time
        if moved_day == now.date() and moved_time > now.time().replace(tzinfo=None):
            raise InvalidInput(
                f"--time {moved_time:%H:%M} today is later than now ({now:%H:%M}); check-ins can only be for "
                "the past.",
                field="time",
            )
        saved = services.checkins.update(checkin, date=moved_day, time=moved_time, **changes)
    ctx.out(f"Changed your check-in of {checkin_moment(saved)}.")
    return 0


def cmd_checkin_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    with unlocked(ctx) as services:
        checkin = find_by_id(services.checkins.between(), args.id, "check-in", "wellbeing-app checkin list")
        if not confirmed(
            ctx, args, f"Delete your check-in of {checkin_moment(checkin)} (mood {checkin.mood})?"
        ):
            ctx.out("Nothing was deleted.")
            return 0
        services.checkins.delete(checkin.id)
    ctx.out(f"Deleted your check-in of {checkin_moment(checkin)}.")
    return 0


# -- journal --------------------------------------------------------------------------------------------------


def cmd_journal_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with unlocked(ctx) as services:
        entry = find_by_id(services.journal.entries(), args.id, "journal entry", "wellbeing-app journal list")
    if args.json:
        ctx.out(json.dumps(entry.to_export_dict(), ensure_ascii=False, indent=2))
        return 0
    ctx.out(entry.display_title)
    tags = f"  [{', '.join(entry.tags)}]" if entry.tags else ""
    ctx.out(f"{human_date(entry.date)}{tags}")
    ctx.out("")
    ctx.out(entry.body)
    return 0


def entry_words(entry: JournalEntry) -> str:
    return f"your journal entry of {human_date(entry.date)} (“{one_line(entry.display_title)}”)"


def cmd_journal_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    changes: dict[str, object] = {}
    if args.title is not None:
        changes["title"] = text_value("--title", args.title, MAX_TITLE_LENGTH)
    if args.tags is not None:
        changes["tags"] = tuple(args.tags)
    day = date_value("--date", args.date, ctx.clock.now().date())
    if day is not None:
        changes["date"] = day
    from_stdin = args.text == "-"
    if args.text is not None and not from_stdin:
        changes["body"] = text_value("TEXT", args.text, MAX_BODY_LENGTH)
    if not changes and not from_stdin:
        raise InvalidInput(
            "Give at least one change: --title, --tag, --date, or the new text ('-' reads it from input).",
            field="entry",
        )
    with unlocked(ctx) as services:
        entry = find_by_id(services.journal.entries(), args.id, "journal entry", "wellbeing-app journal list")
        if from_stdin:
            changes["body"] = read_stdin_text(ctx, "The entry read from input", MAX_BODY_LENGTH, "entry")
        saved = services.journal.update(entry, **changes)
    ctx.out(f"Changed {entry_words(saved)}.")
    return 0


def cmd_journal_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    with unlocked(ctx) as services:
        entry = find_by_id(services.journal.entries(), args.id, "journal entry", "wellbeing-app journal list")
        if not confirmed(ctx, args, f"Delete {entry_words(entry)}?"):
            ctx.out("Nothing was deleted.")
            return 0
        services.journal.delete(entry.id)
    ctx.out(f"Deleted {entry_words(entry)}.")
    return 0


# -- registration ---------------------------------------------------------------------------------------------

ID_HELP = "the id, or its first characters (at least 4), as listed"


def register_checkin_actions(checkin: argparse.ArgumentParser) -> None:
    """`checkin list|edit|delete` beside `checkin --mood N` (which stays the way to add one)."""
    actions = checkin.add_subparsers(dest="checkin_command", metavar="ACTION")
    listing = actions.add_parser("list", help="list check-ins, newest first, with their ids")
    listing.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="from this day on")
    listing.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="up to this day")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(func=cmd_checkin_list)

    edit = actions.add_parser("edit", help="change a check-in; options not given are kept")
    edit.add_argument("id", metavar="ID", help=ID_HELP)
    edit.add_argument("--mood", metavar="N", help="0 (very low) to 10 (very good)")
    edit.add_argument("--energy", metavar="N", help="0 (exhausted) to 10 (full of energy)")
    edit.add_argument("--stress", metavar="N", help="0 (calm) to 10 (very stressed)")
    edit.add_argument("--sleep-hours", metavar="H", help="hours of sleep, 0 to 24 in steps of 0.5")
    edit.add_argument(
        "--tag",
        dest="tags",
        action="append",
        metavar="T",
        help='replaces the tags; repeat for more, "" for none',
    )
    edit.add_argument("--note", metavar="TEXT", help="replaces the note; '-' reads it from standard input")
    edit.add_argument("--date", metavar="YYYY-MM-DD", help="move it to this day (not in the future)")
    edit.add_argument("--time", metavar="HH:MM", help="move it to this time, 24-hour")
    edit.set_defaults(func=cmd_checkin_edit)

    delete = actions.add_parser("delete", help="delete a check-in (asks first)")
    delete.add_argument("id", metavar="ID", help=ID_HELP)
    delete.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    delete.set_defaults(func=cmd_checkin_delete)


def register_journal_actions(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = actions.add_parser("show", help="show one entry in full")
    show.add_argument("id", metavar="ID", help=ID_HELP)
    show.add_argument("--json", action="store_true", help="print JSON for scripts")
    show.set_defaults(func=cmd_journal_show)

    edit = actions.add_parser("edit", help="change an entry's title, tags, day or text")
    edit.add_argument("id", metavar="ID", help=ID_HELP)
    edit.add_argument("--title", metavar="T", help='a new title ("" for none)')
    edit.add_argument(
        "--tag",
        dest="tags",
        action="append",
        metavar="T",
        help='replaces the tags; repeat for more, "" for none',
    )
    edit.add_argument("--date", metavar="YYYY-MM-DD", help="move it to this day (not in the future)")
    edit.add_argument(
        "text", metavar="TEXT", nargs="?", help="the new text; '-' reads it from standard input"
    )
    edit.set_defaults(func=cmd_journal_edit)

    delete = actions.add_parser("delete", help="delete an entry (asks first)")
    delete.add_argument("id", metavar="ID", help=ID_HELP)
    delete.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    delete.set_defaults(func=cmd_journal_delete)
