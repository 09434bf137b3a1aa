"""The Today page's questionnaires: the offer when one is due, the "Short questionnaires" card, and opening
the dialog and saving its answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ui.dialogs.questionnaire import QuestionnaireDialog
from ui.qt import QFrame, QHBoxLayout, QPushButton, QWidget, Signal
from ui.widgets import as_card, heading, paragraph
from wellbeing_app.clock import Clock
from wellbeing_app.instruments import InstrumentKind
from wellbeing_app.services import Services

OFFER_SLOT = "questionnaire-offers"
OFFER_PAUSE_DAYS = 3
OFFER_AFTER_DAYS = 3
OFFERS: dict[InstrumentKind, str] = {
    "who5": "It's been two weeks or more since your last two-week check. Would you like to answer five short "
    "questions about how you've been? It takes about a minute.",
    "burnout": "Would you like to answer the monthly question about how work has been feeling?",
}
FIRST_OFFERS: dict[InstrumentKind, str] = {
    "who5": "Would you like to answer five short questions about how the last two weeks have been? "
    "It takes about a minute, and only you will see the answers.",
    "burnout": "Would you like to answer one short question about how work has been feeling lately?",
}
ANSWERS_SAVED = "Thank you. Your answers are saved, for your eyes only."


def ask(
    kind: InstrumentKind, today: date, services: Services, parent: QWidget, saved: Callable[[], None]
) -> QuestionnaireDialog:
    """Open the questionnaire without blocking; its answers are saved, and ``saved`` called, on Save."""
    dialog = QuestionnaireDialog(kind, today, parent)
    dialog.accepted.connect(lambda: _save_answers(dialog, services, saved))
    dialog.open()
    return dialog


def _save_answers(dialog: QuestionnaireDialog, services: Services, saved: Callable[[], None]) -> None:
    if dialog.answered is None:
        return
    services.instruments.save(dialog.answered)
    saved()


class QuestionnaireOffer(QFrame):
    """A gentle, dismissable offer when a questionnaire is due; never more than one at a time."""

    answer_requested = Signal(str)

    def __init__(self, services: Services, clock: Clock) -> None:
        super().__init__()
        self.services = services
        self.clock = clock
        self.offered: InstrumentKind | None = None
        layout = as_card(self)
        self.text_label = paragraph("")
        self.text_label.setAccessibleName("Questionnaire offer")
        layout.addWidget(self.text_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.later_button = QPushButton("Not now")
        self.later_button.setAccessibleName("Not now")
        self.answer_button = QPushButton("Answer now")
        self.answer_button.setAccessibleName("Answer now")
        row.addWidget(self.later_button)
        row.addWidget(self.answer_button)
        layout.addLayout(row)
        self.later_button.clicked.connect(self._dismiss)
        self.answer_button.clicked.connect(lambda: self.answer_requested.emit(self.offered or "who5"))
        self.hide()

    def refresh(self, *, quiet: bool = False) -> None:
        """Offered once the app is part of a routine (3 days of check-ins), never in a hard stretch."""
        if quiet or len(self.services.checkins.daily_moods(14)) < OFFER_AFTER_DAYS:
            self.offered = None
            self.hide()
            return
        dismissed = self.services.drafts.load(OFFER_SLOT) or {}
        today = self.clock.now().date().isoformat()
        due = self.services.instruments.due(("who5", "burnout"))
        offer = next(((kind, last) for kind, last in due if str(dismissed.get(kind, "")) < today), None)
        self.offered = offer[0] if offer else None
        if offer is None:
            self.hide()
            return
        kind, last = offer
        self.text_label.setText(FIRST_OFFERS[kind] if last is None else OFFERS[kind])
        self.show()

    def _dismiss(self) -> None:
        if self.offered is None:
            return
        dismissed = self.services.drafts.load(OFFER_SLOT) or {}
        until = self.clock.now().date() + timedelta(days=OFFER_PAUSE_DAYS)
        dismissed[self.offered] = until.isoformat()
        self.services.drafts.save(OFFER_SLOT, dismissed)
        self.refresh()


class QuestionnairesCard(QFrame):
    """Both questionnaires, always within reach, whether or not one is offered."""

    questionnaire_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        layout = as_card(self)
        layout.addWidget(heading("Short questionnaires", level=2))
        layout.addWidget(
            paragraph(
                "Two well-known questions sets, for your own eyes: the WHO-5 about the last two weeks, "
                "and a single question about burnout. They don't diagnose anything.",
                subtle=True,
            )
        )
        row = QHBoxLayout()
        who5_button = QPushButton("Two-week check (WHO-5)…")
        who5_button.setAccessibleName("Two-week check")
        burnout_button = QPushButton("Burnout question…")
        burnout_button.setAccessibleName("Burnout question")
        who5_button.clicked.connect(lambda: self.questionnaire_requested.emit("who5"))
        burnout_button.clicked.connect(lambda: self.questionnaire_requested.emit("burnout"))
        row.addWidget(who5_button)
        row.addWidget(burnout_button)
        row.addStretch(1)
        layout.addLayout(row)
