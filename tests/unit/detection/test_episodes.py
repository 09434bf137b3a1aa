"""Episodes: an alert once per episode and again on escalation; closing after 7 days below orange;
acknowledge; snooze for 3 days; crisis lines always at red; storage round trip."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tests.helpers.builders import checkins, result_at, run
from wellbeing_app.detection import (
    Episode,
    Level,
    acknowledge,
    banner,
    current_episode,
    snooze,
    update_episodes,
)
from wellbeing_app.errors import InvalidInput

START = dt.date(2025, 3, 1)
LEVELS = {"G": Level.GREEN, "Y": Level.YELLOW, "O": Level.ORANGE, "R": Level.RED}


def ids() -> itertools.count[int]:
    return itertools.count(1)


def replay(days: str, start: dt.date = START) -> tuple[list[str], tuple[Episode, ...]]:
    """Feed one level a day ("G Y O R", "." = a day not evaluated); returns the alert of each day."""
    counter = ids()
    episodes: tuple[Episode, ...] = ()
    alerts: list[str] = []
    for offset, token in enumerate(days.split()):
        if token == ".":
            alerts.append(".")
            continue
        update = update_episodes(
            episodes,
            result_at(start + dt.timedelta(days=offset), LEVELS[token]),
            new_id=lambda: f"e{next(counter)}",
        )
        episodes = update.episodes
        alerts.append("-" if update.alert is None else f"{update.alert.kind}:{update.alert.level.value}")
    return alerts, episodes


EPISODE_TABLE = [
    # name, daily levels, the alert raised on each day, episodes stored (open or closed at the end)
    ("green and yellow never open one", "G Y Y G Y", "- - - - -", ""),
    ("opens once at orange", "G Y O O O", "- - opened:orange - -", "open"),
    ("opens straight at red", "R R", "opened:red -", "open"),
    ("escalation alerts again", "O O R R", "opened:orange - escalated:red -", "open"),
    ("red, orange, red is one escalation", "O R O R", "opened:orange escalated:red - -", "open"),
    ("6 days below orange keep it open", "O G G G G G G O", "opened:orange - - - - - - -", "open"),
    ("yellow counts as below orange", "O Y Y Y Y Y Y Y", "opened:orange - - - - - - -", "closed"),
    (
        "closes on the 7th day below orange; the next orange is a new episode",
        "O G G G G G G G O",
        "opened:orange - - - - - - - opened:orange",
        "closed open",
    ),
    (
        "an orange day in between restarts the count",
        "O G G G O G G G G G G O",
        "opened:orange - - - - - - - - - - -",
        "open",
    ),
    (
        "days not evaluated are not counted as orange",
        "O . . . . . . . . . G",
        "opened:orange . . . . . . . . . -",
        "closed",
    ),
    ("a gap of 6 days keeps it open", "O . . . . . G", "opened:orange . . . . . -", "open"),
]


@pytest.mark.parametrize(
    ("name", "days", "alerts", "states"), EPISODE_TABLE, ids=[row[0] for row in EPISODE_TABLE]
)
def test_episode_table(name: str, days: str, alerts: str, states: str) -> None:
    got_alerts, episodes = replay(days)
    assert got_alerts == alerts.split()
    assert [("open" if episode.is_open else "closed") for episode in episodes] == states.split()


def test_closing_records_the_day_and_keeps_the_peak() -> None:
    _, episodes = replay("O R G G G G G G G")
    (episode,) = episodes
    assert episode.closed_on == START + dt.timedelta(days=8)
    assert episode.peak_level is Level.RED
    assert episode.last_high_on == START + dt.timedelta(days=1)
    assert current_episode(episodes) is None


def test_a_day_already_passed_changes_nothing() -> None:
    _, episodes = replay("O O O")
    update = update_episodes(episodes, result_at(START, Level.RED), new_id=lambda: "x")
    assert update.episodes == episodes
    assert update.alert is None


def test_same_day_escalation_after_a_new_check_in_alerts() -> None:
    update = update_episodes((), result_at(START, Level.ORANGE), new_id=lambda: "a")
    again = update_episodes(update.episodes, result_at(START, Level.RED))
    assert again.alert is not None and again.alert.kind == "escalated"


def test_update_reports_the_open_episode() -> None:
    update = update_episodes((), result_at(START, Level.ORANGE), new_id=lambda: "a")
    assert update.current is not None and update.current.id == "a"
    assert update_episodes((), result_at(START, Level.GREEN)).current is None


def _open(level: Level = Level.ORANGE) -> tuple[Episode, ...]:
    return update_episodes((), result_at(START, level), new_id=lambda: "ep").episodes


def _day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def test_banner_shows_at_orange_and_red_only() -> None:
    assert banner((), result_at(START, Level.YELLOW)).visible is False
    assert banner(_open(), result_at(START, Level.ORANGE)).visible is True


def test_snooze_hides_the_banner_for_three_days() -> None:
    episodes = snooze(_open(), "ep", START)
    visible = [banner(episodes, result_at(_day(offset), Level.ORANGE)).visible for offset in range(5)]
    assert visible == [False, False, False, True, True]


def test_escalation_ends_a_snooze_and_an_acknowledgment() -> None:
    for hidden in (snooze(_open(), "ep", START), acknowledge(_open(), "ep", START)):
        update = update_episodes(hidden, result_at(_day(1), Level.RED))
        assert update.alert is not None and update.alert.kind == "escalated"
        assert banner(update.episodes, result_at(_day(1), Level.RED)).visible is True


def test_acknowledge_hides_the_banner_for_the_rest_of_the_episode() -> None:
    episodes = acknowledge(_open(), "ep", START)
    for offset in range(1, 6):
        episodes = update_episodes(episodes, result_at(_day(offset), Level.ORANGE)).episodes
        assert banner(episodes, result_at(_day(offset), Level.ORANGE)).visible is False
    assert episodes[0].acknowledged_on == START


def test_a_new_episode_after_an_acknowledged_one_shows_again() -> None:
    episodes = acknowledge(_open(), "ep", START)
    for offset in range(1, 8):
        episodes = update_episodes(episodes, result_at(_day(offset), Level.GREEN)).episodes
    update = update_episodes(episodes, result_at(_day(8), Level.ORANGE), new_id=lambda: "ep2")
    assert update.alert is not None and update.alert.episode_id == "ep2"
    assert banner(update.episodes, result_at(_day(8), Level.ORANGE)).visible is True


def test_red_always_keeps_crisis_lines_visible() -> None:
    red = _open(Level.RED)
    for episodes in (red, snooze(red, "ep", START), acknowledge(red, "ep", START), ()):
        state = banner(episodes, result_at(START, Level.RED))
        assert state.crisis_lines is True
    assert banner(red, result_at(START, Level.ORANGE)).crisis_lines is False


def test_acknowledging_a_closed_or_unknown_episode_is_refused() -> None:
    _, closed = replay("O G G G G G G G")
    with pytest.raises(InvalidInput) as caught:
        acknowledge(closed, closed[0].id, START)
    assert caught.value.field == "episode"
    with pytest.raises(InvalidInput):
        snooze(_open(), "nope", START)


def test_stale_days_never_open_an_episode() -> None:
    result = run(checkins("03-01", "1 1 1 1 1 1 1 1 1"))
    assert result.stale
    assert update_episodes((), result).alert is None


def test_payload_round_trip() -> None:
    _, episodes = replay("O R G G G G G G G O")
    acknowledged = acknowledge(episodes, episodes[1].id, _day(9))
    snoozed = snooze(acknowledged, episodes[1].id, _day(9))
    for episode in snoozed:
        assert Episode.from_payload(episode.to_payload()) == episode
    assert snoozed[0].to_payload() == {
        "id": "e1",
        "opened_on": "2025-03-01",
        "peak_level": "red",
        "last_high_on": "2025-03-02",
        "last_evaluated_on": "2025-03-09",
        "closed_on": "2025-03-09",
        "acknowledged_on": None,
        "snooze_ends_on": None,
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"peak_level": "purple"}, "peak_level"),
        ({"id": 7}, "id"),
        ({"opened_on": "yesterday"}, "opened_on"),
        ({"closed_on": 3}, "closed_on"),
    ],
)
def test_damaged_payload_names_the_field(change: dict[str, object], field: str) -> None:
    payload = _open()[0].to_payload() | change
    with pytest.raises(InvalidInput) as caught:
        Episode.from_payload(payload)
    assert caught.value.field == field
