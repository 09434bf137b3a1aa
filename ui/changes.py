"""One signal for "records changed", whoever changed them: a form, an import, an undo, or another process.

The record store calls its listeners on whatever thread wrote (an import runs on the thread pool); the hub
re-emits on the GUI thread through a queued signal. Another process (the command line while the window is
open) is noticed by watching the database files: when they change, a per-kind fingerprint of the records
table (row count and latest change time, no decryption) says which kinds changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ui.qt import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from wellbeing_app.services import Services

WATCH_INTERVAL_MS = 700


class ChangeHub(QObject):
    """``records_changed(kinds)`` on the GUI thread, once per committed change; ``kinds`` is a frozenset."""

    records_changed = Signal(object)
    _written = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.generation = 0
        self._written.connect(self._announce)
        services.vault.store.add_listener(self._written.emit)
        self._watcher = _VaultWatcher(services, self)

    @Slot(object)
    def _announce(self, kinds: frozenset[str]) -> None:
        self.generation += 1
        self._watcher.saw_own_change()
        self.records_changed.emit(kinds)

    def changed_elsewhere(self, kinds: frozenset[str]) -> None:
        self._services.records_changed_elsewhere(kinds)
        self.generation += 1
        self.records_changed.emit(kinds)

    def stop(self) -> None:
        self._watcher.stop()


class _VaultWatcher(QObject):
    """Polls the database files' size and time; cheap enough to run every few hundred milliseconds."""

    def __init__(self, services: Services, hub: ChangeHub) -> None:
        super().__init__(hub)
        self._services = services
        self._hub = hub
        db = Path(services.vault.engine.url.database or "")
        self._files = [db, db.with_name(db.name + "-wal")]
        self._stat = self._file_state()
        self._fingerprint = services.vault.store.fingerprint()
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_INTERVAL_MS)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _file_state(self) -> tuple[tuple[int, int], ...]:
        state = []
        for path in self._files:
            try:
                info = path.stat()
                state.append((info.st_mtime_ns, info.st_size))
            except OSError:
                state.append((0, 0))
        return tuple(state)

    def saw_own_change(self) -> None:
        """Our own write: take the new state as known, so it is not announced a second time."""
        self._stat = self._file_state()
        self._fingerprint = self._services.vault.store.fingerprint()

    def _check(self) -> None:
        state = self._file_state()
        if state == self._stat:
            return
        self._stat = state
        try:
            fingerprint = self._services.vault.store.fingerprint()
        except Exception:  # locked meanwhile, or the file is busy: look again at the next tick
            return
        changed = frozenset(
            kind
            for kind in set(fingerprint) | set(self._fingerprint)
            if fingerprint.get(kind) != self._fingerprint.get(kind)
        )
        self._fingerprint = fingerprint
        if changed:
            self._hub.changed_elsewhere(changed)

    def stop(self) -> None:
        self._timer.stop()
