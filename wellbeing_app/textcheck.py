"""Broken text is bad input: lone surrogates, bytes that are not UTF-8, numbers too long to be numbers.

Python lets such values through (``surrogateescape`` on arguments and standard input, ``"\\ud800"`` in JSON), and
they only fail later, when a record is encoded, as an unexpected error. These checks catch them at the edge and
name the field, so the command ends with exit 2 and nothing changed.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from wellbeing_app.errors import InvalidInput

MAX_NUMBER_DIGITS = 30
PATH_ARGUMENTS = frozenset({"file", "out", "data_dir"})
POSITIONALS = frozenset({"text", "words", "id"})
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Unusable:
    """What a number too long to be real, or NaN/Infinity, parses to; found later with its path."""

    def __init__(self, text: str) -> None:
        self.text = text


def has_broken_text(value: str) -> bool:
    return _SURROGATE.search(value) is not None


def checked_text(value: str, field: str) -> str:
    """``value`` unchanged, or InvalidInput when it holds bytes that are not valid text."""
    if has_broken_text(value):
        raise InvalidInput(
            f"{field} contains bytes that are not valid UTF-8 text; nothing was changed.", field=field
        )
    return value


def read_text(stream: TextIO, field: str) -> str:
    """All of a text stream, refusing input that is not UTF-8 with InvalidInput naming ``field``."""
    try:
        return checked_text(stream.read(), field)
    except UnicodeDecodeError:
        raise InvalidInput(f"{field} is not valid UTF-8 text; nothing was changed.", field=field) from None


def check_arguments(arguments: dict[str, Any]) -> None:
    """Parsed command-line arguments: InvalidInput naming the first option whose bytes are not UTF-8.

    File and folder names are left alone: on POSIX any bytes make a valid path.
    """
    for name, value in arguments.items():
        if name in PATH_ARGUMENTS:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if isinstance(item, str) and has_broken_text(item):
                option = name.upper() if name in POSITIONALS else "--" + name.replace("_", "-")
                checked_text(item, option)


def _parse_int(text: str) -> int | _Unusable:
    return _Unusable(text) if len(text.lstrip("-")) > MAX_NUMBER_DIGITS else int(text)


def _parse_float(text: str) -> float | _Unusable:
    if len(text) > MAX_NUMBER_DIGITS * 2:
        return _Unusable(text)
    number = float(text)
    return _Unusable(text) if number in (float("inf"), float("-inf")) else number


def _path(parts: tuple[str | int, ...]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "the file"


def check_document(document: Any) -> Any:
    """``document`` when every string and number in it is usable; otherwise InvalidInput naming the field."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, _Unusable):
            shown = value.text if len(value.text) <= 20 else value.text[:12] + "…"
            raise InvalidInput(f"{_path(where)}: {shown} is not a usable number.", field=_path(where))
        if isinstance(value, str) and has_broken_text(value):
            raise InvalidInput(
                f"{_path(where)} contains text that is not valid Unicode (a lone surrogate).",
                field=_path(where),
            )
        if isinstance(value, dict):
            for key, item in value.items():
                if has_broken_text(key):
                    raise InvalidInput(
                        f"{_path(where)} has a field name that is not valid Unicode.", field=_path(where)
                    )
                stack.append(((*where, key), item))
        elif isinstance(value, list):
            stack.extend(((*where, index), item) for index, item in enumerate(value))
    return document


def loads(text: str) -> Any:
    """``json.loads`` that refuses huge numbers, NaN/Infinity and lone surrogates (InvalidInput, field named).

    JSON syntax errors and RecursionError propagate as from ``json.loads``, for the caller's own wording.
    """
    document = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_Unusable)
    return check_document(document)
