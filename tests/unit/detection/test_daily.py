"""Daily mood is the mean of the day's check-ins; missing days stay missing."""

from __future__ import annotations

import datetime as dt

from tests.helpers.builders import checkins, day
from wellbeing_app.detection import daily_means
from wellbeing_app.detection.daily import days_back, moods_between


def test_several_check_ins_a_day_are_averaged() -> None:
    assert daily_means(checkins("03-01", "3/7 - 4 1/2/6")) == {
        day("03-01"): 5.0,
        day("03-03"): 4.0,
        day("03-04"): 3.0,
    }


def test_no_check_ins_gives_no_days() -> None:
    assert daily_means([]) == {}


def test_days_come_out_in_date_order_whatever_the_input_order() -> None:
    shuffled = [(day("03-05"), 1.0), (day("03-01"), 2.0), (day("03-03"), 3.0), (day("03-01"), 4.0)]
    assert list(daily_means(shuffled)) == [day("03-01"), day("03-03"), day("03-05")]


def test_mean_of_thirds_is_exact_enough_for_the_thresholds() -> None:
    assert daily_means([(day("03-01"), 4.0)] * 3)[day("03-01")] == 4.0
    assert daily_means(checkins("03-01", "1/2/3"))[day("03-01")] == 2.0


def test_moods_between_is_inclusive_and_skips_missing_days() -> None:
    moods = daily_means(checkins("03-01", "5 - 6 7"))
    assert moods_between(moods, day("03-01"), day("03-03")) == [(day("03-01"), 5.0), (day("03-03"), 6.0)]
    assert moods_between(moods, day("03-05"), day("03-09")) == []


def test_days_back_counts_as_of_as_the_last_day() -> None:
    assert days_back(dt.date(2025, 3, 16), 14) == dt.date(2025, 3, 3)
    assert days_back(dt.date(2025, 3, 16), 1) == dt.date(2025, 3, 16)
