"""A 0–10 scale for tired hands: drag, arrow keys, or type the number; words at both ends.

It starts unset, so an untouched scale is never saved as a made-up middle value.
"""

from __future__ import annotations

from ui.qt import QHBoxLayout, QKeyEvent, QLabel, QSlider, Qt, QTimer, QVBoxLayout, QWidget, Signal

TYPING_PAUSE_MS = 700


class ScaleSlider(QSlider):
    """A slider that also takes typed digits ("7", or "1" then "0" for 10)."""

    touched = Signal()

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setRange(0, 10)
        self.setPageStep(2)
        self.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.setTickInterval(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._typed = ""
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_PAUSE_MS)
        self._typing_timer.timeout.connect(self._end_typing)
        self.actionTriggered.connect(lambda _action: self.touched.emit())
        self.sliderPressed.connect(self.touched)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit():
            candidate = self._typed + text
            if not self._typed or int(candidate) > 10:
                candidate = text
            self._typed = candidate
            self._typing_timer.start()
            self.setValue(int(candidate))
            self.touched.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _end_typing(self) -> None:
        self._typed = ""


class ScaleInput(QWidget):
    """Label, slider, current value and the two anchors in words."""

    changed = Signal()

    def __init__(self, name: str, low: str, high: str) -> None:
        super().__init__()
        self.name = name
        self._set = False
        self.slider = ScaleSlider()
        self.slider.setAccessibleName(name)
        self.slider.setAccessibleDescription(f"0 means {low}, 10 means {high}. Not set yet.")
        self.value_label = QLabel("–")
        self.value_label.setProperty("role", "scale-value")
        self.value_label.setMinimumWidth(28)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(name)
        title.setProperty("role", "field-label")
        title.setBuddy(self.slider)
        low_label = QLabel(f"0 · {low}")
        high_label = QLabel(f"{high} · 10")
        for label in (low_label, high_label):
            label.setProperty("role", "subtle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.value_label)
        anchors = QHBoxLayout()
        anchors.addWidget(low_label)
        anchors.addStretch(1)
        anchors.addWidget(high_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.slider)
        layout.addLayout(anchors)
        self._low, self._high = low, high
        self.slider.touched.connect(self._mark_set)
        self.slider.valueChanged.connect(self._show_value)
        self.setFocusProxy(self.slider)
        self.clear()

    def _show_unset(self, unset: bool) -> None:
        self.slider.setProperty("unset", unset)
        self.slider.style().unpolish(self.slider)
        self.slider.style().polish(self.slider)

    def _mark_set(self) -> None:
        if not self._set:
            self._set = True
            self._show_unset(False)
            self._show_value(self.slider.value())
            self.changed.emit()

    def _show_value(self, value: int) -> None:
        if self._set:
            self.value_label.setText(str(value))
            self.slider.setAccessibleDescription(
                f"{value} of 10. 0 means {self._low}, 10 means {self._high}."
            )
            self.changed.emit()

    def value(self) -> int | None:
        return self.slider.value() if self._set else None

    def set_value(self, value: int | None) -> None:
        if value is None:
            self.clear()
            return
        self._set = True
        self._show_unset(False)
        self.slider.setValue(value)
        self._show_value(value)

    def clear(self) -> None:
        self._set = False
        self._show_unset(True)
        self.slider.blockSignals(True)
        self.slider.setValue(5)
        self.slider.blockSignals(False)
        self.value_label.setText("–")
        self.slider.setAccessibleDescription(f"0 means {self._low}, 10 means {self._high}. Not set yet.")
        self.changed.emit()
