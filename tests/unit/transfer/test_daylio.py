"""Daylio CSV import: renamed mood labels, activities as tags, notes, stable ids, atomic with line numbers."""

from __future__ import annotations

from datetime import date, time

import pytest

from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.transfer import DEFAULT_MOODS, import_daylio, parse_mood_mapping
from wellbeing_app.transfer.daylio import daylio_id, daylio_note, mood_scale, parse_daylio_time

RENAMED = "super=9, Fine=6, LOW=2"
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def test_sample_with_renamed_labels(services: Services, daylio_sample: str) -> None:
    assert daylio_sample.startswith("\ufeff")  # the fixture keeps Daylio's byte-order mark
    summary = import_daylio(services, daylio_sample, moods=parse_mood_mapping(RENAMED))
    assert (summary.added, summary.updated, summary.unchanged) == (6, 0, 0)
    saved = services.checkins.between()
    assert [(c.date, c.time, c.mood) for c in saved] == [
        (date(2026, 11, 18), time(18, 0), 6),  # "FINE": labels are case-insensitive
        (date(2026, 11, 19), time(12, 45), 1),  # awful: a default label still applies
        (date(2026, 11, 20), time(0, 5), 5),  # 12:05 AM; meh
        (date(2026, 11, 22), time(21, 30), 9),  # super
        (date(2026, 11, 24), time(7, 15), 6),  # Fine
        (date(2026, 11, 24), time(22, 4), 2),  # 10:04 PM; Low
    ]
    by_time = {(c.date.day, c.time.hour): c for c in saved}
    night = by_time[(24, 22)]
    assert night.tags == ("work", "night shift", "patient death")
    assert (
        night.note == "Rough one\nLost a patient on the ward tonight.\nDebrief tomorrow.\nTea helped a bit."
    )
    assert by_time[(24, 7)].note == "Slept 8 hours."  # no title: no empty first line
    assert by_time[(20, 0)].note == "" and by_time[(20, 0)].tags == ("work", "on call")
    assert (
        by_time[(19, 12)].note
        == "Incident\nLong shift.\nCode at 3am, handover ran late.\nNeed to talk to someone."
    )
    assert by_time[(22, 21)].note.endswith("Felt like myself again 🌊")
    assert by_time[(18, 18)].note == "مساء هادئ\nيوم هادئ في العمل" and by_time[(18, 18)].tags == ()
    assert all(c.energy is None and c.stress is None and c.sleep_hours is None for c in saved)


def test_importing_the_sample_again_adds_nothing(services: Services, daylio_sample: str) -> None:
    moods = parse_mood_mapping(RENAMED)
    import_daylio(services, daylio_sample, moods=moods)
    first = {c.id for c in services.checkins.between()}
    summary = import_daylio(services, daylio_sample, moods=moods)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 6)
    assert {c.id for c in services.checkins.between()} == first


def test_a_new_mapping_updates_the_same_check_ins(services: Services, daylio_sample: str) -> None:
    import_daylio(services, daylio_sample, moods=parse_mood_mapping(RENAMED))
    summary = import_daylio(services, daylio_sample, moods=parse_mood_mapping("super=10,fine=6,low=2"))
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 5)
    assert max(c.mood for c in services.checkins.between()) == 10


def test_without_the_mapping_every_unknown_label_is_named(services: Services, daylio_sample: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        import_daylio(services, daylio_sample)
    error = caught.value
    assert (error.line, error.field) == (2, "mood")
    assert str(error).startswith(
        "line 2: the moods 'Low' (line 2), 'Fine' (line 3), 'super' (line 4) are not known Daylio mood labels"
    )
    for label in DEFAULT_MOODS:
        assert label in str(error)
    assert '--daylio-moods "Low=N,Fine=N,super=N"' in str(error)
    assert services.vault.store.count() == 0


def test_one_unknown_label_is_named_with_its_line(services: Services) -> None:
    rows = "2026-11-02,November 2,Monday,10:00 AM,meh,,,\n2026-11-03,November 3,Tuesday,9:00 AM,Low,,,\n"
    with pytest.raises(InvalidInput) as caught:
        import_daylio(services, HEADER + rows)
    assert str(caught.value).startswith("line 3: the mood 'Low' is not a known Daylio mood label")
    assert '"Low=N"' in str(caught.value)


def test_one_bad_row_imports_nothing_and_names_its_line(services: Services, daylio_sample: str) -> None:
    # The sample's rows start on lines 2, 3, 4, 5, 6 (a note over three lines) and 9.
    broken = daylio_sample.replace("2026-11-18,November 18", "2026-18-11,November 18")
    with pytest.raises(InvalidInput) as caught:
        import_daylio(services, broken, moods=parse_mood_mapping(RENAMED))
    assert (caught.value.line, caught.value.field) == (9, "full_date")
    assert str(caught.value).startswith("line 9: ")
    assert services.vault.store.count() == 0


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("2026-11-30,November 30,Monday,8:00 PM,good,,,", "full_date", "in the future"),
        (",November 30,Monday,8:00 PM,good,,,", "full_date", "full_date is empty"),
        ("2026-11-02,November 2,Monday,25:00,good,,,", "time", "not a time"),
        ("2026-11-02,November 2,Monday,13:00 PM,good,,,", "time", "not a time"),
        ("2026-11-02,November 2,Monday,soon,good,,,", "time", "not a time"),
        ("2026-11-02,November 2,Monday,8:00 PM,,,,", "mood", "is not a known Daylio mood label"),
        ("2026-11-02,November 2,Monday,8:00 PM,ecstatic,,,", "mood", "'ecstatic'"),
        ("2026-11-02,November 2,Monday,8:00 PM,good,,," + "x" * 20_001, "note", "limit is 20,000"),
        ("2026-11-02,November 2,Monday,8:00 PM,good," + "y" * 61 + ",,", "activities", "longer than 60"),
        ("2026-11-02,November 2,Monday,8:00 PM,good,,", "row", "7 fields but the header has 8"),
    ],
)
def test_invalid_rows(services: Services, row: str, field: str, message: str) -> None:
    good = "2026-11-01,November 1,Sunday,9:00 AM,rad,,,\n"
    with pytest.raises(InvalidInput, match=message) as caught:
        import_daylio(services, HEADER + good + good.replace("9:00", "9:30") + row + "\n")
    assert (caught.value.line, caught.value.field) == (4, field)
    assert services.vault.store.count() == 0


def test_not_a_daylio_file(services: Services) -> None:
    with pytest.raises(InvalidInput, match="does not look like a Daylio export") as caught:
        import_daylio(services, "id,date,time,mood\n1,2026-01-01,10:00,5\n")
    assert (caught.value.line, caught.value.field) == (1, "header")
    with pytest.raises(InvalidInput, match="empty"):
        import_daylio(services, "\ufeff\n\n")


def test_24_hour_times_blank_lines_and_extra_columns(services: Services) -> None:
    text = (
        "full_date,date,weekday,time,mood,activities,note_title,note,scales\r\n"
        "\r\n"
        "2026-11-02,November 2,Monday,22:04,Good,sport |  reading|Sport,,A <BR />B<br>C,\r\n"
        "2026-11-03,November 3,Tuesday,07:00,bad,,Title only,,\r\n"
    )
    assert import_daylio(services, text).added == 2
    first, second = services.checkins.between()
    assert (first.time, first.mood, first.tags, first.note) == (
        time(22, 4),
        7,
        ("sport", "reading"),
        "A\nB\nC",
    )
    assert (second.mood, second.note) == (3, "Title only")


def test_every_row_arrives_even_when_rows_repeat(services: Services) -> None:
    """Daylio may hold two entries at the same minute with the same mood and note; each is a check-in."""
    first = "2026-11-02,November 2,Monday,10:00 AM,meh,work,,Same\n"
    other_activities = "2026-11-02,November 2,Monday,10:00 AM,meh,gym | friends,,Same\n"
    text = HEADER + first + other_activities + first
    assert import_daylio(services, text).added == 3
    saved = services.checkins.between()
    assert sorted(c.tags for c in saved) == [("gym", "friends"), ("work",), ("work",)]
    again = import_daylio(services, text)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_a_row_keeps_the_id_earlier_versions_gave_it(services: Services) -> None:
    """So that a file imported before repeats were kept apart adds nothing when imported again."""
    row = "2026-11-02,November 2,Monday,10:00 AM,meh,work,,Same\n"
    import_daylio(services, HEADER + row)
    [saved] = services.checkins.between()
    assert saved.id == services.vault.store.keyed_id(daylio_id("2026-11-02", "10:00", "meh", "Same"))


def test_progress(services: Services, daylio_sample: str) -> None:
    calls: list[tuple[int, int]] = []
    import_daylio(
        services, daylio_sample, moods=parse_mood_mapping(RENAMED), progress=lambda d, t: calls.append((d, t))
    )
    assert calls[0] == (0, 6) and calls[-1] == (6, 6)


# -- the pieces -----------------------------------------------------------------------------------------------


def test_mood_mapping() -> None:
    assert parse_mood_mapping("Great=9, fine = 6,,LOW=2") == {"great": 9, "fine": 6, "low": 2}
    assert parse_mood_mapping("so  so=4") == {"so so": 4}
    assert mood_scale({"Rad": 10, "fantastic": 9}) == {**DEFAULT_MOODS, "rad": 10, "fantastic": 9}


@pytest.mark.parametrize(
    "mapping", ["", " , ", "great", "=5", "great=", "great=eleven", "great=11", "great=-1", "a=4.5"]
)
def test_bad_mood_mappings(mapping: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_mood_mapping(mapping)
    assert caught.value.field == "daylio-moods"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:04 PM", "22:04"),
        ("10:04 pm", "22:04"),
        ("12:00 AM", "00:00"),
        ("12:30 PM", "12:30"),
        ("9:05 a.m.", "09:05"),
        ("22:04", "22:04"),
        ("7:00", "07:00"),
        ("22:04:59", "22:04"),
    ],
)
def test_daylio_times(text: str, expected: str) -> None:
    assert parse_daylio_time(text) == expected


def test_daylio_note() -> None:
    assert daylio_note("", "") == ""
    assert daylio_note("  Title ", "") == "Title"
    assert daylio_note("T", "one<br>two<BR/>three<br />four\r\nfive") == "T\none\ntwo\nthree\nfour\nfive"
