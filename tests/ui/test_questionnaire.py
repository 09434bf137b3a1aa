"""The WHO-5 and burnout dialogs complete with the keyboard alone, and never save half a form."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from ui.dialogs.questionnaire import QuestionnaireDialog
from ui.pages.today import TodayPage

TODAY = date(2026, 11, 25)


def _key(qtbot: QtBot, key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key)


def test_who5_with_the_keyboard_only(qtbot: QtBot) -> None:
    dialog = QuestionnaireDialog("who5", TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    first = find(dialog, "1. I have felt cheerful and in good spirits: All of the time", QRadioButton)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    # Question 1: Down twice from "All of the time" → "More than half of the time" (3).
    _key(qtbot, Qt.Key.Key_Space)
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Down)
    for _ in range(4):  # questions 2-5: Tab into the next group, Space picks "All of the time", Down once → 4
        _key(qtbot, Qt.Key.Key_Tab)
        _key(qtbot, Qt.Key.Key_Space)
        _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Return)
    assert dialog.answered is not None
    assert dialog.answered.answers == (3, 4, 4, 4, 4)
    assert dialog.answered.score == 19
    assert dialog.answered.who5_percentage == 76


def test_who5_refuses_a_half_filled_form(qtbot: QtBot) -> None:
    dialog = QuestionnaireDialog("who5", TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    find(dialog, "1. I have felt cheerful and in good spirits: Most of the time", QRadioButton).click()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.answered is None
    assert "question 2" in find(dialog, "Questionnaire message", QLabel).text()
    assert "Psychiatric Research Unit" in " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_burnout_with_the_keyboard_only(qtbot: QtBot) -> None:
    dialog = QuestionnaireDialog("burnout", TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [b for b in dialog.findChildren(QRadioButton)]
    buttons[0].setFocus()
    qtbot.waitUntil(buttons[0].hasFocus)
    _key(qtbot, Qt.Key.Key_Space)
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Return)
    assert dialog.answered is not None
    assert dialog.answered.answers == (2,) and dialog.answered.score == 2


def test_offered_when_due_answered_then_not_offered_again(qtbot: QtBot, unlocked_window: object) -> None:
    from datetime import timedelta

    from PySide6.QtWidgets import QPushButton

    from ui.main_window import MainWindow

    window = unlocked_window
    assert isinstance(window, MainWindow) and window.main_area is not None
    page = window.main_area.page(TodayPage)
    assert isinstance(page, TodayPage)
    with pytest.raises(LookupError):
        find(
            window, "Answer now", QPushButton
        )  # not on the first day: no questionnaire before a routine exists
    today = page.context.clock.now().date()
    for offset in range(3):
        page.services.checkins.add(mood=6, day=today - timedelta(days=offset), at="08:00")
    page.refresh()
    assert "five short questions" in find(window, "Questionnaire offer", QLabel).text()
    qtbot.mouseClick(find(window, "Answer now", QPushButton), Qt.MouseButton.LeftButton)
    dialog = page.questionnaire
    assert isinstance(dialog, QuestionnaireDialog) and dialog.isVisible()
    for number in range(1, 6):
        item = [b for b in dialog.findChildren(QRadioButton) if b.accessibleName().startswith(f"{number}.")]
        item[1].click()  # "Most of the time" = 4
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = page.services.instruments.latest("who5")
    assert saved is not None and saved.score == 20
    # WHO-5 is now not due; the monthly burnout question is offered next, and "Not now" sets it aside.
    assert "how work has been feeling" in find(window, "Questionnaire offer", QLabel).text()
    qtbot.mouseClick(find(window, "Not now", QPushButton), Qt.MouseButton.LeftButton)
    with pytest.raises(LookupError):
        find(window, "Answer now", QPushButton)
