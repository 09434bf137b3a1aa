"""The directory in the vault as the Support page and the commands use it: importing, private contacts, the
profile, suggestions and "I reached out" notes, over the record services in ``directory/records.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
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
from wellbeing_app.directory.records import ContactService, Outreach, OutreachService, ProfileService
from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.storage.records import RecordStore

RECENT_TAG_DAYS = 7


class DirectoryService:
    """The directory as the pages and commands use it, over its three record services."""

    def __init__(self, store: RecordStore, clock: Clock, checkins: CheckInService | None = None) -> None:
        self._store = store
        self._clock = clock
        # The session's own check-in service (Services passes it): one per unlock, for the recent tags.
        self._checkins = checkins or CheckInService(store, clock)
        self.contact_records = ContactService(store, clock)
        self.profiles = ProfileService(store, clock)
        self.outreach_notes = OutreachService(store, clock)

    @property
    def damaged(self) -> list[DamagedRecord]:
        """Contacts that could not be read at the last load (the Support page says how many)."""
        return self.contact_records.damaged

    # -- reading -------------------------------------------------------------------------------------------------
    def contacts(self, *, include_unlisted: bool = True) -> list[Contact]:
        return [c for c in self.contact_records.all() if include_unlisted or c.listed]

    def invalidate(self) -> None:
        """Forget the cached contacts (after an import of a whole export, or a write by another process)."""
        self.contact_records.invalidate()

    def get(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts() if c.id == contact_id or c.record_id == contact_id), None)

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
        self.contact_records.write(plan.changes)
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
        self.contact_records.write([contact])
        return contact

    def update_private(self, contact_id: str, values: Mapping[str, Any]) -> Contact:
        existing = self._require_private(contact_id)
        contact = new_private_contact(values, contact_id=existing.id)
        self.contact_records.write([contact])
        return contact

    def remove_private(self, contact_id: str) -> Contact:
        existing = self._require_private(contact_id)
        self.contact_records.remove(existing)
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
        return self.profiles.current()

    def set_profile(self, profile: Profile) -> Profile:
        return self.profiles.save(profile)

    # -- suggestions ---------------------------------------------------------------------------------------------
    def recent_tags(self, days: int = RECENT_TAG_DAYS) -> frozenset[str]:
        today = self._clock.now().date()
        checkins = self._checkins.between(today - timedelta(days=days - 1), today)
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
        return self.outreach_notes.log(contact)

    def outreach(self) -> list[Outreach]:
        return self.outreach_notes.all()

    def follow_ups_due(self) -> list[Outreach]:
        today = self._clock.now().date()
        return [o for o in self.outreach() if not o.followed_up and o.follow_up_due <= today]

    def mark_followed_up(self, outreach: Outreach) -> None:
        self.outreach_notes.mark_followed_up(outreach)
