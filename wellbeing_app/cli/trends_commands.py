"""`period add|list|end|remove`, `trends` and `report`: life periods, the figures over a range, and the PDF.

A period is named by its id or by the first characters of it (at least 4, as long as they name only one).
`report` is drawn by the desktop front end's renderer, found by entry point so the core never imports Qt; it
needs no display.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing_app.cli.common import (
    MIN_ID_PREFIX,
    SHORT_ID,
    confirmed,
    day_value,
    human_date,
    unlocked,
    warn_damaged,
)
from wellbeing_app.cli.context import CliContext
from wellbeing_app.errors import InvalidInput
from wellbeing_app.period_kinds import KIND_WORDS, PERIOD_KINDS

if TYPE_CHECKING:
    from wellbeing_app.periods import Period
    from wellbeing_app.services import Services
    from wellbeing_app.trends import Figures


def find_period(services: Services, text: str) -> Period:
    wanted = text.strip().casefold()
    if len(wanted) < MIN_ID_PREFIX:
        raise InvalidInput(
            f"Give at least {MIN_ID_PREFIX} characters of the period's id ('wellbeing-app period list' shows them).",
            field="id",
        )
    matches = [period for period in services.periods.periods() if period.id.startswith(wanted)]
    if not matches:
        raise InvalidInput(
            f"No period has an id starting with {text!r}; 'wellbeing-app period list' shows them.", field="id"
        )
    if len(matches) > 1:
        raise InvalidInput(
            f"{len(matches)} periods have ids starting with {text!r}; give more of the id.", field="id"
        )
    return matches[0]


def period_line(period: Period) -> str:
    until = human_date(period.end) if period.end else "now"
    when = f"{human_date(period.start)} – {until}"
    return f"{period.id[:SHORT_ID]}  {when}  {KIND_WORDS[period.kind]}: {period.name}"


def cmd_period_add(ctx: CliContext, args: argparse.Namespace) -> int:
    start = day_value("--from", args.start)
    end = day_value("--to", args.end)
    with unlocked(ctx) as services:
        period = services.periods.add(args.name, start, end, args.kind)
        ctx.out(f"Added {period_line(period)}")
    return 0


def cmd_period_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with unlocked(ctx) as services:
        periods = services.periods.periods()
        warn_damaged(ctx, services.periods.damaged)
    if args.json:
        ctx.out(json.dumps([period.to_export_dict() for period in periods], ensure_ascii=False, indent=2))
    elif not periods:
        ctx.out("No periods yet. Add one with: wellbeing-app period add NAME --from YYYY-MM-DD")
    else:
        for period in periods:
            ctx.out(period_line(period))
    return 0


def cmd_period_end(ctx: CliContext, args: argparse.Namespace) -> int:
    on = day_value("--on", args.on)
    with unlocked(ctx) as services:
        period = find_period(services, args.id)
        ended = services.periods.end(period.id, on or ctx.clock.now().date())
        ctx.out(f"Ended {period_line(ended)}")
    return 0


def cmd_period_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    with unlocked(ctx) as services:
        period = find_period(services, args.id)
        if not confirmed(ctx, args, f"Remove the period {period.name!r}? Your check-ins stay as they are."):
            ctx.out("Nothing was removed.")
            return 0
        services.periods.delete(period.id)
        ctx.out(f"Removed the period {period.name!r}.")
    return 0


def _number(value: float | None, unit: str = "") -> str:
    return "–" if value is None else f"{value:.1f}{unit}"


def figures_line(numbers: Figures) -> str:
    if not numbers.days_with_data:
        return "no check-ins"
    share = "–" if numbers.low_days_share is None else f"{numbers.low_days_share:.0%}"
    return (
        f"{numbers.days_with_data} days; mood {_number(numbers.mood_mean)} (± {_number(numbers.mood_sd)}), "
        f"low days {share}, energy {_number(numbers.energy_mean)}, stress {_number(numbers.stress_mean)}, "
        f"sleep {_number(numbers.sleep_mean, ' h')}"
    )


def cmd_trends(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.trends_data import TrendsSource

    first, last = day_value("--from", args.start), day_value("--to", args.end)
    if first and last and last < first:
        raise InvalidInput("--to is before --from; give the earlier day first.", field="to")
    with unlocked(ctx) as services:
        source = TrendsSource.load(services)
        warn_damaged(ctx, source.damaged)
    data = source.for_range(first, last)
    if args.json:
        ctx.out(json.dumps(data.to_json(), ensure_ascii=False, indent=2))
        return 0
    ctx.out(f"{human_date(data.first)} – {human_date(data.last)}: {figures_line(data.overall)}")
    for period, numbers in data.periods:
        ctx.out(f"  {KIND_WORDS[period.kind]} {period.name!r}: {figures_line(numbers)}")
    for item in data.after_return:
        ctx.out(f"After {item.period.name!r}:")
        ctx.out(f"  30 days before: {figures_line(item.before)}")
        ctx.out(f"  during:         {figures_line(item.during)}")
        for days, after in zip((30, 90), item.after, strict=False):
            ctx.out(f"  {days} days after:{' ' if days < 100 else ''} {figures_line(after)}")
    differences = [*data.tags, *([data.short_sleep] if data.short_sleep else [])]
    if differences:
        ctx.out("What went together with your mood:")
        for difference in differences:
            ctx.out(f"  {difference.sentence()}")
    return 0


def cmd_report(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.report import build_report, pdf_renderer

    out = Path(args.out)
    if out.exists() or out.is_symlink():
        raise InvalidInput(
            f"{out} already exists; it was left untouched. Choose a new file name.", field="out"
        )
    first, last = day_value("--from", args.start), day_value("--to", args.end)
    render = pdf_renderer()
    with unlocked(ctx) as services:
        report = build_report(services, first, last, include_notes=args.include_notes)
    render(report, out)
    ctx.out(
        f"Wrote the report for {human_date(report.data.first)} – {human_date(report.data.last)} to {out}."
    )
    ctx.out("The PDF is not encrypted: share it only with people you choose.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    period = subparsers.add_parser(
        "period", help="life periods (a deployment, leave, training) that Trends compares"
    )
    actions = period.add_subparsers(dest="period_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a period", description="Add a named period, e.g. a deployment.")
    add.add_argument("name", help='its name, e.g. "Angola feeding centre"')
    add.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="its first day")
    add.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", help="its last day (leave out while it goes on)"
    )
    add.add_argument("--kind", default="deployment", choices=PERIOD_KINDS, help="default: deployment")
    add.set_defaults(func=cmd_period_add)
    listing = actions.add_parser("list", help="list your periods")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(func=cmd_period_list)
    end = actions.add_parser("end", help="end a period that is still going on")
    end.add_argument("id", help="the period's id, or its first characters")
    end.add_argument("--on", metavar="YYYY-MM-DD", help="its last day (default today)")
    end.set_defaults(func=cmd_period_end)
    remove = actions.add_parser("remove", help="remove a period (your check-ins stay)")
    remove.add_argument("id", help="the period's id, or its first characters")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.set_defaults(func=cmd_period_remove)

    trends = subparsers.add_parser(
        "trends",
        help="your figures over a range, by period, and what went with your mood",
        description="Means and spread of daily mood, energy, stress and sleep, the share of low days, "
        "each period side by side, before / during / after each deployment, and which tags went with a "
        "different mood. It shows what went together, never what caused what.",
    )
    trends.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: your first check-in)"
    )
    trends.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default today)")
    trends.add_argument("--json", action="store_true", help="print JSON for scripts")
    trends.set_defaults(func=cmd_trends)

    report = subparsers.add_parser(
        "report",
        help="a PDF of your trends to bring to occupational health or your doctor, if you choose",
        description="Writes a PDF with the mood chart, the figures, periods, before / during / after "
        "each deployment, and your WHO-5 and burnout answers. No note or journal text unless "
        "--include-notes. Never overwrites a file; needs no display.",
    )
    report.add_argument("--out", required=True, metavar="FILE.pdf", help="the new PDF file")
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: a year back)")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default today)")
    report.add_argument("--include-notes", action="store_true", help="add your check-in notes to the report")
    report.set_defaults(func=cmd_report)
