"""The WHO-5: exact wording, parsing and validation of answers, and the percentage score."""

from __future__ import annotations

import pytest

from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments import (
    parse_who5_answers,
    validate_who5_answers,
    who5,
    who5_percentage,
)


def test_who5_is_the_1998_form_word_for_word() -> None:
    assert who5.ITEMS == (
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    )
    assert who5.OPTIONS == (
        (5, "All of the time"),
        (4, "Most of the time"),
        (3, "More than half of the time"),
        (2, "Less than half of the time"),
        (1, "Some of the time"),
        (0, "At no time"),
    )
    assert who5.INSTRUCTION.startswith("Please indicate for each of the five statements which is closest")
    assert who5.INSTRUCTION.endswith("Notice that higher numbers mean better well-being.")
    assert "the number 3 in the upper right corner" in who5.EXAMPLE
    assert who5.COLUMN_HEADER == "Over the last two weeks"
    assert "Psychiatric Research Unit" in who5.ATTRIBUTION and "Hillerød" in who5.ATTRIBUTION


@pytest.mark.parametrize(
    ("text", "answers"), [("3,4,5,2,1", (3, 4, 5, 2, 1)), (" 0, 0,0 ,5,5 ", (0, 0, 0, 5, 5))]
)
def test_who5_answers_parse(text: str, answers: tuple[int, ...]) -> None:
    assert parse_who5_answers(text) == answers


@pytest.mark.parametrize(
    ("text", "in_message"),
    [
        ("3,4,5,2", "Got 4"),
        ("3,4,5,2,1,0", "Got 6"),
        ("3,4,5,2,6", "Answer 5 is 6"),
        ("3,4,-1,2,1", "Answer 3 is '-1'"),
        ("3,x,5,2,1", "Answer 2 is 'x'"),
        ("3,4,5,2,1.0", "Answer 5 is '1.0'"),
        ("3,4,,2,1", "Answer 3 is ''"),
        ("", "Answer 1 is ''"),
        ("３,4,5,2,1", "Answer 1 is '３'"),
    ],
)
def test_invalid_who5_answers_name_the_field_and_the_range(text: str, in_message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_who5_answers(text)
    assert caught.value.field == "answers"
    assert in_message in str(caught.value)
    assert "from 0 to 5" in str(caught.value)
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("answers", [[True, 1, 1, 1, 1], [1.0, 1, 1, 1, 1], ["1", 1, 1, 1, 1], [1, 1, 1, 1]])
def test_who5_validation_takes_whole_numbers_only(answers: list[object]) -> None:
    with pytest.raises(InvalidInput):
        validate_who5_answers(answers)


@pytest.mark.parametrize(("raw", "percentage"), [(0, 0), (7, 28), (12, 48), (13, 52), (25, 100)])
def test_who5_percentage_is_raw_times_4(raw: int, percentage: int) -> None:
    assert who5_percentage(raw) == percentage


@pytest.mark.parametrize("raw", [-1, 26, True])
def test_who5_percentage_refuses_impossible_totals(raw: int) -> None:
    with pytest.raises(InvalidInput):
        who5_percentage(raw)
