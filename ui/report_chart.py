"""The report's mood chart, painted into an image at print resolution (pyqtgraph is for the interactive page).

Daily mood is a dot on each day with a check-in; a day without one has no dot, never a zero. The 7-day mean is
a line that breaks where a whole week has no check-in. Periods are shaded behind with their names above, and
WHO-5 scores (0–100) are diamonds read on the right-hand scale.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from ui.dates import MONTHS
from ui.qt import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPointF, QPolygonF, QRectF, Qt
from wellbeing_app.periods import Period
from wellbeing_app.trends import ROLLING_DAYS
from wellbeing_app.trends_data import TrendsData

INK: Final = QColor(45, 52, 54)
SUBTLE: Final = QColor(110, 118, 120)
GRID: Final = QColor(222, 226, 226)
MOOD: Final = QColor(59, 127, 122, 150)
MEAN: Final = QColor(32, 88, 84)
WHO5: Final = QColor(176, 104, 32)
PERIOD_TINTS: Final = {
    "deployment": QColor(222, 178, 96, 62),
    "home": QColor(110, 150, 200, 48),
    "leave": QColor(120, 180, 120, 52),
    "training": QColor(160, 130, 190, 48),
    "other": QColor(150, 150, 150, 44),
}


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Mondays for short ranges, month starts for a year or two, January the 1st beyond."""
    span = (last - first).days + 1
    found: list[tuple[date, str]] = []
    if span <= 62:
        day = first + timedelta(days=(7 - first.weekday()) % 7)
        while day <= last:
            found.append((day, f"{day.day} {MONTHS[day.month - 1]}"))
            day += timedelta(days=7)
        return found
    step = 1 if span <= 400 else 3 if span <= 1100 else 12
    year, month = first.year, first.month
    while (day := date(year, month, 1)) <= last:
        if day >= first and (month - 1) % step == 0:
            label = str(year) if step == 12 else MONTHS[month - 1]
            if month == 1 and step != 12:
                label = f"{label} {year}"
            found.append((day, label))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


class MoodChart:
    """Paints one range of ``TrendsData``; sizes are in millimetres so the chart reads the same at any dpi."""

    def __init__(self, data: TrendsData, width_mm: float, height_mm: float, dpi: int = 300) -> None:
        self.data = data
        self.dpi = dpi
        self.width = round(width_mm * dpi / 25.4)
        self.height = round(height_mm * dpi / 25.4)
        self.days = (data.last - data.first).days + 1
        self.periods = [p for p, _ in data.periods]
        self.who5 = [(day, score) for day, score in data.overall.who5]
        rows = min(len(self.periods), 2)
        self.plot = QRectF(
            self.mm(11),
            self.mm(2 + 5 * rows),
            self.width - self.mm(11 + 12),
            self.height - self.mm(17 + 5 * rows),
        )

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def x(self, day: date) -> float:
        return self.plot.left() + ((day - self.data.first).days + 0.5) / self.days * self.plot.width()

    def y(self, mood: float) -> float:
        return self.plot.bottom() - mood / 10 * self.plot.height()

    def image(self) -> QImage:
        image = QImage(self.width, self.height, QImage.Format.Format_RGB32)
        dots_per_metre = round(self.dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor(255, 255, 255))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self._periods(painter)
            self._axes(painter)
            if self.data.days:
                self._mood(painter)
            else:
                painter.setPen(SUBTLE)
                painter.setFont(self._font(9))
                painter.drawText(self.plot, Qt.AlignmentFlag.AlignCenter, "No check-ins in this range.")
            self._who5(painter)
            self._legend(painter)
        finally:
            painter.end()
        return image

    def _font(self, points: float) -> QFont:
        font = QFont()
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(points)
        return font

    def _pen(self, colour: QColor, width_mm: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(colour, self.mm(width_mm), style)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _span(self, period: Period) -> QRectF:
        half = self.plot.width() / self.days / 2
        left = self.x(max(period.start, self.data.first)) - half
        right = self.x(period.end_within(self.data.last)) + half
        return QRectF(left, self.plot.top(), right - left, self.plot.height())

    def _periods(self, painter: QPainter) -> None:
        painter.setFont(self._font(7.5))
        metrics = QFontMetricsF(painter.font(), painter.device())
        spans = [self._span(period) for period in self.periods]
        for index, (period, span) in enumerate(zip(self.periods, spans, strict=True)):
            tint = PERIOD_TINTS.get(period.kind, PERIOD_TINTS["other"])
            painter.fillRect(span, tint)
            row = index % 2
            label = QRectF(span.left(), self.mm(1 + 5 * row), span.width(), self.mm(4.5))
            painter.fillRect(
                QRectF(label.left(), label.bottom() - self.mm(0.8), label.width(), self.mm(0.8)), tint
            )
            # A name may run on past a short period, up to the next name on its row.
            room_until = spans[index + 2].left() if index + 2 < len(spans) else self.width - self.mm(1)
            label.setRight(max(label.right(), room_until - self.mm(1)))
            name = metrics.elidedText(period.name, Qt.TextElideMode.ElideRight, label.width() - self.mm(1))
            if len(name) > 1:
                painter.setPen(INK)
                painter.drawText(
                    label.adjusted(self.mm(0.5), 0, 0, -self.mm(1)),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                    name,
                )

    def _axes(self, painter: QPainter) -> None:
        painter.setFont(self._font(7.5))
        label_w = self.mm(9)
        for step in range(0, 11, 2):
            y = self.y(step)
            painter.setPen(self._pen(GRID, 0.2))
            painter.drawLine(QPointF(self.plot.left(), y), QPointF(self.plot.right(), y))
            painter.setPen(SUBTLE)
            left = QRectF(self.plot.left() - label_w - self.mm(1.5), y - self.mm(2), label_w, self.mm(4))
            painter.drawText(left, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(step))
            if self.who5:
                right = QRectF(self.plot.right() + self.mm(1.5), y - self.mm(2), label_w, self.mm(4))
                painter.setPen(WHO5)
                painter.drawText(
                    right, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(step * 10)
                )
        painter.setPen(self._pen(SUBTLE, 0.25))
        painter.drawLine(self.plot.bottomLeft(), self.plot.bottomRight())
        painter.setPen(SUBTLE)
        for day, text in _ticks(self.data.first, self.data.last):
            x = self.x(day)
            painter.drawLine(QPointF(x, self.plot.bottom()), QPointF(x, self.plot.bottom() + self.mm(1.2)))
            box = QRectF(x - self.mm(10), self.plot.bottom() + self.mm(1.5), self.mm(20), self.mm(4))
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

    def _mood(self, painter: QPainter) -> None:
        per_day = self.plot.width() / self.days
        radius = max(self.mm(0.45), min(self.mm(1.1), per_day * 0.4))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MOOD)
        for day, values in self.data.days.items():
            painter.drawEllipse(QPointF(self.x(day), self.y(values.mood)), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen(MEAN, 0.55))
        line = QPolygonF()
        previous: date | None = None
        for day, mean in sorted(self.data.rolling.items()):
            if previous is not None and (day - previous).days >= ROLLING_DAYS:
                painter.drawPolyline(line)
                line = QPolygonF()
            line.append(QPointF(self.x(day), self.y(mean)))
            previous = day
        painter.drawPolyline(line)

    def _diamond(self, centre: QPointF, size: float) -> QPolygonF:
        return QPolygonF(
            [
                QPointF(centre.x(), centre.y() - size),
                QPointF(centre.x() + size, centre.y()),
                QPointF(centre.x(), centre.y() + size),
                QPointF(centre.x() - size, centre.y()),
            ]
        )

    def _who5(self, painter: QPainter) -> None:
        painter.setPen(self._pen(QColor(255, 255, 255), 0.25))
        painter.setBrush(WHO5)
        for day, score in self.who5:
            painter.drawPolygon(self._diamond(QPointF(self.x(day), self.y(score / 10)), self.mm(1.4)))

    def _legend(self, painter: QPainter) -> None:
        painter.setFont(self._font(7.5))
        metrics = QFontMetricsF(painter.font(), painter.device())
        y = self.height - self.mm(3.5)
        x = self.plot.left()
        gap = self.mm(6)

        def text(words: str) -> None:
            nonlocal x
            painter.setPen(INK)
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - self.mm(0.3)), words)
            x += metrics.horizontalAdvance(words) + gap

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MOOD)
        painter.drawEllipse(QPointF(x + self.mm(1), y), self.mm(1), self.mm(1))
        x += self.mm(3.5)
        text("Daily mood (0–10, left scale)")
        painter.setPen(self._pen(MEAN, 0.55))
        painter.drawLine(QPointF(x, y), QPointF(x + self.mm(6), y))
        x += self.mm(8)
        text("7-day average")
        if self.who5:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(WHO5)
            painter.drawPolygon(self._diamond(QPointF(x + self.mm(1.4), y), self.mm(1.4)))
            x += self.mm(4)
            text("WHO-5 (0–100, right scale)")
        if self.periods:
            painter.fillRect(QRectF(x, y - self.mm(1.5), self.mm(5), self.mm(3)), PERIOD_TINTS["deployment"])
            x += self.mm(7)
            text("Periods, named above")
