"""Encrypted drafts: text typed but not yet saved survives a lock, a crash or closing the window."""

from __future__ import annotations

import uuid
from typing import Any

from wellbeing_app.errors import DamagedRecord
from wellbeing_app.storage.records import RecordStore

KIND = "draft"
_NAMESPACE = uuid.UUID("6f1c9a52-3d0e-4a53-9d7e-2f8a4f0b7c11")


def draft_id(slot: str) -> str:
    """A stable name-based id per slot ("checkin-note", "journal-editor"); stored keyed (see keyed_ids)."""
    return str(uuid.uuid5(_NAMESPACE, slot))


class DraftStore:
    def __init__(self, store: RecordStore) -> None:
        self._store = store

    def save(self, slot: str, fields: dict[str, Any]) -> None:
        if not any(str(value).strip() for value in fields.values() if value is not None):
            self.clear(slot)
            return
        self._store.put(KIND, self._store.keyed_id(draft_id(slot)), {"slot": slot, "fields": fields})

    def load(self, slot: str) -> dict[str, Any] | None:
        try:
            record = self._store.get(KIND, self._store.keyed_id(draft_id(slot)))
        except DamagedRecord:
            return None
        if record is None:
            return None
        fields = record.payload.get("fields")
        return dict(fields) if isinstance(fields, dict) else None

    def clear(self, slot: str) -> None:
        self._store.delete(KIND, self._store.keyed_id(draft_id(slot)))
