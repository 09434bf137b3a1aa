"""Trends: how mood, energy, stress and sleep went over a range, by life period, and what went with low days.

The vault is read once (``TrendsSource``) and again only when check-ins, questionnaires, periods or episodes
change; switching ranges is arithmetic over what was read. The chart module (and pyqtgraph with it) is imported
the first time the page is shown, so start-up does not pay for it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ui.dialogs.period_editor import PeriodEditor
from ui.models.trends import AfterReturnModel, MoodDifferenceModel, PeriodModel, PeriodRole, SortRole
from ui.pages.base import PageContext, VaultPage
from ui.pages.trends_files import export_report, save_chart_image
from ui.qt import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    pydate,
    qdate,
)
from ui.widgets import confirm_delete, heading, paragraph, quiet_scroll_area
from ui.year_heatmap import YearHeatmap
from wellbeing_app.errors import WellbeingError
from wellbeing_app.periods import Period
from wellbeing_app.trends_data import SOURCE_KINDS, TrendsData, TrendsSource

if TYPE_CHECKING:
    from ui.trends_chart import MoodChart

RANGES: tuple[tuple[str, int | None], ...] = (
    ("4 weeks", 28),
    ("3 months", 91),
    ("1 year", 365),
    ("All", None),
)


def _table(name: str, model: object) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    proxy.setSortRole(SortRole)
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(180)
    return view, proxy


def _noted_table(name: str, model: object) -> tuple[QWidget, QTableView, QLabel]:
    """A sortable table with a line of explanation above it."""
    view, _proxy = _table(name, model)
    panel = QWidget()
    layout = QVBoxLayout(panel)
    note = paragraph("", subtle=True)
    layout.addWidget(note)
    layout.addWidget(view, 1)
    return panel, view, note


class TrendsPage(VaultPage):
    nav_title = "Trends"
    icon_name = "trends"
    shows_kinds = SOURCE_KINDS

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.services = context.services
        self.source: TrendsSource | None = None
        self.data: TrendsData | None = None
        self.chart: MoodChart | None = None
        self.range_days: int | None = 28
        self.stale = True  # read on the first visit, not at unlock

        content = QWidget()
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(24, 20, 24, 24)
        self.column.setSpacing(12)
        self.column.addWidget(heading("Trends"))
        self.column.addWidget(
            paragraph(
                "How your check-ins have gone over time and in each period of your life. It shows what went "
                "together, never what caused what.",
                subtle=True,
            )
        )
        self.column.addLayout(self._build_range_row())
        self.column.addLayout(self._build_series_row())
        self.chart_holder = QVBoxLayout()
        self.column.addLayout(self.chart_holder)
        self.summary = paragraph("")
        self.summary.setAccessibleName("Trends summary")
        self.column.addWidget(self.summary)
        self.column.addWidget(self._build_tabs(), 1)

        self.scroll_content(content)

    # -- building ----------------------------------------------------------------------------------------------
    def _build_range_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[str, QPushButton] = {}
        for label, days in RANGES:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setAccessibleName(label)
            button.setProperty("segment", True)
            button.clicked.connect(lambda _checked, d=days: self.set_range(d))
            self.range_group.addButton(button)
            self.range_buttons[label] = button
            row.addWidget(button)
        self.range_buttons["4 weeks"].setChecked(True)
        self.custom_button = QPushButton("Custom")
        self.custom_button.setCheckable(True)
        self.custom_button.setProperty("segment", True)
        self.custom_button.setAccessibleName("Custom range")
        self.range_group.addButton(self.custom_button)
        row.addWidget(self.custom_button)
        today = self.context.clock.now().date()
        self.custom_from = QDateEdit()
        self.custom_to = QDateEdit()
        for field, name, day in (
            (self.custom_from, "From", today - timedelta(days=90)),
            (self.custom_to, "To", today),
        ):
            field.setAccessibleName(name)
            field.setCalendarPopup(True)
            field.setDisplayFormat("d MMM yyyy")
            field.setDate(qdate(day))
            field.setEnabled(False)
            field.dateChanged.connect(lambda _d: self._custom_changed())
        self.custom_button.clicked.connect(self._custom_chosen)
        row.addWidget(self.custom_from)
        row.addWidget(self.custom_to)
        row.addStretch(1)
        return row

    def _build_series_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Also show:"))
        self.series_boxes: dict[str, QCheckBox] = {}
        for key, label in (("energy", "Energy"), ("stress", "Stress"), ("sleep", "Sleep")):
            box = QCheckBox(label)
            box.setAccessibleName(label)
            box.toggled.connect(lambda _on: self._redraw())
            self.series_boxes[key] = box
            row.addWidget(box)
        row.addStretch(1)
        self.report_button = QPushButton("Export report…")
        self.report_button.setAccessibleName("Export report")
        self.report_button.clicked.connect(self.export_report)
        self.image_button = QPushButton("Save chart as image…")
        self.image_button.setAccessibleName("Save chart as image")
        self.image_button.clicked.connect(self.save_chart_image)
        row.addWidget(self.report_button)
        row.addWidget(self.image_button)
        return row

    def _build_tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setAccessibleName("Trends details")
        tabs.tabBar().setAccessibleName("Trends details tabs")
        year = QWidget()
        year_layout = QVBoxLayout(year)
        self.heatmap = YearHeatmap()
        self.heatmap.day_chosen.connect(self._day_chosen)
        # A year of squares is wider than a small window: it scrolls sideways on its own, not the whole page.
        year_scroll = quiet_scroll_area(QScrollArea())
        year_scroll.setWidget(self.heatmap)
        year_scroll.setFrameShape(QFrame.Shape.NoFrame)
        year_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        year_scroll.setFixedHeight(
            self.heatmap.sizeHint().height() + year_scroll.horizontalScrollBar().sizeHint().height()
        )
        year_layout.addWidget(year_scroll)
        self.heatmap_note = paragraph("", subtle=True)
        year_layout.addWidget(self.heatmap_note)
        year_layout.addStretch(1)
        tabs.addTab(year, "A year at a glance")

        self.after_model = AfterReturnModel()
        after, self.after_view, self.after_note = _noted_table("Before, during and after", self.after_model)
        tabs.addTab(after, "Before, during, after")

        self.mood_model = MoodDifferenceModel()
        moods, self.mood_view, self.mood_note = _noted_table("What goes with my mood", self.mood_model)
        tabs.addTab(moods, "What goes with my mood")

        tabs.addTab(self._build_periods_tab(), "Periods")
        return tabs

    def _build_periods_tab(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.period_model = PeriodModel()
        self.period_view, self.period_proxy = _table("Periods", self.period_model)
        self.period_view.doubleClicked.connect(lambda _index: self.edit_period())
        layout.addWidget(self.period_view, 1)
        row = QHBoxLayout()
        buttons = (
            ("Add period…", "Add period", self.add_period),
            ("Edit…", "Edit period", self.edit_period),
            ("End today", "End period today", self.end_period),
            ("Delete…", "Delete period", self.delete_period),
        )
        for text, name, action in buttons:
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(action)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return panel

    # -- data ---------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the vault again (the page is stale after a change to the kinds it shows)."""
        if self.chart is None:
            from ui.trends_chart import MoodChart

            self.chart = MoodChart()
            self.chart_holder.addWidget(self.chart)
        self.source = TrendsSource.load(self.services)
        self.period_model.set_periods(self.source.periods)
        self._redraw()

    def current_range(self) -> tuple[date | None, date]:
        today = self.context.clock.now().date()
        if self.custom_button.isChecked():
            return pydate(self.custom_from.date()), pydate(self.custom_to.date())
        if self.range_days is None:
            return None, today
        return today - timedelta(days=self.range_days - 1), today

    def set_range(self, days: int | None) -> None:
        self.range_days = days
        label = next((label for label, span in RANGES if span == days), None)
        if label is not None and not self.range_buttons[label].isChecked():
            self.range_buttons[label].setChecked(True)  # a range set from code shows as chosen too
        for field in (self.custom_from, self.custom_to):
            field.setEnabled(False)
        self._redraw()

    def _custom_chosen(self) -> None:
        for field in (self.custom_from, self.custom_to):
            field.setEnabled(True)
        self._redraw()

    def _custom_changed(self) -> None:
        if self.custom_button.isChecked():
            self._redraw()

    def series(self) -> set[str]:
        return {key for key, box in self.series_boxes.items() if box.isChecked()}

    def _redraw(self) -> None:
        if self.source is None or self.chart is None:
            return
        first, last = self.current_range()
        if first is not None and last < first:
            self.summary.setText("The range ends before it begins; choose the earlier day first.")
            return
        self.data = data = self.source.for_range(first, last)
        self.chart.show_data(data, self.series())
        self.summary.setText(_summary(data))
        self.heatmap.show_year({day: values.mood for day, values in self.source.days.items()}, last)
        self.heatmap_note.setText(
            "Each square is a day; hover or click one, or move with the arrow keys, to see its mood."
        )
        self.after_model.set_items(data.after_return)
        self.after_note.setText(
            "For each deployment in this range: the 30 days before it, the time during it, and the 30 and 90 "
            "days after you came back."
            if data.after_return
            else "Add a deployment under Periods to compare how you were before, during and after it."
        )
        differences = [*data.tags, *([data.short_sleep] if data.short_sleep else [])]
        self.mood_model.set_items(differences)
        self.mood_note.setText(
            differences[0].sentence() + " Tags need at least 3 days with and 3 without to be compared."
            if differences
            else "Tags show here once they have been used on at least 3 days, and left out on at least 3."
        )

    def _day_chosen(self, day: date) -> None:
        self.heatmap_note.setText(self.heatmap.describe(day))
        if self.chart is not None:
            self.chart.show_day(day)

    # -- periods -----------------------------------------------------------------------------------------------
    def selected_period(self) -> Period | None:
        index = self.period_view.currentIndex()
        if not index.isValid():
            return None
        period = self.period_proxy.data(index, PeriodRole)
        return period if isinstance(period, Period) else None

    def add_period(self) -> None:
        PeriodEditor(self.services.periods, self.context.clock.now().date(), parent=self).exec()

    def edit_period(self) -> None:
        period = self.selected_period()
        if period is not None:
            PeriodEditor(self.services.periods, self.context.clock.now().date(), period, parent=self).exec()

    def end_period(self) -> None:
        period = self.selected_period()
        if period is None or period.end is not None:
            return
        try:
            self.services.periods.end(period.id, self.context.clock.now().date())
        except WellbeingError as error:
            QMessageBox.information(self, "Period not ended", str(error))

    def delete_period(self) -> None:
        period = self.selected_period()
        if period is not None and confirm_delete(
            self, "Delete period", f"Delete the period “{period.name}”? Your check-ins stay as they are."
        ):
            self.services.periods.delete(period.id)

    def export_report(self) -> None:
        export_report(self)

    def save_chart_image(self) -> None:
        save_chart_image(self)


def _summary(data: TrendsData) -> str:
    numbers = data.overall
    span = f"{data.first.day} {data.first:%b %Y} – {data.last.day} {data.last:%b %Y}"
    if not numbers.days_with_data:
        return f"{span}: no check-ins in this range yet."
    parts = [f"{numbers.days_with_data} days with check-ins", f"mood {numbers.mood_mean:.1f} on average"]
    if numbers.mood_sd is not None:
        parts[-1] += f" (± {numbers.mood_sd:.1f})"
    if numbers.low_days_share is not None:
        parts.append(f"{numbers.low_days_share:.0%} of days at 4 or lower")
    if numbers.sleep_mean is not None:
        parts.append(f"sleep {numbers.sleep_mean:.1f} h")
    return f"{span}: " + "; ".join(parts) + "."
