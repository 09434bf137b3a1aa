"""When each questionnaire is offered again: WHO-5 every 14 days, burnout every 28."""

from __future__ import annotations

import datetime as dt

import pytest

from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments import (
    INTERVAL_DAYS,
    is_due,
    next_due,
)

DAY = dt.date(2025, 3, 16)
ID = "0b8f3c1e-6a47-4f43-9a55-0b9c2f1e3d7a"


@pytest.mark.parametrize(
    ("kind", "days_since", "due"),
    [
        ("who5", None, True),
        ("who5", 0, False),
        ("who5", 13, False),
        ("who5", 14, True),
        ("who5", 40, True),
        ("who5", -3, False),
        ("burnout", None, True),
        ("burnout", 27, False),
        ("burnout", 28, True),
        ("burnout", -1, False),
    ],
)
def test_who5_every_14_days_burnout_every_28(kind: str, days_since: int | None, due: bool) -> None:
    last = None if days_since is None else DAY - dt.timedelta(days=days_since)
    assert is_due(kind, last, DAY) is due  # type: ignore[arg-type]


def test_next_due_and_intervals() -> None:
    assert INTERVAL_DAYS == {"who5": 14, "burnout": 28}
    assert next_due("who5", DAY) == dt.date(2025, 3, 30)
    assert next_due("burnout", DAY) == dt.date(2025, 4, 13)
    assert next_due("who5", None) is None
    with pytest.raises(InvalidInput):
        next_due("phq9", DAY)  # type: ignore[arg-type]
