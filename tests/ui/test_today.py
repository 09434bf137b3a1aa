"""The Today page: a keyboard-only check-in, editing, deleting with undo, the 14-day strip, drafts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSlider,
)
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from tests.ui.conftest import unlock
from ui.main_window import MainWindow
from ui.pages.today import TodayPage


def _today(window: MainWindow) -> TodayPage:
    assert window.main_area is not None
    page = window.main_area.page(TodayPage)
    assert isinstance(page, TodayPage)
    return page


def _type(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def _tab(qtbot: QtBot) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_keyboard_only_checkin_is_saved_and_listed(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    mood = find(window, "Mood", QSlider)
    qtbot.waitUntil(mood.hasFocus)
    _type(qtbot, "7")
    _tab(qtbot)
    assert find(window, "Energy", QSlider).hasFocus()
    _type(qtbot, "4")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    _tab(qtbot)
    assert find(window, "Stress", QSlider).hasFocus()
    _type(qtbot, "10")
    _tab(qtbot)
    sleep = find(window, "Sleep hours", QDoubleSpinBox)
    assert sleep.hasFocus()
    sleep.selectAll()
    _type(qtbot, "6.5")
    _tab(qtbot)
    _type(qtbot, "Night shift, debrief")
    _tab(qtbot)
    assert find(window, "Note", QPlainTextEdit).hasFocus()
    _type(qtbot, "Handover ran late. Tea with Sam helped. ")
    # QTest types Latin-1 only; paste the Hebrew and the emoji as a user would.
    QApplication.clipboard().setText("שלום 🌙")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert "Thank you" in find(window, "Check-in message", QLabel).text()
    listed = find(window, "Today's check-ins", QListView)
    assert listed.model().rowCount() == 1
    text = listed.model().index(0, 0).data()
    assert "mood 7" in text and "energy 5" in text and "stress 10" in text and "slept 6.5 h" in text
    assert "Night shift, debrief" in text and "Tea with Sam" in text
    saved = _today(window).services.checkins.on_day(_today(window).context.clock.now().date())[0]
    assert (saved.mood, saved.energy, saved.stress, saved.sleep_hours) == (7, 5, 10, 6.5)
    assert saved.note.endswith("שלום 🌙")
    # The form is ready for the next check-in, mood first.
    assert find(window, "Mood", QSlider).hasFocus()
    assert find(window, "Note", QPlainTextEdit).toPlainText() == ""


def test_mood_is_required_and_nothing_is_saved_without_it(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    qtbot.keyClicks(find(window, "Note", QPlainTextEdit), "just a note")
    qtbot.mouseClick(find(window, "Save check-in", QPushButton), Qt.MouseButton.LeftButton)
    assert "Choose your mood" in find(window, "Check-in message", QLabel).text()
    assert find(window, "Mood", QSlider).hasFocus()
    assert _today(window).services.checkins.between() == []


def test_edit_delete_and_undo(qtbot: QtBot, unlocked_window: MainWindow, monkeypatch: object) -> None:
    window = unlocked_window
    page = _today(window)
    page.services.checkins.add(mood=3, note="rough morning", at="08:00")
    page.refresh()
    qtbot.mouseClick(find(window, "Edit check-in", QPushButton), Qt.MouseButton.LeftButton)
    assert find(window, "Note", QPlainTextEdit).toPlainText() == "rough morning"
    mood = find(window, "Mood", QSlider)
    mood.setFocus()
    qtbot.keyClicks(mood, "5")
    qtbot.mouseClick(find(window, "Save check-in", QPushButton), Qt.MouseButton.LeftButton)
    checkins = page.services.checkins.between()
    assert len(checkins) == 1 and checkins[0].mood == 5 and checkins[0].time.hour == 8

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # type: ignore[attr-defined]
    qtbot.mouseClick(find(window, "Delete check-in", QPushButton), Qt.MouseButton.LeftButton)
    assert page.services.checkins.between() == []
    qtbot.mouseClick(find(window, "Undo delete", QPushButton), Qt.MouseButton.LeftButton)
    assert [c.mood for c in page.services.checkins.between()] == [5]


def test_delete_asks_first_and_cancel_keeps_it(
    qtbot: QtBot, unlocked_window: MainWindow, monkeypatch: object
) -> None:
    page = _today(unlocked_window)
    page.services.checkins.add(mood=6)
    page.refresh()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)  # type: ignore[attr-defined]
    qtbot.mouseClick(find(unlocked_window, "Delete check-in", QPushButton), Qt.MouseButton.LeftButton)
    assert len(page.services.checkins.between()) == 1


def test_note_draft_survives_lock_and_unlock(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    qtbot.keyClicks(find(window, "Note", QPlainTextEdit), "half a thought about the code blue")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.main_area is None
    unlock(qtbot, window)
    assert find(window, "Note", QPlainTextEdit).toPlainText() == "half a thought about the code blue"


def test_strip_shows_daily_means(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    from datetime import timedelta

    page = _today(unlocked_window)
    today = page.context.clock.now().date()
    page.services.checkins.add(mood=2, day=today - timedelta(days=1), at="08:00")
    page.services.checkins.add(mood=5, day=today - timedelta(days=1), at="20:00")
    page.refresh()
    description = page.strip.accessibleDescription()
    assert "mood 3.5" in description
    assert description.count("no check-in") == 13


def test_back_fill_an_earlier_day(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QDate, QTime
    from PySide6.QtWidgets import QDateEdit, QTimeEdit

    window = unlocked_window
    page = _today(window)
    yesterday = page.context.clock.now().date() - timedelta(days=1)
    find(window, "Mood", QSlider).setFocus()
    qtbot.keyClicks(find(window, "Mood", QSlider), "3")
    find(window, "Check-in date", QDateEdit).setDate(QDate(yesterday))
    find(window, "Check-in time", QTimeEdit).setTime(QTime(23, 15))
    assert find(window, "Check-in date", QDateEdit).maximumDate() == QDate(page.context.clock.now().date())
    qtbot.mouseClick(find(window, "Save check-in", QPushButton), Qt.MouseButton.LeftButton)
    saved = page.services.checkins.on_day(yesterday)
    assert [(c.mood, c.time.hour, c.time.minute) for c in saved] == [(3, 23, 15)]
    # The next check-in is "now" again.
    assert "now" in page.when_note.text()
