"""The directory's data: contacts (imported or private) and the user's own profile.

Both are frozen so they can be cached, hashed and compared when merging a re-imported file. Each turns into a
plain JSON-able payload for the encrypted vault and back.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum
from functools import cached_property
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from wellbeing_app.directory.availability import Availability, parse_availability
from wellbeing_app.directory.languages import language_key
from wellbeing_app.directory.text import fold, split_list, unique_items
from wellbeing_app.errors import InvalidInput

PRIVATE_SOURCE = "private"
PAYLOAD_VERSION = 1
_LABEL = re.compile(r"(?P<name>.*) \((?P<day>\d{4}-\d{2}-\d{2})\)")
_RECORD_NAMESPACE = uuid.UUID("6f1d3c52-8a3e-5b7a-9c41-2f0e5d7b9a13")
_COUNTRY = re.compile(r"[A-Za-z]{2}")


class ContactKind(StrEnum):
    PEER_SUPPORTER = "peer_supporter"
    DEBRIEF_CONTACT = "debrief_contact"
    PROFESSIONAL_SERVICE = "professional_service"


def source_label(name: str, imported_on: date) -> str:
    """What a contact shows as its source: the file's name and the day it was imported."""
    return f"{name} ({imported_on.isoformat()})"


def source_name_of(source: str) -> str:
    """The file name inside a source label; a newer import of the same file replaces the older one."""
    match = _LABEL.fullmatch(source)
    return match.group("name") if match else source


@dataclass(frozen=True, kw_only=True)
class Contact:
    id: str
    name: str
    kind: ContactKind
    role: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    url: str = ""
    languages: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    availability: Availability | None = None
    timezone: str | None = None
    notes: str = ""
    source: str = PRIVATE_SOURCE
    last_verified: date | None = None
    listed: bool = True

    @property
    def is_private(self) -> bool:
        return self.source == PRIVATE_SOURCE

    @property
    def source_name(self) -> str:
        return source_name_of(self.source)

    @property
    def record_id(self) -> str:
        """Vault record id: ids are only unique within one source, so the source name is part of it."""
        return str(uuid.uuid5(_RECORD_NAMESPACE, f"{self.source_name}\x1f{self.id}"))

    @cached_property
    def search_text(self) -> str:
        """Folded name, role, organisation and tags; NUL (not whitespace to ``fold``) keeps a word in one field."""
        return fold("\0".join((self.name, self.role, self.organisation, *self.tags)))

    @cached_property
    def name_key(self) -> str:
        return fold(self.name)

    @cached_property
    def tag_keys(self) -> frozenset[str]:
        return frozenset(fold(tag) for tag in self.tags)

    @cached_property
    def language_keys(self) -> frozenset[str]:
        return frozenset(language_key(language) for language in self.languages)

    @cached_property
    def zone(self) -> tzinfo | None:
        return ZoneInfo(self.timezone) if self.timezone else None

    def is_available(self, at: datetime) -> bool:
        """Open at ``at`` by the contact's hours; without a time zone, the hours are read in ``at``'s zone."""
        if self.availability is None:
            return False
        zone = self.zone or at.tzinfo
        if zone is None:
            raise ValueError("is_available needs a time-zone-aware datetime")
        return self.availability.is_open(at, zone)

    @property
    def tel_uri(self) -> str | None:
        digits = "".join(char for char in self.phone if char.isascii() and char.isdigit())
        if not digits:
            return None
        return f"tel:{'+' if self.phone.lstrip().startswith('+') else ''}{digits}"

    @property
    def mailto_uri(self) -> str | None:
        """Address only: a message opened from the app never carries journal or check-in text."""
        return f"mailto:{quote(self.email, safe='@')}" if self.email else None

    def to_export_dict(self) -> dict[str, Any]:
        """The public shape used by ``directory list --json`` and the JSON export."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "role": self.role,
            "organisation": self.organisation,
            "phone": self.phone,
            "email": self.email,
            "url": self.url,
            "languages": list(self.languages),
            "tags": list(self.tags),
            "availability": str(self.availability) if self.availability else None,
            "timezone": self.timezone,
            "notes": self.notes,
            "source": self.source,
            "last_verified": self.last_verified.isoformat() if self.last_verified else None,
            "listed": self.listed,
        }

    def to_payload(self) -> dict[str, Any]:
        return {"v": PAYLOAD_VERSION, **self.to_export_dict()}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Contact:
        """Raises ``InvalidInput`` when the payload is not a contact; the vault reports it as a damaged record."""
        try:
            last_verified = payload.get("last_verified")
            timezone = payload.get("timezone")
            return cls(
                id=_text(payload["id"]),
                name=_text(payload["name"]),
                kind=ContactKind(payload["kind"]),
                role=_text(payload.get("role", "")),
                organisation=_text(payload.get("organisation", "")),
                phone=_text(payload.get("phone", "")),
                email=_text(payload.get("email", "")),
                url=_text(payload.get("url", "")),
                languages=_text_list(payload.get("languages", [])),
                tags=_text_list(payload.get("tags", [])),
                availability=parse_availability(payload.get("availability")),
                timezone=_text(timezone) if timezone else None,
                notes=_text(payload.get("notes", "")),
                source=_text(payload.get("source", PRIVATE_SOURCE)),
                last_verified=date.fromisoformat(_text(last_verified)) if last_verified else None,
                listed=bool(payload.get("listed", True)),
            )
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise InvalidInput(f"The stored contact could not be read ({error}).") from None


@dataclass(frozen=True, kw_only=True)
class Profile:
    """What the user shares with the app about themselves, used only on this device for matching."""

    experience_tags: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    country: str | None = None

    @classmethod
    def create(
        cls,
        *,
        experience_tags: str | Iterable[str] = (),
        languages: str | Iterable[str] = (),
        country: str | None = None,
    ) -> Profile:
        """Cleans the lists (a string is split on ";", as typed on the command line) and checks the country."""
        cleaned_country = country.strip() if country else ""
        if cleaned_country and not _COUNTRY.fullmatch(cleaned_country):
            raise InvalidInput(
                f"'{country}' is not a country code. Use two letters, e.g. GB, FR or KE.", field="country"
            )
        return cls(
            experience_tags=_items(experience_tags),
            languages=_items(languages),
            country=cleaned_country.upper() or None,
        )

    @cached_property
    def tag_keys(self) -> frozenset[str]:
        return frozenset(fold(tag) for tag in self.experience_tags)

    @cached_property
    def language_keys(self) -> frozenset[str]:
        return frozenset(language_key(language) for language in self.languages)

    def to_payload(self) -> dict[str, Any]:
        return {
            "v": PAYLOAD_VERSION,
            "experience_tags": list(self.experience_tags),
            "languages": list(self.languages),
            "country": self.country,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Profile:
        try:
            country = payload.get("country")
            return cls(
                experience_tags=_text_list(payload.get("experience_tags", [])),
                languages=_text_list(payload.get("languages", [])),
                country=_text(country) if country else None,
            )
        except (AttributeError, TypeError, ValueError) as error:
            raise InvalidInput(f"The stored profile could not be read ({error}).") from None


def _items(values: str | Iterable[str]) -> tuple[str, ...]:
    return split_list(values) if isinstance(values, str) else unique_items(values)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _text_list(value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, found {type(value).__name__}")
    return tuple(_text(item) for item in value)
