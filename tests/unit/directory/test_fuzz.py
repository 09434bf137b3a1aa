"""Whatever bytes arrive, an importer returns contacts or raises ``InvalidInput`` - never another exception.

When an import succeeds, its contacts must also export and import again, so a file that got in can always
be written back out.
"""

from __future__ import annotations

import json
from collections.abc import Callable

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
from wellbeing_app.errors import InvalidInput

Parser = Callable[..., list[Contact]]
IMPORTERS: dict[str, tuple[Parser, Callable[[list[Contact]], str], bytes]] = {
    "csv": (parse_csv, export_csv, CSV_TEXT.encode()),
    "json": (parse_json, lambda contacts: export_json(contacts, None), JSON_TEXT.encode()),
    "vcf": (parse_vcard, export_vcard, VCARD_TEXT.encode()),
}
FUZZ = settings(
    max_examples=120,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def only_contacts_or_invalid_input(name: str, content: bytes | str) -> None:
    parser, exporter, _ = IMPORTERS[name]
    try:
        contacts = parser(
            content, source_name="fuzz", imported_on=IMPORTED_ON, default_kind=ContactKind.PEER_SUPPORTER
        )
    except InvalidInput as error:
        assert str(error)
        return
    assert all(isinstance(contact, Contact) for contact in contacts)
    if contacts:
        again = parser(exporter(contacts), source_name="fuzz", imported_on=IMPORTED_ON)
        assert [contact.id for contact in again] == [contact.id for contact in contacts]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """A valid file with a few bytes replaced, inserted or deleted, as a damaged download would be."""
    data = bytearray(original)
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        position = draw(st.integers(min_value=0, max_value=len(data)))
        action = draw(st.sampled_from(["replace", "insert", "delete", "cut"]))
        byte = draw(st.sampled_from(b'\x00\xff\xc3\x80",;:\\\n\r {}[]-=' + bytes(range(0x20, 0x7F, 7))))
        if action == "replace" and position < len(data):
            data[position] = byte
        elif action == "insert":
            data.insert(position, byte)
        elif action == "delete" and position < len(data):
            del data[position]
        elif action == "cut":
            del data[position:]
    return bytes(data)


PIECES = [
    *',;:"\\\n\r\t {}[]-=0123456789',
    *["BEGIN:VCARD\r\n", "END:VCARD\r\n", "VERSION:4.0\r\n", "FN", "N", "ORG", "TEL", "CATEGORIES", "LANG"],
    *["ENCODING=", "QUOTED-PRINTABLE", "BASE64", "CHARSET=", "TYPE=PREF", "X-WELLBEING-KIND", "item1."],
    *["name", "kind", "id", "tags", "availability", "peer_supporter", "Mon", "09:00", "Europe/London"],
    *["\ufeff", "\ud800", "é", "ع", "\u2028", "\x00"],
]
structured_text = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@pytest.mark.parametrize("name", list(IMPORTERS))
@FUZZ
@given(content=st.binary(max_size=2000))
def test_random_bytes(name: str, content: bytes) -> None:
    only_contacts_or_invalid_input(name, content)


@pytest.mark.parametrize("name", list(IMPORTERS))
@FUZZ
@given(data=st.data())
def test_mutated_valid_files(name: str, data: st.DataObject) -> None:
    only_contacts_or_invalid_input(name, data.draw(mutated(IMPORTERS[name][2])))


@pytest.mark.parametrize("name", list(IMPORTERS))
@FUZZ
@given(text=structured_text)
def test_text_made_of_format_pieces(name: str, text: str) -> None:
    only_contacts_or_invalid_input(name, text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
field_names = st.sampled_from(
    ["id", "name", "kind", "email", "url", "tags", "languages", "availability", "timezone"]
)


@FUZZ
@given(
    top=st.dictionaries(
        st.sampled_from(["format", "version", "publisher", "contacts"]), json_values, max_size=4
    ),
    contacts=st.lists(st.dictionaries(field_names, json_values, max_size=5), max_size=3),
)
def test_json_documents_with_values_of_every_type(top: dict[str, object], contacts: list[object]) -> None:
    document = {"format": "wellbeing-directory", "version": 1, "contacts": contacts, **top}
    only_contacts_or_invalid_input("json", json.dumps(document))
