"""JSON directory files (``{"format": "wellbeing-directory", "version": 1, ...}``), described in
docs/directory-format.md. Records are numbered from 1 in the ``contacts`` list and errors say "Contact 3".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from wellbeing_app import textcheck
from wellbeing_app.directory.models import Contact, ContactKind
from wellbeing_app.directory.rows import FIELD_NAMES, LIST_FIELDS, RawRecord, RawValue, build_contacts
from wellbeing_app.directory.text import decode_content
from wellbeing_app.errors import InvalidInput

FORMAT_NAME = "wellbeing-directory"
FORMAT_VERSION = 1
# Written by ``directory list --json``; accepted and ignored so such a listing can be imported too.
_IGNORED_KEYS = frozenset({"source", "listed"})
_SHAPE_HELP = (
    f'It should be a JSON object like {{"format": "{FORMAT_NAME}", "version": 1, "publisher": "...", '
    '"contacts": [...]}.'
)


def parse_json(
    content: bytes | str,
    *,
    source_name: str,
    imported_on: date,
    default_kind: ContactKind | None = None,
    notes: list[str] | None = None,
) -> list[Contact]:
    document = _load(decode_content(content))
    contacts = document.get("contacts")
    if not isinstance(contacts, list):
        raise InvalidInput(f"The file has no 'contacts' list. {_SHAPE_HELP}", field="contacts")
    return build_contacts(
        _records(contacts),
        source_name=source_name,
        imported_on=imported_on,
        default_kind=default_kind,
        notes=notes,
    )


def export_json(contacts: Iterable[Contact], publisher: str | None) -> str:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "publisher": publisher,
        "contacts": [_export_record(contact) for contact in contacts],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _export_record(contact: Contact) -> dict[str, Any]:
    full = contact.to_export_dict()
    return {name: full[name] for name in FIELD_NAMES}


def _load(text: str) -> dict[str, Any]:
    try:
        document = textcheck.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except (ValueError, RecursionError):
        raise InvalidInput(f"The file could not be read as a directory. {_SHAPE_HELP}") from None
    if not isinstance(document, dict):
        raise InvalidInput(f"The file is not a directory. {_SHAPE_HELP}")
    if document.get("format") != FORMAT_NAME:
        raise InvalidInput(
            f"The file is not a wellbeing directory ('format' is not '{FORMAT_NAME}'). {_SHAPE_HELP}"
        )
    version = document.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        if type(version) is int and version > FORMAT_VERSION:
            raise InvalidInput(
                f"The file uses directory format version {version}; this app reads version {FORMAT_VERSION}. "
                "Update the app, or ask the publisher for a version 1 file.",
                field="version",
            )
        raise InvalidInput(f"The file's 'version' should be {FORMAT_VERSION}.", field="version")
    publisher = document.get("publisher")
    if publisher is not None and not isinstance(publisher, str):
        raise InvalidInput("The file's 'publisher' should be text.", field="publisher")
    return document


def _records(contacts: Sequence[object]) -> Iterator[RawRecord]:
    for index, item in enumerate(contacts, start=1):
        where = f"Contact {index}"
        if not isinstance(item, dict):
            raise InvalidInput(f"{where}: each contact should be a JSON object with a 'name'.", line=index)
        values: dict[str, RawValue] = {}
        for key, value in item.items():
            if key in _IGNORED_KEYS:
                continue
            if key not in FIELD_NAMES:
                raise InvalidInput(
                    f"{where}: the field '{key}' is not known. The fields are: {', '.join(FIELD_NAMES)}.",
                    field=str(key),
                    line=index,
                )
            values[key] = _value(value, key, where, index)
        yield RawRecord(values, where, index)


def _value(value: object, key: str, where: str, index: int) -> RawValue:
    if value is None or isinstance(value, str):
        return value
    if key in LIST_FIELDS and isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    expected = "a list of text values" if key in LIST_FIELDS else "text in quotes"
    raise InvalidInput(
        f"{where}, field '{key}': expected {expected}, found {_json_type(value)}.", field=key, line=index
    )


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "another type"
