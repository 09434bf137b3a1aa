from __future__ import annotations

import pytest

from tests.helpers.builders import IMPORTED_ON, VCARD_TEXT
from wellbeing_app.directory import Contact, ContactKind, derived_id, parse_vcard
from wellbeing_app.errors import InvalidInput


def parse(
    content: bytes | str, default_kind: ContactKind | None = ContactKind.PEER_SUPPORTER
) -> list[Contact]:
    return parse_vcard(content, source_name="team.vcf", imported_on=IMPORTED_ON, default_kind=default_kind)


def card(*lines: str, version: str = "3.0") -> str:
    return "\r\n".join(("BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD")) + "\r\n"


def test_reads_a_vcard_3_card() -> None:
    grace = parse(VCARD_TEXT)[0]
    assert grace.id == "v-1"
    assert grace.name == "Grace Mwangi"
    assert grace.organisation == "Kenyatta Hospital, Nairobi, Emergency"
    assert grace.role == "Emergency nurse"
    assert grace.phone == "+254 700 000 002"
    assert grace.email == "grace@example.ke"
    assert grace.url == "https://example.ke/grace?a=1,2"
    assert grace.notes == "Former field deployment coordinator.\nAsk about the peer group, any time."
    assert grace.tags == ("field deployment", "night shifts")
    assert grace.languages == ("sw", "en")
    assert grace.kind is ContactKind.PEER_SUPPORTER
    assert str(grace.availability) == "Mon-Fri 09:00-17:00"
    assert grace.timezone == "Africa/Nairobi"


def test_reads_a_vcard_4_card_with_the_kind_chosen_at_import() -> None:
    anjali = parse(VCARD_TEXT, default_kind=ContactKind.PROFESSIONAL_SERVICE)[1]
    assert anjali.kind is ContactKind.PROFESSIONAL_SERVICE
    assert anjali.id == derived_id("team.vcf", "Anjali Sharma")
    assert anjali.phone == "+91-11-0000-0000"
    assert anjali.notes.endswith("longer than seventy-five characters.")
    assert anjali.languages == ("hi",)
    assert anjali.timezone is None  # a UTC offset cannot follow summer time, so it is not kept


def test_bytes_with_bom_and_lf_line_endings() -> None:
    content = b"\xef\xbb\xbf" + VCARD_TEXT.replace("\r\n", "\n").encode()
    assert parse(content) == parse(VCARD_TEXT)


def test_non_latin_names_and_escaped_values() -> None:
    text = card("FN:فاطمة الزهراء", "CATEGORIES:ICU") + card("FN:Smith, Ann", "ORG:A\\;B")
    fatima, ann = parse(text)
    assert fatima.name == "فاطمة الزهراء"
    assert ann.name == "Smith, Ann"
    assert ann.organisation == "A;B"


def test_name_comes_from_n_when_fn_is_missing() -> None:
    [contact] = parse(card("N:Tanaka;Yui;;Dr.;"))
    assert contact.name == "Dr. Yui Tanaka"


def test_blank_lines_and_groups_are_tolerated() -> None:
    [contact] = parse("\r\n" + card("item1.EMAIL;TYPE=INTERNET:a@example.org", "", "FN:A") + "\r\n")
    assert contact.email == "a@example.org"


def test_nested_cards_are_ignored() -> None:
    [contact] = parse(card("FN:Outer", "AGENT:BEGIN:VCARD", "BEGIN:VCARD", "FN:Inner", "END:VCARD"))
    assert contact.name == "Outer"


@pytest.mark.parametrize(
    ("lines", "field", "fragment"),
    [
        (("FN:C", "X-WELLBEING-KIND:mentor"), "kind", "'mentor' is not a known kind"),
        (("FN:C", "X-WELLBEING-AVAILABILITY:Mon 09:00"), "availability", "is not a time range"),
        (("FN:C", "EMAIL:c at example.org"), "email", "does not look like an email"),
        (("TITLE:Nurse",), "name", "the name is missing"),
        (("FN:C", "URL:file:///etc/passwd"), "url", "is not a web address"),
        (("FN:C", "X-WELLBEING-TIMEZONE:Atlantis/Capital"), "timezone", "is not a time zone"),
        (("FN:C", "X-WELLBEING-LAST-VERIFIED:last week"), "last_verified", "is not a date"),
        (("FN:C", "UID:same"), "id", "the id 'same' is also used by card 1 (line 1)"),
    ],
)
def test_each_invalid_card_names_its_number_line_and_field(
    lines: tuple[str, ...], field: str, fragment: str
) -> None:
    text = card("FN:A", "UID:same") + card("FN:B", "NOTE:two\r\n  lines") + card(*lines)
    with pytest.raises(InvalidInput, match=r"^Card 3 \(line 12\), field ") as caught:
        parse(text)
    assert caught.value.line == 3
    assert caught.value.field == field
    assert fragment in str(caught.value)


def test_kind_is_required_when_none_was_chosen_at_import() -> None:
    with pytest.raises(InvalidInput, match=r"^Card 1 \(line 1\), field 'kind': no kind is given"):
        parse(card("FN:A"), default_kind=None)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "The file has no vCards in it"),
        ("hello\r\n", "Line 1: this is outside a vCard"),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "Line 1: this is outside a vCard"),
        (card("FN:A") + "FN:B\r\n", "Line 5: this is outside a vCard"),
        ("BEGIN:VCARD\r\nFN:A\r\n", "Card 1 (line 1): the card is never closed"),
        (
            "BEGIN:VCARD\r\nFN:A\r\nnot a property\r\nEND:VCARD\r\n",
            "Card 1 (line 1), line 3: this line could not be",
        ),
        ("BEGIN:VCARD\r\nFN:A\r\nEND:VCALENDAR\r\n", "the card ends with END:VCALENDAR"),
    ],
)
def test_structural_problems_are_explained(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse(text)
    assert fragment in str(caught.value)


def test_quoted_printable_with_an_unknown_charset_is_an_error_not_a_crash() -> None:
    text = card("FN;ENCODING=QUOTED-PRINTABLE;CHARSET=NOPE:=41")
    with pytest.raises(InvalidInput, match="could not be read"):
        parse(text)
