"""`checkin`, `journal add|list|search`, `export` and `import`: the diary from the command line.

Option values are checked before the vault is unlocked, and every problem names the option and what it
accepts (exit 2, nothing changed). Output is short and calm; `--json` output is for scripts.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing_app.cli.common import (
    SHORT_ID,
    check_new_file,
    date_value,
    day_range,
    deliver_export,
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
from wellbeing_app.errors import IntegrityError, InvalidInput
from wellbeing_app.limits import MAX_BODY_LENGTH, MAX_NOTE_LENGTH, MAX_TITLE_LENGTH

if TYPE_CHECKING:
    from wellbeing_app.services import Services
    from wellbeing_app.transfer import ExportResult

# -- checkin --------------------------------------------------------------------------------------------------


def cmd_checkin(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.mood is None:
        raise InvalidInput(
            "A check-in needs --mood N (0 very low to 10 very good); 'checkin list', 'checkin edit ID' and "
            "'checkin delete ID' reach the saved ones.",
            field="mood",
        )
    now = ctx.clock.now()
    mood = scale_value("--mood", args.mood)
    energy = scale_value("--energy", args.energy)
    stress = scale_value("--stress", args.stress)
    sleep = sleep_value(args.sleep_hours)
    day = date_value("--date", args.date, now.date())
    at = time_value(args.time)
    if at is not None and (day is None or day == now.date()) and at > now.time().replace(tzinfo=None):
        raise InvalidInput(
            f"--time {at:%H:%M} today is later than now ({now:%H:%M}); check-ins can only be for the past.",
            field="time",
        )
    note_from_stdin = args.note == "-"
    note = "" if note_from_stdin else text_value("--note", args.note, MAX_NOTE_LENGTH)
    with unlocked(ctx) as services:
        if note_from_stdin:
            note = read_stdin_text(ctx, "--note read from input", MAX_NOTE_LENGTH, "note")
        saved = services.checkins.add(
            mood=mood,
            energy=energy,
            stress=stress,
            sleep_hours=sleep,
            tags=args.tags or (),
            note=note,
            day=day,
            at=at,
        )
    ctx.out(f"Saved your check-in for {human_date(saved.date)}, {saved.time:%H:%M}.")
    return 0


# -- journal --------------------------------------------------------------------------------------------------


def cmd_journal_add(ctx: CliContext, args: argparse.Namespace) -> int:
    day = date_value("--date", args.date, ctx.clock.now().date())
    title = text_value("--title", args.title, MAX_TITLE_LENGTH)
    from_stdin = args.text == "-"
    if not from_stdin:
        body = text_value("TEXT", args.text, MAX_BODY_LENGTH)
        if not body.strip():
            raise InvalidInput(
                "The entry is empty; write a few words, or '-' to read them from input.", field="body"
            )
    with unlocked(ctx) as services:
        if from_stdin:
            body = read_stdin_text(ctx, "The entry read from input", MAX_BODY_LENGTH, "entry")
        entry = services.journal.add(body=body, title=title, tags=list(args.tags or ()), day=day)
    ctx.out(f"Saved your journal entry for {human_date(entry.date)}.")
    return 0


def cmd_journal_list(ctx: CliContext, args: argparse.Namespace) -> int:
    day_from, day_to = day_range(args.date_from, args.date_to)
    with unlocked(ctx) as services:
        entries = services.journal.entries(day_from, day_to, args.tag)
        damaged = list(services.journal.damaged)
    if args.json:
        ctx.out(json.dumps([entry.to_export_dict() for entry in entries], ensure_ascii=False, indent=2))
    elif not entries:
        ctx.out(
            "No journal entries match."
            if (args.date_from or args.date_to or args.tag)
            else "No journal entries yet."
        )
    else:
        for entry in entries:
            tags = f"  [{', '.join(entry.tags)}]" if entry.tags else ""
            ctx.out(f"{entry.id[:SHORT_ID]}  {entry.date.isoformat()}  {one_line(entry.display_title)}{tags}")
    warn_damaged(ctx, damaged)
    return 0


def cmd_journal_search(ctx: CliContext, args: argparse.Namespace) -> int:
    query = " ".join(args.words)
    if not query.strip():
        raise InvalidInput("Give at least one word to search for.", field="words")
    with unlocked(ctx) as services:
        hits = services.search.search(query)
    if args.json:
        ctx.out(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False, indent=2))
    elif not hits:
        ctx.out(f"Nothing found for “{query}”.")
    else:
        for hit in hits:
            kind = "journal" if hit.kind == "journal" else "check-in"
            title = one_line(hit.title)
            # An untitled entry's title is its first line, which the snippet usually repeats.
            found = hit.snippet if hit.snippet.startswith(title) else f"{title}: {hit.snippet}"
            ctx.out(f"{hit.date.isoformat()}  {kind:<8}  {found}")
    return 0


# -- export and import ----------------------------------------------------------------------------------------


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser() if args.out else None
    chosen = args.format or ("csv" if out is not None and out.suffix.lower() == ".csv" else "json")
    if out is not None:
        check_new_file(out)
    from wellbeing_app.transfer import export_csv, export_json

    exporter: Callable[[Services], ExportResult] = export_csv if chosen == "csv" else export_json
    with unlocked(ctx) as services:
        result = exporter(services)
    deliver_export(ctx, out, result.text, result.describe())
    if result.damaged:
        # The readable records were exported; a backup script should still hear that some are missing.
        count = len(result.damaged)
        raise IntegrityError(
            f"{count} damaged {'record was' if count == 1 else 'records were'} left out of the export "
            "(everything else is in it); run 'wellbeing-app verify' for details."
        )
    return 0


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.restore import is_backup_file
    from wellbeing_app.transfer import import_daylio, import_json, parse_mood_mapping, read_import_file
    from wellbeing_app.transfer.import_csv import detect_format, import_checkin_csv

    path = Path(args.file).expanduser()
    moods = parse_mood_mapping(args.daylio_moods) if args.daylio_moods is not None else None
    if args.format == "backup" or (args.format is None and is_backup_file(path)):
        chosen, text = "backup", ""
    else:
        text = read_import_file(path)
        chosen = args.format or detect_format(str(path), text)
    if moods is not None and chosen != "daylio":
        raise InvalidInput(
            "--daylio-moods applies only to Daylio imports (--format daylio).", field="daylio-moods"
        )
    if chosen == "backup":
        return _merge_backup(ctx, path)
    with unlocked(ctx) as services:
        if chosen == "daylio":
            summary = import_daylio(services, text, moods=moods)
        elif chosen == "csv":
            summary = import_checkin_csv(services, text)
        else:
            summary = import_json(services, text)
    source = {"daylio": "Daylio export", "csv": "check-ins CSV"}.get(chosen, "export")
    ctx.out(f"Imported the {source} {path.name}: {summary.describe()}.")
    return 0


def _merge_backup(ctx: CliContext, path: Path) -> int:
    from wellbeing_app.merge_backup import merge_backup

    with unlocked(ctx) as services:
        summary = merge_backup(services, path)
    ctx.out(f"Merged the backup {path.name}: {summary.describe()}.")
    return 0


# -- registration ---------------------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from wellbeing_app.cli.record_commands import register_checkin_actions, register_journal_actions

    checkin = subparsers.add_parser(
        "checkin",
        help="save a check-in (mood 0-10, and optionally energy, stress, sleep, tags and a note); list, edit "
        "or delete them",
        description="Save a check-in with --mood. Scales go from 0 to 10 (mood: 0 very low, 10 very good; "
        "stress: 10 most stressed). Date and time default to now; earlier days can be filled in. "
        "The actions list, edit and delete reach the saved check-ins.",
    )
    checkin.add_argument("--mood", metavar="N", help="0 (very low) to 10 (very good); needed to save one")
    checkin.add_argument("--energy", metavar="N", help="0 (exhausted) to 10 (full of energy)")
    checkin.add_argument("--stress", metavar="N", help="0 (calm) to 10 (very stressed)")
    checkin.add_argument("--sleep-hours", metavar="H", help="hours of sleep, 0 to 24 in steps of 0.5")
    checkin.add_argument(
        "--tag",
        dest="tags",
        action="append",
        metavar="T",
        help='a tag such as "night shift"; repeat for more',
    )
    checkin.add_argument(
        "--note",
        metavar="TEXT",
        help=f"a note, up to {MAX_NOTE_LENGTH:,} characters; '-' reads it from standard input",
    )
    checkin.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today; not in the future)")
    checkin.add_argument("--time", metavar="HH:MM", help="the time, 24-hour (default now)")
    checkin.set_defaults(func=cmd_checkin)
    register_checkin_actions(checkin)

    journal = subparsers.add_parser(
        "journal", help="add, list, search, show, edit and delete journal entries"
    )
    actions = journal.add_subparsers(dest="journal_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="write a journal entry")
    add.add_argument("--title", metavar="T", help="an optional title")
    add.add_argument("--tag", dest="tags", action="append", metavar="T", help="a tag; repeat for more")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today; not in the future)")
    add.add_argument("text", metavar="TEXT", help="the entry; '-' reads it from standard input")
    add.set_defaults(func=cmd_journal_add)
    listing = actions.add_parser("list", help="list entries, newest first")
    listing.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="from this day on")
    listing.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="up to this day")
    listing.add_argument("--tag", metavar="T", help="only entries with this tag")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(func=cmd_journal_list)
    search = actions.add_parser("search", help="find entries and check-in notes containing all the words")
    search.add_argument("words", nargs="+", metavar="WORDS", help="words to find (case and accents ignored)")
    search.add_argument("--json", action="store_true", help="print JSON for scripts")
    search.set_defaults(func=cmd_journal_search)
    register_journal_actions(actions)

    export = subparsers.add_parser(
        "export",
        help="write a decrypted copy of check-ins, journal, contacts and questionnaires (not encrypted!)",
        description="Write a decrypted copy of your check-ins, journal, contacts and questionnaires (JSON), or "
        "of your check-ins alone (CSV), to a new file or standard output. The copy is not encrypted.",
    )
    export.add_argument(
        "--format", choices=("json", "csv"), help="json (everything, default) or csv (check-ins only)"
    )
    export.add_argument(
        "--out", metavar="FILE", help="a new file to write (default: standard output); never overwritten"
    )
    export.set_defaults(func=cmd_export)

    importing = subparsers.add_parser(
        "import",
        help="import our JSON or CSV export, a Daylio CSV export, or merge a backup of this vault (the kind "
        "is recognised); what is newer here is kept",
    )
    importing.add_argument("file", metavar="FILE", help="the file to import")
    importing.add_argument(
        "--format",
        choices=("json", "csv", "daylio", "backup"),
        help="json or csv (our exports), daylio, or backup (a backup of this vault, merged); default: from "
        "the content, else the file name",
    )
    importing.add_argument(
        "--daylio-moods",
        metavar='"label=N,..."',
        help="Daylio mood labels and their 0-10 values (default rad=9,good=7,meh=5,bad=3,awful=1)",
    )
    importing.set_defaults(func=cmd_import)
