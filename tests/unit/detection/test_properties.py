"""Properties of detection that must hold for any data.

"A better day never raises the level" is true in this precise form: raising the mood of a day that already has
data in the last 7 days (as_of and the 6 days before). It is NOT true for every day or every added day, by design:
- raising a day in the 60-day baseline raises the baseline, which can make drop_from_baseline fire;
- adding a day can pass a data gate (5 days for sustained_low, 7 for very_low, 3 recent days for the drop, or
  end staleness), after which the low days already there count. So adding a day at 10 is covered only once
  those gates are already passed (second property). docs/detection.md explains both.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.builders import AS_OF, checkins, day, repeat, result_at
from tests.unit.detection.test_messages import FORBIDDEN
from wellbeing_app.detection import DEFAULT_CONFIG, Episode, Level, daily_means, evaluate, update_episodes
from wellbeing_app.detection.daily import days_back, moods_between
from wellbeing_app.instruments import InstrumentResult

MOOD = st.one_of(st.integers(0, 20).map(lambda half: half / 2), st.sampled_from([1.0, 2.0, 3.0, 4.0]))
PAST_DAY = st.integers(0, 80).map(lambda back: AS_OF - dt.timedelta(days=back))


@st.composite
def _regime(draw: st.DrawFn) -> dict[dt.date, float]:
    """A usual mood, a recent one (last `switch` days), day-to-day noise and gaps: makes every rule fire often."""
    usual, recent, switch = draw(st.integers(0, 10)), draw(st.integers(0, 10)), draw(st.integers(0, 20))
    present = draw(st.lists(st.booleans(), min_size=81, max_size=81))
    noise = draw(st.lists(st.integers(-2, 2), min_size=81, max_size=81))
    return {
        AS_OF - dt.timedelta(days=back): float(
            min(10, max(0, (recent if back < switch else usual) + noise[back]))
        )
        for back in range(81)
        if present[back]
    }


DAILY = st.one_of(st.dictionaries(PAST_DAY, MOOD, max_size=70), _regime())


def _who5(back: int, answers: list[int], ident: object) -> InstrumentResult:
    return InstrumentResult.new("who5", answers, AS_OF - dt.timedelta(days=back), id=str(ident))


def _burnout(back: int, answer: int, ident: object) -> InstrumentResult:
    return InstrumentResult.new("burnout", [answer], AS_OF - dt.timedelta(days=back), id=str(ident))


INSTRUMENTS = st.lists(
    st.one_of(
        st.builds(
            _who5, st.integers(-3, 40), st.lists(st.integers(0, 5), min_size=5, max_size=5), st.uuids()
        ),
        st.builds(_burnout, st.integers(-3, 40), st.integers(1, 5), st.uuids()),
    ),
    max_size=4,
)
SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(moods=DAILY, instruments=INSTRUMENTS, back=st.integers(0, 6), old=MOOD, steps=st.integers(1, 20))
def test_raising_a_recent_days_mood_never_raises_the_level(
    moods: dict[dt.date, float], instruments: list[InstrumentResult], back: int, old: float, steps: int
) -> None:
    day = AS_OF - dt.timedelta(days=back)
    before = {**moods, day: old}
    after = {**moods, day: min(10.0, old + steps / 2)}
    assert evaluate(after, instruments, AS_OF).level <= evaluate(before, instruments, AS_OF).level


@SETTINGS
@given(moods=DAILY, instruments=INSTRUMENTS, back=st.integers(0, 6))
def test_adding_a_day_at_10_never_raises_the_level_once_the_data_gates_are_passed(
    moods: dict[dt.date, float], instruments: list[InstrumentResult], back: int
) -> None:
    day = AS_OF - dt.timedelta(days=back)
    without = {other: mood for other, mood in moods.items() if other != day}
    window = moods_between(without, days_back(AS_OF, DEFAULT_CONFIG.window_days), AS_OF)
    recent = moods_between(without, days_back(AS_OF, DEFAULT_CONFIG.recent_days), AS_OF)
    if len(recent) < DEFAULT_CONFIG.recent_min_days or len(window) < DEFAULT_CONFIG.very_low_min_days:
        return  # adding the day would open a data gate; see the module docstring
    added = {**without, day: 10.0}
    assert evaluate(added, instruments, AS_OF).level <= evaluate(without, instruments, AS_OF).level


@SETTINGS
@given(
    entries=st.lists(st.tuples(PAST_DAY, st.integers(0, 10).map(float)), max_size=150),
    instruments=INSTRUMENTS,
    data=st.data(),
)
def test_the_result_does_not_depend_on_the_order_of_insertion(
    entries: list[tuple[dt.date, float]], instruments: list[InstrumentResult], data: st.DataObject
) -> None:
    shuffled_entries = data.draw(st.permutations(entries))
    shuffled_instruments = data.draw(st.permutations(instruments))
    first = evaluate(daily_means(entries), instruments, AS_OF)
    second = evaluate(daily_means(shuffled_entries), shuffled_instruments, AS_OF)
    assert first == second


@SETTINGS
@given(moods=DAILY, instruments=INSTRUMENTS, later=st.dictionaries(st.integers(1, 30), MOOD, max_size=10))
def test_nothing_after_as_of_is_looked_at(
    moods: dict[dt.date, float], instruments: list[InstrumentResult], later: dict[int, float]
) -> None:
    future = {AS_OF + dt.timedelta(days=ahead): mood for ahead, mood in later.items()}
    future_answer = InstrumentResult.new("burnout", [5], AS_OF + dt.timedelta(days=1))
    assert evaluate({**moods, **future}, [*instruments, future_answer], AS_OF) == evaluate(
        moods, instruments, AS_OF
    )


@SETTINGS
@given(moods=DAILY, instruments=INSTRUMENTS)
def test_results_are_consistent_and_kindly_worded(
    moods: dict[dt.date, float], instruments: list[InstrumentResult]
) -> None:
    result = evaluate(moods, instruments, AS_OF)
    assert result.level == max((reason.level for reason in result.reasons), default=Level.GREEN)
    assert result.stale == (result.days_checked_in_last_7 == 0)
    assert (result.reminder is not None) == result.stale
    if result.stale:
        assert {reason.rule for reason in result.reasons} <= {"who5_low", "burnout"}
    for reason in result.reasons:
        assert not [word for word in FORBIDDEN if word in reason.message.lower()]


@SETTINGS
@given(levels=st.lists(st.sampled_from(list(Level)), max_size=40), skips=st.lists(st.booleans(), max_size=40))
def test_episode_alerts_only_on_opening_or_escalation(levels: list[Level], skips: list[bool]) -> None:
    episodes: tuple[Episode, ...] = ()
    counter = iter(range(1000))
    for offset, level in enumerate(levels):
        if offset < len(skips) and skips[offset]:
            continue  # the app was not opened that day
        before = next((episode for episode in episodes if episode.is_open), None)
        today = result_at(AS_OF + dt.timedelta(days=offset), level)
        update = update_episodes(episodes, today, new_id=lambda: f"e{next(counter)}")
        episodes = update.episodes
        assert sum(episode.is_open for episode in episodes) <= 1
        if update.alert is None:
            continue
        assert level >= Level.ORANGE
        if before is None:
            assert update.alert.kind == "opened"
        else:
            assert update.alert.kind == "escalated" and level > before.peak_level


def test_where_a_better_day_can_raise_the_level_by_design() -> None:
    """The documented exceptions: each opens a gate or moves the baseline, none is a day getting worse."""
    four_days_at_4 = daily_means(checkins("03-13", "4 4 4 4"))
    assert evaluate(four_days_at_4, [], AS_OF).level is Level.GREEN
    assert (
        evaluate({**four_days_at_4, day("03-12"): 10.0}, [], AS_OF).level is Level.ORANGE
    )  # 5 days: enough data

    low_fortnight_then_silence = daily_means(checkins("03-01", "1 1 1 1 1 1 1 1 1"))
    assert evaluate(low_fortnight_then_silence, [], AS_OF).level is Level.GREEN  # stale
    assert (
        evaluate({**low_fortnight_then_silence, AS_OF: 10.0}, [], AS_OF).level is Level.RED
    )  # no longer stale

    steady = daily_means([*repeat("02-24", 7, 14), *checkins("03-14", "6 6 6")])
    assert evaluate(steady, [], AS_OF).level is Level.GREEN
    happier_february = {**steady, **daily_means(repeat("02-24", 10, 7))}  # usual 7 → 8.5
    assert evaluate(happier_february, [], AS_OF).level is Level.YELLOW
