"""Choosing a format by file name, and one entry point each for reading and writing any format."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from pathlib import PurePath

from wellbeing_app.directory.csv_format import export_csv, parse_csv
from wellbeing_app.directory.json_format import export_json, parse_json
from wellbeing_app.directory.models import Contact, ContactKind
from wellbeing_app.directory.vcard_format import export_vcard, parse_vcard
from wellbeing_app.errors import InvalidInput


class DirectoryFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    VCF = "vcf"


_EXTENSIONS = {
    ".csv": DirectoryFormat.CSV,
    ".json": DirectoryFormat.JSON,
    ".vcf": DirectoryFormat.VCF,
    ".vcard": DirectoryFormat.VCF,
}


def format_from_filename(name: str) -> DirectoryFormat:
    suffix = PurePath(name).suffix.casefold()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    raise InvalidInput(
        f"Cannot tell the format of '{PurePath(name).name}' from its name. "
        "Use a .csv, .json, .vcf or .vcard file, or choose the format (csv, json or vcf).",
        field="format",
    )


MAX_FILE_BYTES = 5_000_000


def parse_directory(
    content: bytes | str,
    *,
    fmt: DirectoryFormat,
    source_name: str,
    imported_on: date,
    default_kind: ContactKind | None = None,
    notes: list[str] | None = None,
) -> list[Contact]:
    """Every contact in the file, or ``InvalidInput`` naming the line and field of the first problem.

    ``notes`` receives what is worth a word but stops nothing, such as a language code the app does not know.
    """
    if len(content) > MAX_FILE_BYTES:
        raise InvalidInput(
            f"The file is {len(content) / 1e6:.1f} MB; a directory file may be at most {MAX_FILE_BYTES // 10**6} MB.",
            field="file",
        )
    parser = {
        DirectoryFormat.CSV: parse_csv,
        DirectoryFormat.JSON: parse_json,
        DirectoryFormat.VCF: parse_vcard,
    }[fmt]
    return parser(
        content, source_name=source_name, imported_on=imported_on, default_kind=default_kind, notes=notes
    )


def export_directory(
    contacts: Iterable[Contact], *, fmt: DirectoryFormat, publisher: str | None = None
) -> str:
    if fmt is DirectoryFormat.CSV:
        return export_csv(contacts)
    if fmt is DirectoryFormat.JSON:
        return export_json(contacts, publisher)
    return export_vcard(contacts)
