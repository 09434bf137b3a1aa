"""The Settings page's groups that hold many controls: reminders, appearance and detection thresholds.

Each group is a card with a heading, one plain sentence of explanation, and its controls; the page decides
what a change does (save it, apply it at once).
"""

from __future__ import annotations

from ui.qt import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QTime,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import card, heading, paragraph
from wellbeing_app.app_settings import ADJUSTABLE, AppSettings, Threshold
from wellbeing_app.detection.config import DEFAULT_CONFIG

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
THEME_CHOICES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
TEXT_CHOICES = (
    (100, "As the system (100%)"),
    (115, "Larger (115%)"),
    (130, "Large (130%)"),
    (150, "Largest (150%)"),
)


def group(title: str, explanation: str) -> tuple[QFrame, QVBoxLayout]:
    frame, layout = card()
    layout.addWidget(heading(title, level=2))
    layout.addWidget(paragraph(explanation, subtle=True))
    return frame, layout


class ReminderCard:
    def __init__(self, settings: AppSettings, tray_available: bool, autostart_supported: bool) -> None:
        self.frame, layout = group(
            "Reminder",
            "A gentle nudge at a time you choose, only on days without a check-in yet. It never shows a score "
            "or anything you wrote.",
        )
        reminder = settings.reminder
        self.enabled = QCheckBox("Remind me to check in")
        self.enabled.setAccessibleName("Remind me to check in")
        self.enabled.setChecked(reminder.enabled)
        layout.addWidget(self.enabled)
        form = QFormLayout()
        self.at = QTimeEdit(QTime(reminder.at.hour, reminder.at.minute))
        self.at.setDisplayFormat("HH:mm")
        self.at.setAccessibleName("Reminder time")
        self.at.setMaximumWidth(120)
        form.addRow("At", self.at)
        days_row = QHBoxLayout()
        self.days: list[QCheckBox] = []
        for number, (short, name) in enumerate(zip(WEEKDAYS, WEEKDAY_NAMES, strict=True)):
            box = QCheckBox(short)
            box.setAccessibleName(f"Remind on {name}")
            box.setChecked(number in reminder.days)
            self.days.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        form.addRow("On", days_row)
        layout.addLayout(form)
        self.keep_in_tray = QCheckBox("Keep running in the tray when the window is closed")
        self.keep_in_tray.setAccessibleName("Keep running in the tray")
        self.keep_in_tray.setChecked(settings.keep_in_tray and tray_available)
        self.keep_in_tray.setEnabled(tray_available)
        layout.addWidget(self.keep_in_tray)
        layout.addWidget(
            paragraph(
                "The app locks as usual when its window closes; the reminder and the crisis lines need no "
                "passphrase."
                if tray_available
                else "This desktop has no system tray, so the reminder shows in the app the next time you open it.",
                subtle=True,
            )
        )
        self.autostart = QCheckBox("Start with the system")
        self.autostart.setAccessibleName("Start with the system")
        self.autostart.setEnabled(autostart_supported)
        layout.addWidget(self.autostart)
        if not autostart_supported:
            layout.addWidget(
                paragraph(
                    "On Windows and macOS, the README explains how to start it with the system.", subtle=True
                )
            )
        self.set_enabled_look()
        self.enabled.toggled.connect(lambda _on: self.set_enabled_look())

    def set_enabled_look(self) -> None:
        on = self.enabled.isChecked()
        self.at.setEnabled(on)
        for box in self.days:
            box.setEnabled(on)

    def chosen_days(self) -> frozenset[int]:
        return frozenset(number for number, box in enumerate(self.days) if box.isChecked())


class AppearanceCard:
    def __init__(self, theme: str, text_percent: int) -> None:
        self.frame, layout = group(
            "Appearance", "Light or dark, and how large the text is; changes show at once."
        )
        form = QFormLayout()
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for value, label in THEME_CHOICES:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        self.text_size = QComboBox()
        self.text_size.setAccessibleName("Text size")
        for percent, label in TEXT_CHOICES:
            self.text_size.addItem(label, percent)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(text_percent)))
        form.addRow("Theme", self.theme)
        form.addRow("Text size", self.text_size)
        layout.addLayout(form)


class ThresholdsCard:
    """One spin box per adjustable threshold, with the reason for its default beneath it."""

    def __init__(self, settings: AppSettings) -> None:
        self.frame, layout = group(
            "When the app mentions a hard stretch",
            "The defaults follow well-tested questionnaires (see docs/detection.md). Change them only if they "
            "do not fit how you use the scale.",
        )
        self.fields: dict[str, QDoubleSpinBox] = {}
        config = settings.detection_config()
        for threshold in ADJUSTABLE:
            layout.addWidget(self._row(threshold, float(getattr(config, threshold.name))))
        self.restore = QPushButton("Restore defaults")
        self.restore.setAccessibleName("Restore default thresholds")
        row = QHBoxLayout()
        row.addWidget(self.restore)
        row.addStretch(1)
        layout.addLayout(row)

    def _row(self, threshold: Threshold, value: float) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 4)
        row = QHBoxLayout()
        field = QDoubleSpinBox()
        field.setAccessibleName(threshold.label)
        field.setDecimals(0 if threshold.step >= 1 else 1)
        field.setRange(threshold.low, threshold.high)
        field.setSingleStep(threshold.step)
        field.setValue(value)
        field.setMaximumWidth(100)
        default = float(getattr(DEFAULT_CONFIG, threshold.name))
        field.setToolTip(f"Default: {default:g}")
        row.addWidget(paragraph(threshold.label), 1)
        row.addWidget(field)
        column.addLayout(row)
        column.addWidget(paragraph(threshold.reason, subtle=True))
        self.fields[threshold.name] = field
        return box

    def show_values(self, settings: AppSettings) -> None:
        config = settings.detection_config()
        for name, field in self.fields.items():
            field.blockSignals(True)
            field.setValue(float(getattr(config, name)))
            field.blockSignals(False)
