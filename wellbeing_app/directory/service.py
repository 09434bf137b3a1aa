"""The directory in the vault: imported and private contacts, the user's profile, and outreach notes.

Contacts are decrypted once per unlock and kept in memory, so filtering and suggestions stay fast at 5,000.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from wellbeing_app.checkins import CheckInService
from wellbeing_app.clock import Clock
from wellbeing_app.directory import (
    Contact,
    ContactKind,
    MergePlan,
    Profile,
    Suggestion,
    SuggestionContext,
    format_from_filename,
    merge_import,
    new_private_contact,
    parse_directory,
    suggest,
)
from wellbeing_app.directory.formats import DirectoryFormat
from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.storage.records import PendingRecord, RecordStore, read_valid

KIND = "contact"
PROFILE_KIND = "profile"
OUTREACH_KIND = "outreach"
FOLLOW_UP_DAYS = 3
RECENT_TAG_DAYS = 7
_PROFILE_ID = str(uuid.uuid5(uuid.UUID("0b9d1f4e-5c3a-4e7b-9a61-7d2f1c8e4b20"), "profile"))


@dataclass(frozen=True)
class Outreach:
    """'I reached out': kept privately so the app can gently ask how it went a few days later."""

    id: str
    contact_id: str
    contact_name: str
    on: date
    followed_up: bool = False

    def to_payload(self) -> dict[str, Any]:
        return {
            "contact_id": self.contact_id,
            "contact_name": self.contact_name,
            "followed_up": self.followed_up,
        }

    @property
    def follow_up_due(self) -> date:
        return self.on + timedelta(days=FOLLOW_UP_DAYS)


class DirectoryService:
    def __init__(self, store: RecordStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._contacts: list[Contact] | None = None
        self.damaged: list[DamagedRecord] = []

    # -- reading -------------------------------------------------------------------------------------------------
    def contacts(self, *, include_unlisted: bool = True) -> list[Contact]:
        if self._contacts is None:
            loaded, self.damaged = read_valid(
                self._store, KIND, lambda record: Contact.from_payload(record.payload)
            )
            loaded.sort(key=lambda c: (c.name_key, c.id))
            self._contacts = loaded
        return [c for c in self._contacts if include_unlisted or c.listed]

    def invalidate(self) -> None:
        """Forget the cached contacts (after an import of a whole export)."""
        self._contacts = None

    def get(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts() if c.id == contact_id or c.record_id == contact_id), None)

    def _write(self, contacts: Sequence[Contact]) -> None:
        self._store.put_many(
            PendingRecord(KIND, self._store.keyed_id(c.record_id), c.to_payload(), None) for c in contacts
        )
        self._contacts = None

    # -- importing -----------------------------------------------------------------------------------------------
    def plan_import(
        self,
        content: bytes | str,
        *,
        source_name: str,
        fmt: DirectoryFormat | None = None,
        default_kind: ContactKind | None = None,
        notes: list[str] | None = None,
    ) -> MergePlan:
        """Parse and compare without writing: the import dialog shows this summary first."""
        chosen = fmt or format_from_filename(source_name)
        parsed = parse_directory(
            content,
            fmt=chosen,
            source_name=source_name,
            imported_on=self._clock.now().date(),
            default_kind=default_kind,
            notes=notes,
        )
        return merge_import(self.contacts(), parsed, source_name=source_name)

    def apply_import(self, plan: MergePlan) -> MergePlan:
        """Write every change of the plan in one transaction: all of it, or nothing."""
        self._write(plan.changes)
        return plan

    def import_file(
        self, path: Path, *, fmt: DirectoryFormat | None = None, default_kind: ContactKind | None = None
    ) -> MergePlan:
        try:
            content = path.read_bytes()
        except OSError as error:
            raise InvalidInput(f"Cannot read {path}: {error.strerror}.", field="file") from None
        return self.apply_import(
            self.plan_import(content, source_name=path.name, fmt=fmt, default_kind=default_kind)
        )

    # -- private contacts ----------------------------------------------------------------------------------------
    def add_private(self, values: Mapping[str, Any]) -> Contact:
        contact = new_private_contact(values)
        self._write([contact])
        return contact

    def update_private(self, contact_id: str, values: Mapping[str, Any]) -> Contact:
        existing = self._require_private(contact_id)
        contact = new_private_contact(values, contact_id=existing.id)
        self._write([contact])
        return contact

    def remove_private(self, contact_id: str) -> Contact:
        existing = self._require_private(contact_id)
        self._store.delete(KIND, self._store.keyed_id(existing.record_id))
        self._contacts = None
        return existing

    def _require_private(self, contact_id: str) -> Contact:
        contact = self.get(contact_id)
        if contact is None:
            raise InvalidInput(f"There is no contact with the id {contact_id}.", field="id")
        if not contact.is_private:
            raise InvalidInput(
                f"{contact.name} comes from {contact.source}; imported contacts change when their file is "
                "imported again. Only private contacts can be edited or removed here.",
                field="id",
            )
        return contact

    # -- profile -------------------------------------------------------------------------------------------------
    def profile(self) -> Profile:
        try:
            record = self._store.get(PROFILE_KIND, self._store.keyed_id(_PROFILE_ID))
        except DamagedRecord:
            return Profile.create()
        if record is None:
            return Profile.create()
        try:
            return Profile.from_payload(record.payload)
        except InvalidInput:
            return Profile.create()

    def set_profile(self, profile: Profile) -> Profile:
        self._store.put(PROFILE_KIND, self._store.keyed_id(_PROFILE_ID), profile.to_payload())
        return profile

    # -- suggestions ---------------------------------------------------------------------------------------------
    def recent_tags(self, days: int = RECENT_TAG_DAYS) -> frozenset[str]:
        today = self._clock.now().date()
        checkins = CheckInService(self._store, self._clock).between(today - timedelta(days=days - 1), today)
        return frozenset(tag for checkin in checkins for tag in checkin.tags)

    def suggestions(
        self,
        *,
        limit: int | None = None,
        preferred_kinds: tuple[ContactKind, ...] = (),
        with_reasons_only: bool = False,
    ) -> list[Suggestion]:
        context = SuggestionContext(
            profile=self.profile(),
            now=self._clock.now(),
            recent_tags=self.recent_tags(),
            preferred_kinds=preferred_kinds,
        )
        ranked = suggest(self.contacts(include_unlisted=False), context)
        if with_reasons_only:
            ranked = [s for s in ranked if s.why]
        return ranked[:limit] if limit is not None else ranked

    # -- outreach ------------------------------------------------------------------------------------------------
    def log_outreach(self, contact: Contact) -> Outreach:
        outreach = Outreach(str(uuid.uuid4()), contact.id, contact.name, self._clock.now().date())
        self._store.put(OUTREACH_KIND, outreach.id, outreach.to_payload(), outreach.on)
        return outreach

    def outreach(self) -> list[Outreach]:
        items = []
        for record in self._store.load(OUTREACH_KIND).records:
            payload = record.payload
            if record.day is None:
                continue
            items.append(
                Outreach(
                    record.id,
                    str(payload.get("contact_id", "")),
                    str(payload.get("contact_name", "")),
                    record.day,
                    bool(payload.get("followed_up", False)),
                )
            )
        return sorted(items, key=lambda o: o.on, reverse=True)

    def follow_ups_due(self) -> list[Outreach]:
        today = self._clock.now().date()
        return [o for o in self.outreach() if not o.followed_up and o.follow_up_due <= today]

    def mark_followed_up(self, outreach: Outreach) -> None:
        done = Outreach(outreach.id, outreach.contact_id, outreach.contact_name, outreach.on, True)
        self._store.put(OUTREACH_KIND, done.id, done.to_payload(), done.on)
