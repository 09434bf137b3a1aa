"""Daylio files the attack of issues 12 and 14 used: refused with the line, nothing imported, no quadratic work."""

from __future__ import annotations

import pytest

from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.transfer import import_daylio

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
ROW = '2026-11-20,November 20,Friday,9:00 PM,good,work,"",""\n'


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            HEADER
            + ROW
            + '2026-11-21,November 21,Saturday,9:00 PM,good,work,"",\n'
            + '"never closed\n'
            + ROW,
            "a quote is never closed",
            4,
        ),
        (
            "full_date,date,weekday,time,mood,mood,activities,note_title,note\n" + ROW,
            "'mood' appears more than once",
            1,
        ),
        (",".join(f"c{index}" for index in range(100_000)) + ",full_date,time,mood\n", "100003 columns", 1),
    ],
    ids=["unclosed-quote", "duplicated-mood-column", "100000-columns"],
)
def test_hostile_daylio_files_are_refused_with_the_line(
    services: Services, text: str, message: str, line: int
) -> None:
    with pytest.raises(InvalidInput, match=message) as refused:
        import_daylio(services, text)
    assert refused.value.line == line
    assert services.vault.store.count() == 0
