"""`directory import|list|export|add|remove` from the command line (`profile`, `support` and `crisis` are in
`support_commands`).

Option values are checked before the vault is unlocked, and every problem names the option (or the line and
field of the file) and what it accepts (exit 2, nothing changed). `crisis` needs no vault and no passphrase:
someone in distress must never be asked for one first.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing_app.cli.common import check_new_file, deliver_export, unlocked, warn_damaged
from wellbeing_app.cli.context import CliContext
from wellbeing_app.errors import InvalidInput

if TYPE_CHECKING:
    from wellbeing_app.directory import Contact, ContactKind, DirectoryFormat

# Spelled out rather than read from the directory package, so that building the parser does not load it (a
# test checks they match DirectoryFormat, ContactKind and FIELD_NAMES).
FORMATS = ("csv", "json", "vcf")
KINDS_HELP = "peer_supporter, debrief_contact, professional_service"
DEFAULT_SUPPORT_LIMIT = 10
VCARD_KIND_HINT = (
    "Address-book exports (Google, Outlook, Apple) never say; give the kind for the cards that do not, "
    "for example --kind peer_supporter."
)
CRISIS_HINT = (
    "If you need someone right now, 'wellbeing-app crisis' lists support lines (no passphrase needed)."
)
# Options of `directory add` and the contact fields they fill: every field of a directory file but the id (made
# for a private contact) and the organisation's last_verified date.
ADD_FIELDS = (
    "name",
    "kind",
    "role",
    "organisation",
    "phone",
    "email",
    "url",
    "languages",
    "tags",
    "availability",
    "timezone",
    "notes",
)


def kind_words(kind: ContactKind) -> str:
    """peer_supporter -> "peer supporter"."""
    return kind.value.replace("_", " ")


def kind_value(text: str | None) -> ContactKind | None:
    if text is None:
        return None
    from wellbeing_app.directory.validation import parse_kind

    try:
        return parse_kind(text)
    except InvalidInput as error:
        raise InvalidInput(f"--kind: {error}", field="kind") from None


def format_value(text: str | None) -> DirectoryFormat | None:
    from wellbeing_app.directory import DirectoryFormat

    return DirectoryFormat(text) if text else None


def contact_line(contact: Contact) -> str:
    """Ana Silva — peer supporter — ICU nurse, St Mary's Hospital (no longer listed)."""
    parts = [contact.name, kind_words(contact.kind)]
    where = ", ".join(part for part in (contact.role, contact.organisation) if part)
    if where:
        parts.append(where)
    line = " — ".join(parts)
    if not contact.listed:
        line += " (no longer listed)"
    if contact.is_private:
        line += f" (private, id {contact.id})"
    return line


def ways_to_reach(contact: Contact) -> str:
    return " · ".join(value for value in (contact.phone, contact.email, contact.url) if value)


def unique_ids(contacts: Sequence[Contact]) -> list[Contact]:
    """Ids are unique only within one source; where two sources share one, the export uses the record id.

    Without this, a directory export holding two organisations' ``p-001`` could not be imported again.
    """
    counts = Counter(contact.id for contact in contacts)
    return [
        contact if counts[contact.id] == 1 else replace(contact, id=contact.record_id) for contact in contacts
    ]


def read_directory_file(path: Path) -> bytes:
    """The file's bytes (the parsers decode UTF-8 or UTF-16 with a byte-order mark), read before unlocking."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.", field="file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder; give the directory file itself.", field="file") from None
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read ({exc.strerror}).", field="file") from None


# -- directory ------------------------------------------------------------------------------------------------


def cmd_directory_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.directory import format_from_filename

    path = Path(args.file).expanduser()
    fmt = format_value(args.format) or format_from_filename(path.name)
    default_kind = kind_value(args.kind)
    content = decoded(read_directory_file(path), args.encoding, ctx)
    notes: list[str] = []
    with unlocked(ctx) as services:
        directory = services.directory
        try:
            plan = directory.plan_import(
                content, source_name=path.name, fmt=fmt, default_kind=default_kind, notes=notes
            )
        except InvalidInput as error:
            if error.field == "kind" and default_kind is None and fmt.value == "vcf":
                raise InvalidInput(f"{error} {VCARD_KIND_HINT}", field="kind", line=error.line) from None
            raise
        directory.apply_import(plan)
    ctx.out(plan.summary)
    for note in notes:
        print(f"Note: {note}", file=ctx.stderr)
    return 0


def decoded(content: bytes, encoding: str | None, ctx: CliContext) -> bytes | str:
    """With --encoding, the text in it; without, the bytes (the parsers read UTF-8, UTF-16 with a byte-order
    mark, or else Windows-1252, which this says so that a wrong guess is noticed)."""
    from wellbeing_app.directory.text import LEGACY_ENCODING, is_utf8

    if encoding is not None:
        try:
            return content.decode(encoding)
        except LookupError:
            raise InvalidInput(
                f"--encoding: '{encoding}' is not an encoding Python knows; try utf-8, cp1252 or latin-1.",
                field="encoding",
            ) from None
        except UnicodeDecodeError as error:
            line = content.count(b"\n", 0, error.start) + 1
            raise InvalidInput(
                f"Line {line}: the file is not {encoding} text; check --encoding.",
                field="encoding",
                line=line,
            ) from None
    if not is_utf8(content):
        print(
            f"Note: the file is not UTF-8, so it was read as {LEGACY_ENCODING} (Windows Western European, as "
            "Excel saves it); if names look wrong, import it again with --encoding.",
            file=ctx.stderr,
        )
    return content


def cmd_directory_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.directory import filter_contacts

    kind = kind_value(args.kind)
    with unlocked(ctx) as services:
        everyone = services.directory.contacts()
        damaged = list(services.directory.damaged)
        now = services.clock.now()
    found = filter_contacts(
        everyone,
        kind=kind,
        language=args.language,
        tag=args.tag,
        available_now_at=now if args.available_now else None,
    )
    if args.json:
        ctx.out(json.dumps([contact.to_export_dict() for contact in found], ensure_ascii=False, indent=2))
    elif not found:
        ctx.out(
            "No contacts match."
            if everyone
            else "No contacts yet. Import your organisation's directory with "
            "'wellbeing-app directory import FILE', or add one with 'wellbeing-app directory add'."
        )
    else:
        for contact in found:
            ctx.out(contact_line(contact))
            reach = ways_to_reach(contact)
            if reach:
                ctx.out(f"   {reach}")
    warn_damaged(ctx, damaged)
    return 0


def cmd_directory_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.directory import DirectoryFormat, export_directory, format_from_filename

    out = Path(args.out).expanduser() if args.out else None
    fmt = format_value(args.format)
    if fmt is None:
        fmt = format_from_filename(out.name) if out is not None else DirectoryFormat.JSON
    if out is not None:
        check_new_file(out)
    with unlocked(ctx) as services:
        everyone = services.directory.contacts()
        damaged = list(services.directory.damaged)
    text = export_directory(unique_ids(everyone), fmt=fmt)
    count = len(everyone)
    deliver_export(ctx, out, text, f"{count} {'contact' if count == 1 else 'contacts'}")
    warn_damaged(ctx, damaged)
    return 0


def add_values(args: argparse.Namespace) -> dict[str, str]:
    return {name: value for name in ADD_FIELDS if (value := getattr(args, name)) is not None}


def cmd_directory_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.directory import new_private_contact

    values = add_values(args)
    new_private_contact(values)  # every field checked before unlocking
    with unlocked(ctx) as services:
        contact = services.directory.add_private(values)
    ctx.out(f"Added {contact.name} to your private contacts (id {contact.id}).")
    return 0


def cmd_directory_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    contact_id = args.id.strip()
    if not contact_id:
        raise InvalidInput("Give the id of the private contact to remove.", field="id")
    with unlocked(ctx) as services:
        removed = services.directory.remove_private(contact_id)
    ctx.out(f"Removed {removed.name} from your private contacts.")
    return 0


# -- registration ---------------------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    directory = subparsers.add_parser(
        "directory", help="import, list and export peer supporters, debrief contacts and services"
    )
    actions = directory.add_subparsers(dest="directory_command", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import", help="import your organisation's directory (CSV, JSON or vCard); again to update it"
    )
    importing.add_argument("file", metavar="FILE", help="the directory file")
    importing.add_argument(
        "--format", choices=FORMATS, help="default: from the file name (.csv, .json, .vcf or .vcard)"
    )
    importing.add_argument("--kind", metavar="K", help=f"the kind of vCards that do not say ({KINDS_HELP})")
    importing.add_argument(
        "--encoding",
        metavar="E",
        help="the file's text encoding, e.g. cp1252 (default: UTF-8, else Windows-1252 as Excel writes it)",
    )
    importing.set_defaults(func=cmd_directory_import)

    listing = actions.add_parser("list", help="list contacts, optionally filtered")
    listing.add_argument("--kind", metavar="K", help=f"only this kind ({KINDS_HELP})")
    listing.add_argument("--tag", metavar="T", help='only contacts with this tag, e.g. "ICU"')
    listing.add_argument("--language", metavar="L", help="only contacts who speak it (code or name)")
    listing.add_argument(
        "--available-now", action="store_true", help="only contacts open now by their weekly hours"
    )
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(func=cmd_directory_list)

    export = actions.add_parser("export", help="write the directory as CSV, JSON or vCard (not encrypted!)")
    export.add_argument("--format", choices=FORMATS, help="default: from the --out file name, else json")
    export.add_argument(
        "--out", metavar="FILE", help="a new file to write (default: standard output); never overwritten"
    )
    export.set_defaults(func=cmd_directory_export)

    add = actions.add_parser("add", help="add a private contact of your own")
    add.add_argument("--name", required=True, metavar="N", help="their name")
    add.add_argument("--kind", required=True, metavar="K", help=KINDS_HELP)
    add.add_argument("--role", metavar="TEXT", help='e.g. "ICU nurse"')
    add.add_argument("--organisation", metavar="TEXT", help="employer or service")
    add.add_argument("--phone", metavar="NUMBER", help='as dialled, e.g. "+44 20 7946 0001"')
    add.add_argument("--email", metavar="ADDRESS")
    add.add_argument("--url", metavar="LINK", help="a https:// link")
    add.add_argument("--languages", metavar='"en;fr"', help="languages, joined by ;")
    add.add_argument("--tags", metavar='"a;b"', help='shared-experience tags, e.g. "ICU;night shifts"')
    add.add_argument("--availability", metavar='".."', help='weekly hours, e.g. "Mon-Fri 09:00-17:00"')
    add.add_argument("--timezone", metavar="ZONE", help="e.g. Europe/London")
    add.add_argument("--notes", metavar="TEXT")
    add.set_defaults(func=cmd_directory_add)

    remove = actions.add_parser("remove", help="remove a private contact (imported ones change on re-import)")
    remove.add_argument("id", metavar="ID", help="the contact's id (see 'directory list')")
    remove.set_defaults(func=cmd_directory_remove)
