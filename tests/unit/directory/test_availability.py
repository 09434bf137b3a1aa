from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellbeing_app.directory import Availability, Window, parse_availability
from wellbeing_app.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Mon-Fri 09:00-17:00; Sat 10:00-12:00", "Mon-Fri 09:00-17:00; Sat 10:00-12:00"),
        ("mon - fri 9:00 - 17:00", "Mon-Fri 09:00-17:00"),
        ("Mon,Wed 18:00-20:00", "Mon,Wed 18:00-20:00"),
        ("Sat 22:00-02:00", "Sat 22:00-02:00"),
        ("Fri-Mon 08:00-10:00", "Mon,Fri-Sun 08:00-10:00"),
        ("Daily 00:00-24:00", "Mon-Sun 00:00-24:00"),
        ("Weekdays 09:00-12:00, 13:00-17:00", "Mon-Fri 09:00-12:00, 13:00-17:00"),
        ("Weekends 10:00-14:00", "Sat,Sun 10:00-14:00"),
        ("Monday 22:00-00:00", "Mon 22:00-24:00"),
        ("Tue 09:00–17:00", "Tue 09:00-17:00"),
        ("Thurs 07:30-08:15;", "Thu 07:30-08:15"),
        ("Mon 09:00-12:00; Mon-Wed 13:00-17:00", "Mon 09:00-12:00, 13:00-17:00; Tue,Wed 13:00-17:00"),
        ("Sat 10:00-12:00; Mon-Fri 09:00-17:00; Sat 10:00-12:00", "Mon-Fri 09:00-17:00; Sat 10:00-12:00"),
    ],
)
def test_parses_to_canonical_text(text: str, canonical: str) -> None:
    availability = Availability.parse(text)
    assert str(availability) == canonical
    assert Availability.parse(canonical) == availability


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Mon-Fry 09:00-17:00", "'Fry' is not a day. Use Mon, Tue, Wed, Thu, Fri, Sat or Sun."),
        ("Mon 9-5", "'9-5' in 'Mon 9-5' is not a time range. Write times as HH:MM-HH:MM, e.g. 09:00-17:00."),
        ("Mon 25:00-26:00", "25:00 is not a time of day."),
        ("Mon 09:60-10:00", "09:60 is not a time of day."),
        ("Mon 24:00-02:00", "24:00 is not a time of day."),
        ("Mon 09:00-09:00", "'09:00-09:00' opens and closes at the same time."),
        ("09:00-17:00", "'09:00-17:00' does not say which days. Write it like 'Mon-Fri 09:00-17:00'."),
        ("Mon", "'Mon' has no times. Write them like 'Mon-Fri 09:00-17:00'."),
        (" ; ", "no hours are given. Write them like 'Mon-Fri 09:00-17:00'."),
        ("-Fri 09:00-10:00", "a day name is missing. Use Mon, Tue, Wed, Thu, Fri, Sat or Sun."),
        ("Mon 09:00-17:00 and Sat", "is not a time range"),
    ],
)
def test_invalid_text_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Availability.parse(text)
    assert caught.value.field == "availability"
    assert message in str(caught.value)


def test_blank_text_means_no_hours() -> None:
    assert parse_availability(None) is None
    assert parse_availability("  ") is None
    assert parse_availability("Mon 09:00-10:00") == Availability((Window(0, 540, 600),))


LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("hours", "zone", "at", "expected"),
    [
        # Europe/London moves to summer time on Sunday 29 March 2026: 08:30 UTC is 08:30, then 09:30.
        ("Mon-Fri 09:00-17:00", LONDON, utc(2026, 3, 27, 8, 30), False),
        ("Mon-Fri 09:00-17:00", LONDON, utc(2026, 3, 30, 8, 30), True),
        # America/New_York moves on Sunday 8 March 2026: 13:30 UTC is 08:30 EST, then 09:30 EDT.
        ("Mon-Fri 09:00-17:00", NEW_YORK, utc(2026, 3, 6, 13, 30), False),
        ("Mon-Fri 09:00-17:00", NEW_YORK, utc(2026, 3, 9, 13, 30), True),
        # And back on Sunday 1 November 2026: 21:30 UTC is 17:30 EDT (closed), then 16:30 EST (open).
        ("Mon-Fri 09:00-17:00", NEW_YORK, utc(2026, 10, 30, 21, 30), False),
        ("Mon-Fri 09:00-17:00", NEW_YORK, utc(2026, 11, 2, 21, 30), True),
        # The opening minute counts, the closing minute does not.
        ("Mon 09:00-17:00", UTC, utc(2026, 11, 30, 9, 0), True),
        ("Mon 09:00-17:00", UTC, utc(2026, 11, 30, 17, 0), False),
        # Overnight hours belong to the day they start.
        ("Sat 22:00-02:00", UTC, utc(2026, 11, 28, 23, 0), True),
        ("Sat 22:00-02:00", UTC, utc(2026, 11, 29, 1, 59), True),
        ("Sat 22:00-02:00", UTC, utc(2026, 11, 29, 2, 0), False),
        ("Sat 22:00-02:00", UTC, utc(2026, 11, 28, 21, 59), False),
        ("Sat 22:00-02:00", UTC, utc(2026, 11, 28, 1, 0), False),
        ("Sun 22:00-02:00", UTC, utc(2026, 11, 30, 1, 0), True),
        # Late Sunday in Europe is already Monday morning in Tokyo.
        ("Mon 09:00-10:00", TOKYO, utc(2026, 11, 29, 23, 30), False),
        ("Mon 09:00-10:00", TOKYO, utc(2026, 11, 30, 0, 30), True),
        ("Mon-Sun 00:00-24:00", TOKYO, utc(2026, 11, 30, 14, 59), True),
    ],
)
def test_is_open_uses_the_contact_wall_clock(
    hours: str, zone: ZoneInfo, at: datetime, expected: bool
) -> None:
    assert Availability.parse(hours).is_open(at, zone) is expected


def test_is_open_needs_an_aware_datetime() -> None:
    with pytest.raises(ValueError, match="time-zone-aware"):
        Availability.parse("Mon 09:00-10:00").is_open(datetime(2026, 11, 30, 9, 30), UTC)


minutes = st.integers(min_value=0, max_value=24 * 60 - 1)
ends = st.integers(min_value=1, max_value=24 * 60)
windows = st.builds(Window, st.integers(min_value=0, max_value=6), minutes, ends).filter(
    lambda w: w.start != w.end
)


@settings(max_examples=150, database=None, deadline=None)
@given(st.lists(windows, min_size=1, max_size=8))
def test_canonical_text_parses_back_to_the_same_hours(items: list[Window]) -> None:
    availability = Availability(tuple(items))
    assert Availability.parse(str(availability)) == availability
