"""Core work off the GUI thread, after Anki's ``aqt/operations``: one way to read, one way to change, one busy look.

``QueryOp`` runs a core callable on the thread pool and hands its result to ``success`` on the GUI thread (or the
error to ``failure``). ``.with_progress(label)`` shows a window-modal progress dialog, and the callable may
report ``(done, total)`` through the ``progress`` argument it is given. A change needs nothing more: every write
goes through the record store, whose listener feeds the change hub (``ui.changes``), so the pages that show the
changed kinds refresh themselves however the change was made.

Callbacks are skipped when the ``parent`` widget was destroyed meanwhile (the vault locked while a passphrase
change was still running, for instance). The worker never touches widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ui.qt import (
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
    Slot,
    is_alive,
)

T = TypeVar("T")
Progress = Callable[[int, int], None]

_running: set[_Task] = set()


class _Relay(QObject):
    """Lives on the GUI thread; queued signals from the worker land in its slots (plain callables would not)."""

    finished_ok = Signal(object)
    finished_error = Signal(object)
    progressed = Signal(int, int)

    def __init__(
        self,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Progress | None,
    ) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self.finished_ok.connect(self._succeeded)
        self.finished_error.connect(self._failed)
        self.progressed.connect(self._progressed)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._on_success(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._on_failure(error)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self._fn(self.relay.progressed.emit)
        except BaseException as error:  # reported to the GUI thread, never lost in the worker
            self.relay.finished_error.emit(error)
        else:
            self.relay.finished_ok.emit(result)


def _default_failure(error: BaseException) -> None:
    raise error


class QueryOp(Generic[T]):
    """``QueryOp(parent=page, op=lambda progress: ..., success=show).failure(explain).run_in_background()``."""

    def __init__(
        self, *, parent: QWidget | None, op: Callable[[Progress], T], success: Callable[[T], None]
    ) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[BaseException], None] = _default_failure
        self._label: str | None = None

    def failure(self, callback: Callable[[BaseException], None]) -> QueryOp[T]:
        self._failure = callback
        return self

    def with_progress(self, label: str) -> QueryOp[T]:
        """A progress dialog while it runs: busy until the op reports a total, then a bar."""
        self._label = label
        return self

    def run_in_background(self) -> None:
        dialog = _progress_dialog(self._parent, self._label) if self._label is not None else None
        parent = self._parent
        task: _Task

        def alive() -> bool:
            return parent is None or is_alive(parent)

        def finish() -> None:
            _running.discard(task)
            if dialog is not None and is_alive(dialog):
                dialog.close()
                dialog.deleteLater()

        def succeeded(result: Any) -> None:
            finish()
            if alive():
                self._success(result)

        def failed(error: BaseException) -> None:
            finish()
            if alive():
                self._failure(error)

        def progressed(done: int, total: int) -> None:
            if dialog is not None:
                _show_progress(dialog, done, total)

        task = _Task(self._op, _Relay(succeeded, failed, progressed))
        _running.add(task)
        QThreadPool.globalInstance().start(task)


def _progress_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowTitle("Please wait")
    dialog.setAccessibleName("Progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    return dialog


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    if is_alive(dialog):
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))


def run_in_background(
    fn: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
    *,
    owner: QWidget | None = None,
) -> None:
    """A QueryOp without progress, for callers that have no use for the progress argument."""
    QueryOp(parent=owner, op=lambda _progress: fn(), success=on_success).failure(
        on_failure
    ).run_in_background()
