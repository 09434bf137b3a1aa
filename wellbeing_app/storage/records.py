"""The encrypted record store: JSON payloads sealed per record, with kind, id, day and change time bound in.

Every write stamps the record with when it changed (UTC) and on which device; a deletion leaves a marker whose
content is erased. Both are what lets two copies of a vault meet without losing anything: the newer change
of a record wins, and a deletion is a change like any other, so an old copy cannot bring a record back.

Rows written before change times were kept have an empty time and device; their associated data is exactly
what it was then, so they stay readable without re-encryption, and any timestamped change beats them.

A record that fails to decrypt is reported as damaged and skipped, so the rest of the vault stays readable.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select
from sqlalchemy.dialects.sqlite import insert

from wellbeing_app.clock import Clock, SystemClock
from wellbeing_app.crypto.aead import RecordCipher, associated_data
from wellbeing_app.crypto.keyed_ids import keyed_uuid
from wellbeing_app.errors import AuthenticationFailed, DamagedRecord, IntegrityError, InvalidInput
from wellbeing_app.storage.models import Record
from wellbeing_app.storage.newer import is_newer, newer_in_sql

Payload = dict[str, Any]
ChangeListener = Callable[[frozenset[str]], None]
"""Called once per committed transaction with the record kinds it changed."""

_ID_CHUNK = 500


def utc_stamp(moment: datetime) -> str:
    """Sortable as text: ``2026-11-30T13:20:00.123456Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _after(stamp: str) -> str:
    """The smallest time after ``stamp``, so a deletion always comes after what it deletes."""
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return utc_stamp(moment + timedelta(microseconds=1))


@dataclass(frozen=True)
class StoredRecord:
    id: str
    kind: str
    day: date | None
    payload: Payload
    changed_at: str = ""
    device_id: str = ""


@dataclass(frozen=True)
class Change:
    """One record's latest state, for "changes since" and "apply changes"; a deletion has no content."""

    id: str
    kind: str
    day: date | None
    payload: Payload
    changed_at: str
    device_id: str
    deleted: bool = False


@dataclass(frozen=True)
class Version:
    """What is stored for an id, read without decrypting: enough to decide which side of a merge is newer."""

    kind: str
    changed_at: str
    device_id: str
    deleted: bool


@dataclass
class LoadResult:
    records: list[StoredRecord] = field(default_factory=list)
    damaged: list[DamagedRecord] = field(default_factory=list)


@dataclass(frozen=True)
class PendingRecord:
    """One record to write, for atomic batches such as an import.

    ``changed_at`` and ``device_id`` are kept from where the record came from (an export, another device);
    left empty, the write is stamped as a change made now on this device.
    """

    kind: str
    id: str
    payload: Payload
    day: date | None = None
    changed_at: str = ""
    device_id: str = ""


def payload_aad(
    kind: str,
    record_id: str,
    day: str | None,
    changed_at: str = "",
    device_id: str = "",
    deleted: bool = False,
) -> bytes:
    """A payload's associated data: a ciphertext only opens under its own kind, id, day and change stamp."""
    bound = f"{kind}\x1f{day or ''}"
    if changed_at or device_id or deleted:
        bound += f"\x1f{changed_at}\x1f{device_id}\x1f{int(deleted)}"
    return associated_data("records", "payload", record_id, bound)


P = TypeVar("P")


def read_as(parse: Callable[[StoredRecord], P], record: StoredRecord) -> P:
    """``parse(record)``, with any failure to read its values raised as ``DamagedRecord``: a payload of the
    wrong shape is a damaged record, reported like one that does not decrypt, never an error that stops a read."""
    try:
        return parse(record)
    except DamagedRecord:
        raise
    except (InvalidInput, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise DamagedRecord(record.kind, record.id, "has unreadable values") from exc


class RecordStore:
    def __init__(
        self,
        engine: Engine,
        cipher: RecordCipher,
        *,
        device_id: str = "",
        clock: Clock | None = None,
        id_key: bytes | None = None,
    ) -> None:
        self._engine_ref: Engine | None = engine
        self._cipher_ref: RecordCipher | None = cipher
        self._id_key: bytes | None = id_key
        self._listeners: list[ChangeListener] = []
        self.device_id = device_id
        self._clock = clock or SystemClock()

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
        """Called with the changed record kinds after every committed change (the GUI refreshes from it)."""
        self._listeners.append(listener)

    def _notify(self, kinds: Iterable[str]) -> None:
        changed = frozenset(kinds)
        if changed:
            for listener in list(self._listeners):
                listener(changed)

    def now(self) -> str:
        return utc_stamp(self._clock.now())

    # -- writing ----------------------------------------------------------------------------------------------
    def _seal(self, change: Change) -> dict[str, Any]:
        day = change.day.isoformat() if change.day else None
        data = json.dumps(change.payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        aad = payload_aad(change.kind, change.id, day, change.changed_at, change.device_id, change.deleted)
        return {
            "id": change.id,
            "kind": change.kind,
            "day": day,
            "payload": self._cipher.seal(data, aad),
            "changed_at": change.changed_at,
            "device_id": change.device_id,
            "deleted": change.deleted,
        }

    def _write(self, changes: Sequence[Change], *, only_newer: bool = False) -> int:
        """Upsert in one transaction. ``only_newer``: a stored row is replaced only by a newer change (the rule
        of ``is_newer``, checked again in SQL), so an edit saved meanwhile by another thread or process stays."""
        rows = [self._seal(change) for change in changes]
        if not rows:
            return 0
        statement = insert(Record)
        incoming = statement.excluded
        statement = statement.on_conflict_do_update(
            index_elements=[Record.id],
            set_={
                column: getattr(incoming, column)
                for column in ("kind", "day", "payload", "changed_at", "device_id", "deleted")
            },
            where=newer_in_sql(incoming) if only_newer else None,
        )
        with self._engine.begin() as conn:
            conn.execute(statement, rows)
        self._notify(row["kind"] for row in rows)
        return len(rows)

    def put(self, kind: str, record_id: str, payload: Payload, day: date | None = None) -> None:
        self.put_many([PendingRecord(kind, record_id, payload, day)])

    def put_many(
        self, items: Iterable[PendingRecord], *, stamp: bool = True, only_newer: bool = False
    ) -> int:
        """Insert or replace records in one transaction: all of them are saved, or none.

        Stamped as changed now on this device; with ``stamp=False`` (imports) each keeps the time and device
        it came with, empty meaning "time unknown". ``only_newer``: see ``_write``.
        """
        now = self.now()
        changes = [
            Change(
                item.id,
                item.kind,
                item.day,
                item.payload,
                item.changed_at if not stamp else (item.changed_at or now),
                item.device_id if not stamp else (item.device_id or self.device_id),
            )
            for item in items
        ]
        return self._write(changes, only_newer=only_newer)

    def delete(self, kind: str, record_id: str) -> bool:
        """Leave a deletion marker (content erased) so that an older copy of the record cannot come back."""
        current = self.versions([record_id]).get(record_id)
        if current is None or current.deleted or current.kind != kind:
            return False
        stamp = self.now()
        if current.changed_at and stamp <= current.changed_at:
            stamp = _after(current.changed_at)
        self._write([Change(record_id, kind, None, {}, stamp, self.device_id, deleted=True)])
        return True

    def apply_changes(
        self, changes: Iterable[Change], stored: Mapping[str, Version] | None = None
    ) -> tuple[list[Change], list[Change]]:
        """Write each change that is newer than what is stored (``storage/newer.py``); returns (applied, kept
        because newer here). ``stored``: the ``versions`` of these ids when the caller has just read them."""
        incoming = list(changes)
        if stored is None:
            stored = self.versions([change.id for change in incoming])
        applied: list[Change] = []
        kept: list[Change] = []
        for change in incoming:
            mine = stored.get(change.id)
            if mine is not None and mine.kind != change.kind:
                raise InvalidInput(
                    f"The id {change.id} belongs to a {mine.kind} record here, not a {change.kind}.",
                    field="id",
                )
            if mine is None or is_newer(change.changed_at, change.deleted, mine.changed_at, mine.deleted):
                applied.append(change)
            else:
                kept.append(change)
        self._write(applied, only_newer=True)
        return applied, kept

    # -- reading ----------------------------------------------------------------------------------------------
    def _open(self, row: Any) -> StoredRecord:
        try:
            aad = payload_aad(row.kind, row.id, row.day, row.changed_at, row.device_id, bool(row.deleted))
            data = self._cipher.open(row.payload, aad)
            payload = json.loads(data.decode("utf-8"))
            if not isinstance(payload, dict):
                raise ValueError("payload is not an object")
            if row.deleted and payload:
                raise ValueError("a deletion marker holds content")
        except (IntegrityError, ValueError, TypeError, UnicodeDecodeError, RecursionError) as exc:
            # TypeError: a payload cell holding a number or text instead of bytes.
            raise DamagedRecord(row.kind, row.id) from exc
        day = date.fromisoformat(row.day) if row.day else None
        return StoredRecord(row.id, row.kind, day, payload, row.changed_at, row.device_id)

    def get(self, kind: str, record_id: str) -> StoredRecord | None:
        """One record, or None; raises DamagedRecord when it exists but cannot be read."""
        query = select(Record).where(Record.kind == kind, Record.id == record_id, Record.deleted.is_(False))
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return self._open(row) if row else None

    def load(self, kind: str, *, day_from: date | None = None, day_to: date | None = None) -> LoadResult:
        """Every readable record of a kind (optionally within days, inclusive), damaged ones listed apart."""
        query = select(Record).where(Record.kind == kind, Record.deleted.is_(False))
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
        query = select(func.count()).select_from(Record).where(Record.deleted.is_(False))
        if kind:
            query = query.where(Record.kind == kind)
        with self._engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def versions(self, ids: Sequence[str]) -> dict[str, Version]:
        """Stored kind, change time, device and deletion of each id that exists (markers included)."""
        found: dict[str, Version] = {}
        columns = (Record.id, Record.kind, Record.changed_at, Record.device_id, Record.deleted)
        with self._engine.connect() as conn:
            for start in range(0, len(ids), _ID_CHUNK):
                chunk = list(ids[start : start + _ID_CHUNK])
                for row in conn.execute(select(*columns).where(Record.id.in_(chunk))):
                    found[row.id] = Version(row.kind, row.changed_at, row.device_id, bool(row.deleted))
        return found

    def changes_since(self, since: str = "") -> tuple[list[Change], list[DamagedRecord]]:
        """Every record and deletion marker changed after ``since`` (a ``utc_stamp``; empty: all), oldest first."""
        query = select(Record).order_by(Record.changed_at, Record.id)
        if since:
            query = query.where(Record.changed_at > since)
        changes: list[Change] = []
        damaged: list[DamagedRecord] = []
        for row in self._rows(query):
            try:
                record = self._open(row)
            except DamagedRecord as exc:
                damaged.append(exc)
                continue
            changes.append(
                Change(
                    record.id,
                    record.kind,
                    record.day,
                    record.payload,
                    record.changed_at,
                    record.device_id,
                    bool(row.deleted),
                )
            )
        return changes, damaged

    def fingerprint(self) -> dict[str, tuple[int, str]]:
        """Per kind: how many rows and the latest change; cheap, and different after any write to that kind."""
        query = select(Record.kind, func.count(), func.max(Record.changed_at)).group_by(Record.kind)
        with self._engine.connect() as conn:
            return {str(kind): (int(count), str(latest or "")) for kind, count, latest in conn.execute(query)}

    def check_all(
        self, parsers: Mapping[str, Callable[[StoredRecord], object]] | None = None
    ) -> tuple[int, list[DamagedRecord]]:
        """Decrypt every record and deletion marker, and read each live payload back with its kind's parser
        when one is given; returns how many were read and which are damaged."""
        checked = 0
        damaged: list[DamagedRecord] = []
        parsers = parsers or {}
        for row in self._rows(select(Record)):
            checked += 1
            try:
                record = self._open(row)
                parse = parsers.get(row.kind)
                if parse is not None and not row.deleted:
                    read_as(parse, record)
            except DamagedRecord as exc:
                damaged.append(exc)
        return checked, damaged
