"""Detection's episodes in the vault (record kind "episode").

Episode records carry no day (unlike most records), so the plaintext database does not show when one began.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from wellbeing_app.detection.episodes import Episode
from wellbeing_app.record_service import RecordService
from wellbeing_app.storage.records import PendingRecord, StoredRecord

EPISODE_KIND: Final = "episode"


class EpisodeStore(RecordService[Episode]):
    kind = EPISODE_KIND

    @staticmethod
    def parse(record: StoredRecord) -> Episode:
        return Episode.from_payload(record.payload)

    def episodes(self) -> tuple[Episode, ...]:
        """Every stored episode, oldest first; unreadable ones are left out and listed in `damaged`."""
        found = self._read(None, None)
        return tuple(sorted(found, key=lambda episode: (episode.opened_on, episode.id)))

    def write_changes(self, stored: Sequence[Episode], updated: Sequence[Episode]) -> None:
        """Store the episodes that differ from what was read, in one transaction."""
        before = {episode.id: episode for episode in stored}
        changed = [episode for episode in updated if before.get(episode.id) != episode]
        if changed:
            self._store.put_many(
                PendingRecord(EPISODE_KIND, episode.id, episode.to_payload()) for episode in changed
            )


def covering(episodes: Sequence[Episode], day: date) -> Episode | None:
    """The stored episode that was open on `day`, if any."""
    candidates = [
        episode
        for episode in episodes
        if episode.opened_on <= day and (episode.closed_on is None or day < episode.closed_on)
    ]
    return max(candidates, key=lambda episode: episode.opened_on, default=None)
