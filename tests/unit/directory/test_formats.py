from __future__ import annotations

import pytest

from tests.helpers.builders import CSV_TEXT, IMPORTED_ON, JSON_TEXT, VCARD_TEXT
from wellbeing_app.directory import (
    ContactKind,
    DirectoryFormat,
    export_directory,
    format_from_filename,
    parse_csv,
    parse_directory,
)
from wellbeing_app.errors import InvalidInput


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("org.csv", DirectoryFormat.CSV),
        ("/home/me/Downloads/Team Directory.JSON", DirectoryFormat.JSON),
        ("contacts.vcf", DirectoryFormat.VCF),
        ("contacts.vCard", DirectoryFormat.VCF),
    ],
)
def test_format_from_filename(name: str, fmt: DirectoryFormat) -> None:
    assert format_from_filename(name) is fmt


@pytest.mark.parametrize("name", ["contacts.xlsx", "README", "notes.txt"])
def test_unknown_extension_asks_for_a_format(name: str) -> None:
    with pytest.raises(InvalidInput, match="Cannot tell the format") as caught:
        format_from_filename(name)
    assert caught.value.field == "format"


@pytest.mark.parametrize(
    ("fmt", "content", "count"),
    [
        (DirectoryFormat.CSV, CSV_TEXT, 5),
        (DirectoryFormat.JSON, JSON_TEXT, 3),
        (DirectoryFormat.VCF, VCARD_TEXT, 2),
    ],
)
def test_parse_directory_dispatches_on_format(fmt: DirectoryFormat, content: str, count: int) -> None:
    contacts = parse_directory(
        content.encode(),
        fmt=fmt,
        source_name="f",
        imported_on=IMPORTED_ON,
        default_kind=ContactKind.PEER_SUPPORTER,
    )
    assert len(contacts) == count


def test_export_directory_writes_each_format() -> None:
    contacts = parse_csv(CSV_TEXT, source_name="org.csv", imported_on=IMPORTED_ON)
    assert export_directory(contacts, fmt=DirectoryFormat.CSV).startswith("id,name,kind,")
    assert '"publisher": "Org"' in export_directory(contacts, fmt=DirectoryFormat.JSON, publisher="Org")
    assert export_directory(contacts, fmt=DirectoryFormat.VCF).count("BEGIN:VCARD") == 5
