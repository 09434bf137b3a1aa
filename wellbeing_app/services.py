"""One object per unlocked vault that wires the services together (and keeps the search index current).

The directory, questionnaires and status are made on first use, so that a quick `checkin` from the command
line does not load the directory and detection code (tests/unit/cli/test_startup_imports.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from wellbeing_app import checkins, journal
from wellbeing_app.checkins import CheckIn, CheckInService
from wellbeing_app.clock import Clock
from wellbeing_app.drafts import DraftService
from wellbeing_app.journal import JournalEntry, JournalService
from wellbeing_app.periods import PeriodService
from wellbeing_app.search import SearchIndex
from wellbeing_app.vault import Vault

if TYPE_CHECKING:
    from wellbeing_app.directory.service import DirectoryService
    from wellbeing_app.instruments.store import InstrumentService
    from wellbeing_app.status import StatusService


class _IndexedWrites:
    """Counts writes that update the search index themselves, so the change listener leaves it alone."""

    def __init__(self) -> None:
        self.depth = 0

    @contextmanager
    def running(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1


class IndexedCheckIns(CheckInService):
    def __init__(self, vault: Vault, clock: Clock, index: SearchIndex, writes: _IndexedWrites) -> None:
        super().__init__(vault.store, clock)
        self._index = index
        self._writes = writes

    def save(self, checkin: CheckIn) -> CheckIn:
        with self._writes.running():
            saved = super().save(checkin)
        self._index.upsert_checkin(saved)
        return saved

    def delete(self, record_id: str) -> CheckIn | None:
        with self._writes.running():
            deleted = super().delete(record_id)
        self._index.remove(record_id)
        return deleted


class IndexedJournal(JournalService):
    def __init__(self, vault: Vault, clock: Clock, index: SearchIndex, writes: _IndexedWrites) -> None:
        super().__init__(vault.store, clock)
        self._index = index
        self._writes = writes

    def save(self, entry: JournalEntry) -> JournalEntry:
        with self._writes.running():
            saved = super().save(entry)
        self._index.upsert_journal(saved)
        return saved

    def delete(self, record_id: str) -> JournalEntry | None:
        with self._writes.running():
            deleted = super().delete(record_id)
        self._index.remove(record_id)
        return deleted


class Services:
    """What the GUI and command line use while the vault is unlocked; dropped with it on lock."""

    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock
        self.search = SearchIndex(vault.store)
        self._indexed_writes = _IndexedWrites()
        self.checkins = IndexedCheckIns(vault, clock, self.search, self._indexed_writes)
        self.journal = IndexedJournal(vault, clock, self.search, self._indexed_writes)
        self.drafts = DraftService(vault.store, clock)
        self.periods = PeriodService(vault.store, clock)
        vault.store.add_listener(self._records_changed)

    @cached_property
    def directory(self) -> DirectoryService:
        from wellbeing_app.directory.service import DirectoryService

        return DirectoryService(self.vault.store, self.clock, self.checkins)

    @cached_property
    def instruments(self) -> InstrumentService:
        from wellbeing_app.instruments.store import InstrumentService

        return InstrumentService(self.vault.store, self.clock)

    @cached_property
    def status(self) -> StatusService:
        from wellbeing_app.app_settings import load_settings
        from wellbeing_app.status import StatusService

        # The user's detection thresholds (Settings), else the defaults of docs/detection.md.
        config = load_settings(self.vault.data_dir).detection_config()
        return StatusService(
            self.vault.store, self.clock, self.directory, self.checkins, self.instruments, config=config
        )

    def _directory_changed(self, kinds: frozenset[str]) -> None:
        """Only a directory already made has a cache to drop."""
        if "directory" in self.__dict__:
            from wellbeing_app.directory import records as directory_records

            if directory_records.KIND in kinds:
                self.directory.invalidate()

    def _records_changed(self, kinds: frozenset[str]) -> None:
        """Any other write (an import, an undo, another service) makes the caches rebuild on next use."""
        if kinds & {checkins.KIND, journal.KIND} and not self._indexed_writes.depth:
            self.search.invalidate()
        self._directory_changed(kinds)

    def records_changed_elsewhere(self, kinds: frozenset[str]) -> None:
        """Another process wrote to the vault: the caches of those kinds rebuild on next use."""
        if kinds & {checkins.KIND, journal.KIND}:
            self.search.invalidate()
        self._directory_changed(kinds)
