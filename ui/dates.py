"""How the app writes a day on screen, in one place so lists, charts and tooltips agree."""

from __future__ import annotations

from datetime import date
from typing import Final

MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month abbreviations in English whatever the locale: the report and the year's month labels."""


def short_date(day: date) -> str:
    """25 Nov 2026: a table cell."""
    return f"{day.day} {day:%b %Y}"


def weekday_date(day: date) -> str:
    """Wed 25 Nov 2026: a single day someone points at or reads about."""
    return f"{day:%a} {short_date(day)}"
