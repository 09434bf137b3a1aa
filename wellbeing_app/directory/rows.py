"""One raw record from any format (a CSV row, a JSON object, a vCard) becomes a checked ``Contact``.

Every format funnels through ``build_contacts`` so that the rules, and the wording of the errors, are the same
whichever file the organisation sends.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from wellbeing_app.directory.availability import parse_availability
from wellbeing_app.directory.languages import is_known_language
from wellbeing_app.directory.models import PRIVATE_SOURCE, Contact, ContactKind, source_label, source_name_of
from wellbeing_app.directory.text import clean_block, clean_line, split_list, unique_items
from wellbeing_app.directory.validation import (
    KIND_HELP,
    check_email,
    check_id,
    check_timezone,
    check_url,
    parse_date,
    parse_kind,
)
from wellbeing_app.errors import InvalidInput

FIELD_NAMES: tuple[str, ...] = (
    "id",
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
    "last_verified",
)
LIST_FIELDS = frozenset({"languages", "tags"})
MAX_FIELD_LENGTH = 500
MAX_NOTES_LENGTH = 10_000
MAX_LIST_ITEMS = 50
RawValue = str | Sequence[str] | None
_ID_NAMESPACE = uuid.UUID("0b7c9e4a-3d2f-5e61-8a90-4c1b2d3e4f50")


@dataclass(frozen=True)
class RawRecord:
    """Field values as read from the file, and where the record is, e.g. ``where="Line 4", line=4``."""

    values: Mapping[str, RawValue]
    where: str
    line: int


def derived_id(source_name: str, name: str) -> str:
    """Stable id for a contact the file gives none, so importing the same file again updates it in place."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"{source_name}\x1f{name}"))


def build_contacts(
    records: Iterable[RawRecord],
    *,
    source_name: str,
    imported_on: date,
    default_kind: ContactKind | None = None,
    notes: list[str] | None = None,
) -> list[Contact]:
    """All records or none: the first problem raises ``InvalidInput`` with its line and field.

    Languages the app does not know are kept (matching compares their text) and noted in ``notes``.
    """
    source = source_label(source_name, imported_on)
    contacts: list[Contact] = []
    first_seen: dict[str, RawRecord] = {}
    for record in records:
        try:
            contact = build_contact(record.values, source=source, default_kind=default_kind)
        except InvalidInput as error:
            raise located(error, record) from None
        if contact.id in first_seen:
            raise _duplicate(contact, record, first_seen[contact.id])
        first_seen[contact.id] = record
        contacts.append(contact)
        if notes is not None:
            notes.extend(
                f"{record.where}: '{language}' is not a language code the app knows (known codes look like "
                "en, fr or sw); it is kept as written."
                for language in contact.languages
                if not is_known_language(language)
            )
    return contacts


def check_sizes(values: Mapping[str, RawValue]) -> None:
    """Field size limits (docs/security.md): a hostile file cannot bloat the vault or the screen."""
    for key, value in values.items():
        if value is None:
            continue
        items = [value] if isinstance(value, str) else list(value)
        limit = MAX_NOTES_LENGTH if key == "notes" else MAX_FIELD_LENGTH
        if key in LIST_FIELDS and len(items) > MAX_LIST_ITEMS:
            raise InvalidInput(
                f"{key} has {len(items)} entries; at most {MAX_LIST_ITEMS} are allowed.", field=key
            )
        if key in LIST_FIELDS and isinstance(value, str):
            limit = MAX_LIST_ITEMS * MAX_FIELD_LENGTH
        for item in items:
            if len(item) > limit:
                raise InvalidInput(
                    f"{key} is {len(item):,} characters long; at most {limit:,} are allowed.", field=key
                )


def build_contact(
    values: Mapping[str, RawValue], *, source: str, default_kind: ContactKind | None = None
) -> Contact:
    """Check and clean one record; errors carry the field but not the location."""
    check_sizes(values)
    name = _line(values, "name")
    if not name:
        raise InvalidInput("the name is missing. Every contact needs a name.", field="name")
    kind_text = _line(values, "kind")
    if kind_text:
        kind = parse_kind(kind_text)
    elif default_kind is not None:
        kind = default_kind
    else:
        raise InvalidInput(f"no kind is given. {KIND_HELP}", field="kind")
    email = _line(values, "email").removeprefix("mailto:")
    url = _line(values, "url")
    timezone = _line(values, "timezone")
    last_verified = _line(values, "last_verified")
    return Contact(
        id=check_id(_line(values, "id")) or derived_id(source_name_of(source), name),
        name=name,
        kind=kind,
        role=_line(values, "role"),
        organisation=_line(values, "organisation"),
        phone=_line(values, "phone").removeprefix("tel:"),
        email=check_email(email) if email else "",
        url=check_url(url) if url else "",
        languages=_list(values, "languages"),
        tags=_list(values, "tags"),
        availability=parse_availability(_line(values, "availability")),
        timezone=check_timezone(timezone) if timezone else None,
        notes=clean_block(_single(values, "notes")),
        source=source,
        last_verified=parse_date(last_verified) if last_verified else None,
    )


def new_private_contact(values: Mapping[str, RawValue], *, contact_id: str | None = None) -> Contact:
    """A contact the user adds (or edits) by hand; pass the existing id when editing."""
    try:
        contact = build_contact({**values, "id": contact_id or str(uuid.uuid4())}, source=PRIVATE_SOURCE)
    except InvalidInput as error:
        raise InvalidInput(f"Field '{error.field}': {error}", field=error.field) from None
    return contact


def located(error: InvalidInput, record: RawRecord) -> InvalidInput:
    """The same error, prefixed with where it is: "Line 4, field 'kind': ..."."""
    place = f"{record.where}, field '{error.field}'" if error.field else record.where
    return InvalidInput(f"{place}: {error}", field=error.field, line=record.line)


def _duplicate(contact: Contact, record: RawRecord, first: RawRecord) -> InvalidInput:
    earlier = first.where[:1].lower() + first.where[1:]
    if _line(record.values, "id"):
        problem = InvalidInput(
            f"the id '{contact.id}' is also used by {earlier}. Each contact needs its own id.", field="id"
        )
    else:
        problem = InvalidInput(
            f"'{contact.name}' is listed twice without an id (also {earlier}). Give each one an id.",
            field="name",
        )
    return located(problem, record)


def _single(values: Mapping[str, RawValue], field: str) -> str:
    value = values.get(field)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return " ".join(value)


def _line(values: Mapping[str, RawValue], field: str) -> str:
    return clean_line(_single(values, field))


def _list(values: Mapping[str, RawValue], field: str) -> tuple[str, ...]:
    value = values.get(field)
    if value is None:
        return ()
    if isinstance(value, str):
        return split_list(value)
    return unique_items(part for item in value for part in item.split(";"))
