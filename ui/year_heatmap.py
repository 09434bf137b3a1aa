"""A year at a glance: one square a day, coloured by daily mood on cividis (readable with colour-vision
deficiencies and in grey), with a legend. Days without a check-in are drawn as empty outlines, not as a colour,
so "no data" can never be mistaken for a low day. Hovering or clicking a square says its day and mood; with
the keyboard, the arrow keys move a ring from day to day (left and right by week, up and down by day) and each
day is said the same way, in words, for a screen reader too.
"""

from __future__ import annotations

from datetime import date, timedelta

from ui.dates import MONTHS, weekday_date
from ui.qt import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRectF,
    QSize,
    Qt,
    QWidget,
    Signal,
)

# cividis at mood 0, 1, …, 10 (matplotlib's table, sampled evenly).
CIVIDIS = [
    "#00224e", "#123570", "#3b496c", "#575d6d", "#707173", "#8a8779",
    "#a69d75", "#c4b56c", "#e4cf5b", "#f6e34a", "#fee838",
]  # fmt: skip
CELL = 13
GAP = 3
LEFT = 34
TOP = 22
LEGEND_HEIGHT = 40


def mood_colour(mood: float) -> QColor:
    index = max(0, min(10, round(mood)))
    return QColor(CIVIDIS[index])


class YearHeatmap(QWidget):
    day_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Year at a glance")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.moods: dict[date, float] = {}
        self.last = date.today()
        self.focus_day: date | None = None
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(LEFT + 53 * (CELL + GAP) + 8, TOP + 7 * (CELL + GAP) + LEGEND_HEIGHT)

    @property
    def first(self) -> date:
        """The Monday 52 weeks before the week of ``last``: 53 columns of weeks."""
        monday = self.last - timedelta(days=self.last.weekday())
        return monday - timedelta(weeks=52)

    def show_year(self, moods: dict[date, float], last: date) -> None:
        self.moods = moods
        self.last = last
        if self.focus_day is not None and not self.first <= self.focus_day <= last:
            self.focus_day = None
        self._describe_self()
        self.update()

    def _describe_self(self) -> None:
        with_data = sum(1 for day in self.moods if self.first <= day <= self.last)
        where = f" {self.describe(self.focus_day)}." if self.focus_day is not None else ""
        self.setAccessibleDescription(
            f"Daily mood for the 53 weeks to {self.last:%d %B %Y}; {with_data} days with a check-in.{where} "
            "The arrow keys move between days."
        )

    def move_cursor(self, day: date) -> None:
        """Put the ring on a day (kept within the year shown) and say it."""
        self.focus_day = min(max(day, self.first), self.last)
        self._describe_self()
        self.update()
        self.day_chosen.emit(self.focus_day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        day = self.focus_day or self.last
        steps = {
            Qt.Key.Key_Left: -7,
            Qt.Key.Key_Right: 7,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
        }
        key = Qt.Key(event.key())
        if key in steps:
            self.move_cursor(day + timedelta(days=steps[key]))
        elif key == Qt.Key.Key_Home:
            self.move_cursor(self.first)
        elif key == Qt.Key.Key_End:
            self.move_cursor(self.last)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.move_cursor(day)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.focus_day is None:
            self.move_cursor(self.last)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def cell_rect(self, day: date, first: date | None = None) -> QRectF:
        offset = (day - (first or self.first)).days
        column, row = divmod(offset, 7)
        return QRectF(LEFT + column * (CELL + GAP), TOP + row * (CELL + GAP), CELL, CELL)

    def day_at(self, x: float, y: float) -> date | None:
        column = int((x - LEFT) // (CELL + GAP))
        row = int((y - TOP) // (CELL + GAP))
        if not (0 <= column < 53 and 0 <= row < 7):
            return None
        day = self.first + timedelta(days=column * 7 + row)
        return day if day <= self.last else None

    def describe(self, day: date) -> str:
        mood = self.moods.get(day)
        when = weekday_date(day)
        return f"{when}: no check-in" if mood is None else f"{when}: mood {mood:.1f}"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        self.setToolTip(self.describe(day) if day else "")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        if day is not None:
            self.day_chosen.emit(day)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        subtle = palette.color(QPalette.ColorRole.PlaceholderText)
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.85))
        painter.setFont(font)
        painter.setPen(subtle)
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
            painter.drawText(
                QRectF(0, TOP + row * (CELL + GAP) - 2, LEFT - 6, CELL + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        empty = QPen(subtle)
        empty.setWidthF(1.0)
        first = day = self.first
        while day <= self.last:
            rect = self.cell_rect(day, first)
            if day.day == 1:
                painter.setPen(text)
                painter.drawText(
                    QRectF(rect.x(), 2, 40, TOP - 6), Qt.AlignmentFlag.AlignLeft, MONTHS[day.month - 1]
                )
            mood = self.moods.get(day)
            if mood is None:
                painter.setPen(empty)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 2, 2)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mood_colour(mood))
                painter.drawRoundedRect(rect, 2, 2)
            day += timedelta(days=1)
        if self.focus_day is not None and self.hasFocus():
            ring = QPen(text)
            ring.setWidthF(2.0)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.cell_rect(self.focus_day, first).adjusted(-2, -2, 2, 2), 3, 3)
        self._paint_legend(painter, text, empty)
        painter.end()

    def _paint_legend(self, painter: QPainter, text: QColor, empty: QPen) -> None:
        y = TOP + 7 * (CELL + GAP) + 12
        painter.setPen(text)
        painter.drawText(QRectF(LEFT, y, 60, CELL), Qt.AlignmentFlag.AlignVCenter, "Mood 0")
        x = LEFT + 52
        for mood in range(11):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mood_colour(mood))
            painter.drawRoundedRect(QRectF(x, y, CELL, CELL), 2, 2)
            x += CELL + 2
        painter.setPen(text)
        painter.drawText(QRectF(x + 4, y, 30, CELL), Qt.AlignmentFlag.AlignVCenter, "10")
        x += 44
        painter.setPen(empty)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(x, y, CELL, CELL).adjusted(1, 1, -1, -1), 2, 2)
        painter.setPen(text)
        painter.drawText(QRectF(x + CELL + 6, y, 120, CELL), Qt.AlignmentFlag.AlignVCenter, "no check-in")
