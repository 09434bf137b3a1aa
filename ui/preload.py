"""Load the database layer and the unlocked app's pages on a worker thread while the user types the passphrase.

The first page paints without them (issue 15); by the time Unlock is pressed they are usually in memory, so
Unlock → Today costs only the key derivation and the first queries. Importing is thread-safe: if the GUI
thread needs one of these modules first, it waits for the worker to finish importing it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ui.qt import QEvent, QObject, QRunnable, QThreadPool, QTimer, QWidget

MODULES = (
    "ui.dialogs.crisis",  # first: "Need help now?" must open at once
    "wellbeing_app.vault",
    "wellbeing_app.services",
    "wellbeing_app.directory.service",
    "wellbeing_app.status",
    "ui.changes",
    "ui.pages.shell",
    "ui.pages.today",
    "ui.pages.journal",
    "ui.pages.trends",
    "ui.pages.support",
    "ui.pages.settings",
)


class _Preload(QRunnable):
    def run(self) -> None:
        for name in MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # the GUI thread imports it again when needed and reports the error there
                continue


def start_preload() -> None:
    QThreadPool.globalInstance().start(_Preload())


class _AfterFirstPaint(QObject):
    """Runs a callback once the window has painted, so it never competes with the first frame."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._started = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._started:
            self._started = True
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def run_after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    window.installEventFilter(_AfterFirstPaint(window, callback))


def preload_after_first_paint(window: QWidget) -> None:
    run_after_first_paint(window, start_preload)
