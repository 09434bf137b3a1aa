"""Time zones: a case mistake or a typo gets a "did you mean" (issue 11); anything else an example."""

from __future__ import annotations

import pytest

from wellbeing_app.directory.validation import check_timezone
from wellbeing_app.errors import InvalidInput


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("europe/london", "Europe/London"),
        ("Europe/Londn", "Europe/London"),
        ("Afrika/Nairobi", "Africa/Nairobi"),
        ("America/New_Yrok", "America/New_York"),
    ],
)
def test_a_near_miss_suggests_the_zone(typed: str, meant: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_timezone(typed)
    assert str(caught.value) == f"'{typed}' is not a time zone. Did you mean {meant}?"
    assert caught.value.field == "timezone"


@pytest.mark.parametrize("typed", ["Mars/Base", "London", "UTC+1"])
def test_something_else_gets_an_example(typed: str) -> None:
    with pytest.raises(InvalidInput, match="Use a name such as Europe/London"):
        check_timezone(typed)


def test_a_real_zone_passes() -> None:
    assert check_timezone("Asia/Ho_Chi_Minh") == "Asia/Ho_Chi_Minh"
