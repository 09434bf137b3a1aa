"""Run core work off the GUI thread and get the result back on it (Anki's QueryOp, in small).

Key derivation, import, export and reports go through here, so the window keeps painting meanwhile.
Callbacks run on the GUI thread; the worker never touches widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.qt import QObject, QRunnable, QThreadPool, Signal, Slot, is_alive

_running: set[_Task] = set()


class _Relay(QObject):
    """Lives on the GUI thread; queued signals from the worker land in its slots."""

    finished_ok = Signal(object)
    finished_error = Signal(object)

    def __init__(
        self, on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_failure = on_failure
        self.finished_ok.connect(self._succeeded)
        self.finished_error.connect(self._failed)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._on_success(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._on_failure(error)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as error:  # reported to the GUI thread, never lost in the worker
            self.relay.finished_error.emit(error)
        else:
            self.relay.finished_ok.emit(result)


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    owner: QObject | None = None,
) -> None:
    """Call ``fn`` on the thread pool; exactly one of the callbacks runs afterwards on the GUI thread.

    With an ``owner`` (the page or dialog that asked), the callbacks are skipped if it was destroyed meanwhile,
    for instance because the vault locked while a passphrase change was still running.
    """
    task: _Task

    def alive() -> bool:
        return owner is None or is_alive(owner)

    def done_ok(result: Any) -> None:
        _running.discard(task)
        if alive():
            on_success(result)

    def done_error(error: BaseException) -> None:
        _running.discard(task)
        if alive():
            on_failure(error)

    task = _Task(fn, _Relay(done_ok, done_error))
    _running.add(task)
    QThreadPool.globalInstance().start(task)


def wait_for_background_work(timeout_ms: int = 10_000) -> bool:
    """For shutdown and tests: let running tasks finish."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
