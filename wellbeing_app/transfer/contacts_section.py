"""The "contacts" section of the export: the directory (imported and private contacts) in the vault.

Each export object is ``Contact.to_export_dict()`` (which carries ``source`` and ``listed``) with two ids:
``id`` is the vault record id (a UUID, which the importer merges by) and ``contact_id`` is the contact's own
id within its source (``p-001`` from the organisation's file, or the UUID of a private contact)::

    {"id": "6b0c...", "contact_id": "p-001", "name": "Ana Silva", "kind": "peer_supporter", ...,
     "source": "org.csv (2026-11-25)", "last_verified": "2026-11-01", "listed": true}

The record id is derived from the source's file name and ``contact_id`` (see ``Contact.record_id``) under the
importing vault's id key, so the ``id`` written by another vault is not used: the contact is stored under the id
this vault gives it, and the next import of the organisation's file updates it instead of adding a duplicate.

On import every field is checked with the same rules as a directory file (kind, email, link, hours, time
zone, date); the user's profile and the "I reached out" notes are not part of the export.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from wellbeing_app.directory import PRIVATE_SOURCE, Contact
from wellbeing_app.directory import records as directory_records
from wellbeing_app.directory.rows import FIELD_NAMES, LIST_FIELDS, RawValue, build_contact
from wellbeing_app.errors import InvalidInput
from wellbeing_app.storage.records import PendingRecord, StoredRecord
from wellbeing_app.transfer.section import ExportRecord, ImportContext, Section

SECTION_NAME = "contacts"


def contact_to_export(record: StoredRecord) -> ExportRecord:
    """Raises ``InvalidInput`` when the stored payload is not a contact (reported as a damaged record)."""
    contact = Contact.from_payload(record.payload)
    values = contact.to_export_dict()
    values.pop("id")
    return {"id": record.id, "contact_id": contact.id, **values}


def contact_from_export(values: Mapping[str, Any], _record_id: str, context: ImportContext) -> PendingRecord:
    contact_id = values.get("contact_id")
    if not isinstance(contact_id, str) or not contact_id.strip():
        raise InvalidInput(
            "contact_id is required: the contact's id within its source (e.g. p-001).", field="contact_id"
        )
    source = values.get("source", PRIVATE_SOURCE)
    if source is None:
        source = PRIVATE_SOURCE
    if not isinstance(source, str) or not source.strip():
        raise InvalidInput(
            'source must be text: "private" or the imported file\'s name and date.', field="source"
        )
    listed = values.get("listed", True)
    if not isinstance(listed, bool):
        raise InvalidInput(f"listed must be true or false, not {listed!r}.", field="listed")
    raw: dict[str, RawValue] = {"id": contact_id.strip()}
    for key in FIELD_NAMES:
        if key != "id":
            raw[key] = _raw_value(values, key)
    try:
        contact = build_contact(raw, source=source.strip())
    except InvalidInput as error:
        raise InvalidInput(
            f"{error.field}: {error}" if error.field else str(error), field=error.field
        ) from None
    contact = replace(contact, listed=listed)
    return PendingRecord(
        directory_records.KIND, context.keyed_id(contact.record_id), contact.to_payload(), None
    )


def contact_sort_key(item: ExportRecord) -> tuple[Any, ...]:
    return (str(item["name"]).casefold(), item["source"], item["contact_id"], item["id"])


def _raw_value(values: Mapping[str, Any], key: str) -> RawValue:
    value = values.get(key)
    if value is None or isinstance(value, str):
        return value
    if key in LIST_FIELDS and isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [str(item) for item in value]
    expected = 'a list of texts, like ["en", "fr"]' if key in LIST_FIELDS else "text or null"
    raise InvalidInput(f"{key} must be {expected}, not {value!r}.", field=key)


SECTION = Section(
    name=SECTION_NAME,
    kind=directory_records.KIND,
    one="contact",
    many="contacts",
    to_export=contact_to_export,
    from_export=contact_from_export,
    sort_key=contact_sort_key,
)
