"""A long day at the desk, run as a child process by ``test_long_session.py``.

Creates a vault through the welcome page, locks, unlocks, then saves check-ins and journal entries through
widgets found by their accessible names, switching pages between each save. An interpreter abort (such as
PySide6 6.12.0's ``none_dealloc`` on Python 3.11) ends this process with a signal, which the test sees.

Usage: ``python -m tests.ui.long_session_driver DATA_DIR PASSPHRASE COUNT``
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QWidget,
)

from tests.helpers.qt import find
from ui.app import apply_style
from ui.main_window import MainWindow, create_window

CTRL = Qt.KeyboardModifier.ControlModifier


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout_s} s for {what}")
        QApplication.processEvents()
        time.sleep(0.002)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def navigate(window: MainWindow, title: str) -> None:
    """Click the page's entry in the navigation list, where a user would."""
    navigation = find(window, "Navigation", QListWidget)
    item = navigation.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    QTest.mouseClick(
        navigation.viewport(), Qt.MouseButton.LeftButton, pos=navigation.visualItemRect(item).center()
    )
    wait_until(lambda: navigation.currentItem() is item, f"the {title} page")


def create_and_unlock(window: MainWindow, passphrase: str) -> None:
    QTest.keyClicks(find(window, "Passphrase", QLineEdit), passphrase)
    QTest.keyClicks(find(window, "Confirm passphrase", QLineEdit), passphrase)
    click(find(window, "Create vault", QPushButton))
    wait_until(lambda: _shown(window, "I have saved my recovery key"), "the recovery key page")
    saved = find(window, "I have saved my recovery key", QCheckBox)
    QTest.mouseClick(saved, Qt.MouseButton.LeftButton, pos=QPoint(8, saved.height() // 2))
    click(find(window, "Continue", QPushButton))
    wait_until(lambda: window.main_area is not None, "the unlocked window")
    QTest.keyClick(window, Qt.Key.Key_L, CTRL)
    wait_until(lambda: window.main_area is None, "the lock")
    field = find(window, "Passphrase", QLineEdit)
    QTest.keyClicks(field, passphrase)
    QTest.keyClick(field, Qt.Key.Key_Return)
    wait_until(lambda: window.main_area is not None, "the unlock")


def _shown(window: QWidget, name: str) -> bool:
    return any(w.accessibleName() == name and w.isVisible() for w in window.findChildren(QWidget))


def check_in(window: MainWindow, number: int) -> None:
    navigate(window, "Today")
    mood = find(window, "Mood", QSlider)
    mood.setFocus()
    QTest.keyClicks(mood, str(number % 9 + 1))
    QTest.keyClicks(find(window, "Note", QPlainTextEdit), f"long session check-in {number}")
    listed = find(window, "Today's check-ins", QListView, visible=False).model()
    QTest.keyClick(find(window, "Note", QPlainTextEdit), Qt.Key.Key_Return, CTRL)
    wait_until(lambda: listed.rowCount() == number + 1, f"check-in {number} to be listed")
    assert "Thank you" in find(window, "Check-in message", QLabel).text()


def write_entry(window: MainWindow, number: int) -> None:
    navigate(window, "Journal")
    QTest.keyClick(find(window, "Search journal", QLineEdit), Qt.Key.Key_N, CTRL)
    QTest.keyClicks(find(window, "Title", QLineEdit), f"Entry {number}")
    editor = find(window, "Entry text", QPlainTextEdit)
    QTest.keyClicks(editor, f"long session journal {number}")
    listed = find(window, "Journal entries", QListView).model()
    QTest.keyClick(editor, Qt.Key.Key_S, CTRL)
    wait_until(lambda: listed.rowCount() == number + 1, f"journal entry {number} to be listed")
    assert "Saved" in find(window, "Journal message", QLabel).text()


def main(argv: list[str]) -> int:
    data_dir, passphrase, count = Path(argv[0]), argv[1], int(argv[2])
    app = QApplication.instance() or QApplication(["long-session"])
    assert isinstance(app, QApplication)
    apply_style(app)
    # The default Argon2id cost is kept on purpose: the real window, the real unlock.
    window = create_window(data_dir)
    window.show()
    QTest.qWaitForWindowExposed(window)
    create_and_unlock(window, passphrase)
    for number in range(count):
        check_in(window, number)
        write_entry(window, number)
        navigate(window, "Support")
    window.close()
    app.processEvents()
    print(f"saved {count} check-ins and {count} journal entries", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
