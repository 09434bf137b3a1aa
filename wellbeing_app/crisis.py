"""The directory of crisis and support lines shipped with the app, and a calm plain-text view of it.

The data (``resources/data/crisis_lines.json``) is a sourced list: every line keeps where and when it was
checked. A line whose hours or service the sources could not confirm has ``verified=False``, and every view
of it must say "check before relying on it". The local emergency number always comes first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import resources
from wellbeing_app.errors import IntegrityError

FALLBACK_COUNTRY = "GB"
CHECK_NOTE = "check before relying on it"
_ALIASES = {"UK": "GB"}


@dataclass(frozen=True)
class CrisisLine:
    """One helpline; ``audience`` is the source's "for" text, e.g. "everyone"."""

    name: str
    phone: str | None
    sms: str | None
    url: str | None
    hours: str
    languages: tuple[str, ...]
    audience: str
    source: str
    source_date: str
    notes: str | None = None
    verified: bool = False
    for_healthcare_workers: bool = False
    verification_note: str | None = None
    cross_check: tuple[str, ...] = ()

    @property
    def caution(self) -> str | None:
        """What to show beside an unverified line, e.g. "hours not verified — check before relying on it"."""
        if self.verified:
            return None
        return f"{self.verification_note or 'not verified'} — {CHECK_NOTE}"


@dataclass(frozen=True)
class EmergencyNumber:
    """The local emergency number(s), most useful first, and a sentence saying which service each reaches."""

    numbers: tuple[str, ...]
    label: str
    source: str
    source_date: str


@dataclass(frozen=True)
class InternationalResource:
    """A directory of helplines in many countries (or a number reserved across several countries)."""

    name: str
    url: str | None
    phone: str | None
    source: str
    source_date: str
    notes: str | None = None


@dataclass(frozen=True)
class CountryLines:
    country: str
    country_name: str
    emergency: EmergencyNumber
    lines: tuple[CrisisLine, ...]
    international: tuple[InternationalResource, ...] = ()

    @property
    def general_lines(self) -> tuple[CrisisLine, ...]:
        return tuple(line for line in self.lines if not line.for_healthcare_workers)

    @property
    def healthcare_worker_lines(self) -> tuple[CrisisLine, ...]:
        """Services dedicated to health workers: many are support or treatment services, not crisis lines."""
        return tuple(line for line in self.lines if line.for_healthcare_workers)


@dataclass(frozen=True)
class CrisisDirectory:
    compiled: str
    note: str
    international: tuple[InternationalResource, ...]
    by_country: Mapping[str, CountryLines] = field(repr=False)

    def for_country(self, code: str) -> CountryLines | None:
        """Lines for an ISO 3166 code, case-insensitive ("uk" is read as GB); None when not listed."""
        key = code.strip().upper()
        return self.by_country.get(_ALIASES.get(key, key))

    def countries(self) -> list[tuple[str, str]]:
        """(code, English name) pairs sorted by name, for a country picker."""
        return sorted(((c.country, c.country_name) for c in self.by_country.values()), key=lambda p: p[1])


def load_crisis_lines(path: Path | None = None) -> CrisisDirectory:
    """Read the shipped directory (or ``path``); a missing or damaged file raises ``IntegrityError``."""
    source = path if path is not None else resources.resource_path("data", "crisis_lines.json")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        return _directory(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IntegrityError(
            f"The list of support lines could not be read ({source.name}: {exc}). Reinstalling the app "
            "should restore it. In an emergency, call your local emergency number."
        ) from exc


def default_country(locale_name: str | None, available: Iterable[str] | None = None) -> str:
    """The region of a locale such as "en_GB.UTF-8", "en-US" or "zh_Hant_HK", else GB.

    With ``available``, a region that is not in it also falls back to GB.
    """
    region = _region_of(locale_name or "")
    if region is None:
        return FALLBACK_COUNTRY
    if available is not None and region not in {code.upper() for code in available}:
        return FALLBACK_COUNTRY
    return region


def dial_digits(phone: str) -> str:
    """The number to dial, for a ``tel:`` link: "111, then option 2" -> "111", "+44 20 7" -> "+44207"."""
    number = phone.split(",", 1)[0]
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"+{digits}" if digits and number.lstrip().startswith("+") else digits


def format_crisis_text(country_lines: CountryLines) -> str:
    """A calm plain-text block: the emergency number first, then each line, then directories elsewhere."""
    emergency = country_lines.emergency
    parts = [
        f"Support lines — {country_lines.country_name}",
        "",
        f"In an emergency, call {_join_or(emergency.numbers)}.",
        emergency.label,
    ]
    for line in country_lines.general_lines:
        parts += ["", *_line_text(line)]
    if country_lines.healthcare_worker_lines:
        parts += [
            "",
            "Support for health and care workers",
            "These are support services, not emergency lines.",
        ]
        for line in country_lines.healthcare_worker_lines:
            parts += ["", *_line_text(line)]
    parts += ["", *_directories_text(country_lines.international)]
    return "\n".join(parts) + "\n"


def format_international_text(international: Iterable[InternationalResource]) -> str:
    """For a country the directory does not list yet."""
    parts = [
        "This country is not in the list yet.",
        "In an emergency, call your local emergency number.",
        "",
        *_directories_text(international),
    ]
    return "\n".join(parts) + "\n"


def _line_text(line: CrisisLine) -> list[str]:
    out = [line.name]
    if line.phone:
        out.append(f"  Phone: {line.phone}")
    if line.sms:
        # Most entries already say how ("Text SHOUT to 85258", "WhatsApp ..."); a bare number needs a word.
        out.append(f"  Text: {line.sms}" if line.sms[0] in "+0123456789" else f"  {line.sms}")
    if line.hours.strip().lower() != "not verified":
        out.append(f"  Hours: {line.hours.replace('NOT VERIFIED', 'not verified')}")
    if line.caution:
        out.append(f"  ({line.caution})")
    out.append(f"  For: {line.audience}")
    if line.url:
        out.append(f"  Web: {line.url}")
    return out


def _directories_text(international: Iterable[InternationalResource]) -> list[str]:
    # Entries without a web address (the EU 116 123 number) are only valid where a country lists them.
    directories = [item for item in international if item.url]
    if not directories:
        return []
    out = ["Helpline directories for other countries"]
    out += [f"  {item.name}: {item.url}" for item in directories]
    return out


def _join_or(numbers: tuple[str, ...]) -> str:
    if len(numbers) <= 1:
        return "".join(numbers)
    return f"{', '.join(numbers[:-1])} or {numbers[-1]}"


_REGION = re.compile(r"[A-Za-z]{2}")


def _region_of(locale_name: str) -> str | None:
    base = locale_name.split(".", 1)[0].split("@", 1)[0]
    subtags = re.split(r"[-_]", base)[1:]
    for subtag in subtags:
        if _REGION.fullmatch(subtag):
            region = subtag.upper()
            return _ALIASES.get(region, region)
    return None


def _directory(data: Any) -> CrisisDirectory:
    countries: dict[str, CountryLines] = {}
    international = tuple(_international(item) for item in _list(data["international"]))
    raw_countries = data["countries"]
    if not isinstance(raw_countries, dict):
        raise TypeError("'countries' is not an object")
    for code, entry in raw_countries.items():
        em = entry["emergency"]
        emergency = EmergencyNumber(
            numbers=_str_tuple(em["numbers"]),
            label=_str(em["label"]),
            source=_str(em["source"]),
            source_date=_str(em["source_date"]),
        )
        if not emergency.numbers:
            raise ValueError(f"no emergency number for {code}")
        lines = tuple(_line(item) for item in _list(entry["lines"]))
        key = code.upper()
        countries[key] = CountryLines(key, _str(entry["name"]), emergency, lines, international)
    return CrisisDirectory(
        compiled=_str(data["compiled"]),
        note=_str(data["note"]),
        international=international,
        by_country=MappingProxyType(countries),
    )


def _line(item: Any) -> CrisisLine:
    return CrisisLine(
        name=_str(item["name"]),
        phone=_opt_str(item.get("phone")),
        sms=_opt_str(item.get("sms")),
        url=_opt_str(item.get("url")),
        hours=_str(item["hours"]),
        languages=_str_tuple(item.get("languages", [])),
        audience=_str(item["for"]),
        source=_str(item["source"]),
        source_date=_str(item["source_date"]),
        notes=_opt_str(item.get("notes")),
        # A line counts as verified only when the data says so explicitly.
        verified=item.get("verified") is True,
        for_healthcare_workers=item.get("for_healthcare_workers") is True,
        verification_note=_opt_str(item.get("verification_note")),
        cross_check=_str_tuple(item.get("cross_check", [])),
    )


def _international(item: Any) -> InternationalResource:
    return InternationalResource(
        name=_str(item["name"]),
        url=_opt_str(item.get("url")),
        phone=_opt_str(item.get("phone")),
        source=_str(item["source"]),
        source_date=_str(item["source_date"]),
        notes=_opt_str(item.get("notes")),
    )


def _str(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"expected text, found {value!r}")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {type(value).__name__}")
    return value


def _str_tuple(value: Any) -> tuple[str, ...]:
    return tuple(_str(item) for item in _list(value))


# -- what the status and the crisis dialog list ---------------------------------------------------------------

_LOCAL_EMERGENCY = "In an emergency, call your local emergency number."


@dataclass(frozen=True)
class CrisisEntry:
    """One line of the crisis list. `kind`: "emergency" (always first), "line", or "directory" (helpline
    directories for a country the list does not cover). `caution` says when a line's details are unverified."""

    kind: str
    name: str
    phone: str | None = None
    sms: str | None = None
    url: str | None = None
    hours: str | None = None
    audience: str | None = None
    caution: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """{"kind", "name", "phone", "sms", "url", "hours", "for", "caution"}"""
        return {
            "kind": self.kind,
            "name": self.name,
            "phone": self.phone,
            "sms": self.sms,
            "url": self.url,
            "hours": self.hours,
            "for": self.audience,
            "caution": self.caution,
        }


def crisis_entries(
    lines: CountryLines | None, international: Iterable[InternationalResource]
) -> list[CrisisEntry]:
    """The emergency number(s) first, then the country's crisis lines; for an unlisted country, directories."""
    if lines is None:
        entries = [LOCAL_EMERGENCY_ENTRY]
        entries += [
            CrisisEntry("directory", item.name, phone=item.phone, url=item.url, audience=item.notes)
            for item in international
            if item.url
        ]
        return entries
    emergency = lines.emergency
    entries = [
        CrisisEntry("emergency", "Emergency services", phone=number, audience=emergency.label)
        for number in emergency.numbers
    ]
    entries += [
        CrisisEntry(
            "line",
            line.name,
            phone=line.phone,
            sms=line.sms,
            url=line.url,
            hours=line.hours,
            audience=line.audience,
            caution=line.caution,
        )
        for line in lines.general_lines
    ]
    return entries


LOCAL_EMERGENCY_ENTRY = CrisisEntry("emergency", "Your local emergency number", audience=_LOCAL_EMERGENCY)
