from __future__ import annotations

import codecs
import json
from datetime import date

import pytest

from tests.helpers.builders import IMPORTED_ON, JSON_TEXT
from wellbeing_app.directory import Contact, ContactKind, derived_id, export_json, parse_json
from wellbeing_app.errors import InvalidInput


def parse(content: bytes | str) -> list[Contact]:
    return parse_json(content, source_name="team.json", imported_on=IMPORTED_ON)


def document(*contacts: object, **top: object) -> str:
    return json.dumps(
        {"format": "wellbeing-directory", "version": 1, "publisher": "Team", "contacts": contacts, **top}
    )


def test_reads_a_directory_file() -> None:
    amara, elodie, kenji = parse(JSON_TEXT)
    assert amara.id == "j-1"
    assert amara.languages == ("en", "ig")
    assert str(amara.availability) == "Mon-Fri 08:00-16:00"
    assert amara.timezone == "Africa/Lagos"
    assert elodie.name == "Élodie Bernard"
    assert elodie.tags == ("critical incident", "patient death")
    assert elodie.languages == ("fr", "en")
    assert elodie.notes == "Line one\nLine two"
    assert elodie.last_verified == date(2026, 11, 2)
    assert kenji.id == derived_id("team.json", "Kenji Sato")
    assert kenji.kind is ContactKind.PROFESSIONAL_SERVICE
    assert kenji.source == "team.json (2026-11-25)"


def test_bom_and_bytes_are_accepted() -> None:
    assert parse(codecs.BOM_UTF8 + JSON_TEXT.encode()) == parse(JSON_TEXT)


def test_non_latin_names_and_missing_publisher() -> None:
    text = json.dumps(
        {
            "format": "wellbeing-directory",
            "version": 1,
            "contacts": [
                {"name": "محمد علي", "kind": "peer_supporter"},
                {"name": "佐藤 健二", "kind": "peer_supporter"},
            ],
        }
    )
    assert [contact.name for contact in parse(text)] == ["محمد علي", "佐藤 健二"]


def test_nulls_count_as_missing() -> None:
    [contact] = parse(document({"name": "A", "kind": "peer_supporter", "email": None, "tags": None}))
    assert contact.email == ""
    assert contact.tags == ()


def test_a_directory_list_json_listing_can_be_imported_back() -> None:
    contacts = parse(JSON_TEXT)
    listing = json.dumps(
        {
            "format": "wellbeing-directory",
            "version": 1,
            "contacts": [contact.to_export_dict() for contact in contacts],
        }
    )
    assert parse(listing) == contacts


@pytest.mark.parametrize(
    ("bad", "field", "fragment"),
    [
        ({"name": "C", "kind": "mentor"}, "kind", "'mentor' is not a known kind"),
        ({"name": "C", "kind": "peer_supporter", "availability": "Someday"}, "availability", "has no times"),
        ({"name": "C", "kind": "peer_supporter", "email": "c@"}, "email", "does not look like an email"),
        ({"kind": "peer_supporter"}, "name", "the name is missing"),
        ({"name": "  ", "kind": "peer_supporter"}, "name", "the name is missing"),
        ({"name": "C", "kind": "peer_supporter", "timezone": "GMT+2"}, "timezone", "is not a time zone"),
        ({"name": "C", "kind": "peer_supporter", "url": "www.example.org"}, "url", "starting with https://"),
        ({"name": "C", "kind": "peer_supporter", "last_verified": "soon"}, "last_verified", "is not a date"),
        (
            {"name": "C", "kind": "peer_supporter", "phone": 441234},
            "phone",
            "expected text in quotes, found a number",
        ),
        ({"name": "C", "kind": "peer_supporter", "tags": [1, 2]}, "tags", "expected a list of text values"),
        (
            {"name": "C", "kind": "peer_supporter", "colour": "red"},
            "colour",
            "the field 'colour' is not known",
        ),
        (
            {"id": "j-1", "name": "C", "kind": "peer_supporter"},
            "id",
            "the id 'j-1' is also used by contact 1",
        ),
    ],
)
def test_each_invalid_contact_names_its_position_and_field(
    bad: dict[str, object], field: str, fragment: str
) -> None:
    text = document(
        {"id": "j-1", "name": "A", "kind": "peer_supporter"}, {"name": "B", "kind": "peer_supporter"}, bad
    )
    with pytest.raises(InvalidInput, match=r"^Contact 3") as caught:
        parse(text)
    assert caught.value.line == 3
    assert caught.value.field == field
    assert fragment in str(caught.value)


def test_a_contact_that_is_not_an_object() -> None:
    with pytest.raises(InvalidInput, match=r"^Contact 2: each contact should be a JSON object") as caught:
        parse(document({"name": "A", "kind": "peer_supporter"}, "B"))
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{not json", "The file is not valid JSON (line 1, column 2"),
        ("[]", "The file is not a directory"),
        ('{"format": "contacts", "version": 1, "contacts": []}', "is not a wellbeing directory"),
        (
            '{"format": "wellbeing-directory", "version": 2, "contacts": []}',
            "uses directory format version 2",
        ),
        ('{"format": "wellbeing-directory", "version": true, "contacts": []}', "'version' should be 1"),
        ('{"format": "wellbeing-directory", "version": 1}', "The file has no 'contacts' list"),
        ('{"format": "wellbeing-directory", "version": 1, "publisher": 5, "contacts": []}', "'publisher'"),
        ("[" * 100_000 + "]" * 100_000, "could not be read as a directory"),
    ],
)
def test_file_level_problems_are_explained(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse(text)
    assert fragment in str(caught.value)


def test_empty_contact_list_is_an_empty_directory() -> None:
    assert parse(document()) == []


def test_export_is_the_documented_shape() -> None:
    contacts = parse(JSON_TEXT)
    exported = json.loads(export_json(contacts, "Staff Wellbeing Team"))
    assert exported["format"] == "wellbeing-directory"
    assert exported["version"] == 1
    assert exported["publisher"] == "Staff Wellbeing Team"
    assert exported["contacts"][0] == {
        "id": "j-1",
        "name": "Amara Okafor",
        "kind": "peer_supporter",
        "role": "",
        "organisation": "",
        "phone": "",
        "email": "",
        "url": "",
        "languages": ["en", "ig"],
        "tags": ["field deployment", "ICU"],
        "availability": "Mon-Fri 08:00-16:00",
        "timezone": "Africa/Lagos",
        "notes": "",
        "last_verified": None,
    }
