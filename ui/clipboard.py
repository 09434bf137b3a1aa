"""Copying secrets and personal details: marked as sensitive for clipboard managers, and cleared on lock."""

from __future__ import annotations

from ui.qt import QApplication, QMimeData, QTimer

_copied: list[str] = []
CLEAR_AFTER_MS = 60_000


def copy_sensitive(text: str, *, clear_after_ms: int | None = CLEAR_AFTER_MS) -> None:
    """Clipboard managers that honour these hints (KDE, macOS, Windows) do not keep the text in history."""
    data = QMimeData()
    data.setText(text)
    data.setData("x-kde-passwordManagerHint", b"secret")
    data.setData("org.nspasteboard.ConcealedType", b"")
    data.setData("ExcludeClipboardContentFromMonitorProcessing", b"\x01\x00\x00\x00")
    QApplication.clipboard().setMimeData(data)
    _copied.append(text)
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
