"""The report's mood chart: days without a check-in stay empty (no dot, no line through a week's gap), and ticks."""

from __future__ import annotations

from datetime import date

import pytest

from ui.report_chart import MoodChart, _ticks
from wellbeing_app.trends import DayValues
from wellbeing_app.trends_data import TrendsSource

FIRST, LAST = date(2026, 3, 1), date(2026, 3, 31)


def chart(moods: dict[date, float]) -> MoodChart:
    days = {day: DayValues(day, mood) for day, mood in moods.items()}
    return MoodChart(TrendsSource(LAST, days, [], [], []).for_range(FIRST, LAST), 170, 80, dpi=150)


def drawn_in_column(moods: dict[date, float], day: date) -> bool:
    """Whether anything dark (a dot or the line) was painted inside the plot in the column of ``day``.

    The background is white and the grid light grey, so anything with a channel under 200 is the series.
    """
    picture = chart(moods)
    image = picture.image()
    x = round(picture.x(day))
    top, bottom = round(picture.plot.top()) + 2, round(picture.plot.bottom()) - 2
    return any(
        min(colour.red(), colour.green(), colour.blue()) < 200
        for colour in (image.pixelColor(x + dx, y) for dx in (-1, 0, 1) for y in range(top, bottom))
    )


@pytest.mark.usefixtures("qapp")
def test_a_week_without_check_ins_is_a_gap() -> None:
    moods = {date(2026, 3, d): 6.0 for d in (1, 2, 3, 4, 20, 21, 22)}
    assert drawn_in_column(moods, date(2026, 3, 3))
    assert not drawn_in_column(moods, date(2026, 3, 12))


@pytest.mark.usefixtures("qapp")
def test_an_empty_range_draws_no_series() -> None:
    assert not drawn_in_column({}, date(2026, 3, 15))


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2026, 3, 1), date(2026, 3, 28), ["2 Mar", "9 Mar", "16 Mar", "23 Mar"]),
        (date(2025, 11, 15), date(2026, 3, 1), ["Dec", "Jan 2026", "Feb", "Mar"]),
        (
            date(2024, 1, 1),
            date(2025, 12, 31),
            ["Jan 2024", "Apr", "Jul", "Oct", "Jan 2025", "Apr", "Jul", "Oct"],
        ),
        (date(2020, 6, 1), date(2026, 5, 31), ["2021", "2022", "2023", "2024", "2025", "2026"]),
    ],
)
def test_ticks(first: date, last: date, expected: list[str]) -> None:
    assert [label for _day, label in _ticks(first, last)] == expected
