"""One object per unlocked vault that wires the services together (and keeps the search index current).

The directory, questionnaires and status are made on first use, so that a quick `checkin` from the command
line does not load the directory and detection code.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from wellbeing_app.checkins import CheckIn, CheckInService
from wellbeing_app.clock import Clock
from wellbeing_app.drafts import DraftStore
from wellbeing_app.journal import JournalEntry, JournalService
from wellbeing_app.search import SearchIndex
from wellbeing_app.vault import Vault

if TYPE_CHECKING:
    from wellbeing_app.contacts import ContactService
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

    @cached_property
    def directory(self) -> ContactService:
        from wellbeing_app.contacts import ContactService

        return ContactService(self.vault.store, self.clock)

    @cached_property
    def instruments(self) -> InstrumentService:
        from wellbeing_app.wellbeing_status import InstrumentService

        return InstrumentService(self.vault.store, self.clock)

    @cached_property
    def status(self) -> StatusService:
        from wellbeing_app.wellbeing_status import StatusService

        return StatusService(self.vault.store, self.clock, self.directory)

    def bulk_changed(self, **_details: Any) -> None:
        """After an import: the index and the contact cache (if it was made) are rebuilt on next use."""
        self.search.invalidate()
        if "directory" in self.__dict__:
            self.directory.invalidate()
