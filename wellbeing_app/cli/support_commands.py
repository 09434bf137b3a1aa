"""`profile set|show`, `support` and `crisis`: who the user is, who could help, and the crisis lines.

`crisis` needs no vault and no passphrase: someone in distress must never be asked for one first. The country it
uses is `--country`, else the one saved with `profile set --country` (kept unencrypted for exactly this), else
the locale's.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from wellbeing_app.cli.common import unlocked, warn_damaged
from wellbeing_app.cli.context import CliContext
from wellbeing_app.cli.directory_commands import (
    CRISIS_HINT,
    DEFAULT_SUPPORT_LIMIT,
    kind_words,
    ways_to_reach,
)
from wellbeing_app.crisis_country import save_crisis_country, saved_crisis_country
from wellbeing_app.errors import InvalidInput

if TYPE_CHECKING:
    from wellbeing_app.directory import Profile, Suggestion


# -- profile --------------------------------------------------------------------------------------------------


def profile_dict(profile: Profile) -> dict[str, Any]:
    return {
        "experience_tags": list(profile.experience_tags),
        "languages": list(profile.languages),
        "country": profile.country,
    }


def cmd_profile_set(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.crisis import load_crisis_lines
    from wellbeing_app.directory import Profile

    if args.tags is None and args.languages is None and args.country is None:
        raise InvalidInput("Give at least one of --tags, --languages or --country.", field="profile")
    # Checked before unlocking; options not given keep their saved values.
    Profile.create(experience_tags=args.tags or (), languages=args.languages or (), country=args.country)
    with unlocked(ctx) as services:
        saved = services.directory.profile()
        profile = Profile.create(
            experience_tags=saved.experience_tags if args.tags is None else args.tags,
            languages=saved.languages if args.languages is None else args.languages,
            country=saved.country if args.country is None else args.country,
        )
        services.directory.set_profile(profile)
        if args.country is not None:
            save_crisis_country(ctx.data_dir, profile.country)
    ctx.out("Saved your profile; it stays on this device and is used only to suggest people to talk to.")
    for line in profile_lines(profile):
        ctx.out(line)
    if (
        profile.country
        and args.country is not None
        and load_crisis_lines().for_country(profile.country) is None
    ):
        print(
            f"Note: the app has no support lines for '{profile.country}' yet, so 'wellbeing-app crisis' shows "
            "international directories instead. 'wellbeing-app crisis --list' shows the countries it knows.",
            file=ctx.stderr,
        )
    return 0


def profile_lines(profile: Profile) -> list[str]:
    from wellbeing_app.directory import language_name

    def listed(items: Sequence[str]) -> str:
        return ", ".join(items) if items else "none"

    return [
        f"Experience: {listed(profile.experience_tags)}",
        f"Languages: {listed([language_name(language) for language in profile.languages])}",
        f"Country: {profile.country or 'not set'}",
    ]


def cmd_profile_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.directory import Profile

    with unlocked(ctx) as services:
        profile = services.directory.profile()
    if args.json:
        ctx.out(json.dumps(profile_dict(profile), ensure_ascii=False, indent=2))
    elif profile == Profile.create():
        ctx.out(
            "Your profile is empty. Add your experience and languages, e.g. "
            'wellbeing-app profile set --tags "ICU;night shifts" --languages "en;fr" --country GB'
        )
    else:
        for line in profile_lines(profile):
            ctx.out(line)
    return 0


# -- support --------------------------------------------------------------------------------------------------


def limit_value(text: str | None) -> int:
    if text is None:
        return DEFAULT_SUPPORT_LIMIT
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if value < 1:
        raise InvalidInput(f"--limit must be a whole number of 1 or more, not '{text}'.", field="limit")
    return value


def suggestion_lines(number: int, suggestion: Suggestion) -> list[str]:
    contact = suggestion.contact
    lines = [f"{number}. {contact.name} ({kind_words(contact.kind)}) — {suggestion.why_text}"]
    reach = ways_to_reach(contact)
    if reach:
        lines.append(f"   {reach}")
    return lines


def cmd_support(ctx: CliContext, args: argparse.Namespace) -> int:
    limit = limit_value(args.limit)
    with unlocked(ctx) as services:
        directory = services.directory
        suggestions = directory.suggestions(limit=limit, with_reasons_only=True)
        has_contacts = bool(directory.contacts(include_unlisted=False))
        damaged = list(directory.damaged)
    if args.json:
        ctx.out(json.dumps([s.to_export_dict() for s in suggestions], ensure_ascii=False, indent=2))
    else:
        if suggestions:
            for number, suggestion in enumerate(suggestions, start=1):
                for line in suggestion_lines(number, suggestion):
                    ctx.out(line)
        elif has_contacts:
            ctx.out(
                "No one matches your experience or languages yet. Add them with "
                'wellbeing-app profile set --tags "..." --languages "...", or see everyone with '
                "'wellbeing-app directory list'."
            )
        else:
            ctx.out(
                "Your directory is empty. Import your organisation's directory with "
                "'wellbeing-app directory import FILE'."
            )
        ctx.out("")
        ctx.out(CRISIS_HINT)
    warn_damaged(ctx, damaged)
    return 0


# -- crisis ---------------------------------------------------------------------------------------------------


def locale_name(environ: Mapping[str, str]) -> str | None:
    """The locale that decides the language and region of messages: LC_ALL wins over LANG."""
    for variable in ("LC_ALL", "LANG"):
        if environ.get(variable):
            return environ[variable]
    return None


def cmd_crisis(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.crisis import (
        default_country,
        format_crisis_text,
        format_international_text,
        load_crisis_lines,
    )

    directory = load_crisis_lines()
    if args.list:
        for code, name in directory.countries():
            ctx.out(f"{code}  {name}")
        ctx.stdout.flush()
        return 0
    chosen = args.country.strip() if args.country and args.country.strip() else None
    code = chosen or saved_crisis_country(ctx.data_dir) or default_country(locale_name(ctx.environ))
    lines = directory.for_country(code)
    if lines is not None:
        ctx.stdout.write(format_crisis_text(lines))
    else:
        ctx.stdout.write(format_international_text(directory.international))
        ctx.out("")
        ctx.out(
            f"The app has no list for '{code}' yet, so the directories above are shown instead. "
            "Country codes are two letters, such as GB, FR or KE."
        )
    ctx.stdout.flush()
    return 0


# -- registration ---------------------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    profile = subparsers.add_parser(
        "profile", help="your experience, languages and country, used only on this device for matching"
    )
    profile_actions = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    setting = profile_actions.add_parser("set", help="change your profile; options not given are kept")
    setting.add_argument("--tags", metavar='"a;b"', help='your experience, e.g. "field deployment;ICU"')
    setting.add_argument("--languages", metavar='"en;fr"', help="languages you speak, joined by ;")
    setting.add_argument(
        "--country",
        metavar="CC",
        help='two letters, e.g. GB; "" clears it. Also used by crisis, so it is kept unencrypted',
    )
    setting.set_defaults(func=cmd_profile_set)
    showing = profile_actions.add_parser("show", help="show your profile")
    showing.add_argument("--json", action="store_true", help="print JSON for scripts")
    showing.set_defaults(func=cmd_profile_show)

    support = subparsers.add_parser("support", help="people to talk to, best match first, and why")
    support.add_argument(
        "--limit", metavar="N", help=f"how many suggestions (default {DEFAULT_SUPPORT_LIMIT})"
    )
    support.add_argument("--json", action="store_true", help="print JSON for scripts")
    support.set_defaults(func=cmd_support)

    crisis = subparsers.add_parser(
        "crisis",
        help="crisis and support lines (no passphrase needed)",
        description="Crisis and support lines for your country, without a passphrase. The country is the one "
        "given with --country, else the one saved with 'profile set --country' (kept unencrypted for this, "
        "as two letters), else your locale's, else GB.",
    )
    crisis.add_argument("--country", metavar="CC", help="two letters, e.g. GB or KE, for this time only")
    crisis.add_argument("--list", action="store_true", help="list the countries the app has lines for")
    crisis.set_defaults(func=cmd_crisis)
