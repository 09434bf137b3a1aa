"""The WHO-5 Well-Being Index, 1998 form, word for word, and its scoring.

The owners ask that the wording is reproduced unchanged and any change is marked, so the text lives here once
as constants and every front end shows these strings rather than its own paraphrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, TypeGuard

from wellbeing_app.errors import InvalidInput

TITLE: Final = "WHO (Five) Well-Being Index (1998 version)"
INSTRUCTION: Final = (
    "Please indicate for each of the five statements which is closest to how you have been feeling over "
    "the last two weeks. Notice that higher numbers mean better well-being."
)
EXAMPLE: Final = (
    "Example: If you have felt cheerful and in good spirits more than half of the time during the last two "
    "weeks, put a tick in the box with the number 3 in the upper right corner."
)
COLUMN_HEADER: Final = "Over the last two weeks"
ITEMS: Final[tuple[str, ...]] = (
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
)
# (value, label) in the order the form prints them, left to right.
OPTIONS: Final[tuple[tuple[int, str], ...]] = (
    (5, "All of the time"),
    (4, "Most of the time"),
    (3, "More than half of the time"),
    (2, "Less than half of the time"),
    (1, "Some of the time"),
    (0, "At no time"),
)
ATTRIBUTION: Final = (
    "WHO-Five Well-Being Index (WHO-5) © Psychiatric Research Unit, Mental Health Centre North Zealand "
    "(WHO Collaborating Centre in Mental Health), Hillerød, Denmark."
)

ITEM_COUNT: Final = 5
MIN_ANSWER: Final = 0
MAX_ANSWER: Final = 5
_RANGE_TEXT: Final = (
    f"The WHO-5 needs {ITEM_COUNT} answers, each a whole number from {MIN_ANSWER} to {MAX_ANSWER} "
    "(5 = all of the time, 0 = at no time), for example 3,4,5,2,1."
)


def _is_int(value: object) -> TypeGuard[int]:
    """True for real ints only: True/False and 3.0 are not answers."""
    return isinstance(value, int) and not isinstance(value, bool)


def validate_who5_answers(answers: Sequence[object]) -> tuple[int, ...]:
    """Return the answers as a tuple, or say exactly which one is wrong: only complete forms are scored."""
    if len(answers) != ITEM_COUNT:
        raise InvalidInput(f"{_RANGE_TEXT} Got {len(answers)}.", field="answers")
    checked: list[int] = []
    for position, answer in enumerate(answers, start=1):
        if not _is_int(answer) or not MIN_ANSWER <= answer <= MAX_ANSWER:
            raise InvalidInput(f"Answer {position} is {answer!r}. {_RANGE_TEXT}", field="answers")
        checked.append(answer)
    return tuple(checked)


def parse_who5_answers(text: str) -> tuple[int, ...]:
    """Parse the command line's "3,4,5,2,1" (spaces allowed) into validated answers."""
    parts = [part.strip() for part in text.split(",")]
    values: list[int] = []
    for position, part in enumerate(parts, start=1):
        if not part.isascii() or not part.isdigit():
            message = f"Answer {position} is {part!r}, not a whole number. {_RANGE_TEXT}"
            raise InvalidInput(message, field="answers")
        values.append(int(part))
    return validate_who5_answers(values)


def who5_raw(answers: Sequence[int]) -> int:
    """Raw sum, 0 (worst) to 25 (best)."""
    return sum(validate_who5_answers(answers))


def who5_percentage(raw: int) -> int:
    """Percentage = raw × 4, 0–100; always a multiple of 4, so 50 itself never occurs."""
    if not _is_int(raw) or not 0 <= raw <= ITEM_COUNT * MAX_ANSWER:
        raise InvalidInput(f"A WHO-5 raw total is a whole number from 0 to 25, not {raw!r}.", field="score")
    return raw * 4
