"""Today: a check-in in under 15 seconds, today's check-ins below it, and the last 14 days at a glance."""

from __future__ import annotations

from datetime import timedelta

from ui.dialogs.questionnaire import QuestionnaireDialog
from ui.models.checkins import CheckInListModel
from ui.mood_strip import DAYS, MoodStrip
from ui.pages.base import PageContext, VaultPage
from ui.qt import (
    QAbstractItemView,
    QDate,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QShortcut,
    QTime,
    QTimeEdit,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scale import ScaleInput
from ui.status_area import StatusArea
from ui.tag_input import TagInput
from ui.widgets import card, heading, inline_message, paragraph, primary_button
from wellbeing_app.checkins import SCALE_ANCHORS, CheckIn
from wellbeing_app.detection import Level
from wellbeing_app.errors import InvalidInput, WellbeingError
from wellbeing_app.instruments import InstrumentKind
from wellbeing_app.tags import EVENT_TAGS, SHIFT_TAGS, SUGGESTED_TAGS

DRAFT_SLOT = "today-checkin"
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
DRAFT_DELAY_MS = 2_000
THANKS = "Saved. Thank you for checking in."


class TodayPage(VaultPage):
    nav_title = "Today"
    icon_name = "today"
    navigate_requested = Signal(str)
    alert_raised = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.services = context.services
        self.editing: CheckIn | None = None
        self.last_deleted: CheckIn | None = None
        self.unseen_alert = False

        content = QWidget()
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(24, 20, 24, 24)
        self.column.setSpacing(16)
        self.title = heading("Today")
        self.subtitle = paragraph("", subtle=True)
        self.column.addWidget(self.title)
        self.column.addWidget(self.subtitle)
        self.status_area = StatusArea()
        self.status_area.journal_requested.connect(lambda: self.navigate_requested.emit("Journal"))
        self.status_area.support_requested.connect(lambda: self.navigate_requested.emit("Support"))
        self.status_area.acknowledged.connect(self._acknowledge)
        self.status_area.snoozed.connect(self._snooze)
        self.column.addWidget(self.status_area)
        self.column.addWidget(self._build_form())
        self.column.addWidget(self._build_offer())
        self.column.addWidget(self._build_strip())
        self.column.addWidget(self._build_list())
        self.column.addWidget(self._build_questionnaire_row())
        self.column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_state)
        self.note.textChanged.connect(self._draft_timer.start)
        self.tags.field.textChanged.connect(self._draft_timer.start)
        shortcut_return = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut_enter = QShortcut(QKeySequence("Ctrl+Enter"), self)
        for shortcut in (shortcut_return, shortcut_enter):
            shortcut.activated.connect(self.save_checkin)
        self.setFocusProxy(self.mood)
        self._reset_when()
        self.refresh()
        self._restore_draft()

    # -- building ----------------------------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        frame, layout = card()
        layout.addWidget(heading("How are you right now?", level=2))
        self.mood = ScaleInput("Mood", *SCALE_ANCHORS["mood"])
        layout.addWidget(self.mood)
        pair = QHBoxLayout()
        pair.setSpacing(24)
        self.energy = ScaleInput("Energy", *SCALE_ANCHORS["energy"])
        self.stress = ScaleInput("Stress", *SCALE_ANCHORS["stress"])
        pair.addWidget(self.energy)
        pair.addWidget(self.stress)
        layout.addLayout(pair)
        sleep_row = QHBoxLayout()
        sleep_label = QLabel("Sleep last night")
        self.sleep = QDoubleSpinBox()
        self.sleep.setAccessibleName("Sleep hours")
        self.sleep.setRange(-0.5, 24)
        self.sleep.setSingleStep(0.5)
        self.sleep.setDecimals(1)
        self.sleep.setSuffix(" h")
        self.sleep.setSpecialValueText("not set")
        self.sleep.setValue(-0.5)
        sleep_label.setBuddy(self.sleep)
        sleep_row.addWidget(sleep_label)
        sleep_row.addWidget(self.sleep)
        sleep_row.addStretch(1)
        layout.addLayout(sleep_row)
        layout.addWidget(QLabel("Tags"))
        self.tags = TagInput(SUGGESTED_TAGS, chips=(SHIFT_TAGS, EVENT_TAGS))
        layout.addWidget(self.tags)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Anything you'd like to remember about today (optional)")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        layout.addWidget(self.note)
        when = QHBoxLayout()
        when_label = QLabel("When")
        self.when_date = QDateEdit()
        self.when_date.setAccessibleName("Check-in date")
        self.when_date.setCalendarPopup(True)
        self.when_date.setDisplayFormat("d MMM yyyy")
        self.when_time = QTimeEdit()
        self.when_time.setAccessibleName("Check-in time")
        self.when_time.setDisplayFormat("HH:mm")
        when_label.setBuddy(self.when_date)
        self.when_note = QLabel("now")
        self.when_note.setProperty("role", "subtle")
        when.addWidget(when_label)
        when.addWidget(self.when_date)
        when.addWidget(self.when_time)
        when.addWidget(self.when_note)
        when.addStretch(1)
        layout.addLayout(when)
        self.when_date.dateChanged.connect(self._when_changed)
        self.when_time.timeChanged.connect(self._when_changed)
        self._when_touched = False
        row = QHBoxLayout()
        self.message = inline_message("Check-in message")
        row.addWidget(self.message, 1)
        row.addStretch(1)
        self.cancel_edit_button = QPushButton("Cancel edit")
        self.cancel_edit_button.setAccessibleName("Cancel edit")
        self.cancel_edit_button.hide()
        self.cancel_edit_button.clicked.connect(self.cancel_edit)
        row.addWidget(self.cancel_edit_button)
        self.save_button = primary_button("Save check-in")
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.save_button.clicked.connect(self.save_checkin)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        return frame

    def _build_offer(self) -> QWidget:
        """A gentle, dismissable offer when a questionnaire is due; never more than one at a time."""
        self.offer, layout = card()
        self.offer_text = paragraph("")
        self.offer_text.setAccessibleName("Questionnaire offer")
        layout.addWidget(self.offer_text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.offer_later = QPushButton("Not now")
        self.offer_later.setAccessibleName("Not now")
        self.offer_answer = QPushButton("Answer now")
        self.offer_answer.setAccessibleName("Answer now")
        row.addWidget(self.offer_later)
        row.addWidget(self.offer_answer)
        layout.addLayout(row)
        self.offer_later.clicked.connect(self._dismiss_offer)
        self.offer_answer.clicked.connect(lambda: self.open_questionnaire(self._offered or "who5"))
        self._offered: InstrumentKind | None = None
        self.offer.hide()
        return self.offer

    def _build_questionnaire_row(self) -> QWidget:
        frame, layout = card()
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
        who5_button.clicked.connect(lambda: self.open_questionnaire("who5"))
        burnout_button.clicked.connect(lambda: self.open_questionnaire("burnout"))
        row.addWidget(who5_button)
        row.addWidget(burnout_button)
        row.addStretch(1)
        layout.addLayout(row)
        return frame

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
        self._update_offer(quiet=report.level >= Level.ORANGE)

    def _update_offer(self, *, quiet: bool = False) -> None:
        """Offered once the app is part of a routine (3 days of check-ins), never in a hard stretch."""
        if quiet or len(self.services.checkins.daily_moods(14)) < OFFER_AFTER_DAYS:
            self._offered = None
            self.offer.hide()
            return
        dismissed = self.services.drafts.load(OFFER_SLOT) or {}
        today = self.context.clock.now().date().isoformat()
        self._offered = None
        for kind in ("who5", "burnout"):
            if self.services.instruments.is_due(kind) and str(dismissed.get(kind, "")) < today:
                self._offered = kind
                break
        if self._offered is None:
            self.offer.hide()
            return
        first_time = self.services.instruments.latest(self._offered) is None
        self.offer_text.setText(FIRST_OFFERS[self._offered] if first_time else OFFERS[self._offered])
        self.offer.show()

    def _dismiss_offer(self) -> None:
        if self._offered is None:
            return
        dismissed = self.services.drafts.load(OFFER_SLOT) or {}
        until = self.context.clock.now().date() + timedelta(days=OFFER_PAUSE_DAYS)
        dismissed[self._offered] = until.isoformat()
        self.services.drafts.save(OFFER_SLOT, dismissed)
        self._update_offer()

    def open_questionnaire(self, kind: InstrumentKind) -> None:
        dialog = QuestionnaireDialog(kind, self.context.clock.now().date(), self)
        self.questionnaire = dialog
        dialog.accepted.connect(lambda: self._questionnaire_done(dialog))
        dialog.open()

    def _questionnaire_done(self, dialog: QuestionnaireDialog) -> None:
        if dialog.result is None:
            return
        self.services.instruments.save(dialog.result)
        self._say("Thank you. Your answers are saved, for your eyes only.")
        self.refresh_status()

    def _acknowledge(self, episode_id: str) -> None:
        self.services.status.acknowledge(episode_id)
        self.refresh_status()

    def _snooze(self, episode_id: str) -> None:
        self.services.status.snooze(episode_id)
        self.refresh_status()

    def _form_values(self) -> dict[str, object]:
        sleep = self.sleep.value()
        return {
            "mood": self.mood.value(),
            "energy": self.energy.value(),
            "stress": self.stress.value(),
            "sleep_hours": None if sleep < 0 else sleep,
            "tags": self.tags.tags(),
            "note": self.note.toPlainText(),
        }

    def save_checkin(self) -> None:
        values = self._form_values()
        if values["mood"] is None:
            self._say("Choose your mood first: drag the Mood scale, use the arrow keys, or type a number.")
            self.mood.setFocus()
            return
        try:
            if self.editing is not None:
                checkin = self.services.checkins.build(
                    **values,
                    day=self.when_date.date().toPython(),
                    at=self.when_time.time().toPython(),
                    record_id=self.editing.id,
                )
            elif self._when_touched:  # back-filling an earlier moment; future ones are refused by the core
                checkin = self.services.checkins.build(
                    **values, day=self.when_date.date().toPython(), at=self.when_time.time().toPython()
                )
            else:
                checkin = self.services.checkins.build(**values)
        except InvalidInput as error:
            self._say(str(error))
            return
        self.services.checkins.save(checkin)
        was_editing = self.editing is not None
        self._reset_form()
        self.services.drafts.clear(DRAFT_SLOT)
        self.tags.add_suggestions(checkin.tags)
        self.refresh()
        self._say("Your changes are saved." if was_editing else THANKS)
        self.mood.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _reset_form(self) -> None:
        self._draft_timer.stop()
        for scale in (self.mood, self.energy, self.stress):
            scale.clear()
        self.sleep.setValue(-0.5)
        self.tags.clear()
        self.note.clear()
        self.editing = None
        self.cancel_edit_button.hide()
        self._reset_when()

    def _reset_when(self) -> None:
        """Back to "now"; the moment is taken when Save is pressed, unless the user picks another."""
        now = self.context.clock.now()
        for editor in (self.when_date, self.when_time):
            editor.blockSignals(True)
        self.when_date.setMaximumDate(QDate(now.date()))
        self.when_date.setDate(QDate(now.date()))
        self.when_time.setTime(QTime(now.hour, now.minute))
        for editor in (self.when_date, self.when_time):
            editor.blockSignals(False)
        self._when_touched = False
        self.when_note.setText("now")

    def _show_when(self, checkin: CheckIn) -> None:
        for editor in (self.when_date, self.when_time):
            editor.blockSignals(True)
        self.when_date.setDate(QDate(checkin.date))
        self.when_time.setTime(QTime(checkin.time.hour, checkin.time.minute))
        for editor in (self.when_date, self.when_time):
            editor.blockSignals(False)
        self.when_note.setText("")

    def _when_changed(self) -> None:
        self._when_touched = True
        self.when_note.setText(
            "earlier check-in" if self.when_date.date().toPython() < self.context.clock.now().date() else ""
        )

    def _selected(self) -> CheckIn | None:
        return self.list_model.checkin_at(self.list_view.currentIndex().row())

    def _form_has_unsaved_text(self) -> bool:
        return self.editing is None and bool(
            self.note.toPlainText().strip() or self.tags.field.text().strip()
        )

    def edit_selected(self) -> None:
        checkin = self._selected()
        if checkin is None:
            return
        if self._form_has_unsaved_text():
            self._say("Save or clear the note you are writing first, then choose Edit again.")
            self.note.setFocus()
            return
        self.editing = checkin
        self.mood.set_value(checkin.mood)
        self.energy.set_value(checkin.energy)
        self.stress.set_value(checkin.stress)
        self.sleep.setValue(-0.5 if checkin.sleep_hours is None else checkin.sleep_hours)
        self.tags.set_tags(checkin.tags)
        self.note.setPlainText(checkin.note)
        self._show_when(checkin)
        self.cancel_edit_button.show()
        self._say(f"Editing your {checkin.time:%H:%M} check-in.")
        self.mood.setFocus()

    def cancel_edit(self) -> None:
        self._reset_form()
        self.services.drafts.clear(DRAFT_SLOT)
        self.message.hide()

    def delete_selected(self) -> None:
        checkin = self._selected()
        if checkin is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete check-in",
            f"Delete your {checkin.time:%H:%M} check-in? You can undo this straight after.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.last_deleted = self.services.checkins.delete(checkin.id)
        if self.editing is not None and self.editing.id == checkin.id:
            self._reset_form()
        self.undo_button.show()
        self.refresh()
        self._say("Deleted. Press Undo delete to bring it back.")

    def undo_delete(self) -> None:
        if self.last_deleted is None:
            return
        self.services.checkins.restore(self.last_deleted)
        self.last_deleted = None
        self.undo_button.hide()
        self.refresh()
        self._say("Brought back.")

    # -- drafts -------------------------------------------------------------------------------------------------
    def save_state(self) -> None:
        self._draft_timer.stop()
        note = self.note.toPlainText()
        tags = self.tags.field.text()
        scales = {"mood": self.mood.value(), "energy": self.energy.value(), "stress": self.stress.value()}
        sleep = self.sleep.value()
        if not note.strip() and not tags.strip():
            self.services.drafts.clear(DRAFT_SLOT)  # scales alone take a second to set again; text does not
            return
        self.services.drafts.save(
            DRAFT_SLOT,
            {
                "note": note,
                "tags": tags,
                "editing": self.editing.id if self.editing else None,
                **scales,
                "sleep_hours": None if sleep < 0 else sleep,
            },
        )

    def _restore_draft(self) -> None:
        draft = self.services.drafts.load(DRAFT_SLOT)
        if not draft:
            return
        editing_id = draft.get("editing")
        if editing_id:
            original = self.services.checkins.get(str(editing_id))
            if original is not None:
                self.list_view.setCurrentIndex(self.list_model.index(0))
                self.editing = original
                self._show_when(original)
                self.mood.set_value(original.mood)
                self.energy.set_value(original.energy)
                self.stress.set_value(original.stress)
                self.sleep.setValue(-0.5 if original.sleep_hours is None else original.sleep_hours)
                self.cancel_edit_button.show()
        for scale, key in ((self.mood, "mood"), (self.energy, "energy"), (self.stress, "stress")):
            value = draft.get(key)
            if isinstance(value, int) and 0 <= value <= 10:
                scale.set_value(value)
        sleep = draft.get("sleep_hours")
        if isinstance(sleep, int | float) and 0 <= sleep <= 24:
            self.sleep.setValue(float(sleep))
        self.note.setPlainText(str(draft.get("note") or ""))
        self.tags.field.setText(str(draft.get("tags") or ""))
        self._draft_timer.stop()
        self._say("Your unsaved note is back, just as you left it.")
