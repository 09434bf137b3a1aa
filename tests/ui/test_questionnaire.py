"""The WHO-5 and burnout dialogs complete with the keyboard alone, and never save half a form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from ui.dialogs.questionnaire import QuestionnaireDialog

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
    assert dialog.result is not None
    assert dialog.result.answers == (3, 4, 4, 4, 4)
    assert dialog.result.score == 19
    assert dialog.result.who5_percentage == 76


def test_who5_refuses_a_half_filled_form(qtbot: QtBot) -> None:
    dialog = QuestionnaireDialog("who5", TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    find(dialog, "1. I have felt cheerful and in good spirits: Most of the time", QRadioButton).click()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result is None
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
    assert dialog.result is not None
    assert dialog.result.answers == (2,) and dialog.result.score == 2
