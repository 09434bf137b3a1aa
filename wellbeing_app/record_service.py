"""What every service over one record kind shares: reading, deleting, and reporting damaged records.

Each kind of record has exactly one service class on this base (``wellbeing_app.record_kinds`` lists them); its
``parse`` is the one place that turns a decrypted payload back into the domain object, so the services and
``verify`` validate a record the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from wellbeing_app.clock import Clock
from wellbeing_app.errors import DamagedRecord
from wellbeing_app.storage.records import RecordStore, StoredRecord, read_as

T = TypeVar("T")


def read_valid(
    store: RecordStore,
    kind: str,
    parse: Callable[[StoredRecord], T],
    *,
    day_from: date | None = None,
    day_to: date | None = None,
) -> tuple[list[T], list[DamagedRecord]]:
    """Decrypt and parse every record of a kind; what fails either step is reported, never raised."""
    result = store.load(kind, day_from=day_from, day_to=day_to)
    damaged = list(result.damaged)
    parsed: list[T] = []
    for record in result.records:
        try:
            parsed.append(read_as(parse, record))
        except DamagedRecord as exc:
            damaged.append(exc)
    return parsed, damaged


class RecordService(Generic[T]):
    kind: ClassVar[str]

    def __init__(self, store: RecordStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self.damaged: list[DamagedRecord] = []

    @staticmethod
    def parse(record: StoredRecord) -> Any:
        """The payload as its domain object; raises ``InvalidInput`` or ``DamagedRecord`` when it is wrong."""
        raise NotImplementedError

    def get(self, record_id: str) -> T | None:
        """The record, None when there is none; ``DamagedRecord`` when it is there but cannot be read."""
        record = self._store.get(self.kind, record_id)
        if record is None:
            return None
        parsed: T = read_as(self.parse, record)
        return parsed

    def delete(self, record_id: str) -> T | None:
        """Delete and return what was deleted, so the caller can offer undo."""
        existing = self.get(record_id)
        if existing is not None:
            self._store.delete(self.kind, record_id)
        return existing

    def _read(self, day_from: date | None = None, day_to: date | None = None) -> list[T]:
        """Every readable record in the range; the unreadable ones go to ``damaged``."""
        items, self.damaged = read_valid(self._store, self.kind, self.parse, day_from=day_from, day_to=day_to)
        return items
