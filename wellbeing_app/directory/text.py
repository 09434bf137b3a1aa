"""Text clean-up shared by every format, so the same contact reads the same whichever file it came from.

Directory files come from spreadsheets, address books and hand-written JSON, so stray control characters,
Windows line endings and odd whitespace are normal. Cleaning them once here keeps exports re-importable
(a name never contains a line break, a note never contains a lone carriage return) and keeps search
predictable.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable

from wellbeing_app.errors import InvalidInput

# Letters that carry no combining mark in Unicode but that people still type without their accent.
LEGACY_ENCODING = "cp1252"
_PLAIN_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "þ": "th"}
)


def _is_removable_mark(char: str) -> bool:
    """Latin accents and Arabic short-vowel marks are optional when searching; other marks (kana) are not."""
    code = ord(char)
    return 0x0300 <= code <= 0x036F or 0x064B <= code <= 0x065F or code == 0x0670


def _drop_controls(text: str, keep: str = "") -> str:
    """Control characters become spaces and lone surrogates become U+FFFD, so the text always encodes to UTF-8."""
    if text.isprintable() and text.isascii():
        return text
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cc" and char not in keep:
            out.append(" ")
        elif category == "Cs":
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def clean_line(value: str) -> str:
    """One-line fields (name, phone, tags...): NFC, no control characters, single spaces."""
    return " ".join(_drop_controls(unicodedata.normalize("NFC", value)).split())


def clean_block(value: str) -> str:
    """Notes keep their line breaks and tabs, written as plain newlines."""
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    lines = (line.rstrip() for line in _drop_controls(text, keep="\n\t").split("\n"))
    return "\n".join(lines).strip()


def fold(value: str) -> str:
    """Case- and accent-insensitive form used for tags and search ("Pédiatrie" and "pediatrie" match)."""
    if value.isascii():
        return " ".join(value.lower().split())
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(char for char in decomposed if not _is_removable_mark(char))
    return " ".join(stripped.casefold().translate(_PLAIN_LETTERS).split())


def split_list(value: str) -> tuple[str, ...]:
    """A list as written in CSV cells and on the command line: ";"-separated, or ","-separated when the text
    has no ";" at all (spreadsheets often write "de,en"), since then the comma cannot be part of an item."""
    return unique_items(value.split(";" if ";" in value else ","))


def unique_items(values: Iterable[str]) -> tuple[str, ...]:
    """Cleaned, non-empty items without case- or accent-only duplicates, first spelling kept."""
    seen: set[str] = set()
    items: list[str] = []
    for raw in values:
        item = clean_line(raw)
        key = fold(item)
        if item and key not in seen:
            seen.add(key)
            items.append(item)
    return tuple(items)


def decode_content(content: bytes | str) -> str:
    """UTF-8 with or without a byte-order mark (and UTF-16 with one, as some spreadsheet exports are)."""
    if isinstance(content, str):
        return content.removeprefix("\ufeff")
    if content.startswith(codecs.BOM_UTF8):
        content = content[len(codecs.BOM_UTF8) :]
    elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise InvalidInput("The file starts like UTF-16 text but could not be read as such.") from None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        # Excel still saves "CSV" as Windows-1252 (a superset of Latin-1's letters) in Western Europe.
        return content.decode(LEGACY_ENCODING, errors="replace")


def is_utf8(content: bytes) -> bool:
    """Whether ``decode_content`` reads ``content`` as Unicode rather than guessing Windows-1252."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
