"""Add or edit a life period: a name, a kind, the first day and, unless it is still going on, the last day."""

from __future__ import annotations

from datetime import date

from ui.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    pydate,
    qdate,
)
from ui.widgets import heading, inline_message, paragraph, tab_in_visual_order
from wellbeing_app.errors import InvalidInput
from wellbeing_app.periods import KIND_WORDS, PERIOD_KINDS, Period, PeriodService


def _date_field(name: str, day: date) -> QDateEdit:
    field = QDateEdit()
    field.setAccessibleName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("d MMM yyyy")
    field.setDate(qdate(day))
    return field


class PeriodEditor(QDialog):
    def __init__(
        self, periods: PeriodService, today: date, period: Period | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.periods = periods
        self.period = period
        self.saved: Period | None = None
        title = "Edit period" if period else "Add a period"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)

        self.name = QLineEdit(period.name if period else "")
        self.name.setAccessibleName("Period name")
        self.name.setPlaceholderText("e.g. Angola feeding centre")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Period kind")
        for kind in PERIOD_KINDS:
            self.kind.addItem(KIND_WORDS[kind], kind)
        self.kind.setCurrentIndex(PERIOD_KINDS.index(period.kind if period else "deployment"))
        self.start = _date_field("First day", period.start if period else today)
        self.ongoing = QCheckBox("Still going on")
        self.ongoing.setAccessibleName("Still going on")
        self.ongoing.setChecked(period is None or period.end is None)
        self.end = _date_field("Last day", (period.end if period and period.end else today))
        self.end.setEnabled(not self.ongoing.isChecked())
        self.ongoing.toggled.connect(lambda on: self.end.setEnabled(not on))

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow("First day", self.start)
        form.addRow("", self.ongoing)
        form.addRow("Last day", self.end)
        self.message = inline_message("Period message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        save.setAccessibleName("Save period")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 2))
        layout.addWidget(
            paragraph(
                "A deployment, time at home, leave or training. Trends compares how you were in each.",
                subtle=True,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        tab_in_visual_order(buttons)
        self.name.setFocus()

    def save(self) -> None:
        changes: dict[str, object] = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "from": pydate(self.start.date()),
            "to": None if self.ongoing.isChecked() else pydate(self.end.date()),
        }
        try:
            if self.period is None:
                self.saved = self.periods.add(
                    changes["name"], changes["from"], changes["to"], changes["kind"]
                )
            else:
                self.saved = self.periods.edit(self.period.id, **changes)
        except InvalidInput as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.accept()
