"""The Trends chart: daily mood with its rolling mean, optional energy / stress / sleep, periods shaded behind
with their names, detection episodes marked, WHO-5 points; hovering a day shows its values.

pyqtgraph is imported here, and this module is imported only when Trends is first opened, so start-up does not
pay for it. Colours follow the window's palette (light or dark); series differ by line style and marker too, so
colour is never the only difference.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any

import pyqtgraph as pg

from ui.dates import weekday_date
from ui.qt import QColor, QFont, QLabel, QPalette, QPointF, Qt, QVBoxLayout, QWidget, Signal
from wellbeing_app.periods import KIND_WORDS
from wellbeing_app.trends import rolling_mean
from wellbeing_app.trends_data import TrendsData

ACCENT = QColor(59, 127, 122)
ACCENT_ON_DARK = QColor(102, 194, 184)  # the same teal, light enough for a dark background
# Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
SERIES = {
    "energy": (QColor(230, 159, 0), Qt.PenStyle.DashLine, "t"),
    "stress": (QColor(213, 94, 0), Qt.PenStyle.DotLine, "s"),
    "sleep": (QColor(86, 180, 233), Qt.PenStyle.DashDotLine, "d"),
}
# Deeper shades of the same hues where the chart is light, so each line keeps 3:1 against it (WCAG 1.4.11).
SERIES_ON_LIGHT = {"energy": QColor(160, 105, 0), "stress": QColor(213, 94, 0), "sleep": QColor(0, 114, 178)}
PERIOD_TINTS = {
    "deployment": QColor(230, 159, 0, 46),
    "home": QColor(0, 158, 115, 34),
    "leave": QColor(86, 180, 233, 40),
    "training": QColor(204, 121, 167, 40),
    "other": QColor(127, 127, 127, 34),
}
DAY_SECONDS = 86_400
# Above this many points a line is drawn without antialiasing: a year and more, at ~1 px a day.
SMOOTH_LIMIT = 800
Y_MIN, Y_MAX = -0.5, 11.0  # room below 0 for a dot at 0, and above 10 for the period names


def stamp(day: date) -> float:
    """Noon UTC of the day: the date axis then labels it as that day in any time zone."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()


def day_at(seconds: float) -> date:
    return datetime.fromtimestamp(seconds, tz=UTC).date()


class MoodChart(QWidget):
    """``show(data, series={"energy", ...})`` draws; ``hovered_text`` says what the pointer is on."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True)
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot.setAccessibleName("Mood chart")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setYRange(Y_MIN, Y_MAX, padding=0)
        self.plot.getPlotItem().hideButtons()
        self.plot.setMinimumHeight(260)
        self.hover_label = QLabel(" ")
        self.hover_label.setAccessibleName("Chart values")
        self.hover_label.setProperty("role", "subtle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hover_label)
        self.data: TrendsData | None = None
        self.hovered_text = ""
        self._proxy = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._moved)
        self.apply_palette()

    def apply_palette(self) -> None:
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        self.plot.setBackground(background)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        item.getAxis("left").setLabel("Mood, energy, stress (0–10); sleep (hours)")
        item.showGrid(x=False, y=True, alpha=0.12)

    def show_data(self, data: TrendsData, series: set[str]) -> None:
        self.data = data
        self._series = series
        item = self.plot.getPlotItem()
        item.clear()
        if item.legend is not None:
            item.legend.scene().removeItem(item.legend)
            item.legend = None
        background = QColor(self.palette().color(QPalette.ColorRole.Base))
        background.setAlpha(215)
        item.addLegend(
            offset=(-10, -28),
            labelTextColor=self.palette().color(QPalette.ColorRole.Text),
            brush=pg.mkBrush(background),
        )
        first, last = stamp(data.first) - DAY_SECONDS / 2, stamp(data.last) + DAY_SECONDS / 2
        self._shade_periods(data, first, last)
        self._mark_episodes(data)
        days = sorted(data.days)
        x = [stamp(day) for day in days]
        text = self.palette().color(QPalette.ColorRole.Text)
        accent = ACCENT_ON_DARK if self.palette().color(QPalette.ColorRole.Base).lightness() < 128 else ACCENT
        many = len(days) > 200
        item.plot(
            x,
            [data.days[day].mood for day in days],
            pen=None,
            symbol="o",
            symbolSize=4 if many else 7,
            symbolBrush=pg.mkBrush(accent.red(), accent.green(), accent.blue(), 140 if many else 200),
            symbolPen=None,
            name="Daily mood",
        )
        rolling_days = sorted(data.rolling)
        item.plot(
            [stamp(day) for day in rolling_days],
            [data.rolling[day] for day in rolling_days],
            pen=pg.mkPen(accent, width=2.4),
            connect=_gaps(rolling_days),
            antialias=len(rolling_days) < SMOOTH_LIMIT,
            name="7-day average",
        )
        for key in ("energy", "stress", "sleep"):
            if key in series:
                self._plot_series(data, key)
        who5 = [(r.date, r.who5_percentage) for r in data.instruments if r.kind == "who5"]
        if who5:
            item.plot(
                [stamp(day) for day, _ in who5],
                [(score or 0) / 10 for _, score in who5],
                pen=None,
                symbol="star",
                symbolSize=13,
                symbolBrush=pg.mkBrush(text),
                symbolPen=None,
                name="WHO-5 (score ÷ 10)",
            )
        # Limits first: the previous range's limits would otherwise clamp the new range.
        self.plot.setLimits(xMin=first - 30 * DAY_SECONDS, xMax=last + 30 * DAY_SECONDS)
        self.plot.setXRange(first, last, padding=0.01)
        self.plot.setYRange(Y_MIN, Y_MAX, padding=0)

    def _plot_series(self, data: TrendsData, key: str) -> None:
        """Energy, stress or sleep as a 7-day average: daily values of three series at once are unreadable."""
        colour, style, symbol = SERIES[key]
        if self.palette().color(QPalette.ColorRole.Base).lightness() >= 128:
            colour = SERIES_ON_LIGHT[key]
        daily = {
            day: float(getattr(values, key))
            for day, values in data.days.items()
            if getattr(values, key) is not None
        }
        if not daily:
            return
        smooth = rolling_mean(daily)
        days = sorted(smooth)
        label = {"energy": "Energy", "stress": "Stress", "sleep": "Sleep, hours"}[key] + " (7-day average)"
        self.plot.getPlotItem().plot(
            [stamp(day) for day in days],
            [smooth[day] for day in days],
            pen=pg.mkPen(colour, width=2.0, style=style),
            connect=_gaps(days),
            antialias=len(days) < SMOOTH_LIMIT,
            symbol=symbol if len(days) <= 60 else None,
            symbolSize=6,
            symbolBrush=pg.mkBrush(colour),
            symbolPen=None,
            name=label,
        )

    def _shade_periods(self, data: TrendsData, first: float, last: float) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        font = QFont()
        font.setPointSizeF(8.5)
        for number, (period, _figures) in enumerate(data.periods):
            start = max(stamp(period.start) - DAY_SECONDS / 2, first)
            end = min(stamp(period.end_within(data.last)) + DAY_SECONDS / 2, last)
            region = pg.LinearRegionItem(
                values=(start, end),
                movable=False,
                brush=pg.mkBrush(PERIOD_TINTS[period.kind]),
                pen=pg.mkPen(None),
            )
            region.setZValue(-20)
            self.plot.addItem(region)
            label = pg.TextItem(
                f"{period.name} ({KIND_WORDS[period.kind].lower()})", color=text, anchor=(0, 0)
            )
            label.setFont(font)
            label.setPos(start, Y_MAX - 0.45 * (number % 2))  # staggered, so neighbours' names do not collide
            self.plot.addItem(label)

    def _mark_episodes(self, data: TrendsData) -> None:
        for episode in data.episodes:
            if data.first <= episode.opened_on <= data.last:
                line = pg.InfiniteLine(
                    pos=stamp(episode.opened_on),
                    angle=90,
                    pen=pg.mkPen(QColor(127, 127, 127, 160), width=1, style=Qt.PenStyle.DashLine),
                    label="hard stretch",
                    labelOpts={"position": 0.55, "color": self.palette().color(QPalette.ColorRole.Text)},
                )
                self.plot.addItem(line)

    # -- hover --------------------------------------------------------------------------------------------------
    def _moved(self, event: Any) -> None:
        position = event[0]
        if self.data is None or not self.plot.sceneBoundingRect().contains(position):
            return
        point: QPointF = self.plot.getPlotItem().vb.mapSceneToView(position)
        self.show_day(day_at(point.x()))

    def show_day(self, day: date) -> str:
        """The values of the day nearest to ``day`` (within three days), in words, under the chart."""
        data = self.data
        if data is None:
            return ""
        near = [d for d in data.days if abs((d - day).days) <= 3]
        if not near:
            text = f"{weekday_date(day)}: no check-in"
        else:
            chosen = min(near, key=lambda d: (abs((d - day).days), d))
            values = data.days[chosen]
            parts = [f"mood {values.mood:.1f}"]
            if chosen in data.rolling:
                parts.append(f"7-day average {data.rolling[chosen]:.1f}")
            if values.energy is not None:
                parts.append(f"energy {values.energy:.1f}")
            if values.stress is not None:
                parts.append(f"stress {values.stress:.1f}")
            if values.sleep is not None:
                parts.append(f"slept {values.sleep:g} h")
            if values.tags:
                parts.append(", ".join(sorted(values.tags, key=str.casefold)))
            text = f"{weekday_date(chosen)}: " + "; ".join(parts)
        self.hovered_text = text
        self.hover_label.setText(text)
        self.hovered.emit(text)
        return text


def _gaps(days: list[date]) -> Any:
    """Connect neighbouring points only across gaps of at most three days: a long gap stays a gap."""
    import numpy as np

    if not days:
        return "all"
    connect = [(b - a) <= timedelta(days=3) for a, b in pairwise(days)] + [False]
    return np.array(connect, dtype=bool)
