"""Every export re-imports to the same contacts (apart from the source label, which names the new file)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.builders import CSV_TEXT, IMPORTED_ON, JSON_TEXT, VCARD_TEXT
from wellbeing_app.directory import (
    Contact,
    ContactKind,
    export_csv,
    export_json,
    export_vcard,
    parse_csv,
    parse_json,
    parse_vcard,
)
from wellbeing_app.directory.rows import build_contact
from wellbeing_app.errors import InvalidInput

Exporter = Callable[[list[Contact]], str]
Parser = Callable[..., list[Contact]]
FORMATS: list[tuple[str, Exporter, Parser]] = [
    ("csv", lambda contacts: export_csv(contacts), parse_csv),
    ("csv-excel", lambda contacts: export_csv(contacts, excel_bom=True), parse_csv),
    ("json", lambda contacts: export_json(contacts, "Team"), parse_json),
    ("vcf", lambda contacts: export_vcard(contacts), parse_vcard),
]


def sample_contacts() -> list[Contact]:
    contacts = parse_csv(CSV_TEXT, source_name="org.csv", imported_on=IMPORTED_ON)
    contacts += parse_json(JSON_TEXT, source_name="team.json", imported_on=IMPORTED_ON)
    contacts += parse_vcard(
        VCARD_TEXT, source_name="team.vcf", imported_on=IMPORTED_ON, default_kind=ContactKind.PEER_SUPPORTER
    )
    tricky = build_contact(
        {
            "id": 'odd;id,with "quotes"\\and:colons',
            "name": 'Ann "Nan" O\'Neil, RN; MSc',
            "kind": "debrief_contact",
            "organisation": "A;B, C\\D",
            "tags": ["a,b", "c:d", 'say "hi"'],
            "languages": ["en-GB", "Tigrinya"],
            "notes": 'first line\n  indented, with ; and , and \\ and "quotes"\n\nlast ' + "long " * 40,
            "availability": "Sun 22:00-02:00; Mon-Fri 00:00-24:00",
            "timezone": "America/Argentina/Buenos_Aires",
        },
        source="private",
    )
    return [*contacts, tricky]


def reimport(parser: Parser, text: bytes | str) -> list[Contact]:
    return parser(text, source_name="export", imported_on=IMPORTED_ON)


def same_apart_from_source(got: list[Contact], expected: list[Contact]) -> None:
    assert [replace(contact, source="x") for contact in got] == [
        replace(contact, source="x") for contact in expected
    ]


@pytest.mark.parametrize(("name", "exporter", "parser"), FORMATS, ids=[name for name, _, _ in FORMATS])
def test_export_then_import_gives_the_same_contacts(name: str, exporter: Exporter, parser: Parser) -> None:
    contacts = sample_contacts()
    same_apart_from_source(reimport(parser, exporter(contacts)), contacts)


@pytest.mark.parametrize(("name", "exporter", "parser"), FORMATS, ids=[name for name, _, _ in FORMATS])
def test_bytes_of_an_export_import_too(name: str, exporter: Exporter, parser: Parser) -> None:
    contacts = sample_contacts()
    same_apart_from_source(reimport(parser, exporter(contacts).encode("utf-8")), contacts)


field_text = st.text(
    alphabet=st.sampled_from([*"aZé山ع ,;:\"'\\\n\t-_.@/()", "\u2028", "\r", "\x00", "\ud800"]),
    max_size=20,
)
raw_contacts = st.fixed_dictionaries(
    {
        "name": field_text.filter(lambda text: any(char.isalpha() for char in text)),
        "kind": st.sampled_from([kind.value for kind in ContactKind]),
    },
    optional={
        "id": field_text,
        "role": field_text,
        "organisation": field_text,
        "phone": field_text,
        "languages": st.lists(field_text, max_size=3),
        "tags": st.lists(field_text, max_size=4),
        "notes": field_text,
        "availability": st.sampled_from(["Mon-Fri 09:00-17:00", "Sat 22:00-02:00", "Daily 00:00-24:00"]),
        "timezone": st.sampled_from(["Europe/London", "Asia/Tokyo", "UTC"]),
        "email": st.sampled_from(["a@example.org", "é@例え.jp"]),
        "url": st.sampled_from(["https://example.org/a,b;c", "http://例え.jp/パス"]),
        "last_verified": st.sampled_from(["2026-01-31", "1999-12-31"]),
    },
)


def build_all(raws: list[dict[str, object]]) -> list[Contact]:
    contacts: dict[str, Contact] = {}
    for raw in raws:
        try:
            contact = build_contact(raw, source="gen")  # type: ignore[arg-type]
        except InvalidInput:
            continue
        contacts.setdefault(contact.id, contact)
    return list(contacts.values())


@pytest.mark.parametrize(("name", "exporter", "parser"), FORMATS, ids=[name for name, _, _ in FORMATS])
@settings(max_examples=60, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raws=st.lists(raw_contacts, min_size=1, max_size=4))
def test_any_valid_contacts_round_trip(
    name: str, exporter: Exporter, parser: Parser, raws: list[dict[str, object]]
) -> None:
    contacts = build_all(raws)
    if not contacts and name == "vcf":
        return
    same_apart_from_source(reimport(parser, exporter(contacts)), contacts)
