"""Today: a check-in in under 15 seconds, today's check-ins below it, and the last 14 days at a glance.

The page composes its parts: the status area, the check-in form (``ui.checkin_form``), the questionnaire cards
(``today_questionnaires``), the strip and today's list, whose Edit, Delete and Undo it handles.
"""

from __future__ import annotations

from datetime import timedelta

from ui.checkin_form import CheckInForm
from ui.dialogs.questionnaire import QuestionnaireDialog
from ui.models.checkins import CheckInListModel
from ui.mood_strip import DAYS, MoodStrip
from ui.pages.base import PageContext, VaultPage
from ui.pages.journal import JournalPage
from ui.pages.support import SupportPage
from ui.pages.today_questionnaires import ANSWERS_SAVED, QuestionnaireOffer, QuestionnairesCard, ask
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.status_area import StatusArea
from ui.widgets import card, confirm_delete, heading, paragraph
from wellbeing_app import checkins
from wellbeing_app.checkins import CheckIn
from wellbeing_app.detection import Level
from wellbeing_app.directory import records as directory_records
from wellbeing_app.errors import WellbeingError
from wellbeing_app.instruments import InstrumentKind
from wellbeing_app.instruments.store import INSTRUMENT_KIND


class TodayPage(VaultPage):
    nav_title = "Today"
    icon_name = "today"
    shows_kinds = frozenset(
        {checkins.KIND, INSTRUMENT_KIND, directory_records.KIND, directory_records.PROFILE_KIND}
    )
    navigate_requested = Signal(object)  # the page type to show
    alert_raised = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.services = context.services
        self.last_deleted: CheckIn | None = None
        self.unseen_alert = False
        self.questionnaire: QuestionnaireDialog | None = None

        content = QWidget()
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(24, 20, 24, 24)
        self.column.setSpacing(16)
        self.title = heading("Today")
        self.subtitle = paragraph("", subtle=True)
        self.column.addWidget(self.title)
        self.column.addWidget(self.subtitle)
        self.status_area = StatusArea()
        self.status_area.journal_requested.connect(lambda: self.navigate_requested.emit(JournalPage))
        self.status_area.support_requested.connect(lambda: self.navigate_requested.emit(SupportPage))
        self.status_area.acknowledged.connect(self._acknowledge)
        self.status_area.snoozed.connect(self._snooze)
        self.column.addWidget(self.status_area)
        self.form = CheckInForm(self.services, context.clock)
        self.form.checkin_saved.connect(lambda _checkin: self.refresh())
        self.column.addWidget(self.form)
        self.offer = QuestionnaireOffer(self.services, context.clock)
        self.offer.answer_requested.connect(self.open_questionnaire)
        self.column.addWidget(self.offer)
        self.column.addWidget(self._build_strip())
        self.column.addWidget(self._build_list())
        questionnaires = QuestionnairesCard()
        questionnaires.questionnaire_requested.connect(self.open_questionnaire)
        self.column.addWidget(questionnaires)
        self.column.addStretch(1)

        self.scroll_content(content)

        # The parts' widgets under the names they had on the page, for tests and other modules.
        form = self.form
        self.mood, self.energy, self.stress, self.sleep = form.mood, form.energy, form.stress, form.sleep
        self.tags, self.note, self.message = form.tags, form.note, form.message
        self.when_date, self.when_time, self.when_note = form.when_date, form.when_time, form.when_note
        self.save_button, self.cancel_edit_button = form.save_button, form.cancel_edit_button
        self.offer_text, self.offer_later = self.offer.text_label, self.offer.later_button
        self.offer_answer = self.offer.answer_button

        self.setFocusProxy(self.form.mood)
        self.refresh()
        self._just_built = True
        if self.form.restore_draft() is not None:
            self.list_view.setCurrentIndex(self.list_model.index(0))

    def _build_strip(self) -> QWidget:
        frame, layout = card()
        layout.addWidget(heading("Your last 14 days", level=2))
        self.strip = MoodStrip()
        layout.addWidget(self.strip)
        self.strip_caption = paragraph("", subtle=True)
        layout.addWidget(self.strip_caption)
        return frame

    def _build_list(self) -> QWidget:
        frame, layout = card()
        layout.addWidget(heading("Today's check-ins", level=2))
        self.list_model = CheckInListModel()
        self.list_view = QListView()
        self.list_view.setAccessibleName("Today's check-ins")
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setMinimumHeight(110)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.doubleClicked.connect(lambda _index: self.edit_selected())
        layout.addWidget(self.list_view)
        self.empty_label = paragraph("No check-ins yet today.", subtle=True)
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton("Edit")
        self.edit_button.setAccessibleName("Edit check-in")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setAccessibleName("Delete check-in")
        self.undo_button = QPushButton("Undo delete")
        self.undo_button.setAccessibleName("Undo delete")
        self.undo_button.hide()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        return frame

    @property
    def editing(self) -> CheckIn | None:
        return self.form.editing

    # -- data ---------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.context.clock.now().date()
        self.subtitle.setText(f"{today:%A} {today.day} {today:%B %Y}")
        todays = self.services.checkins.on_day(today)
        self.list_model.set_checkins(todays)
        self.empty_label.setVisible(not todays)
        self.list_view.setVisible(bool(todays))
        has_rows = bool(todays)
        self.edit_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)
        if has_rows and not self.list_view.currentIndex().isValid():
            self.list_view.setCurrentIndex(self.list_model.index(len(todays) - 1))
        moods = self.services.checkins.daily_moods(DAYS, today)
        self.strip.set_moods(moods, today)
        start = today - timedelta(days=DAYS - 1)
        self.refresh_status()
        self.strip_caption.setText(
            f"You checked in on {len(moods)} of the last {DAYS} days (since {start.day} {start:%b})."
            if moods
            else "Your daily mood will appear here as you check in."
        )

    def page_shown(self) -> None:
        """Refresh when navigated to; not right after construction, which already did (status, decryption)."""
        if self._just_built:
            self._just_built = False
            return
        self.refresh()

    def refresh_status(self) -> None:
        try:
            report = self.services.status.status()
        except WellbeingError:
            self.status_area.hide()
            return
        self.status_area.show_report(report)
        if report.alert is not None:
            self.unseen_alert = True
            self.alert_raised.emit()
        # In a hard stretch the status area comes first; a questionnaire can wait.
        self.offer.refresh(quiet=report.level >= Level.ORANGE)

    def _acknowledge(self, episode_id: str) -> None:
        self.services.status.acknowledge(episode_id)
        self.refresh_status()

    def _snooze(self, episode_id: str) -> None:
        self.services.status.snooze(episode_id)
        self.refresh_status()

    def open_questionnaire(self, kind: InstrumentKind) -> None:
        today = self.context.clock.now().date()
        self.questionnaire = ask(kind, today, self.services, self, self._questionnaire_saved)

    def _questionnaire_saved(self) -> None:
        self.form.say(ANSWERS_SAVED)
        self.refresh_status()

    # -- today's check-ins --------------------------------------------------------------------------------------
    def save_checkin(self) -> None:
        self.form.save_checkin()

    def cancel_edit(self) -> None:
        self.form.cancel_edit()

    def _selected(self) -> CheckIn | None:
        return self.list_model.checkin_at(self.list_view.currentIndex().row())

    def edit_selected(self) -> None:
        checkin = self._selected()
        if checkin is not None:
            self.form.edit(checkin)

    def delete_selected(self) -> None:
        checkin = self._selected()
        if checkin is None:
            return
        if not confirm_delete(
            self,
            "Delete check-in",
            f"Delete your {checkin.time:%H:%M} check-in? You can undo this straight after.",
        ):
            return
        self.last_deleted = self.services.checkins.delete(checkin.id)
        self.form.drop_edit_of(checkin.id)
        self.undo_button.show()
        self.refresh()
        self.form.say("Deleted. Press Undo delete to bring it back.")

    def undo_delete(self) -> None:
        if self.last_deleted is None:
            return
        self.services.checkins.restore(self.last_deleted)
        self.last_deleted = None
        self.undo_button.hide()
        self.refresh()
        self.form.say("Brought back.")

    def save_state(self) -> None:
        """The form's unsaved text is kept as an encrypted draft before a lock."""
        self.form.save_state()
