"""The single-item burnout measure: exact wording, parsing and validation of the answer."""

from __future__ import annotations

import pytest

from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments import (
    burnout,
    parse_burnout_answer,
    validate_answers,
)


def test_burnout_item_is_the_1_0_direction_word_for_word() -> None:
    assert [value for value, _ in burnout.OPTIONS] == [1, 2, 3, 4, 5]
    assert burnout.OPTIONS[0][1] == "I enjoy my work. I have no symptoms of burnout."
    assert burnout.OPTIONS[1][1] == (
        "Occasionally I am under stress, and I don't always have as much energy as I once did, "
        "but I don't feel burned out."
    )
    assert burnout.OPTIONS[2][1] == (
        "I am definitely burning out and have one or more symptoms of burnout, "
        "such as physical and emotional exhaustion."
    )
    assert burnout.OPTIONS[3][1] == (
        "The symptoms of burnout that I'm experiencing won't go away. I think about frustration at work a lot."
    )
    assert burnout.OPTIONS[4][1] == (
        "I feel completely burned out and often wonder if I can go on. I am at the point where I may need "
        "some changes or may need to seek some sort of help."
    )
    assert (
        burnout.STEM
        == "Overall, based on your definition of burnout, how would you rate your level of burnout?"
    )
    assert "Schmoldt" in burnout.ATTRIBUTION and "Dolan" in burnout.ATTRIBUTION
    assert burnout.statement(5) == burnout.OPTIONS[4][1]


@pytest.mark.parametrize("text", ["0", "6", "x", "", "2.5", "-1", "10"])
def test_invalid_burnout_answers_name_the_field_and_the_range(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_burnout_answer(text)
    assert caught.value.field == "answer"
    assert "from 1 to 5" in str(caught.value)


def test_burnout_answer_parses() -> None:
    assert parse_burnout_answer(" 3 ") == 3


def test_burnout_has_exactly_one_answer() -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_answers("burnout", [3, 3])
    assert caught.value.field == "answer"
