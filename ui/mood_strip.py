"""The last 14 days at a glance: one small square per day with the day's mean mood; empty days stay empty."""

from __future__ import annotations

from datetime import date, timedelta

from ui.qt import QColor, QFont, QPainter, QPaintEvent, QPalette, QRectF, QSize, Qt, QWidget

DAYS = 14


def mood_colour(mood: float) -> QColor:
    """Soft blue-grey for low days to soft green for good days: calm, never alarm red."""
    t = max(0.0, min(1.0, mood / 10))
    low, high = (122, 140, 170), (92, 170, 130)
    return QColor(*(round(a + (b - a) * t) for a, b in zip(low, high, strict=True)))


class MoodStrip(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Last 14 days")
        self.setMinimumHeight(64)
        self._end = date.today()
        self._moods: dict[date, float] = {}

    def set_moods(self, moods: dict[date, float], end: date) -> None:
        self._moods = dict(moods)
        self._end = end
        parts = []
        for offset in range(DAYS - 1, -1, -1):
            day = end - timedelta(days=offset)
            value = moods.get(day)
            parts.append(f"{day:%a %d %b}: {'no check-in' if value is None else f'mood {value:.1f}'}")
        self.setAccessibleDescription("; ".join(parts))
        self.setToolTip("\n".join(parts))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(DAYS * 34, 64)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 6.0
        width = (self.width() - gap * (DAYS - 1)) / DAYS
        box = min(width, 40.0)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        subtle = self.palette().color(QPalette.ColorRole.PlaceholderText)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.8))
        for index in range(DAYS):
            day = self._end - timedelta(days=DAYS - 1 - index)
            x = index * (width + gap) + (width - box) / 2
            rect = QRectF(x, 2, box, box)
            value = self._moods.get(day)
            if value is None:
                painter.setPen(subtle)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mood_colour(value))
                painter.drawRoundedRect(rect, 6, 6)
                painter.setPen(QColor("white"))
                painter.drawText(
                    rect,
                    Qt.AlignmentFlag.AlignCenter,
                    f"{value:.0f}" if value == int(value) else f"{value:.1f}",
                )
            painter.setPen(text_colour if day == self._end else subtle)
            painter.setFont(small)
            painter.drawText(
                QRectF(x - 4, box + 4, box + 8, 16), Qt.AlignmentFlag.AlignCenter, f"{day:%a}"[:2]
            )
            painter.setFont(self.font())
        painter.end()
