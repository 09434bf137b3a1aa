"""Table models for the Trends page: before / during / after each deployment, what went with mood, periods.

Numbers are given to the view as numbers (``SortRole``) so that sorting is numeric, and as text for display;
a missing figure shows as an en dash, never as 0.
"""

from __future__ import annotations

from typing import Any

from ui.dates import short_date
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from wellbeing_app.periods import KIND_WORDS, Period
from wellbeing_app.trends import AfterReturn, Figures, MoodDifference

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
PeriodRole = Qt.ItemDataRole.UserRole + 2


def number(value: float | None, digits: int = 1, unit: str = "") -> str:
    return "–" if value is None else f"{value:.{digits}f}{unit}"


def share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


class _Table(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[tuple[str, Any], ...]] = []

    def _set(self, rows: list[tuple[tuple[str, Any], ...]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text, value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == SortRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _figures_cells(figures: Figures) -> tuple[tuple[str, Any], ...]:
    return (
        (str(figures.days_with_data), figures.days_with_data),
        (number(figures.mood_mean), figures.mood_mean if figures.mood_mean is not None else -1.0),
        (
            share(figures.low_days_share),
            figures.low_days_share if figures.low_days_share is not None else -1.0,
        ),
        (
            number(figures.sleep_mean, unit=" h"),
            figures.sleep_mean if figures.sleep_mean is not None else -1.0,
        ),
    )


class AfterReturnModel(_Table):
    """One row per stretch of one deployment: 30 days before, during, 30 and 90 days after."""

    headers = ("Deployment", "When", "Days with check-ins", "Mood", "Low days", "Sleep")

    def set_items(self, items: list[AfterReturn]) -> None:
        rows: list[tuple[tuple[str, Any], ...]] = []
        for item in items:
            stretches = [("30 days before", item.before), ("During", item.during)]
            stretches += list(zip(("30 days after", "90 days after"), item.after, strict=False))
            for number_, (label, figures) in enumerate(stretches):
                name = item.period.name
                rows.append(((name, (name.casefold(), number_)), (label, number_), *_figures_cells(figures)))
        self._set(rows)


class MoodDifferenceModel(_Table):
    headers = ("On days with", "Mood with", "Mood without", "Difference", "Days with", "Days without")

    def set_items(self, items: list[MoodDifference]) -> None:
        self._set(
            [
                (
                    (item.label, item.label.casefold()),
                    (number(item.mood_with), item.mood_with),
                    (number(item.mood_without), item.mood_without),
                    (f"{item.difference:+.1f}", item.difference),
                    (str(item.days_with), item.days_with),
                    (str(item.days_without), item.days_without),
                )
                for item in items
            ]
        )


class PeriodModel(_Table):
    headers = ("Period", "Kind", "From", "To")

    def __init__(self) -> None:
        super().__init__()
        self.periods: list[Period] = []

    def set_periods(self, periods: list[Period]) -> None:
        self.periods = list(periods)
        self._set(
            [
                (
                    (p.name, p.name.casefold()),
                    (KIND_WORDS[p.kind], p.kind),
                    (short_date(p.start), p.start.toordinal()),
                    (short_date(p.end) if p.end else "still going on", p.end.toordinal() if p.end else 10**7),
                )
                for p in self.periods
            ]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == PeriodRole and index.isValid() and 0 <= index.row() < len(self.periods):
            return self.periods[index.row()]
        return super().data(index, role)
