"""The WHO-5 and the burnout question as short dialogs, answerable with the keyboard alone.

Tab moves between questions, the arrow keys choose an answer, Enter saves. The wording is the instruments' own,
with their attribution; nothing here interprets the answers.
"""

from __future__ import annotations

from datetime import date

from ui.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMouseEvent,
    QRadioButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import heading, inline_message, paragraph, quiet_scroll_area
from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments import InstrumentKind, InstrumentResult, burnout, who5


class _OptionText(QLabel):
    """An answer's words beside its radio button, wrapped to the dialog's width; clicking them chooses it."""

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.button.click()
        self.button.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()


class _Question(QGroupBox):
    """One question with its answers as radio buttons; the group's name is what a screen reader announces.

    The question and the answers are word-wrapped labels (a group box title and a radio button's text never
    wrap), so long answers and large text fit the dialog's width.
    """

    def __init__(self, title: str, options: tuple[tuple[int, str], ...], *, show_numbers: bool) -> None:
        super().__init__()
        self.setAccessibleName(title)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        question = QLabel(title)
        question.setWordWrap(True)
        question.setProperty("role", "field-label")
        layout.addWidget(question)
        for value, text in options:
            button = QRadioButton()
            button.setAccessibleName(f"{title}: {text}")
            self.group.addButton(button, value)
            words = _OptionText(f"{value} · {text}" if show_numbers else text, button)
            row = QHBoxLayout()
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(words, 1)
            layout.addLayout(row)

    def answer(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked


class QuestionnaireDialog(QDialog):
    def __init__(self, kind: InstrumentKind, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.today = today
        self.answered: InstrumentResult | None = None
        self.questions: list[_Question] = []
        layout = QVBoxLayout(self)
        body = QWidget()
        column = QVBoxLayout(body)
        if kind == "who5":
            self.setWindowTitle("How have the last two weeks been?")
            column.addWidget(heading("How have the last two weeks been?"))
            column.addWidget(paragraph(who5.INSTRUCTION))
            for number, item in enumerate(who5.ITEMS, start=1):
                question = _Question(f"{number}. {item}", who5.OPTIONS, show_numbers=True)
                self.questions.append(question)
                column.addWidget(question)
            attribution = who5.ATTRIBUTION
            self.resize(620, 760)
        else:
            self.setWindowTitle("A question about work")
            column.addWidget(heading("A question about work"))
            question = _Question(burnout.STEM, burnout.OPTIONS, show_numbers=True)
            self.questions.append(question)
            column.addWidget(question)
            attribution = burnout.ATTRIBUTION
            self.resize(620, 520)
        column.addWidget(
            paragraph("There are no right or wrong answers. Only you can see them.", subtle=True)
        )
        source = QLabel(attribution)
        source.setWordWrap(True)
        source.setProperty("role", "subtle")
        column.addWidget(source)
        scroll = quiet_scroll_area(QScrollArea())
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.message = inline_message("Questionnaire message")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Save answers", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName("Save answers")
        self.save_button.setDefault(True)
        later = buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        later.setAccessibleName("Not now")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAccessibleName(self.windowTitle())

    def _save(self) -> None:
        answers = [question.answer() for question in self.questions]
        missing = [n for n, answer in enumerate(answers, start=1) if answer is None]
        if missing:
            which = "the question" if len(self.questions) == 1 else f"question {missing[0]}"
            self.message.setText(f"Please choose an answer for {which} first.")
            self.message.show()
            self.questions[missing[0] - 1].setFocus()
            return
        try:
            self.answered = InstrumentResult.new(self.kind, answers, self.today)
        except InvalidInput as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.accept()
