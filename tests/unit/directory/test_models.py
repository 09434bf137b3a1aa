from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date

import pytest

from tests.helpers.builders import CSV_TEXT, IMPORTED_ON
from wellbeing_app.directory import (
    Availability,
    Contact,
    ContactKind,
    Profile,
    language_key,
    language_name,
    new_private_contact,
    parse_csv,
    source_label,
    source_name_of,
    split_list,
)
from wellbeing_app.errors import InvalidInput

EXPORT_FIELDS = {
    "id", "name", "kind", "role", "organisation", "phone", "email", "url", "languages", "tags",
    "availability", "timezone", "notes", "source", "last_verified", "listed",
}  # fmt: skip


def full_contact() -> Contact:
    return Contact(
        id="p-1",
        name="Ana Silva",
        kind=ContactKind.DEBRIEF_CONTACT,
        role="Nurse",
        organisation="Org",
        phone="+44 (0)20 7946-0001",
        email="ana@example.org",
        url="https://example.org",
        languages=("en", "pt"),
        tags=("ICU", "Field Deployment"),
        availability=Availability.parse("Sat 22:00-02:00"),
        timezone="Europe/Lisbon",
        notes="two\nlines",
        source="org.csv (2026-11-25)",
        last_verified=date(2026, 11, 1),
        listed=False,
    )


@pytest.mark.parametrize(
    "contact", [full_contact(), Contact(id="x", name="Only Name", kind=ContactKind.PEER_SUPPORTER)]
)
def test_payload_round_trips_through_json(contact: Contact) -> None:
    payload = json.loads(json.dumps(contact.to_payload()))
    assert Contact.from_payload(payload) == contact


@pytest.mark.parametrize(
    "payload",
    [{}, {"id": "x", "name": "A", "kind": "mentor"}, {"id": "x", "name": 3, "kind": "peer_supporter"}, []],
)
def test_unreadable_payload_is_invalid_input(payload: object) -> None:
    with pytest.raises(InvalidInput, match="The stored contact could not be read"):
        Contact.from_payload(payload)  # type: ignore[arg-type]


def test_export_dict_has_the_fields_of_the_issue() -> None:
    exported = full_contact().to_export_dict()
    assert set(exported) == EXPORT_FIELDS
    assert exported["availability"] == "Sat 22:00-02:00"
    assert exported["last_verified"] == "2026-11-01"
    assert exported["languages"] == ["en", "pt"]
    assert exported["listed"] is False
    json.dumps(exported)


def test_contact_links_for_call_and_email() -> None:
    contact = full_contact()
    assert contact.tel_uri == "tel:+4402079460001"
    assert contact.mailto_uri == "mailto:ana@example.org"
    bare = Contact(id="x", name="A", kind=ContactKind.PEER_SUPPORTER, phone="ask reception")
    assert bare.tel_uri is None
    assert bare.mailto_uri is None


def test_tags_compare_ignoring_case_and_accents_but_keep_their_text() -> None:
    contact = replace(full_contact(), tags=("Field Deployment", "Pédiatrie"))
    assert contact.tag_keys == {"field deployment", "pediatrie"}
    assert contact.tags == ("Field Deployment", "Pédiatrie")


def test_record_id_is_stable_per_source_file_not_per_import_date() -> None:
    contact = full_contact()
    assert uuid.UUID(contact.record_id)
    assert replace(contact, source="org.csv (2027-01-01)").record_id == contact.record_id
    assert replace(contact, source="other.csv (2026-11-25)").record_id != contact.record_id


def test_source_labels() -> None:
    assert source_label("org.csv", IMPORTED_ON) == "org.csv (2026-11-25)"
    assert source_name_of("org.csv (2026-11-25)") == "org.csv"
    assert source_name_of("my list (draft).csv (2026-11-25)") == "my list (draft).csv"
    assert source_name_of("private") == "private"
    assert all(
        contact.source_name == "org.csv"
        for contact in parse_csv(CSV_TEXT, source_name="org.csv", imported_on=IMPORTED_ON)
    )


def test_private_contact_gets_a_fresh_id_and_keeps_it_when_edited() -> None:
    contact = new_private_contact(
        {"name": " Dr  Lee ", "kind": "professional_service", "tags": "burnout; ICU"}
    )
    assert contact.is_private
    assert contact.source == "private"
    assert contact.name == "Dr Lee"
    assert contact.tags == ("burnout", "ICU")
    assert uuid.UUID(contact.id)
    edited = new_private_contact({"name": "Dr Lee", "kind": "professional_service"}, contact_id=contact.id)
    assert edited.id == contact.id


def test_private_contact_errors_name_the_field() -> None:
    with pytest.raises(
        InvalidInput, match=r"^Field 'email': 'lee' does not look like an email address"
    ) as caught:
        new_private_contact({"name": "Dr Lee", "kind": "peer_supporter", "email": "lee"})
    assert caught.value.field == "email"


def test_profile_create_cleans_lists_and_country() -> None:
    profile = Profile.create(
        experience_tags="ICU; icu ;patient death", languages=["en", " fr "], country="gb"
    )
    assert profile.experience_tags == ("ICU", "patient death")
    assert profile.languages == ("en", "fr")
    assert profile.country == "GB"
    assert Profile.from_payload(json.loads(json.dumps(profile.to_payload()))) == profile
    assert Profile.from_payload({}) == Profile()


@pytest.mark.parametrize("country", ["GBR", "1", "G B"])
def test_profile_rejects_a_bad_country(country: str) -> None:
    with pytest.raises(InvalidInput, match="is not a country code") as caught:
        Profile.create(country=country)
    assert caught.value.field == "country"


@pytest.mark.parametrize(
    ("value", "key", "name"),
    [
        ("fr", "fr", "French"),
        ("FR-ca", "fr", "French"),
        ("French", "fr", "French"),
        ("pt_BR", "pt", "Portuguese"),
        ("sw", "sw", "Swahili"),
        ("Farsi", "fa", "Persian"),
        ("Klingon", "klingon", "Klingon"),
        ("BSL", "bsl", "BSL"),
    ],
)
def test_language_codes_and_names(value: str, key: str, name: str) -> None:
    assert language_key(value) == key
    assert language_name(value) == name


def test_split_list() -> None:
    assert split_list(" a ;b;; A ;c ") == ("a", "b", "c")
