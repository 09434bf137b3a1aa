"""Full-text search over journal entries and check-in notes, held in memory only while unlocked.

The index is built on first use from the decrypted records and updated by the services on every change, so
nothing searchable is ever written to disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from wellbeing_app import checkins, journal
from wellbeing_app.storage.records import RecordStore
from wellbeing_app.textsearch import fold, matches_all, query_words, snippet


@dataclass(frozen=True)
class SearchHit:
    id: str
    date: date
    title: str
    snippet: str
    kind: str  # "journal" or "checkin"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "title": self.title,
            "snippet": self.snippet,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class _Document:
    id: str
    kind: str
    date: date
    sort_key: str
    title: str
    text: str
    folded: str


class SearchIndex:
    def __init__(self, store: RecordStore) -> None:
        self._store = store
        self._docs: dict[str, _Document] | None = None

    @property
    def built(self) -> bool:
        return self._docs is not None

    def build(self) -> None:
        docs: dict[str, _Document] = {}
        for record in self._store.load(journal.KIND).records:
            try:
                entry = journal.JournalEntry.from_record(record)
            except Exception:  # damaged records are reported by their services, not by search
                continue
            docs[entry.id] = self._journal_doc(entry)
        for record in self._store.load(checkins.KIND).records:
            try:
                checkin = checkins.CheckIn.from_record(record)
            except Exception:
                continue
            if checkin.note.strip():
                docs[checkin.id] = self._checkin_doc(checkin)
        self._docs = docs

    @staticmethod
    def _journal_doc(entry: journal.JournalEntry) -> _Document:
        text = f"{entry.title}\n{entry.body}" if entry.title else entry.body
        # Within a day, journal entries sort after that day's check-ins (newest first puts them on top).
        return _Document(
            entry.id,
            "journal",
            entry.date,
            f"24:00 {entry.updated_at}",
            entry.display_title,
            entry.body,
            fold(text),
        )

    @staticmethod
    def _checkin_doc(checkin: checkins.CheckIn) -> _Document:
        title = f"Check-in {checkin.time:%H:%M} · mood {checkin.mood}"
        return _Document(
            checkin.id,
            "checkin",
            checkin.date,
            checkin.time.isoformat(),
            title,
            checkin.note,
            fold(checkin.note),
        )

    def upsert_journal(self, entry: journal.JournalEntry) -> None:
        if self._docs is not None:
            self._docs[entry.id] = self._journal_doc(entry)

    def upsert_checkin(self, checkin: checkins.CheckIn) -> None:
        if self._docs is None:
            return
        if checkin.note.strip():
            self._docs[checkin.id] = self._checkin_doc(checkin)
        else:
            self._docs.pop(checkin.id, None)

    def remove(self, record_id: str) -> None:
        if self._docs is not None:
            self._docs.pop(record_id, None)

    def invalidate(self) -> None:
        self._docs = None

    def search(
        self, query: str, *, kinds: tuple[str, ...] = ("journal", "checkin"), limit: int | None = None
    ) -> list[SearchHit]:
        """Every document containing all the words (case- and accent-insensitive), newest first."""
        words = query_words(query)
        if not words:
            return []
        if self._docs is None:
            self.build()
        assert self._docs is not None
        found = [d for d in self._docs.values() if d.kind in kinds and matches_all(d.folded, words)]
        found.sort(key=lambda d: (d.date, d.sort_key), reverse=True)
        if limit is not None:
            found = found[:limit]
        return [SearchHit(d.id, d.date, d.title, snippet(d.text, words), d.kind) for d in found]

    def matching_ids(self, query: str, kind: str) -> set[str]:
        """Ids only, without snippets: for filtering a list as the user types."""
        words = query_words(query)
        if self._docs is None:
            self.build()
        assert self._docs is not None
        return {d.id for d in self._docs.values() if d.kind == kind and matches_all(d.folded, words)}
