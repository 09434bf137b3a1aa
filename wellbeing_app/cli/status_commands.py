"""`instrument who5|burnout` and `status`: the questionnaires and the status note from the command line.

Option values are checked before the vault is unlocked, and every problem names the option and what it
accepts (exit 2, nothing changed). `status` goes through the same `StatusService` as the desktop app, so both
give the same answer; for today it also records the episode, exactly as opening the app does. Wording is calm
and kind: it describes what the check-ins show and who could help, and never names a condition.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from wellbeing_app.cli.common import date_value, human_date, unlocked, warn_damaged
from wellbeing_app.cli.context import CliContext
from wellbeing_app.cli.directory_commands import CRISIS_HINT, ways_to_reach
from wellbeing_app.cli.support_commands import locale_name
from wellbeing_app.errors import InvalidInput

if TYPE_CHECKING:
    from wellbeing_app.crisis import CrisisEntry
    from wellbeing_app.directory import Suggestion
    from wellbeing_app.status import StatusReport

ADD_CONTACTS_HINT = (
    "Import your organisation's directory with 'wellbeing-app directory import FILE', or add someone "
    "with 'wellbeing-app directory add'."
)
# By ContactKind value (a StrEnum), so that building the parser does not load the directory package.
_KIND_WORDS = {
    "peer_supporter": "peer supporter",
    "debrief_contact": "debrief contact",
    "professional_service": "professional support service",
}


def locale_country(environ: Mapping[str, str]) -> str:
    """The region of LC_ALL or LANG (as `crisis` uses), else GB: for crisis lines when the profile has none."""
    from wellbeing_app.crisis import default_country

    return default_country(locale_name(environ))


# -- instrument -----------------------------------------------------------------------------------------------


def who5_value(text: str) -> tuple[int, ...]:
    from wellbeing_app.instruments import parse_who5_answers

    try:
        return parse_who5_answers(text)
    except InvalidInput as error:
        raise InvalidInput(f"--answers: {error}", field="answers") from None


def burnout_value(text: str) -> int:
    from wellbeing_app.instruments import parse_burnout_answer

    try:
        return parse_burnout_answer(text)
    except InvalidInput as error:
        raise InvalidInput(f"--answer: {error}", field="answer") from None


def cmd_instrument_who5(ctx: CliContext, args: argparse.Namespace) -> int:
    answers = who5_value(args.answers)
    day = date_value("--date", args.date, ctx.clock.now().date())
    with unlocked(ctx) as services:
        saved = services.instruments.add("who5", answers, day)
    ctx.out(
        f"Saved your WHO-5 answers for {human_date(saved.date)} (total {saved.score} of 25). "
        "Thank you; only you can see them."
    )
    return 0


def cmd_instrument_burnout(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.instruments import burnout

    answer = burnout_value(args.answer)
    day = date_value("--date", args.date, ctx.clock.now().date())
    with unlocked(ctx) as services:
        saved = services.instruments.add("burnout", [answer], day)
    ctx.out(
        f"Saved your answer to the burnout question for {human_date(saved.date)}: "
        f"\u201c{burnout.statement(saved.score)}\u201d Thank you."
    )
    return 0


# -- status ---------------------------------------------------------------------------------------------------


def crisis_text(entries: tuple[CrisisEntry, ...]) -> list[str]:
    """The emergency number first, then each line on one line of its own."""
    numbers = [entry.phone for entry in entries if entry.kind == "emergency" and entry.phone]
    emergency = " or ".join(numbers) if numbers else "your local emergency number"
    lines = ["If you need someone right now:", f"  In an emergency, call {emergency}."]
    for entry in entries:
        if entry.kind == "emergency":
            continue
        details = " · ".join(value for value in (entry.phone, entry.sms, entry.hours, entry.url) if value)
        line = f"  {entry.name}: {details}" if details else f"  {entry.name}"
        if entry.caution:
            line += f" ({entry.caution})"
        lines.append(line)
    return lines


def suggestion_text(number: int, suggestion: Suggestion) -> list[str]:
    contact = suggestion.contact
    lines = [f"{number}. {contact.name} ({_KIND_WORDS[contact.kind]}) — {suggestion.why_text}"]
    reach = ways_to_reach(contact)
    if reach:
        lines.append(f"   {reach}")
    return lines


def status_text(report: StatusReport) -> list[str]:
    """Calm lines: at red the crisis lines first; then the level in words, what was noticed, who could help."""
    from wellbeing_app.detection import Level
    from wellbeing_app.status import EMPTY_DIRECTORY_PROMPT

    result = report.result
    lines: list[str] = []
    if report.crisis_lines:
        lines += [*crisis_text(report.crisis_lines), ""]
    if report.level is Level.GREEN and result.stale:
        lines.append(report.headline)
        return lines
    lines.append(report.headline)
    if report.level is Level.GREEN and result.summary:
        lines.append(result.summary)
    lines.append(report.zone_note)
    if result.reasons:
        lines += ["", "What the app noticed:"]
        lines += [f"  - {reason.message}" for reason in result.reasons]
    if result.stale and result.reminder:
        lines += ["", result.reminder]
    if report.level >= Level.ORANGE:
        lines.append("")
        if report.suggestions:
            lines.append("People you could reach out to:")
            for number, suggestion in enumerate(report.suggestions, start=1):
                lines += suggestion_text(number, suggestion)
        elif report.add_contacts_prompt:
            lines += [EMPTY_DIRECTORY_PROMPT, ADD_CONTACTS_HINT]
        if report.level is Level.ORANGE:
            lines += ["", CRISIS_HINT]
    return lines


def cmd_status(ctx: CliContext, args: argparse.Namespace) -> int:
    as_of = date_value("--as-of", args.as_of, ctx.clock.now().date())
    with unlocked(ctx) as services:
        services.status.fallback_country = locale_country(ctx.environ)
        report = services.status.status(as_of)
    if args.json:
        ctx.out(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in status_text(report):
            ctx.out(line)
    warn_damaged(ctx, list(report.damaged))
    return 0


# -- registration ---------------------------------------------------------------------------------------------


def who5_description() -> str:
    """The form's own words (its owners ask for them unchanged), numbered as --answers takes them."""
    from textwrap import fill

    from wellbeing_app.instruments import who5

    statements = "\n".join(f"  {number}. {item}" for number, item in enumerate(who5.ITEMS, start=1))
    scale = "\n".join(f"  {value} {label}" for value, label in who5.OPTIONS)
    return (
        f"{who5.TITLE}\n\n{fill(who5.INSTRUCTION, 78)}\n\n{who5.COLUMN_HEADER}:\n{statements}\n\n"
        f"Each answer is one of:\n{scale}\n\nGive the five answers in this order, e.g. --answers 3,4,3,2,4."
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    instrument = subparsers.add_parser(
        "instrument", help="answer the WHO-5 well-being questions or the burnout question"
    )
    kinds = instrument.add_subparsers(dest="instrument_command", metavar="QUESTIONNAIRE", required=True)
    who5 = kinds.add_parser(
        "who5",
        help="the five WHO-5 statements about the last two weeks, each 0-5",
        description=who5_description(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    who5.add_argument(
        "--answers", required=True, metavar="A,B,C,D,E", help="five whole numbers from 0 to 5, e.g. 3,4,5,2,1"
    )
    who5.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today; not in the future)")
    who5.set_defaults(func=cmd_instrument_who5)
    burnout_parser = kinds.add_parser(
        "burnout",
        help="the single burnout question, 1-5",
        description="Answer the burnout question: 1 (I enjoy my work, no symptoms of burnout) to 5 "
        "(completely burned out).",
    )
    burnout_parser.add_argument("--answer", required=True, metavar="N", help="a whole number from 1 to 5")
    burnout_parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the day (default today; not in the future)"
    )
    burnout_parser.set_defaults(func=cmd_instrument_burnout)

    status = subparsers.add_parser(
        "status",
        help="how things look from your recent check-ins, and who could help",
        description="A calm summary of your recent check-ins and questionnaires, with suggestions of who to "
        "reach out to when things have been hard. It is a prompt to notice a hard stretch, never a "
        "medical finding.",
    )
    status.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="show what the app would have shown on this day (default today)"
    )
    status.add_argument("--json", action="store_true", help="print JSON for scripts")
    status.set_defaults(func=cmd_status)
