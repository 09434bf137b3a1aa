"""Check-ins through a real (cheap-KDF) vault: round trips, validation, several a day, daily means, edit and undo."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wellbeing_app.checkins import MAX_NOTE_LENGTH, SCALE_ANCHORS, CheckIn, CheckInService
from wellbeing_app.clock import FixedClock
from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.statistics import field_daily_means
from wellbeing_app.vault import Vault

TODAY = date(2026, 11, 25)  # the conftest clock: Wednesday 25 November 2026, 09:00
YESTERDAY = TODAY - timedelta(days=1)
ROUND_TRIP = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Any Unicode except lone surrogates (which cannot be encoded): emoji, right-to-left text, NUL, newlines.
ANY_TEXT = st.characters(blacklist_categories=("Cs",))
MIXED_NOTE = "Long shift 😮‍💨🩺\nمناوبة ليلية طويلة\u200f\x00 שלום\r\n\tnoch ein Satz: Straße, café\u0301 🇺🇦"


@pytest.fixture
def services(vault: Vault, clock: FixedClock) -> Services:
    assert clock.today() == TODAY
    return Services(vault, clock)


def reread(vault: Vault, clock: FixedClock, record_id: str) -> CheckIn | None:
    """Read through a fresh service, so nothing cached in memory can answer instead of the vault."""
    return CheckInService(vault.store, clock).get(record_id)


# --- Round trips -------------------------------------------------------------------------------------------


@ROUND_TRIP
@given(note=st.text(alphabet=ANY_TEXT, max_size=2_000))
@example(note=MIXED_NOTE)
@example(note="\x00")
@example(note="")
@example(note="   \n\n  ")
def test_any_note_decrypts_to_itself(vault: Vault, clock: FixedClock, note: str) -> None:
    services = Services(vault, clock)
    saved = services.checkins.add(mood=6, note=note)
    assert saved.note == note
    assert reread(vault, clock, saved.id) == saved


@ROUND_TRIP
@given(
    mood=st.integers(0, 10),
    energy=st.none() | st.integers(0, 10),
    stress=st.none() | st.integers(0, 10),
    sleep=st.none() | st.integers(0, 48).map(lambda halves: halves / 2),
    tags=st.lists(st.text(alphabet=ANY_TEXT, max_size=60), max_size=6),
    day=st.dates(min_value=date(2000, 1, 1), max_value=TODAY),
    at=st.times(max_value=time(9, 0)),
)
def test_every_field_round_trips(
    vault: Vault,
    clock: FixedClock,
    mood: int,
    energy: int | None,
    stress: int | None,
    sleep: float | None,
    tags: list[str],
    day: date,
    at: time,
) -> None:
    services = Services(vault, clock)
    saved = services.checkins.add(
        mood=mood, energy=energy, stress=stress, sleep_hours=sleep, tags=tags, day=day, at=at
    )
    assert (saved.mood, saved.energy, saved.stress, saved.sleep_hours) == (mood, energy, stress, sleep)
    assert saved.date == day and saved.time == at.replace(second=0, microsecond=0)
    assert reread(vault, clock, saved.id) == saved


def test_a_note_at_the_limit_survives_lock_and_unlock(
    vault: Vault, clock: FixedClock, data_dir: Path, passphrase: str
) -> None:
    note = (MIXED_NOTE * (MAX_NOTE_LENGTH // len(MIXED_NOTE) + 1))[:MAX_NOTE_LENGTH]
    assert len(note) == MAX_NOTE_LENGTH
    saved = Services(vault, clock).checkins.add(mood=0, energy=0, stress=10, sleep_hours=0, note=note)
    vault.lock()
    reopened = Vault.open_with_passphrase(data_dir, passphrase, clock=clock)
    try:
        back = reread(reopened, clock, saved.id)
    finally:
        reopened.lock()
    assert back == saved
    assert back is not None and back.note == note
    assert (back.energy, back.sleep_hours) == (0, 0.0)  # zero is a value, not "missing"


def test_the_default_moment_is_now_to_the_minute(services: Services) -> None:
    saved = services.checkins.add(mood=5)
    assert (saved.date, saved.time) == (TODAY, time(9, 0))
    assert saved.energy is None and saved.stress is None and saved.sleep_hours is None
    assert (saved.tags, saved.note) == ((), "")


def test_numbers_typed_as_text_are_accepted(services: Services) -> None:
    saved = services.checkins.add(
        mood=" 7 ", energy="3", stress="", sleep_hours="6.5", day="2026-11-20", at="23:15"
    )
    assert (saved.mood, saved.energy, saved.stress, saved.sleep_hours) == (7, 3, None, 6.5)
    assert (saved.date, saved.time) == (date(2026, 11, 20), time(23, 15))


def test_a_whole_number_written_as_a_float_is_accepted(services: Services) -> None:
    assert services.checkins.add(mood=7.0).mood == 7


def test_scale_anchors_are_words_for_both_ends() -> None:
    assert set(SCALE_ANCHORS) == {"mood", "energy", "stress"}
    assert SCALE_ANCHORS["mood"] == ("very low", "very good")
    assert all(low and high and low != high for low, high in SCALE_ANCHORS.values())


# --- Validation: every refusal names the field and the allowed range, and changes nothing ------------------

INVALID: list[tuple[dict[str, Any], str, str]] = [
    ({"mood": 11}, "mood", "0 to 10"),
    ({"mood": -1}, "mood", "0 to 10"),
    ({"mood": "abc"}, "mood", "0 to 10"),
    ({"mood": 5.5}, "mood", "0 to 10"),
    ({"mood": None}, "mood", "0 to 10"),
    ({"mood": ""}, "mood", "0 to 10"),
    ({"mood": True}, "mood", "0 to 10"),
    ({"mood": 5, "energy": 11}, "energy", "0 to 10"),
    ({"mood": 5, "energy": -1}, "energy", "0 to 10"),
    ({"mood": 5, "energy": "abc"}, "energy", "0 to 10"),
    ({"mood": 5, "energy": 5.5}, "energy", "0 to 10"),
    ({"mood": 5, "stress": 11}, "stress", "0 to 10"),
    ({"mood": 5, "stress": -1}, "stress", "0 to 10"),
    ({"mood": 5, "stress": "abc"}, "stress", "0 to 10"),
    ({"mood": 5, "stress": 5.5}, "stress", "0 to 10"),
    ({"mood": 5, "sleep_hours": 25}, "sleep_hours", "0 to 24"),
    ({"mood": 5, "sleep_hours": -1}, "sleep_hours", "0 to 24"),
    ({"mood": 5, "sleep_hours": 6.3}, "sleep_hours", "half an hour"),
    ({"mood": 5, "sleep_hours": "x"}, "sleep_hours", "0 to 24"),
    ({"mood": 5, "sleep_hours": float("nan")}, "sleep_hours", "0 to 24"),
    ({"mood": 5, "note": "x" * (MAX_NOTE_LENGTH + 1)}, "note", "20,000"),
    ({"mood": 5, "note": "😮" * (MAX_NOTE_LENGTH + 1)}, "note", "20,000"),
    ({"mood": 5, "day": TODAY + timedelta(days=1)}, "date", "future"),
    ({"mood": 5, "day": "2027-01-01"}, "date", "future"),
    ({"mood": 5, "day": "yesterday"}, "date", "YYYY-MM-DD"),
    ({"mood": 5, "day": "2026-02-30"}, "date", "YYYY-MM-DD"),
    ({"mood": 5, "at": "09:01"}, "time", "future"),
    ({"mood": 5, "day": TODAY, "at": "23:59"}, "time", "future"),
    ({"mood": 5, "at": "25:00"}, "time", "HH:MM"),
    ({"mood": 5, "tags": ["x" * 61]}, "tags", "60"),
]


@pytest.mark.parametrize(("values", "field", "wording"), INVALID, ids=[f"{v}"[:60] for v, _, _ in INVALID])
def test_invalid_input_is_refused_and_changes_nothing(
    services: Services, vault: Vault, values: dict[str, Any], field: str, wording: str
) -> None:
    existing = services.checkins.add(mood=4, note="already here", day=YESTERDAY, at="20:00")
    before = vault.store.count()
    with pytest.raises(InvalidInput) as refused:
        services.checkins.add(**values)
    assert refused.value.field == field
    assert wording in str(refused.value)
    assert refused.value.exit_code == 2
    assert vault.store.count() == before
    assert services.checkins.between() == [existing]


@pytest.mark.parametrize("field", ["energy", "stress", "sleep_hours"])
@pytest.mark.parametrize("missing", [None, ""])
def test_optional_fields_may_be_left_out(services: Services, field: str, missing: object) -> None:
    saved = services.checkins.add(mood=5, **{field: missing})
    assert getattr(saved, field) is None


@pytest.mark.parametrize("value", [0, 10, "0", "10"])
def test_the_ends_of_each_scale_are_allowed(services: Services, value: object) -> None:
    saved = services.checkins.add(mood=value, energy=value, stress=value)
    assert saved.mood == saved.energy == saved.stress == int(str(value))


@pytest.mark.parametrize("hours", [0, 0.5, 6, 6.5, "7.5", 24])
def test_sleep_in_half_hour_steps_from_0_to_24(services: Services, hours: object) -> None:
    assert services.checkins.add(mood=5, sleep_hours=hours).sleep_hours == float(str(hours))


def test_back_filling_is_allowed_and_now_is_not_the_future(services: Services) -> None:
    assert services.checkins.add(mood=5, at="09:00").time == time(9, 0)
    assert services.checkins.add(mood=5, day=YESTERDAY, at="23:59").date == YESTERDAY
    assert services.checkins.add(mood=5, day="1999-12-31").date == date(1999, 12, 31)


# --- Several check-ins a day -------------------------------------------------------------------------------


def test_several_check_ins_a_day_are_kept_and_listed_in_order(services: Services) -> None:
    evening = services.checkins.add(mood=8, day=YESTERDAY, at="21:30")
    morning = services.checkins.add(mood=2, day=YESTERDAY, at="07:00")
    today = services.checkins.add(mood=5, at="08:00")
    noon = services.checkins.add(mood=3, day=YESTERDAY, at="12:00")
    older = services.checkins.add(mood=9, day=YESTERDAY - timedelta(days=3), at="23:00")
    assert services.checkins.between() == [older, morning, noon, evening, today]
    assert services.checkins.on_day(YESTERDAY) == [morning, noon, evening]
    assert services.checkins.on_day(TODAY - timedelta(days=2)) == []
    assert services.checkins.between(YESTERDAY, TODAY) == [morning, noon, evening, today]  # inclusive
    assert services.checkins.between(day_to=YESTERDAY - timedelta(days=1)) == [older]


def test_the_daily_value_is_the_mean_and_missing_days_stay_missing(services: Services) -> None:
    for mood, day, at in [(2, YESTERDAY, "07:00"), (3, YESTERDAY, "12:00"), (8, YESTERDAY, "21:00")]:
        services.checkins.add(mood=mood, day=day, at=at)
    services.checkins.add(mood=0, day=TODAY - timedelta(days=3), at="10:00")  # a real 0, not a gap
    services.checkins.add(mood=6, at="08:00")
    means = field_daily_means(services.checkins.between())
    assert means == {TODAY - timedelta(days=3): 0.0, YESTERDAY: pytest.approx(13 / 3), TODAY: 6.0}
    assert TODAY - timedelta(days=2) not in means  # no check-in that day: absent, never 0
    assert list(means) == sorted(means)


def test_daily_means_of_an_optional_field_skip_check_ins_without_it(services: Services) -> None:
    services.checkins.add(mood=5, energy=4, day=YESTERDAY, at="07:00")
    services.checkins.add(mood=5, day=YESTERDAY, at="12:00")  # no energy: not counted as 0
    services.checkins.add(mood=5, energy=7, day=YESTERDAY, at="20:00")
    services.checkins.add(mood=5, at="08:00")  # today, no energy at all
    assert field_daily_means(services.checkins.between(), "energy") == {YESTERDAY: 5.5}
    assert field_daily_means([]) == {}


def test_daily_moods_over_a_window(services: Services) -> None:
    services.checkins.add(mood=1, day=TODAY - timedelta(days=14), at="12:00")  # just outside 14 days
    services.checkins.add(mood=4, day=TODAY - timedelta(days=13), at="12:00")
    services.checkins.add(mood=6, day=TODAY - timedelta(days=13), at="18:00")
    services.checkins.add(mood=9, day=YESTERDAY, at="12:00")
    services.checkins.add(mood=7, at="08:30")
    assert services.checkins.daily_moods(14) == {TODAY - timedelta(days=13): 5.0, YESTERDAY: 9.0, TODAY: 7.0}
    assert services.checkins.daily_moods(1) == {TODAY: 7.0}
    assert services.checkins.daily_moods(2, end=YESTERDAY) == {YESTERDAY: 9.0}
    assert services.checkins.daily_moods(15)[TODAY - timedelta(days=14)] == 1.0


# --- Edit, delete, undo ------------------------------------------------------------------------------------


def test_an_edit_keeps_the_id_and_replaces_the_content(services: Services, vault: Vault) -> None:
    first = services.checkins.add(mood=3, tags=["night shift"], note="rough night", day=YESTERDAY, at="07:00")
    count = vault.store.count()
    edited = services.checkins.update(first, mood=5, note="rough night, better after sleep")
    assert edited.id == first.id
    assert services.checkins.get(first.id) == edited
    assert vault.store.count() == count
    # The app's edit path: a validated rebuild with the same id.
    rebuilt = services.checkins.build(
        mood=6,
        tags=["Night Shift", "debrief"],
        note="talked it through",
        day=first.date,
        at=first.time,
        record_id=first.id,
    )
    services.checkins.save(rebuilt)
    assert services.checkins.between() == [rebuilt]
    assert rebuilt.tags == ("Night Shift", "debrief")


def test_an_invalid_edit_is_refused_and_the_check_in_stays(services: Services) -> None:
    original = services.checkins.add(mood=3, note="keep me", day=YESTERDAY, at="07:00")
    with pytest.raises(InvalidInput):
        services.checkins.update(original, mood=11)
    assert services.checkins.on_day(YESTERDAY) == [original]


def test_delete_returns_the_check_in_and_restore_undoes_it(services: Services, vault: Vault) -> None:
    keep = services.checkins.add(mood=7, at="08:00")
    gone = services.checkins.add(
        mood=2, energy=1, sleep_hours=4.5, tags=["on call"], note="pager 😩", at="06:00"
    )
    deleted = services.checkins.delete(gone.id)
    assert deleted == gone
    assert services.checkins.get(gone.id) is None
    assert services.checkins.on_day(TODAY) == [keep]
    assert services.checkins.delete(gone.id) is None  # already gone: nothing to undo
    assert deleted is not None
    services.checkins.restore(deleted)
    assert services.checkins.on_day(TODAY) == [gone, keep]
    assert vault.store.count("checkin") == 2


def test_a_damaged_check_in_is_reported_and_the_rest_still_listed(services: Services, vault: Vault) -> None:
    good = services.checkins.add(mood=7, at="08:00")
    broken_id = "00000000-0000-0000-0000-000000000001"
    vault.store.put("checkin", broken_id, {"mood": 11}, YESTERDAY)  # decrypts, but mood is out of range
    assert services.checkins.between() == [good]
    assert [damaged.record_id for damaged in services.checkins.damaged] == [broken_id]
