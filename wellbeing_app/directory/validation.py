"""Checks for single contact fields; each raises ``InvalidInput`` naming the field, with a message that says
what to write instead. The file parsers add "Line 4, " in front so the user can find the row.
"""

from __future__ import annotations

import re
from datetime import date
from difflib import get_close_matches
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from wellbeing_app.directory.models import ContactKind
from wellbeing_app.errors import InvalidInput

KIND_HELP = "Use peer_supporter, debrief_contact or professional_service."
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EMAIL = re.compile(r"[^@\s]+@([^@\s]+)")
MAX_ID_LENGTH = 200


def parse_kind(text: str) -> ContactKind:
    key = text.strip().casefold().replace(" ", "_").replace("-", "_")
    try:
        return ContactKind(key)
    except ValueError:
        raise InvalidInput(f"'{text}' is not a known kind. {KIND_HELP}", field="kind") from None


def check_email(text: str) -> str:
    """A sane shape (one @, a dotted domain, no spaces), not a full RFC 5322 check."""
    match = _EMAIL.fullmatch(text)
    labels = match.group(1).split(".") if match else []
    if len(text) > 254 or len(labels) < 2 or not all(labels):
        raise InvalidInput(
            f"'{text}' does not look like an email address. Write it like name@example.org.", field="email"
        )
    return text


def check_url(text: str) -> str:
    """Only web links: the app opens them in a browser, so other schemes (file:, javascript:) are refused."""
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or parts.scheme.casefold() not in ("http", "https") or not host or " " in text:
        raise InvalidInput(
            f"'{text}' is not a web address. Write a full link starting with https://.", field="url"
        )
    return text


def check_timezone(text: str) -> str:
    """An IANA name such as Europe/London, which keeps opening hours right across summer-time changes."""
    if text.casefold() != "localtime":
        try:
            ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
        else:
            return text
    hint = _timezone_spelling(text.casefold())
    advice = f"Did you mean {hint}?" if hint else "Use a name such as Europe/London or Africa/Nairobi."
    raise InvalidInput(f"'{text}' is not a time zone. {advice}", field="timezone")


@lru_cache(maxsize=1)
def _zones_by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def _timezone_spelling(folded: str) -> str | None:
    """The zone meant by a case mistake (europe/london) or a typo (Europe/Londn), if one is close enough."""
    zones = _zones_by_folded_name()
    if folded in zones:
        return zones[folded]
    close = get_close_matches(folded, zones, n=1, cutoff=0.85)
    return zones[close[0]] if close else None


def parse_date(text: str, field: str = "last_verified") -> date:
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise InvalidInput(f"'{text}' is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-25.", field=field)


def check_id(text: str) -> str:
    if len(text) > MAX_ID_LENGTH:
        raise InvalidInput(f"the id is longer than {MAX_ID_LENGTH} characters.", field="id")
    return text
