"""Copying secrets and personal details: marked as sensitive for clipboard managers, and cleared on lock.

Text the user copies with Ctrl+C from a journal entry or a note also came from this app: ``watch_clipboard``
remembers every clipboard change made while one of our widgets has the focus, so locking clears that too.
"""

from __future__ import annotations

from ui.qt import QApplication, QMimeData, Qt, QTimer

_copied: list[str] = []
_watching: list[bool] = []
CLEAR_AFTER_MS = 60_000


def _note_change() -> None:
    clipboard = QApplication.clipboard()
    active = QApplication.applicationState() == Qt.ApplicationState.ApplicationActive
    if (active and QApplication.focusWidget() is not None) or clipboard.ownsClipboard():
        text = clipboard.text()
        if text and text not in _copied:
            _copied.append(text)


def watch_clipboard() -> None:
    """Remember what is copied from the app's own widgets (once per process)."""
    if not _watching:
        QApplication.clipboard().dataChanged.connect(_note_change)
        _watching.append(True)


def copy_sensitive(text: str, *, clear_after_ms: int | None = CLEAR_AFTER_MS) -> None:
    """Clipboard managers that honour these hints (KDE, macOS, Windows) do not keep the text in history."""
    data = QMimeData()
    data.setText(text)
    data.setData("x-kde-passwordManagerHint", b"secret")
    data.setData("org.nspasteboard.ConcealedType", b"")
    data.setData("ExcludeClipboardContentFromMonitorProcessing", b"\x01\x00\x00\x00")
    _copied.append(text)
    QApplication.clipboard().setMimeData(data)
    if clear_after_ms is not None:
        QTimer.singleShot(clear_after_ms, lambda: clear_if_ours(text))


def clear_if_ours(text: str | None = None) -> None:
    """Empty the clipboard if it still holds what this app put there (one item, or any of them)."""
    clipboard = QApplication.clipboard()
    current = clipboard.text()
    candidates = [text] if text is not None else list(_copied)
    if current and current in candidates:
        clipboard.clear()
    if text is None:
        _copied.clear()
