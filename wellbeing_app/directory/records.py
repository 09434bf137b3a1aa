"""The directory's three kinds of record, each with its service on the common base: contacts (imported and
private), the user's profile (one record), and "I reached out" notes.

Contacts are decrypted once and kept in memory until something changes them, so filtering and suggestions stay
fast at 5,000. Contact and profile ids are keyed (``RecordStore.keyed_id``): the plaintext id column says
nothing about where a contact came from.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from wellbeing_app.clock import Clock
from wellbeing_app.directory.models import Contact, Profile
from wellbeing_app.errors import DamagedRecord
from wellbeing_app.record_service import RecordService
from wellbeing_app.storage.records import PendingRecord, RecordStore, StoredRecord

KIND = "contact"
PROFILE_KIND = "profile"
OUTREACH_KIND = "outreach"
FOLLOW_UP_DAYS = 3
_PROFILE_ID = str(uuid.uuid5(uuid.UUID("0b9d1f4e-5c3a-4e7b-9a61-7d2f1c8e4b20"), "profile"))


class ContactService(RecordService[Contact]):
    kind = KIND

    def __init__(self, store: RecordStore, clock: Clock) -> None:
        super().__init__(store, clock)
        self._cached: list[Contact] | None = None

    @staticmethod
    def parse(record: StoredRecord) -> Contact:
        return Contact.from_payload(record.payload)

    def all(self) -> list[Contact]:
        """Every readable contact by name; the unreadable ones are listed in ``damaged``."""
        if self._cached is None:
            loaded = self._read()
            loaded.sort(key=lambda c: (c.name_key, c.id))
            self._cached = loaded
        return list(self._cached)

    def invalidate(self) -> None:
        """Forget the cached contacts: something else (an import, another process) wrote some."""
        self._cached = None

    def write(self, contacts: Iterable[Contact]) -> None:
        """All in one transaction: an import's whole plan, or one private contact."""
        self._store.put_many(
            PendingRecord(KIND, self._store.keyed_id(c.record_id), c.to_payload(), None) for c in contacts
        )
        self._cached = None

    def remove(self, contact: Contact) -> None:
        self._store.delete(KIND, self._store.keyed_id(contact.record_id))
        self._cached = None


class ProfileService(RecordService[Profile]):
    kind = PROFILE_KIND

    @staticmethod
    def parse(record: StoredRecord) -> Profile:
        return Profile.from_payload(record.payload)

    def current(self) -> Profile:
        """The saved profile; a new, empty one when there is none or it cannot be read."""
        try:
            profile = self.get(self._store.keyed_id(_PROFILE_ID))
        except DamagedRecord:
            return Profile.create()
        return profile if profile is not None else Profile.create()

    def save(self, profile: Profile) -> Profile:
        self._store.put(PROFILE_KIND, self._store.keyed_id(_PROFILE_ID), profile.to_payload())
        return profile


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


class OutreachService(RecordService[Outreach]):
    kind = OUTREACH_KIND

    @staticmethod
    def parse(record: StoredRecord) -> Outreach:
        payload = record.payload
        if record.day is None:
            raise DamagedRecord(OUTREACH_KIND, record.id, "has no day")
        return Outreach(
            record.id,
            str(payload.get("contact_id", "")),
            str(payload.get("contact_name", "")),
            record.day,
            bool(payload.get("followed_up", False)),
        )

    def log(self, contact: Contact) -> Outreach:
        outreach = Outreach(str(uuid.uuid4()), contact.id, contact.name, self._clock.now().date())
        self._store.put(OUTREACH_KIND, outreach.id, outreach.to_payload(), outreach.on)
        return outreach

    def all(self) -> list[Outreach]:
        """Newest first; the unreadable ones are listed in ``damaged``."""
        return sorted(self._read(), key=lambda o: o.on, reverse=True)

    def mark_followed_up(self, outreach: Outreach) -> None:
        done = replace(outreach, followed_up=True)
        self._store.put(OUTREACH_KIND, done.id, done.to_payload(), done.on)
