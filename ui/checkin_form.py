"""The check-in form on the Today page: three scales, sleep, tags, a note and when.

It saves a new check-in or the one being edited, and keeps what was typed as an encrypted draft until then.
The page lists the check-ins and says which one to edit.
"""

from __future__ import annotations

from typing import Any

from ui import shortcuts
from ui.qt import (
    QDateEdit,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTime,
    QTimeEdit,
    QTimer,
    Signal,
    pydate,
    pytime,
    qdate,
)
from ui.scale import ScaleInput
from ui.tag_input import TagInput
from ui.widgets import as_card, heading, inline_message, primary_button
from wellbeing_app.checkins import SCALE_ANCHORS, CheckIn
from wellbeing_app.clock import Clock
from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.tags import EVENT_TAGS, SHIFT_TAGS, SUGGESTED_TAGS

DRAFT_SLOT = "today-checkin"
DRAFT_DELAY_MS = 2_000
THANKS = "Saved. Thank you for checking in."
NO_SLEEP = -0.5  # the sleep box's "not set"


class CheckInForm(QFrame):
    checkin_saved = Signal(object)

    def __init__(self, services: Services, clock: Clock) -> None:
        super().__init__()
        self.services = services
        self.clock = clock
        self.editing: CheckIn | None = None
        self._when_touched = False

        layout = as_card(self)
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
        layout.addLayout(self._build_sleep())
        layout.addWidget(QLabel("Tags"))
        self.tags = TagInput(SUGGESTED_TAGS, chips=(SHIFT_TAGS, EVENT_TAGS))
        layout.addWidget(self.tags)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Anything you'd like to remember about today (optional)")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        layout.addWidget(self.note)
        layout.addLayout(self._build_when())
        layout.addLayout(self._build_buttons())

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_state)
        self.note.textChanged.connect(self._draft_timer.start)
        self.tags.field.textChanged.connect(self._draft_timer.start)
        shortcuts.install("save_checkin", self, self.save_checkin)
        self._reset_when()

    def _build_sleep(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("Sleep last night")
        self.sleep = QDoubleSpinBox()
        self.sleep.setAccessibleName("Sleep hours")
        self.sleep.setRange(NO_SLEEP, 24)
        self.sleep.setSingleStep(0.5)
        self.sleep.setDecimals(1)
        self.sleep.setSuffix(" h")
        self.sleep.setSpecialValueText("not set")
        self.sleep.setValue(NO_SLEEP)
        label.setBuddy(self.sleep)
        row.addWidget(label)
        row.addWidget(self.sleep)
        row.addStretch(1)
        return row

    def _build_when(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("When")
        self.when_date = QDateEdit()
        self.when_date.setAccessibleName("Check-in date")
        self.when_date.setCalendarPopup(True)
        self.when_date.setDisplayFormat("d MMM yyyy")
        self.when_time = QTimeEdit()
        self.when_time.setAccessibleName("Check-in time")
        self.when_time.setDisplayFormat("HH:mm")
        label.setBuddy(self.when_date)
        self.when_note = QLabel("now")
        self.when_note.setProperty("role", "subtle")
        row.addWidget(label)
        row.addWidget(self.when_date)
        row.addWidget(self.when_time)
        row.addWidget(self.when_note)
        row.addStretch(1)
        self.when_date.dateChanged.connect(self._when_changed)
        self.when_time.timeChanged.connect(self._when_changed)
        return row

    def _build_buttons(self) -> QHBoxLayout:
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
        self.save_button.setToolTip(shortcuts.with_keys("Save", "save_checkin"))
        self.save_button.clicked.connect(self.save_checkin)
        row.addWidget(self.save_button)
        return row

    # -- saving and editing -------------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
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
        values = self.values()
        if values["mood"] is None:
            self.say("Choose your mood first: drag the Mood scale, use the arrow keys, or type a number.")
            self.mood.setFocus()
            return
        moment: dict[str, Any] = {}  # "now", unless editing or back-filling (the core refuses the future)
        if self.editing is not None or self._when_touched:
            moment = {"day": pydate(self.when_date.date()), "at": pytime(self.when_time.time())}
        record_id = self.editing.id if self.editing else None
        try:
            checkin = self.services.checkins.build(**values, **moment, record_id=record_id)
        except InvalidInput as error:
            self.say(str(error))
            return
        self.services.checkins.save(checkin)
        was_editing = self.editing is not None
        self._reset()
        self.services.drafts.clear(DRAFT_SLOT)
        self.tags.add_suggestions(checkin.tags)
        self.checkin_saved.emit(checkin)
        self.say("Your changes are saved." if was_editing else THANKS)
        self.mood.setFocus()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def edit(self, checkin: CheckIn) -> None:
        if self._has_unsaved_text():
            self.say("Save or clear the note you are writing first, then choose Edit again.")
            self.note.setFocus()
            return
        self.editing = checkin
        self._show_scales(checkin)
        self.tags.set_tags(checkin.tags)
        self.note.setPlainText(checkin.note)
        self._show_when(checkin)
        self.cancel_edit_button.show()
        self.say(f"Editing your {checkin.time:%H:%M} check-in.")
        self.mood.setFocus()

    def cancel_edit(self) -> None:
        self._reset()
        self.services.drafts.clear(DRAFT_SLOT)
        self.message.hide()

    def drop_edit_of(self, record_id: str) -> None:
        """The check-in with this id is gone; if it was being edited, start afresh."""
        if self.editing is not None and self.editing.id == record_id:
            self._reset()

    def _has_unsaved_text(self) -> bool:
        return self.editing is None and bool(
            self.note.toPlainText().strip() or self.tags.field.text().strip()
        )

    def _show_scales(self, checkin: CheckIn) -> None:
        self.mood.set_value(checkin.mood)
        self.energy.set_value(checkin.energy)
        self.stress.set_value(checkin.stress)
        self.sleep.setValue(NO_SLEEP if checkin.sleep_hours is None else checkin.sleep_hours)

    def _reset(self) -> None:
        self._draft_timer.stop()
        for scale in (self.mood, self.energy, self.stress):
            scale.clear()
        self.sleep.setValue(NO_SLEEP)
        self.tags.clear()
        self.note.clear()
        self.editing = None
        self.cancel_edit_button.hide()
        self._reset_when()

    # -- when ---------------------------------------------------------------------------------------------------
    def _reset_when(self) -> None:
        """Back to "now"; the moment is taken when Save is pressed, unless the user picks another."""
        now = self.clock.now()
        for editor in (self.when_date, self.when_time):
            editor.blockSignals(True)
        self.when_date.setMaximumDate(qdate(now.date()))
        self.when_date.setDate(qdate(now.date()))
        self.when_time.setTime(QTime(now.hour, now.minute))
        for editor in (self.when_date, self.when_time):
            editor.blockSignals(False)
        self._when_touched = False
        self.when_note.setText("now")

    def _show_when(self, checkin: CheckIn) -> None:
        for editor in (self.when_date, self.when_time):
            editor.blockSignals(True)
        self.when_date.setDate(qdate(checkin.date))
        self.when_time.setTime(QTime(checkin.time.hour, checkin.time.minute))
        for editor in (self.when_date, self.when_time):
            editor.blockSignals(False)
        self.when_note.setText("")

    def _when_changed(self) -> None:
        self._when_touched = True
        self.when_note.setText(
            "earlier check-in" if pydate(self.when_date.date()) < self.clock.now().date() else ""
        )

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

    def restore_draft(self) -> CheckIn | None:
        """Bring back what was typed before a lock; returns the check-in it was editing, if any."""
        draft = self.services.drafts.load(DRAFT_SLOT)
        if not draft:
            return None
        editing_id = draft.get("editing")
        original = self.services.checkins.get(str(editing_id)) if editing_id else None
        if original is not None:
            self.editing = original
            self._show_when(original)
            self._show_scales(original)
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
        self.say("Your unsaved note is back, just as you left it.")
        return original
