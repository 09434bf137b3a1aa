"""Tags: free text, compared without regard to case, with suggestions for shifts and events."""

from __future__ import annotations

from collections.abc import Iterable

from wellbeing_app.errors import InvalidInput

SHIFT_TAGS = ("day shift", "night shift", "on call", "day off", "leave")
EVENT_TAGS = ("patient death", "difficult conversation", "incident", "deployment", "debrief")
SUGGESTED_TAGS = SHIFT_TAGS + EVENT_TAGS
MAX_TAG_LENGTH = 60


def normalise_tags(tags: Iterable[str], *, field: str = "tags") -> tuple[str, ...]:
    """Trimmed, single-spaced, without case-insensitive duplicates; the first spelling typed is kept."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in tags:
        tag = " ".join(str(raw).split())
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise InvalidInput(
                f"The tag '{tag[:20]}…' is longer than {MAX_TAG_LENGTH} characters; please shorten it.",
                field=field,
            )
        key = tag.casefold()
        if key not in seen:
            seen.add(key)
            result.append(tag)
    return tuple(result)


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as typed in one field, separated by commas or semicolons."""
    return normalise_tags(text.replace(";", ",").split(","))


def has_tag(tags: Iterable[str], wanted: str) -> bool:
    key = wanted.casefold().strip()
    return any(tag.casefold() == key for tag in tags)
