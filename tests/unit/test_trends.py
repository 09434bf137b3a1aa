"""Trends figures on hand-computed fixtures: gaps, several check-ins a day, periods open-ended and overlapping."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from wellbeing_app.checkins import CheckIn
from wellbeing_app.instruments import InstrumentResult
from wellbeing_app.periods import Period
from wellbeing_app.trends import (
    SHORT_SLEEP_LABEL,
    after_return,
    day_values,
    figures,
    monthly_means,
    period_figures,
    rolling_mean,
    short_sleep_difference,
    tag_differences,
    weekly_means,
)

D = date(2026, 3, 1)


def day(n: int) -> date:
    return D + timedelta(days=n)


def checkin(
    n: int, mood: int, *, energy: int | None = None, sleep: float | None = None, tags: tuple[str, ...] = ()
) -> CheckIn:
    return CheckIn.from_values(
        {"mood": mood, "energy": energy, "sleep_hours": sleep, "tags": list(tags), "time": "20:00"},
        record_id=f"00000000-0000-4000-8000-{n:012d}{mood}"[:36],
        day=day(n),
    )


def test_several_check_ins_a_day_count_once_at_their_mean_and_gaps_stay_gaps() -> None:
    days = day_values([checkin(0, 2), checkin(0, 6, energy=5), checkin(2, 8, sleep=7.0, tags=("ICU",))])
    assert sorted(days) == [day(0), day(2)]  # day 1 has no check-in: absent, not zero
    assert days[day(0)].mood == 4.0 and days[day(0)].energy == 5.0 and days[day(0)].sleep is None
    assert days[day(2)].tags == frozenset({"ICU"})


@pytest.mark.parametrize(
    ("moods", "mean", "sd", "low_share"),
    [
        ([4, 6, 8], 6.0, 2.0, 1 / 3),
        ([3, 3], 3.0, 0.0, 1.0),
        ([7], 7.0, None, 0.0),
        ([], None, None, None),
    ],
)
def test_figures_of_a_range(
    moods: list[int], mean: float | None, sd: float | None, low_share: float | None
) -> None:
    days = day_values([checkin(2 * i, m) for i, m in enumerate(moods)])  # every other day: gaps between
    numbers = figures(days, day(0), day(30))
    assert numbers.days_with_data == len(moods)
    assert numbers.mood_mean == (pytest.approx(mean) if mean is not None else None)
    assert numbers.mood_sd == (pytest.approx(sd) if sd is not None else None)
    assert numbers.low_days_share == (pytest.approx(low_share) if low_share is not None else None)


def test_figures_leave_out_days_outside_the_range_and_pick_who5_in_it() -> None:
    days = day_values([checkin(0, 1), checkin(5, 9), checkin(9, 5)])
    who5 = InstrumentResult.new("who5", [3, 3, 3, 3, 3], day(6))
    old = InstrumentResult.new("who5", [1, 1, 1, 1, 1], day(-20))
    numbers = figures(days, day(5), day(9), [who5, old])
    assert (numbers.days_with_data, numbers.mood_mean) == (2, 7.0)
    assert numbers.who5 == ((day(6), 60),)


def test_open_ended_and_overlapping_periods() -> None:
    days = day_values([checkin(n, 2 if n < 10 else 8) for n in range(20)])
    deployment = Period("a", "Field", "deployment", day(0), day(9))
    training = Period("b", "Course", "training", day(5), day(14))  # overlaps both halves
    home = Period("c", "Home", "home", day(10))  # still going on: runs to the end of the range
    later = Period("d", "Next", "deployment", day(40), day(50))  # outside the range: left out
    found = {p.name: f for p, f in period_figures(days, [deployment, training, home, later], day(0), day(19))}
    assert set(found) == {"Field", "Course", "Home"}
    assert (found["Field"].days_with_data, found["Field"].mood_mean) == (10, 2.0)
    assert (found["Course"].days_with_data, found["Course"].mood_mean) == (10, 5.0)
    assert (found["Home"].first, found["Home"].last, found["Home"].mood_mean) == (day(10), day(19), 8.0)


def test_after_return_sets_before_during_and_after_side_by_side() -> None:
    moods = {n: 7 for n in range(-30, 0)} | {n: 3 for n in range(0, 60)} | {n: 5 for n in range(60, 150)}
    days = day_values([checkin(n, m) for n, m in moods.items()])
    deployment = Period("a", "Angola", "deployment", day(0), day(59))
    [item] = after_return(days, [deployment, Period("h", "Home", "home", day(60))], today=day(149))
    assert (item.before.days_with_data, item.before.mood_mean) == (30, 7.0)
    assert (item.during.days_with_data, item.during.mood_mean) == (60, 3.0)
    assert [(f.days_with_data, f.mood_mean) for f in item.after] == [(30, 5.0), (90, 5.0)]
    # Two weeks after return, only the days that have passed count, and "90 days after" covers those too.
    [early] = after_return(days, [deployment], today=day(73))
    assert [f.days_with_data for f in early.after] == [14, 14]


def test_a_deployment_still_going_on_has_no_after() -> None:
    days = day_values([checkin(n, 4) for n in range(10)])
    [item] = after_return(days, [Period("a", "Now", "deployment", day(0))], today=day(9))
    assert item.after == () and item.during.days_with_data == 10


def test_tags_need_three_days_with_and_three_without() -> None:
    entries = [checkin(n, 3, tags=("night shift",)) for n in range(4)]
    entries += [checkin(n, 7) for n in range(4, 10)]
    entries += [checkin(n, 5, tags=("rare",)) for n in range(10, 12)]  # two days only: left out
    days = day_values(entries)
    [night] = tag_differences(days, day(0), day(20))
    assert (night.label, night.days_with, night.days_without) == ("night shift", 4, 8)
    assert night.mood_with == 3.0 and night.mood_without == pytest.approx((6 * 7 + 2 * 5) / 8)
    assert night.sentence().startswith("On days with night shift, your mood was on average 3.0")
    assert "because" not in night.sentence() and "cause" not in night.sentence()


def test_short_sleep_against_the_rest_leaves_out_days_without_sleep() -> None:
    entries = [checkin(n, 3, sleep=5.0) for n in range(3)] + [checkin(n, 7, sleep=8.0) for n in range(3, 6)]
    entries += [checkin(n, 1) for n in range(6, 9)]  # no sleep value: in neither group
    difference = short_sleep_difference(day_values(entries), day(0), day(10))
    assert difference is not None
    assert (difference.label, difference.days_with, difference.days_without) == (SHORT_SLEEP_LABEL, 3, 3)
    assert (difference.mood_with, difference.mood_without) == (3.0, 7.0)
    assert short_sleep_difference(day_values(entries[:5]), day(0), day(10)) is None


def test_rolling_mean_looks_back_seven_calendar_days_over_the_days_with_data() -> None:
    values = {day(0): 2.0, day(1): 4.0, day(6): 6.0, day(7): 8.0, day(20): 1.0}
    rolling = rolling_mean(values)
    assert rolling[day(0)] == 2.0
    assert rolling[day(6)] == pytest.approx(4.0)  # days 0, 1, 6
    assert rolling[day(7)] == pytest.approx(6.0)  # days 1, 6, 7 (day 0 is eight days back)
    assert rolling[day(20)] == 1.0  # after a gap: only itself


def test_weekly_and_monthly_means() -> None:
    values = {date(2026, 3, 2): 2.0, date(2026, 3, 8): 4.0, date(2026, 3, 9): 9.0, date(2026, 4, 1): 5.0}
    assert weekly_means(values) == {date(2026, 3, 2): 3.0, date(2026, 3, 9): 9.0, date(2026, 3, 30): 5.0}
    assert monthly_means(values) == {date(2026, 3, 1): 5.0, date(2026, 4, 1): 5.0}
