"""Encrypted drafts: text typed but not yet saved survives a lock, a crash or closing the window.

One draft per slot ("checkin-note", "journal-editor"), stored under a keyed id derived from the slot's name, so
the same slot always overwrites its own draft and the plaintext ids say nothing about what is being written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from wellbeing_app.errors import DamagedRecord
from wellbeing_app.record_service import RecordService
from wellbeing_app.storage.records import StoredRecord

KIND = "draft"
_NAMESPACE = uuid.UUID("6f1c9a52-3d0e-4a53-9d7e-2f8a4f0b7c11")


def draft_id(slot: str) -> str:
    """A stable name-based id per slot; stored keyed (see ``RecordStore.keyed_id``)."""
    return str(uuid.uuid5(_NAMESPACE, slot))


@dataclass(frozen=True)
class Draft:
    slot: str
    fields: dict[str, Any]


class DraftService(RecordService[Draft]):
    kind = KIND

    @staticmethod
    def parse(record: StoredRecord) -> Draft:
        fields = record.payload.get("fields")
        if not isinstance(fields, dict):
            raise DamagedRecord(KIND, record.id, "has no fields")
        return Draft(str(record.payload.get("slot", "")), dict(fields))

    def _stored_id(self, slot: str) -> str:
        return self._store.keyed_id(draft_id(slot))

    def save(self, slot: str, fields: dict[str, Any]) -> None:
        """Keep what is typed; a draft of nothing but blanks is no draft."""
        if not any(str(value).strip() for value in fields.values() if value is not None):
            self.clear(slot)
            return
        self._store.put(KIND, self._stored_id(slot), {"slot": slot, "fields": fields})

    def load(self, slot: str) -> dict[str, Any] | None:
        """The slot's fields, or None; a damaged draft is None (and is replaced by the next save)."""
        try:
            draft = self.get(self._stored_id(slot))
        except DamagedRecord:
            return None
        return dict(draft.fields) if draft is not None else None

    def clear(self, slot: str) -> None:
        self._store.delete(KIND, self._stored_id(slot))
