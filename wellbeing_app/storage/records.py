"""The encrypted record store: JSON payloads sealed per record, with kind, id and day bound in.

A record that fails to decrypt is reported as damaged and skipped, so the rest of the vault stays readable.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.dialects.sqlite import insert

from wellbeing_app.crypto.aead import RecordCipher, associated_data
from wellbeing_app.crypto.keyed_ids import keyed_uuid
from wellbeing_app.errors import AuthenticationFailed, DamagedRecord, IntegrityError, InvalidInput
from wellbeing_app.storage.models import Record

Payload = dict[str, Any]
ChangeListener = Callable[[str], None]


@dataclass(frozen=True)
class StoredRecord:
    id: str
    kind: str
    day: date | None
    payload: Payload


@dataclass
class LoadResult:
    records: list[StoredRecord] = field(default_factory=list)
    damaged: list[DamagedRecord] = field(default_factory=list)


@dataclass(frozen=True)
class PendingRecord:
    """One record to write, for atomic batches such as an import."""

    kind: str
    id: str
    payload: Payload
    day: date | None = None


def payload_aad(kind: str, record_id: str, day: str | None) -> bytes:
    """A payload's associated data: a ciphertext only opens under its own kind, id and day."""
    return associated_data("records", "payload", record_id, f"{kind}\x1f{day or ''}")


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
            parsed.append(parse(record))
        except (InvalidInput, DamagedRecord):
            damaged.append(DamagedRecord(kind, record.id, "has unreadable values"))
    return parsed, damaged


class RecordStore:
    def __init__(self, engine: Engine, cipher: RecordCipher, id_key: bytes | None = None) -> None:
        self._engine_ref: Engine | None = engine
        self._cipher_ref: RecordCipher | None = cipher
        self._id_key: bytes | None = id_key
        self._listeners: list[ChangeListener] = []

    @property
    def _engine(self) -> Engine:
        if self._engine_ref is None:
            raise AuthenticationFailed("The vault is locked.")
        return self._engine_ref

    @property
    def _cipher(self) -> RecordCipher:
        if self._cipher_ref is None:
            raise AuthenticationFailed("The vault is locked.")
        return self._cipher_ref

    def close(self) -> None:
        """Forget the key and the database: every later call says the vault is locked."""
        self._engine_ref = None
        self._cipher_ref = None
        self._id_key = None
        self._listeners.clear()

    def keyed_id(self, stable_id: str) -> str:
        """The id to store for a name-based ``stable_id``: unlinkable to content without the key."""
        if self._id_key is None:
            raise AuthenticationFailed("The vault is locked.")
        return keyed_uuid(self._id_key, stable_id)

    def add_listener(self, listener: ChangeListener) -> None:
        """Called with the record kind after every committed change (the GUI refreshes from it)."""
        self._listeners.append(listener)

    def _notify(self, kinds: Iterable[str]) -> None:
        for kind in sorted(set(kinds)):
            for listener in list(self._listeners):
                listener(kind)

    def _seal(self, item: PendingRecord) -> dict[str, Any]:
        day = item.day.isoformat() if item.day else None
        data = json.dumps(item.payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return {
            "id": item.id,
            "kind": item.kind,
            "day": day,
            "payload": self._cipher.seal(data, payload_aad(item.kind, item.id, day)),
        }

    def put(self, kind: str, record_id: str, payload: Payload, day: date | None = None) -> None:
        self.put_many([PendingRecord(kind, record_id, payload, day)])

    def put_many(self, items: Iterable[PendingRecord]) -> int:
        """Insert or replace records in one transaction: all of them are saved, or none."""
        rows = [self._seal(item) for item in items]
        if not rows:
            return 0
        statement = insert(Record)
        statement = statement.on_conflict_do_update(
            index_elements=[Record.id],
            set_={
                "kind": statement.excluded.kind,
                "day": statement.excluded.day,
                "payload": statement.excluded.payload,
            },
        )
        with self._engine.begin() as conn:
            conn.execute(statement, rows)
        self._notify(row["kind"] for row in rows)
        return len(rows)

    def delete(self, kind: str, record_id: str) -> bool:
        with self._engine.begin() as conn:
            result = conn.execute(delete(Record).where(Record.kind == kind, Record.id == record_id))
        if result.rowcount:
            self._notify([kind])
        return bool(result.rowcount)

    def _open(self, row: Any) -> StoredRecord:
        try:
            data = self._cipher.open(row.payload, payload_aad(row.kind, row.id, row.day))
            payload = json.loads(data.decode("utf-8"))
            if not isinstance(payload, dict):
                raise ValueError("payload is not an object")
        except (IntegrityError, ValueError, TypeError, UnicodeDecodeError, RecursionError) as exc:
            # TypeError: a payload cell holding a number or text instead of bytes.
            raise DamagedRecord(row.kind, row.id) from exc
        day = date.fromisoformat(row.day) if row.day else None
        return StoredRecord(id=row.id, kind=row.kind, day=day, payload=payload)

    def get(self, kind: str, record_id: str) -> StoredRecord | None:
        """One record, or None; raises DamagedRecord when it exists but cannot be read."""
        with self._engine.connect() as conn:
            row = conn.execute(select(Record).where(Record.kind == kind, Record.id == record_id)).first()
        return self._open(row) if row else None

    def load(self, kind: str, *, day_from: date | None = None, day_to: date | None = None) -> LoadResult:
        """Every readable record of a kind (optionally within days, inclusive), damaged ones listed apart."""
        query = select(Record).where(Record.kind == kind)
        if day_from:
            query = query.where(Record.day >= day_from.isoformat())
        if day_to:
            query = query.where(Record.day <= day_to.isoformat())
        result = LoadResult()
        for row in self._rows(query):
            try:
                result.records.append(self._open(row))
            except DamagedRecord as damaged:
                result.damaged.append(damaged)
        return result

    def _rows(self, query: Any) -> Iterator[Any]:
        with self._engine.connect() as conn:
            yield from conn.execute(query)

    def count(self, kind: str | None = None) -> int:
        query = select(func.count()).select_from(Record)
        if kind:
            query = query.where(Record.kind == kind)
        with self._engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def check_all(self) -> tuple[int, list[DamagedRecord]]:
        """Decrypt every record of every kind; returns how many were read and which are damaged."""
        checked = 0
        damaged: list[DamagedRecord] = []
        for row in self._rows(select(Record)):
            checked += 1
            try:
                self._open(row)
            except DamagedRecord as exc:
                damaged.append(exc)
        return checked, damaged
