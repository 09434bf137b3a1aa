"""One object per unlocked vault that wires the services together (and keeps the search index current)."""

from __future__ import annotations

from typing import Any

from wellbeing_app.checkins import CheckIn, CheckInService
from wellbeing_app.clock import Clock
from wellbeing_app.contacts import ContactService
from wellbeing_app.drafts import DraftStore
from wellbeing_app.journal import JournalEntry, JournalService
from wellbeing_app.search import SearchIndex
from wellbeing_app.vault import Vault
from wellbeing_app.wellbeing_status import InstrumentService, StatusService


class IndexedCheckIns(CheckInService):
    def __init__(self, vault: Vault, clock: Clock, index: SearchIndex) -> None:
        super().__init__(vault.store, clock)
        self._index = index

    def save(self, checkin: CheckIn) -> CheckIn:
        saved = super().save(checkin)
        self._index.upsert_checkin(saved)
        return saved

    def delete(self, record_id: str) -> CheckIn | None:
        deleted = super().delete(record_id)
        self._index.remove(record_id)
        return deleted


class IndexedJournal(JournalService):
    def __init__(self, vault: Vault, clock: Clock, index: SearchIndex) -> None:
        super().__init__(vault.store, clock)
        self._index = index

    def save(self, entry: JournalEntry) -> JournalEntry:
        saved = super().save(entry)
        self._index.upsert_journal(saved)
        return saved

    def delete(self, record_id: str) -> JournalEntry | None:
        deleted = super().delete(record_id)
        self._index.remove(record_id)
        return deleted


class Services:
    """What the GUI and command line use while the vault is unlocked; dropped with it on lock."""

    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock
        self.search = SearchIndex(vault.store)
        self.checkins = IndexedCheckIns(vault, clock, self.search)
        self.journal = IndexedJournal(vault, clock, self.search)
        self.drafts = DraftStore(vault.store)
        self.directory = ContactService(vault.store, clock)
        self.instruments = InstrumentService(vault.store, clock)
        self.status = StatusService(vault.store, clock, self.directory)

    def bulk_changed(self, **_details: Any) -> None:
        """After an import: the index and the contact cache are rebuilt on next use."""
        self.search.invalidate()
        self.directory.invalidate()
