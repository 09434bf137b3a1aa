from __future__ import annotations

import codecs
from datetime import date

import pytest

from tests.helpers.builders import CSV_HEADER, CSV_TEXT, IMPORTED_ON
from wellbeing_app.directory import Contact, ContactKind, derived_id, parse_csv
from wellbeing_app.errors import InvalidInput


def parse(content: bytes | str, default_kind: ContactKind | None = None) -> list[Contact]:
    return parse_csv(content, source_name="org.csv", imported_on=IMPORTED_ON, default_kind=default_kind)


def by_id(contacts: list[Contact]) -> dict[str, Contact]:
    return {contact.id: contact for contact in contacts}


def test_reads_every_field_of_a_full_row() -> None:
    ana = by_id(parse(CSV_TEXT))["p-001"]
    assert ana.name == "Ana Silva"
    assert ana.kind is ContactKind.PEER_SUPPORTER
    assert ana.role == "ICU nurse"
    assert ana.organisation == "St Mary's Hospital, London"
    assert ana.phone == "+44 20 7946 0001"
    assert ana.email == "ana.silva@example.org"
    assert ana.url == "https://example.org/ana"
    assert ana.languages == ("en", "pt")
    assert ana.tags == ("ICU", "field deployment", "night shifts")
    assert str(ana.availability) == "Mon-Fri 09:00-17:00; Sat 10:00-12:00"
    assert ana.timezone == "Europe/London"
    assert ana.notes == "Happy to talk after a hard shift."
    assert ana.source == "org.csv (2026-11-25)"
    assert ana.last_verified == date(2026, 11, 1)
    assert ana.listed


def test_quoted_commas_quotes_and_line_breaks_survive() -> None:
    jose = by_id(parse(CSV_TEXT))["p-002"]
    assert jose.organisation == "Médecins, Field Team"
    assert str(jose.availability) == "Mon,Wed 18:00-20:00"
    assert (
        jose.notes
        == 'Runs group debriefs.\nBring a colleague if you like, "no pressure".\nSecond line, with commas'
    )


def test_non_latin_names_are_kept_exactly() -> None:
    contacts = by_id(parse(CSV_TEXT))
    assert contacts["p-003"].name == "سارة أحمد"
    assert contacts["p-004"].name == "山田 花子"


@pytest.mark.parametrize(
    "content",
    [
        CSV_TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + CSV_TEXT.encode("utf-8"),
        "\ufeff" + CSV_TEXT,
        CSV_TEXT.replace("\n", "\r\n").encode("utf-8"),
        CSV_TEXT.encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom-bytes", "bom-str", "crlf", "utf16-with-bom"],
)
def test_encodings_and_line_endings_give_the_same_contacts(content: bytes | str) -> None:
    expected = parse(CSV_TEXT)
    got = parse(content)
    assert [contact.id for contact in got] == [contact.id for contact in expected]
    assert [contact.name for contact in got] == [contact.name for contact in expected]
    # CRLF inside quoted notes becomes a plain newline.
    assert got[1].notes == expected[1].notes


def test_missing_optional_fields_and_columns_are_fine() -> None:
    [contact] = parse("name,kind\nRosa Díaz,peer_supporter\n")
    assert contact.role == contact.phone == contact.email == contact.url == contact.notes == ""
    assert contact.languages == contact.tags == ()
    assert contact.availability is None
    assert contact.timezone is None
    assert contact.last_verified is None


def test_contact_without_id_gets_a_stable_id_from_source_and_name() -> None:
    minimal = parse(CSV_TEXT)[-1]
    assert minimal.id == derived_id("org.csv", "Minimal Contact")
    later = parse_csv(CSV_TEXT, source_name="org.csv", imported_on=date(2027, 1, 5))[-1]
    assert later.id == minimal.id
    other = parse_csv(CSV_TEXT, source_name="other.csv", imported_on=IMPORTED_ON)[-1]
    assert other.id != minimal.id


def test_header_is_forgiving_about_case_spacing_and_spelling() -> None:
    [contact] = parse("Name , KIND,Organization,Last Verified\nA B,Peer Supporter,Org,2026-01-02\n")
    assert contact.organisation == "Org"
    assert contact.kind is ContactKind.PEER_SUPPORTER
    assert contact.last_verified == date(2026, 1, 2)


def test_semicolon_separated_spreadsheet_export() -> None:
    [contact] = parse('name;kind;tags\nA B;debrief_contact;"ICU;night shifts"\n')
    assert contact.tags == ("ICU", "night shifts")


def test_blank_lines_are_skipped_and_header_only_means_no_contacts() -> None:
    assert parse(CSV_HEADER + "\n\n,,,,,,,,,,,,,\n") == []
    assert len(parse("\nname,kind\n\nA,peer_supporter\n\n")) == 1


def test_blank_kind_uses_the_kind_chosen_at_import() -> None:
    [contact] = parse("name,kind\nA,\n", default_kind=ContactKind.DEBRIEF_CONTACT)
    assert contact.kind is ContactKind.DEBRIEF_CONTACT


def test_lists_are_cleaned_and_deduplicated_ignoring_case() -> None:
    [contact] = parse('name,kind,tags\nA,peer_supporter," ICU ; icu;;Night  shifts "\n')
    assert contact.tags == ("ICU", "Night shifts")


# A two-line record first, so the bad record starts on physical line 4, not CSV record 3.
_BEFORE = 'Ok Person,peer_supporter,,"a note\nover two lines",,\n'
_COLUMNS = "name,kind,email,notes,availability,timezone,url,last_verified,id\n"


@pytest.mark.parametrize(
    ("row", "field", "fragment"),
    [
        ("A,mentor,,,,,,,", "kind", "'mentor' is not a known kind. Use peer_supporter, debrief_contact or"),
        ("A,,,,,,,,", "kind", "no kind is given"),
        ("A,peer_supporter,,,Mon-Fry 09:00-17:00,,,,", "availability", "'Fry' is not a day"),
        ("A,peer_supporter,,,Mon 9-5,,,,", "availability", "is not a time range"),
        ("A,peer_supporter,not-an-email,,,,,,", "email", "does not look like an email address"),
        ("A,peer_supporter,a@b,,,,,,", "email", "does not look like an email address"),
        (",peer_supporter,,,,,,,", "name", "the name is missing"),
        ("A,peer_supporter,,,,Mars/Olympus,,,", "timezone", "'Mars/Olympus' is not a time zone"),
        ("A,peer_supporter,,,,europe/london,,,", "timezone", "Did you mean Europe/London?"),
        ("A,peer_supporter,,,,,ftp://example.org,,", "url", "is not a web address"),
        ("A,peer_supporter,,,,,javascript:alert(1),,", "url", "is not a web address"),
        ("A,peer_supporter,,,,,,25/11/2026,", "last_verified", "Write it as YYYY-MM-DD"),
        ("A,peer_supporter,,,,,,2026-02-30,", "last_verified", "is not a date"),
        (
            "Ok Person,peer_supporter,,,,,,,",
            "name",
            "'Ok Person' is listed twice without an id (also line 2)",
        ),
    ],
)
def test_each_invalid_row_names_its_starting_line_and_field(row: str, field: str, fragment: str) -> None:
    text = _COLUMNS + _BEFORE + row + "\n"
    with pytest.raises(InvalidInput) as caught:
        parse(text)
    assert caught.value.line == 4
    assert caught.value.field == field
    assert str(caught.value).startswith(f"Line 4, field '{field}': ")
    assert fragment in str(caught.value)


def test_duplicate_id_names_both_lines() -> None:
    text = "id,name,kind\nx1,A,peer_supporter\nx2,B,peer_supporter\nx1,C,peer_supporter\n"
    with pytest.raises(
        InvalidInput, match=r"^Line 4, field 'id': the id 'x1' is also used by line 2\."
    ) as caught:
        parse(text)
    assert caught.value.line == 4


def test_message_reads_calmly_for_an_unknown_kind() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse("name,kind\nA,peer_supporter\nB,peer_supporter\nC,mentor\n")
    assert str(caught.value) == (
        "Line 4, field 'kind': 'mentor' is not a known kind. "
        "Use peer_supporter, debrief_contact or professional_service."
    )


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("name,kind\nA,peer_supporter,extra\n", 2, "this row has 3 values but the header has 2 columns"),
        ('name,kind\nA,peer_supporter\nB,"peer\n', 3, "a quoted value is never closed"),
        ('name,kind\n"A"x,peer_supporter\n', 2, "this row is not valid CSV"),
        ("name,kind,colour\nA,peer_supporter,red\n", 1, "the column 'colour' is not known"),
        ("name,kind,name\n", 1, "the column 'name' appears twice"),
        ("kind,role\npeer_supporter,x\n", 1, "the header has no 'name' column"),
    ],
)
def test_structural_problems_name_their_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=f"^Line {line}: ") as caught:
        parse(text)
    assert caught.value.line == line
    assert fragment in str(caught.value)


def test_trailing_empty_cells_beyond_the_header_are_ignored() -> None:
    assert len(parse("name,kind\nA,peer_supporter,,\n")) == 1


def test_a_windows_1252_file_from_excel_is_read_as_such() -> None:
    """Excel's plain "CSV" is still Windows-1252 in Western Europe (issue 11): it imports, letters intact."""
    content = "name;kind;languages;tags\nZoë Müller;peer_supporter;de,en;Intensivstation,Nachtdienst\n"
    [contact] = parse(content.encode("cp1252"))
    assert contact.name == "Zoë Müller"
    assert "€" in parse("name,kind,notes\nA,peer_supporter,costs €5\n".encode("cp1252"))[0].notes


def test_lists_in_cells_may_use_commas_when_they_have_no_semicolon() -> None:
    """`de,en` in a ;-separated file is two languages, not one unknown one (issue 11)."""
    [contact] = parse("name;kind;languages;tags\nA;peer_supporter;de,en;ICU, night shifts\n")
    assert contact.languages == ("de", "en")
    assert contact.tags == ("ICU", "night shifts")
    [mixed] = parse('name,kind,languages,tags\nB,peer_supporter,fr;en,"burns, adults;ICU"\n')
    assert mixed.languages == ("fr", "en")
    assert mixed.tags == ("burns, adults", "ICU")


def test_empty_file_is_an_error_not_an_empty_directory() -> None:
    with pytest.raises(InvalidInput, match="The file is empty"):
        parse(b"")
