"""Auto-lock: any key press, click or scroll in the app counts as activity.

Idle time is measured on the wall clock and checked every few seconds, because Qt's timers run on a
monotonic clock that stops while a laptop sleeps: a machine that slept unlocked must lock on waking.
"""

from __future__ import annotations

import time

from ui.qt import QApplication, QEvent, QGuiApplication, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
CHECK_EVERY_MS = 5_000


class IdleWatcher(QObject):
    idle_timed_out = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit_s = 600.0
        self._last_activity = time.time()
        self._active = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(lambda _state: self._check())

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        """Tests shorten the wait; users set minutes."""
        self._limit_s = milliseconds / 1000
        self._timer.setInterval(max(10, min(CHECK_EVERY_MS, milliseconds // 4)))

    def start(self) -> None:
        self._last_activity = time.time()
        self._active = True
        self._timer.start()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()

    def _check(self) -> None:
        if self._active and time.time() - self._last_activity >= self._limit_s:
            self.stop()
            self.idle_timed_out.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in _ACTIVITY:
            self._last_activity = time.time()
        return False

    def dispose(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.stop()
