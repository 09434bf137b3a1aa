"""Every shortcut in the table does what Help → Keyboard shortcuts says, pressed as a user would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from ui.main_window import MainWindow
from ui.pages.journal import JournalPage
from ui.pages.settings import SettingsPage
from ui.pages.support import SupportPage
from ui.pages.today import TodayPage
from ui.pages.trends import TrendsPage
from ui.shortcuts import SHORTCUTS, all_keys

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = CTRL) -> None:
    """To whatever has focus, as the keyboard does."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def current(window: MainWindow) -> QWidget | None:
    assert window.main_area is not None
    return window.main_area.current_page()


def check_navigation(page_type: type, key: Qt.Key) -> Callable[[QtBot, MainWindow], None]:
    def check(qtbot: QtBot, window: MainWindow) -> None:
        assert window.main_area is not None
        window.main_area.navigation.setCurrentRow(4 if page_type is not SettingsPage else 1)
        press(qtbot, window, key)
        assert isinstance(current(window), page_type)

    return check


def check_today(qtbot: QtBot, window: MainWindow) -> None:
    check_navigation(TodayPage, Qt.Key.Key_1)(qtbot, window)
    page = current(window)
    assert isinstance(page, TodayPage)
    assert QApplication.focusWidget() is page.mood.slider  # ready to check in


def check_save_checkin(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_1)
    page = current(window)
    assert isinstance(page, TodayPage)
    qtbot.keyClick(page.mood.slider, Qt.Key.Key_7)
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    moods = [c.mood for c in page.services.checkins.on_day(window.session.clock.now().date())]
    assert moods == [7]  # saved once; the form was cleared, so the second press had nothing to save


def check_new_entry(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_N)
    page = current(window)
    assert isinstance(page, JournalPage)
    assert QApplication.focusWidget() is page.title
    assert page.current is None and page.body.toPlainText() == ""


def check_save_entry(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_N)
    page = current(window)
    assert isinstance(page, JournalPage)
    qtbot.keyClicks(find(page, "Entry text", QPlainTextEdit), "A slow walk home.")
    press(qtbot, window, Qt.Key.Key_S)
    assert [entry.body for entry in page.services.journal.entries()] == ["A slow walk home."]


def check_search(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_F)
    assert QApplication.focusWidget() is find(window, "Search journal", QLineEdit)
    press(qtbot, window, Qt.Key.Key_4)
    press(qtbot, window, Qt.Key.Key_F)
    support = current(window)
    assert isinstance(support, SupportPage)
    assert QApplication.focusWidget() is support.search


def check_lock(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_L)
    assert window.main_area is None and window.session.vault is None


def check_help_now(qtbot: QtBot, window: MainWindow) -> None:
    for state in ("unlocked", "locked"):
        press(qtbot, window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
        assert window.crisis_dialog is not None and window.crisis_dialog.isVisible(), state
        window.crisis_dialog.close()
        window.lock()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def check_quit(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_Q)
    assert not window.isVisible() and window.session.vault is None


CHECKS: dict[str, Callable[[QtBot, MainWindow], None]] = {
    "help_now": check_help_now,
    "today": check_today,
    "journal": check_navigation(JournalPage, Qt.Key.Key_2),
    "trends": check_navigation(TrendsPage, Qt.Key.Key_3),
    "support": check_navigation(SupportPage, Qt.Key.Key_4),
    "settings": check_navigation(SettingsPage, Qt.Key.Key_5),
    "save_checkin": check_save_checkin,
    "new_entry": check_new_entry,
    "save_entry": check_save_entry,
    "search": check_search,
    "lock": check_lock,
    "quit": check_quit,
}


def test_every_shortcut_has_a_check() -> None:
    assert set(CHECKS) == {shortcut.name for shortcut in SHORTCUTS}


def test_shortcuts_do_what_they_say(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    from tests.ui.conftest import PASSPHRASE

    window = unlocked_window
    for check in CHECKS.values():  # quit comes last
        if window.main_area is None:
            window.session.unlock(PASSPHRASE, False, lambda error: None)
            qtbot.waitUntil(lambda: window.main_area is not None, timeout=10_000)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        check(qtbot, window)


def test_help_lists_the_same_table(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.show_shortcuts()
    table = find(window.shortcuts_dialog, "Keyboard shortcuts list", QTableView)
    model = table.model()
    listed = [(model.index(row, 0).data(), model.index(row, 1).data()) for row in range(model.rowCount())]
    assert listed == [(all_keys(s.name), s.action) for s in SHORTCUTS]
    assert ("Ctrl+N", "New journal entry") in listed
    window.shortcuts_dialog.close()
