"""vCard 3.0 / 4.0 address books, read and written through ``vobject``.

``vobject`` parses each content line (name, group, parameters, value); the card structure and the text
unescaping are done here, because its high-level reader keeps only the first comma-separated part of some
values (a URL with a comma in it, an unescaped "Smith, Ann" name). Errors say "Card 3 (line 17)"; the
``line`` attribute of the error is the card number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

import vobject
from vobject.base import ContentLine, textLineToContentLine

from wellbeing_app.directory.models import Contact, ContactKind
from wellbeing_app.directory.rows import RawRecord, RawValue, build_contacts
from wellbeing_app.directory.text import decode_content
from wellbeing_app.directory.validation import check_timezone
from wellbeing_app.errors import InvalidInput

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BEGIN_VCARD = re.compile(r"\s*BEGIN\s*:\s*VCARD\s*", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_EXPORT_HELP = "Export the address book as vCard 3.0 or 4.0 and import it again."
KIND_PROPERTY = "X-WELLBEING-KIND"
_EXTRA_PROPERTIES = {
    "X-WELLBEING-AVAILABILITY": "availability",
    "X-WELLBEING-TIMEZONE": "timezone",
    "X-WELLBEING-LAST-VERIFIED": "last_verified",
}


@dataclass
class _Card:
    number: int
    line: int
    properties: list[ContentLine] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"Card {self.number} (line {self.line})"


def parse_vcard(
    content: bytes | str,
    *,
    source_name: str,
    imported_on: date,
    default_kind: ContactKind | None = None,
    notes: list[str] | None = None,
) -> list[Contact]:
    """``default_kind`` is used for cards without X-WELLBEING-KIND (ordinary address-book exports)."""
    text = decode_content(content)
    contacts = build_contacts(
        (_record(card) for card in _cards(text)),
        source_name=source_name,
        imported_on=imported_on,
        default_kind=default_kind,
        notes=notes,
    )
    if not contacts:
        raise InvalidInput("The file has no vCards in it (each card starts with BEGIN:VCARD).")
    return contacts


def export_vcard(contacts: Iterable[Contact]) -> str:
    return "".join(_serialise(contact) for contact in contacts)


def _serialise(contact: Contact) -> str:
    card = vobject.vCard()
    card.add("uid").value = contact.id
    card.add("fn").value = contact.name
    given, _, family = contact.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family if given else "", given=given or family)
    if contact.organisation:
        card.add("org").value = [contact.organisation]
    optional = {
        "title": contact.role,
        "tel": contact.phone,
        "email": contact.email,
        "url": contact.url,
        "note": contact.notes,
        "x-wellbeing-availability": str(contact.availability) if contact.availability else "",
        "x-wellbeing-timezone": contact.timezone or "",
        "x-wellbeing-last-verified": contact.last_verified.isoformat() if contact.last_verified else "",
    }
    for name, value in optional.items():
        if value:
            card.add(name).value = value
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    for language in contact.languages:
        card.add("lang").value = language
    card.add(KIND_PROPERTY.lower()).value = contact.kind.value
    text: str = card.serialize()
    return text


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfolded lines with the physical line number each starts on."""
    parts: list[str] = []
    start = 0
    for number, physical in enumerate(_LINE_BREAK.split(text), start=1):
        if parts and physical[:1] in (" ", "\t"):
            parts.append(physical[1:])
            continue
        if parts and "".join(parts).strip():
            yield start, "".join(parts)
        parts, start = [physical], number
    if parts and "".join(parts).strip():
        yield start, "".join(parts)


def _cards(text: str) -> Iterator[_Card]:
    card: _Card | None = None
    depth = 0
    count = 0
    for number, line in _logical_lines(text):
        if card is None:
            if not _BEGIN_VCARD.fullmatch(line):
                raise InvalidInput(
                    f"Line {number}: this is outside a vCard (each card starts with BEGIN:VCARD). {_EXPORT_HELP}"
                )
            count += 1
            card, depth = _Card(count, number), 1
            continue
        prop = _content_line(line, number, card)
        marker = prop.name.upper()
        if marker == "BEGIN":
            depth += 1
        elif marker == "END":
            depth -= 1
            if depth == 0:
                if str(prop.value).strip().upper() != "VCARD":
                    raise InvalidInput(
                        f"{card.where}: the card ends with END:{prop.value}, not END:VCARD.", line=count
                    )
                yield card
                card = None
        elif depth == 1:
            card.properties.append(prop)
    if card is not None:
        raise InvalidInput(f"{card.where}: the card is never closed with END:VCARD.", line=card.number)


def _content_line(line: str, number: int, card: _Card) -> ContentLine:
    try:
        prop: ContentLine = textLineToContentLine(line, number)
    except Exception as error:
        # vobject signals bad input with many exception types (ParseError, LookupError for an unknown
        # charset, UnicodeError, TypeError...); they all mean "this line is not readable vCard".
        raise InvalidInput(
            f"{card.where}, line {number}: this line could not be read ({type(error).__name__}). {_EXPORT_HELP}",
            line=card.number,
        ) from None
    return prop


def _record(card: _Card) -> RawRecord:
    values: dict[str, RawValue] = {}
    by_name: dict[str, list[ContentLine]] = {}
    for prop in card.properties:
        by_name.setdefault(prop.name.upper(), []).append(prop)

    def first(name: str) -> str:
        found = _preferred(by_name.get(name, []))
        return _unescape(found.value) if found is not None else ""

    values["id"] = first("UID")
    values["name"] = first("FN") or _name_from_n(_first_raw(by_name, "N"))
    values["role"] = first("TITLE") or first("ROLE")
    values["organisation"] = ", ".join(
        unit.strip() for unit in _split(_first_raw(by_name, "ORG"), ";") if unit.strip()
    )
    values["phone"] = first("TEL")
    values["email"] = first("EMAIL")
    values["url"] = first("URL")
    values["notes"] = "\n".join(_unescape(prop.value) for prop in by_name.get("NOTE", []))
    values["tags"] = [tag for prop in by_name.get("CATEGORIES", []) for tag in _split(prop.value, ",")]
    values["languages"] = [_unescape(prop.value) for prop in by_name.get("LANG", [])]
    values["kind"] = first(KIND_PROPERTY)
    for property_name, field_name in _EXTRA_PROPERTIES.items():
        values[field_name] = first(property_name)
    if not values["timezone"]:
        values["timezone"] = _iana_zone_or_blank(first("TZ"))
    return RawRecord(values, card.where, card.number)


def _first_raw(by_name: dict[str, list[ContentLine]], name: str) -> str:
    found = _preferred(by_name.get(name, []))
    return str(found.value) if found is not None else ""


def _preferred(props: list[ContentLine]) -> ContentLine | None:
    """The property marked preferred (TYPE=PREF in 3.0, PREF=1 in 4.0), else the first."""
    for prop in props:
        types = [value.upper() for value in prop.params.get("TYPE", [])]
        if "PREF" in types or "PREF" in prop.params or "PREF" in (s.upper() for s in prop.singletonparams):
            return prop
    return props[0] if props else None


def _name_from_n(raw: str) -> str:
    parts = _split(raw, ";") + [""] * 5
    family, given, additional, prefix, suffix = parts[:5]
    return " ".join(part for part in (prefix, given, additional, family, suffix) if part.strip())


def _iana_zone_or_blank(value: str) -> str:
    """TZ is often a UTC offset, which cannot follow summer time; only an IANA name is kept."""
    if not value:
        return ""
    try:
        return check_timezone(value.strip())
    except InvalidInput:
        return ""


def _unescape(value: object) -> str:
    return _ESCAPE.sub(lambda match: "\n" if match.group(1) in "nN" else match.group(1), str(value))


def _split(value: object, separator: str) -> list[str]:
    """Split on separators that are not backslash-escaped, then unescape each part."""
    text = str(value)
    parts: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return [_unescape(part) for part in parts]
