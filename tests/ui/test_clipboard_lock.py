"""The clipboard after lock (issue 14): journal text copied with Ctrl+C is cleared too, not only the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from ui.main_window import MainWindow
from ui.pages.journal import JournalPage


def test_text_copied_from_the_journal_is_cleared_on_lock(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    assert window.main_area is not None
    assert window.main_area.show_page(JournalPage)
    qtbot.keyClick(
        find(window, "Search journal", QLineEdit), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    editor = find(window, "Entry text", QPlainTextEdit)
    qtbot.keyClicks(editor, "a private sentence")
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "a private sentence"
    window.lock()
    assert QApplication.clipboard().text() == ""
